"""Public checks for exercise 4: chunked attention, operation counts, exponents.

References: PyTorch's ``scaled_dot_product_attention`` for the values (float64, 1e-12:
rounding only), and the analytic count of two matrix products, 2 n^2 d operations each
(a multiply-add counts 2, the convention of ``FlopCounterMode``).
"""

import numpy as np
import pytest
import torch
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa

from icsc_ising_attention.problems import random_qkv


@pytest.mark.parametrize("chunk_size", [1, 3, 16])
def test_chunked_attention_equals_full_attention(exercise, chunk_size):
    ex = exercise("ex04_scaling")
    q, k, v = random_qkv(10, 4, seed=60)
    got = ex.chunked_attention(q, k, v, chunk_size=chunk_size, causal=True)
    torch.testing.assert_close(got, torch_sdpa(q, k, v, is_causal=True), rtol=0, atol=1e-12)


@pytest.mark.points(2)
def test_flop_count_is_four_n_squared_d(exercise):
    ex = exercise("ex04_scaling")
    for n, d in ((8, 4), (32, 8)):
        assert ex.count_flops(n, d) == 4 * n * n * d
        # Chunking changes memory, not work.
        assert ex.count_flops(n, d, chunk_size=5) == 4 * n * n * d


def test_fit_exponent_of_exact_power_laws(exercise):
    ex = exercise("ex04_scaling")
    ns = np.array([16, 32, 64, 128])
    assert ex.fit_exponent(ns, 3.0 * ns**2.0) == pytest.approx(2.0, abs=1e-12)
    assert ex.fit_exponent(list(ns), list(7.0 * ns)) == pytest.approx(1.0, abs=1e-12)
