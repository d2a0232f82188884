"""Hidden tests for exercise 2: temperature vs scale, limits, free energy, errors.

Independent references: closed forms (two-level system, degenerate ground states), the
thermodynamic identities F = U - T S and dF/dT = -S evaluated with NumPy, and
``torch.softmax``. Tolerances are stated at each assertion.
"""

import math

import numpy as np
import pytest
import torch

from icsc_ising_attention.problems import random_qkv


def test_temperature_and_scale_are_the_same_knob(exercise):
    ex = exercise("ex02_boltzmann")
    q, k, _ = random_qkv(5, 9, seed=30)
    # softmax(q.k / sqrt(d)) = Boltzmann weights of E = -q.k at T = sqrt(d) = 3.
    unscaled = ex.boltzmann_weights(ex.attention_energy(q, k, scale=1.0), 3.0)
    standard = ex.boltzmann_weights(ex.attention_energy(q, k), 1.0)
    torch.testing.assert_close(unscaled, standard, rtol=0, atol=1e-12)


def test_degenerate_ground_states_share_the_weight(exercise):
    ex = exercise("ex02_boltzmann")
    energy = torch.tensor([[0.0, -1.0, -1.0, 2.0]], dtype=torch.float64)
    weights = ex.boltzmann_weights(energy, 0.0)
    np.testing.assert_array_equal(weights.numpy(), [[0.0, 0.5, 0.5, 0.0]])


@pytest.mark.points(2)
def test_small_and_large_temperatures_approach_the_limits(exercise):
    ex = exercise("ex02_boltzmann")
    # Gaps between the lowest and the other energies are >= 0.5, so at T = 0.01 every
    # excited weight is below exp(-50) ~ 2e-22, and at T = 1e8 every weight differs from
    # 1/4 by less than max|E| / T ~ 2e-8.
    energy = torch.tensor([[0.5, -1.0, 1.5, 0.0]], dtype=torch.float64)
    cold = ex.boltzmann_weights(energy, 0.01)
    np.testing.assert_allclose(cold.numpy(), [[0, 1, 0, 0]], rtol=0, atol=1e-20)
    hot = ex.boltzmann_weights(energy, 1e8)
    np.testing.assert_allclose(hot.numpy(), np.full((1, 4), 0.25), rtol=0, atol=1e-7)


def test_tiny_temperature_does_not_produce_nan(exercise):
    ex = exercise("ex02_boltzmann")
    energy = torch.tensor([[3.0, 1.0, 2.0]], dtype=torch.float64)
    # -E/T overflows for T = 1e-310 unless the row minimum is subtracted first.
    weights = ex.boltzmann_weights(energy, 1e-310)
    np.testing.assert_array_equal(weights.numpy(), [[0.0, 1.0, 0.0]])


def test_masked_entries_get_zero_weight_at_every_temperature(exercise):
    ex = exercise("ex02_boltzmann")
    energy = torch.tensor([[-5.0, 0.0, 1.0, 2.0]], dtype=torch.float64)
    mask = torch.tensor([False, True, True, False])
    for temperature in (0.0, 0.7, math.inf):
        weights = ex.boltzmann_weights(energy, temperature, mask=mask)
        assert float(weights[0, 0]) == 0.0
        assert float(weights[0, 3]) == 0.0
        assert float(weights.sum()) == pytest.approx(1.0, abs=1e-12)
    # T = 0 picks the lowest *allowed* energy (0.0), not the masked -5.0.
    np.testing.assert_array_equal(
        ex.boltzmann_weights(energy, 0.0, mask=mask).numpy(), [[0.0, 1.0, 0.0, 0.0]]
    )


@pytest.mark.points(2)
def test_free_energy_of_a_two_level_system(exercise):
    ex = exercise("ex02_boltzmann")
    gap = 0.8
    energy = torch.tensor([[0.0, gap]], dtype=torch.float64)
    for temperature in (0.1, 0.5, 2.0, 10.0):
        expected = -temperature * math.log1p(math.exp(-gap / temperature))
        got = ex.free_energy(energy, temperature)
        assert tuple(got.shape) == (1,)
        assert float(got[0]) == pytest.approx(expected, rel=1e-12, abs=1e-15)
    # T = 0: the ground-state energy.
    assert float(ex.free_energy(energy + 0.25, 0.0)[0]) == 0.25


@pytest.mark.points(2)
def test_free_energy_obeys_thermodynamic_identities(exercise):
    ex = exercise("ex02_boltzmann")
    q, k, _ = random_qkv(4, 6, n_keys=7, seed=31)
    energy = ex.attention_energy(q, k)
    e = energy.numpy()
    temperature, h = 0.7, 1e-4
    # Weights computed here, with NumPy: p = exp(-E/T) / Z.
    logits = -e / temperature
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    internal = (p * e).sum(axis=1)
    entropy = -(p * np.log(p)).sum(axis=1)
    free = ex.free_energy(energy, temperature).numpy()
    # F = U - T S holds exactly; 1e-12 covers rounding.
    np.testing.assert_allclose(free, internal - temperature * entropy, rtol=0, atol=1e-12)
    # dF/dT = -S; a central difference with h = 1e-4 is accurate to ~h^2 * F''' ~ 1e-8.
    up = ex.free_energy(energy, temperature + h).numpy()
    down = ex.free_energy(energy, temperature - h).numpy()
    np.testing.assert_allclose((up - down) / (2 * h), -entropy, rtol=0, atol=1e-7)


def test_bad_input_is_rejected(exercise):
    ex = exercise("ex02_boltzmann")
    energy = torch.tensor([[0.0, 1.0]], dtype=torch.float64)
    with pytest.raises(ValueError, match="temperature"):
        ex.boltzmann_weights(energy, -1.0)
    with pytest.raises(ValueError, match="temperature"):
        ex.boltzmann_weights(energy, math.nan)
    with pytest.raises(TypeError, match="temperature"):
        ex.boltzmann_weights(energy, "hot")
    with pytest.raises(ValueError, match="temperature"):
        ex.free_energy(energy, math.inf)
    with pytest.raises(ValueError, match="allowed entry"):
        ex.boltzmann_weights(energy, 1.0, mask=torch.tensor([False, False]))
    with pytest.raises(ValueError, match="finite"):
        ex.boltzmann_weights(torch.tensor([[0.0, math.nan]], dtype=torch.float64), 1.0)
    with pytest.raises(ValueError, match="feature size"):
        ex.attention_energy(
            torch.ones(2, 3, dtype=torch.float64), torch.ones(2, 4, dtype=torch.float64)
        )
