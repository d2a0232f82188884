# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 1: profile the slow generator and find its hot spots programmatically.

Before changing a line of code, measure where the time goes. ``cProfile`` is an
*instrumenting* (deterministic) profiler: it records every Python function call and
return, with call counts that are exact and times that include its own overhead.
``pstats`` reads what it saved.

1. :func:`profile_generator` runs ``icsc_perf_madgraph.naive.generate`` under
   ``cProfile`` and saves the profile to a file;
2. :func:`hot_spots` reads any such file and returns its most expensive functions as
   plain data, so that a script (or a test, or a CI job) can act on them.

Look at the answer on the real generator: is the matrix element the hot spot you
expected? (See lecture part 1 and the notebook.)
"""

from __future__ import annotations

import cProfile
import pstats
from pathlib import Path
from typing import Any

from icsc_perf_madgraph import naive

SORT_KEYS = ("tottime", "cumtime")


def profile_generator(
    stats_file: str | Path, n_events: int = 2000, sqrt_s: float = 10.0, seed: int = 1
) -> str:
    """Profile ``naive.generate(n_events, sqrt_s, seed)`` with ``cProfile``; save to ``stats_file``.

    Only the call to ``generate`` is profiled (create the profiler, run the call, stop).
    The file must be readable by ``pstats.Stats`` (use ``Profile.dump_stats``). Returns
    the path written, as a ``str``. Raises ``ValueError`` (from the generator) on bad
    ``n_events`` or ``sqrt_s``.
    """
    # HINT: profiler = cProfile.Profile(); profiler.runcall(naive.generate, n_events, sqrt_s, seed)
    # HINT: then profiler.dump_stats(str(stats_file)); pstats wants a str, not a Path.
    # TODO: your code here.
    raise NotImplementedError("ex01_profile: this part is yours to write (icsc hint ex01)")


def hot_spots(
    stats_file: str | Path, top: int = 5, sort: str = "tottime", min_fraction: float = 0.0
) -> list[dict[str, Any]]:
    """The ``top`` most expensive functions of a ``pstats`` profile file.

    ``sort`` is ``"tottime"`` (time in the function itself) or ``"cumtime"`` (including
    its callees). Each function is a dict::

        {"function": name, "file": filename, "line": line number,
         "ncalls": total calls, "tottime": s, "cumtime": s, "fraction": f}

    where ``fraction`` is the sorting quantity divided by the profile's total time (the
    sum of every function's ``tottime``, ``pstats.Stats.total_tt``). Functions are
    ordered by the sorting quantity, largest first; ties by function name, file, line.
    Functions whose fraction is below ``min_fraction`` are left out.

    Raises ``ValueError`` if ``sort`` is not one of ``"tottime"``, ``"cumtime"``, if
    ``top < 1`` or if ``min_fraction`` is outside [0, 1]; ``FileNotFoundError`` if the
    file does not exist.
    """
    # HINT: stats = pstats.Stats(str(stats_file)); stats.stats maps
    # HINT: (file, line, name) -> (primitive calls, ncalls, tottime, cumtime, callers); stats.total_tt
    # TODO: your code here.
    raise NotImplementedError("ex01_profile: this part is yours to write (icsc hint ex01)")
