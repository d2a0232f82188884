# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 5: how spread out are attention weights? Entropy vs temperature and coupling.

The Shannon entropy of one row of weights, ``S = -sum_j p_j log p_j`` (in nats, with
``0 log 0 = 0``), runs from 0 (all weight on one key) to ``log n`` (uniform over n keys).

* Standard attention at temperature T: ``p = softmax(-E / T)``. The entropy grows
  monotonically with T (``dS/dT = Var(E) / T^3 >= 0``) from 0 (or ``log g`` for g
  degenerate ground states) at T -> 0 to ``log n`` at T -> inf.
* Ising attention (exercise 3) at coupling g: the relaxed output ``S* = (I - g J)^{-1} V``
  mixes the values with the matrix ``M = (I - g J)^{-1} = sum_k g^k J^k`` (every power of
  J is one more attention step). Its rows, normalised to sum 1, are "effective attention
  weights": at g = 0 each token keeps only its own value (entropy 0); as g -> 1 every row
  tends to the same distribution (consensus, a collective state).

The notebook plots both curves.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from icsc_ising_attention.tensors import bool_mask, float_tensor, real_number, square_symmetric


def weight_entropy(weights: torch.Tensor) -> torch.Tensor:
    """Entropy in nats of each distribution along the last axis, shape ``weights.shape[:-1]``.

    ``weights`` is a floating-point tensor (..., n) with non-negative entries whose rows sum
    to 1 (within ``1e-6`` for float64, ``1e-3`` for lower precision); zeros contribute 0.
    Raises ``TypeError`` for a non-float tensor and ``ValueError`` for no last axis, a
    negative or non-finite entry, or a row that does not sum to 1.
    """
    # HINT: terms = torch.where(p > 0, -p * torch.log(p), 0.0)  (0 log 0 = 0), then sum over the last axis.
    # TODO: your code here.
    raise NotImplementedError("ex05_entropy: this part is yours to write (icsc hint ex05)")


def entropy_vs_temperature(
    energy: torch.Tensor,
    temperatures: list[float] | np.ndarray,
    *,
    mask: torch.Tensor | None = None,
) -> np.ndarray:
    """Mean (over rows) entropy of ``softmax(-energy / T)`` for each temperature.

    ``energy`` (..., n) is a finite floating-point tensor; ``temperatures`` is a 1D
    sequence of positive finite numbers; ``mask`` (boolean, broadcastable to
    ``energy.shape``, True = allowed) removes entries from every distribution. Returns a
    float64 numpy array with one entry per temperature, in nats. Raises ``TypeError``
    for a non-float energy or non-boolean mask, ``ValueError`` for an empty or non-1D
    temperature list, a temperature that is not positive and finite, a non-finite
    energy, or a fully masked row.
    """
    # HINT: logits = (-energy / T).masked_fill(~allowed, -inf); p = torch.softmax(logits, dim=-1); weight_entropy(p).mean()
    # TODO: your code here.
    raise NotImplementedError("ex05_entropy: this part is yours to write (icsc hint ex05)")


def effective_weights(j: torch.Tensor, coupling: float) -> torch.Tensor:
    """Rows of ``M = (I - g J)^{-1}``, each divided by its sum: shape (n, n), rows sum to 1.

    ``j`` is a symmetric floating-point (n, n) tensor with non-negative entries and
    largest eigenvalue <= 1 (the couplings of exercise 3); ``0 <= g < 1``. Then
    ``M = sum_k g^k J^k`` has non-negative entries and positive row sums. Raises
    ``TypeError`` for a non-float tensor or non-number, ``ValueError`` for a non-square
    or non-symmetric ``j``, a negative entry, or ``g`` outside [0, 1).
    """
    # HINT: m = torch.linalg.inv(torch.eye(n) - g * j)  (or solve against the identity); m / m.sum(dim=1, keepdim=True)
    # TODO: your code here.
    raise NotImplementedError("ex05_entropy: this part is yours to write (icsc hint ex05)")
