"""Exercise ex01 — diagnose learning pathologies from a training history and the model.

A training run leaves a :class:`~icsc_hpo_pathologies.history.History` (losses, metrics,
gradient norms and activation statistics per epoch), a trained model and its data. Write
small detectors, one per symptom, and combine them in :func:`diagnose`, which names every
pathology present using the vocabulary ``PATHOLOGIES``:

``overfitting``, ``majority_class``, ``dead_relu``, ``exploding_gradients``,
``vanishing_gradients``, ``identity_mapping``, ``ae_collapse``, ``divergence``.

The model is handed over as a plain function ``predict(X) -> outputs`` of numpy arrays
(``icsc_hpo_pathologies.training.predictor(run.model)``): logits of shape ``(n,)`` for a
classifier, reconstructions of shape ``(n, n_features)`` for an autoencoder. The data is a
mapping with at least ``"task"``, ``"X_val"`` and ``"y_val"`` (``run.data.to_dict()``); a
history may be a ``History`` or its ``to_dict()`` form.

The hidden tests run :func:`diagnose` on every run of
:mod:`icsc_hpo_pathologies.catalogue` for several seeds: each broken run must be named
(knock-on symptoms listed in ``Entry.tolerated`` may be named too) and healthy runs must
give an empty set. The thresholds below work on the catalogue; feel free to tune them, but
say why in a comment.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from icsc_hpo_pathologies.catalogue import PATHOLOGIES
from icsc_hpo_pathologies.history import History

Predict = Callable[[np.ndarray], np.ndarray]

__all__ = [
    "PATHOLOGIES",
    "dead_unit_fraction",
    "diagnose",
    "diverged",
    "gradient_depth_ratio",
    "overfitted",
    "predicts_single_class",
    "reconstruction_r2",
]

# Suggested thresholds (the catalogue's healthy and broken runs lie far on either side).
DIVERGENCE_GROWTH = 10.0  # final training loss this many times the first one
OVERFIT_RISE = 1.3  # final validation loss / lowest validation loss
OVERFIT_GAP = 0.1  # train metric - validation metric at the end
GRAD_NORM_LIMIT = 100.0  # a global gradient norm above this is "exploding"
DEPTH_RATIO_LIMIT = 1e-4  # smallest / largest per-layer gradient norm at the first epoch
DEAD_LIMIT = 0.5  # fraction of dead units in the worst hidden layer
SINGLE_CLASS_SHARE = 0.99  # share of the most predicted class ...
MINORITY_SHARE = 0.02  # ... while the rarer true class is at least this frequent
IDENTITY_NOISE_R2 = 0.3  # an autoencoder that reconstructs pure noise this well copies
COLLAPSE_R2 = 0.1  # an autoencoder that explains less of its data than this collapsed
NOISE_SEED = 12345


def _history(history: History | dict) -> History:
    """A validated History; ``TypeError`` for other types, ``ValueError`` if empty."""
    history = History.coerce(history)
    history.validate()  # raises ValueError("the history is empty ...")
    return history


def diverged(history: History | dict) -> bool:
    """True if training diverged.

    Divergence: some recorded training loss is not finite (``nan`` or ``inf``), or the last
    training loss is more than ``DIVERGENCE_GROWTH`` times the first one.
    Raises ``TypeError`` for anything but a History or its dict form, ``ValueError`` for
    an empty history.
    """
    # BEGIN SOLUTION
    # HINT: math.isfinite rejects both nan and inf; compare history.train_loss[-1] with [0].
    history = _history(history)
    losses = history.train_loss
    if not all(math.isfinite(loss) for loss in losses):
        return True
    return losses[-1] > DIVERGENCE_GROWTH * losses[0]
    # END SOLUTION


def overfitted(history: History | dict) -> bool:
    """True if the run memorised its training set.

    Overfitting: the validation loss ended more than ``OVERFIT_RISE`` times above its
    lowest value *and* the training metric ends more than ``OVERFIT_GAP`` above the
    validation metric. A diverged history (non-finite losses) is not called overfitted.
    Raises like :func:`diverged`.
    """
    # BEGIN SOLUTION
    # HINT: history.best_epoch is where the validation loss was lowest.
    history = _history(history)
    if not all(math.isfinite(v) for v in (*history.val_loss, *history.train_loss)):
        return False
    best = history.val_loss[history.best_epoch]
    rise = history.val_loss[-1] > OVERFIT_RISE * best
    gap = history.train_metric[-1] - history.val_metric[-1] > OVERFIT_GAP
    return rise and gap
    # END SOLUTION


def gradient_depth_ratio(history: History | dict, epoch: int = 0) -> float:
    """Smallest over largest per-layer weight-gradient norm at ``epoch`` (dimensionless).

    Reads ``history.layer_grad_norms[epoch]``. Returns ``nan`` when the largest norm is
    zero or any norm is not finite (no usable gradient). A healthy network has a ratio
    of order 0.1-1; a vanishing-gradient network many orders of magnitude less.
    Raises ``IndexError`` for an epoch that was not recorded.
    """
    # BEGIN SOLUTION
    # HINT: np.asarray(history.layer_grad_norms[epoch]); guard the division by zero.
    history = _history(history)
    if not -len(history) <= epoch < len(history):
        msg = f"epoch {epoch} was not recorded (history has {len(history)} epochs)"
        raise IndexError(msg)
    norms = np.asarray(history.layer_grad_norms[epoch], dtype=float)
    if not np.all(np.isfinite(norms)) or norms.max() == 0:
        return math.nan
    return float(norms.min() / norms.max())
    # END SOLUTION


def dead_unit_fraction(history: History | dict) -> float:
    """Largest fraction of dead units over hidden layers at the last epoch (0 if none)."""
    # BEGIN SOLUTION
    # HINT: history.dead_fraction[-1] holds one fraction per hidden activation layer.
    history = _history(history)
    return max(history.dead_fraction[-1], default=0.0)
    # END SOLUTION


def predicts_single_class(predict: Predict, data: Mapping[str, Any]) -> bool:
    """True if a binary classifier predicts (almost) one class only on ``data["X_val"]``.

    "Almost": the most predicted class takes at least ``SINGLE_CLASS_SHARE`` of the
    predictions (logit > 0 means class 1) while the rarer class makes up at least
    ``MINORITY_SHARE`` of ``data["y_val"]``. Raises ``ValueError`` if ``data["task"]`` is
    not ``"binary"``.
    """
    # BEGIN SOLUTION
    # HINT: logits = np.asarray(predict(data["X_val"])); the share of class 1 is np.mean(logits > 0).
    if data["task"] != "binary":
        msg = f"predicts_single_class needs a binary task, got {data['task']!r}"
        raise ValueError(msg)
    predicted_positive = float(np.mean(np.asarray(predict(data["X_val"])) > 0))
    true_positive = float(np.mean(data["y_val"]))
    majority_share = max(predicted_positive, 1.0 - predicted_positive)
    minority_share = min(true_positive, 1.0 - true_positive)
    return majority_share >= SINGLE_CLASS_SHARE and minority_share >= MINORITY_SHARE
    # END SOLUTION


def reconstruction_r2(predict: Predict, X: np.ndarray) -> float:
    """Coefficient of determination of ``predict(X)`` as a reconstruction of ``X``.

    ``1 - sum((X - predict(X))**2) / sum((X - X.mean(axis=0))**2)``, pooled over all
    features (this equals scikit-learn's ``r2_score(..., multioutput="variance_weighted")``).
    ``X``: shape ``(n, n_features)`` with ``n >= 2``; raises ``ValueError`` otherwise.
    """
    # BEGIN SOLUTION
    # HINT: both sums run over every element; X.mean(axis=0) is the per-feature mean.
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        msg = f"X must have shape (n >= 2, n_features), got {X.shape}"
        raise ValueError(msg)
    reconstruction = np.asarray(predict(X), dtype=float)
    ss_res = float(np.sum((X - reconstruction) ** 2))
    ss_tot = float(np.sum((X - X.mean(axis=0)) ** 2))
    return 1.0 - ss_res / ss_tot
    # END SOLUTION


def diagnose(history: History | dict, predict: Predict, data: Mapping[str, Any]) -> set[str]:
    """Names (from ``PATHOLOGIES``) of every pathology the run shows; empty when healthy.

    * ``divergence``: :func:`diverged`.
    * ``overfitting``: :func:`overfitted`.
    * ``exploding_gradients``: some ``grad_norm_max`` is above ``GRAD_NORM_LIMIT`` or not
      finite.
    * ``vanishing_gradients``: :func:`gradient_depth_ratio` at the first epoch is below
      ``DEPTH_RATIO_LIMIT`` (``nan`` is not below anything).
    * ``dead_relu``: :func:`dead_unit_fraction` above ``DEAD_LIMIT``.
    * ``majority_class`` (binary tasks): :func:`predicts_single_class`.
    * ``identity_mapping`` (reconstruction): the model reconstructs standard-normal noise
      (seed ``NOISE_SEED``, the shape of ``data["X_val"]``) with R² above
      ``IDENTITY_NOISE_R2``.
    * ``ae_collapse`` (reconstruction): R² on ``data["X_val"]`` below ``COLLAPSE_R2``.

    ``data["task"]`` is ``"binary"``, ``"regression"`` or ``"reconstruction"``. Raises
    ``TypeError`` if ``history`` is neither a History nor a dict, ``ValueError`` if it is
    empty.
    """
    # BEGIN SOLUTION
    # HINT: start with found = set(); add one name per detector that fires.
    history = _history(history)
    found: set[str] = set()
    if diverged(history):
        found.add("divergence")
    if overfitted(history):
        found.add("overfitting")
    if any(not math.isfinite(g) or g > GRAD_NORM_LIMIT for g in history.grad_norm_max):
        found.add("exploding_gradients")
    if gradient_depth_ratio(history, 0) < DEPTH_RATIO_LIMIT:
        found.add("vanishing_gradients")
    if dead_unit_fraction(history) > DEAD_LIMIT:
        found.add("dead_relu")
    if data["task"] == "binary" and predicts_single_class(predict, data):
        found.add("majority_class")
    if data["task"] == "reconstruction":
        noise = np.random.default_rng(NOISE_SEED).standard_normal(np.shape(data["X_val"]))
        if reconstruction_r2(predict, noise) > IDENTITY_NOISE_R2:
            found.add("identity_mapping")
        if reconstruction_r2(predict, data["X_val"]) < COLLAPSE_R2:
            found.add("ae_collapse")
    return found
    # END SOLUTION
