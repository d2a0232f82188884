"""A minimal sampling (statistical) profiler, to set beside cProfile's instrumentation.

An instrumenting profiler (``cProfile``) runs code at every call and return: exact call
counts, but an overhead proportional to the number of calls, which inflates small,
frequently called functions. A sampling profiler (``perf``, VTune, py-spy, Scalene)
instead interrupts the program at regular intervals and records where it is: the
overhead is fixed by the sampling rate, the result is a statistical estimate (the
fraction of samples in a function estimates its fraction of time, with a binomial
error), and nothing is known about call counts.

:class:`SamplingProfiler` does the second thing in pure Python: a background thread
wakes every ``interval`` seconds and reads the profiled thread's current stack with
``sys._current_frames()`` (a CPython function documented for debugging). Because the
sampler needs the interpreter lock to run, samples can only be taken when the profiled
thread releases it (every few milliseconds, see ``sys.getswitchinterval``): good enough
to see where the time goes, not a replacement for py-spy or perf.
"""

from __future__ import annotations

import collections
import sys
import threading
from types import FrameType, TracebackType
from typing import Self


def _label(frame: FrameType) -> str:
    code = frame.f_code
    return getattr(code, "co_qualname", code.co_name)


class SamplingProfiler:
    """Sample the stack of the thread that enters the ``with`` block.

    ``leaf`` counts, per function, the samples in which it was executing (self time);
    ``inclusive`` counts the samples in which it was anywhere on the stack (once per
    sample, also under recursion). ``samples`` is the number of samples taken.
    Raises ``ValueError`` if ``interval`` is not positive.
    """

    def __init__(self, interval: float = 0.001) -> None:
        if not interval > 0:
            msg = f"interval must be positive (seconds), got {interval!r}"
            raise ValueError(msg)
        self.interval = interval
        self.leaf: collections.Counter[str] = collections.Counter()
        self.inclusive: collections.Counter[str] = collections.Counter()
        self.samples = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._target = 0

    def __enter__(self) -> Self:
        self._target = threading.get_ident()
        self._stop.clear()
        self._thread = threading.Thread(target=self._sample, name="sampler", daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            frame = sys._current_frames().get(self._target)  # a documented debugging API
            if frame is None or frame.f_code.co_filename == __file__:
                continue  # the profiled thread is gone, or inside this profiler (entering, leaving)
            self.samples += 1
            self.leaf[_label(frame)] += 1
            seen = set()
            while frame is not None:
                seen.add(_label(frame))
                frame = frame.f_back
            self.inclusive.update(seen)

    def table(self, top: int = 10) -> list[tuple[str, float, float]]:
        """``(function, self fraction, inclusive fraction)``, by self fraction, largest first."""
        if self.samples == 0:
            return []
        rows = [
            (name, count / self.samples, self.inclusive[name] / self.samples)
            for name, count in self.leaf.items()
        ]
        rows.sort(key=lambda row: (-row[1], row[0]))
        return rows[:top]
