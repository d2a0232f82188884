"""The grader's files: per student (Gradescope JSON, feedback) and per batch (CSV, summary).

Every file here is deterministic: the same inputs give the same bytes. Durations are
therefore kept out of them; ``timings.csv`` (written by the batch) holds them apart.

``results/<student>.json`` follows the Gradescope autograder ``results.json`` format
(https://gradescope-autograders.readthedocs.io/en/latest/specs/): top-level ``score``,
``output``, ``visibility``, ``stdout_visibility``, ``extra_data`` and ``tests``; each test
has ``name``, ``number``, ``score``, ``max_score``, ``status`` (``passed``/``failed``),
``output``, ``tags`` and ``visibility`` (public checks ``visible``, hidden tests
``after_due_date``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from icsc_kit.course import Course
from icsc_kit.grading.job import GRADED, JobResult, TestOutcome

TICK, CROSS = "✓", "✗"


def _number(value: float) -> str:
    return f"{value:g}"


def gradescope_results(course: Course, result: JobResult) -> dict[str, Any]:
    """``result`` as a Gradescope ``results.json`` document."""
    lines = [f"Course {course.slug} ({course.title}), status: {result.status}."]
    if result.reason:
        lines.append(f"Reason: {result.reason}")
    lines += result.notes
    tests = []
    for number, test in enumerate(result.tests, start=1):
        entry: dict[str, Any] = {
            "name": test.name,
            "number": str(number),
            "score": test.points,
            "max_score": test.max_points,
            "status": test.status,
            "tags": [test.exercise],
            "visibility": test.visibility,
        }
        if test.message:
            entry["output"] = test.message
        tests.append(entry)
    return {
        "score": result.score,
        "output": "\n".join(lines),
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "extra_data": {
            "course": course.slug,
            "course_version": course.version,
            "student": result.student,
            "status": result.status,
            "reason": result.reason,
            "max_score": result.max_score,
            "isolation": result.isolation,
            "exercises": {
                name: {"score": got, "max_score": most}
                for name, (got, most) in sorted(result.by_exercise().items())
            },
        },
        "tests": tests,
    }


def _fence(text: str) -> str:
    """``text`` in a code fence longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 3)
    return f"{ticks}\n{text}\n{ticks}"


def feedback_markdown(course: Course, result: JobResult) -> str:
    """Per test: ✓/✗, points and the failure message (never the source of a hidden test)."""
    out = [
        f"# Feedback for {result.student}: {course.title}",
        "",
        f"Status: **{result.status}**. Score: **{_number(result.score)} / {_number(result.max_score)}** points.",
    ]
    if result.reason:
        out += ["", f"Reason: {result.reason}"]
    for note in result.notes:
        out += ["", f"Note: {note}"]
    by_exercise = result.by_exercise()
    for exercise in course.exercises:
        mine = [test for test in result.tests if test.exercise == exercise.name]
        if not mine:
            continue
        got, most = by_exercise[exercise.name]
        out += ["", f"## {exercise.name}: {exercise.title} ({_number(got)} / {_number(most)})", ""]
        for test in mine:
            mark = TICK if test.status == "passed" else CROSS
            out.append(
                f"- {mark} `{test.name}` ({_number(test.points)} / {_number(test.max_points)})"
            )
            if test.message:
                out += ["", *("  " + line for line in _fence(test.message).splitlines()), ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).rstrip() + "\n"


def write_student_files(course: Course, result: JobResult, out_dir: Path) -> None:
    """``results/<student>.json`` and ``feedback/<student>.md`` under ``out_dir``."""
    for folder in ("results", "feedback"):
        (out_dir / folder).mkdir(parents=True, exist_ok=True)
    document = gradescope_results(course, result)
    (out_dir / "results" / f"{result.student}.json").write_text(
        json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out_dir / "feedback" / f"{result.student}.md").write_text(
        feedback_markdown(course, result), encoding="utf-8"
    )


def grades_csv(course: Course, results: Sequence[JobResult]) -> str:
    """One row per student: one column per exercise, total, max, status, reason."""
    names = [exercise.name for exercise in course.exercises]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", *names, "total", "max", "status", "reason"])
    for result in sorted(results, key=lambda r: r.student):
        scores = result.by_exercise()
        row = [_number(scores.get(name, (0.0, 0.0))[0]) for name in names]
        writer.writerow(
            [result.student, *row, _number(result.score), _number(result.max_score),
             result.status, result.reason]
        )  # fmt: skip
    return buffer.getvalue()


def summary_markdown(course: Course, results: Sequence[JobResult]) -> str:
    """Per exercise: pass rate and mean score; per submission: status and score."""
    ordered = sorted(results, key=lambda r: r.student)
    count = len(ordered)
    graded = sum(result.status == GRADED for result in ordered)
    out = [
        f"# Grading summary: {course.slug}",
        "",
        (
            f"{count} submissions, {graded} graded, {count - graded} not graded (invalid, "
            "timed out or failed to run). Times are in timings.csv (not reproducible)."
        ),
        "",
        "## Per exercise",
        "",
        "| exercise | tests passed | pass rate | mean score | max |",
        "| --- | --- | --- | --- | --- |",
    ]
    for exercise in course.exercises:
        tests: list[TestOutcome] = [
            t for r in ordered for t in r.tests if t.exercise == exercise.name
        ]
        passed = sum(t.status == "passed" for t in tests)
        rate = f"{100 * passed / len(tests):.0f}%" if tests else "n/a"
        scores = [r.by_exercise().get(exercise.name, (0.0, 0.0)) for r in ordered]
        mean = sum(got for got, _ in scores) / count if count else 0.0
        most = max((m for _, m in scores), default=0.0)
        out.append(
            f"| {exercise.name} | {passed}/{len(tests)} | {rate} | {mean:.2f} | {_number(most)} |"
        )
    out += [
        "",
        "## Per submission",
        "",
        "| student | status | score | reason |",
        "| --- | --- | --- | --- |",
    ]
    for result in ordered:
        reason = result.reason.replace("|", "\\|")
        out.append(
            f"| {result.student} | {result.status} | {_number(result.score)} / {_number(result.max_score)} | {reason} |"
        )
    return "\n".join(out) + "\n"


def timings_csv(results: Sequence[JobResult]) -> str:
    """Seconds per submission (the one output that differs from run to run)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", "status", "seconds"])
    for result in sorted(results, key=lambda r: r.student):
        writer.writerow([result.student, result.status, f"{result.seconds:.2f}"])
    return buffer.getvalue()


def write_batch_files(course: Course, results: Sequence[JobResult], out_dir: Path) -> None:
    """``grades.csv``, ``summary.md`` and ``timings.csv`` under ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "grades.csv").write_text(grades_csv(course, results), encoding="utf-8")
    (out_dir / "summary.md").write_text(summary_markdown(course, results), encoding="utf-8")
    (out_dir / "timings.csv").write_text(timings_csv(results), encoding="utf-8")
