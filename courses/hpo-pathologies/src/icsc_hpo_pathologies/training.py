"""One training loop for every run of the course, recording a :class:`History`.

:func:`train` takes a frozen :class:`RunConfig` (data, model, training recipe, seed) and
returns a :class:`Run`: the config, the data, the trained model and its history. Everything
is seeded from ``RunConfig.seed``, so the same config gives the same run on the same
machine (floating-point results may differ in the last bits between CPU types).

Training stops early when the training loss stops being finite (``stop_reason ==
"non_finite_loss"``) or when early stopping runs out of patience (``"early_stopping"``,
best weights restored).

Importing this module sets torch to one intra-op CPU thread: the course's models are so
small that thread start-up costs more than it saves, and on a shared machine threads
spin-waiting for each other make a run many times slower. :func:`configure_torch`
changes it.
"""

from __future__ import annotations

import copy
import functools
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import torch
from torch import nn

from icsc_hpo_pathologies import optim
from icsc_hpo_pathologies.data import Dataset, DataSpec, make_dataset
from icsc_hpo_pathologies.history import History
from icsc_hpo_pathologies.models import (
    ModelSpec,
    Network,
    activation_modules,
    build_model,
    linear_layers,
)

OPTIMIZERS = ("sgd", "adam", "adamw")
SCHEDULES = ("cosine", "step")
CLASS_WEIGHTS = ("balanced",)


