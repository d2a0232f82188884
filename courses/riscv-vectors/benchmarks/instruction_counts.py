"""Executed instructions of saxpy: RVV against fixed-width SIMD, measured on the models.

Run from the repository root:

    uv run python courses/riscv-vectors/benchmarks/instruction_counts.py

Baseline: SSE (128-bit) with a scalar tail. Every kernel is a reference solution
(``solutions/ex01_saxpy.py``, ``solutions/ex06_counts.py``) run on the course's machine
models; the validator checks each result against NumPy and each SIMD count against the
closed form of exercise 6. The table backs the numbers quoted in lecture 03, section 3.9.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np

from icsc_riscv_vectors import RVVMachine

SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions"
SIZES = (7, 16, 100, 1000, 4096)


def _solution(name: str):
    spec = importlib.util.spec_from_file_location(name, SOLUTIONS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _rvv_m1(a: float, x: np.ndarray, y: np.ndarray, vlen: int) -> tuple[np.ndarray, dict[str, int]]:
    """Exercise 1's loop with LMUL = 1 (one register per operand)."""
    m = RVVMachine(vlen)
    px, py = m.memory.place_before_guard(x), m.memory.place_before_guard(y)
    start, n = py, len(x)
    while n > 0:
        vl = m.vsetvli(n, 32, 1, ta=True, ma=True)
        m.vle32(1, px)
        m.vle32(2, py)
        m.vfmacc_vf(2, a, 1)
        m.vse32(2, py)
        n, px, py = n - vl, px + 4 * vl, py + 4 * vl
    return m.memory.read_array(start, np.float32, len(x)), m.counts


def main() -> None:
    ex01, ex06 = _solution("ex01_saxpy"), _solution("ex06_counts")
    kernels = {
        "SSE 128 + scalar tail (baseline)": (
            lambda x, y: ex06.saxpy_simd(2.0, x, y, 128),
            (128, "scalar"),
        ),
        "AVX2 256 + scalar tail": (lambda x, y: ex06.saxpy_simd(2.0, x, y, 256), (256, "scalar")),
        "AVX-512 + scalar tail": (lambda x, y: ex06.saxpy_simd(2.0, x, y, 512), (512, "scalar")),
        "AVX-512 + masked tail": (
            lambda x, y: ex06.saxpy_simd(2.0, x, y, 512, "masked"),
            (512, "masked"),
        ),
        "RVV VLEN=128, e32 m1": (lambda x, y: _rvv_m1(2.0, x, y, 128), None),
        "RVV VLEN=128, e32 m8": (lambda x, y: ex01.saxpy(2.0, x, y, 128), None),
        "RVV VLEN=512, e32 m8": (lambda x, y: ex01.saxpy(2.0, x, y, 512), None),
    }
    rng = np.random.default_rng(0)
    totals: dict[str, list[int]] = {}
    for label, (run, closed) in kernels.items():
        totals[label] = []
        for n in SIZES:
            x = rng.standard_normal(n).astype(np.float32)
            y = rng.standard_normal(n).astype(np.float32)
            result, counts = run(x, y)
            exact = 2.0 * x.astype(np.float64) + y
            assert np.all(np.abs(result - exact) <= 2.0**-22 * (2 * np.abs(x) + np.abs(y))), (
                label,
                n,
            )
            if closed is not None:
                formula = ex06.simd_saxpy_counts(n, *closed)
                assert formula["total"] == sum(counts.values()), (label, n)
            totals[label].append(sum(counts.values()))
    baseline = totals["SSE 128 + scalar tail (baseline)"]
    print(f"{'kernel':34}" + "".join(f"{'n=' + str(n):>16}" for n in SIZES))
    for label, row in totals.items():
        cells = "".join(
            f"{count:>8} ({count / base:4.2f})" for count, base in zip(row, baseline, strict=True)
        )
        print(f"{label:34}{cells}")
    print("\ninstructions executed (ratio to the SSE baseline in the same run); results validated")


if __name__ == "__main__":
    main()
