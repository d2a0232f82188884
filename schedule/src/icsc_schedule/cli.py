"""Command line: ``icsc schedule check|show|export`` and ``python -m icsc_schedule``.

The kit's ``icsc`` command finds :func:`register` through the entry-point group
``icsc.commands``; it adds the ``schedule`` parser whose leaf parsers carry
``func(args) -> exit code``. Mistakes a user can fix raise ``icsc_kit.errors.UserError``
(one sentence; the CLI prints it and exits 2). Exit codes: 0 ok (warnings allowed),
1 the check found errors, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from icsc_kit.errors import UserError
from icsc_schedule.checks import discover_courses, run_checks
from icsc_schedule.findings import exit_code
from icsc_schedule.ics_export import to_ics
from icsc_schedule.loader import load_programme
from icsc_schedule.markdown import timetable_markdown
from icsc_schedule.model import COURSE_SLUGS, Programme
from icsc_schedule.readmes import sync_readmes
from icsc_schedule.terminal import print_findings, timetable_table

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _programme(args: argparse.Namespace) -> Programme:
    try:
        return load_programme(args.programme)
    except FileNotFoundError as error:
        msg = f"programme file {args.programme} does not exist; pass an existing TOML file to --programme"
        raise UserError(msg) from error
    except ValueError as error:
        raise UserError(str(error)) from error


def _course_list(text: str) -> list[str]:
    """``--courses a,b`` -> ``["a", "b"]``; ``ArgumentTypeError`` for an unknown slug."""
    slugs = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in slugs if s not in COURSE_SLUGS]
    if not slugs or unknown:
        msg = f"unknown course slug(s) {', '.join(unknown) or repr(text)}; known: {', '.join(COURSE_SLUGS)}"
        raise argparse.ArgumentTypeError(msg)
    return slugs


def _course(text: str) -> str:
    """``--course SLUG`` -> ``SLUG``; ``ArgumentTypeError`` unless it is one known slug."""
    slugs = _course_list(text)
    if len(slugs) != 1:
        msg = f"--course takes one slug, got {text!r} (use export --courses for several)"
        raise argparse.ArgumentTypeError(msg)
    return slugs[0]


def parse_day(text: str, days: Sequence[dt.date]) -> dt.date:
    """``2026-03-17``, ``17``, ``tue`` or ``Tuesday`` -> the matching programme day.

    Raises ``UserError`` naming the programme's days when nothing matches.
    """
    wanted = text.strip().lower()
    for day in days:
        weekday = _WEEKDAYS[day.weekday()]
        if wanted in (day.isoformat(), str(day.day), f"{day.day:02d}", weekday) or (
            len(wanted) >= 3 and weekday.startswith(wanted)
        ):
            return day
    listed = ", ".join(f"{d:%a} {d.isoformat()}" for d in days)
    msg = f"the programme has no day {text!r}; its days are {listed}"
    raise UserError(msg)


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the programme; exit 1 on errors, 0 when only warnings and notes remain."""
    programme = _programme(args)
    installed, problems = discover_courses()
    findings = sorted([*problems, *run_checks(programme, installed)], key=lambda f: f.level)
    console = Console(highlight=False)
    console.print(f"Checked {len(programme.contributions)} contributions of {programme.source}")
    print_findings(console, findings)
    return exit_code(findings)


def cmd_show(args: argparse.Namespace) -> int:
    """Print the timetable, optionally one day and/or one course."""
    programme = _programme(args)
    chosen = programme.select([args.course] if args.course else None)
    if args.day:
        day = parse_day(args.day, programme.days)
        chosen = tuple(c for c in chosen if c.day == day)
    console = Console(highlight=False)
    console.print(timetable_table(programme, chosen, width=console.width))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the Markdown timetable or the iCalendar file to ``-o`` (``-`` for stdout)."""
    programme = _programme(args)
    chosen = programme.select(args.courses)
    if args.format == "md":
        data = timetable_markdown(programme, chosen).encode("utf-8")
    else:
        try:
            data = to_ics(programme, chosen)
        except ValueError as error:
            raise UserError(str(error)) from error
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        target = Path(args.output)
        if not target.parent.is_dir():
            msg = f"cannot write {target}: folder {target.parent} does not exist"
            raise UserError(msg)
        target.write_bytes(data)
        skipped = [c.id for c in chosen if c.slot is None]
        note = (
            f"; without a slot, not in the calendar: {', '.join(map(str, skipped))}"
            if skipped and args.format == "ics"
            else ""
        )
        print(f"wrote {target} ({args.format}, {len(chosen)} contributions{note})", file=sys.stderr)  # noqa: T201
    return 0


def cmd_readmes(args: argparse.Namespace) -> int:
    """Write (or ``--check``) the slot table in every course README; exit 1 if one is off."""
    statuses = sync_readmes(_programme(args), check=args.check)
    console = Console(highlight=False)
    for status in statuses:
        console.print(f"{status.state:8} {status.slug}: {status.path} {status.detail}".rstrip())
    return 1 if any(status.state in ("stale", "broken") for status in statuses) else 0


def add_verbs(subparsers: argparse._SubParsersAction) -> None:
    """Add ``check``, ``show`` and ``export`` to ``subparsers``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--programme",
        metavar="FILE",
        help="programme TOML to use instead of the one shipped with icsc-schedule",
    )
    check = subparsers.add_parser(
        "check", parents=[common], help="validate the timetable (exit 1 on errors)"
    )
    check.set_defaults(func=cmd_check)

    show = subparsers.add_parser("show", parents=[common], help="print the timetable as a table")
    show.add_argument("--day", metavar="D", help="one day: 2026-03-17, 17, tue or tuesday")
    show.add_argument("--course", metavar="SLUG", type=_course, help="one course (plus ceremonies)")
    show.set_defaults(func=cmd_show)

    export = subparsers.add_parser(
        "export", parents=[common], help="write the timetable as Markdown or iCalendar"
    )
    export.add_argument("--format", required=True, choices=("md", "ics"), help="md or ics")
    export.add_argument(
        "--courses",
        metavar="A,B",
        type=_course_list,
        help="only these courses (comma-separated slugs); the ceremonies are always included",
    )
    export.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="file to write, - for stdout"
    )
    export.set_defaults(func=cmd_export)

    readmes = subparsers.add_parser(
        "readmes", parents=[common], help="fill the slot table of every course README"
    )
    readmes.add_argument("--check", action="store_true", help="only compare; exit 1 if stale")
    readmes.set_defaults(func=cmd_readmes)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Entry point of ``icsc.commands``: add ``icsc schedule <verb>``."""
    schedule = subparsers.add_parser(
        "schedule",
        help="the school timetable: check, show, export",
        description="The iCSC 2026 timetable: validate it, show it, export it.",
    )
    add_verbs(schedule.add_subparsers(dest="schedule_verb", required=True, metavar="VERB"))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m icsc_schedule VERB ...``: the same verbs without the kit's ``icsc``."""
    parser = argparse.ArgumentParser(
        prog="python -m icsc_schedule",
        description="The iCSC 2026 timetable: validate it, show it, export it.",
    )
    add_verbs(parser.add_subparsers(dest="verb", required=True, metavar="VERB"))
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UserError as error:
        print(f"error: {error}", file=sys.stderr)  # noqa: T201
        return 2
