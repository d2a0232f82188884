"""Exercise 3: a curved manifold where PCA fails and a small autoencoder does not.

The data are points on an S-shaped curve in the plane
(:func:`icsc_dim_reduction.datasets.s_curve_2d`): one number, the position t along the
curve, describes every point, yet no straight line passes near all of them. With a
one-dimensional code:

* PCA keeps the coordinate along the best line and loses everything across it;
* an autoencoder ``x -> z = f(x) -> x_hat = g(z)`` with non-linear f and g can bend its
  "line" along the curve.

Write the network (:func:`build_mlp_autoencoder`) and the function that trains it and
reports plain numbers (:func:`fit_mlp_autoencoder`); use
:func:`icsc_dim_reduction.training.train_reconstruction` for the loop. Also write
:func:`pca_mse`, the error of PCA with the same code size, to compare.
"""

from __future__ import annotations

import numpy as np
from torch import nn

from icsc_dim_reduction.threads import single_threaded
from icsc_dim_reduction.training import predict, seeded, train_reconstruction
from icsc_dim_reduction.validation import data_matrix, integer_in_range


@single_threaded
def build_mlp_autoencoder(
    n_features: int, n_latent: int, hidden: int
) -> tuple[nn.Module, nn.Module]:
    """(encoder, decoder) of a fully connected autoencoder.

    Encoder: ``n_features -> hidden -> hidden -> n_latent`` with tanh after each hidden
    layer and a *linear* code layer; decoder mirrors it: ``n_latent -> hidden -> hidden
    -> n_features`` with tanh after each hidden layer and a linear output. Each argument
    is a positive integer (``ValueError`` if not).
    """
    # BEGIN SOLUTION
    # HINT: nn.Sequential(nn.Linear(n_features, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(), nn.Linear(hidden, n_latent))
    d = integer_in_range("n_features", n_features, 1, 10**6)
    k = integer_in_range("n_latent", n_latent, 1, 10**6)
    h = integer_in_range("hidden", hidden, 1, 10**6)
    encoder = nn.Sequential(nn.Linear(d, h), nn.Tanh(), nn.Linear(h, h), nn.Tanh(), nn.Linear(h, k))
    decoder = nn.Sequential(nn.Linear(k, h), nn.Tanh(), nn.Linear(h, h), nn.Tanh(), nn.Linear(h, d))
    return encoder, decoder
    # END SOLUTION


@single_threaded
def fit_mlp_autoencoder(
    X: object,
    n_latent: int,
    *,
    hidden: int = 32,
    epochs: int = 40,
    batch_size: int = 100,
    lr: float = 0.03,
    seed: int = 0,
) -> dict[str, object]:
    """Train :func:`build_mlp_autoencoder` on the rows of ``X``; return what it learned.

    Steps: ``seeded(seed)``, build (encoder, decoder) for X's number of features, train
    ``nn.Sequential(encoder, decoder)`` with ``train_reconstruction(model, X,
    epochs=epochs, batch_size=batch_size, lr=lr, seed=seed)``, then evaluate on X.

    Returns ``{"codes": (n, n_latent) float64, "reconstructions": (n, n_features)
    float64, "mse": float (mean over all entries of (reconstruction - X)**2),
    "losses": (epochs,) float64}``. The same arguments give the same result. Raises
    ``ValueError`` for a bad ``X`` (2D, finite, >= 2 rows) or a non-positive
    ``n_latent``/``hidden``/``epochs``.
    """
    # BEGIN SOLUTION
    # HINT: codes = predict(encoder, X); reconstructions = predict(decoder, codes)
    data = data_matrix("X", X)
    integer_in_range("epochs", epochs, 1, 10**6)
    seeded(seed)
    encoder, decoder = build_mlp_autoencoder(data.shape[1], n_latent, hidden)
    model = nn.Sequential(encoder, decoder)
    losses = train_reconstruction(
        model, data, epochs=epochs, batch_size=batch_size, lr=lr, seed=seed
    )
    codes = predict(encoder, data)
    reconstructions = predict(decoder, codes)
    return {
        "codes": codes,
        "reconstructions": reconstructions,
        "mse": float(np.mean((reconstructions - data) ** 2)),
        "losses": losses,
    }
    # END SOLUTION


@single_threaded
def pca_mse(X: object, k: int) -> float:
    """Mean squared error per entry of the rank-k PCA reconstruction of ``X``.

    ``k`` in [0, min(n_samples, n_features)] (``ValueError`` if not; also for a bad X).
    """
    # BEGIN SOLUTION
    # HINT: as in exercise 2, then divide the squared error by X.size.
    data = data_matrix("X", X)
    k = integer_in_range("k", k, 0, min(data.shape))
    mean = data.mean(axis=0)
    centred = data - mean
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reconstruction = (centred @ vt[:k].T) @ vt[:k]
    return float(np.mean((centred - reconstruction) ** 2))
    # END SOLUTION
