"""Fashion-MNIST for the Python side-by-side scripts (torch_vae.py, jax_vae.py): NumPy only.

`read_idx_images` reads the IDX gzip files of Debian's dataset-fashion-mnist package;
`fixed_binarization` reproduces `LatentModels.FixedBinarization` bit for bit (pixel i is on iff
uniform_i < x_i / 255, uniform_i = top 24 bits of splitmix64(seed + (i + 1) * golden) / 2^24,
compared in Float32), so every implementation evaluates on identical binary test images.
"""
import gzip
import os
import sys

import numpy as np

DATA = "/usr/share/datasets/fashion-mnist"
GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def read_idx_images(name):
    path = os.path.join(DATA, name)
    if not os.path.exists(path):
        sys.exit(f"missing {path}: install the Debian package dataset-fashion-mnist")
    with gzip.open(path, "rb") as f:
        raw = f.read()
    n, rows, cols = (int.from_bytes(raw[4 * i:4 * i + 4], "big") for i in (1, 2, 3))
    return np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(n, rows * cols)


def splitmix_uniform(seed, count):
    """Counter-based SplitMix64 uniforms in [0, 1) with 24-bit resolution."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (np.arange(1, count + 1, dtype=np.uint64) * GOLDEN)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(40)).astype(np.float32) * np.float32(2.0 ** -24)


def fixed_binarization(pixels, seed):
    u = splitmix_uniform(seed, pixels.size).reshape(pixels.shape)
    # Float32 on both sides, as in Swift: u is exact (24 bits), x = Float(byte) / 255.
    return (u < pixels.astype(np.float32) / np.float32(255.0)).astype(np.float32)
