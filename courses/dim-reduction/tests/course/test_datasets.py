"""The course's data sets: shapes, ranges, seeds, and the facts the exercises rely on."""

import numpy as np
import pytest
from sklearn.datasets import make_s_curve

from icsc_dim_reduction.datasets import (
    add_gaussian_noise,
    digits_split,
    flatten_images,
    gaussian_with_spectrum,
    load_digit_images,
    s_curve_2d,
)


def test_digits_are_scaled_8x8_images_with_ten_labels():
    images, labels = load_digit_images()
    assert images.shape == (1797, 8, 8)
    assert images.dtype == np.float64
    assert images.min() == 0.0
    assert images.max() == 1.0
    assert set(labels.tolist()) == set(range(10))
    # The lecture's "three border pixels are blank in every image" (rank 61).
    assert np.count_nonzero(flatten_images(images).var(axis=0) == 0) == 3


def test_digits_split_is_stratified_and_repeatable():
    first, second = digits_split(0.25, seed=0), digits_split(0.25, seed=0)
    assert first["train_images"].shape == (1347, 8, 8)
    assert first["test_images"].shape == (450, 8, 8)
    np.testing.assert_array_equal(first["test_labels"], second["test_labels"])
    counts = np.bincount(first["test_labels"], minlength=10)
    assert counts.min() >= 43
    assert counts.max() <= 47
    with pytest.raises(ValueError, match="test_fraction"):
        digits_split(1.0)


def test_s_curve_is_the_xz_section_of_scikit_learns():
    X, t = s_curve_2d(200, noise=0.0, seed=4)
    full, t_full = make_s_curve(200, noise=0.0, random_state=4)
    np.testing.assert_array_equal(X, full[:, [0, 2]])
    np.testing.assert_array_equal(t, t_full)
    # Points lie on (sin t, sign(t) (cos t - 1)).
    assert X[:, 0] == pytest.approx(np.sin(t), abs=1e-12)
    assert X[:, 1] == pytest.approx(np.sign(t) * (np.cos(t) - 1), abs=1e-12)
    with pytest.raises(ValueError, match="noise"):
        s_curve_2d(10, noise=-1.0)


def test_gaussian_with_spectrum_has_the_stated_covariance():
    variances = (3.0, 1.0, 0.25)
    X, basis = gaussian_with_spectrum(40_000, variances, seed=1)
    assert basis.T @ basis == pytest.approx(np.eye(3), abs=1e-12)
    covariance = np.cov(X, rowvar=False)
    expected = basis @ np.diag(variances) @ basis.T
    # Sample covariance of 40,000 points: entries scatter by about 3 * sqrt(2 / n) ~ 0.02.
    assert covariance == pytest.approx(expected, abs=0.06)
    assert np.linalg.norm(X.mean(axis=0)) == pytest.approx(3.0, abs=0.05)
    with pytest.raises(ValueError, match="variances"):
        gaussian_with_spectrum(10, (1.0, -1.0))


def test_gaussian_noise_has_mean_square_sigma_squared():
    values = np.zeros((200, 8, 8))
    noisy = add_gaussian_noise(values, 0.3, seed=2)
    assert np.mean(noisy**2) == pytest.approx(0.09, rel=0.03)
    np.testing.assert_array_equal(noisy, add_gaussian_noise(values, 0.3, seed=2))
    with pytest.raises(ValueError, match="std"):
        add_gaussian_noise(values, -0.1)
    with pytest.raises(ValueError, match="images"):
        flatten_images(np.zeros((3, 64)))
