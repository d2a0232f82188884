"""All checks of a programme in one call: clashes, oddities and hours.

``run_checks(programme, installed)`` returns the findings sorted by level (errors
first); :func:`~icsc_schedule.findings.exit_code` turns them into 0 or 1.
"""

from __future__ import annotations

from collections.abc import Mapping

from icsc_schedule.clashes import check_clashes
from icsc_schedule.findings import Finding, error
from icsc_schedule.hours import DeclaresHours, check_hours
from icsc_schedule.model import Programme
from icsc_schedule.oddities import check_oddities


def discover_courses() -> tuple[dict[str, DeclaresHours], list[Finding]]:
    """Installed courses via the kit's entry points, and an error finding if that fails.

    A course whose entry point is broken is a packaging bug; it is reported as an error
    instead of stopping the check.
    """
    from icsc_kit.discovery import installed_courses  # noqa: PLC0415  (loads every course)

    try:
        return dict(installed_courses()), []
    except (ImportError, TypeError, AttributeError) as problem:
        return {}, [error("course-discovery", f"installed courses could not be loaded: {problem}")]


def run_checks(
    programme: Programme, installed: Mapping[str, DeclaresHours] | None = None
) -> list[Finding]:
    """Every finding about ``programme``; ``installed`` as in :func:`~icsc_schedule.hours.check_hours`."""
    findings = [
        *check_clashes(programme),
        *check_hours(programme, installed),
        *check_oddities(programme),
    ]
    return sorted(findings, key=lambda finding: finding.level)
