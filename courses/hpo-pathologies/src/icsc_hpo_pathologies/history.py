"""The record of one training run, one entry per epoch.

A :class:`History` is what a training loop leaves behind and what a diagnosis reads. All
per-epoch fields are lists of the same length (the number of epochs run); per-layer fields
hold one tuple per epoch with one number per layer, ordered from input to output.
A loss of ``nan`` or ``inf`` is recorded as it is: it is a symptom, not a bug of the record.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

PER_EPOCH_FIELDS = (
    "train_loss",
    "val_loss",
    "train_metric",
    "val_metric",
    "grad_norm",
    "grad_norm_max",
    "layer_grad_norms",
    "dead_fraction",
    "saturated_fraction",
    "activation_std",
    "lr",
)


@dataclass
class History:
    """Per-epoch record of a run (see the module docstring).

    * ``train_loss``, ``val_loss``: mean loss over the epoch's training batches (in train
      mode) and over the whole validation set (in eval mode). Binary cross-entropy in nats
      for classifiers, mean squared error for regression and reconstruction.
    * ``train_metric``, ``val_metric``: ``metric_name`` on the training and validation sets
      in eval mode: ``"accuracy"`` (threshold 0.5) for classifiers, ``"r2"`` (coefficient of
      determination, pooled over all outputs) for regression and reconstruction.
    * ``grad_norm``, ``grad_norm_max``: mean and maximum over the epoch's batches of the
      global L2 norm of all parameter gradients, measured before any clipping.
    * ``layer_grad_norms``: per ``nn.Linear`` layer, the epoch's mean L2 norm of the weight
      gradient.
    * ``dead_fraction``: per hidden activation layer, the fraction of units whose output is
      exactly zero on every validation sample.
    * ``saturated_fraction``: per hidden activation layer, the fraction of (sample, unit)
      pairs where the activation's slope is below 1 % of its maximum (|tanh| > 0.995,
      sigmoid outside [0.0025, 0.9975]; never for ReLU-like units).
    * ``activation_std``: per hidden activation layer, the standard deviation of its outputs
      over validation samples and units.
    * ``lr``: the learning rate used during the epoch.

    ``best_epoch`` is the epoch (0-based) with the lowest finite validation loss and
    ``stop_reason`` one of ``"completed"``, ``"early_stopping"``, ``"non_finite_loss"``.
    """

    task: str
    metric_name: str
    train_loss: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    train_metric: list[float] = field(default_factory=list)
    val_metric: list[float] = field(default_factory=list)
    grad_norm: list[float] = field(default_factory=list)
    grad_norm_max: list[float] = field(default_factory=list)
    layer_grad_norms: list[tuple[float, ...]] = field(default_factory=list)
    dead_fraction: list[tuple[float, ...]] = field(default_factory=list)
    saturated_fraction: list[tuple[float, ...]] = field(default_factory=list)
    activation_std: list[tuple[float, ...]] = field(default_factory=list)
    lr: list[float] = field(default_factory=list)
    stop_reason: str = "completed"

    def __len__(self) -> int:
        return len(self.train_loss)

    @property
    def epochs(self) -> int:
        """Number of epochs recorded."""
        return len(self.train_loss)

    @property
    def best_epoch(self) -> int | None:
        """Epoch with the lowest finite validation loss (``None`` if there is none)."""
        finite = [(v, i) for i, v in enumerate(self.val_loss) if math.isfinite(v)]
        return min(finite)[1] if finite else None

    def append(self, **values: Any) -> None:
        """Record one epoch: every name of ``PER_EPOCH_FIELDS`` exactly once."""
        missing = set(PER_EPOCH_FIELDS) - set(values)
        extra = set(values) - set(PER_EPOCH_FIELDS)
        if missing or extra:
            msg = f"History.append needs exactly {PER_EPOCH_FIELDS}; missing {sorted(missing)}, unknown {sorted(extra)}"
            raise ValueError(msg)
        for name in PER_EPOCH_FIELDS:
            value = values[name]
            getattr(self, name).append(tuple(value) if isinstance(value, list | tuple) else value)

    def validate(self) -> None:
        """Raise ``ValueError`` if the history is empty or its fields differ in length."""
        if not self.train_loss:
            msg = "the history is empty: no epoch was recorded"
            raise ValueError(msg)
        lengths = {name: len(getattr(self, name)) for name in PER_EPOCH_FIELDS}
        if len(set(lengths.values())) != 1:
            msg = f"history fields differ in length: {lengths}"
            raise ValueError(msg)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (lists, tuples, floats, strings)."""
        return asdict(self)

    @classmethod
    def coerce(cls, value: History | dict[str, Any]) -> History:
        """``value`` itself if it is a History, else :meth:`from_dict` of it.

        Raises ``TypeError`` for anything else.
        """
        if isinstance(value, History):
            return value
        if isinstance(value, dict):
            return cls.from_dict(value)
        msg = f"expected a History or its to_dict() form, got {type(value).__name__}"
        raise TypeError(msg)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> History:
        """Inverse of :meth:`to_dict`; raises ``ValueError`` on unknown keys."""
        known = {*PER_EPOCH_FIELDS, "task", "metric_name", "stop_reason"}
        unknown = set(data) - known
        if unknown:
            msg = f"unknown history fields {sorted(unknown)}"
            raise ValueError(msg)
        values = dict(data)
        for name in ("layer_grad_norms", "dead_fraction", "saturated_fraction", "activation_std"):
            values[name] = [tuple(row) for row in values.get(name, [])]
        return cls(**values)
