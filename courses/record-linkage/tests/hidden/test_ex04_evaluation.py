"""Hidden tests for exercise 4: conventions, renaming invariance, bad input."""

import pytest


def test_perfect_and_trivial_clusterings(exercise):
    ex = exercise("ex04_evaluation")
    truth = [0, 0, 1, 1, 1, 2]
    renamed = [7, 7, 3, 3, 3, 9]
    for measure in (ex.pairwise_prf, ex.bcubed):
        assert measure(truth, renamed) == pytest.approx(
            {"precision": 1.0, "recall": 1.0, "f1": 1.0}
        )
    # Singletons claim nothing: pairwise precision 1 by convention, recall 0, F1 0.
    assert ex.pairwise_prf(truth, [0, 1, 2, 3, 4, 5]) == pytest.approx(
        {"precision": 1.0, "recall": 0.0, "f1": 0.0}
    )
    # One big cluster: pairwise recall 1, precision = 4 true pairs of 15.
    assert ex.pairwise_prf(truth, [0] * 6)["precision"] == pytest.approx(4 / 15)
    assert ex.bcubed([], []) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert ex.binary_prf([0, 0], [0, 0]) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_bad_lengths(exercise):
    ex = exercise("ex04_evaluation")
    with pytest.raises(ValueError, match="predicted"):
        ex.pairwise_prf([0, 1], [0])
    with pytest.raises(ValueError, match="predicted"):
        ex.bcubed([0], [0, 1])
    with pytest.raises(ValueError, match="predicted"):
        ex.binary_prf([1, 0, 1], [1, 0])
