"""One VAE training step in PyTorch, the reference for `notes-bench tensors`.

Same model and batch as `bench=vae-step` in Sources/notes-bench/TensorsBenchmarks.swift:
encoder 784-300-300-20 (mean and log-variance of a 10-d latent), reparameterized
sample, decoder 10-300-300-784, Bernoulli-logits reconstruction + analytic KL,
batch 128, Adam(lr=1e-3). Prints one line per configuration, e.g.

    bench=vae-step impl=torch mode=plain batch=128 samples_per_s=31000 ms_per_step=4.1

Usage: python Benchmarks/torch_step.py [--mode plain|tuned|both] [--steps 300] [--repeats 5]
  plain: torch defaults (Adam foreach).
  tuned: torch.set_flush_denormal(True) and Adam(fused=True).
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class VAE(nn.Module):
    def __init__(self, data=784, hidden=300, latent=10, act=nn.ReLU):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(data, hidden), act(), nn.Linear(hidden, hidden), act(),
                                     nn.Linear(hidden, 2 * latent))
        self.decoder = nn.Sequential(nn.Linear(latent, hidden), act(), nn.Linear(hidden, hidden), act(),
                                     nn.Linear(hidden, data))
        self.latent = latent

    def loss(self, x):
        h = self.encoder(x)
        mean, log_var = h[:, :self.latent], h[:, self.latent:]
        z = mean + torch.exp(0.5 * log_var) * torch.randn_like(mean)
        logits = self.decoder(z)
        rec = -F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(1)
        kl = -0.5 * (1 + log_var - mean.pow(2) - log_var.exp()).sum(1)
        return (kl - rec).mean()


def run(mode, steps, repeats, batch):
    torch.manual_seed(0)
    torch.set_flush_denormal(mode == "tuned")
    model = VAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, fused=(mode == "tuned"))
    x = torch.bernoulli(torch.rand(batch * 16, 784))
    rates, cpu = [], []
    for r in range(repeats + 1):
        start, cpu_start = time.perf_counter(), time.process_time()
        for s in range(steps):
            xb = x[(s % 16) * batch:(s % 16 + 1) * batch]
            opt.zero_grad(set_to_none=True)
            loss = model.loss(xb)
            loss.backward()
            opt.step()
        elapsed = time.perf_counter() - start
        if r > 0:  # first repeat is warm-up
            rates.append(steps * batch / elapsed)
            cpu.append((time.process_time() - cpu_start) / steps)
    med = statistics.median(rates)
    print(f"bench=vae-step impl=torch mode={mode} batch={batch} threads={torch.get_num_threads()} "
          f"samples_per_s={med:.0f} ms_per_step={1000 * batch / med:.3f} "
          f"cpu_ms_per_step={1000 * statistics.median(cpu):.3f} loss={loss.item():.3f}", flush=True)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--mode", default="both", choices=["plain", "tuned", "both"])
    p.add_argument("--steps", type=int, default=50)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--threads", type=int, default=0, help="torch.set_num_threads (0: torch default)")
    a = p.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    for m in (["plain", "tuned"] if a.mode == "both" else [a.mode]):
        run(m, a.steps, a.repeats, a.batch)
