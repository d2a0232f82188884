"""Public checks for exercise 2 (the Chinchilla parametric fit)."""

import numpy as np
import pytest

from icsc_scaling_laws.laws import chinchilla_loss

TRUE = {"E": 1.8, "A": 500.0, "B": 2000.0, "alpha": 0.35, "beta": 0.37}


def test_huber_matches_its_definition(exercise):
    ex = exercise("ex02_chinchilla_fit")
    r = np.array([-0.5, -1e-3, 0.0, 5e-4, 2e-3])
    delta = 1e-3
    expected = [delta * (0.5 - delta / 2), 0.5e-6, 0.0, 0.5 * 25e-8, delta * (2e-3 - delta / 2)]
    np.testing.assert_allclose(ex.huber(r, delta), expected, rtol=1e-12, atol=0)


def test_log_loss_prediction_matches_the_law_and_does_not_overflow(exercise):
    ex = exercise("ex02_chinchilla_fit")
    n, d = np.array([1e8, 1e10]), np.array([1e9, 1e12])
    theta = [np.log(TRUE["A"]), np.log(TRUE["B"]), np.log(TRUE["E"]), TRUE["alpha"], TRUE["beta"]]
    expected = np.log(chinchilla_loss(n, d, TRUE))
    np.testing.assert_allclose(
        ex.predict_log_loss(theta, np.log(n), np.log(d)), expected, rtol=1e-12
    )
    # exp(900) overflows float64; a log-sum-exp must still return about 900.
    big = ex.predict_log_loss([900.0, 0.0, 0.0, 0.0, 0.0], np.log(n), np.log(d))
    np.testing.assert_allclose(big, 900.0, rtol=1e-12)


def test_gradient_matches_finite_differences(exercise):
    ex = exercise("ex02_chinchilla_fit")
    rng = np.random.default_rng(0)
    log_n, log_d = rng.uniform(18, 23, 30), rng.uniform(20, 26, 30)
    # Residuals of order 0.01 so that both Huber branches (|r| above and below 1e-3) occur.
    log_loss = np.log(chinchilla_loss(np.exp(log_n), np.exp(log_d), TRUE)) + rng.normal(0, 0.01, 30)
    theta = np.array([6.0, 7.5, 0.6, 0.34, 0.36])
    _, grad = ex.huber_objective(theta, log_n, log_d, log_loss)
    step = 1e-7
    numeric = [
        (
            ex.huber_objective(theta + step * e, log_n, log_d, log_loss)[0]
            - ex.huber_objective(theta - step * e, log_n, log_d, log_loss)[0]
        )
        / (2 * step)
        for e in np.eye(5)
    ]
    # Central differences: truncation ~ step**2 * f''' plus round-off ~ 1e-16 / step.
    np.testing.assert_allclose(grad, numeric, rtol=1e-4, atol=1e-9)


@pytest.mark.points(2)
def test_fit_recovers_known_parameters(exercise):
    ex = exercise("ex02_chinchilla_fit")
    n = np.repeat(np.logspace(7.5, 10.5, 6), 5)
    d = np.tile(np.logspace(9, 11.5, 5), 6)
    loss = chinchilla_loss(n, d, TRUE)
    fit = ex.fit_scaling_law(n, d, loss)
    # Noise-free data: the optimum is the truth; the tolerance covers where L-BFGS stops.
    for name, value in TRUE.items():
        assert fit[name] == pytest.approx(value, rel=1e-3), name


def test_fit_rejects_bad_runs(exercise):
    ex = exercise("ex02_chinchilla_fit")
    n, d, loss = np.full(10, 1e9), np.full(10, 1e10), np.full(10, 3.0)
    with pytest.raises(ValueError, match="too few"):
        ex.fit_scaling_law(n[:3], d[:3], loss[:3])
    with pytest.raises(ValueError, match="positive"):
        ex.fit_scaling_law(n, d, -loss)
