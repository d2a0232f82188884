"""Hidden tests of exercise 3: Jacobian normalisation, other peaks, determinism, bad input."""

import numpy as np
import pytest

from icsc_perf_madgraph import integrands


def test_jacobian_integrates_to_one_on_any_grid(exercise):
    ex = exercise("ex03_vegas")
    edges = np.array([[0.0, 0.05, 0.3, 0.31, 1.0], [0.0, 0.5, 0.6, 0.9, 1.0]])
    # Midpoints of 4 x 8 cells per bin per axis: the Jacobian is constant inside each bin,
    # so its mean over the cells is the sum of the bin widths, i.e. exactly 1.
    y1 = (np.arange(32) + 0.5) / 32
    grid = np.array(np.meshgrid(y1, y1)).reshape(2, -1).T
    x, jacobian = ex.vegas_map(edges, grid)
    assert jacobian.mean() == pytest.approx(1.0, rel=1e-12)
    assert np.all((x >= 0) & (x <= 1))
    # The map is monotone along each axis.
    x1, _ = ex.vegas_map(edges, np.column_stack([y1, y1]))
    assert np.all(np.diff(x1, axis=0) > 0)


def test_refine_keeps_a_flat_grid_flat(exercise):
    ex = exercise("ex03_vegas")
    np.testing.assert_allclose(
        ex.refine_edges(np.linspace(0, 1, 9), np.ones(8)), np.linspace(0, 1, 9)
    )


@pytest.mark.points(2)
def test_breit_wigner_resonance(exercise):
    ex = exercise("ex03_vegas")
    result = ex.vegas_integrate(integrands.breit_wigner, 1, n_per_iteration=4000, seed=5)
    exact = integrands.breit_wigner_integral()
    assert abs(result["integral"] - exact) < 4 * result["error"]
    assert result["error"] < 2e-3 * exact
    assert result["chi2_per_dof"] < 4.0


def test_four_dimensional_peak(exercise):
    ex = exercise("ex03_vegas")

    def peak(x):
        return integrands.gaussian_peak(x, 0.4, 0.1)

    result = ex.vegas_integrate(peak, 4, n_per_iteration=4000, n_iterations=8, seed=8)
    exact = integrands.gaussian_peak_integral(4, 0.4, 0.1)
    assert abs(result["integral"] - exact) < 4 * result["error"]
    assert result["error"] < 0.01 * exact


def test_same_seed_same_answer(exercise):
    ex = exercise("ex03_vegas")

    def peak(x):
        return integrands.gaussian_peak(x, 0.5, 0.1)

    first = ex.vegas_integrate(peak, 2, n_per_iteration=1000, n_iterations=4, n_warmup=1, seed=6)
    second = ex.vegas_integrate(peak, 2, n_per_iteration=1000, n_iterations=4, n_warmup=1, seed=6)
    assert first["integral"] == second["integral"]
    assert first["n_evaluations"] == 4000
    np.testing.assert_array_equal(first["edges"], second["edges"])


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda ex: ex.vegas_map(np.array([[0.0, 0.5, 0.9]]), np.zeros((3, 1))), "edges"),
        (lambda ex: ex.vegas_map(np.array([[0.0, 1.0]]), np.zeros((3, 2))), "shape"),
        (lambda ex: ex.refine_edges(np.linspace(0, 1, 4), np.zeros(3)), "zero"),
        (lambda ex: ex.refine_edges(np.linspace(0, 1, 4), np.array([1.0, -1.0, 1.0])), "negative"),
        (lambda ex: ex.refine_edges(np.linspace(0, 1, 4), np.ones(4)), "n_bins"),
    ],
    ids=["edges-not-to-one", "y-shape", "all-zero", "negative", "weights-shape"],
)
def test_bad_input(exercise, call, match):
    ex = exercise("ex03_vegas")
    with pytest.raises(ValueError, match=match):
        call(ex)


def test_iterations_must_exceed_warmup(exercise):
    ex = exercise("ex03_vegas")
    with pytest.raises(ValueError, match="n_warmup"):
        ex.vegas_integrate(integrands.gaussian_peak, 2, n_iterations=3, n_warmup=3)


def test_integrand_of_the_wrong_shape(exercise):
    ex = exercise("ex03_vegas")
    with pytest.raises(ValueError, match="f must return"):
        ex.vegas_integrate(lambda x: np.ones((x.shape[0], 2)), 2, n_per_iteration=100)
