"""Shared fixtures of the dim-reduction checks (the hidden tests import them too).

Every fixture returns plain data (numpy arrays), made by the course library with fixed
seeds, so that the same values reach the exercise whether it runs in this process or in
the grading worker.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from icsc_dim_reduction.datasets import (
    digits_split,
    flatten_images,
    gaussian_with_spectrum,
    load_digit_images,
    s_curve_2d,
)
from icsc_dim_reduction.threads import limited_threads

# Population variances of the Gaussian test data: three strong directions well separated
# from seven weak ones (eigengap 2 - 0.2), so that PCA and a linear autoencoder both
# identify the 3D subspace sharply from 400 samples.
SPECTRUM = (4.0, 3.0, 2.0, 0.2, 0.15, 0.1, 0.05, 0.05, 0.02, 0.01)


@pytest.fixture(scope="session", autouse=True)
def one_thread() -> Iterator[None]:
    """References computed here (scikit-learn, SciPy) run on one thread, like the exercises."""
    with limited_threads(1):
        yield


@pytest.fixture(scope="session")
def digits_matrix() -> np.ndarray:
    """All 1,797 digits as a (1797, 64) float64 matrix with values in [0, 1]."""
    images, _ = load_digit_images()
    return flatten_images(images)


@pytest.fixture(scope="session")
def digits() -> dict[str, np.ndarray]:
    """The stratified 75/25 split of the digits (seed 0): 1,347 train and 450 test images."""
    return digits_split(0.25, seed=0)


@pytest.fixture(scope="session")
def gaussian_data() -> tuple[np.ndarray, np.ndarray]:
    """(X, Q): 400 samples in 10 dimensions with covariance Q diag(SPECTRUM) Q^T."""
    return gaussian_with_spectrum(400, SPECTRUM, seed=0)


@pytest.fixture(scope="session")
def s_curve() -> tuple[np.ndarray, np.ndarray]:
    """(X, t): 500 noiseless points on the S-shaped curve and their position t along it."""
    return s_curve_2d(500, noise=0.0, seed=0)
