"""Hidden tests for exercise 1: conventions, known answers, bad input."""

import numpy as np
import pytest
from sklearn.decomposition import PCA

from icsc_dim_reduction.datasets import gaussian_with_spectrum


def test_sign_convention_and_orthonormal_rows(exercise, digits_matrix):
    ex = exercise("ex01_pca_svd")
    components = ex.fit_pca(digits_matrix, 12)["components"]
    assert components.shape == (12, 64)
    assert components @ components.T == pytest.approx(np.eye(12), abs=1e-12)
    largest = components[np.arange(12), np.argmax(np.abs(components), axis=1)]
    assert np.all(largest > 0)


def test_scores_match_scikit_learn_up_to_sign(exercise, gaussian_data):
    ex = exercise("ex01_pca_svd")
    X, _ = gaussian_data
    model = ex.fit_pca(X, 4)
    reference = PCA(n_components=4, svd_solver="full").fit(X)
    signs = np.sign(np.sum(model["components"] * reference.components_, axis=1))
    scores = ex.transform(X, model["mean"], model["components"])
    assert scores == pytest.approx(reference.transform(X) * signs, abs=1e-10)
    back = ex.inverse_transform(scores, model["mean"], model["components"])
    assert back == pytest.approx(reference.inverse_transform(reference.transform(X)), abs=1e-10)


@pytest.mark.points(2)
def test_recovers_the_population_directions_and_variances(exercise):
    ex = exercise("ex01_pca_svd")
    variances = (5.0, 2.0, 0.5, 0.1)
    X, basis = gaussian_with_spectrum(20_000, variances, seed=3)
    model = ex.fit_pca(X, 4)
    # Sample eigenvalues scatter by about sqrt(2 / n) = 1 % relative around the truth;
    # 5 % is a 5-sigma bound. Directions: |cos| between estimate and truth > 0.999.
    assert model["explained_variance"] == pytest.approx(variances, rel=0.05)
    cosines = np.abs(np.sum(model["components"] * basis.T, axis=1))
    assert np.all(cosines > 0.999)
    assert model["mean"] == pytest.approx(X.mean(axis=0), abs=1e-12)


def test_more_features_than_samples(exercise):
    ex = exercise("ex01_pca_svd")
    X = np.random.default_rng(4).standard_normal((5, 12))
    model = ex.fit_pca(X, 5)
    reference = PCA(n_components=5, svd_solver="full").fit(X)
    # Five centred samples span at most four directions: the fifth variance is zero.
    assert model["explained_variance"][:4] == pytest.approx(reference.explained_variance_[:4])
    assert model["explained_variance"][4] == pytest.approx(0.0, abs=1e-12)
    assert np.sum(model["explained_variance_ratio"]) == pytest.approx(1.0)


def test_bad_input_is_rejected(exercise, gaussian_data):
    ex = exercise("ex01_pca_svd")
    X, _ = gaussian_data
    with pytest.raises(ValueError, match="n_components"):
        ex.fit_pca(X, 11)
    with pytest.raises(TypeError, match="n_components"):
        ex.fit_pca(X, 2.5)
    bad = X.copy()
    bad[3, 4] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        ex.fit_pca(bad, 2)
    model = ex.fit_pca(X, 3)
    with pytest.raises(ValueError, match="features"):
        ex.transform(X[:, :5], model["mean"], model["components"])
    with pytest.raises(ValueError, match="components"):
        ex.inverse_transform(np.zeros((4, 2)), model["mean"], model["components"])
