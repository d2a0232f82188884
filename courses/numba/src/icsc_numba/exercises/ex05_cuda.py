# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 5 (optional): CUDA kernels written in Python with ``numba.cuda``.

A CUDA kernel is a function that every thread of a *grid* runs once; each thread finds
its own element from its position, ``cuda.grid(1)`` (or ``cuda.grid(2)``), and must do
nothing when that position lies outside the data (the grid is rounded up to whole
blocks). Kernels return nothing: they write into arrays.

Without a GPU, numba's CUDA simulator (environment variable ``NUMBA_ENABLE_CUDASIM=1``,
set before numba is imported; the course checks do this for you) runs the same kernels
in Python threads: slow, but good for testing small inputs.

Write the two kernels and their host functions. The host functions check their input,
copy arrays to the device with ``cuda.to_device``, choose the grid and launch the kernel
with ``kernel[blocks, threads_per_block](...)``, and copy the result back with
``.copy_to_host()``.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np
from numba import cuda

THREADS_PER_BLOCK = 128  # 1D kernels
BLOCK_2D = (16, 8)  # 2D kernels: (threads along x = columns, threads along y = rows)


@cuda.jit(cache=False)
def saxpy_kernel(a: float, x: np.ndarray, y: np.ndarray, out: np.ndarray) -> None:
    """``out[i] = a * x[i] + y[i]`` for every i < x.size (one thread per element)."""
    # HINT: i = cuda.grid(1); only threads with i < x.size may write.
    # TODO: your code here.
    raise NotImplementedError("ex05_cuda: this part is yours to write (icsc hint ex05)")


def saxpy(a: float, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``a * x + y`` on the GPU (or the simulator) for 1D float64 arrays of equal length.

    Returns a new float64 array. Raises ``TypeError`` if ``a`` is not a real number or
    ``x``/``y`` are not float64 arrays, and ``ValueError`` if they are not 1D, differ in
    length or are empty.
    """
    # HINT: blocks = ceil(n / THREADS_PER_BLOCK); launch saxpy_kernel[blocks, THREADS_PER_BLOCK](...).
    # TODO: your code here.
    raise NotImplementedError("ex05_cuda: this part is yours to write (icsc hint ex05)")


@cuda.jit(cache=False)
def mandelbrot_kernel(xs: np.ndarray, ys: np.ndarray, max_iter: int, out: np.ndarray) -> None:
    """Escape counts as in exercise 4: ``out[row, col]`` for ``c = xs[col] + 1j * ys[row]``.

    One thread per pixel; ``cuda.grid(2)`` returns (column, row) since x varies fastest.
    """
    # HINT: col, row = cuda.grid(2); return early if row >= ys.size or col >= xs.size.
    # TODO: your code here.
    raise NotImplementedError("ex05_cuda: this part is yours to write (icsc hint ex05)")


def mandelbrot(xs: np.ndarray, ys: np.ndarray, max_iter: int) -> np.ndarray:
    """Escape counts on the grid ``xs`` (width,) x ``ys`` (height,), int32 of shape (height, width).

    Raises ``TypeError`` if ``xs``/``ys`` are not float64 arrays or ``max_iter`` is not an
    int, and ``ValueError`` if ``xs``/``ys`` are not 1D and non-empty or ``max_iter < 1``.
    """
    # HINT: blocks = (ceil(width / BLOCK_2D[0]), ceil(height / BLOCK_2D[1])).
    # TODO: your code here.
    raise NotImplementedError("ex05_cuda: this part is yours to write (icsc hint ex05)")
