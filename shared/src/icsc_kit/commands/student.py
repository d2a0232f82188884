"""``icsc start``, ``icsc check``, ``icsc hint`` and ``icsc watch``: the student's loop."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from icsc_kit.checking import ExerciseSummary, run_checks
from icsc_kit.console import CROSS, DASH, TICK, console
from icsc_kit.discovery import get_course
from icsc_kit.markers import HINT_PATTERN
from icsc_kit.workspace import find_workspace, start_workspace


def register(subparsers: argparse._SubParsersAction) -> None:
    start = subparsers.add_parser(
        "start", help="hand out a course's exercises into a workspace folder"
    )
    start.add_argument("slug", help="course slug, e.g. numba")
    start.add_argument(
        "directory", nargs="?", type=Path, help="workspace folder (default: ./icsc-<slug>)"
    )
    start.set_defaults(func=run_start)
    check = subparsers.add_parser("check", help="run the public checks on your workspace")
    check.add_argument("exercise", nargs="?", help="one exercise, e.g. ex01 (default: all)")
    check.set_defaults(func=run_check)
    hint = subparsers.add_parser("hint", help="show the hints of an exercise")
    hint.add_argument("exercise", help="exercise, e.g. ex01")
    hint.add_argument("--course", help="course slug (default: the workspace's)")
    hint.set_defaults(func=run_hint)
    watch = subparsers.add_parser("watch", help="re-run the checks whenever you save a file")
    watch.add_argument(
        "--interval", type=float, default=1.0, metavar="S", help="seconds between looks (default 1)"
    )
    watch.set_defaults(func=run_watch)


def run_start(args: argparse.Namespace) -> int:
    course = get_course(args.slug)
    destination = args.directory or Path(f"icsc-{course.slug}")
    workspace, report = start_workspace(course, destination)
    for name in report.written:
        console.print(f"  {TICK} wrote {name}")
    for name in report.kept:
        console.print(f"  {DASH} kept {name}: you changed it, so it was not replaced")
    console.print(f"Workspace for [bold]{course.title}[/bold] is ready in {workspace.root}")
    console.print(
        f"Next: cd {destination} && icsc check   (lecture notes: icsc lecture {course.slug})"
    )
    return 0


def _print_summaries(summaries: list[ExerciseSummary]) -> None:
    table = Table(show_edge=False)
    for column in ("", "exercise", "tests", "points", "first failure"):
        table.add_column(column)
    for summary in summaries:
        mark = TICK if summary.done else CROSS
        table.add_row(
            mark,
            summary.name,
            f"{summary.passed}/{summary.total}",
            f"{summary.points:g}/{summary.max_points:g}",
            escape(summary.first_failure[:100]),
        )
    console.print(table)


def run_check(args: argparse.Namespace) -> int:
    workspace = find_workspace()
    course = get_course(workspace.slug)
    only = course.exercise(args.exercise) if args.exercise else None
    summaries, output = run_checks(course, workspace, only)
    if output:
        console.print(escape(output))
    _print_summaries(summaries)
    done = sum(summary.done for summary in summaries)
    console.print(f"Progress: {done}/{len(summaries)} exercises pass their public checks")
    pending = [summary for summary in summaries if not summary.done]
    if pending:
        console.print(f"Next: work on {pending[0].name}; stuck? icsc hint {pending[0].name[:4]}")
        return 1
    console.print(f"{TICK} Everything passes. Pack it with: icsc submit")
    return 0


def run_hint(args: argparse.Namespace) -> int:
    slug = args.course or find_workspace().slug
    course = get_course(slug)
    exercise = course.exercise(args.exercise)
    stub = course.exercises_dir / f"{exercise.name}.py"
    hints = [
        m.group("text")
        for line in stub.read_text(encoding="utf-8").splitlines()
        if (m := HINT_PATTERN.match(line))
    ]
    console.print(f"Hints for {exercise.name} ({escape(exercise.title)}):")
    for number, hint in enumerate(hints, start=1):
        console.print(f"  {number}. {escape(hint)}")
    return 0


def _snapshot(root: Path) -> dict[Path, float]:
    return {path: path.stat().st_mtime for path in root.glob("*.py")}


def run_watch(args: argparse.Namespace) -> int:
    if args.interval <= 0:
        from icsc_kit.errors import UserError  # noqa: PLC0415

        msg = f"--interval must be positive, got {args.interval}"
        raise UserError(msg)
    workspace = find_workspace()
    console.print("Watching your exercise files; press Ctrl-C to stop.")
    seen: dict[Path, float] = {}
    try:
        while True:
            current = _snapshot(workspace.root)
            if current != seen:
                seen = current
                run_check(argparse.Namespace(exercise=None))
            time.sleep(args.interval)
    except KeyboardInterrupt:
        console.print("Stopped watching.")
        return 0
