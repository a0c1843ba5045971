"""Runs `notes-bench tensors` and `torch_step.py` alternately and prints medians.

Usage: python3 Benchmarks/compare.py [--rounds 5] [--core SkylakeX] [--no-torch]
       [--bench .build-tensors/release/notes-bench] [--python /tmp/torch-venv/bin/python]

Each round runs, back to back: notes-bench with no OPENBLAS_* variable set, notes-bench
with OPENBLAS_CORETYPE=<core> exported (skipped if that core cannot run on this CPU, e.g.
SkylakeX without AVX-512 dies with SIGILL), then PyTorch plain and tuned. Alternating
spreads the machine's background load evenly over the configurations.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def parse(lines):
    out = {}
    for line in lines.splitlines():
        if not line.startswith("bench="):
            continue
        kv = dict(item.split("=", 1) for item in line.split())
        if kv["bench"] == "matmul":
            out[f"matmul {kv['m']}x{kv['k']}x{kv['n']} {kv['trans']}"] = float(kv["gflops"])
        else:
            out[f"vae-step {kv.get('impl')} {kv.get('mode', '')}".strip()] = float(kv["samples_per_s"])
    return out


def run(cmd, env):
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        print(f"# {' '.join(cmd)} exited {p.returncode}: {p.stderr.strip()[:200]}", file=sys.stderr)
        return {}
    return parse(p.stdout)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--rounds", type=int, default=5)
    a.add_argument("--core", default="SkylakeX")
    a.add_argument("--bench", default=os.path.join(root, ".build-tensors/release/notes-bench"))
    a.add_argument("--python", default="/tmp/torch-venv/bin/python")
    a.add_argument("--no-torch", action="store_true")
    a.add_argument("--nice", type=int, default=0,
                   help="run every benchmark under `nice -n N` (negative needs root); same for all sides")
    args = a.parse_args()
    base = {k: v for k, v in os.environ.items() if not k.startswith("OPENBLAS_")}
    forced = dict(base, OPENBLAS_CORETYPE=args.core)
    configs = [("default", [args.bench, "tensors"], base), (f"CORETYPE={args.core}", [args.bench, "tensors"], forced)]
    if not args.no_torch:
        configs.append(("torch", [args.python, os.path.join(here, "torch_step.py"), "--mode", "both"], base))
    if args.nice:
        configs = [(n, ["nice", "-n", str(args.nice)] + c, e) for n, c, e in configs]
    samples = {}
    for r in range(args.rounds):
        for name, cmd, env in configs:
            for key, value in run(cmd, env).items():
                samples.setdefault((name, key), []).append(value)
        print(f"# round {r + 1}/{args.rounds} done, load {os.getloadavg()[0]:.1f}", file=sys.stderr)
        table(configs, samples)


def table(configs, samples):
    keys = sorted({k for _, k in samples})
    print(f"{'case':36s} " + " ".join(f"{n:>20s}" for n, _, _ in configs))
    for key in keys:
        cells = []
        for name, _, _ in configs:
            vals = samples.get((name, key))
            cells.append(f"{statistics.median(vals):20.1f}" if vals else f"{'-':>20s}")
        print(f"{key:36s} " + " ".join(cells), flush=True)


if __name__ == "__main__":
    main()
