# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 3: an Ising-attention layer relaxed by explicit time stepping (explicit Euler).

Tokens carry continuous vector spins ``s_i`` (rows of ``S``, shape (n, d)). They couple
through a symmetric matrix ``J`` built from one attention head and feel external fields
``v_i`` (the values, rows of ``V``):

    E(S) = 1/2 sum_i |s_i|^2 - g/2 sum_ij J_ij s_i . s_j - sum_i v_i . s_i
         = 1/2 tr(S^T H S) - tr(S^T V),        H = I - g J   (the Hessian)

``g >= 0`` is the coupling strength (an inverse temperature). If ``H`` is positive
definite the energy has one minimum, the fixed point ``S* = H^{-1} V``, and gradient flow
``dS/dt = -(H S - V)`` relaxes to it. Explicit Euler with step ``tau``,

    S_{t+1} = S_t - tau (H S_t - V) = (1 - tau) S_t + tau (g J S_t + V),

is a residual attention layer per step, and is stable exactly when
``0 < tau < 2 / lambda_max(H)`` (each eigen-component is multiplied by ``1 - tau lambda``
per step). Above that bound the iterates grow without limit.

The couplings (function :func:`couplings`): symmetrised scores
``s_ij = (q_i . k_j + q_j . k_i) / (2 sqrt(d))``, ``W_ij = exp(s_ij - max s)`` where the
(symmetric) mask allows and 0 elsewhere, and ``J = D^{-1/2} W D^{-1/2}`` with
``D = diag(sum_j W_ij)``. ``J`` is symmetric with non-negative entries and its largest
eigenvalue is exactly 1 (eigenvector ``sqrt(diag D)``), so ``H`` is positive definite for
every ``0 <= g < 1``.

