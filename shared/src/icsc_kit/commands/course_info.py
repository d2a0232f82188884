"""``icsc list`` and ``icsc lecture``: what is installed, where the notes are."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from rich.markdown import Markdown
from rich.table import Table

from icsc_kit.checking import saved_progress
from icsc_kit.console import console
from icsc_kit.discovery import get_course, installed_courses
from icsc_kit.errors import UserError
from icsc_kit.workspace import find_workspace


def register(subparsers: argparse._SubParsersAction) -> None:
    listing = subparsers.add_parser("list", help="installed courses and your progress")
    listing.set_defaults(func=run_list)
    lecture = subparsers.add_parser(
        "lecture", help="where a course's lecture notes are, or print one"
    )
    lecture.add_argument("slug", help="course slug, e.g. numba")
    lecture.add_argument("number", nargs="?", type=int, help="print note NN (e.g. 1 for 01-*.md)")
    lecture.set_defaults(func=run_lecture)


def run_list(_: argparse.Namespace) -> int:
    courses = installed_courses()
    if not courses:
        console.print("No course is installed; install one with: pip install icsc-<slug>")
        return 0
    here = None
    with contextlib.suppress(UserError):
        here = find_workspace()
    table = Table(title="Installed iCSC courses")
    for column in ("course", "title", "exercises", "version", "progress here"):
        table.add_column(column)
    for slug, course in courses.items():
        progress = ""
        if here is not None and here.slug == slug:
            saved = saved_progress(here.root)
            progress = f"{saved[0]}/{saved[1]}" if saved else "not checked yet"
        table.add_row(slug, course.title, str(len(course.exercises)), course.version, progress)
    console.print(table)
    return 0


def _title(note: Path) -> str:
    for line in note.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return note.stem


def run_lecture(args: argparse.Namespace) -> int:
    course = get_course(args.slug)
    notes = sorted(course.lecture_dir.glob("[0-9][0-9]-*.md"))
    if not notes:
        msg = f"course {course.slug} ships no lecture notes"
        raise UserError(msg)
    if args.number is None:
        console.print(f"Lecture notes of {course.slug} are in {course.lecture_dir}")
        for note in notes:
            console.print(f"  {note.name[:2]}  {_title(note)}  ({note})")
        console.print(f"Print one with: icsc lecture {course.slug} N")
        return 0
    chosen = [note for note in notes if note.name.startswith(f"{args.number:02d}-")]
    if not chosen:
        msg = f"course {course.slug} has no lecture note {args.number:02d}; notes are {', '.join(n.name[:2] for n in notes)}"
        raise UserError(msg)
    console.print(Markdown(chosen[0].read_text(encoding="utf-8")))
    return 0
