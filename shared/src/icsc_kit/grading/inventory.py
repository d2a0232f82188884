"""The course's tests as a list (node id, file, points, exercise) and their display names.

The list comes from a collection-only run of the same trusted pytest command; a job
merges it with what the grading run reported, so a test that never reported is failed,
and an invalid submission still shows every test it could have passed.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from icsc_kit.course import Course
from icsc_kit.grading.environment import pytest_command, trusted_environment
from icsc_kit.grading.isolate import IsolateConfig
from icsc_kit.grading.outcome import TestOutcome
from icsc_kit.results import FAILED, TestResult
from icsc_kit.wheelcheck import workspace_root


def collect_inventory(course: Course, timeout_s: float = 120.0) -> list[dict[str, Any]]:
    """The course's tests (node id, path, points, exercise) from a collection-only run."""
    with tempfile.TemporaryDirectory(prefix="icsc-inventory-") as scratch:
        folder = Path(scratch)
        config = IsolateConfig(
            code_dir=scratch, work_dir=scratch, basetemp=str(folder / "pytest"),
            log=str(folder / "log"), deadline=time.monotonic() + timeout_s,
            timeout_s=timeout_s, call_timeout_s=timeout_s, privileged=False,
            inventory=str(folder / "inventory.json"),
        )  # fmt: skip
        config.write(folder / "isolate.json")
        command = pytest_command(course, folder, folder / "report.json", folder / "isolate.json")
        root = course.source_root
        done = subprocess.run(
            [*command, "--collect-only"],
            cwd=workspace_root(root) if root is not None else None,
            env=trusted_environment(folder),
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
        inventory = folder / "inventory.json"
        if not inventory.is_file():
            msg = f"cannot collect the tests of {course.slug}: {done.stdout[-1000:]}{done.stderr[-1000:]}"
            raise RuntimeError(msg)
        return json.loads(inventory.read_text(encoding="utf-8"))


def read_inventory(path: Path, reported: list[TestResult]) -> list[dict[str, Any]]:
    """The inventory the grading run wrote at ``path``, else one built from ``reported``."""
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return [
        {"nodeid": t.nodeid, "path": "", "points": t.points, "exercise": t.exercise}
        for t in reported
    ]


def failed_tests(
    course: Course, inventory: list[dict[str, Any]], message: str
) -> list[TestOutcome]:
    """Every test of ``inventory`` failed with ``message`` (for a submission not graded)."""
    return [
        TestOutcome(
            name=display_name(course, item),
            exercise=exercise_name(course, item["exercise"]),
            points=0.0,
            max_points=float(item["points"]),
            status=FAILED,
            message=message,
            visibility="visible" if is_public(course, item) else "after_due_date",
        )
        for item in inventory
    ]


def display_name(course: Course, item: dict[str, Any]) -> str:
    """``checks/test_ex01_x.py::test_y`` or ``hidden/...``: stable wherever the checkout is."""
    test = item["nodeid"].partition("::")[2]
    path = Path(item.get("path") or "")
    for label, folder in (("checks", course.checks_dir), ("hidden", _hidden_dir(course))):
        if folder is not None and path.is_relative_to(folder):
            return f"{label}/{path.relative_to(folder).as_posix()}::{test}"
    return item["nodeid"]


def is_public(course: Course, item: dict[str, Any]) -> bool:
    return Path(item.get("path") or "").is_relative_to(course.checks_dir)


def _hidden_dir(course: Course) -> Path | None:
    return course.hidden_tests_dir if course.source_root is not None else None


def exercise_name(course: Course, prefix: str) -> str:
    for exercise in course.exercises:
        if exercise.name[:4] == prefix:
            return exercise.name
    return prefix or "other"
