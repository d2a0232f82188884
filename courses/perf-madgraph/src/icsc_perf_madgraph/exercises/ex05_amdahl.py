# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 5: from a profile to the best speed-up you can hope for, and back.

Amdahl (1967): if a fraction p of the run time is sped up by a factor s and the rest
is not, the whole run speeds up by

    S = 1 / ((1 - p) + p / s)   ->   1 / (1 - p)   as s -> infinity.

With several parts, each sped up by its own factor, the fractions add up:
S = 1 / ((1 - sum p_i) + sum p_i / s_i). A profile gives the p_i; so *before*
vectorising or offloading anything you know the ceiling. After the work, the
Karp-Flatt metric turns a measured speed-up on n workers back into the serial fraction
the run actually behaved as if it had:

    e = (1 / S - 1 / n) / (1 - 1 / n),

which is 1 - p exactly when the run followed Amdahl's law, and larger when overheads
(process start-up, communication, load imbalance) ate into the gain.
"""

from __future__ import annotations

import math
import pstats
from collections.abc import Mapping
from pathlib import Path


def amdahl_speedup(parallel_fraction: float, factor: float) -> float:
    """Amdahl's speed-up 1 / ((1 - p) + p / s); ``factor`` may be ``math.inf``.

    Raises ``ValueError`` unless 0 <= p <= 1 and s >= 1 (a "speed-up" below 1 is a
    slow-down and is refused here).
    """
    # HINT: p / math.inf is 0.0 in Python, so one formula covers the limit.
    # TODO: your code here.
    raise NotImplementedError("ex05_amdahl: this part is yours to write (icsc hint ex05)")


def profile_fractions(stats_file: str | Path, functions: list[str]) -> dict[str, float]:
    """Inclusive time fraction of each named function in a ``pstats`` profile file.

    For each name, the ``cumtime`` of every profile entry whose function name equals it
    (entries from different files are added up) divided by the profile's total time
    (``pstats.Stats.total_tt``, the sum of all ``tottime``). Raises ``ValueError`` if a
    name is not in the profile, ``FileNotFoundError`` if the file does not exist.
    """
    # HINT: stats = pstats.Stats(str(stats_file)); for (file, line, name), (cc, nc, tt, ct, callers) in stats.stats.items()
    # TODO: your code here.
    raise NotImplementedError("ex05_amdahl: this part is yours to write (icsc hint ex05)")


def predict_speedup(stats_file: str | Path, factors: Mapping[str, float]) -> float:
    """Amdahl's speed-up when each named function is made ``factors[name]`` times faster.

    The fractions come from :func:`profile_fractions`; the named functions must not call
    one another (their fractions would be counted twice). S = 1 / ((1 - sum p_i) +
    sum p_i / s_i); factors may be ``math.inf``. Raises ``ValueError`` if a factor is
    < 1, if the fractions add up to more than 1 (nested functions), and as
    :func:`profile_fractions`.
    """
    # HINT: serial = 1 - sum(p); time = serial + sum(p_i / s_i); speed-up = 1 / time
    # TODO: your code here.
    raise NotImplementedError("ex05_amdahl: this part is yours to write (icsc hint ex05)")


def karp_flatt(speedup: float, n_workers: int) -> float:
    """The experimentally determined serial fraction e = (1/S - 1/n) / (1 - 1/n).

    Raises ``ValueError`` unless ``n_workers`` is an int >= 2 and ``speedup`` > 0.
    """
    # HINT: check it: karp_flatt(amdahl_speedup(p, n), n) == 1 - p
    # TODO: your code here.
    raise NotImplementedError("ex05_amdahl: this part is yours to write (icsc hint ex05)")
