#!/usr/bin/env python3
"""JAX (jit) reference for `notes-bench train`: the same VAE on Fashion-MNIST as torch_vae.py.

Configuration (the issue #4 acceptance setup, identical to torch_vae.py): all 60k training
images, dynamic binarization (fresh Bernoulli pixels for every batch, drawn with jax.random
inside the jitted step), batch 128, Adam lr 1e-3 (optax.adam, same betas and eps as
torch.optim.Adam), z = 10, 784-H-H ReLU encoder with a linear head for the mean and
log-variance, the mirror decoder with Bernoulli logits, single-sample ELBO with analytic KL.
Only the VAE is implemented; `--model gmvae` is rejected.

One training step (gather the batch from the device-resident training set through the epoch's
permutation, binarize it, forward, backward, Adam update) is a single `jax.jit` function whose
parameter, optimizer-state and PRNG-key buffers are donated. Both batch shapes (128, and the
final 96-image batch of an epoch) are compiled on copies of the initial state before the clock
starts; that time is printed as `compile_seconds=`. Per-epoch `seconds` count the training loop
only (permutation + all steps, blocked with `block_until_ready`), never evaluation.

The test set is binarized once with the counter-based SplitMix64 stream that
`LatentModels.FixedBinarization` uses (pixel i is on iff uniform_i < x_i / 255, with
uniform_i = top 24 bits of splitmix64(seed + (i + 1) * golden) / 2^24, compared in Float32), so
notes, PyTorch and JAX evaluate on bit-identical test images (NumPy helpers shared with
torch_vae.py in fashion_data.py; this script needs no PyTorch).

Prints the same machine-readable `key=value` lines as torch_vae.py and `notes-bench train`
(one `epoch=…` line per epoch, then `seconds_per_epoch`, `samples_per_second`, `test_nelbo`,
`test_kl`, `test_reconstruction`, `test_iwae100`), plus `compile_seconds` and `xla_flags`:

    python3 -m venv /tmp/jax-venv && /tmp/jax-venv/bin/pip install "jax[cpu]" optax numpy
    /tmp/jax-venv/bin/python Benchmarks/jax_vae.py --model vae --epochs 5 [--iwae 100] [--threads N]

`--iwae K` (default 100, as in torch_vae.py; 0 skips it) reports -mean L_K on the test set.
`--init torch|he` selects nn.Linear's default init or notes' He/Glorot init (see torch_vae.py).

Threads: XLA's CPU client has no thread-count setting; it sizes its intra-op thread pool from
the process's CPU affinity mask (all cores by default, 2 on the benchmark VM), and
OMP_NUM_THREADS / torch-style calls do not affect it. `--threads N` therefore restricts the
affinity mask to the first N allowed CPUs before JAX starts (like `taskset -c 0..N-1`), and for
N = 1 also sets XLA_FLAGS=--xla_cpu_multi_thread_eigen=false. Pinning fixes *which* cores are
used, unlike torch.set_num_threads; on a shared machine `taskset` by hand gives the same
effect. Any XLA_FLAGS already in the environment are kept.
JAX is never a dependency of the project; this script only runs side by side.
"""
import argparse
import math
import os
import sys
import time

import numpy as np

# jax, jax.numpy and optax are imported in main(), after `--threads` has set the CPU affinity
# and XLA_FLAGS (both must be in place before XLA creates its CPU client).
jax = jnp = optax = None

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fashion_data import fixed_binarization, read_idx_images  # noqa: E402

LOG_2PI = math.log(2 * math.pi)


# ---- model -----------------------------------------------------------------------------------

# (name, fan_in, fan_out, followed by ReLU); weights are [fan_in, fan_out], y = x @ w + b.
def layer_shapes(hidden, latent):
    return [("enc1", 784, hidden, True), ("enc2", hidden, hidden, True), ("head", hidden, 2 * latent, False),
            ("dec1", latent, hidden, True), ("dec2", hidden, hidden, True), ("out", hidden, 784, False)]


def init_params(key, hidden, latent, scheme):
    """torch: nn.Linear's default, w and b ~ U(±1/sqrt(fan_in)).
    he: He-normal (std sqrt(2/fan_in)) before ReLUs, Glorot-uniform for the two output layers,
    zero biases (notes' default; torch_vae.py --init he)."""
    params = {}
    for name, fan_in, fan_out, relu in layer_shapes(hidden, latent):
        key, kw, kb = jax.random.split(key, 3)
        if scheme == "torch":
            bound = 1.0 / math.sqrt(fan_in)
            w = jax.random.uniform(kw, (fan_in, fan_out), jnp.float32, -bound, bound)
            b = jax.random.uniform(kb, (fan_out,), jnp.float32, -bound, bound)
        else:
            if relu:
                w = jax.random.normal(kw, (fan_in, fan_out), jnp.float32) * math.sqrt(2.0 / fan_in)
            else:
                bound = math.sqrt(6.0 / (fan_in + fan_out))
                w = jax.random.uniform(kw, (fan_in, fan_out), jnp.float32, -bound, bound)
            b = jnp.zeros((fan_out,), jnp.float32)
        params[name] = (w, b)
    return params


