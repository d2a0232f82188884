#!/usr/bin/env -S uv run --script
# /// script
# dependencies = ["nox>=2025.5.1"]
# ///
"""Sessions of the iCSC 2026 monorepo: the kit, the schedule, lint, and one per course.

Every environment is synced from the one ``uv.lock`` with ``--locked``; a course session
syncs that course alone, which proves it installs with only its own dependencies.
"""

from __future__ import annotations

from pathlib import Path

import nox

nox.needs_version = ">=2025.5.1"
nox.options.default_venv_backend = "uv"
nox.options.reuse_existing_virtualenvs = True

ROOT = Path(__file__).parent
COURSES = sorted(path.parent.name for path in ROOT.glob("courses/*/pyproject.toml"))


def _sync(session: nox.Session, *args: str) -> None:
    """``uv sync --locked`` into this session's virtualenv."""
    session.run_install(
        "uv",
        "sync",
        "--locked",
        "--no-default-groups",
        *args,
        # Bytecode compiled at install: torch imports in ~3 s instead of ~10 s when the
        # machine sets PYTHONDONTWRITEBYTECODE (verify imports each course four times).
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location, "UV_COMPILE_BYTECODE": "1"},
    )


@nox.session
def kit(session: nox.Session) -> None:
    """Test the course kit (stubgen, plugin, verify, CLI, grading) with its toy course."""
    _sync(session, "--package", "icsc-kit")
    session.run("pytest", "shared/tests", *session.posargs)


@nox.session
def schedule(session: nox.Session) -> None:
    """Test the schedule and check the programme against the installed courses."""
    _sync(session, "--all-packages", "--all-groups")
    session.run("pytest", "schedule/tests", *session.posargs)
    session.run("icsc", "schedule", "check")
    session.run("icsc", "schedule", "readmes", "--check")


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff lint and format check over the whole repository."""
    _sync(session, "--only-group", "lint")
    session.run("ruff", "check", ".", *session.posargs)
    session.run("ruff", "format", "--check", ".")
    session.run("python", "tools/ci_matrix.py", "--check")


@nox.session
@nox.parametrize("course", COURSES)
def tests(session: nox.Session, course: str) -> None:
    """Install one course alone from the lock and run ``icsc verify`` on it."""
    _sync(session, "--package", f"icsc-{course}")
    session.run("icsc", "verify", course, *session.posargs)


@nox.session(default=False)
@nox.parametrize("course", COURSES)
def bench(session: nox.Session, course: str) -> None:
    """Run a course's benchmarks (prints ratio tables; not part of the default run)."""
    _sync(session, "--package", f"icsc-{course}")
    for script in sorted((ROOT / "courses" / course / "benchmarks").glob("*.py")):
        session.run("python", str(script), *session.posargs)


if __name__ == "__main__":
    nox.main()
