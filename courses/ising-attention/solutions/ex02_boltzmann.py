"""Exercise 2: attention weights are Boltzmann weights of an energy at a temperature.

Read each query ``i`` as a Potts spin that can point at any allowed key ``j``. Give the
state "i looks at j" the energy

    E_ij = -(q_i . k_j) * scale            (scale = 1 / sqrt(E) unless given)

Then the Boltzmann distribution over the states of spin ``i`` at temperature ``T``,

    p_ij = exp(-E_ij / T) / Z_i,      Z_i = sum_j exp(-E_ij / T)   (allowed j only)

is exactly the attention weight row of ``softmax(q k^T * scale)`` at ``T = 1``. The free
energy of spin ``i`` is ``F_i = -T log Z_i``. The limits are analytic: as ``T -> 0`` all
weight goes to the lowest-energy key(s) (argmax attention), as ``T -> inf`` it spreads
uniformly over the allowed keys.

Numerical recipe: subtract each row's minimum energy first, ``gap = E - E_min >= 0``;
then ``exp(-gap / T)`` lies in (0, 1] for every ``T > 0`` and never overflows, and
``F = E_min - T log(sum exp(-gap / T))``.
"""

from __future__ import annotations

import math

import torch

from icsc_ising_attention.tensors import bool_mask, float_tensor, real_number


def attention_energy(
    q: torch.Tensor, k: torch.Tensor, *, scale: float | None = None
) -> torch.Tensor:
    """Energies ``E_ij = -(q_i . k_j) * scale``, shape (..., L, S).

    ``q`` (..., L, E) and ``k`` (..., S, E) are floating-point tensors with broadcastable
    leading dimensions; ``scale`` defaults to ``1 / sqrt(E)``. Raises ``TypeError`` for
    non-tensors or non-float dtypes, ``ValueError`` for fewer than 2 dimensions or
    different feature sizes E.
    """
    # BEGIN SOLUTION
    # HINT: -(q @ k.transpose(-2, -1)) * scale
    q = float_tensor("q", q, min_ndim=2)
    k = float_tensor("k", k, min_ndim=2)
    if q.shape[-1] != k.shape[-1]:
        msg = f"q and k must have the same feature size E, got {q.shape[-1]} and {k.shape[-1]}"
        raise ValueError(msg)
    scale = 1.0 / math.sqrt(q.shape[-1]) if scale is None else real_number("scale", scale)
    return -(q @ k.transpose(-2, -1)) * scale
    # END SOLUTION


def boltzmann_weights(
    energy: torch.Tensor, temperature: float, *, mask: torch.Tensor | None = None
) -> torch.Tensor:
    """Boltzmann weights ``p_ij = exp(-E_ij / T) / Z_i`` along the last axis of ``energy``.

    ``energy`` (..., S) is a floating-point tensor, finite where allowed. ``temperature``
    is a number ``T >= 0`` or ``math.inf``: ``T = 0`` puts equal weight on the allowed
    entries with the row's minimum energy (the ground states) and 0 elsewhere;
    ``T = inf`` gives equal weight to every allowed entry. ``mask`` is a boolean tensor
    broadcastable to ``energy.shape``, True = allowed; masked weights are exactly 0.
    Returns a tensor of ``energy``'s shape, dtype and device whose rows sum to 1.

    Raises ``TypeError`` for a non-float ``energy``, a non-number ``temperature`` or a
    non-boolean mask; ``ValueError`` for a negative or NaN temperature, an energy with no
    axis, a mask that does not broadcast, a row with no allowed entry, or a non-finite
    energy at an allowed entry.
    """
    # BEGIN SOLUTION
    # HINT: gap = energy - (row minimum over allowed entries); weights = exp(-gap / T) where allowed, 0 elsewhere.
    # HINT: T = 0 is the limit: weight 1 on entries with gap == 0, then normalise the row.
    energy, allowed = _energy_and_allowed(energy, mask)
    temperature = real_number("temperature", temperature, minimum=0.0, allow_inf=True)
    gap = _gap(energy, allowed)
    if temperature == 0.0:
        unnormalised = (allowed & (gap == 0)).to(energy.dtype)
    else:
        unnormalised = torch.where(allowed, torch.exp(-gap / temperature), 0.0)
    return unnormalised / unnormalised.sum(dim=-1, keepdim=True)
    # END SOLUTION


def free_energy(
    energy: torch.Tensor, temperature: float, *, mask: torch.Tensor | None = None
) -> torch.Tensor:
    """Free energy ``F_i = -T log Z_i`` of each row, shape ``energy.shape[:-1]``.

    Same arguments as :func:`boltzmann_weights`, except that ``T`` must be finite:
    ``T = 0`` gives the ground-state energy ``min_j E_ij``; as ``T -> inf``, ``F`` tends to
    ``-inf`` (``F ~ <E> - T log n``), so ``math.inf`` raises ``ValueError``.
    """
    # BEGIN SOLUTION
    # HINT: F = E_min - T * log(sum_j exp(-gap_j / T)) with gap = E - E_min over allowed j.
    energy, allowed = _energy_and_allowed(energy, mask)
    temperature = real_number("temperature", temperature, minimum=0.0)
    gap = _gap(energy, allowed)
    minimum = energy.masked_fill(~allowed, math.inf).amin(dim=-1)
    if temperature == 0.0:
        return minimum
    total = torch.where(allowed, torch.exp(-gap / temperature), 0.0).sum(dim=-1)
    return minimum - temperature * torch.log(total)
    # END SOLUTION


def _energy_and_allowed(
    energy: torch.Tensor, mask: torch.Tensor | None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Checked ``energy`` and the boolean 'allowed' tensor of its shape (errors as above)."""
    # BEGIN SOLUTION
    # HINT: torch.broadcast_to(mask, energy.shape) raises RuntimeError if it does not broadcast.
    energy = float_tensor("energy", energy, min_ndim=1)
    if mask is None:
        allowed = torch.ones_like(energy, dtype=torch.bool)
    else:
        try:
            allowed = torch.broadcast_to(bool_mask("mask", mask).to(energy.device), energy.shape)
        except RuntimeError as error:
            msg = f"mask of shape {tuple(mask.shape)} does not broadcast to {tuple(energy.shape)}"
            raise ValueError(msg) from error
    if energy.shape[-1] == 0 or not bool(allowed.any(dim=-1).all()):
        msg = "every row needs at least one allowed entry (a fully masked row has Z = 0)"
        raise ValueError(msg)
    if not bool(torch.isfinite(energy[allowed]).all()):
        msg = "energy must be finite at every allowed entry (mask the others instead)"
        raise ValueError(msg)
    return energy, allowed
    # END SOLUTION


def _gap(energy: torch.Tensor, allowed: torch.Tensor) -> torch.Tensor:
    """``energy`` minus its row minimum over allowed entries (>= 0); +inf where masked."""
    # BEGIN SOLUTION
    # HINT: energy.masked_fill(~allowed, math.inf).amin(dim=-1, keepdim=True) is the row minimum.
    minimum = energy.masked_fill(~allowed, math.inf).amin(dim=-1, keepdim=True)
    return (energy - minimum).masked_fill(~allowed, math.inf)
    # END SOLUTION
