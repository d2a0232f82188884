"""Public checks for exercise 1: PCA through the SVD, against scikit-learn."""

import numpy as np
import pytest
from sklearn.decomposition import PCA


@pytest.mark.points(2)
def test_components_and_variances_match_scikit_learn(exercise, digits_matrix):
    ex = exercise("ex01_pca_svd")
    result = ex.fit_pca(digits_matrix, 10)
    reference = PCA(n_components=10, svd_solver="full").fit(digits_matrix)
    # Both come from an SVD in double precision: agreement to ~1e-12 relative; the sign of
    # each component is a convention, so compare |cosine| between matching components.
    cosines = np.sum(result["components"] * reference.components_, axis=1)
    assert np.abs(cosines) == pytest.approx(np.ones(10), abs=1e-10)
    assert result["mean"] == pytest.approx(reference.mean_, abs=1e-12)
    assert result["singular_values"] == pytest.approx(reference.singular_values_, rel=1e-10)
    assert result["explained_variance"] == pytest.approx(reference.explained_variance_, rel=1e-10)
    assert result["explained_variance_ratio"] == pytest.approx(
        reference.explained_variance_ratio_, rel=1e-10
    )


def test_all_components_reconstruct_the_data(exercise, gaussian_data):
    ex = exercise("ex01_pca_svd")
    X, _ = gaussian_data
    model = ex.fit_pca(X, X.shape[1])
    scores = ex.transform(X, model["mean"], model["components"])
    assert scores.shape == (X.shape[0], X.shape[1])
    # With every component the projection is a rotation: nothing is lost (round-off only).
    back = ex.inverse_transform(scores, model["mean"], model["components"])
    assert back == pytest.approx(X, abs=1e-10)


def test_bad_input_is_rejected(exercise, gaussian_data):
    ex = exercise("ex01_pca_svd")
    X, _ = gaussian_data
    with pytest.raises(ValueError, match="n_components"):
        ex.fit_pca(X, 0)
    with pytest.raises(ValueError, match="2D"):
        ex.fit_pca(X[:, 0], 1)
