"""Hidden tests for exercise 2: the refit against the published replication.

Reference: Besiroglu et al. (2024), arXiv:2404.10102 — E = 1.8172 (0.03), A = 482.01
(124.58), B = 2085.43 (1293.23), alpha = 0.3478 (0.02), beta = 0.3658 (0.02), standard
errors in brackets, fitted to the same 240 runs with the same objective.
"""

import numpy as np
import pytest

from icsc_scaling_laws.published import BESIROGLU_2024, BESIROGLU_2024_SE

# Two starts of the Hoffmann et al. grid from which L-BFGS reaches the global optimum on
# these runs (about 8 % of the 4500 starts do, most of the others stop at worse optima);
# the full grid takes minutes, which tests cannot afford.
STARTS = [(5.0, 5.0, 0.5, 0.5, 0.5), (10.0, 10.0, 0.5, 0.5, 0.5)]


@pytest.mark.points(3)
def test_fit_agrees_with_the_published_replication(exercise, chinchilla_runs):
    ex = exercise("ex02_chinchilla_fit")
    runs = chinchilla_runs
    fit = ex.fit_scaling_law(runs.n_params, runs.tokens, runs.loss, starts=STARTS)
    # Same data and objective: every estimate must fall within one published standard
    # error of the published value (ours: E 1.817, A 478, B 2143, alpha 0.347, beta 0.367).
    for name, value in BESIROGLU_2024.items():
        assert abs(fit[name] - value) < BESIROGLU_2024_SE[name], name
    # The Huber objective at that optimum (sum over 240 runs) is about 1.02e-3.
    assert fit["objective"] == pytest.approx(1.018e-3, rel=0.01)


def test_more_starts_never_make_the_fit_worse(exercise, chinchilla_runs):
    ex = exercise("ex02_chinchilla_fit")
    runs = chinchilla_runs
    # With scipy's L-BFGS-B, start (25, 25, 1, 2, 2) of the grid stops at a local optimum
    # about 10 times worse (objective 0.0113). Listed after a good start, it must not
    # replace it: the fit keeps the best end point, not the last one.
    bad_start = (25.0, 25.0, 1.0, 2.0, 2.0)
    bad = ex.fit_scaling_law(runs.n_params, runs.tokens, runs.loss, starts=[bad_start])
    both = ex.fit_scaling_law(runs.n_params, runs.tokens, runs.loss, starts=[STARTS[0], bad_start])
    assert both["objective"] <= bad["objective"]
    assert both["objective"] == pytest.approx(1.018e-3, rel=0.01)


@pytest.mark.points(2)
def test_bootstrap_standard_errors_match_the_published_ones(exercise, chinchilla_runs):
    ex = exercise("ex02_chinchilla_fit")
    runs = chinchilla_runs
    refits = ex.bootstrap_scaling_law(
        runs.n_params, runs.tokens, runs.loss, n_resamples=16, start=dict(BESIROGLU_2024), seed=1
    )
    assert refits.shape == (16, 5)
    errors = ex.standard_errors(refits)
    # 16 resamples estimate a standard error to about +-20 % (and the published ones come
    # from 4000); B's distribution is heavy-tailed. A factor of 3 either way is generous
    # for a correct bootstrap and still catches a wrong one (no resampling gives 0, a
    # wrong axis gives nonsense).
    for name, published in BESIROGLU_2024_SE.items():
        assert published / 3 < errors[name] < 3 * published, name


def test_standard_errors_of_known_refits(exercise):
    ex = exercise("ex02_chinchilla_fit")
    refits = np.array([[1.0, 100.0, 1000.0, 0.3, 0.3], [3.0, 300.0, 3000.0, 0.5, 0.1]])
    errors = ex.standard_errors(refits)
    # Two values x, y have sample standard deviation |x - y| / sqrt(2).
    expected = dict(
        zip(
            ("E", "A", "B", "alpha", "beta"),
            np.abs(refits[0] - refits[1]) / np.sqrt(2),
            strict=True,
        )
    )
    for name, value in expected.items():
        assert errors[name] == pytest.approx(value, rel=1e-12), name
    with pytest.raises(ValueError, match="shape"):
        ex.standard_errors(refits[:, :4])


def test_fit_rejects_nan_and_mismatched_runs(exercise, chinchilla_runs):
    ex = exercise("ex02_chinchilla_fit")
    runs = chinchilla_runs
    loss = runs.loss.copy()
    loss[3] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        ex.fit_scaling_law(runs.n_params, runs.tokens, loss)
    with pytest.raises(ValueError, match="same length"):
        ex.fit_scaling_law(runs.n_params, runs.tokens[:-1], runs.loss)
    with pytest.raises(ValueError, match="n_resamples"):
        ex.bootstrap_scaling_law(
            runs.n_params, runs.tokens, runs.loss, n_resamples=1, start=dict(BESIROGLU_2024)
        )
