"""A continuous-force cart-pole as a Gymnasium environment, and the registration of our envs.

``ContinuousCartPoleEnv`` has the physics of ``CartPole-v1`` (see :mod:`icsc_control.physics`)
but takes the force itself as the action: a float array of shape (1,) (a plain float is
accepted too), in newtons, clipped to ``[-force_max, force_max]``. Observations are the
true state as float64 of shape (4,); reward 1 per step; an episode terminates as in
``CartPole-v1`` (``|x| > 2.4`` m or ``|theta| > 12`` deg) and, through ``gymnasium.make``,
is truncated after ``max_episode_steps`` (500, like ``CartPole-v1``).

Importing :mod:`icsc_control` registers:

* ``icsc_control/ContinuousCartPole-v0``: this environment,
* ``icsc_control/HardwareCartPole-v0``: the hardware-like plant of :mod:`icsc_control.plant`.
"""

from __future__ import annotations

import math
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from icsc_control.physics import (
    THETA_THRESHOLD,
    X_THRESHOLD,
    CartPoleParams,
    euler_step,
    is_failed,
)

CONTINUOUS_ID = "icsc_control/ContinuousCartPole-v0"
HARDWARE_ID = "icsc_control/HardwareCartPole-v0"
MAX_EPISODE_STEPS = 500
_BIG = float(np.finfo(np.float32).max)  # velocity bound, as CartPole-v1 (finite on purpose)


def force_from_action(action: Any) -> float:
    """The force [N] in an action: a real scalar or a float array of shape () or (1,).

    Raises ``ValueError`` (wrong shape, NaN or infinite value) or ``TypeError`` (not a
    number), with a message that says what was received.
    """
    if isinstance(action, bool):
        msg = "action must be a force in newtons (a float), got a bool"
        raise TypeError(msg)
    try:
        array = np.asarray(action, dtype=np.float64)
    except (TypeError, ValueError) as error:
        msg = f"action must be a force in newtons (float or shape (1,) array), got {action!r}"
        raise TypeError(msg) from error
    if array.shape not in ((), (1,)):
        msg = f"action must be a scalar force or an array of shape (1,), got shape {array.shape}"
        raise ValueError(msg)
    force = float(array.reshape(()))
    if not math.isfinite(force):
        msg = f"action must be a finite force, got {force}"
        raise ValueError(msg)
    return force


class ContinuousCartPoleEnv(gym.Env[np.ndarray, np.ndarray]):
    """Cart-pole with a continuous force action (see the module docstring).

    ``params`` are the true physical parameters, ``force_max`` [N] the actuator limit.
    ``reset(seed=..., options={"state": (x, x_dot, theta, theta_dot)})`` starts from a given
    state; without it the state is drawn uniformly from ``(-0.05, 0.05)`` like
    ``CartPole-v1``.
    """

    metadata = {"render_modes": []}  # noqa: RUF012  (Gymnasium's class attribute)

    def __init__(self, params: CartPoleParams | None = None, force_max: float = 10.0) -> None:
        if not (isinstance(force_max, int | float) and math.isfinite(force_max) and force_max > 0):
            msg = f"force_max must be a positive finite number of newtons, got {force_max!r}"
            raise ValueError(msg)
        self.params = params if params is not None else CartPoleParams()
        self.force_max = float(force_max)
        high = np.array([X_THRESHOLD * 2, _BIG, THETA_THRESHOLD * 2, _BIG], dtype=np.float64)
        self.observation_space = spaces.Box(-high, high, dtype=np.float64)
        self.action_space = spaces.Box(
            -self.force_max, self.force_max, shape=(1,), dtype=np.float32
        )
        self.state: np.ndarray | None = None
        self.last_force = 0.0

    @property
    def dt(self) -> float:
        """The control period [s]."""
        return self.params.dt

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        if options and "state" in options:
            state = np.asarray(options["state"], dtype=np.float64)
            if state.shape != (4,) or not np.all(np.isfinite(state)):
                msg = f"options['state'] must be 4 finite numbers, got {options['state']!r}"
                raise ValueError(msg)
            self.state = state.copy()
        else:
            self.state = self.np_random.uniform(low=-0.05, high=0.05, size=(4,))
        self.last_force = 0.0
        self._on_reset()
        return self._observe(), {"state": self.state.copy()}

    def step(self, action: Any) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        if self.state is None:
            msg = "call reset() before step()"
            raise RuntimeError(msg)
        commanded = force_from_action(action)
        force = self._actuate(commanded)
        self.last_force = force
        self.state = euler_step(self.state, force, self.params)
        terminated = is_failed(self.state)
        info = {"state": self.state.copy(), "force": force, "commanded": commanded}
        return self._observe(), 1.0, terminated, False, info

    # Hooks the hardware-like plant overrides ------------------------------------------
    def _on_reset(self) -> None:
        """Reset internal actuator/sensor memory (nothing here)."""

    def _actuate(self, commanded: float) -> float:
        """The force the actuator really applies for a commanded force [N]."""
        return min(max(commanded, -self.force_max), self.force_max)

    def _observe(self) -> np.ndarray:
        """What the controller sees: here the true state."""
        assert self.state is not None
        return self.state.copy()


def register_envs() -> None:
    """Register our two environments with Gymnasium (idempotent)."""
    if CONTINUOUS_ID not in gym.registry:
        gym.register(
            id=CONTINUOUS_ID,
            entry_point="icsc_control.envs:ContinuousCartPoleEnv",
            max_episode_steps=MAX_EPISODE_STEPS,
            reward_threshold=475.0,
        )
    if HARDWARE_ID not in gym.registry:
        gym.register(
            id=HARDWARE_ID,
            entry_point="icsc_control.plant:HardwareCartPoleEnv",
            max_episode_steps=MAX_EPISODE_STEPS,
        )
