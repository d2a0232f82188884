"""Public checks for exercise 3: the Ising-attention layer and its explicit-Euler solver.

Reference system: an Ising ring (``ring_couplings`` fixture), whose coupling spectrum is
known in closed form, cos(2 pi m / n). With H = I - g J and even n, lambda_max(H) = 1 + g,
so the explicit-Euler bound is tau < 2 / (1 + g) exactly. Fixed points are compared with
``numpy.linalg.solve`` (a direct solve, independent of the time stepping).
"""

import numpy as np
import pytest
import torch

from icsc_ising_attention.problems import random_qkv

N, D, G = 8, 3, 0.5


def _fields():
    return random_qkv(N, D, seed=40)[2]


@pytest.mark.points(2)
def test_step_size_bound_of_the_ising_ring(exercise, ring_couplings):
    ex = exercise("ex03_ising_relaxation")
    j = torch.tensor(ring_couplings(N))
    for g in (0.0, 0.3, 0.9):
        assert ex.step_size_bound(j, g) == pytest.approx(2.0 / (1.0 + g), rel=1e-12)


@pytest.mark.points(2)
def test_stable_below_the_bound_and_divergent_above(exercise, ring_couplings):
    ex = exercise("ex03_ising_relaxation")
    j_np = ring_couplings(N)
    v = _fields()
    exact = np.linalg.solve(np.eye(N) - G * j_np, v.numpy())
    bound = 2.0 / (1.0 + G)
    # Below the bound: the slowest mode shrinks by max|1 - tau lambda| <= 0.8 per step
    # at tau = 0.9 * bound, so 300 steps leave ~1e-29 of the start: rounding only.
    below = ex.relax(torch.tensor(j_np), v, G, 0.9 * bound, 300)
    np.testing.assert_allclose(below.numpy(), exact, rtol=0, atol=1e-12)
    # Above: the top mode grows by |1 - 1.1 * 2| = 1.2 per step, 1.2**300 ~ 6e23.
    above = ex.relax(torch.tensor(j_np), v, G, 1.1 * bound, 300)
    assert not bool(torch.isfinite(above).all()) or float(above.abs().max()) > 1e15


def test_fixed_point_is_a_direct_solve(exercise, ring_couplings):
    ex = exercise("ex03_ising_relaxation")
    j_np = ring_couplings(N)
    v = _fields()
    got = ex.fixed_point(torch.tensor(j_np), v, G)
    expected = np.linalg.solve(np.eye(N) - G * j_np, v.numpy())
    np.testing.assert_allclose(got.numpy(), expected, rtol=0, atol=1e-12)


def test_attention_couplings_are_symmetric_with_top_eigenvalue_one(exercise):
    ex = exercise("ex03_ising_relaxation")
    q, k, _ = random_qkv(6, 4, seed=41)
    j = ex.couplings(q, k).numpy()
    assert j.shape == (6, 6)
    np.testing.assert_allclose(j, j.T, rtol=0, atol=1e-14)
    assert j.min() >= 0
    # Normalised by D^(-1/2) on both sides: the top eigenvalue is exactly 1.
    assert np.linalg.eigvalsh(j)[-1] == pytest.approx(1.0, abs=1e-12)
