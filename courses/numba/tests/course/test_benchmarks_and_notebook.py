"""The benchmark's validators and the hands-on notebook run against the reference solutions."""

import os
import subprocess
import sys
from pathlib import Path

import jupytext

COURSE_ROOT = Path(__file__).resolve().parents[2]


def _run(args, env_extra):
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONWARNINGS": "ignore", **env_extra}
    return subprocess.run(args, capture_output=True, text=True, timeout=300, env=env, check=False)


def test_every_benchmark_implementation_reproduces_its_baseline():
    done = _run(
        [sys.executable, str(COURSE_ROOT / "benchmarks" / "bench_kernels.py"), "--quick"], {}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "validated 3 kernels" in done.stdout


def test_notebook_is_valid_jupytext_and_runs_on_the_solutions(tmp_path):
    source = COURSE_ROOT / "src" / "icsc_numba" / "notebooks" / "ex-hands-on.py"
    notebook = jupytext.read(source)
    assert any(cell.cell_type == "markdown" for cell in notebook.cells)
    script = tmp_path / "notebook.py"
    script.write_text(jupytext.writes(notebook, fmt="py:percent"), encoding="utf-8")
    done = _run(
        [sys.executable, str(script)],
        {"ICSC_NUMBA_EXERCISES": str(COURSE_ROOT / "solutions"), "NUMBA_ENABLE_CUDASIM": "1"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "not written yet" not in done.stdout
    assert "identical: True" in done.stdout
