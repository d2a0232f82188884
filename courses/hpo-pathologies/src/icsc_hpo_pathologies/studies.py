"""Optuna studies as plain data.

:func:`trial_records` turns a study's trials into a list of dicts (numbers, strings,
dicts) — what an exercise returns so that a test, possibly in another process, can check
it without touching Optuna objects.
"""

from __future__ import annotations

from typing import Any

import optuna


def trial_records(study: optuna.Study) -> list[dict[str, Any]]:
    """One dict per trial, in trial-number order.

    Keys: ``"number"`` (int), ``"state"`` (``"COMPLETE"``, ``"PRUNED"``, ``"FAIL"``,
    ``"RUNNING"`` or ``"WAITING"``), ``"params"`` (name -> value), ``"value"`` (float or
    ``None``) and ``"intermediate"`` (step -> reported value).
    """
    return [
        {
            "number": trial.number,
            "state": trial.state.name,
            "params": dict(trial.params),
            "value": trial.value,
            "intermediate": dict(trial.intermediate_values),
        }
        for trial in sorted(study.get_trials(deepcopy=False), key=lambda t: t.number)
    ]
