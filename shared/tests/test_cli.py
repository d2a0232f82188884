"""The student and instructor verbs, driven through ``icsc_kit.cli.main``."""

import json
import os
from pathlib import Path

import pytest

from icsc_kit.cli import main


@pytest.fixture
def workspace(toy_course, tmp_path, monkeypatch):
    """A fresh toy workspace, with the current folder inside it."""
    folder = tmp_path / "ws"
    assert main(["start", "toy", str(folder)]) == 0
    monkeypatch.chdir(folder)
    return folder


def _solve(folder: Path, toy_course) -> None:
    for solution in toy_course.solutions_dir.glob("ex*.py"):
        (folder / solution.name).write_text(solution.read_text())


def test_start_hands_out_stubs_notebooks_and_readme(workspace):
    """Does start write the stubs, an .ipynb notebook and a README?"""
    assert (workspace / "ex01_add.py").read_text().count("NotImplementedError") == 1
    notebook = json.loads((workspace / "notebooks" / "hands_on.ipynb").read_text())
    assert notebook["cells"][0]["cell_type"] == "markdown"
    assert "icsc check" in (workspace / "README.md").read_text()


def test_start_again_keeps_edited_files(workspace, toy_course, capsys):
    """Does a second start keep the student's edit and say so?"""
    (workspace / "ex01_add.py").write_text("# mine\n")
    assert main(["start", "toy", str(workspace)]) == 0
    assert (workspace / "ex01_add.py").read_text() == "# mine\n"
    assert "kept ex01_add.py" in capsys.readouterr().out


def test_check_fails_on_stubs_then_passes_when_solved(workspace, toy_course, capsys):
    """Does check exit 1 on untouched stubs, show progress, and exit 0 once solved?"""
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "Progress: 0/2" in out
    assert "icsc hint ex01" in out
    _solve(workspace, toy_course)
    assert main(["check", "ex01"]) == 0
    assert main(["check"]) == 0
    assert "Progress: 2/2" in capsys.readouterr().out


def test_hint_prints_the_solution_hints(workspace, capsys):
    """Does hint show the HINT lines of the exercise?"""
    assert main(["hint", "ex01"]) == 0
    assert "check the types first" in capsys.readouterr().out


def test_lecture_lists_and_prints(toy_course, capsys):
    """Does lecture list the notes and print one?"""
    assert main(["lecture", "toy"]) == 0
    assert "01  Toy lecture" in capsys.readouterr().out
    assert main(["lecture", "toy", "1"]) == 0
    assert "Key points" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(
            ["start", "nosuchcourse"], "no course 'nosuchcourse' is installed", id="unknown-course"
        ),
        pytest.param(
            ["hint", "ex09", "--course", "toy"], "has no exercise 'ex09'", id="unknown-exercise"
        ),
        pytest.param(["lecture", "toy", "7"], "has no lecture note 07", id="unknown-note"),
        pytest.param(["verify"], "name one course or pass --all", id="verify-without-course"),
    ],
)
def test_user_mistakes_exit_2_with_one_sentence(toy_course, argv, message, capsys):
    """Does each user mistake give one line on stderr and exit 2, no traceback?"""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_check_outside_a_workspace_exits_2(toy_course, tmp_path, monkeypatch, capsys):
    """Is 'no workspace here' a one-line error?"""
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert "no icsc workspace" in capsys.readouterr().err


def test_corrupt_workspace_file_exits_2(workspace, capsys):
    """Is a corrupt .icsc/workspace.json a one-line error?"""
    (workspace / ".icsc" / "workspace.json").write_text("{not json")
    assert main(["check"]) == 2
    assert "is corrupt" in capsys.readouterr().err


def test_start_into_another_courses_workspace_exits_2(workspace, capsys):
    """Does start refuse a workspace of another course?"""
    state = workspace / ".icsc" / "workspace.json"
    state.write_text(json.dumps({"course": "numba", "handed_out": {}}))
    assert main(["start", "toy", os.fspath(workspace)]) == 2
    assert "workspace of course numba" in capsys.readouterr().err


def test_stubgen_check_exit_codes(toy_course, capsys):
    """Does stubgen --check exit 0 in sync and 1 after a hand edit?"""
    assert main(["stubgen", "toy", "--check"]) == 0
    stub = toy_course.exercises_dir / "ex01_add.py"
    stub.write_text(stub.read_text() + "\n")
    assert main(["stubgen", "toy", "--check"]) == 1
    assert "differs" in capsys.readouterr().out


def test_hint_keeps_square_brackets(workspace, toy_course, capsys):
    """Are hints printed literally, brackets included (not eaten as markup)?"""
    solution = toy_course.solutions_dir / "ex01_add.py"
    solution.write_text(
        solution.read_text().replace(
            "# HINT: check the types first", "# HINT: use spins[i, j] [bold]"
        )
    )
    from icsc_kit.stubgen import generate_stubs  # noqa: PLC0415

    generate_stubs(toy_course)
    assert main(["hint", "ex01"]) == 0
    assert "use spins[i, j] [bold]" in capsys.readouterr().out
