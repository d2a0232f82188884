"""Exercise ex02 — cure each pathology and show the metric move.

For every broken run of :mod:`icsc_hpo_pathologies.catalogue`, :func:`cure` returns a
changed copy of its configuration, written as plain nested dicts
(``entry.config.to_dict()``)::

    {"data":  {"kind": "moons", "n_train": 400, ...},
     "model": {"kind": "mlp", "hidden": (32, 32), "activation": "relu", "init": "default",
               "init_std": 1.0, "bias_init": None, "batchnorm": False, "dropout": 0.0,
               "latent": 2},
     "train": {"optimizer": "adam", "lr": 0.01, "momentum": 0.0, "weight_decay": 0.0,
               "epochs": 40, "batch_size": 64, "grad_clip": None, "class_weight": None,
               "early_stopping": None, "lr_schedule": None, "input_noise": 0.0},
     "seed": 0}

(the meaning of every field: ``ModelSpec`` and ``TrainSpec`` in the library;
``RunConfig.from_dict`` turns the dict back into a config for ``train``).

Fix the cause, not the symptom, and keep the problem the same:

* ``data`` and ``seed`` must not change;
* the network keeps its kind (MLP or autoencoder) and, for ``dead_relu``,
  ``exploding_gradients`` and ``vanishing_gradients``, its depth (``len(hidden)``):
  making a deep network shallow hides the problem instead of solving it.

The hidden tests train the broken and the cured configuration and check, with
scikit-learn's metrics as the yardstick, that the relevant metric moved the right way
(for instance balanced accuracy for ``majority_class``, R² on noise for
``identity_mapping``).
"""

from __future__ import annotations

import copy
from typing import Any

from icsc_hpo_pathologies.catalogue import PATHOLOGIES

__all__ = ["PATHOLOGIES", "cure"]


def cure(pathology: str, config: dict[str, Any]) -> dict[str, Any]:
    """A cured copy of ``config`` (the dict form of a run config) for ``pathology``.

    ``config`` itself is not modified. Raises ``ValueError`` for an unknown pathology name
    and ``TypeError`` if ``config`` is not a dict with ``"model"`` and ``"train"`` dicts.
    """
    # BEGIN SOLUTION
    # HINT: cured = copy.deepcopy(config); then change cured["model"][...] / cured["train"][...].
    if not isinstance(config, dict) or not all(
        isinstance(config.get(section), dict) for section in ("model", "train")
    ):
        msg = "config must be a dict with 'model' and 'train' dicts (RunConfig.to_dict())"
        raise TypeError(msg)
    if pathology not in PATHOLOGIES:
        msg = f"unknown pathology {pathology!r}; known: {', '.join(PATHOLOGIES)}"
        raise ValueError(msg)
    cured = copy.deepcopy(config)
    model, train = cured["model"], cured["train"]
    if pathology == "overfitting":
        # Dropout and an L2 penalty shrink the effective capacity; early stopping keeps
        # the weights of the epoch with the lowest validation loss.
        model["dropout"] = 0.5
        train.update(weight_decay=0.1, early_stopping=5)
    elif pathology == "majority_class":
        # Re-weight the rare class so that both classes weigh the same in the loss.
        train["class_weight"] = "balanced"
    elif pathology == "dead_relu":
        # Zero biases and He init: about half the units fire for any input.
        model.update(bias_init=None, init="he")
    elif pathology == "exploding_gradients":
        # He init keeps the forward variance constant through depth; clipping caps what is
        # left (clipping alone does not help: the activations themselves are too large).
        model["init"] = "he"
        train.update(optimizer="adam", lr=3e-3, grad_clip=1.0)
    elif pathology == "vanishing_gradients":
        # A ReLU-family slope is 1 where active (sigmoid's is at most 1/4); He init to
        # match. Leaky ReLU rather than ReLU: no unit can die in a 10-layer stack.
        model.update(activation="leaky_relu", init="he")
        train.update(optimizer="adam", lr=3e-3)
    elif pathology == "identity_mapping":
        # A code as narrow as the data's intrinsic dimension (2) forces compression.
        model["latent"] = 2
    elif pathology == "ae_collapse":
        # Weight decay strong enough to beat the reconstruction gradient zeroes the weights.
        train["weight_decay"] = 0.0
    else:  # divergence
        # A step size safely below 2 / L (L: the largest curvature of the loss); lr = 1
        # is above it, a tenth of it is not.
        train["lr"] = 0.1
    return cured
    # END SOLUTION
