"""Public checks for exercise 4 (optional: model predictive control)."""

import numpy as np
import pytest
import scipy.linalg
import scipy.signal

from icsc_control.checks.conftest import numerical_jacobian
from icsc_control.physics import CartPoleParams

Q = np.diag([1.0, 1.0, 10.0, 1.0])
R = np.array([[0.1]])


def test_discretisation_matches_scipy(exercise):
    a, b = numerical_jacobian(CartPoleParams())
    ad, bd = exercise("ex04_mpc").discretise(a, b, 0.02)
    ref = scipy.signal.cont2discrete((a, b, np.eye(4), np.zeros((4, 1))), 0.02, method="zoh")
    # Both use a matrix exponential; the results agree to rounding.
    np.testing.assert_allclose(ad, ref[0], rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(bd, ref[1], rtol=1e-10, atol=1e-12)


def test_unconstrained_first_move_is_discrete_lqr(exercise):
    a, b = numerical_jacobian(CartPoleParams())
    controller = exercise("ex04_mpc").MPCController(a, b, Q, R, dt=0.02, horizon=10)
    ad, bd = (np.asarray(m) for m in scipy.signal.cont2discrete((a, b, np.eye(4), 0), 0.02)[:2])
    p = scipy.linalg.solve_discrete_are(ad, bd, Q, R)
    k = np.linalg.solve(R + bd.T @ p @ bd, bd.T @ p @ ad)
    state = np.array([0.01, 0.0, 0.01, 0.0])
    # With the Riccati terminal weight the finite-horizon optimum equals the infinite one;
    # small state, so the 10 N limit is inactive. Tolerance: linear solves, ~1e-9 relative.
    assert controller(state, 0.0) == pytest.approx(-(k @ state)[0], rel=1e-7)
