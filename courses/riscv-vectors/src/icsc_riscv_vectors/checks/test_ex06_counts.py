"""Public checks for exercise 6 (instruction counts: RVV vs fixed-width SIMD)."""

import numpy as np
import pytest

from icsc_riscv_vectors.checks.conftest import saxpy_error_bound


@pytest.mark.parametrize(
    ("width", "tail"), [(128, "scalar"), (256, "scalar"), (512, "scalar"), (512, "masked")]
)
def test_simd_saxpy_is_correct_and_counted_by_its_closed_form(exercise, rng, width, tail):
    ex = exercise("ex06_counts")
    lanes = width // 32
    for n in (0, 1, lanes - 1, lanes, lanes + 1, 3 * lanes + 2):
        x = rng.standard_normal(n).astype(np.float32)
        y = rng.standard_normal(n).astype(np.float32)
        result, counts = ex.saxpy_simd(0.5, x, y, width, tail)
        exact = 0.5 * x.astype(np.float64) + y
        assert np.all(np.abs(np.asarray(result) - exact) <= saxpy_error_bound(0.5, x, y)), f"n={n}"
        closed = ex.simd_saxpy_counts(n, width, tail)
        assert closed["total"] == sum(v for k, v in closed.items() if k != "total"), f"n={n}"
        assert {k: v for k, v in closed.items() if v and k != "total"} == counts, f"n={n}"


# Worked by hand from the kernel shape in the exercise's docstring.
@pytest.mark.parametrize(
    ("n", "width", "tail", "expected"),
    [
        (1000, 128, "scalar", {"vbroadcast": 1, "vload": 500, "vfmadd": 250, "vstore": 250, "total": 1001}),
        (1003, 256, "scalar", {"vbroadcast": 1, "vload": 250, "vfmadd": 125, "vstore": 125,
                               "load": 6, "fmadd": 3, "store": 3, "total": 513}),
        (1003, 512, "masked", {"vbroadcast": 1, "vload": 126, "vfmadd": 63, "vstore": 63,
                               "kmask": 1, "total": 254}),
        (15, 512, "scalar", {"vbroadcast": 1, "load": 30, "fmadd": 15, "store": 15, "total": 61}),
    ],
)  # fmt: skip
def test_simd_closed_form_on_worked_examples(exercise, n, width, tail, expected):
    ex = exercise("ex06_counts")
    closed = ex.simd_saxpy_counts(n, width, tail)
    assert {k: v for k, v in closed.items() if v} == expected
    assert set(closed) == {
        "vbroadcast",
        "vload",
        "vfmadd",
        "vstore",
        "kmask",
        "load",
        "fmadd",
        "store",
        "total",
    }


def test_rvv_closed_form_counts_strips_of_vlen_over_4(exercise):
    ex = exercise("ex06_counts")
    for n, vlen, strips in [
        (0, 128, 0),
        (1, 128, 1),
        (32, 128, 1),
        (33, 128, 2),
        (1000, 128, 32),
        (1000, 1024, 4),
    ]:
        # e32, m8: VLMAX = 8 * VLEN / 32; per strip vsetvli, 2 x vle32.v, vfmacc.vf, vse32.v.
        expected = {
            "vsetvli": strips,
            "vle32.v": 2 * strips,
            "vfmacc.vf": strips,
            "vse32.v": strips,
        }
        assert ex.rvv_saxpy_counts(n, vlen) == {**expected, "total": 5 * strips}, (
            f"n={n}, VLEN={vlen}"
        )


def test_counts_reject_bad_arguments(exercise):
    ex = exercise("ex06_counts")
    with pytest.raises(ValueError, match="n must be"):
        ex.rvv_saxpy_counts(-1, 128)
    with pytest.raises(ValueError, match="vlen"):
        ex.rvv_saxpy_counts(10, 100)
    with pytest.raises(ValueError, match="width"):
        ex.simd_saxpy_counts(10, 384)
    with pytest.raises(ValueError, match="masked"):
        ex.simd_saxpy_counts(10, 256, "masked")
    with pytest.raises(ValueError, match="masked"):
        ex.saxpy_simd(1.0, np.ones(3), np.ones(3), 128, "masked")
