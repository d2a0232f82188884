"""Hidden tests for exercise 4: measured counts, memory estimates, GPU peaks, errors.

No wall-clock assertions: operation counts are exact, memory estimates follow their
documented formula, and GPU peaks are compared as ratios between sequence lengths.
"""

import pytest
import torch
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa

from icsc_ising_attention.problems import random_qkv


def test_chunked_attention_with_more_keys_than_queries(exercise):
    ex = exercise("ex04_scaling")
    q, k, v = random_qkv(5, 4, n_keys=9, d_v=2, seed=70)
    got = ex.chunked_attention(q, k, v, chunk_size=2)
    torch.testing.assert_close(got, torch_sdpa(q, k, v), rtol=0, atol=1e-12)
    causal = ex.chunked_attention(q, k, v, chunk_size=2, causal=True)
    torch.testing.assert_close(causal, torch_sdpa(q, k, v, is_causal=True), rtol=0, atol=1e-12)


@pytest.mark.points(2)
def test_measured_counts_grow_quadratically_in_n_and_linearly_in_d(exercise):
    ex = exercise("ex04_scaling")
    ns = [8, 16, 32, 64]
    counts = [ex.count_flops(n, 8, chunk_size=8) for n in ns]
    assert all(isinstance(count, int) for count in counts)
    assert ex.fit_exponent(ns, counts) == pytest.approx(2.0, abs=1e-12)
    ds = [2, 4, 8]
    assert ex.fit_exponent(ds, [ex.count_flops(16, d) for d in ds]) == pytest.approx(1.0, abs=1e-12)


@pytest.mark.points(2)
def test_memory_estimate_formula_and_exponents(exercise):
    ex = exercise("ex04_scaling")
    full = ex.memory_estimate(100, 8)
    assert full == {"inputs": 9600, "output": 3200, "scores": 80000, "total": 92800}
    chunked = ex.memory_estimate(100, 8, chunk_size=10, itemsize=8)
    assert chunked == {"inputs": 19200, "output": 6400, "scores": 16000, "total": 41600}
    # A chunk larger than n is one chunk of n rows.
    assert ex.memory_estimate(5, 2, chunk_size=64)["scores"] == 2 * 5 * 5 * 4
    ns = [64, 128, 256, 512]
    naive = [ex.memory_estimate(n, 16)["scores"] for n in ns]
    blocked = [ex.memory_estimate(n, 16, chunk_size=32)["scores"] for n in ns]
    assert ex.fit_exponent(ns, naive) == pytest.approx(2.0, abs=1e-12)
    assert ex.fit_exponent(ns, blocked) == pytest.approx(1.0, abs=1e-12)


def test_peak_memory_needs_a_cuda_device(exercise):
    ex = exercise("ex04_scaling")
    with pytest.raises(ValueError, match="CUDA"):
        ex.peak_memory_bytes(64, 8, device="cpu")


def test_bad_input_is_rejected(exercise):
    ex = exercise("ex04_scaling")
    q, k, v = random_qkv(4, 3, seed=71)
    with pytest.raises(ValueError, match="chunk_size"):
        ex.chunked_attention(q, k, v, chunk_size=0)
    with pytest.raises(ValueError, match="number of keys"):
        ex.chunked_attention(q, k, v[:2])
    with pytest.raises(ValueError, match="n must be"):
        ex.count_flops(0, 4)
    with pytest.raises(ValueError, match="two distinct"):
        ex.fit_exponent([8], [1.0])
    with pytest.raises(ValueError, match="positive"):
        ex.fit_exponent([8, 16], [1.0, -2.0])


@pytest.mark.gpu
@pytest.mark.points(2)
def test_gpu_peak_memory_quadratic_for_full_linear_for_chunked(exercise):
    ex = exercise("ex04_scaling")
    assert ex.count_flops(256, 16, device="cuda") == 4 * 256 * 256 * 16
    small, large = 2048, 4096
    full = [ex.peak_memory_bytes(n, 64) for n in (small, large)]
    chunked = [ex.peak_memory_bytes(n, 64, chunk_size=256) for n in (small, large)]
    # Full attention: scores and weights are n x n float32 (16 MiB each at n = 2048), so
    # doubling n multiplies the peak by ~4; allocator rounding (<= 2 MiB per block) and
    # the O(n d) output keep it between 3 and 5. Chunked: blocks of 256 x n, peak ~2x.
    assert 3.0 < full[1] / full[0] < 5.0
    assert 1.5 < chunked[1] / chunked[0] < 2.7
    assert chunked[1] < full[1] / 4
