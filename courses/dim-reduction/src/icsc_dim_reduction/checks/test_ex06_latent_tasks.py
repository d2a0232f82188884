"""Public checks for exercise 6: clustering and classification in a latent space."""

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score


def test_adjusted_rand_index_matches_scikit_learn(exercise):
    ex = exercise("ex06_latent_tasks")
    rng = np.random.default_rng(2)
    for _ in range(5):
        a = rng.integers(0, 4, size=60)
        b = rng.integers(0, 6, size=60)
        # Both are the same closed formula in double precision.
        assert ex.adjusted_rand_index(a, b) == pytest.approx(adjusted_rand_score(a, b), abs=1e-12)
    # Renaming the clusters changes nothing.
    a = rng.integers(0, 5, size=40)
    assert ex.adjusted_rand_index(a, (a + 3) * 7) == pytest.approx(1.0, abs=1e-12)


@pytest.mark.points(2)
def test_pca_codes_against_raw_pixels(exercise, digits):
    ex = exercise("ex06_latent_tasks")
    train = digits["train_images"].reshape(-1, 64)
    test = digits["test_images"].reshape(-1, 64)
    representations = {"pixels": (train, test)}
    for k in (2, 16):
        pca = PCA(n_components=k, svd_solver="full").fit(train)
        representations[f"pca{k}"] = (pca.transform(train), pca.transform(test))
    table = ex.compare_representations(
        representations, digits["train_labels"], digits["test_labels"]
    )
    assert set(table) == {"pixels", "pca2", "pca16"}
    assert table["pca16"]["dims"] == 16
    # Measured: accuracy 0.969 (pixels), 0.962 (pca16), 0.589 (pca2). Two numbers cannot
    # tell ten digits apart; sixteen nearly match all 64 pixels.
    assert table["pixels"]["accuracy"] > 0.93
    assert table["pca16"]["accuracy"] > 0.9
    assert table["pca2"]["accuracy"] < table["pca16"]["accuracy"] - 0.2
    # The ARI is k-means (as specified) scored by scikit-learn's own ARI.
    for name, (_, codes) in representations.items():
        found = KMeans(n_clusters=10, n_init=10, random_state=0).fit_predict(codes)
        expected = adjusted_rand_score(digits["test_labels"], found)
        assert table[name]["ari"] == pytest.approx(expected, abs=1e-9)
