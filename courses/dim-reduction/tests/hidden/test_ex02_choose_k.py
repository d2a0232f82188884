"""Hidden tests for exercise 2: variance ratios, optimality, storage."""

import numpy as np
import pytest
from sklearn.decomposition import PCA


def test_ratios_match_scikit_learn(exercise, digits_matrix):
    ex = exercise("ex02_choose_k")
    ratio = ex.explained_variance_ratio(digits_matrix)
    reference = PCA(svd_solver="full").fit(digits_matrix).explained_variance_ratio_
    assert ratio.shape == (64,)
    assert ratio == pytest.approx(reference, abs=1e-12)
    assert np.sum(ratio) == pytest.approx(1.0)


@pytest.mark.points(2)
def test_pca_beats_every_other_subspace(exercise, gaussian_data):
    ex = exercise("ex02_choose_k")
    X, _ = gaussian_data
    rng = np.random.default_rng(5)
    centred = X - X.mean(axis=0)
    best = ex.reconstruction_error(X, 3)
    # Eckart-Young optimality: projections on 50 random 3D subspaces all do worse.
    for _ in range(50):
        basis, _ = np.linalg.qr(rng.standard_normal((10, 3)))
        error = np.sum((centred - centred @ basis @ basis.T) ** 2)
        assert error > best


def test_error_and_explained_variance_are_two_views(exercise, gaussian_data):
    ex = exercise("ex02_choose_k")
    X, _ = gaussian_data
    ratio = ex.explained_variance_ratio(X)
    total = ex.reconstruction_error(X, 0)
    assert total == pytest.approx(np.sum((X - X.mean(axis=0)) ** 2), rel=1e-12)
    for k in range(1, 10):
        assert ex.reconstruction_error(X, k) / total == pytest.approx(
            1 - np.sum(ratio[:k]), abs=1e-12
        )


def test_threshold_one_keeps_the_rank(exercise, digits_matrix):
    ex = exercise("ex02_choose_k")
    # Some border pixels are always blank: the centred digits have rank < 64.
    rank = np.linalg.matrix_rank(digits_matrix - digits_matrix.mean(axis=0))
    assert rank < 64
    assert ex.choose_k(digits_matrix, 1.0) == rank


def test_compression_ratio(exercise):
    ex = exercise("ex02_choose_k")
    assert ex.compression_ratio(1797, 64, 10) == pytest.approx(
        1797 * 64 / (1797 * 10 + 10 * 64 + 64)
    )
    # Keeping every component stores more than the data itself.
    assert ex.compression_ratio(100, 64, 64) < 1


def test_bad_input_is_rejected(exercise, gaussian_data):
    ex = exercise("ex02_choose_k")
    X, _ = gaussian_data
    with pytest.raises(ValueError, match="threshold"):
        ex.choose_k(X, 0.0)
    with pytest.raises(ValueError, match="threshold"):
        ex.choose_k(X, 1.5)
    with pytest.raises(ValueError, match="k"):
        ex.reconstruction_error(X, 11)
    with pytest.raises(ValueError, match="k"):
        ex.compression_ratio(100, 10, 11)
    with pytest.raises(ValueError, match="2D"):
        ex.explained_variance_ratio(np.ones(5))
