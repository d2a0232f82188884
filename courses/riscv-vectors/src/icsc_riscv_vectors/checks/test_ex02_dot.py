"""Public checks for exercise 2 (dot product with a reduction)."""

import math

import numpy as np
import pytest

from icsc_riscv_vectors.checks.conftest import (
    EDGES,
    VLENS,
    dot_error_bound,
    edge_length,
    spec_strips,
    vlmax,
)


@pytest.mark.parametrize("edge", EDGES)
def test_dot_for_every_vlen_matches_an_exact_sum(exercise, rng, edge):
    ex = exercise("ex02_dot")
    for vlen in VLENS:
        n = edge_length(edge, vlmax(vlen, 64, 8))
        where = f"VLEN={vlen}, n={n}"
        x, y = rng.standard_normal(n), rng.standard_normal(n)
        value, counts = ex.dot(x, y, vlen)
        assert isinstance(value, float), where
        exact = math.fsum((x * y).tolist())  # products rounded once: inside dot_error_bound
        assert abs(value - exact) <= dot_error_bound(x, y), where
        assert counts.get("vle64.v", 0) == 2 * spec_strips(n, vlmax(vlen, 64, 8)), where
        if n:
            assert counts.get("vfredusum.vs", 0) + counts.get("vfredosum.vs", 0) >= 1, where


def test_dot_of_a_short_last_strip_keeps_the_partial_sums(exercise):
    ex = exercise("ex02_dot")
    # VLEN=128, e64 m8: VLMAX = 16; 17 elements leave a last strip of one element.
    x = np.arange(1.0, 18.0)
    value, _ = ex.dot(x, x, 128)
    assert value == sum(k * k for k in range(1, 18))  # integers below 2**53: exact


def test_dot_rejects_bad_input(exercise):
    ex = exercise("ex02_dot")
    with pytest.raises(ValueError, match="same length"):
        ex.dot(np.ones(3), np.ones(2), 128)
