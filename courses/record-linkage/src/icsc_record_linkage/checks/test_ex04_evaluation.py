"""Public checks for exercise 4: pairwise and B-cubed measures."""

import itertools

import numpy as np
import pytest


def _brute_force_pairwise(true, pred):
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(true)), 2):
        same_true, same_pred = true[i] == true[j], pred[i] == pred[j]
        tp += same_true and same_pred
        fp += same_pred and not same_true
        fn += same_true and not same_pred
    return tp / (tp + fp), tp / (tp + fn)


def test_binary_prf_by_hand(exercise):
    ex = exercise("ex04_evaluation")
    result = ex.binary_prf([1, 1, 0, 0, 1], [1, 0, 1, 0, 1])
    assert result["precision"] == pytest.approx(2 / 3)
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["f1"] == pytest.approx(2 / 3)


@pytest.mark.points(2)
def test_pairwise_prf_matches_brute_force_over_all_pairs(exercise):
    ex = exercise("ex04_evaluation")
    rng = np.random.default_rng(4)
    for _ in range(3):
        true = rng.integers(0, 15, size=60).tolist()
        pred = rng.integers(0, 10, size=60).tolist()
        precision, recall = _brute_force_pairwise(true, pred)
        result = ex.pairwise_prf(true, pred)
        assert result["precision"] == pytest.approx(precision)
        assert result["recall"] == pytest.approx(recall)
        assert result["f1"] == pytest.approx(2 * precision * recall / (precision + recall))


def test_bcubed_of_a_tiny_case_computed_by_hand(exercise):
    ex = exercise("ex04_evaluation")
    # True {0,1,2}, {3}; predicted {0,1}, {2,3}.
    # precision per record: 1, 1, 1/2, 1/2 -> 3/4; recall: 2/3, 2/3, 1/3, 1 -> 2/3.
    result = ex.bcubed([0, 0, 0, 1], [5, 5, 6, 6])
    assert result["precision"] == pytest.approx(0.75)
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))
