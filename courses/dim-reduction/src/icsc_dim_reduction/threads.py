"""Run small numerical work on one thread.

The problems of this course are tiny (a few thousand samples, tens of features). On
them, extra BLAS/OpenMP/torch threads cost more than they save, and on a shared machine
their busy-waiting burns CPU time for nothing: measured on a loaded 2-core machine, a
logistic regression on the digits took 1.3 s of CPU with two OpenBLAS threads and 0.06 s
with one. A fixed thread count also keeps floating-point sums in a fixed order, so that
runs repeat bit for bit.

:func:`single_threaded` decorates every exercise function; :func:`limited_threads` is
the same as a ``with`` block. Both use :mod:`threadpoolctl` (the library scikit-learn
itself uses) for BLAS and OpenMP pools, and ``torch.set_num_threads`` when torch is loaded.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

from threadpoolctl import threadpool_limits

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def limited_threads(count: int = 1) -> Iterator[None]:
    """Limit BLAS, OpenMP and (if imported) torch to ``count`` threads inside the block."""
    with threadpool_limits(limits=count):
        torch = sys.modules.get("torch")
        if torch is None:
            yield
            return
        before = torch.get_num_threads()
        torch.set_num_threads(count)
        try:
            yield
        finally:
            torch.set_num_threads(before)


def single_threaded(func: Callable[P, R]) -> Callable[P, R]:
    """Decorator: run ``func`` inside :func:`limited_threads` with one thread."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with limited_threads(1):
            return func(*args, **kwargs)

    return wrapper
