"""Public checks for exercise 5: entropy of attention weights.

References: closed forms — log n for a uniform row, 0 for a one-hot row, the entropy of a
two-point distribution — and the analytic limits of softmax(-E / T) as T -> 0 and
T -> inf. Tolerances are stated at each assertion.
"""

import math

import numpy as np
import pytest
import torch

from icsc_ising_attention.problems import random_qkv


def test_entropy_of_simple_distributions(exercise):
    ex = exercise("ex05_entropy")
    weights = torch.tensor(
        [[0.25, 0.25, 0.25, 0.25], [0.0, 1.0, 0.0, 0.0], [0.25, 0.75, 0.0, 0.0]],
        dtype=torch.float64,
    )
    got = ex.weight_entropy(weights).numpy()
    two_point = -(0.25 * math.log(0.25) + 0.75 * math.log(0.75))
    np.testing.assert_allclose(got, [math.log(4), 0.0, two_point], rtol=0, atol=1e-15)


@pytest.mark.points(2)
def test_entropy_rises_with_temperature_from_zero_to_log_n(exercise):
    ex = exercise("ex05_entropy")
    q, k, _ = random_qkv(6, 4, n_keys=8, seed=80)
    energy = -(q @ k.T) / 2.0
    temperatures = np.geomspace(1e-4, 1e6, 21)
    curve = ex.entropy_vs_temperature(energy, temperatures)
    assert isinstance(curve, np.ndarray)
    assert curve.shape == (21,)
    # dS/dT = Var(E) / T^3 >= 0: non-decreasing (1e-12 allows for rounding).
    assert np.all(np.diff(curve) >= -1e-12)
    # T = 1e6: S = log n - Var(E) / (2 T^2) + ... , within 1e-9 of log 8 for |E| < 10.
    assert curve[-1] == pytest.approx(math.log(8), abs=1e-9)
    # T = 1e-4: the two lowest energies of a row differ by far more than T (seeded data),
    # so all weight sits on one key.
    assert curve[0] == pytest.approx(0.0, abs=1e-9)
