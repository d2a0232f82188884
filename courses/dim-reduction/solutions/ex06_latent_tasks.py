"""Exercise 6: what is a latent space good for? Clustering and classification.

A code is useful if the tasks you care about get easier (or cheaper) on it. Measure two:

* **clustering** without labels: k-means on the codes, scored against the true digit
  labels by the adjusted Rand index (ARI; Hubert and Arabie 1985): 1 for identical
  partitions, about 0 for a random one, whatever the cluster names are;
* **classification** with labels: a logistic regression trained on the training codes,
  scored by its accuracy on the test codes.

Write the ARI yourself from the contingency table (``sklearn.metrics.adjusted_rand_score``
is the independent reference of the checks), then compare representations of the same
images: raw pixels, PCA scores, autoencoder codes.

ARI: with n_ij the number of samples in true class i and cluster j, a_i and b_j the row
and column sums, and C(m) = m (m - 1) / 2 the number of pairs,
``index = sum C(n_ij)``, ``expected = sum C(a_i) * sum C(b_j) / C(n)``,
``maximum = (sum C(a_i) + sum C(b_j)) / 2`` and
``ARI = (index - expected) / (maximum - expected)``.
"""

from __future__ import annotations

import numpy as np
from sklearn.cluster import KMeans
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from icsc_dim_reduction.threads import single_threaded
from icsc_dim_reduction.validation import data_matrix, integer_in_range, labels_vector


@single_threaded
def adjusted_rand_index(labels_true: object, labels_pred: object) -> float:
    """The adjusted Rand index of two partitions of the same n samples.

    Both arguments: 1D integer arrays of equal length n >= 1 (any label values). Returns a
    float <= 1, equal to 1 when the partitions agree up to renaming, and 1.0 when the
    formula's denominator is zero (both partitions trivial, e.g. one cluster each), as
    scikit-learn does. Raises ``ValueError`` for different lengths or non-integer labels.
    """
    # BEGIN SOLUTION
    # HINT: _, rows = np.unique(labels_true, return_inverse=True); same for the columns; np.add.at(table, (rows, cols), 1)
    # HINT: pairs = lambda m: m * (m - 1) / 2, applied to the table, its row sums and its column sums.
    true = labels_vector("labels_true", labels_true)
    pred = labels_vector("labels_pred", labels_pred, length=true.size)
    _, rows = np.unique(true, return_inverse=True)
    _, cols = np.unique(pred, return_inverse=True)
    table = np.zeros((rows.max() + 1, cols.max() + 1), dtype=np.int64)
    np.add.at(table, (rows, cols), 1)

    def pairs(counts: np.ndarray) -> float:
        counts = counts.astype(np.float64)
        return float(np.sum(counts * (counts - 1) / 2))

    index = pairs(table)
    row_pairs, col_pairs = pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    total_pairs = true.size * (true.size - 1) / 2
    expected = row_pairs * col_pairs / total_pairs if total_pairs else 0.0
    maximum = (row_pairs + col_pairs) / 2
    if maximum == expected:
        return 1.0
    return float((index - expected) / (maximum - expected))
    # END SOLUTION


@single_threaded
def kmeans_ari(codes: object, labels: object, n_clusters: int = 10, seed: int = 0) -> float:
    """ARI between k-means clusters of ``codes`` and the true ``labels``.

    k-means: ``sklearn.cluster.KMeans(n_clusters, n_init=10, random_state=seed)`` fitted
    on ``codes`` (n, k); the ARI is :func:`adjusted_rand_index`. Raises ``ValueError`` for
    a bad ``codes`` array, labels of another length, or n_clusters not in [2, n].
    """
    # BEGIN SOLUTION
    # HINT: KMeans(...).fit_predict(codes)
    data = data_matrix("codes", codes)
    truth = labels_vector("labels", labels, length=data.shape[0])
    clusters = integer_in_range("n_clusters", n_clusters, 2, data.shape[0])
    found = KMeans(n_clusters=clusters, n_init=10, random_state=seed).fit_predict(data)
    return adjusted_rand_index(truth, found)
    # END SOLUTION


@single_threaded
def logistic_accuracy(
    train_codes: object, train_labels: object, test_codes: object, test_labels: object
) -> float:
    """Test accuracy (fraction in [0, 1]) of a logistic regression fitted on the training codes.

    Classifier: ``make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))``.
    Raises ``ValueError`` for bad arrays, label counts that do not match, or train and
    test codes of different widths.
    """
    # BEGIN SOLUTION
    # HINT: model.fit(train_codes, train_labels); np.mean(model.predict(test_codes) == test_labels)
    train = data_matrix("train_codes", train_codes)
    test = data_matrix("test_codes", test_codes, min_rows=1)
    if train.shape[1] != test.shape[1]:
        msg = f"train codes have {train.shape[1]} columns, test codes {test.shape[1]}"
        raise ValueError(msg)
    y_train = labels_vector("train_labels", train_labels, length=train.shape[0])
    y_test = labels_vector("test_labels", test_labels, length=test.shape[0])
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    model.fit(train, y_train)
    return float(np.mean(model.predict(test) == y_test))
    # END SOLUTION


@single_threaded
def compare_representations(
    representations: dict[str, tuple[object, object]],
    train_labels: object,
    test_labels: object,
    *,
    n_clusters: int = 10,
    seed: int = 0,
) -> dict[str, dict[str, float]]:
    """Score several representations of the same train/test samples.

    ``representations`` maps a name (e.g. ``"pixels"``, ``"pca16"``) to a pair
    ``(train_codes, test_codes)``. For each, returns ``{"dims": code width (as float),
    "ari": kmeans_ari(test_codes, test_labels, n_clusters, seed), "accuracy":
    logistic_accuracy(train_codes, train_labels, test_codes, test_labels)}``, under the same
    name. Raises ``ValueError`` if ``representations`` is empty.
    """
    # BEGIN SOLUTION
    # HINT: one dict per name; clustering on the test codes (no labels are used to fit it).
    if not representations:
        msg = "representations must name at least one (train_codes, test_codes) pair"
        raise ValueError(msg)
    table = {}
    for name, (train_codes, test_codes) in representations.items():
        test = data_matrix(f"{name} test codes", test_codes)
        table[name] = {
            "dims": float(test.shape[1]),
            "ari": kmeans_ari(test, test_labels, n_clusters, seed),
            "accuracy": logistic_accuracy(train_codes, train_labels, test, test_labels),
        }
    return table
    # END SOLUTION