@dataclass(frozen=True)
class TrainSpec:
    """The training recipe.

    ``lr``: learning rate; ``momentum`` (SGD only); ``weight_decay``: L2 penalty
    coefficient (coupled for SGD/Adam, decoupled for AdamW); ``batch_size`` in samples;
    ``grad_clip``: maximum global gradient L2 norm (``None``: no clipping);
    ``class_weight``: ``"balanced"`` weighs positive samples by n_negative / n_positive in
    the binary cross-entropy; ``early_stopping``: patience in epochs on the validation loss;
    ``lr_schedule``: ``"cosine"`` (to zero over ``epochs``) or ``"step"`` (x0.1 every third
    of the epochs); ``input_noise``: standard deviation of Gaussian noise added to training
    inputs (a denoising autoencoder when the task is reconstruction).
    """

    optimizer: str = "adam"
    lr: float = 1e-2
    momentum: float = 0.0
    weight_decay: float = 0.0
    epochs: int = 40
    batch_size: int = 64
    grad_clip: float | None = None
    class_weight: str | None = None
    early_stopping: int | None = None
    lr_schedule: str | None = None
    input_noise: float = 0.0

    def __post_init__(self) -> None:
        if self.optimizer not in OPTIMIZERS:
            msg = f"unknown optimizer {self.optimizer!r}; known: {', '.join(OPTIMIZERS)}"
            raise ValueError(msg)
        if self.lr_schedule is not None and self.lr_schedule not in SCHEDULES:
            msg = f"unknown lr_schedule {self.lr_schedule!r}; known: {', '.join(SCHEDULES)}"
            raise ValueError(msg)
        if self.class_weight is not None and self.class_weight not in CLASS_WEIGHTS:
            msg = f"unknown class_weight {self.class_weight!r}; known: {', '.join(CLASS_WEIGHTS)}"
            raise ValueError(msg)
        if not self.lr > 0 or self.epochs < 1 or self.batch_size < 1:
            msg = f"lr, epochs and batch_size must be positive, got {self.lr}, {self.epochs}, {self.batch_size}"
            raise ValueError(msg)
        if self.grad_clip is not None and not self.grad_clip > 0:
            msg = f"grad_clip must be positive or None, got {self.grad_clip}"
            raise ValueError(msg)
        if self.early_stopping is not None and self.early_stopping < 1:
            msg = f"early_stopping patience must be at least 1, got {self.early_stopping}"
            raise ValueError(msg)
        if self.weight_decay < 0 or self.input_noise < 0 or self.momentum < 0:
            msg = "weight_decay, input_noise and momentum cannot be negative"
            raise ValueError(msg)

    def to_dict(self) -> dict[str, Any]:
        """Plain data."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainSpec:
        """Inverse of :meth:`to_dict`; ``TypeError`` names an unknown field."""
        return cls(**data)


@dataclass(frozen=True)
class RunConfig:
    """Everything that defines a run; ``seed`` seeds the weights, batches and noise."""

    data: DataSpec = field(default_factory=DataSpec)
    model: ModelSpec = field(default_factory=ModelSpec)
    train: TrainSpec = field(default_factory=TrainSpec)
    seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        """``{"data": {...}, "model": {...}, "train": {...}, "seed": int}``, plain data."""
        return {
            "data": self.data.to_dict(),
            "model": self.model.to_dict(),
            "train": self.train.to_dict(),
            "seed": self.seed,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunConfig:
        """Inverse of :meth:`to_dict`.

        Raises ``ValueError`` for missing or unknown sections and ``TypeError`` for
        unknown fields inside a section (the dataclasses validate the values).
        """
        if not isinstance(data, dict):
            msg = f"a run config must be a dict, got {type(data).__name__}"
            raise TypeError(msg)
        sections = {"data", "model", "train", "seed"}
        if set(data) != sections:
            msg = f"a run config has exactly the keys {sorted(sections)}, got {sorted(data)}"
            raise ValueError(msg)
        return cls(
            data=DataSpec.from_dict(data["data"]),
            model=ModelSpec.from_dict(data["model"]),
            train=TrainSpec.from_dict(data["train"]),
            seed=int(data["seed"]),
        )


@dataclass(eq=False)
class Run:
    """The outcome of :func:`train`."""

    config: RunConfig
    data: Dataset
    model: Network
    history: History


EpochCallback = Callable[[int, History], object]


def configure_torch(threads: int = 1) -> None:
    """Use ``threads`` intra-op CPU threads (tiny models run fastest on one)."""
    if threads < 1:
        msg = f"threads must be at least 1, got {threads}"
        raise ValueError(msg)
    torch.set_num_threads(threads)


configure_torch(1)


def model_outputs(model: nn.Module, X: np.ndarray) -> np.ndarray:
    """Eval-mode outputs of ``model`` on ``X`` (shape ``(n, n_features)``), float64 numpy.

    Classifiers give logits of shape ``(n,)``; regressors ``(n,)``; autoencoders their
    reconstruction ``(n, n_features)``. The model's train/eval mode is restored.
    """
    was_training = model.training
    model.eval()
    with torch.no_grad():
        out = model(torch.as_tensor(np.asarray(X, dtype=np.float32)))
    model.train(was_training)
    out = out.double().numpy()
    return out[:, 0] if out.shape[1] == 1 else out


def predictor(model: nn.Module) -> Callable[[np.ndarray], np.ndarray]:
    """``predict(X)``: :func:`model_outputs` of ``model``, as a plain function of arrays."""
    return functools.partial(model_outputs, model)


def r2_score(target: torch.Tensor, prediction: torch.Tensor) -> float:
    """Coefficient of determination pooled over all outputs (1 - SS_res / SS_tot)."""
    target = target.reshape(target.shape[0], -1)
    prediction = prediction.reshape(target.shape)
    ss_res = ((target - prediction) ** 2).sum()
    ss_tot = ((target - target.mean(dim=0)) ** 2).sum()
    return float(1.0 - ss_res / ss_tot)


def _loss_function(task: str, data: Dataset, spec: TrainSpec) -> nn.Module:
    if task != "binary":
        return nn.MSELoss()
    if spec.class_weight == "balanced":
        n_pos = float(data.y_train.sum())
        n_neg = float(len(data.y_train) - n_pos)
        return nn.BCEWithLogitsLoss(pos_weight=torch.tensor(n_neg / max(n_pos, 1.0)))
    return nn.BCEWithLogitsLoss()


def _optimizer(model: nn.Module, spec: TrainSpec) -> optim.Optimizer:
    params = model.parameters()
    if spec.optimizer == "sgd":
        return optim.SGD(params, lr=spec.lr, momentum=spec.momentum, weight_decay=spec.weight_decay)
    return optim.Adam(
        params, lr=spec.lr, weight_decay=spec.weight_decay, decoupled=spec.optimizer == "adamw"
    )


def _saturation(module: nn.Module, out: torch.Tensor) -> float:
    if isinstance(module, nn.Tanh):
        return float((out.abs() > 0.995).double().mean())
    if isinstance(module, nn.Sigmoid):
        return float(((out < 0.0025) | (out > 0.9975)).double().mean())
    return 0.0


class _Evaluator:
    """Eval-mode losses, metrics and activation statistics on fixed tensors."""

    def __init__(self, model: Network, task: str, loss_fn: nn.Module) -> None:
        self.model = model
        self.task = task
        self.loss_fn = loss_fn

    def _metric(self, y: torch.Tensor, out: torch.Tensor) -> float:
        if self.task == "binary":
            return float(((out[:, 0] > 0).float() == y).double().mean())
        return r2_score(y, out)

    def _loss(self, y: torch.Tensor, out: torch.Tensor) -> float:
        return float(self.loss_fn(out[:, 0] if self.task != "reconstruction" else out, y))

    def loss_and_metric(self, X: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
        with torch.no_grad():
            out = self.model(X)
        return self._loss(y, out), self._metric(y, out)

    def with_activations(
        self, X: torch.Tensor, y: torch.Tensor
    ) -> tuple[float, float, list[float], list[float], list[float]]:
        captured: list[tuple[nn.Module, torch.Tensor]] = []
        handles = [
            module.register_forward_hook(
                lambda mod, _inputs, output: captured.append((mod, output.detach()))
            )
            for module in activation_modules(self.model)
        ]
        try:
            with torch.no_grad():
                out = self.model(X)
        finally:
            for handle in handles:
                handle.remove()
        dead = [float((a == 0).all(dim=0).double().mean()) for _, a in captured]
        saturated = [_saturation(m, a) for m, a in captured]
        stds = [float(a.std()) for _, a in captured]
        return self._loss(y, out), self._metric(y, out), dead, saturated, stds


def train(config: RunConfig, on_epoch_end: EpochCallback | None = None) -> Run:
    """Train the network ``config`` describes and record its :class:`History`.

    ``on_epoch_end(epoch, history)`` is called after each recorded epoch (0-based); an
    exception it raises (for instance ``optuna.TrialPruned``) stops training and
    propagates to the caller.
    """
    if not isinstance(config, RunConfig):
        msg = f"train needs a RunConfig, got {type(config).__name__}"
        raise TypeError(msg)
    data = make_dataset(config.data)
    spec = config.train
    torch.manual_seed(config.seed)
    generator = torch.Generator().manual_seed(config.seed)
    n_outputs = data.n_features if data.task == "reconstruction" else 1
    model = build_model(config.model, data.n_features, n_outputs)

    X_train = torch.from_numpy(data.X_train)
    y_train = torch.from_numpy(data.y_train)
    X_val = torch.from_numpy(data.X_val)
    y_val = torch.from_numpy(data.y_val)
    loss_fn = _loss_function(data.task, data, spec)
    optimizer = _optimizer(model, spec)
    evaluator = _Evaluator(model, data.task, loss_fn)
    linears = linear_layers(model)
    params = [p for p in model.parameters() if p.requires_grad]
    history = History(task=data.task, metric_name="accuracy" if data.task == "binary" else "r2")
    best_loss, best_state, since_best = math.inf, None, 0

    for epoch in range(spec.epochs):
        model.train()
        lr = optimizer.lr = optim.scheduled_lr(spec.lr, spec.lr_schedule, epoch, spec.epochs)
        order = torch.randperm(len(X_train), generator=generator)
        losses, norms = [], []
        layer_sums = torch.zeros(len(linears), dtype=torch.float64)
        finite = True
        for start in range(0, len(order), spec.batch_size):
            index = order[start : start + spec.batch_size]
            if len(index) < 2 and config.model.batchnorm:
                continue  # batch norm cannot normalise a single sample
            xb, yb = X_train[index], y_train[index]
            if spec.input_noise > 0:
                xb = xb + spec.input_noise * torch.randn(xb.shape, generator=generator)
            out = model(xb)
            loss = loss_fn(out if data.task == "reconstruction" else out[:, 0], yb)
            losses.append(float(loss.detach()))
            if not math.isfinite(losses[-1]):
                finite = False
                break
            optimizer.zero_grad()
            loss.backward()
            if spec.grad_clip is not None:  # returns the norm measured before clipping
                norm = torch.nn.utils.clip_grad_norm_(params, spec.grad_clip)
            else:
                norm = torch.nn.utils.get_total_norm([p.grad for p in params])
            norms.append(float(norm))
            layer_sums += torch.stack([layer.weight.grad.norm() for layer in linears]).double()
            optimizer.step()

        model.eval()
        _, train_metric = evaluator.loss_and_metric(X_train, y_train)
        val_loss, val_metric, dead, saturated, stds = evaluator.with_activations(X_val, y_val)
        n_steps = max(len(norms), 1)
        history.append(
            train_loss=float(np.mean(losses)) if finite else math.nan,
            val_loss=val_loss,
            train_metric=train_metric,
            val_metric=val_metric,
            grad_norm=float(np.mean(norms)) if norms else math.nan,
            grad_norm_max=float(np.max(norms)) if norms else math.nan,
            layer_grad_norms=(layer_sums / n_steps).tolist()
            if norms
            else [math.nan] * len(linears),
            dead_fraction=dead,
            saturated_fraction=saturated,
            activation_std=stds,
            lr=lr,
        )
        if on_epoch_end is not None:
            on_epoch_end(epoch, history)
        if not finite:
            history.stop_reason = "non_finite_loss"
            break
        if spec.early_stopping is not None:
            if val_loss < best_loss:
                best_loss, since_best = val_loss, 0
                best_state = copy.deepcopy(model.state_dict())
            else:
                since_best += 1
                if since_best >= spec.early_stopping:
                    history.stop_reason = "early_stopping"
                    break
    if spec.early_stopping is not None and best_state is not None:
        model.load_state_dict(best_state)
    model.eval()
    return Run(config=config, data=data, model=model, history=history)