def dense(p, x):
    return x @ p[0] + p[1]


def encode(params, x):
    h = jax.nn.relu(dense(params["enc1"], x))
    h = jax.nn.relu(dense(params["enc2"], h))
    mu, logvar = jnp.split(dense(params["head"], h), 2, axis=-1)
    return mu, logvar


def decode(params, z):
    h = jax.nn.relu(dense(params["dec1"], z))
    h = jax.nn.relu(dense(params["dec2"], h))
    return dense(params["out"], h)


def bernoulli_log_likelihood(logits, x):
    # = -binary_cross_entropy_with_logits(logits, x).sum(-1), computed stably.
    return jnp.sum(x * logits - jax.nn.softplus(logits), axis=-1)


def nelbo_terms(params, x, key):
    """Per-example reconstruction log-likelihood and analytic KL, one reparameterized sample."""
    mu, logvar = encode(params, x)
    eps = jax.random.normal(key, mu.shape, mu.dtype)
    z = mu + jnp.exp(0.5 * logvar) * eps
    rec = bernoulli_log_likelihood(decode(params, z), x)
    kl = -0.5 * jnp.sum(1 + logvar - mu ** 2 - jnp.exp(logvar), axis=-1)
    return rec, kl


def iwae_bounds(params, x, key, k):
    """log (1/k) sum_i p(x, z_i) / q(z_i | x), z_i ~ q, per example."""
    mu, logvar = encode(params, x)
    eps = jax.random.normal(key, (k,) + mu.shape, mu.dtype)
    z = mu + jnp.exp(0.5 * logvar) * eps                                  # [k, b, d]
    rec = bernoulli_log_likelihood(decode(params, z), x)                 # [k, b]
    log_prior = -0.5 * jnp.sum(z ** 2 + LOG_2PI, axis=-1)
    logq = -0.5 * jnp.sum(eps ** 2 + logvar + LOG_2PI, axis=-1)
    return jax.scipy.special.logsumexp(rec + log_prior - logq, axis=0) - math.log(k)


def make_train_step(optimizer):
    def loss_fn(params, x, key):
        rec, kl = nelbo_terms(params, x, key)
        return jnp.mean(kl - rec)

    def step(params, opt_state, key, train_u8, perm, start, batch):
        key, k_bin, k_eps = jax.random.split(key, 3)
        idx = jax.lax.dynamic_slice_in_dim(perm, start, batch)
        probs = train_u8[idx].astype(jnp.float32) / 255.0
        x = (jax.random.uniform(k_bin, probs.shape, jnp.float32) < probs).astype(jnp.float32)
        loss, grads = jax.value_and_grad(loss_fn)(params, x, k_eps)
        updates, opt_state = optimizer.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, key, loss

    return jax.jit(step, static_argnames=("batch",), donate_argnums=(0, 1, 2))


# ---- driver ----------------------------------------------------------------------------------

def configure_threads(threads):
    """Must run before jax is imported (see the module docstring)."""
    if threads <= 0:
        return
    allowed = sorted(os.sched_getaffinity(0))
    if threads < len(allowed):
        os.sched_setaffinity(0, allowed[:threads])
    if threads == 1:
        flags = os.environ.get("XLA_FLAGS", "")
        if "xla_cpu_multi_thread_eigen" not in flags:
            os.environ["XLA_FLAGS"] = (flags + " --xla_cpu_multi_thread_eigen=false").strip()


