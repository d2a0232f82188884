"""Hidden tests for exercise 5: two-level entropy, masks, degeneracy, Ising weights, errors.

Independent references: the closed-form entropy of a two-level system,
S(T) = log(1 + e^{-x}) + x / (e^{x} + 1) with x = gap / T; log g for g degenerate ground
states; and for the Ising-attention weights the g -> 1 limit, where
(I - g J)^{-1} ~ u u^T / (1 - g) with u the top eigenvector of J, proportional to
sqrt(row sums of W) (``reference_couplings`` builds J in NumPy).
"""

import math

import numpy as np
import pytest
import torch

from icsc_ising_attention.problems import random_qkv


@pytest.mark.points(2)
def test_two_level_entropy_curve(exercise):
    ex = exercise("ex05_entropy")
    gap = 1.3
    energy = torch.tensor([[0.0, gap]], dtype=torch.float64)
    temperatures = [0.05, 0.3, 1.0, 4.0, 50.0]
    expected = [
        math.log1p(math.exp(-gap / t)) + (gap / t) / (math.exp(gap / t) + 1) for t in temperatures
    ]
    got = ex.entropy_vs_temperature(energy, temperatures)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-15)


def test_mask_and_degeneracy_set_the_limits(exercise):
    ex = exercise("ex05_entropy")
    energy = torch.tensor([[0.0, 0.0, 1.0, 2.0, 3.0]], dtype=torch.float64)
    mask = torch.tensor([True, True, True, False, False])
    cold, hot = ex.entropy_vs_temperature(energy, [1e-3, 1e7], mask=mask)
    # Two degenerate ground states: S -> log 2 (excited weight ~ e^{-1000}).
    assert cold == pytest.approx(math.log(2), abs=1e-12)
    # Three allowed keys: S -> log 3 (correction ~ Var(E) / T^2 ~ 1e-15).
    assert hot == pytest.approx(math.log(3), abs=1e-9)


@pytest.mark.points(2)
def test_ising_weights_go_from_self_to_consensus(exercise, reference_couplings):
    ex = exercise("ex05_entropy")
    q, k, _ = random_qkv(8, 4, seed=90)
    j = reference_couplings(q.numpy(), k.numpy())
    jt = torch.tensor(j)
    alone = ex.effective_weights(jt, 0.0)
    np.testing.assert_allclose(alone.numpy(), np.eye(8), rtol=0, atol=1e-15)
    assert float(ex.weight_entropy(alone).max()) == pytest.approx(0.0, abs=1e-15)
    # g -> 1: every row -> u / sum(u) with u = sqrt(row sums of W). At g = 1 - 1e-8 the
    # other modes are suppressed by (1 - g) / (1 - lambda_2) < 1e-7 (lambda_2 < 0.9 for
    # these data) and the solve loses ~cond(H) * eps ~ 1e-8: 1e-6 covers both.
    d = q.shape[1]
    weights = np.exp((q.numpy() @ k.numpy().T + k.numpy() @ q.numpy().T) / (2 * np.sqrt(d)))
    u = np.sqrt(weights.sum(axis=1))
    consensus = ex.effective_weights(jt, 1.0 - 1e-8).numpy()
    np.testing.assert_allclose(consensus, np.tile(u / u.sum(), (8, 1)), rtol=0, atol=1e-6)
    middle = ex.effective_weights(jt, 0.5).numpy()
    np.testing.assert_allclose(middle.sum(axis=1), np.ones(8), rtol=0, atol=1e-12)
    assert middle.min() >= 0


def test_bad_input_is_rejected(exercise, reference_couplings):
    ex = exercise("ex05_entropy")
    with pytest.raises(ValueError, match="non-negative"):
        ex.weight_entropy(torch.tensor([[1.5, -0.5]], dtype=torch.float64))
    with pytest.raises(ValueError, match="sum to 1"):
        ex.weight_entropy(torch.tensor([[0.5, 0.4]], dtype=torch.float64))
    with pytest.raises(TypeError, match="floating-point"):
        ex.weight_entropy(torch.tensor([[1, 0]]))
    energy = torch.tensor([[0.0, 1.0]], dtype=torch.float64)
    with pytest.raises(ValueError, match="temperature"):
        ex.entropy_vs_temperature(energy, [1.0, 0.0])
    with pytest.raises(ValueError, match="non-empty"):
        ex.entropy_vs_temperature(energy, [])
    with pytest.raises(ValueError, match="allowed entry"):
        ex.entropy_vs_temperature(energy, [1.0], mask=torch.tensor([False, False]))
    q, k, _ = random_qkv(4, 2, seed=91)
    jt = torch.tensor(reference_couplings(q.numpy(), k.numpy()))
    with pytest.raises(ValueError, match="coupling"):
        ex.effective_weights(jt, 1.0)
    with pytest.raises(ValueError, match="non-negative"):
        ex.effective_weights(-jt, 0.5)
