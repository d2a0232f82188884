"""Exercise 3: LQR for the cart-pole, from the linearised model.

Three steps (lecture 03, "State space and LQR"):

1. :func:`linearise` the cart-pole about the upright equilibrium: ``d(state)/dt = A state +
   B force`` for small angles and velocities.
2. :func:`lqr_gain`: solve the continuous-time algebraic Riccati equation
   ``A'P + PA - PBR^{-1}B'P + Q = 0`` with ``scipy.linalg.solve_continuous_are`` and
   return ``K = R^{-1} B' P``; the control law is ``u = -K (state - state_ref)``.
3. :class:`LQRController` and :func:`discrete_action`: use ``K`` on the continuous-force
   plant and on Gymnasium's two-action ``CartPole-v1``.

State order everywhere: ``(x, x_dot, theta, theta_dot)``; ``theta > 0`` leans to ``+x``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import scipy.linalg

from icsc_control.physics import CartPoleParams


def as_params(params: CartPoleParams | Mapping[str, float]) -> CartPoleParams:
    """Physical parameters from a dict of :class:`CartPoleParams` fields (or the object).

    The tests pass plain dicts such as ``CartPoleParams(cart_friction=0.1).as_dict()``.
    """
    if isinstance(params, CartPoleParams):
        return params
    if not isinstance(params, Mapping):
        msg = f"params must be a dict of CartPoleParams fields, got {type(params).__name__}"
        raise TypeError(msg)
    return CartPoleParams(**params)


def linearise(params: CartPoleParams | Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """``(A, B)`` of the cart-pole linearised about ``state = 0, force = 0``.

    ``A`` has shape (4, 4), ``B`` shape (4, 1), both float64, in SI units. Viscous friction
    (``params.cart_friction``, ``params.pole_friction``) enters ``A``. Coulomb friction
    has no derivative at zero velocity: ``params.coulomb_friction > 0`` raises
    ``ValueError``. Use the equations in :mod:`icsc_control.physics`
    (:func:`~icsc_control.physics.accelerations` is the model to linearise).
    """
    # BEGIN SOLUTION
    # HINT: at theta = 0: sin(theta) ~ theta, cos(theta) ~ 1, theta_dot**2 ~ 0. Write the
    # HINT: two accelerations as linear combinations of x_dot, theta, theta_dot and force.
    params = as_params(params)
    if params.coulomb_friction > 0:
        msg = "Coulomb friction is not differentiable at zero velocity; linearise without it"
        raise ValueError(msg)
    g = params.gravity
    total = params.total_mass
    pml = params.pole_mass * params.half_length
    denominator = params.half_length * (4.0 / 3.0 - params.pole_mass / total)
    bc, bp = params.cart_friction, params.pole_friction
    # theta_ddot = (g*theta - (F - bc*x_dot)/total - bp*theta_dot/pml) / denominator
    dtheta = np.array([bc / (total * denominator), g / denominator, -bp / (pml * denominator)])
    dtheta_force = -1.0 / (total * denominator)
    # x_ddot = (F - bc*x_dot)/total - pml*theta_ddot/total
    dx = np.array([-bc / total, 0.0, 0.0]) - pml / total * dtheta
    dx_force = 1.0 / total - pml / total * dtheta_force
    a = np.zeros((4, 4))
    a[0, 1] = 1.0
    a[2, 3] = 1.0
    a[1, 1:] = dx
    a[3, 1:] = dtheta
    b = np.array([[0.0], [dx_force], [0.0], [dtheta_force]])
    return a, b
    # END SOLUTION


def lqr_gain(a: np.ndarray, b: np.ndarray, q: np.ndarray, r: np.ndarray) -> np.ndarray:
    """The infinite-horizon LQR gain ``K`` (shape (m, n)) for ``x' = Ax + Bu``.

    Minimises ``integral(x'Qx + u'Ru) dt``. Shapes: ``A`` (n, n), ``B`` (n, m), ``Q``
    (n, n) symmetric positive semi-definite, ``R`` (m, m) symmetric positive definite.
    Raises ``ValueError`` for wrong shapes, non-finite entries, a ``Q`` or ``R`` that is
    not symmetric or not (semi-)definite, or a pair ``(A, B)`` for which no stabilising
    solution exists; the returned ``K`` makes every eigenvalue of ``A - BK`` have a
    negative real part.
    """
    # BEGIN SOLUTION
    # HINT: check shapes and definiteness (np.linalg.eigvalsh), then
    # HINT: P = scipy.linalg.solve_continuous_are(A, B, Q, R); K = solve(R, B.T @ P).
    a, b, q, r = (np.atleast_2d(np.asarray(m, dtype=np.float64)) for m in (a, b, q, r))
    n = a.shape[0]
    if a.shape != (n, n) or b.shape[0] != n or q.shape != (n, n):
        msg = f"shapes do not fit: A {a.shape}, B {b.shape}, Q {q.shape}"
        raise ValueError(msg)
    m = b.shape[1]
    if r.shape != (m, m):
        msg = f"R must have shape ({m}, {m}) for B of shape {b.shape}, got {r.shape}"
        raise ValueError(msg)
    if not all(np.all(np.isfinite(x)) for x in (a, b, q, r)):
        msg = "A, B, Q and R must be finite"
        raise ValueError(msg)
    for name, matrix in (("Q", q), ("R", r)):
        if not np.allclose(matrix, matrix.T):
            msg = f"{name} must be symmetric"
            raise ValueError(msg)
    if np.min(np.linalg.eigvalsh(q)) < -1e-12:
        msg = "Q must be positive semi-definite"
        raise ValueError(msg)
    if np.min(np.linalg.eigvalsh(r)) <= 0:
        msg = "R must be positive definite"
        raise ValueError(msg)
    try:
        p = scipy.linalg.solve_continuous_are(a, b, q, r)
    except (np.linalg.LinAlgError, ValueError) as error:
        msg = f"no stabilising Riccati solution (is (A, B) stabilisable?): {error}"
        raise ValueError(msg) from error
    k = np.linalg.solve(r, b.T @ p)
    if np.max(np.linalg.eigvals(a - b @ k).real) >= 0:
        msg = "the Riccati solution does not stabilise A - BK; check (A, B) and Q"
        raise ValueError(msg)
    return k
    # END SOLUTION


class LQRController:
    """State feedback ``u = clip(-K (obs - (setpoint, 0, 0, 0)), -force_max, force_max)``.

    Built from the nominal ``params`` (a dict of :class:`CartPoleParams` fields, or the
    object) and the weights ``q`` (4, 4) and ``r`` (1, 1) through
    :func:`linearise` and :func:`lqr_gain`; ``self.gain`` is ``K`` with shape (1, 4).
    Calling it with an observation of shape (4,) and a cart setpoint [m] returns a float
    force [N]; a NaN observation or a wrong shape raises ``ValueError``.
    """

    def __init__(
        self,
        params: CartPoleParams | Mapping[str, float],
        q: np.ndarray,
        r: np.ndarray,
        force_max: float = 10.0,
    ) -> None:
        # BEGIN SOLUTION
        self.gain = lqr_gain(*linearise(params), q, r)
        self.force_max = float(force_max)
        # END SOLUTION

    def __call__(self, observation: np.ndarray, setpoint: float = 0.0) -> float:
        # BEGIN SOLUTION
        state = np.asarray(observation, dtype=np.float64)
        if state.shape != (4,) or not np.all(np.isfinite(state)) or not math.isfinite(setpoint):
            msg = f"observation must be 4 finite numbers, got {observation!r}"
            raise ValueError(msg)
        error = state - np.array([setpoint, 0.0, 0.0, 0.0])
        force = -float(self.gain[0] @ error)
        return min(max(force, -self.force_max), self.force_max)
        # END SOLUTION


def discrete_action(gain: np.ndarray, observation: np.ndarray) -> int:
    """``CartPole-v1`` action for the LQR ``gain`` (1, 4): push right (1) if ``-K obs > 0``.

    The environment can only push with +-10 N, so the best it can do with the LQR force is
    to take its sign ("bang-bang"). Returns 0 or 1; a NaN observation raises ``ValueError``.
    """
    # BEGIN SOLUTION
    state = np.asarray(observation, dtype=np.float64).reshape(4)
    if not np.all(np.isfinite(state)):
        msg = f"observation must be finite, got {observation!r}"
        raise ValueError(msg)
    return int(-float(np.asarray(gain).reshape(4) @ state) > 0)
    # END SOLUTION
