"""Exercise ex03 — metrics that disagree with the loss.

On imbalanced data a classifier that always answers "negative" has a low cross-entropy and
a high accuracy, and it is useless. Write the metrics that expose it, with numpy only (the
tests compare them with scikit-learn's):

* :func:`balanced_accuracy` — the mean of the recalls of the two classes;
* :func:`f1` — the harmonic mean of precision and recall of the positive class;
* :func:`roc_auc` — the probability that a random positive scores above a random negative;
* :func:`expected_calibration_error` — how far predicted probabilities are from observed
  frequencies;
* :func:`fit_temperature` — the one-parameter recalibration ``sigmoid(logit / T)``;
* :func:`report` — all of them side by side with the log loss.

Conventions: labels are 0/1 (``1`` is the positive class), ``y_true`` and the predictions
or scores are 1-D arrays of the same length. Bad input raises ``ValueError`` naming what
is wrong: mismatched shapes, labels other than 0/1, non-finite scores, probabilities
outside [0, 1].
"""

from __future__ import annotations

import math

import numpy as np

__all__ = [
    "balanced_accuracy",
    "expected_calibration_error",
    "f1",
    "fit_temperature",
    "report",
    "roc_auc",
]


def _as_binary_pair(
    y_true: np.ndarray, values: np.ndarray, what: str
) -> tuple[np.ndarray, np.ndarray]:
    """``y_true`` as int 0/1 and ``values`` as float, both 1-D and finite, or ``ValueError``."""
    # BEGIN SOLUTION
    # HINT: np.asarray, then check .ndim, .shape, np.isin(y, (0, 1)) and np.isfinite.
    y = np.asarray(y_true)
    v = np.asarray(values, dtype=float)
    if y.ndim != 1 or v.ndim != 1 or y.shape != v.shape or y.size == 0:
        msg = f"y_true and {what} must be non-empty 1-D arrays of equal length, got shapes {y.shape} and {v.shape}"
        raise ValueError(msg)
    if not np.all(np.isin(y, (0, 1))):
        msg = "y_true must contain only the labels 0 and 1"
        raise ValueError(msg)
    if not np.all(np.isfinite(v)):
        msg = f"{what} contain nan or inf"
        raise ValueError(msg)
    return y.astype(int), v
    # END SOLUTION


