"""What grading one submission produced: per-test outcomes and the job's result."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GRADED, INVALID, TIMEOUT, ERROR = "graded", "invalid", "timeout", "error"
MAX_MESSAGE = 2000
ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,16}")


@dataclass
class TestOutcome:
    """One test's result for one student, as reported (and nothing else)."""

    __test__ = False  # not a pytest test class

    name: str
    exercise: str
    points: float
    max_points: float
    status: str
    message: str
    visibility: str


@dataclass
class JobResult:
    """Everything the batch needs about one graded submission (plain data)."""

    student: str
    source: str
    status: str
    reason: str = ""
    tests: list[TestOutcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    isolation: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def score(self) -> float:
        return sum(test.points for test in self.tests)

    @property
    def max_score(self) -> float:
        return sum(test.max_points for test in self.tests)

    def by_exercise(self) -> dict[str, tuple[float, float]]:
        totals: dict[str, tuple[float, float]] = {}
        for test in self.tests:
            got, most = totals.get(test.exercise, (0.0, 0.0))
            totals[test.exercise] = (got + test.points, most + test.max_points)
        return totals


def clean_message(message: str, root: Path) -> str:
    """A failure message without the job's temporary paths or memory addresses."""
    for prefix in {str(root), os.path.realpath(root)}:
        message = message.replace(prefix, "<job>")
    message = ADDRESS.sub("0x…", message).replace(
        "icsc_kit.grading.proxy.ExerciseAborted", "ExerciseAborted"
    )
    return message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE] + " …"
