"""Public checks for exercise 3 (LQR from the linearised cart-pole)."""

import numpy as np
import pytest
import scipy.linalg

from icsc_control.checks.conftest import cartpole_v1_return, numerical_jacobian
from icsc_control.physics import CartPoleParams

Q = np.diag([1.0, 1.0, 10.0, 1.0])
R = np.array([[0.1]])


def test_linearisation_matches_finite_differences(exercise):
    a, b = exercise("ex03_lqr").linearise(CartPoleParams().as_dict())
    a_ref, b_ref = numerical_jacobian(CartPoleParams())
    # See numerical_jacobian for the error budget of central differences.
    np.testing.assert_allclose(a, a_ref, atol=1e-7)
    np.testing.assert_allclose(b, b_ref, atol=1e-7)


def test_gain_solves_the_riccati_equation_and_stabilises(exercise):
    ex = exercise("ex03_lqr")
    a, b = numerical_jacobian(CartPoleParams())
    k = ex.lqr_gain(a, b, Q, R)
    assert k.shape == (1, 4)
    # K = R^-1 B'P with P symmetric: recover P from the Lyapunov form of the closed loop,
    # (A - BK)'P + P(A - BK) = -(Q + K'RK), and check K = R^-1 B'P.
    closed = a - b @ k
    p = scipy.linalg.solve_continuous_lyapunov(closed.T, -(Q + k.T @ R @ k))
    np.testing.assert_allclose(k, np.linalg.solve(R, b.T @ p), rtol=1e-6)
    assert np.max(np.linalg.eigvals(closed).real) < 0


@pytest.mark.points(2)
def test_lqr_balances_cartpole_v1(exercise):
    ex = exercise("ex03_lqr")
    k = np.asarray(ex.lqr_gain(*ex.linearise(CartPoleParams().as_dict()), Q, R))
    obs = np.array([0.01, -0.02, 0.03, 0.01])
    assert ex.discrete_action(k, obs) == int(-(k[0] @ obs) > 0)
    assert ex.discrete_action(k, -obs) == int(-(k[0] @ -obs) > 0)
    # The episodes use the sign of -K obs computed here: one call per episode, not per step.
    for seed in range(3):
        assert cartpole_v1_return(lambda o: int(-(k[0] @ o) > 0), seed) == 500.0