def main():
    global jax, jnp, optax
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", choices=["vae", "gmvae"], default="vae")
    p.add_argument("--hidden", type=int, default=300)
    p.add_argument("--latent", type=int, default=10)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--test-seed", type=int, default=2024)
    p.add_argument("--iwae", type=int, default=100)
    p.add_argument("--threads", type=int, default=0,
                   help="0: XLA's default (one pool thread per CPU in the affinity mask); "
                        "N: pin to the first N allowed CPUs (and disable Eigen multithreading for N = 1)")
    p.add_argument("--init", choices=["torch", "he"], default="torch",
                   help="torch: nn.Linear's default; he: notes' default (He-normal weights before ReLUs, "
                        "Glorot-uniform for the output layers, zero biases)")
    a = p.parse_args()
    if a.model != "vae":
        sys.exit("jax_vae.py implements only --model vae; for the GMVAE use torch_vae.py --model gmvae "
                 "or notes-bench train --model gmvae")
    if a.epochs < 1:
        sys.exit("--epochs must be at least 1")

    configure_threads(a.threads)
    import jax as _jax
    import jax.numpy as _jnp
    import optax as _optax
    jax, jnp, optax = _jax, _jnp, _optax
    import jaxlib

    train_u8 = read_idx_images("train-images-idx3-ubyte.gz")
    test_np = fixed_binarization(read_idx_images("t10k-images-idx3-ubyte.gz"), a.test_seed)
    n = train_u8.shape[0]
    starts = list(range(0, n, a.batch))
    sizes = sorted({min(a.batch, n - s) for s in starts})

    key_init, key_train, key_perm, key_eval, key_iwae = jax.random.split(jax.random.PRNGKey(a.seed), 5)
    params = init_params(key_init, a.hidden, a.latent, a.init)
    optimizer = optax.adam(a.lr)  # b1 0.9, b2 0.999, eps 1e-8 outside the sqrt: torch.optim.Adam's defaults
    opt_state = optimizer.init(params)
    train_dev = jax.device_put(train_u8)      # uint8 [60000, 784], 47 MB, stays on the device
    test_dev = jax.device_put(test_np)        # float32 {0, 1} [10000, 784]

    train_step = make_train_step(optimizer)
    permutation = jax.jit(lambda k: jax.random.permutation(k, n).astype(jnp.int32))

    @jax.jit
    def evaluate(params, x, key):
        rec, kl = nelbo_terms(params, x, key)
        return jnp.mean(kl - rec), jnp.mean(kl), -jnp.mean(rec)

    threads = len(os.sched_getaffinity(0))
    print(f"impl=jax\njax={jax.__version__}\njaxlib={jaxlib.__version__}\noptax={optax.__version__}\n"
          f"backend={jax.default_backend()}\nthreads={threads}\nxla_flags={os.environ.get('XLA_FLAGS', '')}")
    print(f"init={a.init}")
    print(f"model={a.model}\nhidden={a.hidden}\nlatent={a.latent}\nbatch={a.batch}\nseed={a.seed}", flush=True)

    # Warm-up: compile (and run once) every shape the timed loop uses, on copies of the state,
    # since the real buffers are donated. Evaluation is compiled here too, outside the clock.
    t0 = time.perf_counter()
    perm = permutation(key_perm)
    for size in sizes:
        copies = jax.tree.map(jnp.copy, (params, opt_state, key_train))
        out = train_step(*copies, train_dev, perm, starts[-1] if size < a.batch else 0, batch=size)
        jax.block_until_ready(out)
    jax.block_until_ready(evaluate(params, test_dev, key_eval))
    print(f"compile_seconds={time.perf_counter() - t0:.3f}", flush=True)

    key = key_train
    total = 0.0
    for epoch in range(1, a.epochs + 1):
        t0 = time.perf_counter()
        perm = permutation(jax.random.fold_in(key_perm, epoch))
        losses = []
        for s in starts:
            size = min(a.batch, n - s)
            params, opt_state, key, loss = train_step(params, opt_state, key, train_dev, perm, s, batch=size)
            losses.append(loss)
        jax.block_until_ready((params, opt_state, losses))
        dt = time.perf_counter() - t0
        total += dt
        loss_sum = sum(float(l) * min(a.batch, n - s) for l, s in zip(losses, starts))
        nelbo, kl, rec = (float(v) for v in evaluate(params, test_dev, jax.random.fold_in(key_eval, epoch)))
        print(f"epoch={epoch} seconds={dt:.3f} samples_per_second={n / dt:.0f} train_nelbo={loss_sum / n:.3f} "
              f"test_nelbo={nelbo:.3f} test_kl={kl:.3f} test_reconstruction={rec:.3f}", flush=True)
    print(f"seconds_per_epoch={total / a.epochs:.3f}\nsamples_per_second={n * a.epochs / total:.0f}")
    nelbo, kl, rec = (float(v) for v in evaluate(params, test_dev, jax.random.fold_in(key_eval, 0)))
    print(f"test_nelbo={nelbo:.3f}\ntest_kl={kl:.3f}\ntest_reconstruction={rec:.3f}", flush=True)
    if a.iwae <= 0:
        return
    iwae = jax.jit(iwae_bounds, static_argnames=("k",))
    jax.block_until_ready(iwae(params, test_dev[:100], key_iwae, k=a.iwae))  # compile outside the clock
    t0 = time.perf_counter()
    bounds = [iwae(params, test_dev[i:i + 100], jax.random.fold_in(key_iwae, i), k=a.iwae)
              for i in range(0, test_np.shape[0], 100)]
    mean_bound = float(jnp.mean(jnp.concatenate(bounds)))
    print(f"test_iwae{a.iwae}={-mean_bound:.3f}\niwae_seconds={time.perf_counter() - t0:.2f}")


if __name__ == "__main__":
    main()
