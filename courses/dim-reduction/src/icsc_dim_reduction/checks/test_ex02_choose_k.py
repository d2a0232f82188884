"""Public checks for exercise 2: choosing k, and the Eckart-Young theorem."""

import numpy as np
import pytest
from sklearn.decomposition import PCA


@pytest.mark.points(2)
@pytest.mark.parametrize("k", [0, 1, 5, 20, 40])
def test_error_is_the_sum_of_discarded_squared_singular_values(exercise, digits_matrix, k):
    ex = exercise("ex02_choose_k")
    singular = np.linalg.svd(digits_matrix - digits_matrix.mean(axis=0), compute_uv=False)
    # Eckart and Young (1936): the rank-k truncated SVD is the best rank-k approximation,
    # with squared Frobenius error sum(s[k:]**2). Both sides are sums of ~1e5 squares in
    # double precision: relative agreement to 1e-9.
    assert ex.reconstruction_error(digits_matrix, k) == pytest.approx(
        np.sum(singular[k:] ** 2), rel=1e-9
    )


@pytest.mark.parametrize("threshold", [0.5, 0.9, 0.95])
def test_choose_k_agrees_with_scikit_learn(exercise, digits_matrix, threshold):
    ex = exercise("ex02_choose_k")
    # scikit-learn picks the smallest k explaining MORE than the fraction; no cumulative
    # ratio of the digits equals these thresholds exactly, so both rules agree.
    reference = PCA(n_components=threshold, svd_solver="full").fit(digits_matrix)
    assert ex.choose_k(digits_matrix, threshold) == reference.n_components_
