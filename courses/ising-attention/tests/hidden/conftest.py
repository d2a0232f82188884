"""Hidden tests use the public fixtures, plus a NumPy reference for attention couplings."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from icsc_ising_attention.checks.conftest import *


def couplings_reference(q: np.ndarray, k: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """J = D^(-1/2) W D^(-1/2), W = exp(symmetrised scaled scores), in NumPy (float64).

    Written independently of any solution from the formula in the exercise text; no
    overflow guard is needed for the small test inputs (scores of order 1).
    """
    d = q.shape[1]
    scores = (q @ k.T + k @ q.T) / (2.0 * np.sqrt(d))
    weights = np.exp(scores)
    if mask is not None:
        weights = np.where(mask, weights, 0.0)
    degree = weights.sum(axis=1)
    return weights / np.sqrt(np.outer(degree, degree))


@pytest.fixture
def reference_couplings() -> Callable[..., np.ndarray]:
    """:func:`couplings_reference`."""
    return couplings_reference
