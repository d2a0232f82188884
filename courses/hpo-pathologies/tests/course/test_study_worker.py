"""The stand-alone study worker and the plain-data view of studies."""

import optuna
import pytest

from icsc_hpo_pathologies.studies import trial_records
from icsc_hpo_pathologies.study_worker import main, run_worker


def test_the_worker_fills_a_shared_study(tmp_path):
    db = tmp_path / "w.db"
    assert main([str(db), "shared", "3", "--objective", "branin", "--seed", "4"]) == 0
    assert run_worker(db, "shared", 5, "branin", 4) == 2  # joins, runs only what is missing
    study = optuna.load_study(study_name="shared", storage=f"sqlite:///{db}")
    records = trial_records(study)
    assert [r["state"] for r in records] == ["COMPLETE"] * 5
    assert set(records[0]["params"]) == {"x1", "x2"}
    # Re-seeded by the trial count: the joining worker did not replay the first points.
    assert len({tuple(r["params"].values()) for r in records}) == 5


def test_bad_worker_arguments_exit_with_status_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main([str(tmp_path / "missing" / "w.db"), "s", "3"])
    assert stop.value.code == 2
    assert "does not exist" in capsys.readouterr().err
