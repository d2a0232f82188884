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
    # BEGIN SOLUTION
    # HINT: exponentiate the block matrix [[A, B], [0, 0]] * dt; Ad and Bd are its top blocks.
    a = np.atleast_2d(np.asarray(a, dtype=np.float64))
    b = np.asarray(b, dtype=np.float64).reshape(a.shape[0], -1)
    if a.shape[0] != a.shape[1]:
        msg = f"A must be square, got {a.shape}"
        raise ValueError(msg)
    if not (math.isfinite(dt) and dt > 0):
        msg = f"dt must be positive and finite, got {dt}"
        raise ValueError(msg)
    n, m = b.shape
    block = np.zeros((n + m, n + m))
    block[:n, :n] = a
    block[:n, n:] = b
    exponential = scipy.linalg.expm(block * dt)
    return exponential[:n, :n], exponential[:n, n:]
    # END SOLUTION


def prediction_matrices(
    ad: np.ndarray, bd: np.ndarray, horizon: int
) -> tuple[np.ndarray, np.ndarray]:
    """``(Phi, Gamma)`` with stacked predictions ``X = Phi x0 + Gamma U``.

    ``X = (x_1, ..., x_N)`` has length ``N*n``, ``U = (u_0, ..., u_{N-1})`` length ``N*m``;
    ``Phi`` has shape (N n, n), ``Gamma`` (N n, N m) and is block lower triangular with
    ``Gamma[k, j] = Ad^(k-j) Bd`` for ``j <= k``. Raises ``ValueError`` for ``horizon < 1``.
    """
    # BEGIN SOLUTION
    if isinstance(horizon, bool) or not isinstance(horizon, int) or horizon < 1:
        msg = f"horizon must be a positive int, got {horizon!r}"
        raise ValueError(msg)
    n, m = bd.shape
    phi = np.zeros((horizon * n, n))
    gamma = np.zeros((horizon * n, horizon * m))
    power = np.eye(n)
    powers = []
    for _ in range(horizon):
        powers.append(power)
        power = ad @ power
    for k in range(horizon):
        phi[k * n : (k + 1) * n] = powers[k] @ ad
        for j in range(k + 1):
            gamma[k * n : (k + 1) * n, j * m : (j + 1) * m] = powers[k - j] @ bd
    return phi, gamma
    # END SOLUTION


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
        # BEGIN SOLUTION
        # HINT: condense the cost to 0.5 U'HU + x0'F'U: H = 2(Gamma' Qbar Gamma + Rbar),
        # HINT: F = 2 Gamma' Qbar Phi, where Qbar = blockdiag(Q, ..., Q, P).
        if not (math.isfinite(force_max) and force_max > 0):
            msg = f"force_max must be positive and finite, got {force_max}"
            raise ValueError(msg)
        ad, bd = discretise(a, b, dt)
        phi, gamma = prediction_matrices(ad, bd, horizon)
        q = np.asarray(q, dtype=np.float64)
        r = np.atleast_2d(np.asarray(r, dtype=np.float64))
        p = scipy.linalg.solve_discrete_are(ad, bd, q, r)
        q_bar = scipy.linalg.block_diag(*([q] * (horizon - 1) + [p]))
        r_bar = scipy.linalg.block_diag(*([r] * horizon))
        self.hessian = 2.0 * (gamma.T @ q_bar @ gamma + r_bar)
        self.linear = 2.0 * gamma.T @ q_bar @ phi
        self.cholesky = np.linalg.cholesky(self.hessian)
        self.horizon = horizon
        self.force_max = float(force_max)
        # END SOLUTION

    def plan(self, observation: np.ndarray, setpoint: float = 0.0) -> np.ndarray:
        """The optimal force sequence, shape (horizon,), for this observation."""
        # BEGIN SOLUTION
        # HINT: solve the unconstrained problem H U = -F x0 first; if it violates the
        # HINT: bounds, solve the box-constrained least-squares form with
        # HINT: scipy.optimize.lsq_linear(L.T, -L^{-1} F x0, bounds, method="bvls").
        state = np.asarray(observation, dtype=np.float64)
        if state.shape != (4,) or not np.all(np.isfinite(state)) or not math.isfinite(setpoint):
            msg = f"observation must be 4 finite numbers, got {observation!r}"
            raise ValueError(msg)
        f = self.linear @ (state - np.array([setpoint, 0.0, 0.0, 0.0]))
        unconstrained = scipy.linalg.cho_solve((self.cholesky, True), -f)
        if np.max(np.abs(unconstrained)) <= self.force_max:
            return unconstrained
        # 0.5 U'HU + f'U = 0.5 |L'U + L^{-1} f|^2 + const, with H = L L'.
        target = -scipy.linalg.solve_triangular(self.cholesky, f, lower=True)
        result = scipy.optimize.lsq_linear(
            self.cholesky.T,
            target,
            bounds=(-self.force_max, self.force_max),
            method="bvls",
        )
        return np.clip(result.x, -self.force_max, self.force_max)
        # END SOLUTION

    def __call__(self, observation: np.ndarray, setpoint: float = 0.0) -> float:
        # BEGIN SOLUTION
        return float(self.plan(observation, setpoint)[0])
        # END SOLUTION
