# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 1: principal component analysis from scratch, through the SVD.

Centre the data, take the singular value decomposition ``Xc = U S V^T`` (NumPy:
``np.linalg.svd(Xc, full_matrices=False)``), and read everything off it:

* the principal directions are the rows of ``V^T`` (unit vectors, mutually orthogonal);
* the variance along direction i is ``S[i]**2 / (n - 1)`` (the sample covariance
  ``Xc^T Xc / (n - 1)`` has eigenvalues ``S**2 / (n - 1)``);
* the fraction of the total variance it explains is ``S[i]**2 / sum(S**2)``;
* the coordinates (scores) of a sample x are ``(x - mean) @ V_k^T``, and its
  reconstruction from them ``scores @ V_k + mean``.

The SVD fixes each direction only up to its sign. Make the result deterministic: flip
every component (and its column of U) so that its entry of largest absolute value is
positive. ``sklearn.decomposition.PCA`` is the independent reference of the checks (it
also returns components with arbitrary but deterministic signs, so the checks compare up
to sign).
"""

from __future__ import annotations

import numpy as np

from icsc_dim_reduction.threads import single_threaded
from icsc_dim_reduction.validation import data_matrix, integer_in_range


@single_threaded
def fit_pca(X: object, n_components: int) -> dict[str, np.ndarray]:
    """The first ``n_components`` principal components of the rows of ``X``.

    ``X``: array of shape (n_samples, n_features), n_samples >= 2, finite values.
    ``n_components``: integer k with 1 <= k <= min(n_samples, n_features).

    Returns a dict of float64 arrays:

    * ``"mean"`` (n_features,): the column means;
    * ``"components"`` (k, n_features): orthonormal rows, ordered by decreasing variance,
      each with its entry of largest absolute value positive;
    * ``"singular_values"`` (k,): the k largest singular values of the centred data;
    * ``"explained_variance"`` (k,): variance along each component (divided by n - 1);
    * ``"explained_variance_ratio"`` (k,): that variance over the total variance of X.

    Raises ``ValueError`` if ``X`` is not a finite 2D array with at least 2 rows, or if
    ``n_components`` is not an integer in [1, min(n_samples, n_features)].
    """
    # HINT: centred = X - X.mean(axis=0); u, s, vt = np.linalg.svd(centred, full_matrices=False)
    # HINT: signs = np.sign(vt[np.arange(len(vt)), np.argmax(np.abs(vt), axis=1)]); vt *= signs[:, None]
    # HINT: explained variance s**2 / (n - 1); its ratio s**2 / np.sum(s**2) (use ALL singular values)
    # TODO: your code here.
    raise NotImplementedError("ex01_pca_svd: this part is yours to write (icsc hint ex01)")


@single_threaded
def transform(X: object, mean: object, components: object) -> np.ndarray:
    """Scores of the rows of ``X``: ``(X - mean) @ components.T``, shape (n_samples, k).

    ``mean`` (n_features,) and ``components`` (k, n_features) as returned by
    :func:`fit_pca`. Raises ``ValueError`` if the numbers of features disagree.
    """
    # HINT: check X.shape[1] == components.shape[1] == mean.shape[0], then one matrix product.
    # TODO: your code here.
    raise NotImplementedError("ex01_pca_svd: this part is yours to write (icsc hint ex01)")


@single_threaded
def inverse_transform(scores: object, mean: object, components: object) -> np.ndarray:
    """Reconstruction from scores: ``scores @ components + mean``, shape (n_samples, n_features).

    ``scores`` (n_samples, k); ``mean`` and ``components`` as returned by :func:`fit_pca`.
    Raises ``ValueError`` if ``scores`` does not have k columns.
    """
    # HINT: the components are orthonormal, so the pseudo-inverse of the projection is its transpose.
    # TODO: your code here.
    raise NotImplementedError("ex01_pca_svd: this part is yours to write (icsc hint ex01)")


def _model(mean: object, components: object) -> tuple[np.ndarray, np.ndarray]:
    """``mean`` (d,) and ``components`` (k, d) as float64 arrays; ``ValueError`` if they disagree."""
    centre = np.asarray(mean, dtype=np.float64)
    basis = data_matrix("components", components, min_rows=1)
    if centre.shape != (basis.shape[1],):
        msg = f"mean has shape {centre.shape} but the components have {basis.shape[1]} features"
        raise ValueError(msg)
    return centre, basis
