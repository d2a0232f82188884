# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
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
    # HINT: cured = copy.deepcopy(config); then change cured["model"][...] / cured["train"][...].
    # TODO: your code here.
    raise NotImplementedError("ex02_cure: this part is yours to write (icsc hint ex02)")
