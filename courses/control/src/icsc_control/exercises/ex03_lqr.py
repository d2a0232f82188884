# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
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
    # HINT: at theta = 0: sin(theta) ~ theta, cos(theta) ~ 1, theta_dot**2 ~ 0. Write the
    # HINT: two accelerations as linear combinations of x_dot, theta, theta_dot and force.
    # TODO: your code here.
    raise NotImplementedError("ex03_lqr: this part is yours to write (icsc hint ex03)")


def lqr_gain(a: np.ndarray, b: np.ndarray, q: np.ndarray, r: np.ndarray) -> np.ndarray:
    """The infinite-horizon LQR gain ``K`` (shape (m, n)) for ``x' = Ax + Bu``.

    Minimises ``integral(x'Qx + u'Ru) dt``. Shapes: ``A`` (n, n), ``B`` (n, m), ``Q``
    (n, n) symmetric positive semi-definite, ``R`` (m, m) symmetric positive definite.
    Raises ``ValueError`` for wrong shapes, non-finite entries, a ``Q`` or ``R`` that is
    not symmetric or not (semi-)definite, or a pair ``(A, B)`` for which no stabilising
    solution exists; the returned ``K`` makes every eigenvalue of ``A - BK`` have a
    negative real part.
    """
    # HINT: check shapes and definiteness (np.linalg.eigvalsh), then
    # HINT: P = scipy.linalg.solve_continuous_are(A, B, Q, R); K = solve(R, B.T @ P).
    # TODO: your code here.
    raise NotImplementedError("ex03_lqr: this part is yours to write (icsc hint ex03)")


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
        # TODO: your code here.
        raise NotImplementedError("ex03_lqr: this part is yours to write (icsc hint ex03)")

    def __call__(self, observation: np.ndarray, setpoint: float = 0.0) -> float:
        # TODO: your code here.
        raise NotImplementedError("ex03_lqr: this part is yours to write (icsc hint ex03)")


def discrete_action(gain: np.ndarray, observation: np.ndarray) -> int:
    """``CartPole-v1`` action for the LQR ``gain`` (1, 4): push right (1) if ``-K obs > 0``.

    The environment can only push with +-10 N, so the best it can do with the LQR force is
    to take its sign ("bang-bang"). Returns 0 or 1; a NaN observation raises ``ValueError``.
    """
    # TODO: your code here.
    raise NotImplementedError("ex03_lqr: this part is yours to write (icsc hint ex03)")
