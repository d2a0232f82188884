"""The stated tasks of the exercises: plants, setpoints and targets, in one place.

Exercise files, public checks, hidden tests, the notebook and the competition read these
constants, so a target stated to students is the target that is tested.
"""

from __future__ import annotations

import numpy as np

from icsc_control.evaluation import PiecewiseSetpoint, StepSetpoint
from icsc_control.plant import PlantConfig

# Exercise 2: tune a cascade PID -------------------------------------------------------
TUNING_PLANT = PlantConfig(
    cart_friction=0.1,
    coulomb_friction=0.05,
    force_bias=0.5,
    delay_steps=1,
    rate_limit=300.0,
    noise_std=(0.001, 0.005, 0.001, 0.005),
)
"""A mildly imperfect plant: friction, a 0.5 N actuator offset, one step of delay, noise."""
TUNING_SETPOINT = StepSetpoint(after=0.5, time=1.0)
"""Move the cart from 0 to 0.5 m, one second into the run."""
TUNING_STEPS = 500
"""10 s at 50 Hz."""
TUNING_INITIAL_STATE = np.array([0.0, 0.0, 0.05, 0.0])
"""Start with the pole tilted by 0.05 rad (2.9 degrees)."""
TUNING_TARGETS = {
    "overshoot": 20.0,  # percent of the 0.5 m step
    "settling_time": 4.0,  # seconds after the step, into the TUNING_BAND
    "steady_state_error": 0.01,  # metres, absolute value, last 10 % of the run
}
"""Limits (upper bounds) each metric of :func:`icsc_control.evaluation.summarise` must meet."""
TUNING_BAND = 0.05
"""Settling band: within 5 % of the step size (2.5 cm) around the setpoint."""
TUNING_SEEDS = (1, 2, 3)
"""Noise seeds on which the targets must hold."""

# Exercise 6: the competition ------------------------------------------------------------
COMPETITION_SETPOINT = PiecewiseSetpoint(times=(0.0, 2.0, 8.0), values=(0.0, 0.5, -0.3))
"""Hold the centre, move to +0.5 m at 2 s, then to -0.3 m at 8 s."""
COMPETITION_STEPS = 750
"""15 s at 50 Hz."""
COMPETITION_QUALIFYING_RMS = 0.35
"""A competition entry qualifies if it never fails and tracks within this RMS error [m]."""


def practice_plants(count: int = 5) -> list[PlantConfig]:
    """Public practice plants for the competition (the scored ones are hidden)."""
    if count < 1:
        msg = f"count must be positive, got {count}"
        raise ValueError(msg)
    return [PlantConfig.hardware_like(seed=1000 + index) for index in range(count)]
