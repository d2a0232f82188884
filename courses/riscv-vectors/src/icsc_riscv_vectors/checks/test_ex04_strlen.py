"""Public checks for exercise 4 (strlen with fault-only-first loads)."""

import numpy as np
import pytest

from icsc_riscv_vectors.checks.conftest import (
    EDGES,
    SPEC_MIX,
    VLENS,
    assert_spec_mix,
    edge_length,
    vlmax,
)


@pytest.mark.parametrize("edge", EDGES)
def test_strlen_for_every_vlen_next_to_an_unmapped_page(exercise, rng, edge):
    ex = exercise("ex04_strlen")
    for vlen in VLENS:
        # e8, m8: VLMAX = VLEN bytes; with its zero byte the string takes length + 1.
        length = edge_length(edge, vlmax(vlen, 8, 8))
        data = rng.integers(1, 256, length, dtype=np.uint8).tobytes()  # no zero inside
        result, counts = ex.strlen(data, vlen)
        assert result == len(data), f"VLEN={vlen}, length={len(data)}"
        # Every strip reads VLMAX bytes, except the last, cut short by the unmapped page.
        strips = -(-(length + 1) // vlmax(vlen, 8, 8))
        assert_spec_mix(counts, SPEC_MIX["strlen"], strips, f"VLEN={vlen}, length={len(data)}: ")


def test_strlen_stops_at_an_embedded_zero(exercise):
    ex = exercise("ex04_strlen")
    assert ex.strlen(b"vector\0length agnostic", 256)[0] == 6


def test_strlen_rejects_text(exercise):
    ex = exercise("ex04_strlen")
    with pytest.raises(TypeError, match="bytes"):
        ex.strlen("a str is not a C string", 128)
