"""``icsc stubgen`` and ``icsc verify``: the instructor's checks of a course."""

from __future__ import annotations

import argparse

from rich.markup import escape
from rich.table import Table

from icsc_kit.console import CROSS, TICK, console
from icsc_kit.course import Course
from icsc_kit.discovery import get_course, installed_courses
from icsc_kit.errors import UserError
from icsc_kit.stubgen import generate_stubs
from icsc_kit.verify import verify


def register(subparsers: argparse._SubParsersAction) -> None:
    stubgen = subparsers.add_parser(
        "stubgen", help="write exercise stubs from the reference solutions"
    )
    _add_course_choice(stubgen)
    stubgen.add_argument(
        "--check", action="store_true", help="only compare; exit 1 if a stub differs"
    )
    stubgen.set_defaults(func=run_stubgen)
    verifier = subparsers.add_parser(
        "verify", help="prove a course: solution passes, stub fails, wheel clean"
    )
    _add_course_choice(verifier)
    verifier.set_defaults(func=run_verify)


def _add_course_choice(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", nargs="?", help="course slug, e.g. numba")
    parser.add_argument("--all", action="store_true", help="every installed course")


def _chosen(args: argparse.Namespace) -> list[Course]:
    if args.all == bool(args.slug):
        msg = "name one course or pass --all (not both, not neither)"
        raise UserError(msg)
    if args.all:
        return [course for course in installed_courses().values() if course.source_root is not None]
    return [get_course(args.slug)]


def run_stubgen(args: argparse.Namespace) -> int:
    differing = 0
    for course in _chosen(args):
        course.require_source_root()
        for difference in generate_stubs(course, check=args.check):
            differing += 1
            verb = "differs" if args.check else "written"
            console.print(f"  {course.slug}: {difference.stub_path} {difference.reason} ({verb})")
    if args.check and differing:
        console.print(f"{CROSS} {differing} stub(s) out of sync; run: icsc stubgen <slug>")
        return 1
    console.print(
        f"{TICK} stubs in sync" if args.check else f"{TICK} stubs written ({differing} changed)"
    )
    return 0


def run_verify(args: argparse.Namespace) -> int:
    failed = 0
    for course in _chosen(args):
        with console.status(f"verifying {course.slug}") as status:
            results = verify(
                course,
                progress=lambda step, s=status, c=course: s.update(f"verifying {c.slug}: {step}"),
            )
        table = Table(title=f"icsc verify {course.slug}")
        for column in ("", "step", "seconds", "details"):
            table.add_column(column)
        for result in results:
            details = [
                f"{finding.code} {finding.message} (fix: {finding.fix})"
                for finding in result.findings
            ]
            details += result.notes
            table.add_row(
                TICK if result.ok else CROSS,
                result.name,
                f"{result.seconds:.1f}",
                escape("\n".join(details)),
            )
        console.print(table)
        if all(result.ok for result in results):
            console.print(f"{TICK} {course.slug}: everything looks fine!")
        else:
            failed += 1
            console.print(f"{CROSS} {course.slug}: verification failed")
    return 1 if failed else 0
