"""Public checks for exercise 1 (strip-mined saxpy)."""

import numpy as np
import pytest

from icsc_riscv_vectors.checks.conftest import (
    EDGES,
    SPEC_MIX,
    VLENS,
    assert_spec_mix,
    edge_length,
    saxpy_error_bound,
    spec_strips,
    vlmax,
)


@pytest.mark.parametrize("edge", EDGES)
def test_saxpy_for_every_vlen_matches_numpy_with_the_spec_mix(exercise, rng, edge):
    ex = exercise("ex01_saxpy")
    for vlen in VLENS:
        n = edge_length(edge, vlmax(vlen, 32, 8))
        where = f"VLEN={vlen}, n={n}: "
        x = rng.standard_normal(n).astype(np.float32)
        y = rng.standard_normal(n).astype(np.float32)
        result, counts = ex.saxpy(-1.75, x, y, vlen)
        result = np.asarray(result)
        assert result.dtype == np.float32, where
        assert result.shape == (n,), where
        exact = np.float64(np.float32(-1.75)) * x.astype(np.float64) + y
        assert np.all(np.abs(result - exact) <= saxpy_error_bound(-1.75, x, y)), where
        assert_spec_mix(counts, SPEC_MIX["saxpy"], spec_strips(n, vlmax(vlen, 32, 8)), where)


def test_saxpy_uses_the_vl_the_machine_grants(exercise):
    ex = exercise("ex01_saxpy")
    n, vlen = 100, 128  # VLMAX = 32: strips of 32, 32, 18, 18 under the balanced rule
    x = np.arange(n, dtype=np.float32)
    result, counts = ex.saxpy(3.0, x, np.ones(n, dtype=np.float32), vlen, vl_rule="balanced")
    assert np.array_equal(np.asarray(result), 3.0 * x + 1.0)  # small integers: exact
    assert counts["vsetvli"] == spec_strips(n, 32, "balanced") == 4


def test_saxpy_rejects_bad_input(exercise):
    ex = exercise("ex01_saxpy")
    with pytest.raises(ValueError, match="same length"):
        ex.saxpy(1.0, np.ones(3), np.ones(4), 128)
    with pytest.raises(ValueError, match="1-D"):
        ex.saxpy(1.0, np.ones((2, 2)), np.ones((2, 2)), 128)