def balanced_accuracy(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """(recall of class 1 + recall of class 0) / 2, in [0, 1]; 0.5 for a constant guess.

    ``y_pred`` holds 0/1 predictions. Raises ``ValueError`` if ``y_true`` lacks a class.
    """
    # BEGIN SOLUTION
    # HINT: recall of class c = mean(y_pred[y_true == c] == c).
    y, p = _as_binary_pair(y_true, y_pred, "y_pred")
    if y.min() == y.max():
        msg = "balanced accuracy needs both classes in y_true"
        raise ValueError(msg)
    recall_pos = float(np.mean(p[y == 1] == 1))
    recall_neg = float(np.mean(p[y == 0] == 0))
    return (recall_pos + recall_neg) / 2.0
    # END SOLUTION


def f1(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """F1 of the positive class: 2 TP / (2 TP + FP + FN); 0.0 when that is 0 / 0."""
    # BEGIN SOLUTION
    # HINT: count TP, FP, FN with boolean masks.
    y, p = _as_binary_pair(y_true, y_pred, "y_pred")
    tp = int(np.sum((p == 1) & (y == 1)))
    fp = int(np.sum((p == 1) & (y == 0)))
    fn = int(np.sum((p == 0) & (y == 1)))
    denominator = 2 * tp + fp + fn
    return 2.0 * tp / denominator if denominator else 0.0
    # END SOLUTION


def roc_auc(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve = P(score of a random positive > random negative).

    Ties count one half (the Mann-Whitney U statistic divided by n_pos * n_neg). Scores
    may be logits or probabilities: only their order matters. Raises ``ValueError`` if
    ``y_true`` lacks a class.
    """
    # BEGIN SOLUTION
    # HINT: rank all scores (average ranks for ties); U = sum of positive ranks - n_pos(n_pos+1)/2.
    y, s = _as_binary_pair(y_true, scores, "scores")
    n_pos = int(y.sum())
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        msg = "ROC AUC needs both classes in y_true"
        raise ValueError(msg)
    order = np.argsort(s, kind="mergesort")
    sorted_scores = s[order]
    ranks = np.empty(s.size, dtype=float)
    start = 0
    while start < s.size:  # average rank over each run of tied scores
        stop = start
        while stop + 1 < s.size and sorted_scores[stop + 1] == sorted_scores[start]:
            stop += 1
        ranks[order[start : stop + 1]] = (start + stop) / 2.0 + 1.0
        start = stop + 1
    u = ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))
    # END SOLUTION


def expected_calibration_error(y_true: np.ndarray, probs: np.ndarray, n_bins: int = 10) -> float:
    """ECE = sum over bins of (n_b / n) * |observed frequency_b - mean probability_b|.

    Bins have equal widths on [0, 1]; bin ``b`` holds the probabilities ``p`` with
    ``b / n_bins < p <= (b + 1) / n_bins`` and ``p == 0`` falls in the first bin (as in
    scikit-learn's ``calibration_curve(strategy="uniform")``). Empty bins contribute
    nothing. ``probs`` must lie in [0, 1]; ``n_bins`` must be a positive integer.
    """
    # BEGIN SOLUTION
    # HINT: bin index = np.searchsorted(edges[1:-1], probs) with edges = np.linspace(0, 1, n_bins + 1).
    y, p = _as_binary_pair(y_true, probs, "probs")
    if not isinstance(n_bins, int) or n_bins < 1:
        msg = f"n_bins must be a positive integer, got {n_bins!r}"
        raise ValueError(msg)
    if np.any(p < 0) or np.any(p > 1):
        msg = "probs must lie in [0, 1]"
        raise ValueError(msg)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = np.searchsorted(edges[1:-1], p)
    counts = np.bincount(bins, minlength=n_bins)
    observed = np.bincount(bins, weights=y, minlength=n_bins)
    predicted = np.bincount(bins, weights=p, minlength=n_bins)
    filled = counts > 0
    gaps = np.abs(observed[filled] - predicted[filled])  # = n_b * |freq_b - mean_b|
    return float(gaps.sum() / y.size)
    # END SOLUTION


def _mean_log_loss(y: np.ndarray, logits: np.ndarray) -> float:
    """Mean binary cross-entropy of sigmoid(logits), computed stably (nats)."""
    # log(1 + exp(-z)) for y = 1, log(1 + exp(z)) for y = 0
    signed = np.where(y == 1, -logits, logits)
    return float(np.mean(np.logaddexp(0.0, signed)))


def fit_temperature(logits: np.ndarray, y_true: np.ndarray) -> float:
    """The temperature ``T > 0`` minimising the mean log loss of ``sigmoid(logits / T)``.

    ``T > 1`` softens over-confident predictions, ``T < 1`` sharpens timid ones; the
    ranking (hence ROC AUC) does not change. Search ``T`` in [0.01, 100]; relative
    accuracy 1e-4 is plenty.
    """
    # BEGIN SOLUTION
    # HINT: the loss is unimodal in log T: a golden-section search on log T works.
    y, z = _as_binary_pair(y_true, logits, "logits")
    lo, hi = math.log(0.01), math.log(100.0)
    golden = (math.sqrt(5.0) - 1.0) / 2.0
    a, b = hi - golden * (hi - lo), lo + golden * (hi - lo)
    fa, fb = _mean_log_loss(y, z / math.exp(a)), _mean_log_loss(y, z / math.exp(b))
    while hi - lo > 1e-6:
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - golden * (hi - lo)
            fa = _mean_log_loss(y, z / math.exp(a))
        else:
            lo, a, fa = a, b, fb
            b = lo + golden * (hi - lo)
            fb = _mean_log_loss(y, z / math.exp(b))
    return math.exp((lo + hi) / 2.0)
    # END SOLUTION


def report(y_true: np.ndarray, logits: np.ndarray) -> dict[str, float]:
    """Loss and metrics of a binary classifier from its logits (threshold: logit > 0).

    Keys: ``"log_loss"`` (mean cross-entropy, nats), ``"accuracy"``,
    ``"balanced_accuracy"``, ``"f1"``, ``"roc_auc"`` and ``"ece"`` (10 bins, on
    ``sigmoid(logits)``).
    """
    # BEGIN SOLUTION
    # HINT: probabilities = 1 / (1 + exp(-logits)); predictions = logits > 0.
    y, z = _as_binary_pair(y_true, logits, "logits")
    predictions = (z > 0).astype(int)
    probs = 0.5 * (1.0 + np.tanh(0.5 * z))  # = sigmoid(z), without overflow
    return {
        "log_loss": _mean_log_loss(y, z),
        "accuracy": float(np.mean(predictions == y)),
        "balanced_accuracy": balanced_accuracy(y, predictions),
        "f1": f1(y, predictions),
        "roc_auc": roc_auc(y, z),
        "ece": expected_calibration_error(y, probs),
    }
    # END SOLUTION
