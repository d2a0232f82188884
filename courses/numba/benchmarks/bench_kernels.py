"""Pure Python vs NumPy vs numba vs numba-parallel for the kernels of exercises 2-4.

Run from the repository root::

    uv run python courses/numba/benchmarks/bench_kernels.py          # full sizes
    uv run python courses/numba/benchmarks/bench_kernels.py --quick  # tiny sizes, validation only

Every implementation of a kernel gets the same input; before anything is timed, each
result is checked against the baseline (``validator``): Ising sweeps and Mandelbrot
counts must agree exactly, distances to 1e-12. Times are medians of ``--repeat`` calls
measured with the reference solution of exercise 1 (compilation excluded, reported as
``first call``), and every ratio is taken against the *pure Python* baseline of the same
kernel measured in the same run. The numba-parallel rows also give the ratio against
serial numba, i.e. what ``prange`` alone bought on this machine's cores.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import sys
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numba
import numpy as np
from numba import njit, prange

SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions"


def load_solution(name: str) -> ModuleType:
    """Import ``solutions/<name>.py`` (registered in ``sys.modules``: numba needs that)."""
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", SOLUTIONS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- Ising
def ising_sweep_lists(spins: list[list[int]], beta: float, uniforms: list[list[float]]) -> int:
    """Checkerboard Metropolis sweep on nested Python lists: the interpreted baseline."""
    n_rows, n_cols = len(spins), len(spins[0])
    accept_4, accept_8 = math.exp(-4.0 * beta), math.exp(-8.0 * beta)
    change = 0
    for parity in (0, 1):
        for i in range(n_rows):
            row, above, below = spins[i], spins[i - 1], spins[(i + 1) % n_rows]
            u_row = uniforms[i]
            for j in range((i + parity) % 2, n_cols, 2):
                s = row[j]
                delta = 2 * s * (above[j] + below[j] + row[j - 1] + row[(j + 1) % n_cols])
                if delta <= 0 or u_row[j] < (accept_4 if delta == 4 else accept_8):
                    row[j] = -s
                    change += delta
    return change


def ising_sweep_numpy(spins: np.ndarray, beta: float, uniforms: np.ndarray) -> int:
    """The same sweep with whole-array operations: one colour of the checkerboard at a time."""
    colour = np.indices(spins.shape).sum(axis=0) % 2
    change = 0
    for parity in (0, 1):
        s = spins.astype(np.int64)
        field = np.roll(s, 1, 0) + np.roll(s, -1, 0) + np.roll(s, 1, 1) + np.roll(s, -1, 1)
        delta = 2 * s * field
        flip = (colour == parity) & (uniforms < np.exp(-beta * np.maximum(delta, 0)))
        spins[flip] *= -1
        change += int(delta[flip].sum())
    return change


@njit(parallel=True, cache=False)
def ising_sweep_parallel(spins: np.ndarray, beta: float, uniforms: np.ndarray) -> int:
    """The exercise-3 kernel with ``prange`` over the rows of each colour (same bits).

    Each row writes its energy change into its own slot of ``row_change`` and the slots
    are summed after the parallel loop: no shared accumulator, so no race and no
    reduction carried across the outer colour loop.
    """
    n_rows, n_cols = spins.shape
    accept_4 = math.exp(-4.0 * beta)
    accept_8 = math.exp(-8.0 * beta)
    row_change = np.zeros(n_rows, dtype=np.int64)
    for parity in range(2):
        for i in prange(n_rows):
            up = i - 1 if i > 0 else n_rows - 1
            down = i + 1 if i < n_rows - 1 else 0
            for j in range((i + parity) % 2, n_cols, 2):
                left = j - 1 if j > 0 else n_cols - 1
                right = j + 1 if j < n_cols - 1 else 0
                s = int(spins[i, j])
                delta = (
                    2 * s * int(spins[up, j] + spins[down, j] + spins[i, left] + spins[i, right])
                )
                if delta <= 0 or uniforms[i, j] < (accept_4 if delta == 4 else accept_8):
                    spins[i, j] = -s
                    row_change[i] += delta
    return int(row_change.sum())


@njit(cache=False)
def ising_sweep_branch_free(spins: np.ndarray, beta: float, uniforms: np.ndarray) -> int:
    """The exercise-3 kernel with a lookup table and no data-dependent branch (same bits).

    Near T_c about half of the flips are accepted at random, so the ``if`` of the plain
    kernel is mispredicted often; selecting the new spin arithmetically avoids that.
    """
    n_rows, n_cols = spins.shape
    table = np.empty(5)  # acceptance probability for delta = -8, -4, 0, 4, 8
    for k in range(5):
        table[k] = min(1.0, math.exp(-beta * (4 * k - 8)))
    change = 0
    for parity in range(2):
        for i in range(n_rows):
            up = i - 1 if i > 0 else n_rows - 1
            down = i + 1 if i < n_rows - 1 else 0
            for j in range((i + parity) % 2, n_cols, 2):
                left = j - 1 if j > 0 else n_cols - 1
                right = j + 1 if j < n_cols - 1 else 0
                s = int(spins[i, j])
                delta = (
                    2 * s * int(spins[up, j] + spins[down, j] + spins[i, left] + spins[i, right])
                )
                flip = int(uniforms[i, j] < table[(delta + 8) >> 2])
                spins[i, j] = s - 2 * s * flip
                change += delta * flip
    return change


# ---------------------------------------------------------------------- Mandelbrot
def mandelbrot_python(xs: list[float], ys: list[float], max_iter: int) -> list[list[int]]:
    """Escape counts with Python floats and lists."""
    rows = []
    for y in ys:
        row = []
        for x in xs:
            zr = zi = 0.0
            count = max_iter
            for n in range(max_iter):
                if zr * zr + zi * zi > 4.0:
                    count = n
                    break
                zr, zi = zr * zr - zi * zi + x, 2.0 * zr * zi + y
            row.append(count)
        rows.append(row)
    return rows


def mandelbrot_numpy(xs: np.ndarray, ys: np.ndarray, max_iter: int) -> np.ndarray:
    """Escape counts with masked whole-array updates (only pixels still iterating)."""
    cr, ci = np.meshgrid(xs, ys)
    counts = np.full(cr.shape, max_iter, dtype=np.int32)
    index = np.flatnonzero(np.ones(cr.size, dtype=bool))
    cr, ci = cr.ravel(), ci.ravel()
    zr, zi = np.zeros(cr.size), np.zeros(cr.size)
    flat = counts.ravel()
    for n in range(max_iter):
        escaped = zr * zr + zi * zi > 4.0
        flat[index[escaped]] = n
        keep = ~escaped
        index, zr, zi, cr, ci = index[keep], zr[keep], zi[keep], cr[keep], ci[keep]
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
    return counts


# ------------------------------------------------------------------------ distances
def distances_python(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    return [[math.dist(p, q) for q in b] for p in a]


@njit(cache=False)
def distances_numba(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    out = np.empty((a.shape[0], b.shape[0]))
    for i in range(a.shape[0]):
        for j in range(b.shape[0]):
            total = 0.0
            for k in range(a.shape[1]):
                d = a[i, k] - b[j, k]
                total += d * d
            out[i, j] = math.sqrt(total)
    return out


@njit(parallel=True, cache=False)
def distances_numba_parallel(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    out = np.empty((a.shape[0], b.shape[0]))
    for i in prange(a.shape[0]):
        for j in range(b.shape[0]):
            total = 0.0
            for k in range(a.shape[1]):
                d = a[i, k] - b[j, k]
                total += d * d
            out[i, j] = math.sqrt(total)
    return out


# ---------------------------------------------------------------------------- driver
@dataclass(frozen=True)
class Implementation:
    """One way to compute a kernel: ``make_args`` builds fresh inputs for every call."""

    label: str
    func: Callable[..., Any]
    make_args: Callable[[], tuple[Any, ...]]
    to_array: Callable[[Any, tuple[Any, ...]], np.ndarray]
    mismatch_allowed: float = 0.0  # fraction of elements that may differ (GPU FMA contraction)


@dataclass(frozen=True)
class Kernel:
    name: str
    size: str
    implementations: list[Implementation]
    exact: bool  # validator: identical results (True) or within 1e-12 (False)


def ising_kernel(ex03: ModuleType, size: int) -> Kernel:
    rng = np.random.default_rng(1)
    start = rng.choice(np.array([-1, 1], dtype=np.int8), size=(size, size))
    uniforms = rng.random((size, size))
    beta = 1.0 / 2.3

    def arrays() -> tuple[Any, ...]:
        return (start.copy(), beta, uniforms)

    def lists() -> tuple[Any, ...]:
        return (start.astype(int).tolist(), beta, uniforms.tolist())

    def final_spins(change: Any, args: tuple[Any, ...]) -> np.ndarray:
        # the sweep works in place: compare the final lattice and the returned energy change
        return np.append(np.asarray(args[0], dtype=np.int64).ravel(), int(change))

    return Kernel(
        "Ising checkerboard sweep (ex03)",
        f"{size}x{size} spins",
        [
            Implementation("pure Python (lists)", ising_sweep_lists, lists, final_spins),
            Implementation(
                "pure Python (same code, no @njit)", ex03.sweep_kernel.py_func, arrays, final_spins
            ),
            Implementation("NumPy (masked checkerboard)", ising_sweep_numpy, arrays, final_spins),
            Implementation("numba @njit (ex03 solution)", ex03.sweep_kernel, arrays, final_spins),
            Implementation(
                "numba @njit, branch-free variant", ising_sweep_branch_free, arrays, final_spins
            ),
            Implementation(
                "numba parallel (prange rows)", ising_sweep_parallel, arrays, final_spins
            ),
        ],
        exact=True,
    )


def mandelbrot_kernel(
    ex04: ModuleType, width: int, height: int, max_iter: int, ex05: ModuleType | None
) -> Kernel:
    xs, ys = np.linspace(-2.2, 0.8, width), np.linspace(-1.3, 1.3, height)

    def arrays() -> tuple[Any, ...]:
        return (xs, ys, max_iter)

    def lists() -> tuple[Any, ...]:
        return (xs.tolist(), ys.tolist(), max_iter)

    def result(value: Any, _: tuple[Any, ...]) -> np.ndarray:
        return np.asarray(value, dtype=np.int64)

    implementations = [
        Implementation("pure Python (floats, lists)", mandelbrot_python, lists, result),
        Implementation("NumPy (masked arrays)", mandelbrot_numpy, arrays, result),
        Implementation("numba @njit (ex04 serial)", ex04.escape_counts_serial, arrays, result),
        Implementation("numba parallel (ex04 prange)", ex04.escape_counts_parallel, arrays, result),
    ]
    if ex05 is not None:
        # GPU variant (requires: a CUDA device): timed with its host-device copies. The GPU
        # may fuse multiply-adds, which can move a boundary pixel by one count.
        implementations.append(
            Implementation(
                "numba CUDA (ex05, GPU, incl. copies)", ex05.mandelbrot, arrays, result, 0.01
            )
        )
    return Kernel(
        "Mandelbrot escape counts (ex04)",
        f"{width}x{height}, max_iter {max_iter}",
        implementations,
        exact=True,
    )


def distance_kernel(ex02: ModuleType, n: int) -> Kernel:
    rng = np.random.default_rng(2)
    a, b = rng.normal(size=(n, 3)), rng.normal(size=(n, 3))

    def arrays() -> tuple[Any, ...]:
        return (a, b)

    def lists() -> tuple[Any, ...]:
        return (a.tolist(), b.tolist())

    def result(value: Any, _: tuple[Any, ...]) -> np.ndarray:
        return np.asarray(value, dtype=np.float64)

    return Kernel(
        "pairwise distances (ex02)",
        f"{n}x{n} points in 3D",
        [
            Implementation("pure Python (math.dist)", distances_python, lists, result),
            Implementation("NumPy (ex02 broadcasting)", ex02.pairwise_distances, arrays, result),
            Implementation("numba @njit (loops)", distances_numba, arrays, result),
            Implementation(
                "numba parallel (prange rows)", distances_numba_parallel, arrays, result
            ),
        ],
        exact=False,
    )


def validate(kernel: Kernel) -> None:
    """Every implementation must reproduce the baseline's result (raises AssertionError)."""
    baseline = kernel.implementations[0]
    args = baseline.make_args()
    expected = baseline.to_array(baseline.func(*args), args)
    for implementation in kernel.implementations[1:]:
        args = implementation.make_args()
        got = implementation.to_array(implementation.func(*args), args)
        if implementation.mismatch_allowed:
            wrong = np.count_nonzero(got != expected) / expected.size
            assert wrong <= implementation.mismatch_allowed, (
                f"{kernel.name}: {implementation.label} differs"
            )
        elif kernel.exact:
            assert np.array_equal(got, expected), f"{kernel.name}: {implementation.label} differs"
        else:
            assert np.allclose(got, expected, rtol=1e-12, atol=1e-12), (
                f"{kernel.name}: {implementation.label} differs"
            )


