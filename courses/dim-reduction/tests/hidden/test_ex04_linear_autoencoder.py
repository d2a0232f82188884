"""Hidden tests for exercise 4: angles with known answers; another seed and size."""

import numpy as np
import pytest
from scipy.linalg import subspace_angles
from sklearn.decomposition import PCA


@pytest.mark.parametrize("theta", [1e-6, 1e-3, 0.3, 1.2, np.pi / 2])
def test_angle_between_two_lines_in_a_plane(exercise, theta):
    ex = exercise("ex04_linear_autoencoder")
    a = np.array([[1.0], [0.0], [0.0]])
    b = np.array([[np.cos(theta)], [np.sin(theta)], [0.0]])
    # The contract promises 1e-7 rad near 0 (plain arccos of the cosine is only good to
    # about 1e-8 / theta there); away from 0 it is round-off.
    assert ex.principal_angles(a, b) == pytest.approx([theta], abs=1e-7)


def test_same_and_orthogonal_subspaces(exercise):
    ex = exercise("ex04_linear_autoencoder")
    rng = np.random.default_rng(6)
    A = rng.standard_normal((8, 3))
    mixed = A @ rng.standard_normal((3, 3))  # another basis of the same subspace
    assert ex.principal_angles(A, mixed) == pytest.approx(np.zeros(3), abs=1e-7)
    E = np.eye(6)
    assert ex.principal_angles(E[:, :2], E[:, 2:5]) == pytest.approx(
        np.full(2, np.pi / 2), abs=1e-12
    )
    B = rng.standard_normal((8, 2))
    assert ex.principal_angles(A, B) == pytest.approx(subspace_angles(A, B), abs=1e-12)


@pytest.mark.points(2)
def test_two_dimensional_code_with_another_seed(exercise, gaussian_data):
    ex = exercise("ex04_linear_autoencoder")
    X, _ = gaussian_data
    result = ex.fit_linear_autoencoder(X, 2, seed=4)
    reference = PCA(n_components=2, svd_solver="full").fit(X)
    assert np.max(subspace_angles(result["decoder"], reference.components_.T)) < 0.02
    assert result["mean"] == pytest.approx(X.mean(axis=0), abs=1e-12)
    # The student's own angles agree with SciPy's on the trained decoder as well.
    assert ex.principal_angles(result["decoder"], reference.components_.T) == pytest.approx(
        subspace_angles(result["decoder"], reference.components_.T), abs=1e-9
    )


def test_bad_input_is_rejected(exercise, gaussian_data):
    ex = exercise("ex04_linear_autoencoder")
    X, _ = gaussian_data
    with pytest.raises(ValueError, match="rows"):
        ex.principal_angles(np.ones((4, 1)), np.ones((5, 1)))
    with pytest.raises(ValueError, match="rank"):
        ex.principal_angles(np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]]), np.eye(3)[:, :1])
    with pytest.raises(ValueError, match="k"):
        ex.fit_linear_autoencoder(X, 0, epochs=1)
