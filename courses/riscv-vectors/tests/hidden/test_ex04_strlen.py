"""Hidden tests for exercise 4: the spec's strlen loop as reference."""

import numpy as np
import pytest


@pytest.mark.points(2)
@pytest.mark.parametrize("vlen", [128, 512])
def test_strlen_equals_the_spec_loop(exercise, spec, machine, rng, vlen):
    ex = exercise("ex04_strlen")
    for length in (0, 126, 127, 128, 511, 512, 513, 2000):
        data = rng.integers(1, 256, length, dtype=np.uint8).tobytes()
        result, counts = ex.strlen(data, vlen, **machine)
        expected, spec_counts = spec.strlen(data, vlen, **machine)
        assert result == expected == length
        assert counts == spec_counts, f"length={length}"


def test_strlen_finds_the_first_of_several_zeros(exercise, rng):
    ex = exercise("ex04_strlen")
    for position in (0, 1, 200, 1000):
        data = bytearray(rng.integers(1, 256, 1200, dtype=np.uint8).tobytes())
        data[position] = 0
        data[position + 3] = 0
        assert ex.strlen(bytes(data), 256)[0] == position
