"""Reproducible inputs for the exercises, the notebook and the figures.

Random numbers are always drawn on the CPU from a ``torch.Generator`` seeded with
``seed`` and then moved to ``device``, so the same seed gives the same numbers on every
machine and device.
"""

from __future__ import annotations

import torch

from icsc_ising_attention.tensors import positive_int


def _normal(shape: tuple[int, ...], generator: torch.Generator, dtype: torch.dtype) -> torch.Tensor:
    return torch.randn(shape, generator=generator, dtype=torch.float64).to(dtype)


def random_qkv(
    n: int,
    d: int,
    *,
    n_keys: int | None = None,
    d_v: int | None = None,
    batch: tuple[int, ...] = (),
    seed: int = 0,
    dtype: torch.dtype = torch.float64,
    device: str | torch.device = "cpu",
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Standard-normal queries, keys and values.

    Shapes: q ``(*batch, n, d)``, k ``(*batch, n_keys, d)``, v ``(*batch, n_keys, d_v)``;
    ``n_keys`` defaults to ``n`` and ``d_v`` to ``d``. Raises ``ValueError`` for sizes < 1.
    """
    n = positive_int("n", n)
    d = positive_int("d", d)
    n_keys = n if n_keys is None else positive_int("n_keys", n_keys)
    d_v = d if d_v is None else positive_int("d_v", d_v)
    batch = tuple(positive_int("batch size", size) for size in batch)
    generator = torch.Generator().manual_seed(seed)
    q = _normal((*batch, n, d), generator, dtype)
    k = _normal((*batch, n_keys, d), generator, dtype)
    v = _normal((*batch, n_keys, d_v), generator, dtype)
    return q.to(device), k.to(device), v.to(device)


def band_mask(n: int, half_width: int, *, device: str | torch.device = "cpu") -> torch.Tensor:
    """Boolean ``(n, n)`` mask, True where ``|i - j| <= half_width``.

    A symmetric local window: with ``half_width=1`` every token couples to itself and its
    two neighbours, the stencil of a one-dimensional Ising chain.
    """
    n = positive_int("n", n)
    half_width = positive_int("half_width", half_width, minimum=0)
    index = torch.arange(n, device=device)
    return (index[:, None] - index[None, :]).abs() <= half_width


def padding_mask(lengths: list[int], n: int, *, device: str | torch.device = "cpu") -> torch.Tensor:
    """Boolean ``(len(lengths), 1, n)`` mask: key ``j`` of sequence ``b`` is real if ``j < lengths[b]``.

    The singleton middle axis broadcasts over the queries, so the mask applies to scores
    of shape ``(batch, n_queries, n)``. Raises ``ValueError`` if a length is not in 1..n.
    """
    n = positive_int("n", n)
    checked = []
    for length in lengths:
        value = positive_int("sequence length", length)
        if value > n:
            msg = f"sequence length {value} exceeds the padded length {n}"
            raise ValueError(msg)
        checked.append(value)
    keys = torch.arange(n, device=device)
    return (keys[None, :] < torch.tensor(checked, device=device)[:, None])[:, None, :]


def clustered_tokens(
    n_clusters: int,
    per_cluster: int,
    d: int,
    *,
    spread: float = 0.1,
    seed: int = 0,
    dtype: torch.dtype = torch.float64,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Tokens scattered around random unit-norm centres, and each token's cluster label.

    Returns ``(tokens, labels)``: tokens ``(n_clusters * per_cluster, d)`` normalised to
    unit length, labels ``(n_clusters * per_cluster,)`` int64, grouped by cluster.
    """
    n_clusters = positive_int("n_clusters", n_clusters)
    per_cluster = positive_int("per_cluster", per_cluster)
    d = positive_int("d", d)
    generator = torch.Generator().manual_seed(seed)
    centres = _normal((n_clusters, d), generator, torch.float64)
    centres = centres / centres.norm(dim=1, keepdim=True)
    noise = spread * _normal((n_clusters, per_cluster, d), generator, torch.float64)
    tokens = (centres[:, None, :] + noise).reshape(-1, d)
    tokens = tokens / tokens.norm(dim=1, keepdim=True)
    labels = torch.arange(n_clusters).repeat_interleave(per_cluster)
    return tokens.to(dtype), labels
