"""Per-test results of one pytest run, as plain data written to a JSON report.

The pytest plugin feeds :class:`ResultCollector` with pytest's reports; verify, check and
grade read the JSON back with :func:`read_report`. A test's exercise is taken from its file
name (``test_ex01_topic.py`` belongs to ``ex01``).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

EXERCISE_IN_FILENAME = re.compile(r"test_(?P<prefix>ex\d\d)")

PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"


@dataclass
class TestResult:
    """The outcome of one test id: passed, failed or skipped, with its points and message."""

    __test__ = False  # not a pytest test class

    nodeid: str
    exercise: str
    outcome: str
    points: float
    message: str = ""
    duration: float = 0.0


def exercise_prefix(path: str) -> str:
    """``ex01`` for ``.../test_ex01_topic.py``; ``""`` when the name carries none."""
    match = EXERCISE_IN_FILENAME.search(Path(path).name)
    return match.group("prefix") if match else ""


def failure_message(longrepr: Any) -> str:
    """The one-line reason of a failure (the assertion or exception line), never the source."""
    crash = getattr(longrepr, "reprcrash", None)
    if crash is not None and getattr(crash, "message", None):
        return str(crash.message).strip()
    if isinstance(longrepr, tuple) and len(longrepr) == 3:  # (path, line, reason) of a skip
        return str(longrepr[2]).removeprefix("Skipped: ")
    text = str(longrepr).strip().splitlines()
    return text[-1] if text else ""


@dataclass
class ResultCollector:
    """Accumulates pytest reports into one :class:`TestResult` per test id."""

    results: dict[str, TestResult] = field(default_factory=dict)

    def record(
        self,
        nodeid: str,
        path: str,
        when: str,
        outcome: str,
        longrepr: Any,
        points: float,
        duration: float,
    ) -> None:
        """Merge one phase (setup/call/teardown) report; any failing phase fails the test."""
        result = self.results.setdefault(
            nodeid, TestResult(nodeid, exercise_prefix(path), PASSED, points)
        )
        result.duration += duration
        if outcome == FAILED and result.outcome != FAILED:
            result.outcome = FAILED
            result.message = failure_message(longrepr)
            if when != "call":
                result.message = f"error in {when}: {result.message}"
        elif outcome == SKIPPED and result.outcome == PASSED:
            result.outcome = SKIPPED
            result.message = failure_message(longrepr)

    def write(self, path: Path, **meta: str) -> None:
        """Write ``{"meta": ..., "tests": [...]}`` sorted by test id."""
        payload = {
            "meta": meta,
            "tests": [asdict(self.results[key]) for key in sorted(self.results)],
        }
        path.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def read_report(path: Path) -> list[TestResult]:
    """The test results written by :meth:`ResultCollector.write`."""
    payload = json.loads(path.read_text(encoding="utf-8"))
    return [TestResult(**item) for item in payload["tests"]]
