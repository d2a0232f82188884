"""Exercise 4: how attention's work and memory grow with the sequence length n.

Full attention on n tokens of width d forms the (n, n) score matrix: two matrix products
of 2 n^2 d floating-point operations each (a multiply-add counts as 2), and n^2 numbers
of scores and n^2 of weights in memory at once. Processing the queries in blocks of
``chunk_size`` rows gives exactly the same result with the same operation count, but
only a (chunk_size, n) block of scores and weights is alive at a time: memory grows like
n instead of n^2. (FlashAttention goes further and also blocks the keys.)

You measure instead of assuming:

* :func:`count_flops` runs your :func:`chunked_attention` under PyTorch's
  ``torch.utils.flop_counter.FlopCounterMode`` and returns the count;
* :func:`memory_estimate` returns the bytes of the tensors each variant holds;
* :func:`peak_memory_bytes` measures the peak on a CUDA device
  (``torch.cuda.max_memory_allocated``) — the optional GPU path;
* :func:`fit_exponent` fits ``value ~ n^p`` on log-log axes.

No wall-clock timing here: times belong in the notebook and in ``benchmarks/``.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch.utils.flop_counter import FlopCounterMode

from icsc_ising_attention.problems import random_qkv
from icsc_ising_attention.tensors import float_tensor, positive_int


def chunked_attention(
    q: torch.Tensor,
    k: torch.Tensor,
    v: torch.Tensor,
    *,
    chunk_size: int | None = None,
    causal: bool = False,
) -> torch.Tensor:
    """Attention ``softmax(q k^T / sqrt(E)) v`` computed ``chunk_size`` query rows at a time.

    ``q`` (L, E), ``k`` (S, E), ``v`` (S, Ev): 2D floating-point tensors on one device.
    ``chunk_size=None`` means one chunk of all L rows (plain full attention). ``causal``
    lets query ``i`` see keys ``j <= i`` (top-left aligned, as PyTorch's ``is_causal``).
    Every chunk computes its scores against all S keys, so the operation count does not
    depend on ``chunk_size``. Returns (L, Ev), dtype and device of ``q``.

    Raises ``TypeError`` for non-tensors or non-float dtypes, ``ValueError`` for non-2D
    tensors, mismatched E or S, ``S = 0`` or ``chunk_size < 1``.
    """
    # BEGIN SOLUTION
    # HINT: for start in range(0, L, chunk): rows = q[start:start + chunk]; scores = rows @ k.T / sqrt(E)
    # HINT: causal: key j is allowed for query start + r when j <= start + r: compare torch.arange values.
    q = float_tensor("q", q, ndim=2)
    k = float_tensor("k", k, ndim=2)
    v = float_tensor("v", v, ndim=2)
    if q.shape[1] != k.shape[1]:
        msg = f"q and k must have the same feature size E, got {q.shape[1]} and {k.shape[1]}"
        raise ValueError(msg)
    if k.shape[0] != v.shape[0] or k.shape[0] == 0:
        msg = f"k and v must have the same, non-zero number of keys S, got {k.shape[0]} and {v.shape[0]}"
        raise ValueError(msg)
    n_queries, n_keys = q.shape[0], k.shape[0]
    chunk = n_queries if chunk_size is None else positive_int("chunk_size", chunk_size)
    scale = 1.0 / math.sqrt(q.shape[1])
    key_index = torch.arange(n_keys, device=q.device)
    blocks = []
    for start in range(0, n_queries, max(chunk, 1)):
        scores = (q[start : start + chunk] @ k.T) * scale
        if causal:
            query_index = torch.arange(start, start + scores.shape[0], device=q.device)
            scores = scores.masked_fill(key_index[None, :] > query_index[:, None], -math.inf)
        weights = torch.softmax(scores, dim=-1)
        blocks.append(weights @ v)
    if not blocks:
        return q.new_zeros((0, v.shape[1]))
    return torch.cat(blocks)
    # END SOLUTION


def count_flops(n: int, d: int, *, chunk_size: int | None = None, device: str = "cpu") -> int:
    """Floating-point operations of :func:`chunked_attention` on n tokens of width d.

    Inputs: ``random_qkv(n, d, seed=0, dtype=torch.float32, device=device)`` from
    :mod:`icsc_ising_attention.problems`. The count is what
    ``FlopCounterMode(display=False).get_total_flops()`` reports for the call: matrix
    products only, 2 per multiply-add (softmax, scaling and masking are not counted).
    Returns a Python int. Raises ``ValueError`` for ``n < 1``, ``d < 1`` or
    ``chunk_size < 1``.
    """
    # BEGIN SOLUTION
    # HINT: with FlopCounterMode(display=False) as counter: chunked_attention(...); return counter.get_total_flops()
    n = positive_int("n", n)
    d = positive_int("d", d)
    q, k, v = random_qkv(n, d, seed=0, dtype=torch.float32, device=device)
    with FlopCounterMode(display=False) as counter:
        chunked_attention(q, k, v, chunk_size=chunk_size)
    return int(counter.get_total_flops())
    # END SOLUTION


def memory_estimate(
    n: int, d: int, *, chunk_size: int | None = None, itemsize: int = 4
) -> dict[str, int]:
    """Bytes held by (chunked) self-attention on n tokens of width d, by tensor role.

    ``{"inputs": 3 n d b, "output": n d b, "scores": 2 c n b, "total": sum of the three}``
    with ``b = itemsize`` bytes per number and ``c = min(chunk_size, n)`` rows per block
    (``c = n`` when ``chunk_size`` is None): the score block and its softmax weights are
    both alive while a block is processed. Raises ``ValueError`` for sizes < 1.
    """
    # BEGIN SOLUTION
    # HINT: c = n if chunk_size is None else min(chunk_size, n); scores = 2 * c * n * itemsize
    n = positive_int("n", n)
    d = positive_int("d", d)
    itemsize = positive_int("itemsize", itemsize)
    rows = n if chunk_size is None else min(positive_int("chunk_size", chunk_size), n)
    parts = {
        "inputs": 3 * n * d * itemsize,
        "output": n * d * itemsize,
        "scores": 2 * rows * n * itemsize,
    }
    return {**parts, "total": sum(parts.values())}
    # END SOLUTION


def peak_memory_bytes(
    n: int, d: int, *, chunk_size: int | None = None, device: str = "cuda"
) -> int:
    """Peak bytes allocated on a CUDA device by one :func:`chunked_attention` call.

    Inputs as in :func:`count_flops` (float32), created before the measurement; the
    result is ``torch.cuda.max_memory_allocated(device)`` during the call minus
    ``torch.cuda.memory_allocated(device)`` just before it (after
    ``torch.cuda.reset_peak_memory_stats``), i.e. what the call itself needed on top of
    its inputs. Raises ``ValueError`` if ``device`` is not a CUDA device (the CPU has no
    such counter) or CUDA is not available, and for sizes < 1.
    """
    # BEGIN SOLUTION
    # HINT: torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats(device); before = torch.cuda.memory_allocated(device)
    # HINT: run, synchronize, then torch.cuda.max_memory_allocated(device) - before
    n = positive_int("n", n)
    d = positive_int("d", d)
    target = torch.device(device)
    if target.type != "cuda":
        msg = f"peak memory is measured on CUDA devices only, got device {device!r}"
        raise ValueError(msg)
    if not torch.cuda.is_available():
        msg = "peak memory needs a CUDA device, and torch finds none here"
        raise ValueError(msg)
    q, k, v = random_qkv(n, d, seed=0, dtype=torch.float32, device=target)
    torch.cuda.synchronize(target)
    torch.cuda.reset_peak_memory_stats(target)
    before = torch.cuda.memory_allocated(target)
    output = chunked_attention(q, k, v, chunk_size=chunk_size)
    torch.cuda.synchronize(target)
    peak = torch.cuda.max_memory_allocated(target) - before
    del output
    return int(peak)
    # END SOLUTION


def fit_exponent(ns: list[int] | np.ndarray, values: list[float] | np.ndarray) -> float:
    """Slope ``p`` of the least-squares line through ``(log n, log value)``: ``value ~ n^p``.

    ``ns`` and ``values`` are 1D sequences of equal length >= 2 with positive finite
    entries and at least two distinct ``n``. Returns a float. Raises ``ValueError``
    otherwise.
    """
    # BEGIN SOLUTION
    # HINT: np.polyfit(np.log(ns), np.log(values), 1)[0]
    x = np.asarray(ns, dtype=float)
    y = np.asarray(values, dtype=float)
    if x.ndim != 1 or x.shape != y.shape:
        msg = f"ns and values must be 1D and of equal length, got shapes {x.shape} and {y.shape}"
        raise ValueError(msg)
    if x.size < 2 or np.unique(x).size < 2:
        msg = "need at least two distinct sequence lengths to fit an exponent"
        raise ValueError(msg)
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y)) and x.min() > 0 and y.min() > 0):
        msg = "ns and values must be positive and finite (they are put on log axes)"
        raise ValueError(msg)
    return float(np.polyfit(np.log(x), np.log(y), 1)[0])
    # END SOLUTION
