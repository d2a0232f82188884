"""Hidden tests for exercise 5 (numba CUDA; on the simulator where no GPU is found).

The simulator runs every CUDA thread as a Python thread, so the grids stay small.
"""

import os

import numpy as np
import pytest

ON_SIMULATOR = os.environ.get("NUMBA_ENABLE_CUDASIM") == "1"


@pytest.mark.points(2)
@pytest.mark.parametrize("n", [1, 127, 128, 129, 300])
def test_saxpy_covers_every_element(exercise, n):
    ex = exercise("ex05_cuda")
    rng = np.random.default_rng(n)
    x, y = rng.random(n), rng.random(n)
    out = ex.saxpy(2.5, x, y)
    assert out.shape == (n,)
    assert out.dtype == np.float64
    # Non-negative terms: a GPU's fused multiply-add rounds once instead of twice (<= 1 ulp).
    np.testing.assert_allclose(out, 2.5 * x + y, rtol=0 if ON_SIMULATOR else 1e-15, atol=0)


def test_saxpy_leaves_inputs_alone(exercise):
    ex = exercise("ex05_cuda")
    x, y = np.arange(5.0), np.ones(5)
    ex.saxpy(-1.0, x, y)
    np.testing.assert_array_equal(x, np.arange(5.0))
    np.testing.assert_array_equal(y, np.ones(5))


@pytest.mark.points(3)
@pytest.mark.parametrize(("width", "height"), [(17, 9), (16, 8), (3, 20)])
def test_cuda_mandelbrot_grid_edges(exercise, mandelbrot_reference, width, height):
    ex = exercise("ex05_cuda")
    xs, ys = np.linspace(-2.0, 0.6, width), np.linspace(-1.1, 1.1, height)
    counts = ex.mandelbrot(xs, ys, 30)
    assert counts.shape == (height, width)
    expected = mandelbrot_reference(xs, ys, 30)
    if ON_SIMULATOR:
        np.testing.assert_array_equal(counts, expected)
    else:
        # A real GPU may contract multiply-adds into FMAs: allow 1 % of pixels to differ.
        assert np.count_nonzero(counts != expected) <= max(1, counts.size // 100)


@pytest.mark.parametrize(
    ("a", "x", "y", "error", "match"),
    [
        ("2", np.zeros(3), np.zeros(3), TypeError, "real number"),
        (2.0, np.zeros(3, dtype=np.float32), np.zeros(3), TypeError, "float64"),
        (2.0, [0.0, 1.0], np.zeros(2), TypeError, "float64"),
        (2.0, np.zeros((2, 2)), np.zeros((2, 2)), ValueError, "1D"),
        (2.0, np.zeros(0), np.zeros(0), ValueError, "non-empty"),
        (2.0, np.zeros(3), np.zeros(4), ValueError, "same length"),
    ],
)
def test_saxpy_bad_input(exercise, a, x, y, error, match):
    ex = exercise("ex05_cuda")
    with pytest.raises(error, match=match):
        ex.saxpy(a, x, y)


@pytest.mark.parametrize(
    ("xs", "ys", "max_iter", "error", "match"),
    [
        (np.zeros(3), np.zeros(2), 0, ValueError, "max_iter"),
        (np.zeros(3), np.zeros(2), 2.0, TypeError, "max_iter"),
        (np.zeros(3, dtype=np.int64), np.zeros(2), 5, TypeError, "float64"),
        (np.zeros((3, 1)), np.zeros(2), 5, ValueError, "1D"),
    ],
)
def test_mandelbrot_bad_input(exercise, xs, ys, max_iter, error, match):
    ex = exercise("ex05_cuda")
    with pytest.raises(error, match=match):
        ex.mandelbrot(xs, ys, max_iter)
