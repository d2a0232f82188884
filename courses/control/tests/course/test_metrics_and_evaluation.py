"""Metrics against closed-form step responses; the harness against misbehaving controllers."""

import math

import numpy as np
import pytest

from icsc_control import metrics
from icsc_control.envs import ContinuousCartPoleEnv
from icsc_control.evaluation import PiecewiseSetpoint, StepSetpoint, run_episode, summarise
from icsc_control.plant import HardwareCartPoleEnv, PlantConfig


def second_order_step(zeta, omega, t):
    """Unit-step response of omega^2 / (s^2 + 2 zeta omega s + omega^2), zeta < 1."""
    omega_d = omega * math.sqrt(1 - zeta**2)
    phase = math.acos(zeta)
    return 1 - np.exp(-zeta * omega * t) / math.sqrt(1 - zeta**2) * np.sin(omega_d * t + phase)


@pytest.mark.parametrize("zeta", [0.2, 0.5, 0.7])
def test_overshoot_of_a_second_order_system(zeta):
    omega = 2.0
    peak_time = math.pi / (omega * math.sqrt(1 - zeta**2))
    t = np.linspace(0, 10 * peak_time, 20_001)  # contains the peak time exactly (index 2000)
    y = second_order_step(zeta, omega, t)
    # Textbook result: M_p = exp(-pi zeta / sqrt(1 - zeta^2))
    # (Astrom & Murray, Feedback Systems, second-order systems).
    expected = 100 * math.exp(-math.pi * zeta / math.sqrt(1 - zeta**2))
    assert metrics.overshoot(y, 0.0, 1.0) == pytest.approx(expected, rel=1e-9)


def test_settling_time_of_a_first_order_system():
    tau, dt = 0.7, 0.001
    t = np.arange(0, 10, dt)
    y = 2.0 * (1 - np.exp(-t / tau))
    # |y - 2| <= 0.02 * 2 from t = tau ln(50) on; sampled, within one period.
    assert metrics.settling_time(t, y, 0.0, 2.0, 0.0) == pytest.approx(tau * math.log(50), abs=dt)
    assert metrics.overshoot(y, 0.0, 2.0) == 0.0


def test_steady_state_error_and_effort():
    assert metrics.steady_state_error(
        np.array([0.0, 0.5, 0.9, 0.9]), 1.0, tail=0.5
    ) == pytest.approx(0.1)
    assert metrics.control_effort(np.array([1.0, -2.0, 2.0]), 0.5) == pytest.approx(4.5)
    assert metrics.rms_deviation(np.array([1.0, 3.0]), np.array([0.0, 0.0])) == pytest.approx(
        math.sqrt(5)
    )


def test_never_settling_is_infinite():
    t = np.linspace(0, 1, 11)
    assert metrics.settling_time(t, np.zeros(11), 0.0, 1.0, 0.0) == math.inf


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: metrics.overshoot(np.array([]), 0.0, 1.0), "non-empty"),
        (lambda: metrics.overshoot(np.ones(3), 1.0, 1.0), "different levels"),
        (lambda: metrics.rms_deviation(np.ones(3), np.ones(2)), "equal lengths"),
        (lambda: metrics.control_effort(np.array([np.nan]), 0.1), "NaN"),
        (lambda: metrics.settling_time(np.ones(2), np.ones(2), 0, 1, 0, band=2.0), "band"),
    ],
)
def test_bad_signals_raise(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def pd_controller(observation, setpoint):
    x, x_dot, theta, theta_dot = observation
    # The LQR gain for Q = diag(1, 1, 10, 1), R = 0.1 on the nominal cart-pole.
    return 3.16 * (x - setpoint) + 5.92 * x_dot + 49.5 * theta + 12.84 * theta_dot


def test_harness_records_a_good_run_and_scores_it():
    step = StepSetpoint(after=0.3, time=1.0)
    episode = run_episode(pd_controller, ContinuousCartPoleEnv(), steps=400, setpoint=step, seed=0)
    assert not episode.failed
    assert episode.upright_time == pytest.approx(8.0)
    assert episode.states.shape == (401, 4)
    assert episode.setpoints.shape == (401,)
    assert episode.forces.shape == (400,)
    summary = summarise(episode, step)
    assert summary["steady_state_error"] == pytest.approx(0.0, abs=0.02)
    assert summary["settling_time"] < 7.0


@pytest.mark.parametrize(
    ("controller", "reason"),
    [
        (lambda _o, _r: 1 / 0, "ZeroDivisionError"),
        (lambda _o, _r: math.nan, "finite"),
        (lambda _o, _r: np.ones(3), "shape"),
        (lambda _o, _r: "left", "newtons"),
        (lambda _o, _r: 50.0, "pole fell"),
    ],
    ids=["raises", "nan", "shape", "type", "unstable"],
)
def test_misbehaving_controllers_end_the_episode_safely(controller, reason):
    episode = run_episode(controller, HardwareCartPoleEnv(PlantConfig()), steps=300, seed=1)
    assert episode.failed
    assert reason in episode.reason
    assert np.all(np.isfinite(episode.states))
    summary = summarise(episode, StepSetpoint())
    assert summary["overshoot"] == math.inf


def test_failing_reset_ends_the_episode():
    class Broken:
        def reset(self):
            msg = "no"
            raise RuntimeError(msg)

        def __call__(self, _observation, _setpoint):
            return 0.0

    episode = run_episode(Broken(), ContinuousCartPoleEnv(), steps=10)
    assert episode.failed
    assert episode.steps == 0
    assert "reset" in episode.reason


def test_piecewise_setpoint_and_bad_arguments():
    schedule = PiecewiseSetpoint(times=(0.0, 2.0), values=(0.0, 0.5))
    assert [schedule(t) for t in (0.0, 1.99, 2.0, 9.0)] == [0.0, 0.0, 0.5, 0.5]
    with pytest.raises(ValueError, match="increasing"):
        PiecewiseSetpoint(times=(1.0, 1.0), values=(0.0, 1.0))
    with pytest.raises(ValueError, match="steps"):
        run_episode(pd_controller, ContinuousCartPoleEnv(), steps=0)
    with pytest.raises(TypeError, match="setpoint"):
        run_episode(pd_controller, ContinuousCartPoleEnv(), setpoint="middle")
