"""Load an exercise for a test: find the test's course, import the module, cache it.

In-process loading is the default. The grader installs another loader (a proxy to an
untrusted worker process) with :func:`set_loader`; tests do not notice the difference.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from icsc_kit.course import Course
from icsc_kit.discovery import get_course, installed_courses
from icsc_kit.errors import UserError
from icsc_kit.targets import Target, exercise_path, load_module_from, module_name_for

Loader = Callable[[Course, str, Target], Any]
LOADER_KEY = pytest.StashKey[Loader]()
CACHE_KEY = pytest.StashKey[dict[tuple[str, str, str], Any]]()


class ExerciseUnavailable(Exception):
    """The exercise module is missing or does not import; the message says which and why."""


def course_for_test(slug: str | None, test_path: Path) -> Course:
    """The course ``slug``, or the installed course whose folders contain ``test_path``."""
    try:
        if slug:
            return get_course(slug)
        resolved = test_path.resolve()
        for course in installed_courses().values():
            roots = [course.package_dir.resolve()]
            if course.source_root is not None:
                roots.append(course.source_root.resolve())
            if any(resolved.is_relative_to(root) for root in roots):
                return course
    except UserError as error:
        pytest.fail(str(error), pytrace=False)
    pytest.fail(
        f"{test_path} belongs to no installed course; pass --icsc-course SLUG", pytrace=False
    )


def in_process_loader(course: Course, name: str, target: Target) -> Any:
    """Import exercise ``name`` of ``course`` from ``target`` into this process."""
    path = exercise_path(course, name, target)
    if not path.is_file():
        msg = f"{name}: no file {path.name} in {path.parent}"
        raise ExerciseUnavailable(msg)
    try:
        return load_module_from(path, module_name_for(course, name, target))
    except Exception as error:
        msg = f"{name}: {path.name} does not import: {type(error).__name__}: {error}"
        raise ExerciseUnavailable(msg) from error


def set_loader(config: pytest.Config, loader: Loader) -> None:
    """Use ``loader`` instead of in-process imports for this run (the grader does this)."""
    config.stash[LOADER_KEY] = loader


def load_exercise(config: pytest.Config, course: Course, name: str, target: Target) -> Any:
    """The module (or proxy) of exercise ``name``, loaded once per run and target."""
    exercise = course.exercise(name) if _known(course, name) else None
    if exercise is None:
        msg = f"test asks for exercise {name!r}, which course {course.slug} does not declare"
        raise ExerciseUnavailable(msg)
    cache = config.stash.setdefault(CACHE_KEY, {})
    key = (course.slug, exercise.name, str(target))
    if key not in cache:
        loader = config.stash.get(LOADER_KEY, in_process_loader)
        cache[key] = loader(course, exercise.name, target)
    return cache[key]


def _known(course: Course, name: str) -> bool:
    return any(name in (exercise.name, exercise.name[:4]) for exercise in course.exercises)
