"""Sessions that share time: parallel exercise tracks (info) and real clashes (errors).

Two exercise sessions at the same time are parallel tracks: students pick one. Any
other overlap (a lecture or a plenary ceremony against anything) is an error, and so is
one presenter due in two places at once, whatever the kinds.
"""

from __future__ import annotations

from itertools import combinations

from icsc_schedule.findings import Finding, error, info
from icsc_schedule.model import Contribution, Kind, Programme, Slot


def _when(first: Slot, second: Slot) -> str:
    """The shared interval of two overlapping slots, e.g. ``Mon 16 Mar 16:30-17:30``."""
    start = max(first.start, second.start)
    end = min(first.end, second.end)
    return f"{start:%a %d %b %H:%M}-{end:%H:%M}"


def overlapping_pairs(programme: Programme) -> list[tuple[Contribution, Contribution]]:
    """Every pair of slotted contributions whose intervals overlap, in time order."""
    slotted = programme.slotted
    return [
        (a, b)
        for a, b in combinations(slotted, 2)
        if a.slot is not None and b.slot is not None and a.slot.overlaps(b.slot)
    ]


def check_clashes(programme: Programme) -> list[Finding]:
    """Findings for every overlapping pair (see the module docstring for the levels)."""
    findings: list[Finding] = []
    for a, b in overlapping_pairs(programme):
        ids = (a.id, b.id)
        when = _when(a.slot, b.slot)  # both slotted: overlapping_pairs only pairs slots
        shared = {p.name for p in a.presenters} & {p.name for p in b.presenters}
        if shared:
            who = ", ".join(sorted(shared))
            findings.append(
                error(
                    "presenter-clash",
                    f"{who} presents {a.describe()} and {b.describe()} at the same time ({when})",
                    ids,
                )
            )
        if a.kind is Kind.EXERCISE and b.kind is Kind.EXERCISE:
            findings.append(
                info(
                    "parallel-tracks",
                    f"parallel exercise tracks {when}: {a.describe()} and {b.describe()}",
                    ids,
                )
            )
        elif a.kind is Kind.LECTURE and b.kind is Kind.LECTURE:
            findings.append(
                error(
                    "overlapping-lectures",
                    f"lectures {a.describe()} and {b.describe()} overlap ({when})",
                    ids,
                )
            )
        else:
            findings.append(
                error(
                    "overlapping-sessions",
                    f"{a.kind.value} {a.describe()} overlaps {b.kind.value} {b.describe()} "
                    f"({when}); only exercise sessions may run in parallel",
                    ids,
                )
            )
    return findings
