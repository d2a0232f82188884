"""``icsc submit`` (student) and ``icsc grade`` (instructor)."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from icsc_kit.console import CROSS, DASH, TICK, console
from icsc_kit.discovery import get_course
from icsc_kit.errors import UserError
from icsc_kit.grading.job import GRADED, INVALID, JobResult
from icsc_kit.submission import build_submission, student_id, submitted_files
from icsc_kit.workspace import find_workspace


def register(subparsers: argparse._SubParsersAction) -> None:
    submit = subparsers.add_parser(
        "submit", help="pack your exercise files and notes into <course>-<student>.zip"
    )
    submit.add_argument("directory", nargs="?", type=Path, help="workspace (default: here)")
    submit.add_argument("--student", help="your student id (default: $ICSC_STUDENT)")
    submit.add_argument(
        "--output", type=Path, default=Path(), help="file or folder for the zip (default: .)"
    )
    submit.set_defaults(func=run_submit)
    grade = subparsers.add_parser(
        "grade", help="grade submissions (folders, .zip files, folders of them) in isolation"
    )
    grade.add_argument("slug", help="course slug, e.g. numba")
    grade.add_argument("submissions", nargs="+", type=Path, help="submission folders or zips")
    grade.add_argument("--out", type=Path, required=True, help="folder for the reports")
    grade.add_argument("-j", "--jobs", type=int, default=1, help="submissions graded in parallel")
    grade.add_argument(
        "--timeout", type=float, default=None, metavar="S",
        help="wall-clock seconds per submission (default: the course's limit)",
    )  # fmt: skip
    grade.add_argument(
        "--call-timeout", type=float, default=None, metavar="S",
        help="seconds one call into the student's code may take (default: timeout/4, at most 60)",
    )  # fmt: skip
    grade.set_defaults(func=run_grade)


def run_submit(args: argparse.Namespace) -> int:
    workspace = find_workspace(args.directory)
    course = get_course(workspace.slug)
    student = student_id(args.student)
    target = build_submission(course, workspace.root, student, args.output)
    names = [path.name for path in submitted_files(workspace.root)]
    console.print(f"{TICK} wrote {target} ({len(names)} files: {', '.join(names)})")
    console.print("Hand in this file as your course asks; it holds a SHA-256 manifest.")
    return 0


def run_grade(args: argparse.Namespace) -> int:
    from icsc_kit.grading.batch import BatchOptions, run_batch  # noqa: PLC0415
    from icsc_kit.grading.sandbox import privileged  # noqa: PLC0415

    course = get_course(args.slug)
    course.require_source_root()
    for value, name in ((args.timeout, "--timeout"), (args.call_timeout, "--call-timeout")):
        if value is not None and value <= 0:
            msg = f"{name} must be positive, got {value:g}"
            raise UserError(msg)
    if not privileged():
        console.print(
            f"{DASH} not running as root: the worker keeps its resource limits but shares "
            "your user, sees your files and the network. Grade hostile work as root in a container."
        )
    options = BatchOptions(
        tuple(args.submissions), args.out, args.jobs, args.timeout, args.call_timeout
    )
    columns = (TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))  # fmt: skip
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=None)

        def advance(result: JobResult, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, description=result.student)

        results = run_batch(course, options, advance)
    _print_table(results)
    console.print(f"Reports in {args.out}: grades.csv, summary.md, results/, feedback/")
    return 0


def _print_table(results: list[JobResult]) -> None:
    table = Table(title="icsc grade")
    for column in ("", "student", "score", "status", "seconds", "reason"):
        table.add_column(column)
    for result in results:
        mark = TICK if result.status == GRADED else (DASH if result.status == INVALID else CROSS)
        table.add_row(
            mark,
            result.student,
            f"{result.score:g} / {result.max_score:g}",
            result.status,
            f"{result.seconds:.1f}",
            result.reason[:80],
        )
    console.print(table)
