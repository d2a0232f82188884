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
    # BEGIN SOLUTION
    # HINT: profiler = cProfile.Profile(); profiler.runcall(naive.generate, n_events, sqrt_s, seed)
    # HINT: then profiler.dump_stats(str(stats_file)); pstats wants a str, not a Path.
    profiler = cProfile.Profile()
    profiler.runcall(naive.generate, n_events, sqrt_s, seed)
    profiler.dump_stats(str(stats_file))
    return str(stats_file)
    # END SOLUTION


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
    # BEGIN SOLUTION
    # HINT: stats = pstats.Stats(str(stats_file)); stats.stats maps
    # HINT: (file, line, name) -> (primitive calls, ncalls, tottime, cumtime, callers); stats.total_tt
    if sort not in SORT_KEYS:
        msg = f"sort must be one of {SORT_KEYS}, got {sort!r}"
        raise ValueError(msg)
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        msg = f"top must be an int >= 1, got {top!r}"
        raise ValueError(msg)
    if not 0.0 <= min_fraction <= 1.0:
        msg = f"min_fraction must be in [0, 1], got {min_fraction!r}"
        raise ValueError(msg)
    path = Path(stats_file)
    if not path.is_file():
        msg = f"no profile file {path}"
        raise FileNotFoundError(msg)
    stats = pstats.Stats(str(path))
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (filename, line, name), (_, ncalls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        value = tottime if sort == "tottime" else cumtime
        rows.append(
            {
                "function": name,
                "file": filename,
                "line": line,
                "ncalls": ncalls,
                "tottime": tottime,
                "cumtime": cumtime,
                "fraction": value / total if total > 0 else 0.0,
            }
        )
    rows.sort(key=lambda row: (-row[sort], row["function"], row["file"], row["line"]))
    return [row for row in rows if row["fraction"] >= min_fraction][:top]
    # END SOLUTION
