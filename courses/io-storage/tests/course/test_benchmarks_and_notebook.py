"""The benchmark validates the reference readers; the notebook runs on the solutions."""

import os
import subprocess
import sys
from pathlib import Path

import jupytext

COURSE_ROOT = Path(__file__).resolve().parents[2]


def _run(args, env_extra):
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONWARNINGS": "ignore", **env_extra}
    return subprocess.run(args, capture_output=True, text=True, timeout=300, env=env, check=False)


def test_benchmark_validates_every_reader_with_or_without_fio(tmp_path):
    script = COURSE_ROOT / "benchmarks" / "bench_readers.py"
    done = _run([sys.executable, str(script), "--quick", "--dir", str(tmp_path)], {})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "validated 3 readers" in done.stdout
    assert "fio" in done.stdout


def test_benchmark_without_fio_exits_zero_with_a_message(tmp_path):
    script = COURSE_ROOT / "benchmarks" / "bench_readers.py"
    python_dir = str(Path(sys.executable).parent)
    done = _run(
        [sys.executable, str(script), "--quick", "--dir", str(tmp_path)], {"PATH": python_dir}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "fio is not installed (apt-get install fio)" in done.stdout


def test_notebook_is_valid_jupytext_and_runs_on_the_solutions(tmp_path):
    source = COURSE_ROOT / "src" / "icsc_io_storage" / "notebooks" / "ex-hands-on.py"
    notebook = jupytext.read(source)
    assert any(cell.cell_type == "markdown" for cell in notebook.cells)
    script = tmp_path / "notebook.py"
    script.write_text(jupytext.writes(notebook, fmt="py:percent"), encoding="utf-8")
    done = _run(
        [sys.executable, str(script)], {"ICSC_IO_STORAGE_EXERCISES": str(COURSE_ROOT / "solutions")}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "not written yet" not in done.stdout
    assert "identical: False" not in done.stdout
    assert done.stdout.count("identical: True") in (7, 8)  # 8 where io_uring works
