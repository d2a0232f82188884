"""The evaluation harness: run a controller on a plant, record everything, score it.

A controller is any callable ``controller(observation, setpoint) -> force``: the
observation is a float64 array of shape (4,) ``(x, x_dot, theta, theta_dot)``, the setpoint
the desired cart position [m], the return value the commanded force [N] (a float or an
array of shape (1,)). If it has a ``reset()`` method, the harness calls it at the start of
each episode.

:func:`run_episode` never lets a bad controller crash the caller: an exception, a NaN or a
wrongly shaped action ends the episode, and ``Episode.reason`` says why.
:func:`summarise` turns an episode into the competition metrics (:mod:`icsc_control.metrics`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from icsc_control import metrics
from icsc_control.envs import ContinuousCartPoleEnv, force_from_action


class Controller(Protocol):
    """What the harness drives (see the module docstring)."""

    def __call__(self, observation: np.ndarray, setpoint: float) -> Any: ...


Setpoint = float | Callable[[float], float]


@dataclass(frozen=True)
class StepSetpoint:
    """Cart setpoint [m]: ``before`` until ``time`` [s], then ``after``."""

    after: float = 0.5
    time: float = 1.0
    before: float = 0.0

    def __call__(self, t: float) -> float:
        return self.after if t >= self.time else self.before


@dataclass(frozen=True)
class PiecewiseSetpoint:
    """Cart setpoint [m] that is ``values[i]`` from ``times[i]`` [s] on (``values[0]`` before).

    ``times`` must be increasing and as long as ``values``; otherwise ``ValueError``.
    """

    times: tuple[float, ...]
    values: tuple[float, ...]

    def __post_init__(self) -> None:
        if len(self.times) != len(self.values) or not self.times:
            msg = "times and values must be non-empty and of equal length"
            raise ValueError(msg)
        if any(
            later <= earlier for earlier, later in zip(self.times, self.times[1:], strict=False)
        ):
            msg = f"times must be strictly increasing, got {self.times}"
            raise ValueError(msg)

    def __call__(self, t: float) -> float:
        value = self.values[0]
        for start, level in zip(self.times, self.values, strict=True):
            if t >= start:
                value = level
        return value


@dataclass
class Episode:
    """One recorded run. ``n`` = ``steps`` control periods were completed.

    ``times`` (n+1,), ``states`` (n+1, 4) true states, ``observations`` (n+1, 4) what the
    controller saw, ``setpoints`` (n+1,) cart setpoints, ``commands`` (n,) and ``forces``
    (n,) commanded and applied forces [N]. ``failed`` is true when the pole fell, the cart
    left the track or the controller misbehaved; ``reason`` says which.
    """

    dt: float
    times: np.ndarray
    states: np.ndarray
    observations: np.ndarray
    setpoints: np.ndarray
    commands: np.ndarray
    forces: np.ndarray
    failed: bool
    reason: str

    @property
    def steps(self) -> int:
        return len(self.commands)

    @property
    def upright_time(self) -> float:
        """Time [s] the pendulum was kept within the limits by this controller."""
        return self.steps * self.dt


def _setpoint_function(setpoint: Setpoint) -> Callable[[float], float]:
    if callable(setpoint):
        return setpoint
    if isinstance(setpoint, bool) or not isinstance(setpoint, int | float):
        msg = f"setpoint must be a number of metres or a function of time, got {setpoint!r}"
        raise TypeError(msg)
    value = float(setpoint)
    return lambda _t: value


def run_episode(
    controller: Controller,
    env: ContinuousCartPoleEnv,
    *,
    steps: int = 500,
    setpoint: Setpoint = 0.0,
    seed: int | None = None,
    initial_state: np.ndarray | None = None,
) -> Episode:
    """Run ``controller`` on ``env`` for at most ``steps`` periods and record the episode.

    ``env`` is one of our environments (or a wrapper of one); ``initial_state`` overrides
    the random start. Raises ``ValueError`` for ``steps < 1`` or a bad setpoint; everything
    the controller does wrong ends the episode instead of raising.
    """
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        msg = f"steps must be a positive int, got {steps!r}"
        raise ValueError(msg)
    reference = _setpoint_function(setpoint)
    plant = env.unwrapped
    if not isinstance(plant, ContinuousCartPoleEnv):
        msg = f"env must be an icsc_control cart-pole environment, got {type(plant).__name__}"
        raise TypeError(msg)
    dt = plant.dt
    options = None if initial_state is None else {"state": initial_state}
    observation, info = env.reset(seed=seed, options=options)
    reset = getattr(controller, "reset", None)
    times, states, observations, setpoints = [0.0], [info["state"]], [observation], []
    commands: list[float] = []
    forces: list[float] = []
    failed, reason = False, f"completed {steps} steps"
    try:
        if callable(reset):
            reset()
    except Exception as error:  # noqa: BLE001  (any controller bug ends the episode)
        failed, reason = True, f"controller.reset() raised {type(error).__name__}: {error}"
    for k in range(steps if not failed else 0):
        r = float(reference(k * dt))
        try:
            command = controller(observation.copy(), r)
        except Exception as error:  # noqa: BLE001  (any controller bug ends the episode)
            failed, reason = True, f"controller raised {type(error).__name__}: {error}"
            break
        try:
            force = force_from_action(command)
        except (TypeError, ValueError) as error:
            failed, reason = True, f"controller returned an invalid action: {error}"
            break
        observation, _, terminated, truncated, info = env.step(np.array([force]))
        setpoints.append(r)
        commands.append(force)
        forces.append(info["force"])
        times.append((k + 1) * dt)
        states.append(info["state"])
        observations.append(observation)
        if not np.all(np.isfinite(observation)):
            failed, reason = True, "the plant returned a non-finite observation"
            break
        if terminated:
            failed, reason = (
                True,
                f"the pole fell or the cart left the track at t={(k + 1) * dt:.2f} s",
            )
            break
        if truncated:
            reason = f"time limit of the environment reached after {k + 1} steps"
            break
    setpoints.append(float(reference(len(commands) * dt)))
    return Episode(
        dt=dt,
        times=np.asarray(times),
        states=np.asarray(states, dtype=np.float64),
        observations=np.asarray(observations, dtype=np.float64),
        setpoints=np.asarray(setpoints),
        commands=np.asarray(commands),
        forces=np.asarray(forces),
        failed=failed,
        reason=reason,
    )


def summarise(
    episode: Episode, step: StepSetpoint | None = None, band: float = 0.02
) -> dict[str, float]:
    """Competition metrics of an episode.

    Always: ``upright_time`` [s], ``failed`` (0/1), ``rms_position`` [m] (cart position vs
    setpoint), ``rms_angle`` [rad], ``control_effort`` [N^2 s]. With ``step`` (the setpoint
    used) and an episode that reached past the step: ``overshoot`` [%], ``settling_time``
    [s] (into ``+-band`` times the step size, 2 % by default), ``steady_state_error`` [m]
    (last 10 % of the samples); they are ``inf`` when the episode failed.
    """
    x = episode.states[:, 0]
    theta = episode.states[:, 2]
    result = {
        "upright_time": episode.upright_time,
        "failed": float(episode.failed),
        "rms_position": metrics.rms_deviation(x, episode.setpoints),
        "rms_angle": float(np.sqrt(np.mean(theta**2))),
        "control_effort": metrics.control_effort(episode.forces, episode.dt)
        if episode.steps
        else 0.0,
    }
    if step is not None:
        after = episode.times >= step.time
        if episode.failed or np.count_nonzero(after) < 2:
            result |= {
                "overshoot": math.inf,
                "settling_time": math.inf,
                "steady_state_error": math.inf,
            }
        else:
            y = x[after]
            result |= {
                "overshoot": metrics.overshoot(y, step.before, step.after),
                "settling_time": metrics.settling_time(
                    episode.times, x, step.before, step.after, step.time, band
                ),
                "steady_state_error": metrics.steady_state_error(y, step.after),
            }
    return result
