"""The course library: argument checks, seeded inputs, masks and the spin models."""

import itertools
import math

import numpy as np
import pytest
import torch

from icsc_ising_attention.problems import band_mask, clustered_tokens, padding_mask, random_qkv
from icsc_ising_attention.spin_models import (
    curie_weiss_magnetisation,
    fully_connected_ising,
    hopfield_retrieve,
    token_flow,
)
from icsc_ising_attention.tensors import (
    bool_mask,
    float_tensor,
    positive_int,
    real_number,
    square_symmetric,
)


@pytest.fixture(autouse=True, scope="module")
def single_threaded_torch():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


# -- tensors ---------------------------------------------------------------------------------
def test_checks_accept_good_values():
    x = torch.ones(2, 3)
    assert float_tensor("x", x, ndim=2) is x
    assert bool_mask("m", torch.ones(2, dtype=torch.bool)).dtype == torch.bool
    assert real_number("t", np.float64(0.5), minimum=0.0) == 0.5
    assert real_number("t", math.inf, allow_inf=True) == math.inf
    assert positive_int("n", np.int64(3)) == 3
    assert square_symmetric("j", torch.eye(3)) is not None


def test_checks_reject_bad_values_with_one_sentence():
    with pytest.raises(TypeError, match=r"x must be a torch\.Tensor, got list"):
        float_tensor("x", [1.0])
    with pytest.raises(TypeError, match="floating-point"):
        float_tensor("x", torch.ones(2, dtype=torch.int64))
    with pytest.raises(ValueError, match="at least 2 dimensions"):
        float_tensor("x", torch.ones(2), min_ndim=2)
    with pytest.raises(TypeError, match="boolean"):
        bool_mask("m", torch.ones(2))
    with pytest.raises(TypeError, match="real number"):
        real_number("t", True)
    with pytest.raises(ValueError, match="finite"):
        real_number("t", math.nan)
    with pytest.raises(ValueError, match=r"> 0\.0"):
        real_number("t", 0.0, minimum=0.0, strict=True)
    with pytest.raises(ValueError, match=">= 1"):
        positive_int("n", 0)
    with pytest.raises(ValueError, match="square"):
        square_symmetric("j", torch.ones(2, 3))
    with pytest.raises(ValueError, match="symmetric"):
        square_symmetric("j", torch.tensor([[0.0, 1.0], [0.0, 0.0]]))


def test_symmetry_check_allows_rounding_only():
    a = torch.randn(5, 5, generator=torch.Generator().manual_seed(0), dtype=torch.float32)
    product = a @ a.T  # symmetric up to float32 rounding
    assert square_symmetric("j", product) is product
    with pytest.raises(ValueError, match="symmetric"):
        square_symmetric("j", product + 1e-3 * torch.triu(torch.ones(5, 5), 1))


# -- problems --------------------------------------------------------------------------------
def test_random_qkv_shapes_and_reproducibility():
    q, k, v = random_qkv(3, 4, n_keys=5, d_v=2, batch=(2,), seed=7, dtype=torch.float32)
    assert (q.shape, k.shape, v.shape) == ((2, 3, 4), (2, 5, 4), (2, 5, 2))
    assert q.dtype == torch.float32
    again = random_qkv(3, 4, n_keys=5, d_v=2, batch=(2,), seed=7, dtype=torch.float32)
    assert all(torch.equal(a, b) for a, b in zip((q, k, v), again, strict=True))
    assert not torch.equal(q, random_qkv(3, 4, n_keys=5, d_v=2, batch=(2,), seed=8)[0].float())


def test_masks():
    band = band_mask(5, 1)
    assert torch.equal(band, band.T)
    assert int(band.sum()) == 5 + 2 * 4
    assert bool(band_mask(4, 0).equal(torch.eye(4, dtype=torch.bool)))
    padding = padding_mask([3, 1], 4)
    assert padding.shape == (2, 1, 4)
    assert padding[:, 0].tolist() == [[True, True, True, False], [True, False, False, False]]
    with pytest.raises(ValueError, match="exceeds"):
        padding_mask([5], 4)


