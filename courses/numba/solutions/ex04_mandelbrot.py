"""Exercise 4: Mandelbrot escape times, serial and in parallel with ``prange``.

For a pixel at c = x + i y, iterate z_0 = 0, z_{n+1} = z_n^2 + c. The escape count of the
pixel is the first n in 0 .. max_iter - 1 with |z_n|^2 = re(z_n)^2 + im(z_n)^2 > 4, or
``max_iter`` if there is none. Compute z_n^2 + c as

    re(z_{n+1}) = re(z_n) * re(z_n) - im(z_n) * im(z_n) + x
    im(z_{n+1}) = 2 * re(z_n) * im(z_n) + y

(complex arithmetic ``z * z + c`` gives the same bits). Every pixel is independent: the
loop over rows can be split between threads with ``numba.prange`` and the result must be
*bit-identical* to the serial version: each pixel does the same floating-point
operations in the same order, whichever thread computes it.

Write :func:`escape_counts_serial`, :func:`escape_counts_parallel` (the same loop with
``prange`` over rows; its decorator already asks for ``parallel=True``) and
:func:`mandelbrot`, which checks its input and calls the parallel kernel.
"""

from __future__ import annotations

from numbers import Integral

import numpy as np
from numba import njit, prange

from icsc_numba.workloads import mandelbrot_axes


@njit(cache=False)
def escape_counts_serial(xs: np.ndarray, ys: np.ndarray, max_iter: int) -> np.ndarray:
    """Escape counts of the grid ``c = xs[col] + 1j * ys[row]``, one thread.

    ``xs`` (width,) and ``ys`` (height,) are float64; returns int32 of shape
    (height, width). No input checking (see :func:`mandelbrot`).
    """
    # BEGIN SOLUTION
    # HINT: out = np.empty((ys.size, xs.size), dtype=np.int32); three nested loops: row, column, n.
    out = np.empty((ys.size, xs.size), dtype=np.int32)
    for row in range(ys.size):
        y = ys[row]
        for col in range(xs.size):
            x = xs[col]
            zr = 0.0
            zi = 0.0
            count = max_iter
            for n in range(max_iter):
                if zr * zr + zi * zi > 4.0:
                    count = n
                    break
                zr, zi = zr * zr - zi * zi + x, 2.0 * zr * zi + y
            out[row, col] = count
    return out
    # END SOLUTION


@njit(parallel=True, cache=False)
def escape_counts_parallel(xs: np.ndarray, ys: np.ndarray, max_iter: int) -> np.ndarray:
    """Same contract and bits as :func:`escape_counts_serial`, rows shared out by ``prange``."""
    # BEGIN SOLUTION
    # HINT: copy the serial kernel and change the outer range(...) into prange(...).
    # HINT: each iteration writes only its own row of out, so there is no race.
    out = np.empty((ys.size, xs.size), dtype=np.int32)
    for row in prange(ys.size):
        y = ys[row]
        for col in range(xs.size):
            x = xs[col]
            zr = 0.0
            zi = 0.0
            count = max_iter
            for n in range(max_iter):
                if zr * zr + zi * zi > 4.0:
                    count = n
                    break
                zr, zi = zr * zr - zi * zi + x, 2.0 * zr * zi + y
            out[row, col] = count
    return out
    # END SOLUTION


def mandelbrot(
    xmin: float, xmax: float, ymin: float, ymax: float, width: int, height: int, max_iter: int
) -> np.ndarray:
    """Escape counts on ``mandelbrot_axes(xmin, xmax, ymin, ymax, width, height)``, in parallel.

    Returns int32 of shape (height, width), row r at y = ys[r], column c at x = xs[c].

    Raises ``TypeError`` if ``width``, ``height`` or ``max_iter`` is not an int and
    ``ValueError`` if ``width``/``height``/``max_iter`` is < 1 or the bounds are not
    finite with ``xmin < xmax`` and ``ymin < ymax``.
    """
    # BEGIN SOLUTION
    # HINT: mandelbrot_axes already checks the grid; you still need to check max_iter.
    if isinstance(max_iter, bool) or not isinstance(max_iter, Integral):
        msg = f"max_iter must be an int, got {type(max_iter).__name__}"
        raise TypeError(msg)
    if max_iter < 1:
        msg = f"max_iter must be >= 1, got {max_iter}"
        raise ValueError(msg)
    xs, ys = mandelbrot_axes(xmin, xmax, ymin, ymax, width, height)
    return escape_counts_parallel(xs, ys, int(max_iter))
    # END SOLUTION
