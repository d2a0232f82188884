"""Shared fixtures of the ising-attention checks (the hidden tests import them too).

Tensors are tiny and float64 unless a test says otherwise, so comparisons can be tight;
torch runs on one thread in the test process (faster for tiny tensors, and reproducible).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pytest
import torch


@pytest.fixture(autouse=True, scope="session")
def single_threaded_torch() -> Iterator[None]:
    """Run torch on one thread during the tests."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def ring_couplings_matrix(n: int) -> np.ndarray:
    """Couplings of an Ising ring: ``J_ij = 1/2`` for nearest neighbours, else 0.

    Its eigenvalues are known in closed form, ``cos(2 pi m / n)`` for ``m = 0 .. n-1``
    (a circulant matrix), so ``lambda_max(J) = 1`` and, for even ``n``,
    ``lambda_min(J) = -1``.
    """
    j = np.zeros((n, n))
    for i in range(n):
        j[i, (i + 1) % n] = j[(i + 1) % n, i] = 0.5
    return j


@pytest.fixture
def ring_couplings() -> Callable[[int], np.ndarray]:
    """:func:`ring_couplings_matrix` (an Ising ring with analytically known spectrum)."""
    return ring_couplings_matrix
