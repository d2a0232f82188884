"""Helpers for the hands-on notebooks: load the student's exercises from the workspace.

A notebook that ``icsc start`` put into ``<workspace>/notebooks/`` imports the student's
``exNN_*.py`` files (re-importing picks up edits) and runs each step through
:func:`attempt`, so a cell whose exercise is not written yet says so instead of failing.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any


def find_exercises(marker: str, env_var: str) -> Path:
    """The folder holding ``marker`` (e.g. ``ex01_benchmark.py``): ``$env_var`` if set, else
    the current folder or the nearest one above it that holds the file.

    Raises ``FileNotFoundError`` saying where to open the notebook when none does.
    """
    if env_var in os.environ:
        return Path(os.environ[env_var]).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / marker).is_file():
            return folder
    msg = f"no {marker} here or above: open this notebook inside your workspace (or set {env_var})"
    raise FileNotFoundError(msg)


def load_exercise(folder: Path, name: str) -> ModuleType:
    """Import (or re-import, after an edit) exercise ``name`` from ``folder``."""
    path = folder / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"workspace_{name}", path)
    if spec is None or spec.loader is None:
        msg = f"cannot import {path}"
        raise ImportError(msg)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def attempt(what: str, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``func(*args, **kwargs)``; ``None`` with a note when the exercise is not written yet."""
    try:
        return func(*args, **kwargs)
    except NotImplementedError:
        print(f"{what}: not written yet (NotImplementedError) - skipped")  # noqa: T201  (notebook output)
        return None
