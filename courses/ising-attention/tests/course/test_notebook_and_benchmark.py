"""The hands-on notebook and the benchmark's validators run against the reference solutions."""

import os
import subprocess
import sys
from pathlib import Path

import jupytext

COURSE_ROOT = Path(__file__).resolve().parents[2]


def _run(args, env_extra):
    env = {
        **os.environ,
        "MPLBACKEND": "Agg",
        "PYTHONWARNINGS": "ignore",
        "CUDA_VISIBLE_DEVICES": "",
        **env_extra,
    }
    return subprocess.run(args, capture_output=True, text=True, timeout=600, env=env, check=False)


def test_notebook_is_valid_jupytext_and_runs_on_the_solutions(tmp_path):
    source = COURSE_ROOT / "src" / "icsc_ising_attention" / "notebooks" / "ising_attention.py"
    notebook = jupytext.read(source)
    assert any(cell.cell_type == "markdown" for cell in notebook.cells)
    script = tmp_path / "notebook.py"
    script.write_text(jupytext.writes(notebook, fmt="py:percent"), encoding="utf-8")
    done = _run(
        [sys.executable, str(script)],
        {"ICSC_ISING_ATTENTION_EXERCISES": str(COURSE_ROOT / "solutions")},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "not written yet" not in done.stdout
    assert "all finite? True" in done.stdout
    assert "(should be 1)" in done.stdout


def test_benchmark_validates_every_implementation():
    done = _run(
        [sys.executable, str(COURSE_ROOT / "benchmarks" / "bench_attention.py"), "--quick"], {}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "validated 4 implementations" in done.stdout
