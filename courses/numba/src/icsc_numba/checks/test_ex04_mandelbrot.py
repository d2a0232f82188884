"""Public checks for exercise 4 (Mandelbrot with prange)."""

import numpy as np
import pytest


@pytest.mark.points(2)
def test_mandelbrot_is_bit_identical_to_a_numpy_reference(exercise, mandelbrot_reference):
    ex = exercise("ex04_mandelbrot")
    counts = ex.mandelbrot(-2.0, 0.5, -1.25, 1.25, 40, 30, 60)
    xs, ys = np.linspace(-2.0, 0.5, 40), np.linspace(-1.25, 1.25, 30)
    assert counts.dtype == np.int32
    np.testing.assert_array_equal(counts, mandelbrot_reference(xs, ys, 60))


@pytest.mark.points(2)
def test_parallel_kernel_is_a_parallel_dispatcher(exercise):
    ex = exercise("ex04_mandelbrot")
    xs, ys = np.linspace(-2.0, 0.5, 16), np.linspace(-1.0, 1.0, 12)
    parallel = ex.escape_counts_parallel(xs, ys, 30)
    np.testing.assert_array_equal(parallel, ex.escape_counts_serial(xs, ys, 30))
    kernel = ex.escape_counts_parallel
    assert kernel.targetoptions.get("parallel"), "decorate with @njit(parallel=True)"
    diagnostics = kernel.get_metadata(kernel.signatures[0])["parfor_diagnostics"]
    assert diagnostics.count_parfors() >= 1, "no parallel loop was found: use prange for the rows"


def test_max_iter_must_be_positive(exercise):
    ex = exercise("ex04_mandelbrot")
    with pytest.raises(ValueError, match="max_iter"):
        ex.mandelbrot(-2.0, 0.5, -1.0, 1.0, 8, 8, 0)
