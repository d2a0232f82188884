"""``icsc check``: run the public checks against a workspace and summarise per exercise."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from icsc_kit.course import Course, Exercise
from icsc_kit.results import PASSED, TestResult
from icsc_kit.runner import run_tests
from icsc_kit.targets import Target
from icsc_kit.workspace import STATE_DIR, Workspace

LAST_CHECK_FILE = "last-check.json"


@dataclass(frozen=True)
class ExerciseSummary:
    """Public-check outcome of one exercise in a workspace."""

    name: str
    passed: int
    total: int
    points: float
    max_points: float
    first_failure: str

    @property
    def done(self) -> bool:
        return self.total > 0 and self.passed == self.total


def summarise(
    course: Course, results: list[TestResult], only: Exercise | None = None
) -> list[ExerciseSummary]:
    """One :class:`ExerciseSummary` per exercise (or only ``only``), in course order."""
    summaries = []
    for exercise in course.exercises:
        if only is not None and exercise != only:
            continue
        mine = [test for test in results if test.exercise == exercise.name[:4]]
        failures = [test for test in mine if test.outcome != PASSED]
        summaries.append(
            ExerciseSummary(
                exercise.name,
                sum(test.outcome == PASSED for test in mine),
                len(mine),
                sum(test.points for test in mine if test.outcome == PASSED),
                sum(test.points for test in mine),
                failures[0].message if failures else "",
            )
        )
    return summaries


def run_checks(
    course: Course, workspace: Workspace, only: Exercise | None = None
) -> tuple[list[ExerciseSummary], str]:
    """Run the public checks of ``course`` (all, or one exercise's) against ``workspace``.

    Returns the summaries and pytest's output (shown when pytest itself could not run).
    """
    checks = course.checks_dir
    paths = sorted(checks.glob(f"test_{only.name[:4]}*.py")) if only else [checks]
    # Students have no project configuration: an empty ini file keeps pytest from picking
    # up whatever pyproject.toml happens to sit above site-packages.
    extra = ["-c", os.devnull, f"--rootdir={course.package_dir}"]
    run = run_tests(
        course, paths, Target("directory", workspace.root), cwd=workspace.root, extra_args=extra
    )
    summaries = summarise(course, run.results, only)
    if only is None:
        _save_progress(workspace, summaries)
    return summaries, run.output if run.collection_failed or not run.results else ""


def _save_progress(workspace: Workspace, summaries: list[ExerciseSummary]) -> None:
    path = workspace.root / STATE_DIR / LAST_CHECK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps([asdict(summary) for summary in summaries], indent=2) + "\n", encoding="utf-8"
    )


def saved_progress(workspace_root: Path) -> tuple[int, int] | None:
    """(exercises done, exercises) from the last full ``icsc check`` here, if any."""
    path = workspace_root / STATE_DIR / LAST_CHECK_FILE
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
        return sum(item["passed"] == item["total"] > 0 for item in items), len(items)
    except (OSError, ValueError, KeyError, TypeError):
        return None
