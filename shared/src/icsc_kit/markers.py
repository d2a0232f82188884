"""Parse the ``# BEGIN SOLUTION`` / ``# END SOLUTION`` regions of a solution file.

Parsing is strict: a nested ``BEGIN``, an ``END`` without ``BEGIN``, a region that is
never closed, or an ``END`` at another indentation than its ``BEGIN`` raise
:class:`~icsc_kit.errors.MarkerError` naming the file, the line and the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from icsc_kit.errors import MarkerError

BEGIN = "# BEGIN SOLUTION"
END = "# END SOLUTION"
HINT_PATTERN = re.compile(r"^\s*# HINT:\s?(?P<text>.*)$")


@dataclass(frozen=True)
class Region:
    """Lines ``begin``..``end`` (1-based, inclusive, marker lines included) of one region."""

    begin: int
    end: int
    indent: str
    hints: tuple[str, ...]


def _marker(line: str) -> str | None:
    stripped = line.strip()
    if stripped == BEGIN:
        return "begin"
    if stripped == END:
        return "end"
    if stripped.startswith(("# BEGIN SOLUTION", "# END SOLUTION")):
        return "malformed"
    return None


def parse_regions(source: str, path: str = "<solution>") -> list[Region]:
    """All regions of ``source`` in order; raises ``MarkerError`` on any marker defect."""
    regions: list[Region] = []
    open_line: int | None = None
    open_indent = ""
    hints: list[str] = []
    for number, line in enumerate(source.splitlines(), start=1):
        kind = _marker(line)
        indent = line[: len(line) - len(line.lstrip())]
        if kind == "malformed":
            raise MarkerError(
                path,
                number,
                f"unrecognised marker {line.strip()!r}",
                f"write exactly '{BEGIN}' or '{END}' on a line of its own",
            )
        if kind == "begin":
            if open_line is not None:
                raise MarkerError(
                    path,
                    number,
                    f"nested '{BEGIN}' (the region opened on line {open_line} is still open)",
                    f"close it with '{END}' first",
                )
            open_line, open_indent, hints = number, indent, []
        elif kind == "end":
            if open_line is None:
                raise MarkerError(
                    path,
                    number,
                    f"'{END}' without a matching '{BEGIN}'",
                    "remove it or add the BEGIN marker",
                )
            if indent != open_indent:
                raise MarkerError(
                    path,
                    number,
                    f"'{END}' is indented differently from its '{BEGIN}' on line {open_line}",
                    "indent both markers like the code of the region",
                )
            regions.append(Region(open_line, number, open_indent, tuple(hints)))
            open_line = None
        elif open_line is not None and (match := HINT_PATTERN.match(line)):
            hints.append(match.group("text").strip())
    if open_line is not None:
        raise MarkerError(
            path, open_line, f"'{BEGIN}' is never closed", f"add '{END}' after the region"
        )
    return regions
