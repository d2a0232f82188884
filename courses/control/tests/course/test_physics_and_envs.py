"""The cart-pole physics and our Gymnasium environments, against Gymnasium's CartPole-v1."""

import math

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import icsc_control  # noqa: F401  (registers the environments)
from icsc_control.envs import CONTINUOUS_ID, HARDWARE_ID, ContinuousCartPoleEnv, force_from_action
from icsc_control.physics import CartPoleParams, accelerations, euler_step, is_failed


def test_continuous_env_reproduces_cartpole_v1_bit_for_bit():
    reference = gym.make("CartPole-v1")
    reference.reset(seed=5)
    ours = gym.make(CONTINUOUS_ID)
    ours.reset(options={"state": np.array(reference.unwrapped.state)})
    rng = np.random.default_rng(0)
    for _ in range(200):
        action = int(rng.integers(2))
        _, _, done_ref, trunc_ref, _ = reference.step(action)
        observation, _, done, trunc, _ = ours.step(np.array([10.0 if action else -10.0]))
        # Same operations in the same order on float64: identical results.
        np.testing.assert_array_equal(observation, np.array(reference.unwrapped.state))
        assert (done, trunc) == (done_ref, trunc_ref)
        if done:
            break


def test_pole_falls_the_way_gravity_says():
    # Small-angle pendulum: theta_ddot = g theta / (l (4/3 - m/M_total)) with no force.
    p = CartPoleParams()
    _, thetaacc = accelerations(np.array([0.0, 0.0, 1e-6, 0.0]), 0.0, p)
    expected = p.gravity * 1e-6 / (p.half_length * (4 / 3 - p.pole_mass / p.total_mass))
    assert thetaacc == pytest.approx(expected, rel=1e-9)


def test_viscous_friction_slows_the_cart():
    p = CartPoleParams(cart_friction=0.5)
    xacc, _ = accelerations(np.array([0.0, 1.0, 0.0, 0.0]), 0.0, p)
    # Pole upright and still: the friction force -b v acts on the whole mass, slightly
    # reduced by the pole reaction; the deceleration is close to b v / M_total.
    assert -0.5 / p.total_mass * 1.2 < xacc < -0.5 / p.total_mass * 0.8


def test_failure_rule_is_gymnasiums():
    assert is_failed(np.array([2.41, 0.0, 0.0, 0.0]))
    assert is_failed(np.array([0.0, 0.0, -math.radians(12.01), 0.0]))
    assert not is_failed(np.array([2.39, 5.0, math.radians(11.9), 5.0]))


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"cart_mass": 0.0}, ValueError, "cart_mass"),
        ({"dt": math.nan}, ValueError, "finite"),
        ({"cart_friction": -1.0}, ValueError, "non-negative"),
        ({"gravity": "9.8"}, TypeError, "number"),
    ],
)
def test_bad_parameters_raise(kwargs, error, match):
    with pytest.raises(error, match=match):
        CartPoleParams(**kwargs)


def test_bad_state_and_force_raise():
    p = CartPoleParams()
    with pytest.raises(ValueError, match="shape"):
        euler_step(np.zeros(3), 0.0, p)
    with pytest.raises(ValueError, match="finite"):
        euler_step(np.array([0.0, np.nan, 0.0, 0.0]), 0.0, p)
    with pytest.raises(ValueError, match="finite"):
        euler_step(np.zeros(4), math.inf, p)


# The checker recommends a [-1, 1] action range for RL libraries; our action is a force in
# newtons on purpose (it is the physical input controllers compute), so that advice is ignored.
@pytest.mark.filterwarnings("ignore:.*symmetric and normalized space:UserWarning")
def test_env_passes_gymnasiums_checker():
    check_env(ContinuousCartPoleEnv(), skip_render_check=True)


def test_registered_envs_truncate_at_500_steps():
    env = gym.make(HARDWARE_ID)
    assert env.spec.max_episode_steps == 500
    env.reset(seed=0, options={"state": np.zeros(4)})
    # No noise, no force, exactly upright: the unstable equilibrium holds for 500 steps.
    steps = 0
    truncated = False
    while not truncated:
        _, _, terminated, truncated, _ = env.step(np.array([0.0]))
        assert not terminated
        steps += 1
    assert steps == 500


@pytest.mark.parametrize(
    ("action", "error", "match"),
    [
        (np.zeros(2), ValueError, "shape"),
        (np.array([np.nan]), ValueError, "finite"),
        ("push", TypeError, "newtons"),
        (True, TypeError, "bool"),
    ],
)
def test_bad_actions_raise_clear_errors(action, error, match):
    with pytest.raises(error, match=match):
        force_from_action(action)


def test_actions_are_saturated():
    env = ContinuousCartPoleEnv(force_max=4.0)
    env.reset(seed=0)
    _, _, _, _, info = env.step(np.array([100.0]))
    assert info["force"] == 4.0
    assert info["commanded"] == 100.0


def test_step_before_reset_raises():
    with pytest.raises(RuntimeError, match="reset"):
        ContinuousCartPoleEnv().step(np.zeros(1))
