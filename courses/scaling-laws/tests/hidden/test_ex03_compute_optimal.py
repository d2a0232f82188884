"""Hidden tests for exercise 3, against published allocations of Hoffmann et al. (2022)."""

import numpy as np
import pytest

from icsc_scaling_laws.laws import chinchilla_loss
from icsc_scaling_laws.published import (
    BESIROGLU_2024,
    CHINCHILLA,
    CHINCHILLA_FLOPS,
    HOFFMANN_2022_ALLOCATION_EXPONENT,
    HOFFMANN_2022_UNROUNDED,
)


def test_hoffmann_parameters_give_their_approach_3_exponent(exercise):
    ex = exercise("ex03_compute_optimal")
    a, b = ex.allocation_exponents(HOFFMANN_2022_UNROUNDED)
    # Hoffmann et al. (2022), Table 2, approach 3: a = 0.46, b = 0.54 (two digits).
    assert a == pytest.approx(HOFFMANN_2022_ALLOCATION_EXPONENT["approach 3"], abs=0.005)
    assert b == pytest.approx(0.54, abs=0.01)


@pytest.mark.points(2)
def test_replicated_law_puts_chinchilla_near_the_optimum(exercise):
    ex = exercise("ex03_compute_optimal")
    n, d = ex.compute_optimal(CHINCHILLA_FLOPS, BESIROGLU_2024)
    # Chinchilla itself (70B parameters, 1.4T tokens, 20 tokens per parameter) was chosen
    # as compute-optimal for this budget; the replicated law gives N = 72B, D/N = 18.
    assert n == pytest.approx(CHINCHILLA["n_params"], rel=0.15)
    assert 15 < d / n < 25


def test_optimum_scales_with_the_allocation_exponent(exercise):
    ex = exercise("ex03_compute_optimal")
    a, b = ex.allocation_exponents(BESIROGLU_2024)
    n1, d1 = ex.compute_optimal(1e20, BESIROGLU_2024)
    n2, d2 = ex.compute_optimal(1e24, BESIROGLU_2024)
    # A power law: 10 000 times the budget multiplies N by 1e4**a and D by 1e4**b.
    assert n2 / n1 == pytest.approx(1e4**a, rel=1e-10)
    assert d2 / d1 == pytest.approx(1e4**b, rel=1e-10)


def test_isoflop_curve_bottoms_out_at_the_optimum(exercise):
    ex = exercise("ex03_compute_optimal")
    compute = 1e22
    n = np.logspace(8, 11, 3001)
    losses = ex.isoflop_losses(compute, n, BESIROGLU_2024)
    # Independent evaluation of the law along D = C / (6 N).
    np.testing.assert_allclose(
        losses, chinchilla_loss(n, compute / (6 * n), BESIROGLU_2024), rtol=1e-12
    )
    n_opt, _ = ex.compute_optimal(compute, BESIROGLU_2024)
    # The grid step is 0.1 % in N; the grid minimum lies within one step of N_opt.
    assert n[np.argmin(losses)] == pytest.approx(n_opt, rel=2.5e-3)


@pytest.mark.parametrize(
    "budget", [0.0, -1e20, float("nan"), float("inf")], ids=["zero", "negative", "nan", "inf"]
)
def test_bad_budget_is_rejected(exercise, budget):
    ex = exercise("ex03_compute_optimal")
    with pytest.raises(ValueError, match="compute"):
        ex.compute_optimal(budget, BESIROGLU_2024)


def test_bad_params_are_rejected(exercise):
    ex = exercise("ex03_compute_optimal")
    with pytest.raises(ValueError, match="alpha"):
        ex.compute_optimal(1e21, {k: v for k, v in BESIROGLU_2024.items() if k != "alpha"})
    with pytest.raises(ValueError, match="positive"):
        ex.compute_optimal(1e21, {**BESIROGLU_2024, "beta": -0.1})
