"""Public checks for exercise 5 (a study in SQLite that can be resumed)."""

import sqlite3
from contextlib import closing

import optuna
import pytest

from icsc_hpo_pathologies.toy_objectives import branin_objective


def test_a_second_run_continues_the_same_study(exercise, tmp_path):
    ex = exercise("ex05_crash_safe_study")
    db = tmp_path / "study.db"
    ex.run_study(db, "resume", branin_objective, n_trials=3, seed=0)
    first = optuna.load_study(study_name="resume", storage=f"sqlite:///{db}").trials
    ex.run_study(db, "resume", branin_objective, n_trials=5, seed=0)
    trials = optuna.load_study(study_name="resume", storage=f"sqlite:///{db}").trials
    assert len(trials) == 5
    assert [(t.params, t.value) for t in trials[:3]] == [(t.params, t.value) for t in first]
    # The file is a real SQLite database, and a healthy one.
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_missing_folder_is_refused(exercise, tmp_path):
    ex = exercise("ex05_crash_safe_study")
    with pytest.raises(ValueError, match="does not exist"):
        ex.storage_url(tmp_path / "nowhere" / "study.db")
