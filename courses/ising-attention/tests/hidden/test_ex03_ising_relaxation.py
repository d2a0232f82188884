"""Hidden tests for exercise 3: couplings, energy, stability bound, fixed point, gradients.

Independent references: the coupling formula in NumPy (``reference_couplings``),
eigenvalues and linear solves from NumPy, the closed-form energy at the minimum
E(S*) = -tr(V^T S*) / 2, and implicit differentiation of the fixed point,
dL/dV = H^{-1} (S* - target) for L = |S* - target|^2 / 2 and symmetric H.
"""

import itertools

import numpy as np
import pytest
import torch

from icsc_ising_attention.problems import band_mask, random_qkv

N, D = 10, 3


def _system(reference_couplings, seed=50, mask=None):
    q, k, v = random_qkv(N, D, seed=seed)
    j = reference_couplings(q.numpy(), k.numpy(), None if mask is None else mask.numpy())
    return q, k, v, j


def _bound(j, g):
    return 2.0 / np.linalg.eigvalsh(np.eye(len(j)) - g * j)[-1]


@pytest.mark.points(2)
def test_couplings_match_the_formula(exercise, reference_couplings):
    ex = exercise("ex03_ising_relaxation")
    q, k, _, j = _system(reference_couplings)
    np.testing.assert_allclose(ex.couplings(q, k).numpy(), j, rtol=1e-12, atol=1e-15)


def test_band_mask_gives_a_stencil(exercise, reference_couplings):
    ex = exercise("ex03_ising_relaxation")
    mask = band_mask(N, 1)
    q, k, _, j = _system(reference_couplings, mask=mask)
    got = ex.couplings(q, k, mask=mask).numpy()
    np.testing.assert_allclose(got, j, rtol=1e-12, atol=1e-15)
    assert np.count_nonzero(got) == N + 2 * (N - 1)  # tridiagonal: a 3-point stencil


def test_couplings_survive_huge_scores(exercise, reference_couplings):
    ex = exercise("ex03_ising_relaxation")
    q, k, _ = random_qkv(N, D, seed=51)
    # An extra feature c in every query and key adds c^2 / sqrt(D + 1) = 1000 to every
    # score. exp(1000) overflows float64 (limit ~709) unless a constant is subtracted
    # first, and J does not change under a common shift of all scores.
    c = float(np.sqrt(1000.0 * np.sqrt(D + 1)))
    shifted_q = torch.cat([q, torch.full((N, 1), c, dtype=torch.float64)], dim=1)
    shifted_k = torch.cat([k, torch.full((N, 1), c, dtype=torch.float64)], dim=1)
    plain_q = torch.cat([q, torch.zeros(N, 1, dtype=torch.float64)], dim=1)
    plain_k = torch.cat([k, torch.zeros(N, 1, dtype=torch.float64)], dim=1)
    expected = reference_couplings(plain_q.numpy(), plain_k.numpy())
    got = ex.couplings(shifted_q, shifted_k).numpy()
    # Rounding of scores of size 1000 costs ~1000 * 1e-16 relative in each weight.
    np.testing.assert_allclose(got, expected, rtol=1e-11, atol=1e-14)


@pytest.mark.points(2)
def test_divergence_exactly_across_the_bound(exercise, reference_couplings):
    ex = exercise("ex03_ising_relaxation")
    _, _, v, j = _system(reference_couplings, seed=52)
    g = 0.6
    bound = _bound(j, g)
    assert ex.step_size_bound(torch.tensor(j), g) == pytest.approx(bound, rel=1e-10)
    exact = np.linalg.solve(np.eye(N) - g * j, v.numpy())
    # 0.95 of the bound: the top mode shrinks by |1 - 1.9| = 0.9 per step; 0.9**600 ~ 3e-28.
    stable = ex.relax(torch.tensor(j), v, g, 0.95 * bound, 600)
    np.testing.assert_allclose(stable.numpy(), exact, rtol=0, atol=1e-10)
    # 1.05 of the bound: it grows by 1.1 per step; 1.1**600 ~ 1e25.
    unstable = ex.relax(torch.tensor(j), v, g, 1.05 * bound, 600)
    assert not bool(torch.isfinite(unstable).all()) or float(unstable.abs().max()) > 1e15


