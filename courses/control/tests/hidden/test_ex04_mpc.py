"""Hidden tests for exercise 4 (MPC): predictions, the constrained optimum, balancing."""

import numpy as np
import pytest

from icsc_control.checks.conftest import numerical_jacobian
from icsc_control.envs import ContinuousCartPoleEnv
from icsc_control.evaluation import run_episode
from icsc_control.physics import CartPoleParams

Q = np.diag([1.0, 1.0, 10.0, 1.0])
R = np.array([[0.1]])
A, B = numerical_jacobian(CartPoleParams())


def test_prediction_matrices_match_simulation(exercise):
    ex = exercise("ex04_mpc")
    ad, bd = ex.discretise(A, B, 0.02)
    phi, gamma = ex.prediction_matrices(ad, bd, 6)
    assert phi.shape == (24, 4)
    assert gamma.shape == (24, 6)
    rng = np.random.default_rng(1)
    x0, u = rng.normal(size=4), rng.normal(size=6)
    x, simulated = x0, []
    for k in range(6):
        x = ad @ x + bd[:, 0] * u[k]
        simulated.append(x)
    np.testing.assert_allclose(
        phi @ x0 + gamma @ u, np.concatenate(simulated), rtol=1e-12, atol=1e-12
    )


@pytest.mark.points(2)
def test_constrained_plan_is_feasible_and_optimal(exercise):
    ex = exercise("ex04_mpc")
    horizon, force_max = 15, 3.0
    controller = ex.MPCController(A, B, Q, R, dt=0.02, horizon=horizon, force_max=force_max)
    ad, bd = ex.discretise(A, B, 0.02)
    import scipy.linalg  # noqa: PLC0415

    p = scipy.linalg.solve_discrete_are(ad, bd, Q, R)
    state = np.array([0.2, 0.0, 0.15, 0.3])

    def cost(u):
        x, total = state, 0.0
        for k in range(horizon):
            total += u[k] * R[0, 0] * u[k]
            x = ad @ x + bd[:, 0] * u[k]
            total += x @ (p if k == horizon - 1 else Q) @ x
        return total

    plan = controller.plan(state, 0.0)
    assert plan.shape == (horizon,)
    assert np.max(np.abs(plan)) <= force_max + 1e-9
    assert np.max(np.abs(plan)) == pytest.approx(force_max)  # the limit is active here
    reference = scipy.optimize.minimize(
        cost,
        np.zeros(horizon),
        method="L-BFGS-B",
        bounds=[(-force_max, force_max)] * horizon,
        options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 10_000},
    )
    # A convex QP: the exact minimiser is no worse than a generic bounded optimiser.
    assert cost(plan) <= reference.fun * (1 + 1e-6)


def test_mpc_balances_the_continuous_cartpole(exercise):
    controller = exercise("ex04_mpc").MPCController(A, B, Q, R, dt=0.02, horizon=15, force_max=5.0)
    episode = run_episode(
        controller,
        ContinuousCartPoleEnv(force_max=5.0),
        steps=250,
        initial_state=np.array([0.0, 0.0, 0.12, 0.0]),
    )
    assert not episode.failed, episode.reason
    assert abs(episode.states[-1, 2]) < 0.01


def test_bad_horizon_and_limit_raise(exercise):
    ex = exercise("ex04_mpc")
    with pytest.raises(ValueError, match="horizon"):
        ex.MPCController(A, B, Q, R, horizon=0)
    with pytest.raises(ValueError, match="force_max"):
        ex.MPCController(A, B, Q, R, force_max=-1.0)
    with pytest.raises(ValueError, match="dt"):
        ex.discretise(A, B, 0.0)
