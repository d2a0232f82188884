"""Oddities of a programme: reported as warnings (or notes), never silently fixed.

Each function takes a :class:`~icsc_schedule.model.Programme` and returns findings:
contributions without a slot, duplicated or missing part numbers, parts out of order,
exercises before the course's first lecture, sessions before the welcome or after the
closing remarks, label spelling variants, missing or unnumbered labels, title variants
within a course, and gaps in the contribution numbering.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from icsc_schedule.findings import Finding, info, warning
from icsc_schedule.labels import canonical_label, is_variant
from icsc_schedule.model import Contribution, Kind, Programme

_CLOSING = re.compile(r"\bclosing\b", re.IGNORECASE)
_OPENING = re.compile(r"\b(welcome|opening)\b", re.IGNORECASE)
_TRAILING_LABEL = re.compile(r"\s*\([^()]*\)$")


def _ids(contributions: list[Contribution]) -> str:
    return ", ".join(c.describe() for c in contributions)


def _by_course_and_kind(programme: Programme) -> dict[tuple[str, Kind], list[Contribution]]:
    groups: dict[tuple[str, Kind], list[Contribution]] = defaultdict(list)
    for c in programme.contributions:
        if c.course is not None:
            groups[(c.course, c.kind)].append(c)
    return groups


def unslotted(programme: Programme) -> list[Finding]:
    """A contribution without date, time and duration cannot be attended."""
    return [
        warning(
            "contribution-without-slot",
            f"contribution {c.describe()} has no date, time or duration in the programme",
            (c.id,),
        )
        for c in programme.unslotted
    ]


def part_numbering(programme: Programme) -> list[Finding]:
    """Duplicated part numbers, missing ones, and parts scheduled out of order."""
    findings: list[Finding] = []
    for (course, kind), parts in sorted(_by_course_and_kind(programme).items()):
        noun = "lecture" if kind is Kind.LECTURE else "exercises"
        by_part: dict[str, list[Contribution]] = defaultdict(list)
        for c in parts:
            by_part[c.part or ""].append(c)
        for part, same in sorted(by_part.items()):
            if len(same) > 1:
                findings.append(
                    warning(
                        "duplicate-part",
                        f"{course}: part {part!r} is used by {len(same)} contributions: {_ids(same)}",
                        tuple(c.id for c in same),
                    )
                )
        numbers = {c.part_number for c in parts}
        missing = sorted(set(range(1, len(parts) + 1)) - numbers)
        if missing:
            findings.append(
                warning(
                    "missing-part",
                    f"{course} has {len(parts)} {kind.value} contributions but no "
                    f"{' or '.join(f'{noun} {n}' for n in missing)}",
                    tuple(c.id for c in parts),
                )
            )
        slotted = [c for c in parts if c.slot is not None]
        for earlier, later in pairwise(slotted):
            if (earlier.part_number or 0) > (later.part_number or 0):
                findings.append(
                    warning(
                        "parts-out-of-order",
                        f"{course}: {earlier.part} {earlier.describe()} is scheduled before "
                        f"{later.part} {later.describe()}",
                        (earlier.id, later.id),
                    )
                )
    return findings


def exercises_before_lectures(programme: Programme) -> list[Finding]:
    """An exercise session that starts before its course's first lecture."""
    findings: list[Finding] = []
    for course in programme.courses:
        slotted = [c for c in programme.for_course(course) if c.slot is not None]
        lectures = [c for c in slotted if c.kind is Kind.LECTURE]
        if not lectures:
            continue
        first = lectures[0]
        findings.extend(
            warning(
                "exercise-before-lecture",
                f"{course}: exercise session {c.describe()} starts before the first lecture "
                f"{first.describe()}",
                (c.id, first.id),
            )
            for c in slotted
            if c.kind is Kind.EXERCISE and c.slot and first.slot and c.slot.start < first.slot.start
        )
    return findings


