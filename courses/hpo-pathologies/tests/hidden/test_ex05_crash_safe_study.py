"""Hidden tests for exercise 5: a study that survives SIGKILL, tested with a real killed
process and a real SQLite file."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

import optuna
import pytest
from optuna.trial import TrialState

from icsc_hpo_pathologies.toy_objectives import branin_objective, slow_branin_objective

STUDY = "crash"


def _states(db) -> dict[str, int]:
    """Trial states counted straight from the database file, without Optuna."""
    with closing(sqlite3.connect(db, timeout=10)) as connection:
        return dict(connection.execute("SELECT state, COUNT(*) FROM trials GROUP BY state"))


def _running_with_progress(db) -> int:
    """RUNNING trials that already reported an intermediate value (so hold parameters)."""
    query = (
        "SELECT COUNT(DISTINCT t.trial_id) FROM trials t JOIN trial_intermediate_values v "
        "ON v.trial_id = t.trial_id WHERE t.state = 'RUNNING'"
    )
    with closing(sqlite3.connect(db, timeout=10)) as connection:
        return connection.execute(query).fetchone()[0]


def _snapshot(db) -> dict[int, tuple]:
    study = optuna.load_study(study_name=STUDY, storage=f"sqlite:///{db}")
    return {t.number: (t.state, t.params, t.value) for t in study.get_trials(deepcopy=False)}


@pytest.mark.points(3)
def test_a_killed_worker_loses_no_completed_trial(exercise, tmp_path):
    ex = exercise("ex05_crash_safe_study")
    db = tmp_path / "study.db"
    # 1. The student's code starts the study: 3 trials, committed to SQLite.
    ex.run_study(db, STUDY, branin_objective, n_trials=3, seed=0)
    assert _states(db) == {"COMPLETE": 3}
    # 2. A worker process joins the same study and is killed in the middle of a trial.
    worker = subprocess.Popen(
        [sys.executable, "-m", "icsc_hpo_pathologies.study_worker", str(db), STUDY, "50"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 90  # generous: a loaded machine starts Python slowly
        while True:
            states = _states(db)
            if states.get("COMPLETE", 0) >= 5 and _running_with_progress(db) == 1:
                break
            assert worker.poll() is None, f"the worker ended early: {worker.stderr.read()!r}"
            assert time.monotonic() < deadline, f"the worker made no progress: {states}"
            time.sleep(0.02)
        os.kill(worker.pid, signal.SIGKILL)
        assert worker.wait(timeout=30) == -signal.SIGKILL
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        worker.stderr.close()
    before = _snapshot(db)
    orphans = [n for n, (state, _, _) in before.items() if state == TrialState.RUNNING]
    assert len(orphans) == 1
    # 3. The student's code resumes.
    summary = ex.run_study(db, STUDY, branin_objective, n_trials=10, seed=0)
    after = _snapshot(db)
    assert summary["recovered"] == orphans
    for number, (state, params, value) in before.items():
        if state == TrialState.COMPLETE:
            assert after[number] == (state, params, value), f"trial {number} changed"
    assert after[orphans[0]][0] == TrialState.FAIL
    finished = [t for t in after.values() if t[0] in (TrialState.COMPLETE, TrialState.PRUNED)]
    assert len(finished) == 10 == summary["finished"]
    assert not any(t[0] in (TrialState.RUNNING, TrialState.WAITING) for t in after.values())
    completed = [p for s, p, _ in after.values() if s == TrialState.COMPLETE]
    assert before[orphans[0]][1] in completed, "the interrupted point was not evaluated again"
    # Resuming must not replay the random start-up points of the first run (seed offset).
    distinct = {tuple(sorted(p.items())) for p in completed}
    assert len(distinct) == len(completed), "a resumed run repeated earlier trials"
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_orphans_are_failed_and_requeued(exercise, tmp_path):
    ex = exercise("ex05_crash_safe_study")
    db = tmp_path / "orphans.db"
    study = optuna.create_study(study_name="o", storage=f"sqlite:///{db}")
    study.optimize(branin_objective, n_trials=2)
    left = study.ask()  # a trial that starts and never ends, as after a crash
    x1 = left.suggest_float("x1", -5.0, 10.0)
    x2 = left.suggest_float("x2", 0.0, 15.0)
    assert ex.recover_orphans(db, "o") == [left.number]
    trials = optuna.load_study(study_name="o", storage=f"sqlite:///{db}").trials
    assert trials[left.number].state == TrialState.FAIL
    waiting = [t for t in trials if t.state == TrialState.WAITING]
    assert len(waiting) == 1
    assert waiting[0].system_attrs["fixed_params"] == {"x1": x1, "x2": x2}
    assert ex.recover_orphans(db, "o") == []  # nothing left to recover


def test_a_study_with_another_direction_is_refused(exercise, tmp_path):
    ex = exercise("ex05_crash_safe_study")
    db = tmp_path / "direction.db"
    optuna.create_study(study_name="d", storage=f"sqlite:///{db}", direction="maximize")
    with pytest.raises(ValueError, match="direction"):
        ex.open_study(db, "d", direction="minimize")


def test_a_goal_already_met_runs_nothing_more(exercise, tmp_path):
    ex = exercise("ex05_crash_safe_study")
    db = tmp_path / "goal.db"
    summary = ex.run_study(db, "g", slow_branin_objective, n_trials=2, seed=1)
    again = ex.run_study(db, "g", slow_branin_objective, n_trials=2, seed=1)
    assert summary == again == {"recovered": [], "finished": 2}
    with pytest.raises(ValueError, match="n_trials"):
        ex.run_study(db, "g", branin_objective, n_trials=0)
