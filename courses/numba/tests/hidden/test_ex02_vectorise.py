"""Hidden tests for exercise 2 (NumPy vectorisation)."""

import math

import numpy as np
import pytest


def distances_by_loops(a, b):
    return np.array([[math.dist(p, q) for q in b] for p in a], dtype=np.float64).reshape(
        len(a), len(b)
    )


def softmax_by_loops(row):
    """Reference for moderate inputs: math.exp on each value, math.fsum for the sum."""
    weights = [math.exp(v) for v in row]
    total = math.fsum(weights)
    return [w / total for w in weights]


@pytest.mark.points(2)
@pytest.mark.parametrize(("n", "m", "d"), [(7, 9, 3), (1, 4, 1), (6, 6, 10)])
def test_pairwise_distances_against_loops(exercise, n, m, d):
    ex = exercise("ex02_vectorise")
    rng = np.random.default_rng(n * 100 + m * 10 + d)
    a, b = rng.normal(scale=5.0, size=(n, d)), rng.normal(size=(m, d))
    out = ex.pairwise_distances(a, b)
    assert out.shape == (n, m)
    assert out.dtype == np.float64
    # Few-ulp differences from summation order; rtol 1e-12 is ~4000 ulps.
    np.testing.assert_allclose(out, distances_by_loops(a, b), rtol=1e-12, atol=1e-12)


def test_distance_of_a_set_to_itself(exercise):
    ex = exercise("ex02_vectorise")
    a = np.random.default_rng(5).normal(size=(20, 4)) * 1e3
    out = ex.pairwise_distances(a, a)
    assert np.all(out >= 0), (
        "distances are never negative (watch the round-off of |a|^2 + |b|^2 - 2ab)"
    )
    np.testing.assert_allclose(out, out.T, rtol=1e-12)
    # The |a|^2 + |b|^2 - 2ab expansion can leave sqrt(round-off) ~ 1e-5 on the diagonal
    # for coordinates ~1e3; the direct difference gives exactly 0. Allow the former.
    np.testing.assert_allclose(np.diag(out), 0.0, atol=1e-4)


def test_pairwise_distances_accept_integers_and_empty_sets(exercise):
    ex = exercise("ex02_vectorise")
    a = np.array([[0, 0], [3, 4]])
    np.testing.assert_allclose(ex.pairwise_distances(a, a), [[0.0, 5.0], [5.0, 0.0]], atol=1e-12)
    assert ex.pairwise_distances(np.zeros((0, 3)), np.ones((4, 3))).shape == (0, 4)


@pytest.mark.parametrize(
    ("a", "b", "error", "match"),
    [
        (np.zeros(3), np.zeros((2, 3)), ValueError, "2D"),
        (np.zeros((2, 3, 1)), np.zeros((2, 3)), ValueError, "2D"),
        (np.zeros((2, 3)), np.zeros((2, 4)), ValueError, "coordinates"),
        (np.array([["a", "b"]]), np.zeros((1, 2)), TypeError, "real numbers"),
        (np.zeros((2, 2), dtype=complex), np.zeros((1, 2)), TypeError, "real numbers"),
    ],
)
def test_pairwise_distances_bad_input(exercise, a, b, error, match):
    ex = exercise("ex02_vectorise")
    with pytest.raises(error, match=match):
        ex.pairwise_distances(a, b)


@pytest.mark.points(2)
def test_softmax_matches_loops_for_moderate_inputs(exercise):
    ex = exercise("ex02_vectorise")
    x = np.random.default_rng(8).normal(scale=3.0, size=(5, 7))
    expected = [softmax_by_loops(row) for row in x]
    np.testing.assert_allclose(ex.softmax(x), expected, rtol=1e-13)
    np.testing.assert_allclose(
        ex.softmax(x, axis=0), np.array([softmax_by_loops(c) for c in x.T]).T, rtol=1e-13
    )


@pytest.mark.points(2)
def test_softmax_is_stable_at_the_edges_of_float64(exercise):
    ex = exercise("ex02_vectorise")
    x = np.array([1e300, 1e300 - 1e285, -1e300, 0.0])
    out = ex.softmax(x)
    assert np.all(np.isfinite(out))
    # 1e300 and 1e300 - 1e285 differ by ~1e285: exp of the difference is 0 in float64.
    np.testing.assert_array_equal(out, [1.0, 0.0, 0.0, 0.0])
    shifted = np.array([710.0, 711.0, 712.0])  # exp(710) alone overflows float64
    np.testing.assert_allclose(ex.softmax(shifted), softmax_by_loops([0.0, 1.0, 2.0]), rtol=1e-13)


def test_softmax_keeps_shape_and_sums_to_one(exercise):
    ex = exercise("ex02_vectorise")
    x = np.arange(24, dtype=np.int64).reshape(2, 3, 4)
    out = ex.softmax(x, axis=1)
    assert out.shape == x.shape
    assert out.dtype == np.float64
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-14)
    np.testing.assert_allclose(ex.softmax(np.array([5.0])), [1.0])


@pytest.mark.parametrize(
    ("x", "axis", "error", "match"),
    [
        (np.array([1.0, np.nan]), -1, ValueError, "NaN"),
        (np.array([1.0, np.inf]), -1, ValueError, "NaN"),
        (np.zeros((3, 0)), -1, ValueError, "empty"),
        (np.float64(1.0), -1, ValueError, "dimension"),
        (np.zeros((2, 2)), 2, ValueError, "out of range"),
        (np.zeros((2, 2)), 1.0, TypeError, "axis"),
        (np.array([1 + 2j]), -1, TypeError, "real numbers"),
        (np.array([True, False]), -1, TypeError, "real numbers"),
    ],
)
def test_softmax_bad_input(exercise, x, axis, error, match):
    ex = exercise("ex02_vectorise")
    with pytest.raises(error, match=match):
        ex.softmax(x, axis=axis)


@pytest.mark.points(2)
@pytest.mark.parametrize("window", [1, 2, 5, 99, 100])
def test_moving_average_against_convolution(exercise, window):
    ex = exercise("ex02_vectorise")
    x = np.random.default_rng(window).random(100)
    out = ex.moving_average(x, window)
    assert out.shape == (100 - window + 1,)
    expected = np.convolve(x, np.ones(window) / window, mode="valid")
    # Values in [0, 1), sums of at most 100 terms: round-off stays far below 1e-12.
    np.testing.assert_allclose(out, expected, rtol=0, atol=1e-12)


def test_moving_average_of_integers_by_hand(exercise):
    ex = exercise("ex02_vectorise")
    np.testing.assert_allclose(
        ex.moving_average([1, 2, 3, 4, 5], 2), [1.5, 2.5, 3.5, 4.5], atol=1e-15
    )
    np.testing.assert_allclose(ex.moving_average(np.array([4, 8, 6]), 3), [6.0], atol=1e-15)


@pytest.mark.parametrize(
    ("x", "window", "error", "match"),
    [
        (np.arange(5.0), 0, ValueError, "window"),
        (np.arange(5.0), 6, ValueError, "window"),
        (np.arange(5.0), -2, ValueError, "window"),
        (np.arange(5.0), 2.0, TypeError, "window"),
        (np.arange(5.0), True, TypeError, "window"),
        (np.ones((2, 3)), 2, ValueError, "1D"),
        (np.array(["a", "b", "c"]), 2, TypeError, "real numbers"),
    ],
)
def test_moving_average_bad_input(exercise, x, window, error, match):
    ex = exercise("ex02_vectorise")
    with pytest.raises(error, match=match):
        ex.moving_average(x, window)
