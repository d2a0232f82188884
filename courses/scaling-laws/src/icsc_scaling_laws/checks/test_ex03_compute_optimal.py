"""Public checks for exercise 3 (compute-optimal allocation)."""

import pytest

from icsc_scaling_laws.published import BESIROGLU_2024, HOFFMANN_2022


def test_closed_form_spends_the_whole_budget(exercise):
    ex = exercise("ex03_compute_optimal")
    n, d = ex.compute_optimal(1e21, BESIROGLU_2024)
    assert 6 * n * d == pytest.approx(1e21, rel=1e-12)


def test_closed_form_matches_numerical_minimum(exercise):
    ex = exercise("ex03_compute_optimal")
    for compute in (1e19, 1e23, 1e26):
        closed = ex.compute_optimal(compute, HOFFMANN_2022)
        numeric = ex.compute_optimal_numeric(compute, HOFFMANN_2022)
        # The bounded minimiser stops at |d log N| ~ 1e-10 but the loss is flat at its
        # minimum, so N agrees to about sqrt(machine epsilon) relative.
        assert numeric[0] == pytest.approx(closed[0], rel=1e-5)
        assert numeric[1] == pytest.approx(closed[1], rel=1e-5)


def test_allocation_exponents_sum_to_one(exercise):
    ex = exercise("ex03_compute_optimal")
    a, b = ex.allocation_exponents(BESIROGLU_2024)
    assert a + b == pytest.approx(1.0, abs=1e-12)
    # beta / (alpha + beta) = 0.3658 / 0.7136
    assert a == pytest.approx(0.5126, abs=1e-4)
