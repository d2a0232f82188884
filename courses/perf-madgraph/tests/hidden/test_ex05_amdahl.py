"""Hidden tests of exercise 5: Karp-Flatt, a real profile, bad input."""

import math

import pytest

from icsc_perf_madgraph.checks.conftest import read_profile


@pytest.mark.points(2)
@pytest.mark.parametrize("parallel_fraction", [0.0, 0.5, 0.9, 0.99])
@pytest.mark.parametrize("n_workers", [2, 8, 64])
def test_karp_flatt_inverts_amdahl(exercise, parallel_fraction, n_workers):
    ex = exercise("ex05_amdahl")
    speedup = ex.amdahl_speedup(parallel_fraction, n_workers)
    assert ex.karp_flatt(speedup, n_workers) == pytest.approx(1 - parallel_fraction, abs=1e-12)


def test_karp_flatt_known_value(exercise):
    ex = exercise("ex05_amdahl")
    # 3.2x on 4 workers: (1/3.2 - 1/4) / (3/4) = 1/12.
    assert ex.karp_flatt(3.2, 4) == pytest.approx(1 / 12)


def test_prediction_from_a_real_profile(exercise, generator_profile):
    ex = exercise("ex05_amdahl")
    stats, total = read_profile(generator_profile)
    integrate = sum(v[3] for (f, _, name), v in stats.items() if name == "integrate")
    fractions = ex.profile_fractions(generator_profile, ["integrate", "write_lhe"])
    assert fractions["integrate"] == pytest.approx(integrate / total, rel=1e-12)
    best = ex.predict_speedup(generator_profile, {"integrate": math.inf})
    assert best == pytest.approx(1 / (1 - integrate / total), rel=1e-12)


def test_amdahl_large_factor_approaches_the_limit(exercise):
    ex = exercise("ex05_amdahl")
    assert ex.amdahl_speedup(0.75, 1e12) == pytest.approx(ex.amdahl_speedup(0.75, math.inf))
    assert ex.amdahl_speedup(1.0, 16) == pytest.approx(16.0)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda ex, _prof: ex.amdahl_speedup(1.2, 4), "parallel_fraction"),
        (lambda ex, _prof: ex.amdahl_speedup(0.5, 0.5), "factor"),
        (lambda ex, prof: ex.profile_fractions(prof, ["integrate", "nonexistent"]), "nonexistent"),
        (lambda ex, prof: ex.predict_speedup(prof, {"generate": 2, "integrate": 2}), "add up"),
        (lambda ex, prof: ex.predict_speedup(prof, {"integrate": 0.5}), "factor"),
        (lambda ex, _prof: ex.karp_flatt(2.0, 1), "n_workers"),
    ],
    ids=["fraction", "slowdown", "missing-function", "nested", "bad-factor", "one-worker"],
)
def test_bad_input(exercise, made_up_profile, call, match):
    ex = exercise("ex05_amdahl")
    with pytest.raises(ValueError, match=match):
        call(ex, made_up_profile)


def test_missing_profile_file(exercise, tmp_path):
    ex = exercise("ex05_amdahl")
    with pytest.raises(FileNotFoundError):
        ex.profile_fractions(tmp_path / "absent.prof", ["integrate"])
