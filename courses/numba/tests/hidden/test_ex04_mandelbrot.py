"""Hidden tests for exercise 4 (Mandelbrot with prange)."""

import numpy as np
import pytest

from icsc_numba.workloads import mandelbrot_axes

VIEWS = {
    "whole set": (-2.2, 0.8, -1.3, 1.3, 61, 47, 120),
    "seahorse valley": (-0.80, -0.70, 0.05, 0.15, 37, 29, 400),
    "one row": (-2.0, 0.5, 0.0, 0.1, 50, 1, 50),
    "one column": (-0.5, -0.4, -1.0, 1.0, 1, 40, 80),
}


@pytest.mark.points(3)
@pytest.mark.parametrize("view", VIEWS)
def test_parallel_serial_and_reference_agree_bit_for_bit(exercise, mandelbrot_reference, view):
    ex = exercise("ex04_mandelbrot")
    xmin, xmax, ymin, ymax, width, height, max_iter = VIEWS[view]
    counts = ex.mandelbrot(xmin, xmax, ymin, ymax, width, height, max_iter)
    xs, ys = mandelbrot_axes(xmin, xmax, ymin, ymax, width, height)
    expected = mandelbrot_reference(xs, ys, max_iter)
    assert counts.shape == (height, width)
    assert counts.dtype == np.int32
    np.testing.assert_array_equal(counts, expected)
    np.testing.assert_array_equal(ex.escape_counts_serial(xs, ys, max_iter), expected)
    np.testing.assert_array_equal(ex.escape_counts_parallel(xs, ys, max_iter), expected)


def test_known_points(exercise):
    ex = exercise("ex04_mandelbrot")
    xs = np.array([0.0, -1.0, 1.0, -2.0, 0.25, 2.0])
    ys = np.array([0.0])
    counts = ex.escape_counts_serial(xs, ys, 100)
    # 0 and -1 (period 2) and -2 (0 -> -2 -> 2 -> 2: |z|^2 = 4 is not > 4) and 0.25 (the
    # cusp) never escape; c = 1: z = 0, 1, 2, 5: |z_3|^2 = 25 > 4 first at n = 3;
    # c = 2: z = 0, 2, 6: first |z|^2 > 4 at n = 2.
    np.testing.assert_array_equal(counts, [[100, 100, 3, 100, 100, 2]])
    np.testing.assert_array_equal(ex.escape_counts_parallel(xs, ys, 100), counts)


def test_max_iter_of_one(exercise):
    ex = exercise("ex04_mandelbrot")
    # z_0 = 0 never escapes, so with a single iteration every count is max_iter = 1.
    np.testing.assert_array_equal(ex.mandelbrot(-2.0, 2.0, -2.0, 2.0, 5, 4, 1), np.ones((4, 5)))


@pytest.mark.points(2)
def test_parallel_kernel_really_runs_a_parfor(exercise):
    ex = exercise("ex04_mandelbrot")
    xs, ys = mandelbrot_axes(-2.0, 1.0, -1.0, 1.0, 24, 18)
    ex.mandelbrot(-2.0, 1.0, -1.0, 1.0, 24, 18, 20)
    kernel = ex.escape_counts_parallel
    assert kernel.targetoptions.get("parallel") is True
    assert kernel.signatures, "the kernel should have been compiled by the call"
    diagnostics = kernel.get_metadata(kernel.signatures[0])["parfor_diagnostics"]
    assert diagnostics.count_parfors() >= 1
    serial = ex.escape_counts_serial
    assert not serial.targetoptions.get("parallel"), "the serial kernel must stay serial"
    np.testing.assert_array_equal(serial(xs, ys, 20), kernel(xs, ys, 20))


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((-2.0, 0.5, -1.0, 1.0, 8, 8, 0), ValueError, "max_iter"),
        ((-2.0, 0.5, -1.0, 1.0, 8, 8, -5), ValueError, "max_iter"),
        ((-2.0, 0.5, -1.0, 1.0, 8, 8, 10.0), TypeError, "max_iter"),
        ((-2.0, 0.5, -1.0, 1.0, 8, 8, True), TypeError, "max_iter"),
        ((-2.0, 0.5, -1.0, 1.0, 0, 8, 10), ValueError, "width"),
        ((-2.0, 0.5, -1.0, 1.0, 8, -1, 10), ValueError, "height"),
        ((-2.0, 0.5, -1.0, 1.0, 8.5, 8, 10), TypeError, "width"),
        ((0.5, -2.0, -1.0, 1.0, 8, 8, 10), ValueError, "xmin < xmax"),
        ((-2.0, 0.5, -1.0, float("nan"), 8, 8, 10), ValueError, "finite"),
    ],
)
def test_bad_input(exercise, args, error, match):
    ex = exercise("ex04_mandelbrot")
    with pytest.raises(error, match=match):
        ex.mandelbrot(*args)
