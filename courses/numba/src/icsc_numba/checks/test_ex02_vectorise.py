"""Public checks for exercise 2 (NumPy vectorisation)."""

import math

import numpy as np
import pytest


def test_pairwise_distances_match_a_double_loop(exercise):
    ex = exercise("ex02_vectorise")
    rng = np.random.default_rng(2)
    a, b = rng.normal(size=(5, 3)), rng.normal(size=(4, 3))
    expected = [[math.dist(p, q) for q in b] for p in a]
    # Different summation orders round differently: allow a few ulps.
    np.testing.assert_allclose(ex.pairwise_distances(a, b), expected, rtol=1e-12)


@pytest.mark.points(2)
def test_softmax_does_not_overflow(exercise):
    ex = exercise("ex02_vectorise")
    out = ex.softmax(np.array([[1000.0, 1000.0], [1000.0, 0.0]]))
    # exp(-1000) underflows to 0 in float64, so the second row is exactly [1, 0].
    np.testing.assert_allclose(out, [[0.5, 0.5], [1.0, 0.0]], rtol=1e-15, atol=0)


def test_moving_average_matches_convolution(exercise):
    ex = exercise("ex02_vectorise")
    x = np.random.default_rng(3).random(50)
    expected = np.convolve(x, np.ones(7) / 7, mode="valid")
    # A cumulative sum rounds differently from a direct sum; values are O(1).
    np.testing.assert_allclose(ex.moving_average(x, 7), expected, rtol=0, atol=1e-12)


def test_bad_shapes_raise(exercise):
    ex = exercise("ex02_vectorise")
    with pytest.raises(ValueError, match="coordinates"):
        ex.pairwise_distances(np.zeros((2, 3)), np.zeros((2, 2)))
