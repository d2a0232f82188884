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
    # BEGIN SOLUTION
    # HINT: i = cuda.grid(1); only threads with i < x.size may write.
    i = cuda.grid(1)
    if i < x.size:
        out[i] = a * x[i] + y[i]
    # END SOLUTION


def saxpy(a: float, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``a * x + y`` on the GPU (or the simulator) for 1D float64 arrays of equal length.

    Returns a new float64 array. Raises ``TypeError`` if ``a`` is not a real number or
    ``x``/``y`` are not float64 arrays, and ``ValueError`` if they are not 1D, differ in
    length or are empty.
    """
    # BEGIN SOLUTION
    # HINT: blocks = ceil(n / THREADS_PER_BLOCK); launch saxpy_kernel[blocks, THREADS_PER_BLOCK](...).
    if isinstance(a, bool) or not isinstance(a, Real):
        msg = f"a must be a real number, got {type(a).__name__}"
        raise TypeError(msg)
    for name, array in (("x", x), ("y", y)):
        if not isinstance(array, np.ndarray) or array.dtype != np.float64:
            msg = f"{name} must be a float64 NumPy array"
            raise TypeError(msg)
        if array.ndim != 1 or array.size == 0:
            msg = f"{name} must be 1D and non-empty, got shape {array.shape}"
            raise ValueError(msg)
    if x.shape != y.shape:
        msg = f"x and y must have the same length, got {x.size} and {y.size}"
        raise ValueError(msg)
    d_x = cuda.to_device(x)
    d_y = cuda.to_device(y)
    d_out = cuda.device_array_like(x)
    blocks = math.ceil(x.size / THREADS_PER_BLOCK)
    saxpy_kernel[blocks, THREADS_PER_BLOCK](float(a), d_x, d_y, d_out)
    return d_out.copy_to_host()
    # END SOLUTION


@cuda.jit(cache=False)
def mandelbrot_kernel(xs: np.ndarray, ys: np.ndarray, max_iter: int, out: np.ndarray) -> None:
    """Escape counts as in exercise 4: ``out[row, col]`` for ``c = xs[col] + 1j * ys[row]``.

    One thread per pixel; ``cuda.grid(2)`` returns (column, row) since x varies fastest.
    """
    # BEGIN SOLUTION
    # HINT: col, row = cuda.grid(2); return early if row >= ys.size or col >= xs.size.
    col, row = cuda.grid(2)
    if row >= ys.size or col >= xs.size:
        return
    x = xs[col]
    y = ys[row]
    zr = 0.0
    zi = 0.0
    count = max_iter
    for n in range(max_iter):
        if zr * zr + zi * zi > 4.0:
            count = n
            break
        zr, zi = zr * zr - zi * zi + x, 2.0 * zr * zi + y
    out[row, col] = count
    # END SOLUTION


def mandelbrot(xs: np.ndarray, ys: np.ndarray, max_iter: int) -> np.ndarray:
    """Escape counts on the grid ``xs`` (width,) x ``ys`` (height,), int32 of shape (height, width).

    Raises ``TypeError`` if ``xs``/``ys`` are not float64 arrays or ``max_iter`` is not an
    int, and ``ValueError`` if ``xs``/``ys`` are not 1D and non-empty or ``max_iter < 1``.
    """
    # BEGIN SOLUTION
    # HINT: blocks = (ceil(width / BLOCK_2D[0]), ceil(height / BLOCK_2D[1])).
    for name, array in (("xs", xs), ("ys", ys)):
        if not isinstance(array, np.ndarray) or array.dtype != np.float64:
            msg = f"{name} must be a float64 NumPy array"
            raise TypeError(msg)
        if array.ndim != 1 or array.size == 0:
            msg = f"{name} must be 1D and non-empty, got shape {array.shape}"
            raise ValueError(msg)
    if isinstance(max_iter, bool) or not isinstance(max_iter, Integral):
        msg = f"max_iter must be an int, got {type(max_iter).__name__}"
        raise TypeError(msg)
    if max_iter < 1:
        msg = f"max_iter must be >= 1, got {max_iter}"
        raise ValueError(msg)
    d_out = cuda.device_array((ys.size, xs.size), dtype=np.int32)
    blocks = (math.ceil(xs.size / BLOCK_2D[0]), math.ceil(ys.size / BLOCK_2D[1]))
    mandelbrot_kernel[blocks, BLOCK_2D](
        cuda.to_device(xs), cuda.to_device(ys), int(max_iter), d_out
    )
    return d_out.copy_to_host()
    # END SOLUTION
