# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 1: a benchmarking helper that keeps JIT compilation out of the statistics.

A numba function is compiled the first time it is called with a new combination of
argument types, so its first call can take a thousand times longer than the next ones.
A fair benchmark therefore

1. times the first call on its own (``first_call``: compilation + one run),
2. makes ``warmup`` further calls that are not timed (caches, branch predictors, page
   faults of freshly allocated memory),
3. times ``repeat`` calls one by one and summarises them with statistics that a single
   outlier (a context switch, a garbage collection) cannot drag around: the median, the
   interquartile range (IQR) and the median absolute deviation (MAD), plus the minimum.

Write :func:`benchmark`. The clock is a parameter so that tests can inject a fake clock
and check the statistics exactly; by default it is :func:`time.perf_counter`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class BenchmarkResult:
    """Timings of one :func:`benchmark` run; every time is in seconds.

    ``first_call`` is the duration of the first call alone (for a fresh numba dispatcher:
    compilation plus one run). ``median``, ``iqr`` (75th minus 25th percentile, linear
    interpolation as :func:`numpy.percentile` does by default), ``mad`` (median of the
    absolute deviations from the median, unscaled), ``minimum`` and ``maximum`` summarise
    the ``n`` timed calls that followed the warm-up; ``first_call`` is not among them.
    """

    first_call: float
    median: float
    iqr: float
    mad: float
    minimum: float
    maximum: float
    n: int


def benchmark(
    func: Callable[..., Any],
    *args: Any,
    repeat: int = 7,
    warmup: int = 1,
    clock: Callable[[], float] = time.perf_counter,
) -> BenchmarkResult:
    """Time ``func(*args)``: the first call apart, then ``warmup`` untimed and ``repeat`` timed calls.

    ``func`` is called exactly ``1 + warmup + repeat`` times, always as ``func(*args)``.
    Each timed call is measured as the difference of two ``clock()`` readings taken
    immediately before and after it; ``clock`` returns seconds as a float.

    Raises ``TypeError`` if ``func`` or ``clock`` is not callable or if ``repeat`` or
    ``warmup`` is not an ``int`` (``bool`` is rejected too), and ``ValueError`` if
    ``repeat < 1`` or ``warmup < 0``.
    """
    # HINT: validate first: callable(func), isinstance(repeat, int) and not isinstance(repeat, bool).
    # HINT: time the first call on its own: start = clock(); func(*args); first = clock() - start.
    # HINT: collect one duration per timed call in a list, then use np.median and np.percentile.
    # TODO: your code here.
    raise NotImplementedError("ex01_benchmark: this part is yours to write (icsc hint ex01)")
