#!/usr/bin/env python3
"""PyTorch reference for `notes-bench train`: the same VAE / GMVAE on Fashion-MNIST.

Configuration (the issue #4 acceptance setup): all 60k training images, dynamic
binarization, batch 128, Adam lr 1e-3, z = 10, 784-H-H ReLU encoder with a linear head
for the mean and log-variance, the mirror decoder with Bernoulli logits, single-sample
ELBO. `--model gmvae` swaps the prior for a K-component Gaussian mixture (uniform weights,
learnable means and log-variances) with a one-sample Monte-Carlo KL.

The test set is binarized once with the counter-based SplitMix64 stream that
`LatentModels.FixedBinarization` uses (pixel i is on iff uniform_i < x_i / 255, with
uniform_i = top 24 bits of splitmix64(seed + (i + 1) * golden) / 2^24, compared in Float32), so both programs
evaluate on bit-identical test images.

Prints machine-readable `key=value` lines, like `notes-bench train`:

    /tmp/torch-venv/bin/python Benchmarks/torch_vae.py --model vae --epochs 5 [--tuned]

`--tuned` enables torch.set_flush_denormal(True) and Adam(fused=True).
PyTorch is never a dependency of the project; this script only runs side by side.
"""
import argparse
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fashion_data import fixed_binarization, read_idx_images  # noqa: E402


class VAE(nn.Module):
    def __init__(self, hidden, latent, components):
        super().__init__()
        self.latent = latent
        self.enc = nn.Sequential(nn.Linear(784, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.head = nn.Linear(hidden, 2 * latent)
        self.dec = nn.Sequential(nn.Linear(latent, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 784))
        self.components = components
        if components > 0:
            self.prior_means = nn.Parameter(torch.randn(components, latent))
            self.prior_logvar = nn.Parameter(torch.zeros(components, latent))

    def encode(self, x):
        mu, logvar = self.head(self.enc(x)).chunk(2, dim=-1)
        return mu, logvar

    def log_prior(self, z):  # z: [..., latent]
        if self.components == 0:
            return -0.5 * (z.pow(2) + math.log(2 * math.pi)).sum(-1)
        zz = z.unsqueeze(-2)  # [..., 1, d]
        m, lv = self.prior_means, self.prior_logvar
        comp = -0.5 * ((zz - m).pow(2) * torch.exp(-lv) + lv + math.log(2 * math.pi)).sum(-1)
        return torch.logsumexp(comp, dim=-1) - math.log(self.components)

    def nelbo_terms(self, x):
        mu, logvar = self.encode(x)
        eps = torch.randn_like(mu)
        z = mu + torch.exp(0.5 * logvar) * eps
        logits = self.dec(z)
        rec = -F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(-1)
        if self.components == 0:
            kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(-1)
        else:
            logq = -0.5 * (eps.pow(2) + logvar + math.log(2 * math.pi)).sum(-1)
            kl = logq - self.log_prior(z)
        return rec, kl

    @torch.no_grad()
    def iwae(self, x, k):
        mu, logvar = self.encode(x)
        std = torch.exp(0.5 * logvar)
        eps = torch.randn(k, *mu.shape)
        z = mu + std * eps  # [k, b, d]
        logits = self.dec(z)
        xb = x.expand(k, *x.shape)
        rec = -F.binary_cross_entropy_with_logits(logits, xb, reduction="none").sum(-1)
        logq = -0.5 * (eps.pow(2) + logvar + math.log(2 * math.pi)).sum(-1)
        logw = rec + self.log_prior(z) - logq
        return torch.logsumexp(logw, 0) - math.log(k)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", choices=["vae", "gmvae"], default="vae")
    p.add_argument("--components", type=int, default=10)
    p.add_argument("--hidden", type=int, default=300)
    p.add_argument("--latent", type=int, default=10)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--test-seed", type=int, default=2024)
    p.add_argument("--iwae", type=int, default=100)
    p.add_argument("--tuned", action="store_true")
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--init", choices=["torch", "he"], default="torch",
                   help="torch: nn.Linear's default; he: notes' default (He-normal weights before ReLUs, "
                        "Glorot-uniform for the output layers, zero biases)")
    a = p.parse_args()

    torch.manual_seed(a.seed)
    if a.threads:
        torch.set_num_threads(a.threads)
    if a.tuned:
        torch.set_flush_denormal(True)
    train = torch.from_numpy(read_idx_images("train-images-idx3-ubyte.gz").astype(np.float32) / 255.0)
    test = torch.from_numpy(fixed_binarization(read_idx_images("t10k-images-idx3-ubyte.gz"), a.test_seed))
    model = VAE(a.hidden, a.latent, a.components if a.model == "gmvae" else 0)
    if a.init == "he":
        hidden_layers = [model.enc[0], model.enc[2], model.dec[0], model.dec[2]]
        for layer in [model.enc[0], model.enc[2], model.head, model.dec[0], model.dec[2], model.dec[4]]:
            if any(layer is h for h in hidden_layers):
                nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            else:
                nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr, fused=True if a.tuned else None)
    print(f"impl=torch\ntorch={torch.__version__}\nthreads={torch.get_num_threads()}\ntuned={int(a.tuned)}")
    print(f"init={a.init}")
    print(f"model={a.model}\nhidden={a.hidden}\nlatent={a.latent}\nbatch={a.batch}\nseed={a.seed}")
    n = train.shape[0]
    total = 0.0
    for epoch in range(1, a.epochs + 1):
        model.train()
        t0 = time.perf_counter()
        perm = torch.randperm(n)
        loss_sum = 0.0
        for s in range(0, n, a.batch):
            x = torch.bernoulli(train[perm[s:s + a.batch]])
            rec, kl = model.nelbo_terms(x)
            loss = (kl - rec).mean()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            loss_sum += loss.item() * x.shape[0]
        dt = time.perf_counter() - t0
        total += dt
        model.eval()
        with torch.no_grad():
            rec, kl = model.nelbo_terms(test)
        print(f"epoch={epoch} seconds={dt:.3f} samples_per_second={n / dt:.0f} train_nelbo={loss_sum / n:.3f} "
              f"test_nelbo={(kl - rec).mean().item():.3f} test_kl={kl.mean().item():.3f} "
              f"test_reconstruction={-rec.mean().item():.3f}", flush=True)
    print(f"seconds_per_epoch={total / a.epochs:.3f}\nsamples_per_second={n * a.epochs / total:.0f}")
    with torch.no_grad():
        rec, kl = model.nelbo_terms(test)
        print(f"test_nelbo={(kl - rec).mean().item():.3f}\ntest_kl={kl.mean().item():.3f}\n"
              f"test_reconstruction={-rec.mean().item():.3f}")
        if a.iwae <= 0:
            return
        t0 = time.perf_counter()
        bounds = torch.cat([model.iwae(test[i:i + 100], a.iwae) for i in range(0, test.shape[0], 100)])
        print(f"test_iwae{a.iwae}={-bounds.mean().item():.3f}\niwae_seconds={time.perf_counter() - t0:.2f}")


if __name__ == "__main__":
    main()
