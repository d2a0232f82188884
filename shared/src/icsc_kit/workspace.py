"""A student's workspace: the folder ``icsc start`` fills and ``icsc check`` tests.

``.icsc/workspace.json`` records the course and the SHA-256 of every file as it was
handed out, so that a later ``icsc start`` can tell an untouched file (safe to refresh)
from one the student changed (kept, and said so).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import jupytext

from icsc_kit.course import Course
from icsc_kit.errors import UserError

STATE_DIR = ".icsc"
STATE_FILE = "workspace.json"


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Workspace:
    """A workspace folder ``root`` of course ``slug``; ``handed_out`` maps file -> SHA-256."""

    root: Path
    slug: str
    version: str = ""
    handed_out: dict[str, str] = field(default_factory=dict)

    @property
    def state_path(self) -> Path:
        return self.root / STATE_DIR / STATE_FILE

    def save(self) -> None:
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "course": self.slug,
            "version": self.version,
            "handed_out": dict(sorted(self.handed_out.items())),
        }
        self.state_path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, root: Path) -> Workspace:
        """Read ``root/.icsc/workspace.json``; ``UserError`` if it is corrupt."""
        state = root / STATE_DIR / STATE_FILE
        try:
            payload = json.loads(state.read_text(encoding="utf-8"))
            return cls(
                root,
                str(payload["course"]),
                str(payload.get("version", "")),
                dict(payload.get("handed_out", {})),
            )
        except (OSError, ValueError, KeyError, TypeError) as error:
            msg = f"the workspace file {state} is corrupt ({type(error).__name__}); run icsc start again in a new folder"
            raise UserError(msg) from None


def find_workspace(start: Path | None = None) -> Workspace:
    """The workspace containing ``start`` (default: the current folder) or a ``UserError``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / STATE_DIR / STATE_FILE).is_file():
            return Workspace.load(folder)
    msg = f"no icsc workspace in {here} or above; run 'icsc start <course>' first, then cd into the folder it made"
    raise UserError(msg)


def workspace_for(course: Course, start: Path | None = None) -> Workspace:
    """The workspace here, which must belong to ``course``."""
    workspace = find_workspace(start)
    if workspace.slug != course.slug:
        msg = f"this workspace belongs to course {workspace.slug}, not {course.slug}"
        raise UserError(msg)
    return workspace


@dataclass
class StartReport:
    """What ``start`` did with each file: written, refreshed, unchanged or kept (edited)."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _handed_out_files(course: Course) -> dict[str, str]:
    """Relative path in the workspace -> text to hand out."""
    files: dict[str, str] = {}
    for stub in sorted(course.exercises_dir.glob("ex[0-9][0-9]_*.py")):
        files[stub.name] = stub.read_text(encoding="utf-8")
    for notebook in (
        sorted(course.notebooks_dir.glob("*.py")) if course.notebooks_dir.is_dir() else []
    ):
        text = jupytext.writes(jupytext.read(notebook), fmt="ipynb")
        files[f"notebooks/{notebook.stem}.ipynb"] = text
    files["README.md"] = _readme(course)
    return files


def _readme(course: Course) -> str:
    rows = "\n".join(
        f"| {exercise.name} | {exercise.title} | {exercise.minutes} min{' (optional)' if exercise.optional else ''} |"
        for exercise in course.exercises
    )
    return (
        f"# {course.title}\n\nYour workspace for the iCSC 2026 course `{course.slug}`.\n\n"
        "| file | what | time |\n| --- | --- | --- |\n"
        f"{rows}\n\n"
        "Edit the `exNN_*.py` files where they say TODO, then:\n\n"
        "* `icsc check` runs the public checks (`icsc check ex01` for one exercise);\n"
        "* `icsc hint ex01` shows the hints; `icsc watch` re-checks on every save;\n"
        f"* `icsc lecture {course.slug}` lists the lecture notes;\n"
        "* `icsc submit` packs your work for grading.\n"
    )


def start_workspace(course: Course, destination: Path) -> tuple[Workspace, StartReport]:
    """Hand out ``course``'s files into ``destination``, never overwriting a student's edit."""
    if destination.exists() and not destination.is_dir():
        msg = f"{destination} exists and is not a folder; choose another place for the workspace"
        raise UserError(msg)
    state = destination / STATE_DIR / STATE_FILE
    workspace = (
        Workspace.load(destination)
        if state.is_file()
        else Workspace(destination.resolve(), course.slug)
    )
    if workspace.slug != course.slug:
        msg = f"{destination} is a workspace of course {workspace.slug}; start {course.slug} in another folder"
        raise UserError(msg)
    report = StartReport()
    for relative, text in _handed_out_files(course).items():
        path = destination / relative
        new_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if path.exists():
            current = sha256_of(path)
            if current == new_hash:
                report.unchanged.append(relative)
                workspace.handed_out[relative] = new_hash
                continue
            if current != workspace.handed_out.get(relative):
                report.kept.append(relative)
                continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        workspace.handed_out[relative] = new_hash
        report.written.append(relative)
    workspace.version = course.version
    workspace.save()
    return workspace, report
