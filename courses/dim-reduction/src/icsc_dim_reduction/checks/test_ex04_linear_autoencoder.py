"""Public checks for exercise 4: principal angles, and a linear autoencoder finds PCA."""

import numpy as np
import pytest
from scipy.linalg import subspace_angles
from sklearn.decomposition import PCA


def test_principal_angles_match_scipy(exercise):
    ex = exercise("ex04_linear_autoencoder")
    rng = np.random.default_rng(1)
    A = rng.standard_normal((10, 4))
    B = rng.standard_normal((10, 3))
    # Random subspaces: angles well away from 0, both methods accurate to round-off.
    assert ex.principal_angles(A, B) == pytest.approx(subspace_angles(A, B), abs=1e-12)
    assert ex.principal_angles(B, A) == pytest.approx(subspace_angles(B, A), abs=1e-12)


@pytest.mark.points(3)
def test_linear_autoencoder_spans_the_principal_subspace(exercise, gaussian_data):
    ex = exercise("ex04_linear_autoencoder")
    X, _ = gaussian_data
    result = ex.fit_linear_autoencoder(X, 3)
    assert result["encoder"].shape == (3, 10)
    assert result["decoder"].shape == (10, 3)
    reference = PCA(n_components=3, svd_solver="full").fit(X)
    # Baldi and Hornik (1989): the optimum spans the top-3 principal subspace. The
    # reference run (200 full-batch Adam steps) ends at a largest angle of 3e-4 rad;
    # 0.02 rad (about 1 degree) leaves room for slower but correct training.
    angles = subspace_angles(result["decoder"], reference.components_.T)
    assert np.max(angles) < 0.02
    # Eckart-Young: no rank-3 map beats PCA's error; float32 training gets within 1 %.
    singular = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    optimum = np.sum(singular[3:] ** 2) / X.size
    assert optimum * (1 - 1e-4) <= result["mse"] <= optimum * 1.01
