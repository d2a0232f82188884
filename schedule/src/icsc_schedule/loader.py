"""Read a programme TOML file into a validated :class:`~icsc_schedule.model.Programme`.

Every defect in the data raises ``ValueError`` with one sentence that names the file and
the entry (``programme.toml: contribution 12: ...``): TOML syntax, a missing or unknown
field, a bad date or time, an unknown course slug, a duplicate id, a part that does not
match its label. The file layout is described at the top of the shipped
``programme.toml``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.resources
import re
import tomllib
from pathlib import Path
from typing import Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icsc_schedule.labels import kind_of_part, normalise_label
from icsc_schedule.model import (
    COURSE_SLUGS,
    Contribution,
    CourseHours,
    Kind,
    Presenter,
    Programme,
    Slot,
)

DEFAULT_PROGRAMME = "programme.toml"

_TIME = re.compile(r"^(?P<hour>\d{2}):(?P<minute>\d{2})$")
_CONTRIBUTION_FIELDS = {
    "id",
    "title",
    "label",
    "part",
    "kind",
    "course",
    "date",
    "start",
    "duration_minutes",
    "presenters",
    "location",
}
_SLOT_FIELDS = ("date", "start", "duration_minutes")
_PRESENTER_FIELDS = {"name", "affiliation", "honorific"}


class _Entry:
    """Typed access to one table of the file; every failure names the entry."""

    def __init__(self, where: str, table: object) -> None:
        self.where = where
        if not isinstance(table, dict):
            self.fail(f"must be a table, got {type(table).__name__}")
        self.table: dict[str, Any] = table

    def fail(self, problem: str) -> NoReturn:
        msg = f"{self.where}: {problem}"
        raise ValueError(msg)

    def check_fields(self, allowed: set[str]) -> None:
        unknown = sorted(set(self.table) - allowed)
        if unknown:
            self.fail(f"unknown field {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.table.get(key)
        if value is None:
            if required:
                self.fail(f"missing field {key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"field {key!r} must be a non-empty string, got {value!r}")
        return value

    def integer(self, key: str, *, minimum: int, required: bool = True) -> int | None:
        value = self.table.get(key)
        if value is None:
            if required:
                self.fail(f"missing field {key!r}")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.fail(f"field {key!r} must be an integer >= {minimum}, got {value!r}")
        return value


def _parse_toml(text: str, *, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        msg = f"{source}: not valid TOML: {error}"
        raise ValueError(msg) from error


def load_programme(path: str | Path | None = None) -> Programme:
    """Load and validate the programme at ``path`` (default: the one shipped in the package).

    Raises ``ValueError`` naming the file and the entry for any defect in the data, and
    ``FileNotFoundError`` when ``path`` does not exist.
    """
    if path is None:
        resource = importlib.resources.files("icsc_schedule") / DEFAULT_PROGRAMME
        return parse_programme(resource.read_text(encoding="utf-8"), source=DEFAULT_PROGRAMME)
    path = Path(path)
    return parse_programme(path.read_text(encoding="utf-8"), source=path.name)


def parse_programme(text: str, *, source: str = "<programme>") -> Programme:
    """Validate the TOML ``text`` of a programme (see :func:`load_programme`)."""
    data = _parse_toml(text, source=source)
    top = _Entry(source, data)
    top.check_fields({"programme", "courses", "contributions"})
    header = _Entry(f"{source}: [programme]", data.get("programme", {}))
    header.check_fields({"name", "timezone", "source"})
    name = header.text("name")
    zone_name = header.text("timezone")
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        msg = f"{source}: [programme]: unknown timezone {zone_name!r} (use an IANA name such as Europe/Zurich)"
        raise ValueError(msg) from error

    declared = _parse_courses(data.get("courses", {}), source=source)
    raw = data.get("contributions")
    if not isinstance(raw, list) or not raw:
        top.fail("needs at least one [[contributions]] entry")
    contributions: list[Contribution] = []
    first_seen: dict[int, int] = {}
    for index, table in enumerate(raw, start=1):
        contribution = _parse_contribution(table, index=index, zone=zone, source=source)
        if contribution.id in first_seen:
            msg = (
                f"{source}: contribution {contribution.id}: duplicate id (entries "
                f"{first_seen[contribution.id]} and {index} of [[contributions]] both use it)"
            )
            raise ValueError(msg)
        first_seen[contribution.id] = index
        contributions.append(contribution)
    return Programme(
        name=name,
        timezone=zone,
        contributions=tuple(contributions),
        declared_hours=declared,
        source=source,
    )


def _parse_courses(raw: object, *, source: str) -> dict[str, CourseHours]:
    courses = _Entry(f"{source}: [courses]", raw)
    declared: dict[str, CourseHours] = {}
    for slug, table in courses.table.items():
        entry = _Entry(f"{source}: [courses.{slug}]", table)
        if slug not in COURSE_SLUGS:
            entry.fail(f"unknown course slug {slug!r}; known: {', '.join(COURSE_SLUGS)}")
        entry.check_fields({"lecture_hours", "exercise_hours"})
        lecture = entry.integer("lecture_hours", minimum=0)
        exercise = entry.integer("exercise_hours", minimum=0)
        declared[slug] = CourseHours(lecture_hours=lecture, exercise_hours=exercise)
    return declared


def _parse_contribution(table: object, *, index: int, zone: ZoneInfo, source: str) -> Contribution:
    entry = _Entry(f"{source}: contribution number {index} of [[contributions]]", table)
    cid = entry.integer("id", minimum=1)
    entry.where = f"{source}: contribution {cid}"
    entry.check_fields(_CONTRIBUTION_FIELDS)
    title = entry.text("title")
    kind_name = entry.text("kind")
    try:
        kind = Kind(kind_name)
    except ValueError:
        entry.fail(f"kind {kind_name!r} is not one of {', '.join(k.value for k in Kind)}")
    course = entry.text("course", required=kind is not Kind.CEREMONY)
    if course is not None and course not in COURSE_SLUGS:
        entry.fail(f"unknown course slug {course!r}; known: {', '.join(COURSE_SLUGS)}")
    label, part = _parse_part(entry, kind=kind, course=course, title=title)
    return Contribution(
        id=cid,
        title=title,
        kind=kind,
        presenters=_parse_presenters(entry),
        course=course,
        label=label,
        part=part,
        slot=_parse_slot(entry, zone),
        location=entry.text("location", required=False),
    )


def _parse_part(
    entry: _Entry, *, kind: Kind, course: str | None, title: str | None
) -> tuple[str | None, str | None]:
    label = entry.text("label", required=False)
    part = entry.text("part", required=kind is not Kind.CEREMONY)
    if kind is Kind.CEREMONY:
        if course is not None or part is not None or label is not None:
            entry.fail("a ceremony has no course, part or label")
        return None, None
    try:
        part_kind = kind_of_part(part)
        normalised = part if label is None else normalise_label(label)
    except ValueError as error:
        entry.fail(str(error))
    if part_kind is not kind:
        entry.fail(f"part {part!r} does not belong to kind {kind.value!r}")
    if normalised != part:
        entry.fail(
            f"part {part!r} does not match label {label!r}, which normalises to {normalised!r}"
        )
    if label is not None and not (title or "").endswith(f"({label})"):
        entry.fail(f"label {label!r} is not the '(...)' at the end of the title")
    return label, part


def _parse_presenters(entry: _Entry) -> tuple[Presenter, ...]:
    raw = entry.table.get("presenters")
    if raw is None:
        entry.fail("missing field 'presenters'")
    if not isinstance(raw, list) or not raw:
        entry.fail(
            "field 'presenters' must be a non-empty list of { name = ..., affiliation = ... }"
        )
    presenters = []
    for number, table in enumerate(raw, start=1):
        person = _Entry(f"{entry.where}: presenter {number}", table)
        person.check_fields(_PRESENTER_FIELDS)
        presenters.append(
            Presenter(
                name=person.text("name"),
                affiliation=person.text("affiliation", required=False),
                honorific=person.text("honorific", required=False),
            )
        )
    return tuple(presenters)


def _parse_slot(entry: _Entry, zone: ZoneInfo) -> Slot | None:
    present = [key for key in _SLOT_FIELDS if key in entry.table]
    if not present:
        return None
    missing = [key for key in _SLOT_FIELDS if key not in entry.table]
    if missing:
        have, lack = " and ".join(present), " and ".join(missing)
        entry.fail(f"has {have} but no {lack} (give date, start and duration_minutes, or none)")
    day = _parse_date(entry)
    start = _parse_time(entry)
    minutes = entry.integer("duration_minutes", minimum=1)
    local = dt.datetime.combine(day, start, tzinfo=zone)
    # A wall-clock time skipped by a DST change does not survive a round trip through UTC.
    if local.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        entry.fail(
            f"start {local:%Y-%m-%d %H:%M} does not exist in {zone.key} (clocks change then)"
        )
    end = (local.astimezone(dt.UTC) + dt.timedelta(minutes=minutes)).astimezone(zone)
    return Slot(start=local, end=end)


def _parse_date(entry: _Entry) -> dt.date:
    value = entry.table["date"]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        with contextlib.suppress(ValueError):  # e.g. 2026-02-30: reported below
            value = dt.date.fromisoformat(value)
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        entry.fail(f"date {value!r} is not a date YYYY-MM-DD")
    return value


def _parse_time(entry: _Entry) -> dt.time:
    value = entry.table["start"]
    match = _TIME.match(value) if isinstance(value, str) else None
    if not match or int(match["hour"]) > 23 or int(match["minute"]) > 59:
        entry.fail(f"start {value!r} is not a time HH:MM (00:00 to 23:59)")
    return dt.time(int(match["hour"]), int(match["minute"]))
