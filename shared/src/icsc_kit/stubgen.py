"""Render exercise stubs from reference solutions, and check committed stubs are in sync.

The stub is the solution with each marked region replaced, at the region's indentation,
by its ``# HINT:`` lines, a ``# TODO`` line and ``raise NotImplementedError(...)`` naming
the exercise. Everything outside regions is copied verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from icsc_kit.course import Course
from icsc_kit.markers import parse_regions

GENERATED_NOTE = "# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.\n"


def render_stub(source: str, exercise_name: str, path: str = "<solution>") -> str:
    """The stub text for solution ``source`` of exercise ``exercise_name``."""
    lines = source.splitlines(keepends=True)
    regions = parse_regions(source, path)
    out: list[str] = []
    cursor = 0
    for region in regions:
        out.extend(lines[cursor : region.begin - 1])
        indent = region.indent
        out.extend(f"{indent}# HINT: {hint}\n" for hint in region.hints)
        out.append(f"{indent}# TODO: your code here.\n")
        out.append(
            f'{indent}raise NotImplementedError("{exercise_name}: this part is yours to write '
            f'(icsc hint {exercise_name[:4]})")\n'
        )
        cursor = region.end
    out.extend(lines[cursor:])
    return GENERATED_NOTE + "".join(out)


def hints_of(source: str, path: str = "<solution>") -> list[str]:
    """Every ``# HINT:`` text of the marked regions, in order."""
    return [hint for region in parse_regions(source, path) for hint in region.hints]


@dataclass(frozen=True)
class StubDifference:
    """A committed stub that is missing or differs from what its solution generates."""

    exercise: str
    stub_path: Path
    reason: str


def solution_files(course: Course) -> list[Path]:
    """The solution files of ``course`` (``solutions/exNN_*.py``), sorted."""
    return sorted(course.solutions_dir.glob("ex[0-9][0-9]_*.py"))


def generate_stubs(course: Course, *, check: bool = False) -> list[StubDifference]:
    """Write (or with ``check=True`` only compare) every stub of ``course``.

    Returns the stubs that differed (and, when writing, were rewritten), plus stale stubs
    that have no solution any more.
    """
    differences: list[StubDifference] = []
    target_dir = course.exercises_dir
    expected: set[str] = set()
    for solution in solution_files(course):
        name = solution.stem
        expected.add(solution.name)
        stub_text = render_stub(solution.read_text(encoding="utf-8"), name, str(solution))
        stub_path = target_dir / solution.name
        current = stub_path.read_text(encoding="utf-8") if stub_path.is_file() else None
        if current == stub_text:
            continue
        reason = "missing" if current is None else "differs from its solution"
        differences.append(StubDifference(name, stub_path, reason))
        if not check:
            target_dir.mkdir(parents=True, exist_ok=True)
            stub_path.write_text(stub_text, encoding="utf-8")
    for stale in sorted(target_dir.glob("ex[0-9][0-9]_*.py")) if target_dir.is_dir() else []:
        if stale.name not in expected:
            differences.append(StubDifference(stale.stem, stale, "has no solution"))
            if not check:
                stale.unlink()
    return differences
