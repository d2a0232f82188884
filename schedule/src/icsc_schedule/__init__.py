"""The iCSC 2026 timetable as data, its validation and its exports.

The programme ships as ``programme.toml`` in this package (the single source of the
timetable). :func:`load_programme` reads and validates it, :func:`run_checks` reports
clashes, hour mismatches and oddities, :func:`timetable_markdown`, :func:`to_ics` and
:func:`course_slots_markdown` export it. The command line is ``icsc schedule ...`` (or
``python -m icsc_schedule ...``).
"""

from icsc_schedule.checks import run_checks
from icsc_schedule.findings import Finding, Level, exit_code
from icsc_schedule.ics_export import to_ics
from icsc_schedule.loader import load_programme, parse_programme
from icsc_schedule.markdown import course_slots_markdown, replace_slots_block, timetable_markdown
from icsc_schedule.model import COURSE_SLUGS, Contribution, Kind, Presenter, Programme, Slot

__all__ = [
    "COURSE_SLUGS",
    "Contribution",
    "Finding",
    "Kind",
    "Level",
    "Presenter",
    "Programme",
    "Slot",
    "course_slots_markdown",
    "exit_code",
    "load_programme",
    "parse_programme",
    "replace_slots_block",
    "run_checks",
    "timetable_markdown",
    "to_ics",
]
