# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Speed Without The Pain: hands-on hour
#
# This notebook drives the exercises of the numba course from your workspace. Work in the
# `exNN_*.py` files (where they say TODO), run `icsc check` in a terminal, and use the
# cells below to *measure* what your code does. Cells that need an exercise you have not
# written yet say so and carry on.
#
# Plan for the hour (see the lecture notes, `icsc lecture numba`):
#
# | time | exercise | what |
# | --- | --- | --- |
# | 10 min | ex01 | a benchmarking helper that keeps compilation apart |
# | 10 min | ex02 | NumPy vectorisation |
# | 20 min | ex03 | the Ising model with `@njit`, checked against Onsager |
# | 15 min | ex04 | Mandelbrot with `prange` |
# | optional | ex05 | CUDA kernels (simulator or GPU) |
#
# Plots need matplotlib (`pip install "icsc-numba[figures]"`); without it the notebook
# prints tables instead.

# %%
import importlib.util
import os
import sys
from pathlib import Path

import numba
import numpy as np

from icsc_numba import workloads
from icsc_kit.notebook import attempt, find_exercises, load_exercise


EXERCISES = find_exercises("ex01_benchmark.py", env_var="ICSC_NUMBA_EXERCISES")


def load(name: str):
    """Import (or re-import, after you edited it) exercise `name` from your workspace."""
    return load_exercise(EXERCISES, name)


try:
    import matplotlib.pyplot as plt
except ImportError:
    plt = None

print(f"exercises from {EXERCISES}")
print(f"numba {numba.__version__}, {numba.get_num_threads()} threads; numpy {np.__version__}")

# %% [markdown]
# ## Exercise 1: measuring
#
# `make_jitted_sum_of_squares()` returns a *fresh* numba function that has not been
# compiled yet. Your `benchmark` should report its first call (compilation!) apart from
# the steady state.

# %%
ex01 = load("ex01_benchmark")
values = np.random.default_rng(0).random(100_000)
fresh = workloads.make_jitted_sum_of_squares()
result = attempt("ex01 benchmark", ex01.benchmark, fresh, values, repeat=20, warmup=2)
if result is not None:
    print(f"first call {result.first_call * 1e3:.1f} ms (compiles), median {result.median * 1e6:.1f} us, "
          f"IQR {result.iqr * 1e6:.2f} us, MAD {result.mad * 1e6:.2f} us over n = {result.n}")
    python = ex01.benchmark(workloads.sum_of_squares_python, values, repeat=5)
    print(f"pure Python loop: median {python.median * 1e3:.1f} ms -> numba is "
          f"{python.median / result.median:.0f}x faster once compiled")

# %% [markdown]
# ## Exercise 2: NumPy first
#
# Compare your vectorised `pairwise_distances` with a double loop in Python.

# %%
import math

ex02 = load("ex02_vectorise")
rng = np.random.default_rng(1)
a, b = rng.normal(size=(300, 3)), rng.normal(size=(300, 3))


def distances_loop(p, q):
    return [[math.dist(x, y) for y in q] for x in p]


if result is not None:
    loop = ex01.benchmark(distances_loop, a.tolist(), b.tolist(), repeat=3)
    vec = attempt("ex02 pairwise_distances", ex01.benchmark, ex02.pairwise_distances, a, b, repeat=7)
    if vec is not None:
        print(f"double loop {loop.median * 1e3:.1f} ms, NumPy {vec.median * 1e3:.2f} ms: "
              f"{loop.median / vec.median:.0f}x")
    print("softmax of [1000, 1000, 0]:", attempt("ex02 softmax", ex02.softmax, np.array([1000.0, 1000.0, 0.0])))

# %% [markdown]
# ## Exercise 3: the Ising model
#
# Time one checkerboard sweep compiled (`sweep_kernel`) and interpreted
# (`sweep_kernel.py_func`: the same source, no compilation), then compare `simulate`
# with the exact magnetisation.

# %%
ex03 = load("ex03_ising")
size, beta = 64, 1 / 2.3
start = np.random.default_rng(2).choice(np.array([-1, 1], dtype=np.int8), size=(size, size))
uniforms = np.random.default_rng(3).random((size, size))
timings = {}
if result is not None:
    for label, kernel in (("interpreted (.py_func)", ex03.sweep_kernel.py_func), ("@njit", ex03.sweep_kernel)):
        timed = attempt(f"ex03 {label}", ex01.benchmark, lambda k=kernel: k(start.copy(), beta, uniforms), repeat=5)
        if timed is not None:
            timings[f"Ising sweep {label}"] = timed.median
    print({k: f"{v * 1e3:.3f} ms" for k, v in timings.items()})

