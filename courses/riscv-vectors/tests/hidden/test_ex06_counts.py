"""Hidden tests for exercise 6: closed forms against measured counts."""

import numpy as np
import pytest


@pytest.mark.points(2)
@pytest.mark.parametrize("vlen", [128, 256, 512, 1024])
def test_rvv_closed_form_equals_the_spec_loop_counts(exercise, spec, vlen):
    ex = exercise("ex06_counts")
    for n in (1, 7, vlen // 4, vlen // 4 + 1, 999, 4096):
        _, measured = spec.saxpy(1.0, np.ones(n), np.ones(n), vlen)
        closed = ex.rvv_saxpy_counts(n, vlen)
        assert {k: v for k, v in closed.items() if k != "total"} == measured
        assert closed["total"] == sum(measured.values())


@pytest.mark.points(2)
@pytest.mark.parametrize(
    ("width", "tail"), [(128, "scalar"), (256, "scalar"), (512, "scalar"), (512, "masked")]
)
def test_simd_closed_form_for_every_n_up_to_70(exercise, width, tail):
    ex = exercise("ex06_counts")
    lanes = width // 32
    for n in range(71):
        closed = ex.simd_saxpy_counts(n, width, tail)
        q, r = divmod(n, lanes)
        assert closed["vfmadd"] == q + (1 if tail == "masked" and r else 0)
        assert closed["fmadd"] == (r if tail == "scalar" else 0)
        assert closed["total"] == sum(v for k, v in closed.items() if k != "total")


@pytest.mark.parametrize(("width", "tail"), [(128, "scalar"), (512, "masked")])
def test_simd_saxpy_on_larger_inputs(exercise, rng, width, tail):
    ex = exercise("ex06_counts")
    x = rng.standard_normal(1003).astype(np.float32)
    y = rng.standard_normal(1003).astype(np.float32)
    result, counts = ex.saxpy_simd(-2.5, x, y, width, tail)
    exact = -2.5 * x.astype(np.float64) + y
    assert np.all(np.abs(np.asarray(result) - exact) <= 2.0**-22 * (np.abs(2.5 * x) + np.abs(y)))
    lanes = width // 32
    assert counts["vfmadd"] == (-(-1003 // lanes) if tail == "masked" else 1003 // lanes)


def test_rvv_needs_fewer_instructions_than_sse_for_long_vectors(exercise):
    ex = exercise("ex06_counts")
    # RVV at VLEN=128 handles 32 floats per strip with e32,m8; SSE 4 per instruction.
    assert ex.rvv_saxpy_counts(4096, 128)["total"] < ex.simd_saxpy_counts(4096, 128)["total"] / 4
