# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
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
    # HINT: np.asarray, then check .ndim, .shape, np.isin(y, (0, 1)) and np.isfinite.
    # TODO: your code here.
    raise NotImplementedError("ex03_metrics: this part is yours to write (icsc hint ex03)")


def balanced_accuracy(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """(recall of class 1 + recall of class 0) / 2, in [0, 1]; 0.5 for a constant guess.

    ``y_pred`` holds 0/1 predictions. Raises ``ValueError`` if ``y_true`` lacks a class.
    """
    # HINT: recall of class c = mean(y_pred[y_true == c] == c).
    # TODO: your code here.
    raise NotImplementedError("ex03_metrics: this part is yours to write (icsc hint ex03)")


def f1(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """F1 of the positive class: 2 TP / (2 TP + FP + FN); 0.0 when that is 0 / 0."""
    # HINT: count TP, FP, FN with boolean masks.
    # TODO: your code here.
    raise NotImplementedError("ex03_metrics: this part is yours to write (icsc hint ex03)")


def roc_auc(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve = P(score of a random positive > random negative).

    Ties count one half (the Mann-Whitney U statistic divided by n_pos * n_neg). Scores
    may be logits or probabilities: only their order matters. Raises ``ValueError`` if
    ``y_true`` lacks a class.
    """
    # HINT: rank all scores (average ranks for ties); U = sum of positive ranks - n_pos(n_pos+1)/2.
    # TODO: your code here.
    raise NotImplementedError("ex03_metrics: this part is yours to write (icsc hint ex03)")


def expected_calibration_error(y_true: np.ndarray, probs: np.ndarray, n_bins: int = 10) -> float:
    """ECE = sum over bins of (n_b / n) * |observed frequency_b - mean probability_b|.

    Bins have equal widths on [0, 1]; bin ``b`` holds the probabilities ``p`` with
    ``b / n_bins < p <= (b + 1) / n_bins`` and ``p == 0`` falls in the first bin (as in
    scikit-learn's ``calibration_curve(strategy="uniform")``). Empty bins contribute
    nothing. ``probs`` must lie in [0, 1]; ``n_bins`` must be a positive integer.
    """
    # HINT: bin index = np.searchsorted(edges[1:-1], probs) with edges = np.linspace(0, 1, n_bins + 1).
    # TODO: your code here.
    raise NotImplementedError("ex03_metrics: this part is yours to write (icsc hint ex03)")


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
    # HINT: the loss is unimodal in log T: a golden-section search on log T works.
    # TODO: your code here.
    raise NotImplementedError("ex03_metrics: this part is yours to write (icsc hint ex03)")


def report(y_true: np.ndarray, logits: np.ndarray) -> dict[str, float]:
    """Loss and metrics of a binary classifier from its logits (threshold: logit > 0).

    Keys: ``"log_loss"`` (mean cross-entropy, nats), ``"accuracy"``,
    ``"balanced_accuracy"``, ``"f1"``, ``"roc_auc"`` and ``"ece"`` (10 bins, on
    ``sigmoid(logits)``).
    """
    # HINT: probabilities = 1 / (1 + exp(-logits)); predictions = logits > 0.
    # TODO: your code here.
    raise NotImplementedError("ex03_metrics: this part is yours to write (icsc hint ex03)")
