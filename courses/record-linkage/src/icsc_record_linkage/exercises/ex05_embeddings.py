# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 5 (optional): a bi-encoder — cosine scores and nearest-neighbour blocking.

A bi-encoder (Sentence-BERT; Reimers and Gurevych 2019) maps each name to a vector once;
the similarity of two names is the cosine of their vectors,
cos(u, v) = u . v / (|u| |v|). Because each record is encoded once, the vectors can also
*propose* candidates: the k nearest neighbours of every record by cosine, a blocking
without keys. The vectors come from ``icsc_record_linkage.embeddings`` (all-MiniLM-L6-v2,
384 dimensions), computed outside your code; here you work with the arrays.
"""

from __future__ import annotations

import numpy as np


def _unit_rows(vectors: object) -> np.ndarray:
    v = np.asarray(vectors, dtype=np.float64)
    if v.ndim != 2:
        msg = f"vectors must be a 2D array, got {v.ndim} dimensions"
        raise ValueError(msg)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    if np.any(norms == 0):
        msg = "vectors contain a zero row: its cosine is undefined"
        raise ValueError(msg)
    return v / norms


def cosine_scores(vectors: object, pairs: list[tuple[int, int]]) -> np.ndarray:
    """Cosine similarity of rows i and j of ``vectors`` (n, d) for each pair (i, j).

    Returns float64, shape (len(pairs),), values in [-1, 1]. Rows need not be unit
    length. Raises ``ValueError`` if ``vectors`` is not 2D, has a zero row, or a pair
    index is out of range.
    """
    # HINT: divide every row by its norm once (np.linalg.norm(v, axis=1, keepdims=True)).
    # HINT: with index arrays a, b: np.sum(u[a] * u[b], axis=1)
    # TODO: your code here.
    raise NotImplementedError("ex05_embeddings: this part is yours to write (icsc hint ex05)")


def nearest_neighbour_pairs(vectors: object, k: int) -> list[tuple[int, int]]:
    """Candidate pairs from the k nearest neighbours of each row by cosine similarity.

    For each row i, its k most similar *other* rows j give the pair (min(i, j), max(i, j)).
    Similarity: cosine in float64, rounded to 6 decimals (``np.round(s, 6)``) so that
    duplicate names tie exactly; ties are broken by the smaller index. Returns the pairs sorted, without duplicates.
    Raises ``ValueError`` if ``vectors`` is not 2D or has a zero row, or k is not in
    [1, n - 1].
    """
    # HINT: similarity = np.round(u @ u.T, 6); np.fill_diagonal(similarity, -np.inf)
    # HINT: np.argsort(-similarity, axis=1, kind="stable")[:, :k] are the neighbours.
    # TODO: your code here.
    raise NotImplementedError("ex05_embeddings: this part is yours to write (icsc hint ex05)")
