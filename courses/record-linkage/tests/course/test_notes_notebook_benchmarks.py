"""Lecture notes are complete; the notebook and the benchmarks run on the solutions."""

import os
import re
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest

COURSE_ROOT = Path(__file__).resolve().parents[2]
PACKAGE = COURSE_ROOT / "src" / "icsc_record_linkage"
NOTES = sorted((PACKAGE / "lecture").glob("[0-9][0-9]-*.md"))


def _run(args, env_extra=None):
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "MPLBACKEND": "Agg", **(env_extra or {})}
    return subprocess.run(args, capture_output=True, text=True, timeout=300, env=env, check=False)


def test_there_are_four_parts_filling_one_hour():
    assert [note.name[:2] for note in NOTES] == ["01", "02", "03", "04"]
    minutes = [
        int(re.search(r"^teaching: (\d+)$", n.read_text(), re.MULTILINE).group(1)) for n in NOTES
    ]
    assert sum(minutes) == 60


@pytest.mark.parametrize("note", NOTES, ids=lambda note: note.name)
def test_note_has_header_key_points_references(note):
    text = note.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: ")
    for field in ("teaching:", "exercises:", "questions:", "objectives:", "keypoints:"):
        assert field in text.split("\n---\n", 1)[0]
    assert "\n## Key points\n" in text
    assert "\n## References\n" in text
    for figure in re.findall(r"\]\((figures/[^)]+)\)", text):
        assert (note.parent / figure).is_file(), figure
    for exercise in re.findall(r"see\s+`(ex\d\d_[a-z_]+\.py)`", text.replace("\n>", "")):
        assert (COURSE_ROOT / "solutions" / exercise).is_file(), exercise


def test_notebook_is_valid_jupytext_and_runs_on_the_solutions(tmp_path):
    notebook = jupytext.read(PACKAGE / "notebooks" / "record_linkage.py")
    assert any(cell.cell_type == "markdown" for cell in notebook.cells)
    script = tmp_path / "notebook.py"
    script.write_text(jupytext.writes(notebook, fmt="py:percent"), encoding="utf-8")
    done = _run(
        [sys.executable, str(script)],
        {"ICSC_RECORD_LINKAGE_EXERCISES": str(COURSE_ROOT / "solutions")},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "not written yet" not in done.stdout
    assert "DBLP-ACM test" in done.stdout


def test_blocking_benchmark_validates_against_brute_force():
    done = _run([sys.executable, str(COURSE_ROOT / "benchmarks" / "bench_blocking.py"), "--quick"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "validated blocking against brute force" in done.stdout


def test_dblp_acm_baseline_reproduces_the_readme():
    done = _run([sys.executable, str(COURSE_ROOT / "benchmarks" / "dblp_acm_baseline.py")])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "test: precision 0.942 recall 0.883 F1 0.912" in done.stdout
    assert "test: precision 0.942 recall 0.883 F1 0.912" in (COURSE_ROOT / "README.md").read_text()
