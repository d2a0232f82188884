# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise ex04 — an Optuna objective with intermediate reports and pruning.

:func:`make_objective` returns an Optuna objective that tunes a small MLP on a data set of
:mod:`icsc_hpo_pathologies.data`. The search space is fixed (see ``SEARCH_SPACE``): the
learning rate and the weight decay on log scales, the width on a log scale (integers),
the depth and the dropout probability on linear scales.

After every epoch the objective reports the validation accuracy to the trial
(``trial.report(value, step=epoch)``) and asks ``trial.should_prune()``; when told to, it
raises ``optuna.TrialPruned``. Its return value is the validation accuracy of the last
epoch trained (the value of the last report).

:func:`make_pruner` maps a name to one of Optuna's pruners and :func:`tune` runs a short
in-memory study with a seeded TPE sampler and returns its trials as plain data
(:func:`icsc_hpo_pathologies.studies.trial_records`).

Data sets are given as the dict form of a
:class:`~icsc_hpo_pathologies.data.DataSpec` (``DataSpec(...).to_dict()``).

Optuna documentation: "Efficient Optimization Algorithms" (pruning) and the API
reference of ``optuna.trial.Trial``, ``optuna.pruners``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import optuna

from icsc_hpo_pathologies.data import DataSpec
from icsc_hpo_pathologies.history import History
from icsc_hpo_pathologies.models import ModelSpec
from icsc_hpo_pathologies.studies import trial_records
from icsc_hpo_pathologies.training import RunConfig, TrainSpec, train

__all__ = ["PRUNERS", "SEARCH_SPACE", "make_objective", "make_pruner", "tune"]

# name: (low, high, log scale?, integer?)
SEARCH_SPACE: dict[str, tuple[float, float, bool, bool]] = {
    "lr": (1e-4, 1e-1, True, False),
    "weight_decay": (1e-6, 1e-1, True, False),
    "width": (4, 64, True, True),
    "depth": (1, 3, False, True),
    "dropout": (0.0, 0.5, False, False),
}
PRUNERS = ("none", "median", "successive_halving", "hyperband")


def config_from_params(params: dict, data: DataSpec, epochs: int, seed: int) -> RunConfig:
    """The :class:`RunConfig` for one point of ``SEARCH_SPACE`` (Adam, batch size 100)."""
    return RunConfig(
        data=data,
        model=ModelSpec(
            hidden=(int(params["width"]),) * int(params["depth"]),
            init="he",
            dropout=float(params["dropout"]),
        ),
        train=TrainSpec(
            optimizer="adam",
            lr=float(params["lr"]),
            weight_decay=float(params["weight_decay"]),
            epochs=epochs,
            batch_size=100,
        ),
        seed=seed,
    )


def make_objective(
    data: dict[str, Any], epochs: int = 10, seed: int = 0
) -> Callable[[optuna.Trial], float]:
    """An objective to *maximise*: validation accuracy of an MLP after ``epochs`` epochs.

    The objective suggests every parameter of ``SEARCH_SPACE`` with the trial
    (``suggest_float(..., log=...)`` or ``suggest_int(..., log=...)``), builds the run with
    :func:`config_from_params` (with ``DataSpec.from_dict(data)``) and trains it with
    :func:`~icsc_hpo_pathologies.training.train`,
    reporting each epoch's ``history.val_metric[-1]`` at ``step=epoch`` and raising
    ``optuna.TrialPruned`` when ``trial.should_prune()`` says so.
    Raises ``ValueError`` if ``epochs < 1``; ``TypeError`` if ``data`` is not a dict of
    ``DataSpec`` fields.
    """
    # HINT: train(config, on_epoch_end=callback) calls callback(epoch, history) after each epoch.
    # TODO: your code here.
    raise NotImplementedError("ex04_pruning: this part is yours to write (icsc hint ex04)")


def make_pruner(name: str, max_epochs: int = 10) -> optuna.pruners.BasePruner:
    """One of Optuna's pruners by name (``PRUNERS``).

    ``"none"``: ``NopPruner``; ``"median"``: ``MedianPruner(n_startup_trials=3,
    n_warmup_steps=2)``; ``"successive_halving"``: ``SuccessiveHalvingPruner()``;
    ``"hyperband"``: ``HyperbandPruner(min_resource=1, max_resource=max_epochs)``.
    Raises ``ValueError`` for an unknown name.
    """
    # HINT: optuna.pruners.MedianPruner(...), and so on.
    # TODO: your code here.
    raise NotImplementedError("ex04_pruning: this part is yours to write (icsc hint ex04)")


def tune(
    data: dict[str, Any], n_trials: int, pruner: str = "median", epochs: int = 10, seed: int = 0
) -> list[dict[str, Any]]:
    """Run an in-memory study (direction ``"maximize"``, ``TPESampler(seed=seed)``) of
    ``n_trials`` trials of :func:`make_objective` with the pruner named ``pruner``.

    Returns ``trial_records(study)``. Raises ``ValueError`` if ``n_trials < 1`` or the
    pruner name is unknown.
    """
    # HINT: optuna.create_study(direction=..., sampler=..., pruner=...).optimize(objective, n_trials=...)
    # TODO: your code here.
    raise NotImplementedError("ex04_pruning: this part is yours to write (icsc hint ex04)")
