"""Hidden tests for exercise 3: the code is the position along the curve."""

import numpy as np
import pytest
from scipy.stats import spearmanr

from icsc_dim_reduction.datasets import s_curve_2d


@pytest.mark.points(2)
def test_the_code_orders_points_along_the_curve(exercise):
    ex = exercise("ex03_nonlinear_manifold")
    X, t = s_curve_2d(400, noise=0.02, seed=7)
    result = ex.fit_mlp_autoencoder(X, 1, seed=1)
    # make_s_curve returns each point's position t: the one true coordinate. An encoder
    # that unrolls the S is monotonic in t (either direction); the reference reaches
    # |rho| = 0.9999. PCA's code, the coordinate along the long axis, folds the S.
    rho = spearmanr(result["codes"][:, 0], t).statistic
    assert abs(rho) > 0.98
    assert result["mse"] < 0.1 * ex.pca_mse(X, 1)
    assert result["losses"][-1] < result["losses"][0]


def test_training_is_deterministic(exercise, s_curve):
    ex = exercise("ex03_nonlinear_manifold")
    X, _ = s_curve
    first = ex.fit_mlp_autoencoder(X[:100], 2, hidden=8, epochs=2, seed=3)
    second = ex.fit_mlp_autoencoder(X[:100], 2, hidden=8, epochs=2, seed=3)
    assert first["codes"].shape == (100, 2)
    np.testing.assert_array_equal(first["codes"], second["codes"])
    np.testing.assert_array_equal(first["losses"], second["losses"])


def test_bad_input_is_rejected(exercise, s_curve):
    ex = exercise("ex03_nonlinear_manifold")
    X, _ = s_curve
    with pytest.raises(ValueError, match="n_latent"):
        ex.fit_mlp_autoencoder(X, 0, epochs=1)
    with pytest.raises(ValueError, match="2D"):
        ex.fit_mlp_autoencoder(X[:, 0], 1, epochs=1)
    with pytest.raises(ValueError, match="k"):
        ex.pca_mse(X, 3)
