"""Public checks of exercise 3: the VEGAS map, grid refinement and adaptive integration."""

import math

import numpy as np
import pytest

from icsc_perf_madgraph import integrands


def test_uniform_grid_is_the_identity(exercise):
    ex = exercise("ex03_vegas")
    y = np.random.default_rng(1).random((100, 3))
    x, jacobian = ex.vegas_map(np.tile(np.linspace(0, 1, 11), (3, 1)), y)
    np.testing.assert_allclose(x, y, atol=1e-15)
    np.testing.assert_allclose(jacobian, 1.0, atol=1e-12)


def test_map_by_hand(exercise):
    ex = exercise("ex03_vegas")
    # Two bins [0, 0.1] and [0.1, 1]: y = 0.25 is half-way through bin 0, y = 0.75 through bin 1.
    x, jacobian = ex.vegas_map(np.array([[0.0, 0.1, 1.0]]), np.array([[0.25], [0.75]]))
    np.testing.assert_allclose(x[:, 0], [0.05, 0.55])
    np.testing.assert_allclose(jacobian, [2 * 0.1, 2 * 0.9])


@pytest.mark.points(2)
def test_refined_bins_hold_equal_weight(exercise):
    ex = exercise("ex03_vegas")
    old = np.linspace(0, 1, 6)
    weights = np.array([1.0, 4.0, 10.0, 4.0, 1.0])
    new = ex.refine_edges(old, weights)
    assert new[0] == 0.0
    assert new[-1] == 1.0
    assert np.all(np.diff(new) > 0)
    # Weight inside each new bin from the piecewise-constant density (computed here).
    density = weights / np.diff(old)

    def cumulative(x):
        return np.array([np.sum(density * np.clip(v - old[:-1], 0, np.diff(old))) for v in x])

    np.testing.assert_allclose(np.diff(cumulative(new)), weights.sum() / 5, rtol=1e-10)


@pytest.mark.points(3)
def test_vegas_beats_flat_sampling_on_a_narrow_peak(exercise):
    ex = exercise("ex03_vegas")

    def peak(x):
        return integrands.gaussian_peak(x, 0.5, 0.05)

    result = ex.vegas_integrate(peak, 2, n_per_iteration=4000, n_iterations=8, seed=3)
    exact = integrands.gaussian_peak_integral(2, 0.5, 0.05)
    assert abs(result["integral"] - exact) < 4 * result["error"]
    # Flat sampling with the same number of evaluations, for comparison (done here).
    values = peak(np.random.default_rng(3).random((result["n_evaluations"], 2)))
    flat_error = values.std() / math.sqrt(values.size)
    assert result["error"] < flat_error / 5
    assert result["edges"].shape == (2, 51)
