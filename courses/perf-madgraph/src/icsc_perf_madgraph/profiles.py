"""Profile files in the ``pstats`` format, and made-up ones with exactly known times.

``cProfile`` saves its measurements with ``marshal`` as one dictionary::

    {(filename, line, function_name): (primitive_calls, total_calls, tottime, cumtime, callers)}

where ``callers`` maps each calling function's key to its own ``(primitive_calls,
total_calls, tottime, cumtime)`` for calls made from there, ``tottime`` is the time spent
in the function itself and ``cumtime`` includes everything it called (seconds). The
standard library's ``pstats.Stats`` reads that file back (CPython ``Lib/pstats.py``).

:func:`write_profile` builds such a file from a short description, with exact times:
a profile whose answer is known, to test profile-reading code without a stopwatch.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FunctionKey = tuple[str, int, str]


@dataclass(frozen=True)
class FunctionTiming:
    """One function of a made-up profile (times in seconds).

    ``callers`` names the functions (by ``name``) that call it; the calls and times are
    split evenly between them. A function with no callers is a top-level one.
    """

    name: str
    ncalls: int
    tottime: float
    cumtime: float
    callers: tuple[str, ...] = ()
    filename: str = "generator.py"
    line: int = 0
    primitive_calls: int | None = None

    @property
    def key(self) -> FunctionKey:
        return (self.filename, self.line, self.name)


def function_label(key: FunctionKey) -> str:
    """``file:line(name)``, as ``pstats`` prints a function (built-ins: ``{name}``)."""
    filename, line, name = key
    if filename == "~" and line == 0:
        return f"{{{name}}}" if name.startswith("<") else name
    return f"{filename}:{line}({name})"


def write_profile(path: str | Path, functions: Iterable[FunctionTiming]) -> Path:
    """Write ``functions`` as a ``pstats``-readable profile file; return its path.

    Raises ``ValueError`` on duplicate keys, negative times or counts, ``cumtime <
    tottime``, or a caller that is not among ``functions``.
    """
    items = list(functions)
    keys = {item.name: item.key for item in items}
    if len(keys) != len(items) or len({item.key for item in items}) != len(items):
        msg = "function names and keys must be unique in a profile"
        raise ValueError(msg)
    stats: dict[FunctionKey, tuple[int, int, float, float, dict[FunctionKey, tuple]]] = {}
    for item in items:
        if item.ncalls < 0 or item.tottime < 0 or item.cumtime < item.tottime:
            msg = f"{item.name}: need ncalls >= 0 and 0 <= tottime <= cumtime"
            raise ValueError(msg)
        primitive = item.ncalls if item.primitive_calls is None else item.primitive_calls
        callers: dict[FunctionKey, tuple[int, int, float, float]] = {}
        for caller in item.callers:
            if caller not in keys:
                msg = f"{item.name}: caller {caller!r} is not in the profile"
                raise ValueError(msg)
            share = len(item.callers)
            callers[keys[caller]] = (
                primitive // share,
                item.ncalls // share,
                item.tottime / share,
                item.cumtime / share,
            )
        stats[item.key] = (primitive, item.ncalls, item.tottime, item.cumtime, callers)
    target = Path(path)
    with target.open("wb") as handle:
        marshal.dump(stats, handle)
    return target
