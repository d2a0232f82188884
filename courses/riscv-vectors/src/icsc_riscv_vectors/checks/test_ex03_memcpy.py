"""Public checks for exercise 3 (memcpy)."""

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


@pytest.mark.parametrize("edge", EDGES)
def test_memcpy_for_every_vlen_copies_every_byte_with_the_spec_mix(exercise, rng, edge):
    ex = exercise("ex03_memcpy")
    for vlen in VLENS:
        n = edge_length(edge, vlmax(vlen, 8, 8))
        data = rng.integers(0, 256, n, dtype=np.uint8).tobytes()
        copy, counts = ex.memcpy(data, vlen)
        assert copy == data, f"VLEN={vlen}, n={n}"
        assert_spec_mix(
            counts, SPEC_MIX["memcpy"], spec_strips(n, vlmax(vlen, 8, 8)), f"VLEN={vlen}, n={n}: "
        )


def test_memcpy_rejects_text(exercise):
    ex = exercise("ex03_memcpy")
    with pytest.raises(TypeError, match="bytes"):
        ex.memcpy("not bytes", 128)
