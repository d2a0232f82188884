"""Terminal output with rich: the timetable table and the check report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from icsc_schedule.findings import Finding, Level
from icsc_schedule.model import Contribution, Kind, Programme

_KIND_STYLE = {Kind.LECTURE: "bold", Kind.EXERCISE: "cyan", Kind.CEREMONY: "magenta"}
_LEVEL_MARK = {
    Level.ERROR: ("✗", "bold red"),
    Level.WARNING: ("!", "yellow"),
    Level.INFO: ("i", "blue"),
}


def timetable_table(
    programme: Programme, contributions: Iterable[Contribution], *, width: int = 120
) -> Table:
    """A rich table of ``contributions``: day, time, course, session, title, presenter, id.

    Below ``width`` 110 the presenter column is left out so that titles stay readable.
    """
    table = Table(
        title=f"{programme.name} ({programme.timezone.key})", box=box.SIMPLE_HEAD, pad_edge=False
    )
    table.add_column("Day", no_wrap=True)
    table.add_column("Time", no_wrap=True)
    table.add_column("Course", no_wrap=True)
    table.add_column("Session", no_wrap=True)
    table.add_column("Title", ratio=3, min_width=16)
    with_presenter = width >= 110
    if with_presenter:
        table.add_column("Presenter", ratio=2, min_width=12)
    table.add_column("#", justify="right", no_wrap=True)
    previous_day = None
    for c in contributions:
        day = f"{c.slot.start:%a %d %b}" if c.slot else "no slot"
        time = f"{c.slot.start:%H:%M}-{c.slot.end:%H:%M}" if c.slot else ""
        session = Text(c.part or c.kind.value, style=_KIND_STYLE[c.kind])
        cells = [day if day != previous_day else "", time, c.course or "", session, Text(c.title)]
        if with_presenter:
            cells.append(Text(c.presenter_names))
        table.add_row(*cells, str(c.id))
        previous_day = day
    return table


def print_findings(console: Console, findings: list[Finding]) -> None:
    """One line per finding (mark, level, code, sentence), then a summary line."""
    for finding in findings:
        mark, style = _LEVEL_MARK[finding.level]
        line = Text()
        line.append(f"{mark} {finding.level.word:<7} ", style=style)
        line.append(f"[{finding.code}] ", style="dim")
        line.append(finding.message)
        console.print(line, soft_wrap=True)
    counts = Counter(f.level for f in findings)
    summary = (
        f"{counts[Level.ERROR]} error(s), {counts[Level.WARNING]} warning(s), "
        f"{counts[Level.INFO]} note(s)"
    )
    style = "bold red" if counts[Level.ERROR] else "bold green"
    verdict = "schedule check failed" if counts[Level.ERROR] else "schedule check passed"
    console.print(Text(f"{verdict}: {summary}", style=style), soft_wrap=True)
