# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 4 (optional): a short-horizon model predictive controller.

MPC re-plans at every control period (lecture 04): from the measured state it predicts
``horizon`` steps of the linearised, discretised model, chooses the force sequence that
minimises a quadratic cost while respecting ``|u| <= force_max``, applies the first force
and throws the rest of the plan away.

With the terminal weight ``P`` from the discrete Riccati equation, the unconstrained plan's
first move is exactly the discrete-time LQR action ``-K_d x`` (the tests check this), and the
constraint is where MPC earns its keep.

The continuous model ``(A, B)`` is an argument: in the notebook it comes from your
``linearise`` of exercise 3.
"""

from __future__ import annotations

import math

import numpy as np
import scipy.linalg
import scipy.optimize


def discretise(a: np.ndarray, b: np.ndarray, dt: float) -> tuple[np.ndarray, np.ndarray]:
    """Zero-order-hold discretisation: ``x[k+1] = Ad x[k] + Bd u[k]`` for period ``dt`` [s].

    ``Ad = expm(A dt)``, ``Bd = integral_0^dt expm(A s) ds B``. Shapes as ``A`` (n, n) and
    ``B`` (n, m). Raises ``ValueError`` for a non-positive ``dt`` or mismatched shapes.
    """
    # HINT: exponentiate the block matrix [[A, B], [0, 0]] * dt; Ad and Bd are its top blocks.
    # TODO: your code here.
    raise NotImplementedError("ex04_mpc: this part is yours to write (icsc hint ex04)")


def prediction_matrices(
    ad: np.ndarray, bd: np.ndarray, horizon: int
) -> tuple[np.ndarray, np.ndarray]:
    """``(Phi, Gamma)`` with stacked predictions ``X = Phi x0 + Gamma U``.

    ``X = (x_1, ..., x_N)`` has length ``N*n``, ``U = (u_0, ..., u_{N-1})`` length ``N*m``;
    ``Phi`` has shape (N n, n), ``Gamma`` (N n, N m) and is block lower triangular with
    ``Gamma[k, j] = Ad^(k-j) Bd`` for ``j <= k``. Raises ``ValueError`` for ``horizon < 1``.
    """
    # TODO: your code here.
    raise NotImplementedError("ex04_mpc: this part is yours to write (icsc hint ex04)")


class MPCController:
    """Box-constrained linear MPC for the cart-pole.

    Model: the continuous ``(a, b)`` (shapes (4, 4), (4, 1)) discretised with period ``dt``.
    Cost of a plan ``U`` from state error ``x0 = obs - (setpoint, 0, 0, 0)``::

        J(U) = sum_{k=1}^{N-1} x_k' Q x_k + x_N' P x_N + sum_{k=0}^{N-1} u_k' R u_k

    with ``P`` the solution of the discrete algebraic Riccati equation for ``(Ad, Bd, Q,
    R)``, subject to ``|u_k| <= force_max``. :meth:`plan` returns the minimiser (shape (N,),
    forces in newtons, exact up to 1e-6 relative cost); calling the controller returns its
    first element. ``horizon < 1``, ``force_max <= 0``, or a NaN observation raise
    ``ValueError``.
    """

    def __init__(
        self,
        a: np.ndarray,
        b: np.ndarray,
        q: np.ndarray,
        r: np.ndarray,
        *,
        dt: float = 0.02,
        horizon: int = 20,
        force_max: float = 10.0,
    ) -> None:
        # HINT: condense the cost to 0.5 U'HU + x0'F'U: H = 2(Gamma' Qbar Gamma + Rbar),
        # HINT: F = 2 Gamma' Qbar Phi, where Qbar = blockdiag(Q, ..., Q, P).
        # TODO: your code here.
        raise NotImplementedError("ex04_mpc: this part is yours to write (icsc hint ex04)")

    def plan(self, observation: np.ndarray, setpoint: float = 0.0) -> np.ndarray:
        """The optimal force sequence, shape (horizon,), for this observation."""
        # HINT: solve the unconstrained problem H U = -F x0 first; if it violates the
        # HINT: bounds, solve the box-constrained least-squares form with
        # HINT: scipy.optimize.lsq_linear(L.T, -L^{-1} F x0, bounds, method="bvls").
        # TODO: your code here.
        raise NotImplementedError("ex04_mpc: this part is yours to write (icsc hint ex04)")

    def __call__(self, observation: np.ndarray, setpoint: float = 0.0) -> float:
        # TODO: your code here.
        raise NotImplementedError("ex04_mpc: this part is yours to write (icsc hint ex04)")
