"""Public checks for exercise 6 (compare samplers on a fixed budget)."""

import numpy as np
import pytest


def test_best_so_far_is_the_running_minimum(exercise):
    ex = exercise("ex06_tune_the_tuner")
    curve = ex.best_so_far([3.0, 5.0, 1.0, 2.0, 0.5])
    np.testing.assert_array_equal(curve, [3.0, 3.0, 1.0, 1.0, 0.5])


def test_curves_have_one_row_per_seed_and_never_go_up(exercise):
    ex = exercise("ex06_tune_the_tuner")
    curves = ex.compare_samplers("branin", ["random", "tpe"], n_trials=12, seeds=[0, 1, 2])
    for curve in curves.values():
        assert curve.shape == (3, 12)
        assert np.all(np.diff(curve, axis=1) <= 0)
        assert np.all(curve >= 0.397887 - 1e-6)  # Branin's published global minimum


def test_an_unknown_sampler_is_refused(exercise):
    ex = exercise("ex06_tune_the_tuner")
    with pytest.raises(ValueError, match="unknown sampler"):
        ex.compare_samplers("branin", ["random", "oracle"], n_trials=5, seeds=[0])
