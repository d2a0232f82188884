"""Public checks for exercise 5 (numba CUDA; on the simulator where no GPU is found)."""

import numpy as np
import pytest


def test_saxpy_with_a_partial_last_block(exercise):
    ex = exercise("ex05_cuda")
    x = np.linspace(0.0, 1.0, 300)  # 300 is not a multiple of the block size
    y = np.full(300, 2.0)
    # Positive terms, no cancellation: a fused multiply-add on a GPU differs by <= 1 ulp.
    np.testing.assert_allclose(ex.saxpy(3.0, x, y), 3.0 * x + y, rtol=1e-15, atol=0)


@pytest.mark.points(2)
def test_cuda_mandelbrot_matches_the_reference(exercise, mandelbrot_reference):
    ex = exercise("ex05_cuda")
    xs, ys = np.linspace(-2.0, 0.5, 21), np.linspace(-1.2, 1.2, 11)
    counts = ex.mandelbrot(xs, ys, 40)
    assert counts.shape == (11, 21)
    assert counts.dtype == np.int32
    expected = mandelbrot_reference(xs, ys, 40)
    # The simulator does exactly the reference's arithmetic; a real GPU may fuse
    # multiply-adds, which moves a pixel that sits on the escape boundary by one count.
    assert np.count_nonzero(counts != expected) <= counts.size // 100


def test_saxpy_rejects_mismatched_lengths(exercise):
    ex = exercise("ex05_cuda")
    with pytest.raises(ValueError, match="same length"):
        ex.saxpy(1.0, np.zeros(3), np.zeros(4))