# %%
temperatures = [1.5, 1.8, 2.0, 2.1, 2.2, 2.4, 2.7, 3.0]
magnetisation = []
for t in temperatures:
    run = attempt("ex03 simulate", ex03.simulate, 16, t, 1000, 300, 1)
    if run is None:
        break
    magnetisation.append(run["abs_magnetisation"])
if len(magnetisation) == len(temperatures):
    exact = [workloads.onsager_magnetisation(t) for t in temperatures]
    if plt is not None:
        grid = np.linspace(1.4, 3.1, 200)
        plt.plot(grid, [workloads.onsager_magnetisation(t) for t in grid], "k-", label="Onsager/Yang (infinite lattice)")
        plt.plot(temperatures, magnetisation, "o", label="your simulate, 16x16")
        plt.axvline(workloads.critical_temperature(), color="grey", ls="--")
        plt.xlabel("T")
        plt.ylabel("<|m|>")
        plt.legend()
        plt.show()
    else:
        for t, m, e in zip(temperatures, magnetisation, exact):
            print(f"T = {t:.1f}: simulated {m:.3f}, exact {e:.3f}")

# %% [markdown]
# ## Exercise 4: Mandelbrot with `prange`
#
# The parallel kernel must give exactly the same counts as the serial one. How much
# faster is it on your machine's cores? (Try `numba.set_num_threads(1)` too.)

# %%
ex04 = load("ex04_mandelbrot")
xs, ys = workloads.mandelbrot_axes(-2.2, 0.8, -1.3, 1.3, 400, 300)
if result is not None:
    for label, kernel in (("serial", ex04.escape_counts_serial), ("prange", ex04.escape_counts_parallel)):
        timed = attempt(f"ex04 {label}", ex01.benchmark, kernel, xs, ys, 200, repeat=5)
        if timed is not None:
            timings[f"Mandelbrot {label}"] = timed.median
    serial = attempt("ex04 serial", ex04.escape_counts_serial, xs, ys, 200)
    parallel = attempt("ex04 parallel", ex04.escape_counts_parallel, xs, ys, 200)
    if serial is not None and parallel is not None:
        print("identical:", np.array_equal(serial, parallel))
        if plt is not None:
            plt.imshow(np.log1p(parallel), cmap="magma", extent=(xs[0], xs[-1], ys[-1], ys[0]))
            plt.title("escape counts (log)")
            plt.show()

# %% [markdown]
# ## Your speed-up plot
#
# Every ratio below was measured in this session, on this machine.

# %%
pairs = [
    ("Ising: @njit vs interpreted", "Ising sweep interpreted (.py_func)", "Ising sweep @njit"),
    ("Mandelbrot: prange vs serial", "Mandelbrot serial", "Mandelbrot prange"),
]
speedups = {name: timings[slow] / timings[fast] for name, slow, fast in pairs if slow in timings and fast in timings}
if not speedups:
    print("nothing measured yet: write ex01, ex03 and ex04 first")
elif plt is not None:
    plt.barh(list(speedups), list(speedups.values()))
    plt.xscale("log")
    plt.xlabel("speed-up (log scale)")
    for y, value in enumerate(speedups.values()):
        plt.text(value, y, f" {value:.1f}x", va="center")
    plt.show()
else:
    for name, value in speedups.items():
        print(f"{name:32s} {'#' * max(1, round(10 * math.log10(value)))} {value:.1f}x")

# %% [markdown]
# ## Exercise 5 (optional): CUDA
#
# Without a GPU, set `NUMBA_ENABLE_CUDASIM=1` *before* starting Jupyter (the simulator
# must be chosen before numba is imported) and keep the grids small.

# %%
if os.environ.get("NUMBA_ENABLE_CUDASIM") == "1" or Path("/proc/driver/nvidia/version").is_file():
    ex05 = load("ex05_cuda")
    x = np.linspace(0, 1, 300)
    out = attempt("ex05 saxpy", ex05.saxpy, 2.0, x, np.ones(300))
    if out is not None:
        print("saxpy correct:", np.allclose(out, 2.0 * x + 1.0))
else:
    print("no GPU and no simulator: start Jupyter with NUMBA_ENABLE_CUDASIM=1 to try exercise 5")
