"""Cart-pole physics: the equations of Gymnasium's ``CartPole-v1``, plus optional friction.

State vector ``(x, x_dot, theta, theta_dot)``: cart position [m] (positive to the right),
cart velocity [m/s], pole angle from upright [rad] (positive when the pole leans to the
right, i.e. in the direction of positive ``x``) and its rate [rad/s]. The input is the
horizontal force on the cart [N], positive to the right.

With all friction coefficients zero, :func:`euler_step` reproduces Gymnasium's
``CartPoleEnv.step`` operation by operation (explicit Euler, ``dt = 0.02`` s), so that a
controller tuned here behaves identically on ``CartPole-v1``. The equations are those of
Barto, Sutton & Anderson (1983), as corrected by Florian (2007); the friction terms follow
the same papers (viscous terms added for the "hardware-like" plant).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

import numpy as np

STATE_NAMES = ("x", "x_dot", "theta", "theta_dot")
X_THRESHOLD = 2.4
"""Gymnasium's track half-width [m]: an episode ends when ``|x|`` exceeds it."""
THETA_THRESHOLD = 12 * 2 * math.pi / 360
"""Gymnasium's failure angle, 12 degrees in radians."""
COULOMB_SMOOTHING = 0.01
"""Velocity scale [m/s] of the ``tanh`` that smooths the sign function of Coulomb friction."""


@dataclass(frozen=True)
class CartPoleParams:
    """Physical parameters of the cart-pole; the defaults are Gymnasium's ``CartPole-v1``.

    ``half_length`` is half the pole length [m] (Gymnasium's ``length``). ``cart_friction``
    is viscous [N s/m], ``coulomb_friction`` a dry-friction force [N] on the cart,
    ``pole_friction`` a viscous torque coefficient at the hinge [N m s/rad]. Every value
    must be finite; masses, length, gravity and ``dt`` must be positive and frictions
    non-negative, otherwise ``ValueError``.
    """

    gravity: float = 9.8
    cart_mass: float = 1.0
    pole_mass: float = 0.1
    half_length: float = 0.5
    dt: float = 0.02
    cart_friction: float = 0.0
    coulomb_friction: float = 0.0
    pole_friction: float = 0.0

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                msg = f"CartPoleParams.{item.name} must be a number, got {value!r}"
                raise TypeError(msg)
            if not math.isfinite(value):
                msg = f"CartPoleParams.{item.name} must be finite, got {value}"
                raise ValueError(msg)
        for name in ("gravity", "cart_mass", "pole_mass", "half_length", "dt"):
            if getattr(self, name) <= 0:
                msg = f"CartPoleParams.{name} must be positive, got {getattr(self, name)}"
                raise ValueError(msg)
        for name in ("cart_friction", "coulomb_friction", "pole_friction"):
            if getattr(self, name) < 0:
                msg = f"CartPoleParams.{name} must be non-negative, got {getattr(self, name)}"
                raise ValueError(msg)

    @property
    def total_mass(self) -> float:
        return self.cart_mass + self.pole_mass

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _check_state(state: np.ndarray | tuple[float, ...] | list[float]) -> np.ndarray:
    array = np.asarray(state, dtype=np.float64)
    if array.shape != (4,):
        msg = f"state must have shape (4,) = (x, x_dot, theta, theta_dot), got {array.shape}"
        raise ValueError(msg)
    if not math.isfinite(array.sum()):
        msg = f"state must be finite, got {array.tolist()}"
        raise ValueError(msg)
    return array


def _check_force(force: float) -> float:
    if isinstance(force, bool) or not isinstance(force, int | float | np.number):
        msg = f"force must be a real number in newtons, got {type(force).__name__}"
        raise TypeError(msg)
    force = float(force)
    if not math.isfinite(force):
        msg = f"force must be finite, got {force}"
        raise ValueError(msg)
    return force


def _accelerations(
    x_dot: float, theta: float, theta_dot: float, force: float, params: CartPoleParams
) -> tuple[float, float]:
    sintheta = math.sin(theta)
    costheta = math.cos(theta)
    polemass_length = params.pole_mass * params.half_length
    friction = params.cart_friction * x_dot
    if params.coulomb_friction:
        friction += params.coulomb_friction * math.tanh(x_dot / COULOMB_SMOOTHING)
    # Same operation order as gymnasium.envs.classic_control.cartpole (bitwise equal when
    # every friction coefficient is zero, because x - 0.0 == x exactly).
    temp = (force - friction + polemass_length * theta_dot**2 * sintheta) / params.total_mass
    hinge = params.pole_friction * theta_dot / polemass_length
    thetaacc = (params.gravity * sintheta - costheta * temp - hinge) / (
        params.half_length * (4.0 / 3.0 - params.pole_mass * costheta**2 / params.total_mass)
    )
    xacc = temp - polemass_length * thetaacc * costheta / params.total_mass
    return xacc, thetaacc


def accelerations(state: np.ndarray, force: float, params: CartPoleParams) -> tuple[float, float]:
    """Cart and pole accelerations ``(x_ddot [m/s^2], theta_ddot [rad/s^2])``.

    ``state`` has shape (4,), ``force`` is in newtons. Raises ``ValueError`` for a
    non-finite state or force or a wrong shape, ``TypeError`` for a force that is not a number.
    """
    _, x_dot, theta, theta_dot = _check_state(state).tolist()
    return _accelerations(x_dot, theta, theta_dot, _check_force(force), params)


def derivatives(state: np.ndarray, force: float, params: CartPoleParams) -> np.ndarray:
    """The continuous-time vector field ``d state / dt``, shape (4,), float64."""
    _, x_dot, theta, theta_dot = _check_state(state).tolist()
    xacc, thetaacc = _accelerations(x_dot, theta, theta_dot, _check_force(force), params)
    return np.array([x_dot, xacc, theta_dot, thetaacc], dtype=np.float64)


def euler_step(state: np.ndarray, force: float, params: CartPoleParams) -> np.ndarray:
    """One explicit-Euler step of length ``params.dt``, as Gymnasium's ``"euler"`` integrator.

    Returns the new state, shape (4,), float64. Same errors as :func:`accelerations`.
    """
    x, x_dot, theta, theta_dot = _check_state(state).tolist()
    xacc, thetaacc = _accelerations(x_dot, theta, theta_dot, _check_force(force), params)
    tau = params.dt
    return np.array(
        [
            x + tau * x_dot,
            x_dot + tau * xacc,
            theta + tau * theta_dot,
            theta_dot + tau * thetaacc,
        ],
        dtype=np.float64,
    )


def is_failed(state: np.ndarray) -> bool:
    """Gymnasium's termination rule: ``|x| > 2.4`` m or ``|theta| > 12`` degrees."""
    x, _, theta, _ = _check_state(state).tolist()
    return bool(abs(x) > X_THRESHOLD or abs(theta) > THETA_THRESHOLD)
