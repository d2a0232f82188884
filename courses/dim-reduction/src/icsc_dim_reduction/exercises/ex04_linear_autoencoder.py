# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 4: a linear autoencoder learns the PCA subspace (Baldi and Hornik 1989).

An autoencoder without non-linearities, ``x_hat = D E x`` with an encoder E (k x d) and a
decoder D (d x k), trained on centred data by least squares, has no spurious local
minima: its global minima are exactly the maps whose range is the span of the first k
principal directions (Baldi and Hornik 1989). It finds the *subspace*, not the axes: any
invertible k x k matrix A gives the same reconstruction with D A and A^-1 E, so D's
columns are in general neither orthogonal nor ordered by variance.

To compare two subspaces, use their *principal angles*: with orthonormal bases Qa, Qb,
the singular values of ``Qa^T Qb`` are the cosines of the angles (Bjorck and Golub 1973).
All angles zero means the same subspace. :func:`scipy.linalg.subspace_angles` is the
independent reference of the checks.
"""

from __future__ import annotations

import numpy as np
from torch import nn

from icsc_dim_reduction.threads import single_threaded
from icsc_dim_reduction.training import predict, seeded, train_reconstruction
from icsc_dim_reduction.validation import data_matrix, integer_in_range


@single_threaded
def principal_angles(A: object, B: object) -> np.ndarray:
    """Principal angles (radians) between the column spaces of ``A`` and ``B``.

    ``A`` (d, p) and ``B`` (d, q): finite 2D arrays with the same number of rows and full
    column rank. Returns float64 of shape (min(p, q),), each angle in [0, pi/2], sorted
    from largest to smallest (the order of ``scipy.linalg.subspace_angles``). Accuracy:
    at least 1e-7 rad for small angles. Raises ``ValueError`` for different row counts, a
    rank-deficient matrix, or a bad array.
    """
    # HINT: qa, _ = np.linalg.qr(A); qb, _ = np.linalg.qr(B); cosines = np.linalg.svd(qa.T @ qb, compute_uv=False)
    # HINT: np.arccos(np.clip(cosines, -1, 1)) is the answer; reverse it to sort from largest to smallest.
    # HINT: small angles are more accurate as arcsin of the singular values of qb - qa @ (qa.T @ qb).
    # TODO: your code here.
    raise NotImplementedError("ex04_linear_autoencoder: this part is yours to write (icsc hint ex04)")


@single_threaded
def fit_linear_autoencoder(
    X: object, k: int, *, epochs: int = 200, lr: float = 0.05, seed: int = 0
) -> dict[str, object]:
    """Train a linear autoencoder with a k-dimensional code on the centred rows of ``X``.

    Model: ``nn.Sequential(nn.Linear(d, k, bias=False), nn.Linear(k, d, bias=False))``
    built right after ``seeded(seed)``, trained with ``train_reconstruction`` on
    ``X - X.mean(axis=0)``, full batch (``batch_size = n_samples``), ``epochs`` and ``lr``.

    Returns ``{"encoder": (k, d), "decoder": (d, k), "mean": (d,)`` (float64 arrays: the
    weight matrices of the two layers and the column means), ``"mse": float`` (mean over
    all entries of the squared reconstruction error of the centred data) ``, "losses":
    (epochs,)}``. Raises ``ValueError`` for a bad ``X`` or k not in [1, n_features].
    """
    # HINT: layer.weight.detach().double().numpy() gives a layer's matrix (shape (out, in)).
    # TODO: your code here.
    raise NotImplementedError("ex04_linear_autoencoder: this part is yours to write (icsc hint ex04)")
