"""Shared fixtures of the hpo-pathologies checks (the hidden tests import them too).

* one CPU thread for torch and quiet Optuna logging, for the whole session;
* ``trained(name, seed)``: a catalogue run, trained once per session and cached;
* ``plain(run)``: what an exercise receives from a run — the history and data as plain
  dicts and the model as a ``predict(X)`` function (the same in-process and when graded,
  where exercises run in another process and only plain data travels).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import optuna
import pytest

from icsc_hpo_pathologies.catalogue import entry
from icsc_hpo_pathologies.training import Run, configure_torch, predictor


@pytest.fixture(scope="session", autouse=True)
def quiet_single_threaded() -> Iterator[None]:
    """Tiny models run fastest on one thread; Optuna logs every trial at INFO.

    Public name: the hidden tests' ``conftest.py`` star-imports it.
    """
    configure_torch(1)
    verbosity = optuna.logging.get_verbosity()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    yield
    optuna.logging.set_verbosity(verbosity)


@pytest.fixture(scope="session")
def trained() -> Callable[[str, int], Run]:
    """``trained(name, seed)``: the catalogue entry ``name`` trained (cached per session)."""
    cache: dict[tuple[str, int], Run] = {}

    def get(name: str, seed: int = 0) -> Run:
        if (name, seed) not in cache:
            cache[name, seed] = entry(name, seed).run()
        return cache[name, seed]

    return get


def plain(run: Run) -> tuple[dict[str, Any], Callable[[np.ndarray], np.ndarray], dict[str, Any]]:
    """``(history dict, predict function, data dict)`` of ``run``, as exercises take them."""
    return run.history.to_dict(), predictor(run.model), run.data.to_dict()


def sigmoid(logits: np.ndarray) -> np.ndarray:
    """Logistic function, without overflow for large |logits|."""
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(logits, dtype=float)))
