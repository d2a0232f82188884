"""Keep the slot table of each course README in step with the programme.

A course README carries one ``<!-- schedule:slots:begin -->`` ... ``end`` block; this
module fills it from the programme (``--check`` only compares), so no README copies a
time by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from icsc_kit.discovery import installed_courses
from icsc_schedule.markdown import replace_slots_block
from icsc_schedule.model import Programme


@dataclass(frozen=True)
class ReadmeStatus:
    """One course README: ``state`` is ok, updated, stale or broken (with ``detail``)."""

    slug: str
    path: Path
    state: str
    detail: str = ""


def sync_readmes(programme: Programme, *, check: bool) -> list[ReadmeStatus]:
    """Fill (or with ``check=True`` compare) the slots block of every checked-out course."""
    statuses = []
    for slug, course in installed_courses().items():
        if course.source_root is None:
            continue
        path = course.source_root / "README.md"
        try:
            text = path.read_text(encoding="utf-8")
            updated = replace_slots_block(text, slug, programme)
        except (OSError, ValueError) as error:
            statuses.append(ReadmeStatus(slug, path, "broken", str(error)))
            continue
        if updated == text:
            statuses.append(ReadmeStatus(slug, path, "ok"))
        elif check:
            statuses.append(ReadmeStatus(slug, path, "stale", "run: icsc schedule readmes"))
        else:
            path.write_text(updated, encoding="utf-8")
            statuses.append(ReadmeStatus(slug, path, "updated"))
    return statuses
