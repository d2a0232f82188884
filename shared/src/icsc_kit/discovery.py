"""Find installed courses through the entry-point group ``icsc.courses``."""

from __future__ import annotations

import importlib.metadata

from icsc_kit.course import Course
from icsc_kit.errors import UserError

ENTRY_POINT_GROUP = "icsc.courses"


def _load(entry_point: importlib.metadata.EntryPoint) -> Course:
    """The course an entry point names; ``TypeError`` if it is not a matching Course."""
    course = entry_point.load()
    if not isinstance(course, Course):
        msg = f"entry point {entry_point.name} = {entry_point.value} is not an icsc_kit.Course"
        raise TypeError(msg)
    if course.slug != entry_point.name:
        msg = f"entry point {entry_point.name!r} names course {course.slug!r}; they must match"
        raise TypeError(msg)
    return course


def broken_courses() -> dict[str, str]:
    """Registered courses that fail to load, with the reason (a packaging bug of theirs)."""
    broken = {}
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            _load(entry_point)
        except Exception as error:  # noqa: BLE001  (reported, not raised: one bad course must not hide the others)
            broken[entry_point.name] = f"{type(error).__name__}: {error}"
    return broken


def installed_courses() -> dict[str, Course]:
    """Every installed course that loads, keyed by slug, sorted by slug.

    A course whose entry point fails to load is left out (see :func:`broken_courses`).
    """
    courses: dict[str, Course] = {}
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            courses[entry_point.name] = _load(entry_point)
        except Exception:  # noqa: BLE001, S112  (listed by broken_courses)
            continue
    return dict(sorted(courses.items()))


def get_course(slug: str) -> Course:
    """The installed course ``slug``, or a :class:`UserError` listing the installed ones."""
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP, name=slug):
        try:
            return _load(entry_point)
        except Exception as error:  # noqa: BLE001  (any import failure of that course)
            msg = f"course {slug} is installed but broken ({type(error).__name__}: {error}); reinstall it"
            raise UserError(msg) from None
    known = ", ".join(installed_courses()) or "none"
    msg = f"no course {slug!r} is installed (installed: {known}); install it with pip install icsc-{slug}"
    raise UserError(msg)
