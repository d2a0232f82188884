# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
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
    # HINT: _, rows = np.unique(labels_true, return_inverse=True); same for the columns; np.add.at(table, (rows, cols), 1)
    # HINT: pairs = lambda m: m * (m - 1) / 2, applied to the table, its row sums and its column sums.
    # TODO: your code here.
    raise NotImplementedError("ex06_latent_tasks: this part is yours to write (icsc hint ex06)")


@single_threaded
def kmeans_ari(codes: object, labels: object, n_clusters: int = 10, seed: int = 0) -> float:
    """ARI between k-means clusters of ``codes`` and the true ``labels``.

    k-means: ``sklearn.cluster.KMeans(n_clusters, n_init=10, random_state=seed)`` fitted
    on ``codes`` (n, k); the ARI is :func:`adjusted_rand_index`. Raises ``ValueError`` for
    a bad ``codes`` array, labels of another length, or n_clusters not in [2, n].
    """
    # HINT: KMeans(...).fit_predict(codes)
    # TODO: your code here.
    raise NotImplementedError("ex06_latent_tasks: this part is yours to write (icsc hint ex06)")


@single_threaded
def logistic_accuracy(
    train_codes: object, train_labels: object, test_codes: object, test_labels: object
) -> float:
    """Test accuracy (fraction in [0, 1]) of a logistic regression fitted on the training codes.

    Classifier: ``make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))``.
    Raises ``ValueError`` for bad arrays, label counts that do not match, or train and
    test codes of different widths.
    """
    # HINT: model.fit(train_codes, train_labels); np.mean(model.predict(test_codes) == test_labels)
    # TODO: your code here.
    raise NotImplementedError("ex06_latent_tasks: this part is yours to write (icsc hint ex06)")


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
    # HINT: one dict per name; clustering on the test codes (no labels are used to fit it).
    # TODO: your code here.
    raise NotImplementedError("ex06_latent_tasks: this part is yours to write (icsc hint ex06)")
