"""Public checks of exercise 5: Amdahl's law from a profile."""

import math

import pytest


def test_amdahl_known_values(exercise):
    ex = exercise("ex05_amdahl")
    assert ex.amdahl_speedup(0.9, 8) == pytest.approx(1 / (0.1 + 0.9 / 8))
    assert ex.amdahl_speedup(0.95, math.inf) == pytest.approx(20.0)
    assert ex.amdahl_speedup(0.0, 100) == pytest.approx(1.0)


@pytest.mark.points(2)
def test_fractions_of_a_made_up_profile(exercise, made_up_profile):
    ex = exercise("ex05_amdahl")
    fractions = ex.profile_fractions(made_up_profile, ["integrate", "write_lhe"])
    # Inclusive times 6 s and 3 s of a 10 s run.
    assert fractions == pytest.approx({"integrate": 0.6, "write_lhe": 0.3})


@pytest.mark.points(2)
def test_predicted_speedup_of_a_made_up_profile(exercise, made_up_profile):
    ex = exercise("ex05_amdahl")
    # integrate (60%) on 4 workers: 1 / (0.4 + 0.6 / 4).
    assert ex.predict_speedup(made_up_profile, {"integrate": 4}) == pytest.approx(1 / 0.55)
    # Matrix element free (25%), phase space 10x faster (25%): 1 / (0.5 + 0 + 0.025).
    factors = {"matrix_element": math.inf, "phase_space_point": 10}
    assert ex.predict_speedup(made_up_profile, factors) == pytest.approx(1 / 0.525)
