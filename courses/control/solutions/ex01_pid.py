"""Exercise 1: a discrete PID controller, written the way it runs on real hardware.

Write the class :class:`PID`. A textbook PID, ``u = kp*e + ki*integral(e) + kd*de/dt``,
needs three changes before it survives a real plant (lecture 02, "PID in practice"):

* **output limits**: an actuator cannot push harder than it can; clip the output;
* **anti-windup**: while the output is clipped, stop integrating the error that pushes
  further into the limit, or the integral grows without bound and the loop overshoots
  badly once the error changes sign;
* **derivative on measurement**: differentiate ``-measurement`` instead of the error, so
  that a step of the setpoint gives no "derivative kick".

The contract below fixes the discretisation exactly, so that the tests can compare your
output with closed-form results.
"""

from __future__ import annotations

import math


class PID:
    """Discrete PID controller in parallel form with sample time ``dt`` [s].

    At each call ``update(setpoint, measurement)`` (call ``k``), with ``e_k = setpoint -
    measurement`` and ``m_k = measurement``:

    * proportional term ``P_k = kp * e_k``;
    * integral term ``I_k = I_{k-1} + ki * e_k * dt`` (``I`` starts at 0), except when
      anti-windup holds it (below);
    * derivative term on the measurement ``D_k = -kd * (m_k - m_{k-1}) / dt``, and ``D = 0``
      on the first call after construction or :meth:`reset`;
    * output ``u_k = clip(P_k + I_k + D_k, lo, hi)`` with ``(lo, hi) = output_limits``;
    * anti-windup by conditional integration: if the unclipped output lies beyond a limit
      and ``e_k`` pushes the same way (``e_k > 0`` above ``hi``, ``e_k < 0`` below ``lo``),
      the integral keeps its previous value ``I_{k-1}`` and the output is recomputed with it
      (and clipped).

    Gains must be finite and non-negative (a plant that needs the opposite action is
    handled by negating the error or the output outside the controller), ``dt`` positive
    and finite, ``lo < hi`` (either may be infinite): otherwise ``ValueError``. ``update``
    raises ``ValueError`` for a NaN or infinite setpoint or measurement and returns a float.
    """

    def __init__(
        self,
        kp: float,
        ki: float,
        kd: float,
        dt: float,
        output_limits: tuple[float, float] = (-math.inf, math.inf),
    ) -> None:
        # BEGIN SOLUTION
        # HINT: validate first (math.isfinite), then store the gains and call self.reset().
        for name, gain in (("kp", kp), ("ki", ki), ("kd", kd)):
            if not (math.isfinite(gain) and gain >= 0):
                msg = f"{name} must be finite and non-negative, got {gain}"
                raise ValueError(msg)
        if not (math.isfinite(dt) and dt > 0):
            msg = f"dt must be positive and finite, got {dt}"
            raise ValueError(msg)
        lo, hi = output_limits
        if math.isnan(lo) or math.isnan(hi) or not lo < hi:
            msg = f"output_limits must satisfy lo < hi, got {output_limits}"
            raise ValueError(msg)
        self.kp, self.ki, self.kd, self.dt = float(kp), float(ki), float(kd), float(dt)
        self.output_limits = (float(lo), float(hi))
        self.reset()
        # END SOLUTION

    def reset(self) -> None:
        """Forget the past: integral back to 0, no previous measurement."""
        # BEGIN SOLUTION
        self.integral = 0.0
        self._previous: float | None = None
        # END SOLUTION

    def update(self, setpoint: float, measurement: float) -> float:
        """One control step: the new output for this ``setpoint`` and ``measurement``."""
        # BEGIN SOLUTION
        # HINT: compute P, the candidate integral, D; clip; then decide whether to keep
        # HINT: the candidate integral (anti-windup) and recompute the clipped output.
        if not (math.isfinite(setpoint) and math.isfinite(measurement)):
            msg = f"setpoint and measurement must be finite, got {setpoint}, {measurement}"
            raise ValueError(msg)
        lo, hi = self.output_limits
        error = setpoint - measurement
        proportional = self.kp * error
        derivative = 0.0
        if self._previous is not None:
            derivative = -self.kd * (measurement - self._previous) / self.dt
        self._previous = measurement
        candidate = self.integral + self.ki * error * self.dt
        unclipped = proportional + candidate + derivative
        winding_up = (unclipped > hi and error > 0) or (unclipped < lo and error < 0)
        if not winding_up:
            self.integral = candidate
        output = proportional + self.integral + derivative
        return float(min(max(output, lo), hi))
        # END SOLUTION
