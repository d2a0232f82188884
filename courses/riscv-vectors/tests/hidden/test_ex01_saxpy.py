"""Hidden tests for exercise 1: every implementation choice, the spec's loop as reference."""

import numpy as np
import pytest

LENGTHS = (1, 32, 33, 257, 1000)


@pytest.mark.points(2)
@pytest.mark.parametrize("vlen", [128, 512])
def test_saxpy_equals_the_spec_loop_on_every_implementation(exercise, spec, machine, rng, vlen):
    ex = exercise("ex01_saxpy")
    for n in LENGTHS:
        x = rng.standard_normal(n).astype(np.float32)
        y = rng.standard_normal(n).astype(np.float32)
        result, counts = ex.saxpy(0.3, x, y, vlen, **machine)
        expected, spec_counts = spec.saxpy(0.3, x, y, vlen, **machine)
        assert counts == spec_counts, f"n={n}"
        # The spec's loop uses vfmacc.vf; a vfmul + vfadd kernel differs by rounding only.
        exact = np.float64(np.float32(0.3)) * x.astype(np.float64) + y
        bound = 2.0**-22 * (np.abs(0.3 * x) + np.abs(y))
        assert np.all(np.abs(np.asarray(result) - exact) <= bound), f"n={n}"
        assert np.all(np.abs(expected - exact) <= 2.0**-24 * np.abs(exact) + 1e-45), f"n={n}"


def test_saxpy_propagates_infinities_and_nans(exercise):
    ex = exercise("ex01_saxpy")
    x = np.array([np.inf, 1.0, np.nan, 2.0], dtype=np.float32)
    y = np.array([1.0, -np.inf, 0.0, 3.0], dtype=np.float32)
    result = np.asarray(ex.saxpy(2.0, x, y, 128)[0])
    assert result[0] == np.inf
    assert result[1] == -np.inf
    assert np.isnan(result[2])
    assert result[3] == 7.0


def test_saxpy_with_a_zero_scale_returns_y(exercise, rng):
    ex = exercise("ex01_saxpy")
    x = rng.standard_normal(70).astype(np.float32)
    y = rng.standard_normal(70).astype(np.float32)
    assert np.array_equal(np.asarray(ex.saxpy(0.0, x, y, 256)[0]), y)


def test_saxpy_accepts_lists_and_float64(exercise):
    ex = exercise("ex01_saxpy")
    result, counts = ex.saxpy(2, [1.0, 2.0, 3.0], np.array([1.0, 1.0, 1.0]), 128)
    assert np.asarray(result).dtype == np.float32
    assert np.array_equal(np.asarray(result), np.array([3.0, 5.0, 7.0], dtype=np.float32))
    assert counts["vfmacc.vf"] == 1
