"""Shared fixtures of the perf-madgraph checks (the hidden tests import them too).

Independent references used by the tests:

* ``made_up_profile``: a profile file written with :mod:`icsc_perf_madgraph.profiles`
  whose times are exact, so every fraction and every ordering is known in advance;
* ``generator_profile``: a real ``cProfile`` run of the slow generator, made here in the
  test process and read with the standard library's ``pstats``;
* :mod:`icsc_perf_madgraph.analytic`: the closed-form cross sections and angular
  distributions (sigma = 4 pi alpha^2 / (3 s), 1 + cos^2 theta, the photon-Z formula);
* ``ks_statistic``: the Kolmogorov-Smirnov distance between a sample and a CDF.
"""

from __future__ import annotations

import cProfile
import math
import pstats
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from icsc_perf_madgraph import naive
from icsc_perf_madgraph.profiles import FunctionTiming, write_profile

MADE_UP_FUNCTIONS = (
    FunctionTiming("generate", 1, 0.5, 10.0, (), "generator.py", 10),
    FunctionTiming("integrate", 1, 1.0, 6.0, ("generate",), "generator.py", 20),
    FunctionTiming("phase_space_point", 1000, 2.0, 2.5, ("integrate",), "generator.py", 30),
    FunctionTiming("matrix_element", 1000, 2.5, 2.5, ("integrate",), "generator.py", 40),
    FunctionTiming("__init__", 5000, 0.5, 0.5, ("phase_space_point",), "kinematics.py", 5),
    FunctionTiming("write_lhe", 1, 3.0, 3.0, ("generate",), "generator.py", 50),
    FunctionTiming("unweight", 1, 0.5, 0.5, ("generate",), "generator.py", 60),
)
"""Total time (sum of tottime) 10 s. ``generate`` includes everything (cumtime 10 s);
``integrate`` = 1 + 2.5 + 2.5 = 6 s; ``phase_space_point`` = 2 + 0.5 = 2.5 s."""

KS_CRITICAL_1_PERCENT = 1.628
"""sqrt(n) D above which a Kolmogorov-Smirnov test rejects at the 1% level (asymptotic
Kolmogorov distribution: sqrt(-ln(0.01 / 2) / 2) = 1.628)."""


@pytest.fixture
def made_up_profile(tmp_path: Path) -> Path:
    """A pstats file holding exactly :data:`MADE_UP_FUNCTIONS` (total time 10 s)."""
    return write_profile(tmp_path / "made_up.prof", MADE_UP_FUNCTIONS)


@pytest.fixture(scope="session")
def generator_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real profile of ``naive.generate(400, 10.0, 5)``, made with cProfile in this process."""
    path = tmp_path_factory.mktemp("profiles") / "generator.prof"
    profiler = cProfile.Profile()
    profiler.runcall(naive.generate, 400, 10.0, 5)
    profiler.dump_stats(str(path))
    return path


def read_profile(path: str | Path) -> tuple[dict[tuple[str, int, str], tuple], float]:
    """``(stats dict, total_tt)`` of a profile file, read with the standard library."""
    stats = pstats.Stats(str(path))
    return stats.stats, stats.total_tt  # type: ignore[attr-defined]


def calls_by_name(path: str | Path, filename_part: str = "") -> dict[str, int]:
    """Total calls per function name (entries whose file contains ``filename_part``)."""
    stats, _ = read_profile(path)
    counts: dict[str, int] = {}
    for (filename, _, name), (_, ncalls, _, _, _) in stats.items():
        if filename_part in filename:
            counts[name] = counts.get(name, 0) + ncalls
    return counts


def _ks_statistic(sample: np.ndarray, cdf: Callable[[np.ndarray], np.ndarray]) -> float:
    """sqrt(n) * sup |F_n(x) - F(x)|: the scaled Kolmogorov-Smirnov statistic."""
    x = np.sort(np.asarray(sample, dtype=np.float64))
    n = x.size
    f = cdf(x)
    above = np.arange(1, n + 1) / n - f
    below = f - np.arange(0, n) / n
    return float(math.sqrt(n) * max(above.max(), below.max()))


@pytest.fixture(scope="session")
def ks_statistic() -> Callable[[np.ndarray, Callable[[np.ndarray], np.ndarray]], float]:
    """``ks_statistic(sample, cdf)`` -> sqrt(n) D (compare with :data:`KS_CRITICAL_1_PERCENT`)."""
    return _ks_statistic


def momenta_from_angles(sqrt_s: float, cos_theta: np.ndarray, phi: np.ndarray) -> np.ndarray:
    """SoA momenta ``(4, 4, n)`` built here from angles, independently of the exercise."""
    n = cos_theta.size
    energy = sqrt_s / 2.0
    sin_theta = np.sqrt(1.0 - cos_theta**2)
    momenta = np.zeros((4, 4, n))
    momenta[:, 0] = energy
    momenta[0, 3], momenta[1, 3] = energy, -energy
    momenta[2, 1:] = energy * np.array(
        [sin_theta * np.cos(phi), sin_theta * np.sin(phi), cos_theta]
    )
    momenta[3, 1:] = -momenta[2, 1:]
    return momenta
