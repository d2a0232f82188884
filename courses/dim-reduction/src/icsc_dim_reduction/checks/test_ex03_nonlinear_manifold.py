"""Public checks for exercise 3: a curve where PCA fails and an autoencoder does not."""

import numpy as np
import pytest
from sklearn.decomposition import PCA


def _sklearn_pca_mse(X, k):
    pca = PCA(n_components=k, svd_solver="full").fit(X)
    return float(np.mean((pca.inverse_transform(pca.transform(X)) - X) ** 2))


def test_pca_mse_matches_scikit_learn(exercise, s_curve):
    ex = exercise("ex03_nonlinear_manifold")
    X, _ = s_curve
    assert ex.pca_mse(X, 1) == pytest.approx(_sklearn_pca_mse(X, 1), rel=1e-9)
    assert ex.pca_mse(X, 2) == pytest.approx(0.0, abs=1e-20)


@pytest.mark.points(3)
def test_a_one_dimensional_autoencoder_follows_the_curve(exercise, s_curve):
    ex = exercise("ex03_nonlinear_manifold")
    X, _ = s_curve
    result = ex.fit_mlp_autoencoder(X, 1)
    assert result["codes"].shape == (500, 1)
    assert result["reconstructions"].shape == (500, 2)
    assert len(result["losses"]) == 40
    assert result["mse"] == pytest.approx(np.mean((result["reconstructions"] - X) ** 2), rel=1e-6)
    # A straight line keeps only the long axis of the S: PCA's error is 0.26 per entry.
    # The reference autoencoder reaches 0.0008 (seed 0); other seeds and other correct
    # implementations stay below 0.01 in our runs. Requiring 10x better than PCA leaves a
    # wide margin and still fails anything linear.
    assert result["mse"] < 0.1 * _sklearn_pca_mse(X, 1)
