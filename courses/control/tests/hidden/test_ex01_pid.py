"""Hidden tests for exercise 1 (discrete PID)."""

import math

import pytest

from icsc_control.checks.conftest import FirstOrderPlant


def test_pi_loop_removes_the_steady_state_error(exercise):
    ex = exercise("ex01_pid")
    dt = 0.05
    plant = FirstOrderPlant(tau=0.5, gain=2.0, dt=dt)
    pid = ex.PID(0.8, 1.5, 0.0, dt)
    y = 0.0
    for _ in range(2000):
        y = plant.step(pid.update(1.0, y))
    # Final-value theorem: an integrator in a stable loop drives a constant error to zero.
    assert y == pytest.approx(1.0, abs=1e-9)
    # Equilibrium u = r / gain is held by the integral alone (e = 0).
    assert pid.integral == pytest.approx(0.5, abs=1e-8)


def test_derivative_acts_on_a_measurement_ramp(exercise):
    ex = exercise("ex01_pid")
    dt, kd, slope = 0.01, 2.0, 3.0
    pid = ex.PID(0.0, 0.0, kd, dt)
    outputs = [pid.update(1.0, slope * k * dt) for k in range(6)]
    # First call: no previous measurement, D = 0; then D = -kd * slope exactly (up to rounding).
    assert outputs[0] == 0.0
    assert outputs[1:] == pytest.approx([-kd * slope] * 5, rel=1e-9)


def test_anti_windup_lets_the_output_leave_saturation_at_once(exercise):
    ex = exercise("ex01_pid")
    dt = 0.1
    limited = ex.PID(1.0, 1.0, 0.0, dt, output_limits=(-1.0, 1.0))
    for _ in range(200):
        assert limited.update(10.0, 0.0) == 1.0
    # Without anti-windup the integral would be 200 * 10 * 0.1 = 200 and keep the output
    # at +1 for hundreds of steps; with conditional integration it is still tiny.
    assert limited.integral <= 1.0 + 1e-12
    assert limited.update(-0.5, 0.0) < 1.0


def test_integration_resumes_when_the_error_pulls_back(exercise):
    ex = exercise("ex01_pid")
    pid = ex.PID(0.0, 10.0, 0.0, 0.1, output_limits=(-1.0, 1.0))
    for _ in range(20):
        pid.update(1.0, 0.0)
    held = pid.integral
    # A negative error while saturated high reduces the output: it must be integrated.
    pid.update(-1.0, 0.0)
    assert pid.integral == pytest.approx(held - 10.0 * 1.0 * 0.1, rel=1e-12)


def test_reset_forgets_integral_and_previous_measurement(exercise):
    ex = exercise("ex01_pid")
    pid = ex.PID(1.0, 2.0, 3.0, 0.05)
    for k in range(10):
        pid.update(1.0, 0.1 * k)
    pid.reset()
    fresh = ex.PID(1.0, 2.0, 3.0, 0.05)
    assert pid.update(0.4, 0.7) == pytest.approx(fresh.update(0.4, 0.7), rel=1e-15)
    assert pid.integral == pytest.approx(fresh.integral, rel=1e-15)


def test_infinite_default_limits_do_not_clip(exercise):
    ex = exercise("ex01_pid")
    assert ex.PID(1e6, 0.0, 0.0, 0.1).update(1e3, 0.0) == pytest.approx(1e9)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"kp": -1.0}, "kp"),
        ({"ki": math.nan}, "ki"),
        ({"kd": math.inf}, "kd"),
        ({"dt": -0.1}, "dt"),
        ({"output_limits": (0.0, 0.0)}, "output_limits"),
    ],
)
def test_bad_constructor_arguments_raise(exercise, kwargs, match):
    ex = exercise("ex01_pid")
    arguments = {"kp": 1.0, "ki": 0.1, "kd": 0.0, "dt": 0.1} | kwargs
    with pytest.raises(ValueError, match=match):
        ex.PID(**arguments)


def test_nan_setpoint_raises(exercise):
    ex = exercise("ex01_pid")
    with pytest.raises(ValueError, match="finite"):
        ex.PID(1.0, 0.0, 0.0, 0.1).update(math.nan, 0.0)
