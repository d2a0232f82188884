"""Run a course's tests in a child pytest and read back one result per test id."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from icsc_kit.course import Course
from icsc_kit.results import TestResult, read_report
from icsc_kit.targets import Target


@dataclass(frozen=True)
class PytestRun:
    """What a child pytest did: its exit code, its per-test results and its output."""

    returncode: int
    results: list[TestResult]
    output: str

    @property
    def collection_failed(self) -> bool:
        """pytest exit codes 2 (interrupted), 3 (internal error), 4 (usage error)."""
        return self.returncode in (2, 3, 4)


def run_tests(
    course: Course,
    paths: Sequence[Path],
    target: Target,
    *,
    cwd: Path | None = None,
    extra_args: Sequence[str] = (),
    timeout: float | None = None,
    env: dict[str, str] | None = None,
) -> PytestRun:
    """Run pytest on ``paths`` against ``target`` and return the parsed report.

    ``cwd`` decides which configuration pytest finds (the repository root gives the
    strict project settings). A run that times out is reported with returncode 124.
    """
    with tempfile.TemporaryDirectory(prefix="icsc-run-") as scratch:
        report = Path(scratch) / "report.json"
        command = [
            sys.executable,
            "-m",
            "pytest",
            *map(str, paths),
            f"--icsc-target={target}",
            f"--icsc-course={course.slug}",
            f"--icsc-report={report}",
            "--import-mode=importlib",
            "-p",
            "no:cacheprovider",
            "-q",
            "--no-header",
            "-rN",
            *extra_args,
        ]
        child_env = dict(os.environ if env is None else env)
        child_env.setdefault("PYTHONDONTWRITEBYTECODE", "1")
        try:
            done = subprocess.run(
                command,
                cwd=cwd,
                env=child_env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as expired:
            output = (expired.stdout or "") if isinstance(expired.stdout, str) else ""
            return PytestRun(124, [], output + f"\npytest did not finish within {timeout} s")
        results = read_report(report) if report.is_file() else []
        return PytestRun(done.returncode, results, done.stdout + done.stderr)
