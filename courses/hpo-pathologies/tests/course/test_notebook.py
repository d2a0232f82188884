"""The hands-on notebook runs top to bottom on an untouched workspace (the stubs)."""

import os
from pathlib import Path

import jupytext
import pytest

from icsc_hpo_pathologies import COURSE


@pytest.mark.filterwarnings("ignore::UserWarning")  # matplotlib: plt.show() under Agg warns
def test_the_notebook_runs_on_the_stubs(monkeypatch, tmp_path):
    notebook = jupytext.read(COURSE.notebooks_dir / "hpo_pathologies.py")
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    monkeypatch.setenv("ICSC_HPO_EXERCISES", str(COURSE.exercises_dir))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "notebook"}
    exec(compile(code, "hpo_pathologies.py", "exec"), namespace)  # noqa: S102
    assert namespace["EXERCISES"] == Path(os.environ["ICSC_HPO_EXERCISES"]).resolve()
    assert len(namespace["runs"]) == 13  # the whole catalogue trained
