"""Hidden tests use the public helpers, plus references that must not ship."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from icsc_control.checks.conftest import *


def care_by_hamiltonian(a: np.ndarray, b: np.ndarray, q: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Stabilising solution P of the continuous Riccati equation, by the eigenvector method.

    The Hamiltonian ``H = [[A, -B R^-1 B'], [-Q, -A']]`` has its eigenvalues in pairs
    ``(l, -l)``; the eigenvectors ``[U1; U2]`` of the n stable ones give ``P = U2 U1^-1``
    (Potter, SIAM J. Appl. Math. 14 (1966) 496). Independent of scipy's Schur/QZ solver.
    """
    n = a.shape[0]
    hamiltonian = np.block([[a, -b @ np.linalg.solve(r, b.T)], [-q, -a.T]])
    values, vectors = np.linalg.eig(hamiltonian)
    stable = vectors[:, values.real < 0]
    assert stable.shape[1] == n, "the Hamiltonian must have n stable eigenvalues"
    p = np.real(stable[n:] @ np.linalg.inv(stable[:n]))
    return (p + p.T) / 2


@pytest.fixture
def care_reference() -> Callable[..., np.ndarray]:
    """:func:`care_by_hamiltonian`, as a fixture (test modules cannot import conftest)."""
    return care_by_hamiltonian
