"""Shared fixtures of the numba course checks (the hidden tests import them too).

Importing this file also chooses numba's CUDA back end for exercise 5 *before* numba is
imported: the real GPU where an NVIDIA driver and NVIDIA's ``numba-cuda`` package (which
brings the CUDA compiler libraries) are both present, otherwise the CUDA simulator
(``NUMBA_ENABLE_CUDASIM=1``), which runs kernels in Python threads. Set
``NUMBA_ENABLE_CUDASIM`` yourself to override the choice.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pytest


def _choose_cuda_backend() -> None:
    has_driver = Path("/proc/driver/nvidia/version").is_file()
    has_toolchain = importlib.util.find_spec("numba_cuda") is not None
    os.environ.setdefault("NUMBA_ENABLE_CUDASIM", "0" if has_driver and has_toolchain else "1")
    # Small test grids would otherwise warn that they under-use a real GPU, and the
    # project turns warnings into errors; the warning is about speed, not correctness.
    os.environ.setdefault("NUMBA_CUDA_LOW_OCCUPANCY_WARNINGS", "0")
    if "numba" in sys.modules and "numba.cuda" not in sys.modules:
        from numba.core import config  # noqa: PLC0415  (only when numba was imported first)

        config.reload_config()
    with warnings.catch_warnings():
        # Import numba.cuda once, here, outside the tests' warnings-as-errors: the
        # NVIDIA numba-cuda package on NumPy >= 2.5 warns at import time that the
        # 'generic' timedelta64 unit is deprecated. That is its business, not the
        # student's, and would otherwise fail every test of exercise 5.
        warnings.filterwarnings("ignore", category=DeprecationWarning, message=".*generic.*unit")
        import numba.cuda  # noqa: F401, PLC0415


_choose_cuda_backend()


class FakeClock:
    """A clock that only moves when a fake workload runs, so timings are exact.

    ``clock()`` returns the current fake time in seconds. ``clock.workload(durations)``
    returns a function that, on its k-th call, advances the time by ``durations[k]``
    and records its arguments in ``calls``.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.calls: list[tuple[object, ...]] = []

    def __call__(self) -> float:
        return self.now

    def workload(self, durations: Iterable[float]) -> Callable[..., None]:
        remaining = list(durations)

        def run(*args: object) -> None:
            if not remaining:
                msg = f"the fake workload was called more than {len(self.calls)} times"
                raise AssertionError(msg)
            self.calls.append(args)
            self.now += remaining.pop(0)

        return run


@pytest.fixture
def fake_clock() -> FakeClock:
    """A fresh :class:`FakeClock` starting at t = 1000 s."""
    return FakeClock()


def _mandelbrot_reference(xs: np.ndarray, ys: np.ndarray, max_iter: int) -> np.ndarray:
    shape = (ys.size, xs.size)
    cr = np.broadcast_to(xs[None, :], shape)
    ci = np.broadcast_to(ys[:, None], shape)
    zr = np.zeros(shape)
    zi = np.zeros(shape)
    counts = np.full(shape, max_iter, dtype=np.int32)
    active = np.ones(shape, dtype=bool)
    for n in range(max_iter):
        escaped = active & (zr * zr + zi * zi > 4.0)
        counts[escaped] = n
        active &= ~escaped
        # Escaped pixels keep their last z, so nothing grows without bound (no overflow).
        new_zr = zr * zr - zi * zi + cr
        new_zi = 2.0 * zr * zi + ci
        zr = np.where(active, new_zr, zr)
        zi = np.where(active, new_zi, zi)
    return counts


@pytest.fixture
def mandelbrot_reference() -> Callable[[np.ndarray, np.ndarray, int], np.ndarray]:
    """Escape counts computed independently with whole-array NumPy operations.

    Same definition as the exercises (z0 = 0, escape when re^2 + im^2 > 4, count = first
    such n, else max_iter) and the same floating-point operations per pixel, so results
    must agree bit for bit.
    """
    return _mandelbrot_reference
