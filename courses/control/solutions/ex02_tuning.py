"""Exercise 2: choose and tune P, I and D to balance the pendulum and move the cart.

One PID cannot do both jobs, so use two, in cascade (lecture 02, "Cascade control"):

* the **inner** loop keeps the pole upright: it pushes the cart towards the side the pole
  leans to, relative to a desired lean angle ``theta_ref``;
* the **outer** loop moves the cart: to travel to ``+x`` the pole must first lean to
  ``+x`` (the cart then accelerates under it), so the outer loop turns the position error
  into a small lean angle ``theta_ref``.

Sign conventions: ``theta > 0`` leans to ``+x``, a positive force pushes to ``+x``. Your
PID computes ``kp * (setpoint - measurement)`` with non-negative gains, so think about which
loop needs its output negated.

Targets (``icsc_control.tasks``): on ``TUNING_PLANT`` (friction, a 0.5 N actuator offset,
one step of delay, sensor noise), from a 0.05 rad tilt, a 0.5 m setpoint step at 1 s, over
10 s and for each seed in ``TUNING_SEEDS``: the pole never falls, overshoot at most 20 %,
settling time (5 % band) at most 4 s, steady-state error at most 1 cm. Which of P, I and D
does each loop need? Try without the integral term first and look at the steady state.
"""

from __future__ import annotations

from typing import Any

import numpy as np


class CascadePID:
    """Cart-pole controller made of two PIDs of the class ``pid_class`` (your ex01 ``PID``).

    ``angle_gains`` and ``position_gains`` are ``(kp, ki, kd)``. The outer PID's output is
    the lean angle reference, limited to ``+-lean_max`` [rad]; the inner PID's output is
    the force, limited to ``+-force_max`` [N]. Call with an observation ``(x, x_dot,
    theta, theta_dot)`` and the cart setpoint [m]; returns the force [N].
    """

    def __init__(
        self,
        pid_class: Any,
        angle_gains: tuple[float, float, float],
        position_gains: tuple[float, float, float],
        *,
        dt: float = 0.02,
        lean_max: float = 0.15,
        force_max: float = 10.0,
    ) -> None:
        self.inner = pid_class(*angle_gains, dt=dt, output_limits=(-force_max, force_max))
        self.outer = pid_class(*position_gains, dt=dt, output_limits=(-lean_max, lean_max))

    def reset(self) -> None:
        self.inner.reset()
        self.outer.reset()

    def __call__(self, observation: np.ndarray, setpoint: float) -> float:
        x, _, theta, _ = (float(v) for v in observation)
        # BEGIN SOLUTION
        # HINT: theta_ref = outer PID of (setpoint, x). Leaning right accelerates right.
        # HINT: The inner PID gives kp*(theta_ref - theta); we want to push towards the lean.
        theta_ref = self.outer.update(setpoint, x)
        # The inner loop must push to +x when theta > theta_ref: negate the PID output.
        return -self.inner.update(theta_ref, theta)
        # END SOLUTION


def make_controller(pid_class: Any, dt: float = 0.02) -> CascadePID:
    """Your tuned controller for the tuning task, built from your ex01 ``pid_class``."""
    # BEGIN SOLUTION
    # HINT: a stiff, well-damped inner loop (kp of tens of N/rad, kd ~ kp / 4) and a slow
    # HINT: outer loop (kp ~ 0.1-0.2 rad/m, kd ~ the same, a small ki for the offset).
    return CascadePID(
        pid_class,
        angle_gains=(60.0, 0.0, 12.0),
        position_gains=(0.2, 0.02, 0.18),
        dt=dt,
    )
    # END SOLUTION
