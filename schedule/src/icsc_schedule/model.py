"""The timetable as plain, immutable objects: presenters, contributions, the programme.

Times are timezone-aware :class:`datetime.datetime` objects in the programme's zone
(Europe/Zurich for the school); a contribution the programme gives no slot has
``slot = None`` and is never given an invented one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from zoneinfo import ZoneInfo

#: The thirteen course slugs of the school (fixed by COURSES.md).
COURSE_SLUGS: tuple[str, ...] = (
    "numba",
    "aai-tokens",
    "git-practice",
    "perf-madgraph",
    "riscv-vectors",
    "record-linkage",
    "scaling-laws",
    "dim-reduction",
    "control",
    "cybersecurity",
    "hpo-pathologies",
    "ising-attention",
    "io-storage",
)


class Kind(StrEnum):
    """What a contribution is: a lecture, an exercise session or a plenary ceremony."""

    LECTURE = "lecture"
    EXERCISE = "exercise"
    CEREMONY = "ceremony"


@dataclass(frozen=True)
class Presenter:
    """A presenter as the programme writes them: ``name`` is ``"SURNAME, Given"``."""

    name: str
    affiliation: str | None = None
    honorific: str | None = None

    @property
    def display_name(self) -> str:
        """``"Given SURNAME"`` (the name as written when it has no comma)."""
        surname, comma, given = self.name.partition(",")
        return f"{given.strip()} {surname.strip()}" if comma else self.name

    @property
    def with_affiliation(self) -> str:
        """``"Given SURNAME (Affiliation)"``, or the display name when there is none."""
        if self.affiliation:
            return f"{self.display_name} ({self.affiliation})"
        return self.display_name


@dataclass(frozen=True)
class Slot:
    """A time interval ``[start, end)``; both ends aware, ``end > start``."""

    start: dt.datetime
    end: dt.datetime

    @property
    def minutes(self) -> int:
        """Length in whole minutes (absolute time, so correct across a DST change)."""
        return int((self.end - self.start).total_seconds() // 60)

    def overlaps(self, other: Slot) -> bool:
        """True when the two intervals share time (touching ends do not overlap)."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Contribution:
    """One contribution of the programme (a lecture, an exercise session or a ceremony).

    ``label`` is the part label as written in the title (``None`` when the title has
    none), ``part`` its normalised form ``"lecture N"`` / ``"exercises N"`` (``None`` for
    ceremonies), ``course`` the course slug (``None`` for ceremonies).
    """

    id: int
    title: str
    kind: Kind
    presenters: tuple[Presenter, ...]
    course: str | None = None
    label: str | None = None
    part: str | None = None
    slot: Slot | None = None
    location: str | None = None

    @property
    def day(self) -> dt.date | None:
        """Local date of the slot, ``None`` without a slot."""
        return self.slot.start.date() if self.slot else None

    @property
    def part_number(self) -> int | None:
        """N of the normalised part ``"lecture N"``/``"exercises N"``."""
        return int(self.part.rsplit(" ", 1)[1]) if self.part else None

    @property
    def presenter_names(self) -> str:
        """Presenters with affiliation, joined by ``"; "``."""
        return "; ".join(presenter.with_affiliation for presenter in self.presenters)

    def describe(self) -> str:
        """Short reference for messages: ``"12 (numba lecture 1, Tue 17 Mar 09:00)"``."""
        what = " ".join(x for x in (self.course, self.part) if x) or self.title
        when = self.slot.start.strftime("%a %d %b %H:%M") if self.slot else "no slot"
        return f"{self.id} ({what}, {when})"


def _sort_key(contribution: Contribution) -> tuple[int, dt.datetime, int]:
    if contribution.slot is None:
        return (1, dt.datetime.max.replace(tzinfo=dt.UTC), contribution.id)
    return (0, contribution.slot.start, contribution.id)


@dataclass(frozen=True)
class CourseHours:
    """Lecture and exercise hours a course declares."""

    lecture_hours: int
    exercise_hours: int


@dataclass(frozen=True)
class Programme:
    """The whole timetable: contributions sorted by start (unslotted last), then by id.

    ``declared_hours`` holds the hours each course declares in the programme itself
    (may be empty); ``source`` names the file the programme was read from.
    """

    name: str
    timezone: ZoneInfo
    contributions: tuple[Contribution, ...]
    declared_hours: dict[str, CourseHours] = field(default_factory=dict)
    source: str = "<programme>"

    def __post_init__(self) -> None:
        object.__setattr__(self, "contributions", tuple(sorted(self.contributions, key=_sort_key)))

    @property
    def slotted(self) -> tuple[Contribution, ...]:
        """Contributions with a slot, in time order."""
        return tuple(c for c in self.contributions if c.slot is not None)

    @property
    def unslotted(self) -> tuple[Contribution, ...]:
        """Contributions the programme gives no slot, by id."""
        return tuple(c for c in self.contributions if c.slot is None)

    @property
    def days(self) -> tuple[dt.date, ...]:
        """The local dates that have at least one slot, in order."""
        return tuple(sorted({c.day for c in self.slotted if c.day is not None}))

    @property
    def courses(self) -> tuple[str, ...]:
        """Course slugs that have at least one contribution, sorted."""
        return tuple(sorted({c.course for c in self.contributions if c.course}))

    def for_course(self, slug: str) -> tuple[Contribution, ...]:
        """The contributions of course ``slug`` (possibly none)."""
        return tuple(c for c in self.contributions if c.course == slug)

    def on_day(self, day: dt.date) -> tuple[Contribution, ...]:
        """The contributions whose slot starts on local date ``day``."""
        return tuple(c for c in self.slotted if c.day == day)

    def select(self, courses: Iterable[str] | None) -> tuple[Contribution, ...]:
        """Contributions of the chosen ``courses`` plus the plenary ceremonies.

        ``None`` selects everything. A slug that is not a school course raises
        ``ValueError`` naming it and the known slugs.
        """
        if courses is None:
            return self.contributions
        chosen = set(courses)
        unknown = sorted(chosen - set(COURSE_SLUGS))
        if unknown:
            msg = f"unknown course slug(s) {', '.join(unknown)}; known: {', '.join(COURSE_SLUGS)}"
            raise ValueError(msg)
        return tuple(c for c in self.contributions if c.kind is Kind.CEREMONY or c.course in chosen)
