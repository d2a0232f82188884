"""Declared lecture/exercise hours of each course against the slots the programme gives it.

Two declarations are compared with the slots: the hours the programme itself records
for each course (``[courses.<slug>]``) and the ``lecture_hours`` / ``exercise_hours`` of
each *installed* course package's ``COURSE``. A difference is an error, except where the
course has contributions without a slot that can account for the missing time: that
is a warning, since the programme simply has not placed them yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from icsc_schedule.findings import Finding, error, info, warning
from icsc_schedule.model import COURSE_SLUGS, Kind, Programme


class DeclaresHours(Protocol):
    """Anything with integer ``lecture_hours`` and ``exercise_hours`` (``icsc_kit.Course``)."""

    @property
    def lecture_hours(self) -> int: ...

    @property
    def exercise_hours(self) -> int: ...


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def scheduled_minutes(programme: Programme, slug: str, kind: Kind) -> int:
    """Minutes of slotted ``kind`` contributions of course ``slug``."""
    return sum(c.slot.minutes for c in programme.for_course(slug) if c.kind is kind and c.slot)


def compare_hours(
    programme: Programme, declared: Mapping[str, DeclaresHours], *, by: str
) -> list[Finding]:
    """Findings where the hours in ``declared`` (slug -> hours) differ from the slots.

    ``by`` names who declares them in the messages ("the programme", "course package").
    """
    findings: list[Finding] = []
    for slug, hours in sorted(declared.items()):
        for kind, declared_hours in (
            (Kind.LECTURE, hours.lecture_hours),
            (Kind.EXERCISE, hours.exercise_hours),
        ):
            scheduled = scheduled_minutes(programme, slug, kind)
            if scheduled == declared_hours * 60:
                continue
            parts = [c for c in programme.for_course(slug) if c.kind is kind]
            waiting = [c for c in parts if c.slot is None]
            message = (
                f"{slug}: {by} declares {declared_hours} {kind.value} hour(s) but its "
                f"{kind.value} slots add up to {_duration(scheduled)}"
            )
            ids = tuple(c.id for c in parts)
            if waiting and scheduled < declared_hours * 60:
                unplaced = ", ".join(str(c.id) for c in waiting)
                findings.append(
                    warning(
                        "hours-unscheduled",
                        f"{message}; contribution(s) {unplaced} have no slot",
                        ids,
                    )
                )
            else:
                findings.append(error("hours-mismatch", message, ids))
    return findings


def check_hours(
    programme: Programme, installed: Mapping[str, DeclaresHours] | None = None
) -> list[Finding]:
    """Compare the programme's own declared hours and, if given, the installed courses'.

    ``installed`` maps slug -> course metadata (what ``icsc_kit.discovery.installed_courses``
    returns); ``None`` skips that comparison. Courses of the programme that are not
    installed are listed in one note; installed packages that are not school courses
    are noted and ignored.
    """
    findings = compare_hours(programme, programme.declared_hours, by="the programme")
    if installed is None:
        return findings
    foreign = sorted(slug for slug in installed if slug not in COURSE_SLUGS)
    school = {slug: course for slug, course in installed.items() if slug in COURSE_SLUGS}
    findings.extend(compare_hours(programme, school, by="its installed course package"))
    missing = [slug for slug in programme.courses if slug not in installed]
    if missing:
        findings.append(
            info(
                "courses-not-installed",
                f"{len(missing)} course(s) of the programme are not installed, so their "
                f"package hours were not compared: {', '.join(missing)}",
            )
        )
    if foreign:
        findings.append(
            info(
                "foreign-courses",
                f"installed course(s) {', '.join(foreign)} are not courses of the school; not compared",
            )
        )
    return findings
