"""The ``icsc`` command: parse arguments, dispatch to a verb, turn user errors into one line.

Exit codes: 0 ok, 1 checks failed, 2 usage or input error. Extra verbs come from the
entry-point group ``icsc.commands`` (a callable ``register(subparsers)``), e.g. the
schedule.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import sys
from collections.abc import Sequence

from icsc_kit import __version__
from icsc_kit.commands import course_info, grading, instructor, student
from icsc_kit.console import fail
from icsc_kit.errors import UserError

BUILTIN_COMMANDS = (course_info, student, instructor, grading)
COMMAND_GROUP = "icsc.commands"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="icsc", description="Exercises of the inverted CERN School of Computing 2026."
    )
    parser.add_argument("--version", action="version", version=f"icsc-kit {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in BUILTIN_COMMANDS:
        module.register(subparsers)
    for entry_point in importlib.metadata.entry_points(group=COMMAND_GROUP):
        entry_point.load()(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``icsc`` with ``argv`` (default ``sys.argv[1:]``) and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except UserError as error:
        fail(str(error))
        return 2
    except KeyboardInterrupt:
        fail("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
