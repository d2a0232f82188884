"""The hands-on notebook runs end to end (as a plain script: jupytext percent format is Python)."""

import subprocess
import sys

from icsc_aai_tokens import COURSE


def test_notebook_runs_from_start_to_end(tmp_path):
    notebook = COURSE.notebooks_dir / "aai_walkthrough.py"
    result = subprocess.run(
        [sys.executable, str(notebook)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert "alg none" in out
    assert "-> 401" in out
    assert "201 application/pem-certificate-chain" in out
    assert "[certificate:https://127.0.0.1:" in out
    assert "services stopped and" in out
