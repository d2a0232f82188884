"""Public checks for exercise 1: attention from scratch equals PyTorch's, masks included.

Reference: ``torch.nn.functional.scaled_dot_product_attention``, an independent
implementation. Inputs are float64, so the two agree to rounding: the tolerance
1e-12 is about 4500 float64 epsilons, far above the reordering of a few dozen
additions and far below any real mistake (a wrong scale or mask changes results at 1e-2).
"""

import pytest
import torch
from torch.nn.functional import scaled_dot_product_attention as torch_sdpa

from icsc_ising_attention.problems import random_qkv

TOL = 1e-12


@pytest.mark.points(2)
def test_matches_pytorch_without_mask(exercise):
    ex = exercise("ex01_sdpa")
    # Batch 2, 3 heads, 5 queries, 7 keys, E = 4, Ev = 3: every size different on purpose.
    q, k, v = random_qkv(5, 4, n_keys=7, d_v=3, batch=(2, 3), seed=1)
    out = ex.scaled_dot_product_attention(q, k, v)
    assert tuple(out.shape) == (2, 3, 5, 3)
    torch.testing.assert_close(out, torch_sdpa(q, k, v), rtol=0, atol=TOL)


@pytest.mark.points(2)
def test_causal_and_boolean_masks_match_pytorch(exercise):
    ex = exercise("ex01_sdpa")
    q, k, v = random_qkv(6, 4, batch=(2,), seed=2)
    causal = ex.scaled_dot_product_attention(q, k, v, causal=True)
    torch.testing.assert_close(causal, torch_sdpa(q, k, v, is_causal=True), rtol=0, atol=TOL)
    mask = torch.rand(2, 6, 6, generator=torch.Generator().manual_seed(3)) > 0.4
    mask[..., 0] = True  # every query keeps at least one key
    masked = ex.scaled_dot_product_attention(q, k, v, mask=mask)
    torch.testing.assert_close(masked, torch_sdpa(q, k, v, attn_mask=mask), rtol=0, atol=TOL)


def test_weights_are_distributions_and_respect_the_mask(exercise):
    ex = exercise("ex01_sdpa")
    q, k, _ = random_qkv(4, 3, n_keys=5, seed=4)
    mask = torch.tensor([[True, False, True, False, True]] * 4)
    weights = ex.attention_weights(q, k, mask=mask)
    assert tuple(weights.shape) == (4, 5)
    torch.testing.assert_close(weights.sum(dim=-1), torch.ones(4, dtype=torch.float64))
    assert bool((weights[:, ~mask[0]] == 0).all())


def test_bad_shapes_raise_value_error(exercise):
    ex = exercise("ex01_sdpa")
    q, k, v = random_qkv(4, 3, seed=5)
    with pytest.raises(ValueError, match="feature size"):
        ex.scaled_dot_product_attention(q, k[:, :2], v)
    with pytest.raises(ValueError, match="number of keys"):
        ex.scaled_dot_product_attention(q, k, v[:3])
