"""Hidden tests for exercise 3: the spec's memcpy loop as reference."""

import numpy as np
import pytest


@pytest.mark.parametrize("vlen", [128, 1024])
def test_memcpy_equals_the_spec_loop(exercise, spec, machine, rng, vlen):
    ex = exercise("ex03_memcpy")
    for n in (1, 127, 128, 129, 3000):
        data = rng.integers(0, 256, n, dtype=np.uint8).tobytes()
        copy, counts = ex.memcpy(data, vlen, **machine)
        expected, spec_counts = spec.memcpy(data, vlen, **machine)
        assert copy == data == expected, f"n={n}"
        assert counts == spec_counts, f"n={n}"


def test_memcpy_accepts_bytearray_and_zero_bytes(exercise):
    ex = exercise("ex03_memcpy")
    data = bytearray(b"\0\0abc\0" * 50)
    assert ex.memcpy(data, 128)[0] == bytes(data)