def test_clustered_tokens_are_unit_vectors_grouped_by_label():
    tokens, labels = clustered_tokens(3, 4, 8, spread=0.05, seed=1)
    assert tokens.shape == (12, 8)
    np.testing.assert_allclose(tokens.norm(dim=1).numpy(), np.ones(12), atol=1e-12)
    assert labels.tolist() == [0] * 4 + [1] * 4 + [2] * 4
    similarity = (tokens @ tokens.T).numpy()
    same = labels[:, None] == labels[None, :]
    assert similarity[same.numpy()].min() > similarity[~same.numpy()].max()


# -- spin models -----------------------------------------------------------------------------
def test_curie_weiss_mean_field():
    assert curie_weiss_magnetisation(1.5) == 0.0
    assert curie_weiss_magnetisation(0.0) == 1.0
    for temperature, field in ((0.5, 0.0), (0.9, 0.0), (1.5, 0.2)):
        m = curie_weiss_magnetisation(temperature, field)
        assert m > 0
        assert m == pytest.approx(math.tanh((m + field) / temperature), abs=1e-12)
    assert curie_weiss_magnetisation(1.5, -0.2) == -curie_weiss_magnetisation(1.5, 0.2)
    # Close to T_c: m^2 ~ 3 (1 - T) (expansion of tanh to third order).
    assert curie_weiss_magnetisation(0.999) ** 2 == pytest.approx(3 * 0.001, rel=0.01)


def test_fully_connected_ising_matches_brute_force_enumeration():
    n, temperature, coupling, field = 6, 0.8, 1.3, 0.1
    states = np.array(list(itertools.product([-1, 1], repeat=n)))
    total = states.sum(axis=1)
    energy = -(coupling / (2 * n)) * total**2 - field * total
    weights = np.exp(-energy / temperature)
    z = weights.sum()
    exact = fully_connected_ising(n, temperature, coupling, field)
    assert exact["free_energy"] == pytest.approx(-temperature * math.log(z) / n, rel=1e-12)
    assert exact["magnetisation"] == pytest.approx((weights * total).sum() / z / n, rel=1e-12)
    assert exact["abs_magnetisation"] == pytest.approx(
        (weights * abs(total)).sum() / z / n, rel=1e-12
    )
    assert exact["energy"] == pytest.approx((weights * energy).sum() / z / n, rel=1e-12)


def test_mean_field_becomes_exact_for_many_spins():
    # Below T_c the exact <|m|> of N = 4096 spins is within ~1/sqrt(N) of mean field.
    exact = fully_connected_ising(4096, 0.7)["abs_magnetisation"]
    assert exact == pytest.approx(curie_weiss_magnetisation(0.7), abs=0.02)


def test_hopfield_retrieval_and_global_average():
    generator = torch.Generator().manual_seed(3)
    patterns = torch.randn(5, 16, generator=generator, dtype=torch.float64)
    noisy = patterns[2] + 0.3 * torch.randn(16, generator=generator, dtype=torch.float64)
    retrieved = hopfield_retrieve(patterns, noisy, beta=2.0, n_steps=5)
    torch.testing.assert_close(retrieved, patterns[2], atol=1e-6, rtol=0)
    # beta = 0: every update returns the mean of all patterns (the global fixed point).
    average = hopfield_retrieve(patterns, noisy, beta=0.0, n_steps=1)
    torch.testing.assert_close(average, patterns.mean(dim=0), atol=1e-12, rtol=0)


def test_token_flow_stays_on_the_sphere_and_clusters():
    angles = torch.linspace(0, 1.0, 8, dtype=torch.float64)
    tokens = torch.stack([torch.cos(angles), torch.sin(angles)], dim=1)
    trajectory = token_flow(tokens, beta=1.0, step=0.2, n_steps=200)
    assert trajectory.shape == (201, 8, 2)
    np.testing.assert_allclose(trajectory.norm(dim=2).numpy(), 1.0, atol=1e-12)
    spread = [float((x @ x.T).min()) for x in (trajectory[0], trajectory[-1])]
    assert spread[1] > spread[0]
    assert spread[1] > 1 - 1e-6  # one cluster: all pairwise cosines ~ 1
