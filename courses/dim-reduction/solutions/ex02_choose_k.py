"""Exercise 2: how many components? Explained variance, reconstruction error, storage.

Keeping k principal components replaces each sample by k numbers. Two ways to choose k:

* **explained variance**: the smallest k whose components together explain at least a
  chosen fraction (say 95 %) of the total variance;
* **reconstruction error**: the squared distance between the data and its rank-k PCA
  reconstruction, ``||X - X_hat_k||_F^2``.

They are the same information seen from two sides. The Eckart-Young theorem (1936) says
that the best rank-k approximation of the centred data ``Xc = U S V^T`` in the Frobenius
norm is the truncated SVD, and that its squared error is the sum of the discarded squared
singular values, ``sum(S[k:]**2)``. Compute the error by *reconstructing* the data (project
on the first k directions, map back, subtract) and let the checks compare it with the
theorem: it is the independent reference here.

Storage: k components of an (n, d) data set keep n*k scores, k*d component entries and
the d means, instead of n*d numbers.
"""

from __future__ import annotations

import numpy as np

from icsc_dim_reduction.threads import single_threaded
from icsc_dim_reduction.validation import data_matrix, integer_in_range


@single_threaded
def explained_variance_ratio(X: object) -> np.ndarray:
    """Fraction of the total variance along every principal direction, largest first.

    ``X``: finite array (n_samples, n_features), n_samples >= 2. Returns float64 of shape
    (min(n_samples, n_features),), non-increasing, summing to 1 (all zeros if X has no
    variance). Raises ``ValueError`` for a bad ``X``.
    """
    # BEGIN SOLUTION
    # HINT: the singular values of the centred data: s**2 / np.sum(s**2); np.linalg.svd(..., compute_uv=False)
    data = data_matrix("X", X)
    singular = np.linalg.svd(data - data.mean(axis=0), compute_uv=False)
    power = singular**2
    total = power.sum()
    return power / total if total > 0 else np.zeros_like(power)
    # END SOLUTION


@single_threaded
def choose_k(X: object, threshold: float = 0.95) -> int:
    """The smallest k whose first k components explain at least ``threshold`` of the variance.

    ``threshold`` in (0, 1]. A cumulative ratio within 1e-12 below the threshold counts as
    reaching it (round-off: the ratios of all components may sum to 0.9999999999999998),
    and k never exceeds the number of ratios. (scikit-learn's
    ``PCA(n_components=threshold)`` asks for *more than* the threshold; the two agree
    unless a cumulative ratio equals it exactly.)
    Raises ``ValueError`` if ``threshold`` is outside (0, 1] or ``X`` is bad.
    """
    # BEGIN SOLUTION
    # HINT: np.cumsum of the ratios, then np.searchsorted(cumulative, threshold) + 1 (mind rounding at 1.0)
    if not 0.0 < float(threshold) <= 1.0:
        msg = f"threshold must lie in (0, 1], got {threshold}"
        raise ValueError(msg)
    cumulative = np.cumsum(explained_variance_ratio(X))
    # The last cumulative sum may fall short of 1.0 by rounding: never choose beyond it.
    k = int(np.searchsorted(cumulative, float(threshold) - 1e-12)) + 1
    return min(k, cumulative.size)
    # END SOLUTION


@single_threaded
def reconstruction_error(X: object, k: int) -> float:
    """Squared Frobenius norm ``||X - X_hat_k||_F^2`` of the rank-k PCA reconstruction.

    ``X_hat_k`` = mean + projection of the centred data on its first k principal
    directions (k = 0: the mean alone). ``k`` is an integer in [0, min(n_samples,
    n_features)]. Units: those of X, squared, summed over all entries. Raises
    ``ValueError`` for a bad ``X`` or ``k``.
    """
    # BEGIN SOLUTION
    # HINT: vt[:k] from the SVD of the centred data; X_hat = mean + (Xc @ vt[:k].T) @ vt[:k]
    data = data_matrix("X", X)
    k = integer_in_range("k", k, 0, min(data.shape))
    mean = data.mean(axis=0)
    centred = data - mean
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    basis = vt[:k]
    reconstruction = mean + (centred @ basis.T) @ basis
    return float(np.sum((data - reconstruction) ** 2))
    # END SOLUTION


@single_threaded
def compression_ratio(n_samples: int, n_features: int, k: int) -> float:
    """Original numbers over stored numbers: ``n*d / (n*k + k*d + d)``.

    All three arguments are positive integers with k <= n_features (``ValueError`` if not).
    A ratio below 1 means the "compressed" form is larger than the data.
    """
    # BEGIN SOLUTION
    # HINT: count what has to be stored: scores (n*k), components (k*d), mean (d).
    n = integer_in_range("n_samples", n_samples, 1, 10**12)
    d = integer_in_range("n_features", n_features, 1, 10**12)
    kept = integer_in_range("k", k, 1, d)
    return n * d / (n * kept + kept * d + d)
    # END SOLUTION
