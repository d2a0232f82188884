"""Hidden tests for exercise 1: estimators on synthetic data with known parameters."""

import numpy as np
import pytest

from icsc_scaling_laws.synthetic import power_law_samples

X = np.logspace(0, 3, 40)
A_TRUE, B_TRUE = 2.0, -0.5
SEEDS = range(20)


def _rms_exponent_errors(ex, noise, sigma):
    loglog, nls = [], []
    for seed in SEEDS:
        y = power_law_samples(X, A_TRUE, B_TRUE, noise=noise, sigma=sigma, seed=seed)
        loglog.append(ex.fit_loglog(X, y)[1] - B_TRUE)
        nls.append(ex.fit_nls(X, y)[1] - B_TRUE)
    return np.sqrt(np.mean(np.square(loglog))), np.sqrt(np.mean(np.square(nls)))


@pytest.mark.points(2)
def test_nls_wins_under_additive_noise(exercise):
    ex = exercise("ex01_power_law_fit")
    # sigma = 0.02 against y from 2 down to 0.063: the smallest values are ~30 % noisy,
    # which log-log regression over-weights. Over 20 seeds NLS (the maximum-likelihood
    # fit here) has about 1/3 of the RMS exponent error (0.004 vs 0.016); we ask for
    # a clear margin, not the exact ratio.
    loglog, nls = _rms_exponent_errors(ex, "additive", 0.02)
    assert nls < 0.6 * loglog
    assert nls < 0.01


@pytest.mark.points(2)
def test_loglog_wins_under_multiplicative_noise(exercise):
    ex = exercise("ex01_power_law_fit")
    # 20 % relative scatter: log-log regression is the maximum-likelihood fit; NLS lets
    # the few largest y dominate. Expected RMS errors about 0.012 vs 0.045.
    loglog, nls = _rms_exponent_errors(ex, "multiplicative", 0.2)
    assert loglog < 0.6 * nls
    assert loglog < 0.03


def test_nls_accepts_negative_values(exercise):
    ex = exercise("ex01_power_law_fit")
    y = power_law_samples(X, A_TRUE, B_TRUE, noise="additive", sigma=0.1, seed=3)
    assert (y <= 0).any()  # large additive noise: some samples are negative
    a, b = ex.fit_nls(X, y)
    # One noisy sample: a loose band around the truth (several standard errors).
    assert a == pytest.approx(A_TRUE, rel=0.2)
    assert b == pytest.approx(B_TRUE, abs=0.1)


def test_ignoring_the_offset_flattens_the_exponent(exercise):
    ex = exercise("ex01_power_law_fit")
    y = power_law_samples(X, 5.0, -0.3, noise="multiplicative", sigma=0.01, offset=1.0, seed=1)
    _, b_pure = ex.fit_loglog(X, y)
    e, _, b = ex.fit_power_law_with_offset(X, y)
    # With the offset ignored the local slope of log y shrinks towards 0 (about -0.17
    # here); modelling it recovers -0.3 within the 1 % noise.
    assert -0.25 < b_pure < 0
    assert b == pytest.approx(-0.3, abs=0.02)
    assert e == pytest.approx(1.0, abs=0.05)


@pytest.mark.parametrize(
    ("x", "y", "match"),
    [
        (X, np.where(X > 10, np.nan, X), "NaN"),
        (X, np.zeros_like(X), "positive"),
        (X[:1], X[:1], "too few"),
        (X, X[:-1], "same length"),
    ],
    ids=["nan", "zero", "one-point", "lengths"],
)
def test_loglog_bad_input(exercise, x, y, match):
    ex = exercise("ex01_power_law_fit")
    with pytest.raises(ValueError, match=match):
        ex.fit_loglog(x, y)


def test_nls_bad_input(exercise):
    ex = exercise("ex01_power_law_fit")
    with pytest.raises(ValueError, match="too few"):
        ex.fit_nls(X[:2], X[:2])
    with pytest.raises(ValueError, match="positive"):
        ex.fit_nls(-X, X)
    with pytest.raises(ValueError, match="NaN"):
        ex.fit_power_law_with_offset(X, np.full_like(X, np.nan))
