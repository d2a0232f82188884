"""The notebook helpers: find the workspace, (re-)import exercises, skip unwritten ones."""

import pytest

from icsc_kit.notebook import attempt, find_exercises, load_exercise


def test_finds_the_workspace_above_and_reimports_edits(tmp_path, monkeypatch):
    """Is the workspace found from a subfolder, and does a second load see the edit?"""
    (tmp_path / "ex01_a.py").write_text("VALUE = 1\n")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    monkeypatch.delenv("ICSC_TOY_EXERCISES", raising=False)
    folder = find_exercises("ex01_a.py", "ICSC_TOY_EXERCISES")
    assert folder == tmp_path.resolve()
    assert load_exercise(folder, "ex01_a").VALUE == 1
    (tmp_path / "ex01_a.py").write_text("VALUE = 2\n")
    assert load_exercise(folder, "ex01_a").VALUE == 2


def test_environment_variable_wins_and_missing_workspace_is_explained(tmp_path, monkeypatch):
    """Does $ICSC_..._EXERCISES decide, and does a missing workspace say where to open?"""
    monkeypatch.setenv("ICSC_TOY_EXERCISES", str(tmp_path))
    assert find_exercises("ex01_a.py", "ICSC_TOY_EXERCISES") == tmp_path.resolve()
    monkeypatch.delenv("ICSC_TOY_EXERCISES")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError, match="open this notebook inside your workspace"):
        find_exercises("ex01_a.py", "ICSC_TOY_EXERCISES")


def test_attempt_skips_unwritten_exercises(capsys):
    """Does attempt return None and say so for NotImplementedError, and pass results on?"""

    def unwritten():
        raise NotImplementedError

    assert attempt("step", unwritten) is None
    assert "step: not written yet" in capsys.readouterr().out
    assert attempt("sum", sum, [1, 2]) == 3
