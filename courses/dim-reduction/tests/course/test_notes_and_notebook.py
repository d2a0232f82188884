"""Lecture notes are complete and self-consistent; the notebook runs on the solutions."""

import os
import re
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest

COURSE_ROOT = Path(__file__).resolve().parents[2]
PACKAGE = COURSE_ROOT / "src" / "icsc_dim_reduction"
NOTES = sorted((PACKAGE / "lecture").glob("[0-9][0-9]-*.md"))


def test_there_are_five_parts():
    assert [note.name[:2] for note in NOTES] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("note", NOTES, ids=lambda note: note.name)
def test_note_has_header_key_points_references_and_existing_figures(note):
    text = note.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: ")
    for field in ("teaching:", "exercises:", "questions:", "objectives:", "keypoints:"):
        assert field in text.split("\n---\n", 1)[0]
    assert "\n## Key points\n" in text
    if note.name != "05-self-study-guide.md":
        assert "\n## References\n" in text
    for figure in re.findall(r"\]\((figures/[^)]+)\)", text):
        assert (note.parent / figure).is_file(), figure
    for exercise in re.findall(r"see\s+`(ex\d\d_[a-z_]+\.py)`", text):
        assert (COURSE_ROOT / "solutions" / exercise).is_file(), exercise


def test_teaching_minutes_fill_the_one_hour_lecture():
    minutes = [
        int(re.search(r"^teaching: (\d+)$", n.read_text(), re.MULTILINE).group(1)) for n in NOTES
    ]
    assert sum(minutes) == 60


def test_notebook_is_valid_jupytext_and_runs_on_the_solutions(tmp_path):
    source = PACKAGE / "notebooks" / "dim_reduction.py"
    notebook = jupytext.read(source)
    assert any(cell.cell_type == "markdown" for cell in notebook.cells)
    script = tmp_path / "notebook.py"
    script.write_text(jupytext.writes(notebook, fmt="py:percent"), encoding="utf-8")
    env = {
        **os.environ,
        "MPLBACKEND": "Agg",
        "PYTHONWARNINGS": "ignore",
        # One BLAS/OpenMP thread, like the exercises: the notebook's own small SVDs and
        # scikit-learn fits otherwise spend their time in idle-spinning thread pools.
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "ICSC_DIM_REDUCTION_EXERCISES": str(COURSE_ROOT / "solutions"),
    }
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=600, env=env,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "not written yet" not in done.stdout
    assert "autoencoder2" in done.stdout
