"""The hands-on notebook runs end to end (jupytext percent format is plain Python).

numba is an optional dependency; the runs here hide it (a stand-in package that fails to
import, as on an install without the extra), which also keeps them fast. The public check
of exercise 7 exercises numba itself.
"""

import os
import shutil
import subprocess
import sys

from icsc_riscv_vectors import COURSE


def _run_notebook(cwd):
    hidden = cwd / "hide_numba"
    (hidden / "numba").mkdir(parents=True)
    (hidden / "numba" / "__init__.py").write_text(
        'raise ImportError("numba is hidden by the test")\n'
    )
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": str(hidden)}
    notebook = COURSE.notebooks_dir / "rvv_lab.py"
    return subprocess.run(
        [sys.executable, str(notebook)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_notebook_runs_with_the_reference_solutions(tmp_path):
    for source in COURSE.solutions_dir.glob("ex*.py"):
        shutil.copy(source, tmp_path / source.name)
    result = _run_notebook(tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert "balanced: [32, 32, 18, 18]" in out
    assert "vle8ff.v: vl is now 3" in out
    assert "saxpy   max error 0.0" in out
    assert "saxpy_riscv64_vla: {'vsetvli': 1" in out
    assert "host_saxpy_asm needs numba" in out


def test_notebook_runs_without_any_exercise_written(tmp_path):
    result = _run_notebook(tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ex02_dot.py not found" in result.stdout
