"""The hands-on notebook runs end to end on the reference solutions, and on the stubs."""

import os
import subprocess
import sys

from icsc_perf_madgraph import COURSE

NOTEBOOK = COURSE.notebooks_dir / "perf_madgraph_walkthrough.py"
# Run through runpy from `-c`: worker processes started with "spawn" then have no main
# script to re-import (in Jupyter there is none either).
RUNNER = "import runpy, sys; runpy.run_path(sys.argv[1], run_name='notebook')"


def _run(exercises, tmp_path):
    env = {**os.environ, "MPLBACKEND": "Agg", "ICSC_PERF_MADGRAPH_EXERCISES": str(exercises)}
    return subprocess.run(
        [sys.executable, "-c", RUNNER, str(NOTEBOOK)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_notebook_runs_on_the_solutions(tmp_path):
    done = _run(COURSE.source_root / "solutions", tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "not written yet" not in done.stdout
    assert "identical: True" in done.stdout or "identical" not in done.stdout
    assert "pull" in done.stdout
    assert "Breit-Wigner: VEGAS" in done.stdout


def test_notebook_survives_the_stubs(tmp_path):
    done = _run(COURSE.exercises_dir, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "ex01 profile_generator: not written yet" in done.stdout
