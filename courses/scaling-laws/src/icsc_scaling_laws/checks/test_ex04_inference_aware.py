"""Public checks for exercise 4 (inference-aware optimum)."""

import pytest

from icsc_scaling_laws.laws import chinchilla_loss
from icsc_scaling_laws.published import HOFFMANN_2022


def test_lifetime_flops(exercise):
    ex = exercise("ex04_inference_aware")
    assert ex.lifetime_flops(1e9, 2e10, 5e11) == pytest.approx(
        6 * 1e9 * 2e10 + 2 * 1e9 * 5e11, rel=1e-15
    )


def test_tokens_for_loss_reaches_the_target(exercise):
    ex = exercise("ex04_inference_aware")
    d = ex.tokens_for_loss(7e9, 2.1, HOFFMANN_2022)
    assert chinchilla_loss(7e9, d, HOFFMANN_2022)[0] == pytest.approx(2.1, rel=1e-12)


def test_unreachable_target_is_rejected(exercise):
    ex = exercise("ex04_inference_aware")
    # A 1M-parameter model has E + A/N**alpha = 1.69 + 406.4 / 1e6**0.34 > 5.
    with pytest.raises(ValueError, match="cannot reach"):
        ex.tokens_for_loss(1e6, 2.0, HOFFMANN_2022)
    with pytest.raises(ValueError, match="irreducible"):
        ex.inference_aware_optimum(1.5, 1e12, HOFFMANN_2022)


def test_heavy_inference_favours_smaller_longer_trained_models(exercise):
    ex = exercise("ex04_inference_aware")
    light = ex.inference_aware_optimum(2.0, 0.0, HOFFMANN_2022)
    heavy = ex.inference_aware_optimum(2.0, 1e13, HOFFMANN_2022)
    assert heavy["n_params"] < light["n_params"]
    assert heavy["tokens_per_param"] > light["tokens_per_param"]
