"""Hidden tests for exercise 1: scale, stability, padding, alignment, errors, GPU.

Reference: ``torch.nn.functional.scaled_dot_product_attention`` (independent). Tolerances:
1e-12 in float64 (see the public checks); in float32, 1e-5 absolute on outputs of order 1
(about 80 float32 epsilons: different summation orders, never a real error).
"""

import math

import pytest
import torch
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa

from icsc_ising_attention.problems import padding_mask, random_qkv

TOL = 1e-12


def test_explicit_scale_is_used(exercise):
    ex = exercise("ex01_sdpa")
    q, k, v = random_qkv(5, 4, seed=10)
    out = ex.scaled_dot_product_attention(q, k, v, scale=0.3)
    torch.testing.assert_close(out, torch_sdpa(q, k, v, scale=0.3), rtol=0, atol=TOL)


@pytest.mark.points(2)
def test_large_logits_do_not_overflow(exercise):
    ex = exercise("ex01_sdpa")
    q, k, v = random_qkv(6, 4, seed=11, dtype=torch.float32)
    # Logits of order 1e3 to 1e4: exp() of them overflows float32 (max about 88.7 in the
    # exponent) unless the row maximum is subtracted first.
    q = q * 1e3
    out = ex.scaled_dot_product_attention(q, k, v)
    assert bool(torch.isfinite(out).all())
    reference = torch_sdpa(q.double(), k.double(), v.double()).float()
    torch.testing.assert_close(out, reference, rtol=0, atol=1e-5)


def test_float32_matches_pytorch(exercise):
    ex = exercise("ex01_sdpa")
    q, k, v = random_qkv(8, 16, batch=(3,), seed=12, dtype=torch.float32)
    out = ex.scaled_dot_product_attention(q, k, v, causal=True)
    assert out.dtype == torch.float32
    torch.testing.assert_close(out, torch_sdpa(q, k, v, is_causal=True), rtol=0, atol=1e-5)


@pytest.mark.points(2)
def test_padding_mask_broadcasts_over_heads_and_queries(exercise):
    ex = exercise("ex01_sdpa")
    # Two sequences padded to 6 tokens, lengths 6 and 3; mask (2, 1, 6) -> (2, 1, 1, 6)
    # broadcasts over 2 heads and 6 queries.
    q, k, v = random_qkv(6, 4, batch=(2, 2), seed=13)
    mask = padding_mask([6, 3], 6)[:, None]
    out = ex.scaled_dot_product_attention(q, k, v, mask=mask)
    torch.testing.assert_close(out, torch_sdpa(q, k, v, attn_mask=mask), rtol=0, atol=TOL)
    weights = ex.attention_weights(q, k, mask=mask)
    assert bool((weights[1, :, :, 3:] == 0).all())


@pytest.mark.parametrize(("n_queries", "n_keys"), [(7, 4), (3, 6)])
def test_causal_mask_is_top_left_aligned(exercise, n_queries, n_keys):
    ex = exercise("ex01_sdpa")
    q, k, v = random_qkv(n_queries, 4, n_keys=n_keys, seed=14)
    out = ex.scaled_dot_product_attention(q, k, v, causal=True)
    torch.testing.assert_close(out, torch_sdpa(q, k, v, is_causal=True), rtol=0, atol=TOL)


def test_one_key_gets_all_the_weight(exercise):
    ex = exercise("ex01_sdpa")
    q, k, v = random_qkv(3, 2, n_keys=1, seed=15)
    # A single key: softmax of one number is 1, so every output row is that value.
    out = ex.scaled_dot_product_attention(q, k, v)
    torch.testing.assert_close(out, v.expand(3, 2), rtol=0, atol=TOL)


def test_bad_input_is_rejected(exercise):
    ex = exercise("ex01_sdpa")
    q, k, v = random_qkv(4, 3, batch=(2,), seed=16)
    with pytest.raises(ValueError, match="no key"):
        ex.scaled_dot_product_attention(q, k, v, mask=torch.zeros(4, 4, dtype=torch.bool))
    with pytest.raises(ValueError, match="not both"):
        ex.scaled_dot_product_attention(
            q, k, v, mask=torch.ones(4, 4, dtype=torch.bool), causal=True
        )
    with pytest.raises(ValueError, match="broadcast"):
        ex.scaled_dot_product_attention(q, k, v, mask=torch.ones(3, 4, dtype=torch.bool))
    with pytest.raises(ValueError, match="broadcast"):
        ex.scaled_dot_product_attention(q, k[None].expand(3, 2, 4, 3)[:, 0], v)
    with pytest.raises(ValueError, match="dimensions"):
        ex.scaled_dot_product_attention(q[0, 0], k[0, 0], v[0, 0])
    with pytest.raises(ValueError, match="scale"):
        ex.scaled_dot_product_attention(q, k, v, scale=math.nan)
    with pytest.raises(TypeError, match="boolean"):
        ex.scaled_dot_product_attention(q, k, v, mask=torch.ones(4, 4))
    with pytest.raises(TypeError, match="floating-point"):
        ex.scaled_dot_product_attention(q.long(), k, v)
    with pytest.raises(TypeError, match=r"torch\.Tensor"):
        ex.attention_weights(q.tolist(), k)


@pytest.mark.gpu
def test_runs_on_the_gpu(exercise):
    ex = exercise("ex01_sdpa")
    q, k, v = random_qkv(64, 16, batch=(2, 4), seed=17, device="cuda")
    out = ex.scaled_dot_product_attention(q, k, v, causal=True)
    assert out.device.type == "cuda"
    reference = torch_sdpa(q.cpu(), k.cpu(), v.cpu(), is_causal=True)
    # float64 on the GPU: sums in another order than on the CPU, still ~1e-15.
    torch.testing.assert_close(out.cpu(), reference, rtol=0, atol=1e-10)