def test_unit_step_is_a_pure_attention_stack(exercise, reference_couplings):
    ex = exercise("ex03_ising_relaxation")
    _, _, v, j = _system(reference_couplings, seed=53)
    g = 0.5
    # tau = 1: S_{t+1} = g J S_t + V, the partial sums of sum_k (g J)^k V.
    three = ex.relax(torch.tensor(j), v, g, 1.0, 3)
    gj = g * j
    expected = (np.eye(N) + gj + gj @ gj) @ v.numpy()
    np.testing.assert_allclose(three.numpy(), expected, rtol=0, atol=1e-12)
    zero = ex.relax(torch.tensor(j), v, g, 1.0, 0)
    np.testing.assert_array_equal(zero.numpy(), np.zeros((N, D)))


@pytest.mark.points(2)
def test_energy_decreases_to_its_minimum(exercise, reference_couplings):
    ex = exercise("ex03_ising_relaxation")
    _, _, v, j = _system(reference_couplings, seed=54)
    g = 0.7
    jt = torch.tensor(j)
    exact = np.linalg.solve(np.eye(N) - g * j, v.numpy())
    minimum = -0.5 * float((v.numpy() * exact).sum())
    assert ex.energy(jt, torch.tensor(exact), v, g) == pytest.approx(minimum, rel=1e-12)
    assert ex.energy(jt, torch.zeros(N, D, dtype=torch.float64), v, g) == 0.0
    step = 0.8 * _bound(j, g)
    energies = [ex.energy(jt, ex.relax(jt, v, g, step, n), v, g) for n in range(0, 40, 4)]
    # Gradient descent on a quadratic below the bound never increases the energy.
    assert all(b <= a + 1e-12 for a, b in itertools.pairwise(energies))
    assert energies[-1] == pytest.approx(minimum, rel=1e-6)


@pytest.mark.points(2)
def test_gradient_through_the_time_steps(exercise, reference_couplings):
    ex = exercise("ex03_ising_relaxation")
    _, _, v, j = _system(reference_couplings, seed=55)
    g = 0.5
    target = random_qkv(N, D, seed=56)[0]
    jt = torch.tensor(j)
    # One step from S = 0: S_1 = tau V, so dL/dV = tau (tau V - target).
    tau = 0.7
    one = ex.fields_gradient(jt, v, g, tau, 1, target)
    np.testing.assert_allclose(
        one.numpy(), tau * (tau * v.numpy() - target.numpy()), rtol=0, atol=1e-12
    )
    # Many steps: the unrolled gradient converges to implicit differentiation of S*.
    h = np.eye(N) - g * j
    exact = np.linalg.solve(h, v.numpy())
    implicit = np.linalg.solve(h, exact - target.numpy())
    many = ex.fields_gradient(jt, v, g, 0.9 * _bound(j, g), 400, target)
    np.testing.assert_allclose(many.numpy(), implicit, rtol=0, atol=1e-9)


def test_bad_input_is_rejected(exercise, reference_couplings):
    ex = exercise("ex03_ising_relaxation")
    q, k, v, j = _system(reference_couplings, seed=57)
    jt = torch.tensor(j)
    with pytest.raises(ValueError, match="positive definite"):
        ex.step_size_bound(jt, 1.5)  # lambda_max(J) = 1, so H = I - 1.5 J has a negative eigenvalue
    with pytest.raises(ValueError, match="positive definite"):
        ex.fixed_point(jt, v, 1.2)
    with pytest.raises(ValueError, match="symmetric"):
        ex.relax(torch.triu(jt), v, 0.5, 0.5, 3)
    with pytest.raises(ValueError, match="rows"):
        ex.relax(jt, v[:-1], 0.5, 0.5, 3)
    with pytest.raises(ValueError, match="step"):
        ex.relax(jt, v, 0.5, 0.0, 3)
    with pytest.raises(ValueError, match="n_steps"):
        ex.relax(jt, v, 0.5, 0.5, -1)
    with pytest.raises(ValueError, match="coupling"):
        ex.relax(jt, v, -0.1, 0.5, 3)
    with pytest.raises(ValueError, match="symmetric"):
        ex.couplings(q, k, mask=torch.ones(N, N, dtype=torch.bool).tril())
    with pytest.raises(ValueError, match="shape"):
        ex.couplings(q, k[:, :2])


@pytest.mark.gpu
def test_time_stepping_on_the_gpu(exercise, reference_couplings):
    ex = exercise("ex03_ising_relaxation")
    _, _, v, j = _system(reference_couplings, seed=58)
    g = 0.8
    step = 0.9 * _bound(j, g)
    got = ex.relax(torch.tensor(j, device="cuda"), v.to("cuda"), g, step, 800)
    assert got.device.type == "cuda"
    exact = np.linalg.solve(np.eye(N) - g * j, v.numpy())
    np.testing.assert_allclose(got.cpu().numpy(), exact, rtol=0, atol=1e-9)
