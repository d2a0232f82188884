"""Attention and Ising-attention time stepping vs sequence length, CPU and (optionally) GPU.

Run from the repository root::

    uv run python courses/ising-attention/benchmarks/bench_attention.py           # CPU
    uv run python courses/ising-attention/benchmarks/bench_attention.py --gpu     # CPU and CUDA
    uv run python courses/ising-attention/benchmarks/bench_attention.py --quick   # validation only

Implementations (float32, d = 64, one head):

* ``ex01 from scratch`` — the reference solution of exercise 1 (full n x n weights): the
  **baseline** every ratio is taken against, measured in the same run on the same device;
* ``ex04 chunked`` — exercise 4's query-chunked attention (chunks of 128 rows);
* ``torch SDPA`` — ``torch.nn.functional.scaled_dot_product_attention`` (fused kernels where
  the device has them);
* ``ex03 Euler x50`` — 50 explicit-Euler steps of the Ising-attention layer (couplings
  included), exercise 3's reference solution.

Before anything is timed, every attention output is validated against ``torch SDPA`` in
float64 on the CPU (max abs difference <= 1e-4 in float32) and the Euler result against the
direct solve. Times are medians of ``--repeat`` calls after one warm-up call, with
``torch.cuda.synchronize()`` around GPU calls. Peak GPU memory is measured with
``torch.cuda.max_memory_allocated``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import torch

from icsc_ising_attention.problems import random_qkv

SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions"
D = 64
CHUNK = 128


def load_solution(name: str) -> ModuleType:
    """Import ``solutions/<name>.py`` as a module."""
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", SOLUTIONS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def median_seconds(func: Callable[[], Any], repeat: int, device: str) -> float:
    """Median wall-clock seconds of ``func()`` over ``repeat`` calls after one warm-up."""
    func()
    samples = []
    for _ in range(repeat):
        if device == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        func()
        if device == "cuda":
            torch.cuda.synchronize()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def implementations(ex01: ModuleType, ex03: ModuleType, ex04: ModuleType) -> dict[str, Callable]:
    def euler(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
        j = ex03.couplings(q, k)
        return ex03.relax(j, v, 0.5, 1.0, 50)

    return {
        "ex01 from scratch": ex01.scaled_dot_product_attention,
        "ex04 chunked": lambda q, k, v: ex04.chunked_attention(q, k, v, chunk_size=CHUNK),
        "torch SDPA": torch.nn.functional.scaled_dot_product_attention,
        "ex03 Euler x50": euler,
    }


def validate(impls: dict[str, Callable], ex03: ModuleType, device: str) -> None:
    """Every implementation must reproduce its reference before it is timed."""
    q, k, v = random_qkv(96, D, seed=5, dtype=torch.float32, device=device)
    reference = torch.nn.functional.scaled_dot_product_attention(
        q.double().cpu(), k.double().cpu(), v.double().cpu()
    )
    for name, impl in impls.items():
        out = impl(q, k, v).double().cpu()
        if name.startswith("ex03"):
            j = ex03.couplings(q.double().cpu(), k.double().cpu())
            expected = ex03.fixed_point(j, v.double().cpu(), 0.5)
            # 50 Jacobi steps at g = 0.5 leave 0.5**50 ~ 1e-15 of the start; float32 rounding dominates.
            error = float((out - expected).abs().max())
        else:
            error = float((out - reference).abs().max())
        if error > 1e-4:
            msg = f"{name} on {device} differs from its reference by {error:.2e}"
            raise AssertionError(msg)


def run(device: str, ns: list[int], repeat: int) -> list[dict[str, Any]]:
    ex01, ex03, ex04 = (
        load_solution(n) for n in ("ex01_sdpa", "ex03_ising_relaxation", "ex04_scaling")
    )
    impls = implementations(ex01, ex03, ex04)
    validate(impls, ex03, device)
    rows = []
    for n in ns:
        q, k, v = random_qkv(n, D, seed=1, dtype=torch.float32, device=device)
        baseline = None
        for name, impl in impls.items():
            seconds = median_seconds(lambda impl=impl, q=q, k=k, v=v: impl(q, k, v), repeat, device)
            if baseline is None:
                baseline = seconds
            peak = None
            if device == "cuda":
                torch.cuda.synchronize()
                torch.cuda.reset_peak_memory_stats()
                before = torch.cuda.memory_allocated()
                impl(q, k, v)
                torch.cuda.synchronize()
                peak = torch.cuda.max_memory_allocated() - before
            rows.append(
                {
                    "device": device,
                    "n": n,
                    "implementation": name,
                    "median_s": seconds,
                    "speedup_vs_ex01": baseline / seconds,
                    "peak_bytes": peak,
                }
            )
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    print("| device | n | implementation | median | vs ex01 | peak GPU memory |")
    print("| --- | ---: | --- | ---: | ---: | ---: |")
    for row in rows:
        peak = "" if row["peak_bytes"] is None else f"{row['peak_bytes'] / 2**20:.1f} MiB"
        print(
            f"| {row['device']} | {row['n']} | {row['implementation']} | "
            f"{row['median_s'] * 1e3:.3f} ms | {row['speedup_vs_ex01']:.2f}x | {peak} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gpu", action="store_true", help="also run on CUDA (if available)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: validation only")
    parser.add_argument("--repeat", type=int, default=5, help="timed calls per measurement")
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    args = parser.parse_args()
    torch.set_num_threads(
        min(2, torch.get_num_threads()) if args.quick else torch.get_num_threads()
    )
    ns = [64, 128] if args.quick else [512, 1024, 2048, 4096]
    devices = ["cpu"]
    if args.gpu and torch.cuda.is_available():
        devices.append("cuda")
    elif args.gpu:
        print("no CUDA device found: CPU only")
    rows = []
    for device in devices:
        rows += run(device, ns, 1 if args.quick else args.repeat)
    print(
        f"torch {torch.__version__}, Python {platform.python_version()}, {platform.machine()}, "
        f"{torch.get_num_threads()} CPU threads"
        + (f", {torch.cuda.get_device_name()}" if "cuda" in devices else "")
    )
    print_table(rows)
    print(f"validated {len(devices) * 4} implementations")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