def outside_ceremonies(programme: Programme) -> list[Finding]:
    """Sessions that start before the welcome ends or after the closing remarks begin."""
    findings: list[Finding] = []
    ceremonies = [c for c in programme.slotted if c.kind is Kind.CEREMONY]
    sessions = [c for c in programme.slotted if c.kind is not Kind.CEREMONY]
    for ceremony in ceremonies:
        slot = ceremony.slot
        if slot is None:  # pragma: no cover - programme.slotted only holds slotted ones
            continue
        if _CLOSING.search(ceremony.title):
            late = [c for c in sessions if c.slot is not None and c.slot.start >= slot.start]
            if late:
                findings.append(
                    warning(
                        "after-closing",
                        f"{len(late)} session(s) start after the closing remarks "
                        f"{ceremony.describe()}: {_ids(late)}",
                        tuple(c.id for c in late),
                    )
                )
        elif _OPENING.search(ceremony.title):
            early = [c for c in sessions if c.slot is not None and c.slot.start < slot.end]
            if early:
                findings.append(
                    warning(
                        "before-welcome",
                        f"{len(early)} session(s) start before the welcome {ceremony.describe()} "
                        f"ends: {_ids(early)}",
                        tuple(c.id for c in early),
                    )
                )
    return findings


def label_spelling(programme: Programme) -> list[Finding]:
    """Labels spelled differently from Lecture / Lecture N / Exercises / Exercises N."""
    variants: dict[str, list[Contribution]] = defaultdict(list)
    for c in programme.contributions:
        if c.label is not None and is_variant(c.label):
            variants[c.label].append(c)
    return [
        warning(
            "label-variant",
            f"part label {label!r} (canonical spelling {canonical_label(label)!r}) in "
            f"contribution(s) {', '.join(str(c.id) for c in sorted(same, key=lambda c: c.id))}",
            tuple(sorted(c.id for c in same)),
        )
        for label, same in sorted(variants.items())
    ]


def label_presence(programme: Programme) -> list[Finding]:
    """Titles without a part label (a note) and unnumbered labels of multi-part courses."""
    findings: list[Finding] = []
    groups = _by_course_and_kind(programme)
    for c in programme.contributions:
        if c.kind is Kind.CEREMONY:
            continue
        if c.label is None:
            findings.append(
                info(
                    "missing-label",
                    f"contribution {c.describe()} has no part label in its title; recorded as {c.part}",
                    (c.id,),
                )
            )
        elif not any(ch.isdigit() for ch in c.label) and len(groups[(c.course or "", c.kind)]) > 1:
            findings.append(
                warning(
                    "unnumbered-label",
                    f"contribution {c.describe()} is labelled {c.label!r} although its course "
                    f"has several {c.kind.value} contributions",
                    (c.id,),
                )
            )
    return findings


def title_variants(programme: Programme) -> list[Finding]:
    """Parts of one course whose titles differ once the part label is removed."""
    findings: list[Finding] = []
    for course in programme.courses:
        titles: dict[str, list[int]] = defaultdict(list)
        for c in programme.for_course(course):
            base = _TRAILING_LABEL.sub("", c.title) if c.label else c.title
            titles[base].append(c.id)
        if len(titles) > 1:
            listed = "; ".join(
                f"{title!r} ({', '.join(map(str, ids))})" for title, ids in titles.items()
            )
            findings.append(
                warning(
                    "title-variant",
                    f"{course}: its contributions carry {len(titles)} different titles: {listed}",
                    tuple(sorted(i for ids in titles.values() for i in ids)),
                )
            )
    return findings


def id_gaps(programme: Programme) -> list[Finding]:
    """Contribution numbers absent from the programme (withdrawn or never submitted)."""
    ids = {c.id for c in programme.contributions}
    missing = sorted(set(range(1, max(ids) + 1)) - ids)
    if not missing:
        return []
    return [
        info(
            "id-gaps",
            f"contribution ids {', '.join(map(str, missing))} are not in the programme "
            "(gaps in the report's numbering)",
        )
    ]


ODDITY_CHECKS = (
    unslotted,
    part_numbering,
    exercises_before_lectures,
    outside_ceremonies,
    label_spelling,
    label_presence,
    title_variants,
    id_gaps,
)


def check_oddities(programme: Programme) -> list[Finding]:
    """All oddity findings, in the order of :data:`ODDITY_CHECKS`."""
    return [finding for check in ODDITY_CHECKS for finding in check(programme)]
