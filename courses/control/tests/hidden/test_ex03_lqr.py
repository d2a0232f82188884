"""Hidden tests for exercise 3 (LQR): independent Riccati solver, stability, CartPole-v1."""

import gymnasium as gym
import numpy as np
import pytest

from icsc_control.checks.conftest import cartpole_v1_return, numerical_jacobian
from icsc_control.envs import ContinuousCartPoleEnv
from icsc_control.evaluation import run_episode
from icsc_control.physics import CartPoleParams

Q = np.diag([1.0, 1.0, 10.0, 1.0])
R = np.array([[0.1]])


@pytest.mark.parametrize(
    "params",
    [
        CartPoleParams(cart_friction=0.4, pole_friction=0.003),
        CartPoleParams(cart_mass=2.0, pole_mass=0.3, half_length=0.8, gravity=9.81),
    ],
    ids=["friction", "heavier"],
)
def test_linearisation_with_friction_and_other_masses(exercise, params):
    a, b = exercise("ex03_lqr").linearise(params.as_dict())
    a_ref, b_ref = numerical_jacobian(params)
    np.testing.assert_allclose(a, a_ref, atol=1e-7)
    np.testing.assert_allclose(b, b_ref, atol=1e-7)


def test_coulomb_friction_cannot_be_linearised(exercise):
    with pytest.raises(ValueError, match=r"[Cc]oulomb"):
        exercise("ex03_lqr").linearise(CartPoleParams(coulomb_friction=0.1).as_dict())


@pytest.mark.points(2)
@pytest.mark.parametrize(
    ("q_diag", "r"), [((1, 1, 10, 1), 0.1), ((10, 1, 100, 1), 1.0), ((1, 0, 1, 0), 0.01)]
)
def test_gain_matches_an_independent_riccati_solver(exercise, care_reference, q_diag, r):
    ex = exercise("ex03_lqr")
    a, b = numerical_jacobian(CartPoleParams())
    q, r = np.diag(np.asarray(q_diag, dtype=float)), np.array([[r]])
    expected = np.linalg.solve(r, b.T @ care_reference(a, b, q, r))
    # Two different algorithms (QZ vs eigenvectors) on a conditioned 4x4 problem.
    np.testing.assert_allclose(ex.lqr_gain(a, b, q, r), expected, rtol=1e-6)


def test_gain_for_a_random_two_input_system(exercise, care_reference):
    ex = exercise("ex03_lqr")
    rng = np.random.default_rng(8)
    a, b = rng.normal(size=(5, 5)), rng.normal(size=(5, 2))
    q, r = np.eye(5), np.diag([1.0, 3.0])
    k = ex.lqr_gain(a, b, q, r)
    assert k.shape == (2, 5)
    np.testing.assert_allclose(k, np.linalg.solve(r, b.T @ care_reference(a, b, q, r)), rtol=1e-6)
    assert np.max(np.linalg.eigvals(a - b @ k).real) < 0


@pytest.mark.parametrize(
    ("q", "r", "match"),
    [
        (np.diag([1.0, 1.0, -1.0, 1.0]), np.array([[0.1]]), "Q"),
        (np.eye(4), np.array([[0.0]]), "R"),
        (np.eye(3), np.array([[0.1]]), "shape"),
        (np.triu(np.ones((4, 4))), np.array([[0.1]]), "symmetric"),
    ],
)
def test_bad_weights_raise(exercise, q, r, match):
    a, b = numerical_jacobian(CartPoleParams())
    with pytest.raises(ValueError, match=match):
        exercise("ex03_lqr").lqr_gain(a, b, q, r)


def test_unstabilisable_pair_raises(exercise):
    # An unstable mode (eigenvalue +1) that the input cannot reach: no stabilising K exists.
    a = np.diag([1.0, -1.0])
    b = np.array([[0.0], [1.0]])
    with pytest.raises(ValueError, match="stabilis"):
        exercise("ex03_lqr").lqr_gain(a, b, np.eye(2), np.eye(1))


@pytest.mark.points(3)
def test_lqr_balances_cartpole_v1_on_many_seeds(exercise):
    ex = exercise("ex03_lqr")
    k = np.asarray(ex.lqr_gain(*ex.linearise(CartPoleParams().as_dict()), Q, R))
    # The bang-bang law is evaluated here (discrete_action is checked separately), so that
    # grading in an isolated process does not pay one round trip per step.
    returns = [cartpole_v1_return(lambda o: int(-(k[0] @ o) > 0), s) for s in range(100, 120)]
    assert returns == [500.0] * 20


def test_discrete_action_is_the_sign_of_the_lqr_force(exercise):
    ex = exercise("ex03_lqr")
    k = np.array([[-3.0, -5.0, -50.0, -13.0]])
    rng = np.random.default_rng(4)
    for obs in rng.normal(scale=0.05, size=(8, 4)):
        assert ex.discrete_action(k, obs) == int(-(k[0] @ obs) > 0)
    with pytest.raises(ValueError, match="finite"):
        ex.discrete_action(k, np.array([np.nan, 0.0, 0.0, 0.0]))


def test_controller_tracks_a_cart_setpoint(exercise):
    controller = exercise("ex03_lqr").LQRController(CartPoleParams().as_dict(), Q, R)
    env = gym.make("icsc_control/ContinuousCartPole-v0")
    episode = run_episode(controller, env, steps=500, setpoint=0.5, seed=3)
    assert not episode.failed, episode.reason
    # No disturbance, exact model: the cart converges to the setpoint (10 s >> time constants).
    assert episode.states[-1, 0] == pytest.approx(0.5, abs=1e-3)
    assert np.max(np.abs(episode.forces)) <= 10.0


def test_controller_rejects_a_nan_observation(exercise):
    controller = exercise("ex03_lqr").LQRController(CartPoleParams().as_dict(), Q, R)
    with pytest.raises(ValueError, match="finite"):
        controller(np.array([0.0, np.nan, 0.0, 0.0]), 0.0)
    assert isinstance(controller(np.zeros(4), 0.0), float)
    assert isinstance(ContinuousCartPoleEnv().force_max, float)
