"""Markdown renderings: the whole timetable by day, and the slots of one course.

Times are local to the programme's zone and say so. Contributions without a slot are
listed in their own section, never placed at an invented time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from icsc_schedule.loader import load_programme
from icsc_schedule.model import COURSE_SLUGS, Contribution, Programme

SLOTS_BEGIN = "<!-- schedule:slots:begin -->"
SLOTS_END = "<!-- schedule:slots:end -->"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (pipes escaped, no line breaks)."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(header), "| " + " | ".join("---" for _ in header) + " |", *map(_row, rows)]


def _time(c: Contribution) -> str:
    return f"{c.slot.start:%H:%M}-{c.slot.end:%H:%M}" if c.slot else "no slot"


def timetable_markdown(
    programme: Programme, contributions: Iterable[Contribution] | None = None
) -> str:
    """The timetable as Markdown: a heading and a table per day, then unslotted contributions.

    ``contributions`` defaults to all of them (pass ``programme.select(...)`` to filter).
    """
    chosen = tuple(programme.contributions if contributions is None else contributions)
    lines = [
        f"# {programme.name}: timetable",
        "",
        f"Times are local time in {programme.timezone.key}.",
    ]
    header = ["Time", "Session", "Kind", "Course", "Presenter", "#"]
    for day in sorted({c.day for c in chosen if c.day is not None}):
        rows = [
            [_time(c), c.title, c.kind.value, c.course or "", c.presenter_names, str(c.id)]
            for c in chosen
            if c.day == day
        ]
        lines += ["", f"## {day:%A %d %B %Y}", "", *_table(header, rows)]
    waiting = [c for c in chosen if c.slot is None]
    if waiting:
        rows = [
            [c.title, c.kind.value, c.course or "", c.presenter_names, str(c.id)] for c in waiting
        ]
        lines += [
            "",
            "## Without a slot",
            "",
            "The programme gives these contributions no date or time yet.",
            "",
            *_table(header[1:], rows),
        ]
    return "\n".join(lines) + "\n"


def course_slots_markdown(slug: str, programme: Programme | None = None) -> str:
    """The slots of course ``slug`` as a Markdown table, for the course's README.

    Rows are in time order, unslotted contributions last ("no slot in the programme").
    ``programme`` defaults to the shipped one. An unknown slug raises ``ValueError``.
    """
    if slug not in COURSE_SLUGS:
        msg = f"unknown course slug {slug!r}; known: {', '.join(COURSE_SLUGS)}"
        raise ValueError(msg)
    programme = programme or load_programme()
    contributions = programme.for_course(slug)
    if not contributions:
        return "The programme has no contribution of this course.\n"
    rows = [
        [
            f"{c.slot.start:%a %d %b %Y}" if c.slot else "—",
            _time(c) if c.slot else "no slot in the programme",
            c.part or "",
            c.presenter_names,
            str(c.id),
        ]
        for c in contributions
    ]
    header = ["Day", f"Time ({programme.timezone.key})", "Session", "Presenter", "#"]
    return "\n".join(_table(header, rows)) + "\n"


_BLOCK = re.compile(re.escape(SLOTS_BEGIN) + r".*?" + re.escape(SLOTS_END), re.DOTALL)


def replace_slots_block(readme: str, slug: str, programme: Programme | None = None) -> str:
    """``readme`` with the text between the slot markers replaced by the course's table.

    The markers are ``<!-- schedule:slots:begin -->`` and ``<!-- schedule:slots:end -->``;
    a README without exactly one such block raises ``ValueError``. Comparing the result
    with the file tells whether the README's slots are up to date.
    """
    blocks = _BLOCK.findall(readme)
    if len(blocks) != 1:
        msg = (
            f"the README needs exactly one {SLOTS_BEGIN} ... {SLOTS_END} block, found {len(blocks)}"
        )
        raise ValueError(msg)
    table = course_slots_markdown(slug, programme)
    return _BLOCK.sub(lambda _: f"{SLOTS_BEGIN}\n{table}{SLOTS_END}", readme)
