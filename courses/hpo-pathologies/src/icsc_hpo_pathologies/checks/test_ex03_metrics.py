"""Public checks for exercise 3 (metrics), against scikit-learn."""

import numpy as np
import pytest
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score


@pytest.fixture
def labels_and_scores():
    rng = np.random.default_rng(3)
    y = (rng.random(300) < 0.2).astype(int)
    scores = rng.normal(size=300) + 1.2 * y
    return y, scores


def test_balanced_accuracy_and_f1_match_sklearn(exercise, labels_and_scores):
    ex = exercise("ex03_metrics")
    y, scores = labels_and_scores
    predictions = (scores > 0.5).astype(int)
    # Ratios of integer counts: identical up to floating-point rounding.
    assert ex.balanced_accuracy(y, predictions) == pytest.approx(
        balanced_accuracy_score(y, predictions), abs=1e-12
    )
    assert ex.f1(y, predictions) == pytest.approx(f1_score(y, predictions), abs=1e-12)


def test_roc_auc_matches_sklearn(exercise, labels_and_scores):
    ex = exercise("ex03_metrics")
    y, scores = labels_and_scores
    assert ex.roc_auc(y, scores) == pytest.approx(roc_auc_score(y, scores), abs=1e-12)


def test_labels_other_than_zero_and_one_are_refused(exercise):
    ex = exercise("ex03_metrics")
    with pytest.raises(ValueError, match="0 and 1"):
        ex.balanced_accuracy(np.array([0, 2, 1]), np.array([0, 1, 1]))
