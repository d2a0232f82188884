# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 4: evaluating a linkage — pairwise precision, recall, F1 and B-cubed.

A linkage can be judged on *pairs* or on *clusters* [Christen 2012, ch. 7; Menestrina et
al. 2010]:

* **pairwise**: a pair of records is a predicted match if both are in the same predicted
  cluster, a true match if both have the same entity. Precision P = TP / (TP + FP),
  recall R = TP / (TP + FN), F1 = 2 P R / (P + R). Counting pairs one by one costs n²;
  count them from the contingency table instead: a cell with c records holds c(c-1)/2
  pairs that are true and predicted matches at once;
* **B-cubed**: for each record r, precision(r) = |pred(r) ∩ true(r)| / |pred(r)| and
  recall(r) = |pred(r) ∩ true(r)| / |true(r)|, where pred(r) and true(r) are the sets of
  records in r's predicted and true clusters (r included); average over the records
  (Bagga and Baldwin 1998). Big clusters weigh less than in the pairwise measures.

Convention for an empty denominator: precision and recall are 1.0 when there is nothing
to find or nothing was claimed; F1 is 0.0 if P + R == 0.
"""

from __future__ import annotations

from collections import Counter

import numpy as np


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _check_labels(true_labels: list[int], pred_labels: list[int]) -> None:
    if len(true_labels) != len(pred_labels):
        msg = f"{len(true_labels)} true labels but {len(pred_labels)} predicted"
        raise ValueError(msg)


def binary_prf(y_true: object, y_pred: object) -> dict[str, float]:
    """P, R and F1 of binary pair decisions (1 = match), e.g. on DBLP-ACM test pairs.

    ``y_true``, ``y_pred``: 1D arrays of 0/1 or bool of equal length. Returns
    {"precision", "recall", "f1"} as floats. Raises ``ValueError`` for other lengths.
    """
    # HINT: t = np.asarray(y_true, bool); p = np.asarray(y_pred, bool); tp = np.sum(t & p)
    # TODO: your code here.
    raise NotImplementedError("ex04_evaluation: this part is yours to write (icsc hint ex04)")


def pairwise_prf(true_labels: list[int], pred_labels: list[int]) -> dict[str, float]:
    """Pairwise P, R and F1 of a clustering, counted from the contingency table.

    ``true_labels``, ``pred_labels``: one int cluster id per record (any values). Returns
    {"precision", "recall", "f1"}. Raises ``ValueError`` for different lengths.
    """
    # HINT: pairs = lambda c: c * (c - 1) // 2
    # HINT: Counter(zip(true_labels, pred_labels)) is the contingency table; Counter(pred_labels) its column sums.
    # TODO: your code here.
    raise NotImplementedError("ex04_evaluation: this part is yours to write (icsc hint ex04)")


def bcubed(true_labels: list[int], pred_labels: list[int]) -> dict[str, float]:
    """B-cubed precision, recall and F1 (harmonic mean of the two averages).

    Same arguments and errors as :func:`pairwise_prf`. An empty input gives 1.0, 1.0, 1.0.
    """
    # HINT: for record r: overlap = cell[(t, p)], precision(r) = overlap / size_pred[p], recall(r) = overlap / size_true[t]
    # TODO: your code here.
    raise NotImplementedError("ex04_evaluation: this part is yours to write (icsc hint ex04)")
