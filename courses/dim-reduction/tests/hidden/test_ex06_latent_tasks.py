"""Hidden tests for exercise 6: ARI edge cases, the classifier, bad input."""

import pytest
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import adjusted_rand_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ([0, 0, 0, 0], [1, 1, 1, 1]),  # one cluster each: 1.0 by convention
        ([0, 1, 2, 3], [5, 6, 7, 8]),  # singletons each: 1.0 by convention
        ([0, 0, 1, 1], [0, 1, 0, 1]),  # crossed halves: below chance
        ([3], [9]),
        ([0, 0, 1, 1, 2, 2], [0, 0, 1, 2, 2, 2]),
    ],
)
def test_adjusted_rand_index_edge_cases(exercise, a, b):
    ex = exercise("ex06_latent_tasks")
    assert ex.adjusted_rand_index(a, b) == pytest.approx(adjusted_rand_score(a, b), abs=1e-12)


def test_kmeans_ari_and_accuracy_follow_the_specification(exercise, digits):
    ex = exercise("ex06_latent_tasks")
    train = digits["train_images"].reshape(-1, 64)
    test = digits["test_images"].reshape(-1, 64)
    pca = PCA(n_components=8, svd_solver="full").fit(train)
    codes_train, codes_test = pca.transform(train), pca.transform(test)
    found = KMeans(n_clusters=10, n_init=10, random_state=3).fit_predict(codes_train)
    expected_ari = adjusted_rand_score(digits["train_labels"], found)
    assert ex.kmeans_ari(codes_train, digits["train_labels"], 10, seed=3) == pytest.approx(
        expected_ari, abs=1e-9
    )
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    model.fit(codes_train, digits["train_labels"])
    expected_accuracy = model.score(codes_test, digits["test_labels"])
    assert ex.logistic_accuracy(
        codes_train, digits["train_labels"], codes_test, digits["test_labels"]
    ) == pytest.approx(expected_accuracy, abs=1e-12)


def test_bad_input_is_rejected(exercise, digits):
    ex = exercise("ex06_latent_tasks")
    codes = digits["test_images"].reshape(-1, 64)[:, :5]
    labels = digits["test_labels"]
    with pytest.raises(ValueError, match="labels"):
        ex.adjusted_rand_index([0, 1, 1], [0, 1])
    with pytest.raises(ValueError, match="integer"):
        ex.adjusted_rand_index([0.5, 1.0], [0, 1])
    with pytest.raises(ValueError, match="n_clusters"):
        ex.kmeans_ari(codes, labels, 1)
    with pytest.raises(ValueError, match="labels"):
        ex.kmeans_ari(codes, labels[:-1], 10)
    with pytest.raises(ValueError, match="columns"):
        ex.logistic_accuracy(codes, labels, codes[:, :3], labels)
    with pytest.raises(ValueError, match="representations"):
        ex.compare_representations({}, labels, labels)
