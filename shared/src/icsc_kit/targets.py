"""Where an exercise module comes from: the reference solution, the stub, or a folder.

A *target* is chosen once per test run (``--icsc-target``): ``solution`` (the checkout's
``solutions/``), ``stub`` (the generated stubs shipped in the package) or a directory (a
student's workspace or an unpacked submission) holding ``exNN_topic.py`` files.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from icsc_kit.course import Course

SOLUTION = "solution"
STUB = "stub"


@dataclass(frozen=True)
class Target:
    """A parsed ``--icsc-target`` value: ``kind`` is solution, stub or directory."""

    kind: str
    directory: Path | None = None

    @classmethod
    def parse(cls, value: str) -> Target:
        """``solution``, ``stub`` or an existing directory; ``ValueError`` otherwise."""
        if value in (SOLUTION, STUB):
            return cls(value)
        path = Path(value).expanduser()
        if not path.is_dir():
            msg = (
                f"--icsc-target must be 'solution', 'stub' or an existing directory, got {value!r}"
            )
            raise ValueError(msg)
        return cls("directory", path.resolve())

    def __str__(self) -> str:
        return str(self.directory) if self.directory else self.kind

    def folder(self, course: Course) -> Path:
        """The folder holding this target's exercise files for ``course``."""
        if self.kind == SOLUTION:
            return course.solutions_dir
        if self.kind == STUB:
            return course.exercises_dir
        assert self.directory is not None
        return self.directory


def exercise_path(course: Course, name: str, target: Target) -> Path:
    """The file of exercise ``name`` of ``course`` in ``target`` (it may not exist)."""
    exercise = course.exercise(name)
    return target.folder(course) / f"{exercise.name}.py"


def load_module_from(path: Path, module_name: str) -> ModuleType:
    """Import the Python file ``path`` as a fresh module called ``module_name``.

    The module is registered in ``sys.modules`` (numba and dataclasses need that) under a
    name that cannot clash with an installed package.
    """
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        msg = f"cannot import {path}"
        raise ImportError(msg)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module


def module_name_for(course: Course, name: str, target: Target) -> str:
    """A unique, import-safe module name for exercise ``name`` loaded from ``target``."""
    safe_slug = course.slug.replace("-", "_")
    return f"_icsc_{target.kind}_{safe_slug}_{name}"
