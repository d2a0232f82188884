"""Public checks for exercise 1 (discrete PID)."""

import math

import pytest

from icsc_control.checks.conftest import FirstOrderPlant


def test_proportional_loop_matches_the_closed_form(exercise):
    ex = exercise("ex01_pid")
    dt, kp, r = 0.1, 2.0, 1.0
    plant = FirstOrderPlant(tau=1.0, gain=1.5, dt=dt)
    pid = ex.PID(kp, 0.0, 0.0, dt)
    # Closed loop: y[k+1] = (a - b kp) y[k] + b kp r, so y[k] = y_inf (1 - lam^k).
    lam = plant.a - plant.b * kp
    y_inf = plant.b * kp * r / (1 - lam)
    y = 0.0
    for k in range(1, 30):
        y = plant.step(pid.update(r, y))
        # Pure float arithmetic on O(1) numbers: a few ulps per step.
        assert y == pytest.approx(y_inf * (1 - lam**k), rel=1e-12)


def test_integral_term_is_a_ramp_for_a_constant_error(exercise):
    ex = exercise("ex01_pid")
    pid = ex.PID(0.0, 3.0, 0.0, dt=0.01)
    outputs = [pid.update(1.0, 0.5) for _ in range(10)]
    # I_k = ki * e * dt * (k+1) with e = 0.5 (backward rectangle rule).
    assert outputs == pytest.approx([3.0 * 0.5 * 0.01 * (k + 1) for k in range(10)], rel=1e-12)


def test_setpoint_step_gives_no_derivative_kick(exercise):
    ex = exercise("ex01_pid")
    pid = ex.PID(1.0, 0.0, 5.0, dt=0.01)
    pid.update(0.0, 0.2)
    # The measurement did not change: the derivative on measurement is exactly 0.
    assert pid.update(10.0, 0.2) == pytest.approx(1.0 * (10.0 - 0.2), rel=1e-12)


def test_output_is_clipped_to_the_limits(exercise):
    ex = exercise("ex01_pid")
    pid = ex.PID(10.0, 1.0, 0.0, dt=0.1, output_limits=(-2.0, 3.0))
    assert pid.update(5.0, 0.0) == 3.0
    assert pid.update(-5.0, 0.0) == -2.0


def test_bad_arguments_raise(exercise):
    ex = exercise("ex01_pid")
    with pytest.raises(ValueError, match="dt"):
        ex.PID(1.0, 0.0, 0.0, dt=0.0)
    with pytest.raises(ValueError, match="output_limits"):
        ex.PID(1.0, 0.0, 0.0, dt=0.1, output_limits=(1.0, -1.0))
    with pytest.raises(ValueError, match="finite"):
        ex.PID(1.0, 0.0, 0.0, dt=0.1).update(0.0, math.nan)
