"""Public checks for exercise 5 (masked conditional, the spec's conditional example)."""

import numpy as np
import pytest

from icsc_riscv_vectors.checks.conftest import (
    EDGES,
    SPEC_MIX,
    VLENS,
    assert_spec_mix,
    edge_length,
    spec_strips,
    vlmax,
)


def _inputs(rng, n):
    x = rng.integers(-128, 128, n).astype(np.int8)
    a = rng.integers(-(2**15), 2**15, n).astype(np.int16)
    b = rng.integers(-(2**15), 2**15, n).astype(np.int16)
    return x, a, b


@pytest.mark.parametrize("edge", EDGES)
def test_conditional_for_every_vlen_matches_numpy_where(exercise, rng, edge):
    ex = exercise("ex05_conditional")
    for vlen in VLENS:
        n = edge_length(edge, vlmax(vlen, 8, 1))
        where = f"VLEN={vlen}, n={n}"
        x, a, b = _inputs(rng, n)
        z, counts = ex.conditional(x, a, b, vlen)
        z = np.asarray(z)
        assert z.dtype == np.int16, where
        assert np.array_equal(z, np.where(x < 5, a, b)), where
        assert_spec_mix(
            counts, SPEC_MIX["conditional"], spec_strips(n, vlmax(vlen, 8, 1)), where + ": "
        )


def test_conditional_on_a_simple_in_order_machine_too(exercise, rng):
    ex = exercise("ex05_conditional")
    x, a, b = _inputs(rng, 300)
    z, _ = ex.conditional(x, a, b, 256, agnostic="undisturbed")
    assert np.array_equal(np.asarray(z), np.where(x < 5, a, b))


def test_conditional_rejects_bad_input(exercise):
    ex = exercise("ex05_conditional")
    with pytest.raises(TypeError, match="int8"):
        ex.conditional(np.zeros(3, np.int32), np.zeros(3, np.int16), np.zeros(3, np.int16), 128)
    with pytest.raises(ValueError, match="same length"):
        ex.conditional(np.zeros(3, np.int8), np.zeros(2, np.int16), np.zeros(3, np.int16), 128)
