"""The hands-on notebook runs end to end (jupytext percent format is plain Python)."""

import os
import subprocess
import sys

from icsc_cybersecurity import COURSE


def test_notebook_runs_from_start_to_end(tmp_path):
    notebook = COURSE.notebooks_dir / "cybersecurity_walkthrough.py"
    result = subprocess.run(
        [sys.executable, str(notebook)],
        cwd=tmp_path,
        env={**os.environ, "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert "of 256 digest bits changed" in out
    assert "under the PINNED genuine key the forgery fails" in out
    assert "refused: OutsideDestinationError" in out
    assert "git log -S finds the key in" in out
    assert "marker exists after pickle.loads: True" in out
    assert "done; everything is in" in out
