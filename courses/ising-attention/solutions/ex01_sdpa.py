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
    # BEGIN SOLUTION
    # HINT: scores = (q @ k.transpose(-2, -1)) * scale; scale defaults to 1 / math.sqrt(q.shape[-1]).
    # HINT: causal: torch.ones(L, S, dtype=torch.bool, device=q.device).tril(); apply with scores.masked_fill(~allowed, -inf).
    # HINT: stable softmax: exp(scores - scores.amax(dim=-1, keepdim=True)), then divide by the row sum.
    q = float_tensor("q", q, min_ndim=2)
    k = float_tensor("k", k, min_ndim=2)
    if q.shape[-1] != k.shape[-1]:
        msg = f"q and k must have the same feature size E, got {q.shape[-1]} and {k.shape[-1]}"
        raise ValueError(msg)
    if k.shape[-2] == 0:
        msg = "k has no keys (S = 0): there is nothing to attend to"
        raise ValueError(msg)
    if mask is not None and causal:
        msg = "give either mask or causal=True, not both"
        raise ValueError(msg)
    try:
        batch = torch.broadcast_shapes(q.shape[:-2], k.shape[:-2])
    except RuntimeError as error:
        msg = f"batch dimensions of q {tuple(q.shape)} and k {tuple(k.shape)} do not broadcast"
        raise ValueError(msg) from error
    n_queries, n_keys = q.shape[-2], k.shape[-2]
    scale = 1.0 / math.sqrt(q.shape[-1]) if scale is None else real_number("scale", scale)
    scores = (q @ k.transpose(-2, -1)) * scale
    allowed = None
    if causal:
        allowed = torch.ones(n_queries, n_keys, dtype=torch.bool, device=q.device).tril()
    elif mask is not None:
        allowed = bool_mask("mask", mask).to(q.device)
    if allowed is not None:
        try:
            allowed = torch.broadcast_to(allowed, (*batch, n_queries, n_keys))
        except RuntimeError as error:
            msg = (
                f"mask of shape {tuple(allowed.shape)} does not broadcast to the scores "
                f"{(*batch, n_queries, n_keys)}"
            )
            raise ValueError(msg) from error
        if not bool(allowed.any(dim=-1).all()):
            msg = "some query may attend to no key at all (a fully masked row)"
            raise ValueError(msg)
        scores = scores.masked_fill(~allowed, -math.inf)
    shifted = torch.exp(scores - scores.amax(dim=-1, keepdim=True))
    return shifted / shifted.sum(dim=-1, keepdim=True)
    # END SOLUTION


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
    # BEGIN SOLUTION
    # HINT: check v (tensor, >= 2 dims, v.shape[-2] == k.shape[-2]) first, then weights @ v.
    v = float_tensor("v", v, min_ndim=2)
    k = float_tensor("k", k, min_ndim=2)
    if v.shape[-2] != k.shape[-2]:
        msg = f"k and v must have the same number of keys S, got {k.shape[-2]} and {v.shape[-2]}"
        raise ValueError(msg)
    weights = attention_weights(q, k, mask=mask, causal=causal, scale=scale)
    try:
        return weights @ v
    except RuntimeError as error:
        msg = f"batch dimensions of v {tuple(v.shape)} do not broadcast with q and k"
        raise ValueError(msg) from error
    # END SOLUTION
