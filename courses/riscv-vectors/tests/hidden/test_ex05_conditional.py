"""Hidden tests for exercise 5: the spec's conditional loop, mask policy traps."""

import numpy as np
import pytest


@pytest.mark.points(2)
@pytest.mark.parametrize("vlen", [128, 1024])
def test_conditional_equals_the_spec_loop(exercise, spec, machine, rng, vlen):
    ex = exercise("ex05_conditional")
    for n in (1, 15, 16, 17, 129, 700):
        x = rng.integers(-20, 30, n).astype(np.int8)  # about half below 5
        a = rng.integers(-(2**15), 2**15, n).astype(np.int16)
        b = rng.integers(-(2**15), 2**15, n).astype(np.int16)
        z, counts = ex.conditional(x, a, b, vlen, **machine)
        expected, spec_counts = spec.conditional(x, a, b, vlen, **machine)
        assert np.array_equal(np.asarray(z), np.where(x < 5, a, b)), f"n={n}"
        assert np.array_equal(expected, np.where(x < 5, a, b)), f"n={n}"
        assert counts == spec_counts, f"n={n}"


def test_conditional_with_all_or_no_elements_selected(exercise):
    ex = exercise("ex05_conditional")
    for fill in (-128, 4, 5, 127):
        x = np.full(100, fill, dtype=np.int8)
        a = np.arange(100, dtype=np.int16)
        b = -np.arange(100, dtype=np.int16)
        z, _ = ex.conditional(x, a, b, 256)
        assert np.array_equal(np.asarray(z), a if fill < 5 else b), f"x = {fill}"


def test_conditional_of_empty_arrays(exercise):
    ex = exercise("ex05_conditional")
    z, _ = ex.conditional(np.zeros(0, np.int8), np.zeros(0, np.int16), np.zeros(0, np.int16), 128)
    assert np.asarray(z).shape == (0,)
