"""Data sets of the course: all generated or shipped with scikit-learn, nothing downloaded.

* :func:`load_digit_images` / :func:`digits_split` — the 1,797 handwritten digits (8 x 8
  pixels, grey levels 0..16) that scikit-learn ships inside its wheel
  (:func:`sklearn.datasets.load_digits`), scaled to [0, 1];
* :func:`s_curve_2d` — points on an S-shaped curve in the plane (the x-z section of
  :func:`sklearn.datasets.make_s_curve`), a one-dimensional manifold that no straight
  line fits;
* :func:`gaussian_with_spectrum` — Gaussian data whose covariance has known eigenvalues
  and eigenvectors, so that PCA has an analytic answer;
* :func:`add_gaussian_noise` — additive Gaussian corruption for denoising.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.datasets import load_digits, make_s_curve
from sklearn.model_selection import train_test_split

from icsc_dim_reduction.validation import integer_in_range

DIGIT_SIDE = 8
DIGIT_MAX_GREY = 16.0


def load_digit_images() -> tuple[np.ndarray, np.ndarray]:
    """All digits as (images, labels).

    ``images``: float64, shape (1797, 8, 8), values in [0, 1] (grey level / 16);
    ``labels``: int64, shape (1797,), the digit 0..9 each image shows.
    """
    bunch = load_digits()
    images = np.asarray(bunch.images, dtype=np.float64) / DIGIT_MAX_GREY
    return images, np.asarray(bunch.target, dtype=np.int64)


def digits_split(test_fraction: float = 0.25, seed: int = 0) -> dict[str, np.ndarray]:
    """A stratified train/test split of :func:`load_digit_images`.

    Returns ``train_images`` (n_train, 8, 8), ``test_images`` (n_test, 8, 8) (float64 in
    [0, 1]) and ``train_labels``, ``test_labels`` (int64). The same ``seed`` always gives
    the same split. Raises ``ValueError`` unless 0 < ``test_fraction`` < 1.
    """
    if not 0.0 < float(test_fraction) < 1.0:
        msg = f"test_fraction must lie strictly between 0 and 1, got {test_fraction}"
        raise ValueError(msg)
    images, labels = load_digit_images()
    train_images, test_images, train_labels, test_labels = train_test_split(
        images, labels, test_size=float(test_fraction), stratify=labels, random_state=seed
    )
    return {
        "train_images": train_images,
        "test_images": test_images,
        "train_labels": train_labels,
        "test_labels": test_labels,
    }


def flatten_images(images: np.ndarray) -> np.ndarray:
    """(n, 8, 8) images as an (n, 64) data matrix (row-major pixels), float64."""
    array = np.asarray(images, dtype=np.float64)
    if array.ndim != 3:
        msg = f"images must have shape (n, height, width), got {array.shape}"
        raise ValueError(msg)
    return array.reshape(array.shape[0], -1)


def s_curve_2d(
    n_samples: int = 500, noise: float = 0.0, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Points on the S-shaped curve ``(sin t, sign(t) (cos t - 1))``, t in (-3 pi/2, 3 pi/2).

    This is columns 0 and 2 of :func:`sklearn.datasets.make_s_curve` (same seed, same
    points). Returns ``(X, t)``: ``X`` float64 (n_samples, 2), ``t`` float64 (n_samples,),
    the position along the curve (the one true coordinate of the manifold). ``noise`` is
    the standard deviation of Gaussian noise added to every coordinate.
    """
    count = integer_in_range("n_samples", n_samples, 2, 10**7)
    if not float(noise) >= 0.0:
        msg = f"noise must be a non-negative standard deviation, got {noise}"
        raise ValueError(msg)
    points, t = make_s_curve(count, noise=float(noise), random_state=seed)
    return np.ascontiguousarray(points[:, [0, 2]]), np.asarray(t, dtype=np.float64)


def gaussian_with_spectrum(
    n_samples: int, variances: Sequence[float], seed: int = 0, *, offset: float = 3.0
) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian samples whose population covariance is ``Q diag(variances) Q^T``.

    ``Q`` is a random orthogonal matrix (seeded), its column j the direction of variance
    ``variances[j]``; the population mean is a random vector of norm ``offset`` (so that
    forgetting to centre the data shows). Returns ``(X, Q)``: ``X`` float64 (n_samples, d),
    ``Q`` float64 (d, d) with d = len(variances). Raises ``ValueError`` for negative
    variances or fewer than 2 samples.
    """
    count = integer_in_range("n_samples", n_samples, 2, 10**7)
    spectrum = np.asarray(variances, dtype=np.float64)
    if spectrum.ndim != 1 or spectrum.size == 0 or np.any(spectrum < 0):
        msg = "variances must be a non-empty sequence of non-negative numbers"
        raise ValueError(msg)
    rng = np.random.default_rng(seed)
    basis, upper = np.linalg.qr(rng.standard_normal((spectrum.size, spectrum.size)))
    basis *= np.sign(np.diag(upper))  # the Haar-distributed orthogonal matrix
    direction = rng.standard_normal(spectrum.size)
    mean = offset * direction / np.linalg.norm(direction)
    latent = rng.standard_normal((count, spectrum.size)) * np.sqrt(spectrum)
    return mean + latent @ basis.T, basis


def add_gaussian_noise(values: np.ndarray, std: float, seed: int = 0) -> np.ndarray:
    """``values`` plus independent N(0, std^2) noise on every entry (no clipping), float64.

    Without clipping, the mean squared difference between the result and ``values`` is
    ``std**2`` in expectation. Raises ``ValueError`` if ``std`` is negative.
    """
    if not float(std) >= 0.0:
        msg = f"std must be a non-negative standard deviation, got {std}"
        raise ValueError(msg)
    array = np.asarray(values, dtype=np.float64)
    rng = np.random.default_rng(seed)
    return array + float(std) * rng.standard_normal(array.shape)
