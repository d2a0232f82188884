# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 1: scaled dot-product attention from scratch, with boolean and causal masks.

For queries ``q`` (..., L, E), keys ``k`` (..., S, E) and values ``v`` (..., S, Ev),

    weights = softmax(q @ k^T * scale + bias)        (..., L, S), each row sums to 1
    output  = weights @ v                            (..., L, Ev)

with ``scale = 1 / sqrt(E)`` unless given, and ``bias = -inf`` where a query may not look at
a key. Masks follow PyTorch's convention: a boolean mask is True where the query MAY
attend; ``causal=True`` lets query ``i`` see keys ``j <= i`` (the top-left aligned
lower triangle, also when L != S).

Write it with tensor operations only (``@``, ``exp``, ``sum``, ``amax``, ``masked_fill``):
do NOT call ``torch.nn.functional.scaled_dot_product_attention`` — the checks compare your
result with it. Subtract each row's maximum before exponentiating (the weights do not
change, but ``exp`` no longer overflows).
"""

from __future__ import annotations

import math

import torch

from icsc_ising_attention.tensors import bool_mask, float_tensor, real_number


def attention_weights(
    q: torch.Tensor,
    k: torch.Tensor,
    *,
    mask: torch.Tensor | None = None,
    causal: bool = False,
    scale: float | None = None,
) -> torch.Tensor:
    """Attention weights ``softmax(q k^T * scale)`` over allowed keys, shape (..., L, S).

    ``q`` (..., L, E) and ``k`` (..., S, E) are floating-point tensors of one dtype and
    device whose leading (batch, head) dimensions broadcast. ``mask`` is a boolean tensor
    broadcastable to (..., L, S), True = may attend; ``causal`` applies the top-left causal
    mask; both at once are refused (as PyTorch does). Masked weights are exactly 0 and
    every row sums to 1.

    Raises ``TypeError`` if ``q``/``k`` are not floating-point tensors or ``mask`` is not
    boolean; ``ValueError`` if a tensor has fewer than 2 dimensions, the feature sizes E
    differ, there is no key, the batch dimensions or the mask do not broadcast, ``mask``
    and ``causal`` are both given, ``scale`` is not finite, or some query may attend to no
    key at all (its weights would be 0/0).
    """
    # HINT: scores = (q @ k.transpose(-2, -1)) * scale; scale defaults to 1 / math.sqrt(q.shape[-1]).
    # HINT: causal: torch.ones(L, S, dtype=torch.bool, device=q.device).tril(); apply with scores.masked_fill(~allowed, -inf).
    # HINT: stable softmax: exp(scores - scores.amax(dim=-1, keepdim=True)), then divide by the row sum.
    # TODO: your code here.
    raise NotImplementedError("ex01_sdpa: this part is yours to write (icsc hint ex01)")


def scaled_dot_product_attention(
    q: torch.Tensor,
    k: torch.Tensor,
    v: torch.Tensor,
    *,
    mask: torch.Tensor | None = None,
    causal: bool = False,
    scale: float | None = None,
) -> torch.Tensor:
    """``attention_weights(q, k, ...) @ v``, shape (..., L, Ev), dtype and device of ``q``.

    ``v`` (..., S, Ev) must have as many rows S as ``k``. Same arguments, conventions and
    errors as :func:`attention_weights`, plus ``TypeError`` if ``v`` is not a
    floating-point tensor and ``ValueError`` if its S differs from that of ``k``.
    """
    # HINT: check v (tensor, >= 2 dims, v.shape[-2] == k.shape[-2]) first, then weights @ v.
    # TODO: your code here.
    raise NotImplementedError("ex01_sdpa: this part is yours to write (icsc hint ex01)")