def measure(kernel: Kernel, benchmark: Callable[..., Any], repeat: int) -> list[tuple[str, Any]]:
    """Median times of every implementation; inputs are rebuilt outside the timed calls."""
    rows = []
    for implementation in kernel.implementations:
        pool = [implementation.make_args() for _ in range(repeat + 2)]
        calls = iter(pool)

        def call_next(func: Callable[..., Any] = implementation.func, source: Any = calls) -> None:
            func(*next(source))

        rows.append((implementation.label, benchmark(call_next, repeat=repeat, warmup=1)))
    return rows


def format_table(results: list[tuple[Kernel, list[tuple[str, Any]]]]) -> str:
    """Markdown table of medians and ratios, plus one line per same-code comparison."""
    lines = [
        "| kernel | implementation | median | speed-up vs pure Python | parallel vs serial numba |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    notes = []
    for kernel, rows in results:
        medians = {label: result.median for label, result in rows}
        baseline = rows[0][1].median
        serial = next((m for label, m in medians.items() if label.startswith("numba @njit")), None)
        for label, median in medians.items():
            parallel = (
                f"{serial / median:.2f}x" if label.startswith("numba parallel") and serial else ""
            )
            lines.append(
                f"| {kernel.name}, {kernel.size} | {label} | {median * 1e3:.3f} ms "
                f"| {baseline / median:.1f}x | {parallel} |"
            )
        interpreted = next((m for label, m in medians.items() if "no @njit" in label), None)
        if interpreted and serial:
            notes.append(
                f"{kernel.name}: numba @njit is {interpreted / serial:.1f}x faster than the same "
                "function run by the interpreter (its .py_func)"
            )
    return "\n".join([*lines, "", *notes])


def usable_cpus() -> int:
    """CPUs this process may run on (``taskset`` narrows it), else all of them."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny sizes: validate every implementation, time nothing",
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="timed calls per implementation (default 5)"
    )
    parser.add_argument(
        "--gpu", action="store_true", help="add the numba CUDA kernel of ex05 (needs a CUDA GPU)"
    )
    parser.add_argument(
        "--json", type=Path, default=None, metavar="PATH", help="also write the timings as JSON"
    )
    options = parser.parse_args(argv)

    ex01, ex02 = load_solution("ex01_benchmark"), load_solution("ex02_vectorise")
    ex03, ex04 = load_solution("ex03_ising"), load_solution("ex04_mandelbrot")
    ex05 = None
    if options.gpu:
        with warnings.catch_warnings():
            # numba-cuda on NumPy >= 2.5 warns at import about timedelta64's generic unit.
            warnings.filterwarnings(
                "ignore", category=DeprecationWarning, message=".*generic.*unit"
            )
            ex05 = load_solution("ex05_cuda")
    if options.quick:
        kernels = [
            ising_kernel(ex03, 8),
            mandelbrot_kernel(ex04, 12, 9, 30, ex05),
            distance_kernel(ex02, 7),
        ]
    else:
        kernels = [
            ising_kernel(ex03, 512),
            mandelbrot_kernel(ex04, 320, 240, 200, ex05),
            distance_kernel(ex02, 600),
        ]
    for kernel in kernels:
        validate(kernel)
    print(
        f"validated {len(kernels)} kernels: every implementation reproduces its pure Python baseline"
    )
    if options.quick:
        return 0

    machine = (
        f"{platform.machine()}, {usable_cpus()} usable CPUs, numba {numba.__version__} "
        f"({numba.get_num_threads()} threads, layer {numba.config.THREADING_LAYER}), numpy {np.__version__}, "
        f"Python {platform.python_version()}"
    )
    print(f"machine: {machine}; median of {options.repeat} calls\n")
    results = [(kernel, measure(kernel, ex01.benchmark, options.repeat)) for kernel in kernels]
    print(format_table(results))
    if options.json is not None:
        payload = {
            "machine": machine,
            "repeat": options.repeat,
            "kernels": [
                {
                    "name": kernel.name,
                    "size": kernel.size,
                    "rows": [{"label": label, **asdict(result)} for label, result in rows],
                }
                for kernel, rows in results
            ],
        }
        options.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