Everything is written with differentiable torch operations, so gradients flow through the
time steps (:func:`fields_gradient`).
"""

from __future__ import annotations

import math

import torch

from icsc_ising_attention.tensors import (
    bool_mask,
    float_tensor,
    positive_int,
    real_number,
    square_symmetric,
)


def couplings(
    q: torch.Tensor, k: torch.Tensor, *, mask: torch.Tensor | None = None
) -> torch.Tensor:
    """Symmetric normalised coupling matrix ``J`` (n, n) of one attention head.

    ``q`` and ``k`` are floating-point tensors of the same shape (n, d). ``mask`` is an
    optional symmetric boolean (n, n) tensor, True = coupled (for instance a band: a
    local stencil). Returns ``J`` with the dtype and device of ``q`` (see the module
    docstring for the formula; the global shift by ``max s`` cancels in ``J`` and keeps
    ``exp`` from overflowing).

    Raises ``TypeError`` for non-tensors, non-float ``q``/``k`` or a non-boolean mask;
    ``ValueError`` if ``q`` or ``k`` is not 2D, their shapes differ, the mask is not
    (n, n) or not symmetric, or a token is coupled to nothing (an all-False row, or every
    weight of the row underflows to 0).
    """
    # HINT: scores = (q @ k.T + k @ q.T) / (2 * math.sqrt(d)); masked entries -> -inf; w = torch.exp(scores - scores.max())
    # HINT: d_inv_sqrt = w.sum(dim=1).rsqrt(); J = d_inv_sqrt[:, None] * w * d_inv_sqrt[None, :]
    # TODO: your code here.
    raise NotImplementedError("ex03_ising_relaxation: this part is yours to write (icsc hint ex03)")


def energy(j: torch.Tensor, spins: torch.Tensor, fields: torch.Tensor, coupling: float) -> float:
    """``E(S) = 1/2 tr(S^T S) - g/2 tr(S^T J S) - tr(S^T V)`` as a Python float.

    ``j`` is a symmetric (n, n) matrix, ``spins`` ``S`` and ``fields`` ``V`` are (n, d)
    floating-point tensors on one device, ``coupling`` is ``g >= 0``. Raises
    ``TypeError``/``ValueError`` for bad tensors (as :func:`relax`) or ``g < 0``.
    """
    # HINT: 0.5 * (spins * spins).sum() - 0.5 * g * (spins * (j @ spins)).sum() - (spins * fields).sum()
    # TODO: your code here.
    raise NotImplementedError("ex03_ising_relaxation: this part is yours to write (icsc hint ex03)")


def step_size_bound(j: torch.Tensor, coupling: float) -> float:
    """The explicit-Euler stability limit ``2 / lambda_max(H)`` with ``H = I - g J``.

    ``j`` is a symmetric floating-point (n, n) tensor, ``coupling`` is ``g >= 0``.
    Raises ``ValueError`` if ``H`` is not positive definite (``lambda_min(H) <= 0``: the
    energy has no minimum and gradient flow itself diverges), if ``j`` is not square and
    symmetric, or if ``g < 0``.
    """
    # HINT: eigenvalues = torch.linalg.eigvalsh(H) (ascending, H symmetric); check eigenvalues[0] > 0.
    # TODO: your code here.
    raise NotImplementedError("ex03_ising_relaxation: this part is yours to write (icsc hint ex03)")


def relax(
    j: torch.Tensor, fields: torch.Tensor, coupling: float, step: float, n_steps: int
) -> torch.Tensor:
    """``n_steps`` explicit-Euler steps ``S <- S - step (S - g J S - V)`` from ``S = 0``.

    ``j`` symmetric (n, n), ``fields`` (n, d), both floating point on one device;
    ``coupling`` ``g >= 0``; ``step > 0``; ``n_steps >= 0`` (an integer). Returns ``S``
    (n, d), dtype and device of ``fields``. Differentiable with respect to ``j`` and
    ``fields`` (no in-place updates, no ``detach``). A step above
    :func:`step_size_bound` is allowed — the result then grows without bound and may
    overflow to inf: that is the instability the exercise measures.

    Raises ``TypeError`` for non-tensors/non-float dtypes and non-numbers; ``ValueError``
    for shapes that do not match, a non-symmetric ``j``, ``g < 0``, ``step <= 0`` or
    non-finite, or ``n_steps < 0``.
    """
    # HINT: spins = torch.zeros_like(fields); repeat: spins = spins + step * (fields - spins + g * (j @ spins))
    # TODO: your code here.
    raise NotImplementedError("ex03_ising_relaxation: this part is yours to write (icsc hint ex03)")


def fixed_point(j: torch.Tensor, fields: torch.Tensor, coupling: float) -> torch.Tensor:
    """The minimum ``S* = H^{-1} V`` by a direct linear solve, shape (n, d).

    Same arguments and errors as :func:`relax` (without step and count), plus
    ``ValueError`` if ``H = I - g J`` is not positive definite.
    """
    # HINT: torch.linalg.solve(H, fields) with H = I - g * j; check positive definiteness with eigvalsh first.
    # TODO: your code here.
    raise NotImplementedError("ex03_ising_relaxation: this part is yours to write (icsc hint ex03)")


def fields_gradient(
    j: torch.Tensor,
    fields: torch.Tensor,
    coupling: float,
    step: float,
    n_steps: int,
    target: torch.Tensor,
) -> torch.Tensor:
    """Gradient of ``L = 1/2 |relax(j, V, g, step, n_steps) - target|^2`` with respect to ``V``.

    Computed by autograd through the unrolled time steps (backpropagation through the
    layer stack). ``target`` has the shape of ``fields``. Returns a tensor of that shape
    that does not require grad. Errors as :func:`relax`, plus ``ValueError`` if
    ``target`` has another shape.
    """
    # HINT: v = fields.detach().clone().requires_grad_(True); loss = 0.5 * ((relax(...) - target) ** 2).sum()
    # HINT: (grad,) = torch.autograd.grad(loss, v)
    # TODO: your code here.
    raise NotImplementedError("ex03_ising_relaxation: this part is yours to write (icsc hint ex03)")


def _checked_couplings(j: object) -> torch.Tensor:
    """``j`` if it is a floating-point, square, symmetric matrix (errors as documented)."""
    # HINT: use float_tensor(..., ndim=2) and square_symmetric from icsc_ising_attention.tensors.
    # TODO: your code here.
    raise NotImplementedError("ex03_ising_relaxation: this part is yours to write (icsc hint ex03)")


def _checked_system(j: object, fields: object) -> tuple[torch.Tensor, torch.Tensor]:
    """Checked couplings (n, n) and fields (n, d) with matching n, dtype and device."""
    # HINT: fields.shape[0] must equal j.shape[0]; compare dtype and device too.
    # TODO: your code here.
    raise NotImplementedError("ex03_ising_relaxation: this part is yours to write (icsc hint ex03)")


def _hessian(j: torch.Tensor, g: float) -> torch.Tensor:
    """``H = I - g J``."""
    return torch.eye(j.shape[0], dtype=j.dtype, device=j.device) - g * j


def _require_positive_definite(smallest_eigenvalue: float, g: float) -> None:
    """``ValueError`` unless the smallest eigenvalue of ``H`` is positive."""
    if smallest_eigenvalue <= 0:
        msg = (
            f"H = I - g J is not positive definite at g = {g} (smallest eigenvalue "
            f"{smallest_eigenvalue:.3g}): the energy has no minimum"
        )
        raise ValueError(msg)
