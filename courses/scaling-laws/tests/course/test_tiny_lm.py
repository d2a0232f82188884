"""The Markov source: stationary distribution, entropy and exact cross-entropy."""

import numpy as np
import pytest

from icsc_scaling_laws.tiny_lm import MarkovSource, count_parameters, make_model


@pytest.fixture(scope="module")
def source():
    return MarkovSource(vocab_size=4, context_length=2, seed=3)


def test_stationary_distribution_is_stationary(source):
    contexts = np.arange(source.n_contexts)
    moved = np.zeros(source.n_contexts)
    for token in range(source.vocab_size):
        np.add.at(
            moved,
            source.next_context(contexts, token),
            source.stationary * source.transition[:, token],
        )
    np.testing.assert_allclose(moved, source.stationary, atol=1e-12)
    assert source.stationary.min() > 0


def test_cross_entropy_of_the_truth_is_the_entropy(source):
    assert source.cross_entropy(np.log(source.transition)) == pytest.approx(
        source.entropy, rel=1e-12
    )
    uniform = np.full(source.transition.shape, -np.log(source.vocab_size))
    assert source.cross_entropy(uniform) == pytest.approx(np.log(source.vocab_size), rel=1e-12)
    assert source.entropy < np.log(source.vocab_size)


def test_samples_follow_the_chain(source):
    contexts, tokens = source.sample(20_000, seed=1)
    # Consecutive pairs are consistent with the context update rule.
    np.testing.assert_array_equal(contexts[1:], source.next_context(contexts[:-1], tokens[:-1]))
    # Context frequencies converge to the stationary distribution (20k draws, a few 1e-3).
    freq = np.bincount(contexts, minlength=source.n_contexts) / contexts.size
    np.testing.assert_allclose(freq, source.stationary, atol=0.01)


def test_context_tokens_spell_the_index(source):
    tokens = source.context_tokens()
    assert tokens.shape == (16, 2)
    np.testing.assert_array_equal(tokens[:, 0] * 4 + tokens[:, 1], np.arange(16))


def test_bad_log_probs_are_rejected(source):
    with pytest.raises(ValueError, match="shape"):
        source.cross_entropy(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="normalised"):
        source.cross_entropy(np.zeros(source.transition.shape))
    with pytest.raises(ValueError, match="n_tokens"):
        source.sample(0)


def test_model_parameter_count():
    model = make_model(5, vocab_size=8, context_length=2)
    assert count_parameters(model) == 8 * 5 + 2 * 5 * 5 + 5 + 5 * 8 + 8
    with pytest.raises(ValueError, match="width"):
        make_model(0)
