"""Public checks for exercise 2: attention weights as Boltzmann weights, and their limits.

References: the energy formula evaluated with NumPy, ``torch.softmax`` for T = 1, and the
analytic limits T -> 0 (all weight on the ground state) and T -> inf (uniform).
Tolerance 1e-12 in float64 (rounding only).
"""

import math

import numpy as np
import pytest
import torch

from icsc_ising_attention.problems import random_qkv

TOL = 1e-12


def test_energy_is_minus_scaled_dot_product(exercise):
    ex = exercise("ex02_boltzmann")
    q, k, _ = random_qkv(3, 4, n_keys=5, seed=20)
    energy = ex.attention_energy(q, k)
    expected = -(q.numpy() @ k.numpy().T) / math.sqrt(4)
    np.testing.assert_allclose(energy.numpy(), expected, rtol=0, atol=TOL)


@pytest.mark.points(2)
def test_unit_temperature_gives_softmax_attention(exercise):
    ex = exercise("ex02_boltzmann")
    q, k, _ = random_qkv(4, 8, n_keys=6, batch=(2,), seed=21)
    weights = ex.boltzmann_weights(ex.attention_energy(q, k), 1.0)
    expected = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(8), dim=-1)
    torch.testing.assert_close(weights, expected, rtol=0, atol=TOL)


@pytest.mark.points(2)
def test_zero_and_infinite_temperature_limits(exercise):
    ex = exercise("ex02_boltzmann")
    energy = torch.tensor([[0.3, -1.2, 0.8, 0.1], [2.0, 1.0, -0.5, -0.4]], dtype=torch.float64)
    frozen = ex.boltzmann_weights(energy, 0.0)
    expected = np.zeros((2, 4))
    expected[0, 1] = expected[1, 2] = 1.0  # the lowest energy of each row
    np.testing.assert_array_equal(frozen.numpy(), expected)
    hot = ex.boltzmann_weights(energy, math.inf)
    np.testing.assert_allclose(hot.numpy(), np.full((2, 4), 0.25), rtol=0, atol=TOL)
