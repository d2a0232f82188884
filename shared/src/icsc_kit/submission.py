"""``icsc submit``: pack a workspace into ``<slug>-<student>.zip`` with a SHA-256 manifest.

Only the exercise files (``exNN_topic.py``) and notes (``*.md``) at the top of the
workspace go in, each at most ``MAX_FILE_BYTES``, all together at most
``MAX_TOTAL_BYTES``. The manifest ``icsc-manifest.json`` names the course, its version,
the student and the SHA-256 of every file; the grader refuses an archive whose files do
not match it. The archive is reproducible: same files, same bytes (fixed timestamps,
sorted members).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from icsc_kit.course import Course
from icsc_kit.errors import UserError

MANIFEST_NAME = "icsc-manifest.json"
MANIFEST_FORMAT = 1
STUDENT_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
EXERCISE_FILE = re.compile(r"^ex\d\d_[a-z0-9_]+\.py$")
MAX_FILE_BYTES = 1 << 20
MAX_TOTAL_BYTES = 8 << 20
STUDENT_ENV = "ICSC_STUDENT"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def check_student_id(student: str) -> str:
    """``student`` if it is a safe id (letters, digits, ``.``, ``_``, ``-``; at most 64)."""
    if not STUDENT_PATTERN.match(student):
        msg = (
            f"student id {student!r} is not usable: use letters, digits, '.', '_' or '-' "
            "(at most 64, starting with a letter or digit)"
        )
        raise UserError(msg)
    return student


def student_id(option: str | None) -> str:
    """The student id from ``--student`` or ``$ICSC_STUDENT``; one clear error if neither."""
    chosen = option or os.environ.get(STUDENT_ENV, "").strip()
    if not chosen:
        msg = f"who are you? pass --student YOUR_ID or set {STUDENT_ENV}=YOUR_ID"
        raise UserError(msg)
    return check_student_id(chosen)


def submitted_files(root: Path) -> list[Path]:
    """The exercise files and notes of workspace ``root`` that a submission carries."""
    chosen = []
    for path in sorted(root.iterdir()):
        if not (EXERCISE_FILE.match(path.name) or path.suffix == ".md"):
            continue
        if path.is_symlink() or not path.is_file():
            msg = f"{path.name} is not a regular file; replace the link by the file itself"
            raise UserError(msg)
        chosen.append(path)
    return chosen


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Manifest:
    """What ``icsc-manifest.json`` says: course, version, student, file -> SHA-256."""

    course: str
    course_version: str
    student: str
    files: dict[str, str]

    def to_json(self) -> str:
        payload = {
            "format": MANIFEST_FORMAT,
            "course": self.course,
            "course_version": self.course_version,
            "student": self.student,
            "files": dict(sorted(self.files.items())),
        }
        return json.dumps(payload, indent=2) + "\n"

    @classmethod
    def parse(cls, text: str) -> Manifest:
        """Read a manifest; ``ValueError`` with the reason if it is malformed."""
        payload: Any = json.loads(text)
        if not isinstance(payload, dict) or payload.get("format") != MANIFEST_FORMAT:
            msg = "the manifest is not an icsc-manifest of format 1"
            raise ValueError(msg)
        fields = ("course", "course_version", "student")
        if not all(isinstance(payload.get(key), str) for key in fields):
            msg = "the manifest lacks course, course_version or student"
            raise ValueError(msg)
        files = payload.get("files")
        if not isinstance(files, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in files.items()
        ):
            msg = "the manifest's files must map names to SHA-256 digests"
            raise ValueError(msg)
        return cls(payload["course"], payload["course_version"], payload["student"], files)

    def mismatches(self, root: Path) -> list[str]:
        """Files under ``root`` that differ from the manifest (missing, extra, altered)."""
        problems = []
        present = {
            path.name
            for path in root.iterdir()
            if path.is_file() and (EXERCISE_FILE.match(path.name) or path.suffix == ".md")
        }
        for name in sorted(set(self.files) | present):
            path = root / name
            if name not in self.files:
                problems.append(f"{name} is not in the manifest")
            elif name not in present:
                problems.append(f"{name} is missing")
            elif digest(path.read_bytes()) != self.files[name]:
                problems.append(f"{name} does not match its SHA-256")
        return problems


def build_submission(course: Course, root: Path, student: str, output: Path) -> Path:
    """Write the submission zip of workspace ``root`` to ``output`` (a file or a folder)."""
    files = submitted_files(root)
    contents = {path.name: path.read_bytes() for path in files}
    for name, data in contents.items():
        if len(data) > MAX_FILE_BYTES:
            msg = f"{name} is larger than {MAX_FILE_BYTES // 1024} KiB; keep data out of the submission"
            raise UserError(msg)
    if sum(map(len, contents.values())) > MAX_TOTAL_BYTES:
        msg = f"the files add up to more than {MAX_TOTAL_BYTES >> 20} MiB; keep data out of the submission"
        raise UserError(msg)
    if not any(EXERCISE_FILE.match(name) for name in contents):
        msg = f"{root} holds no exercise file (exNN_topic.py); run icsc submit in your workspace"
        raise UserError(msg)
    manifest = Manifest(
        course.slug, course.version, student, {name: digest(d) for name, d in contents.items()}
    )
    target = output / f"{course.slug}-{student}.zip" if output.is_dir() else output
    members = {**contents, MANIFEST_NAME: manifest.to_json().encode("utf-8")}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, members[name])
    return target


def read_manifest(root: Path) -> Manifest | None:
    """The manifest in folder ``root`` (``None`` if there is none; ``ValueError`` if bad)."""
    path = root / MANIFEST_NAME
    if not path.is_file():
        return None
    return Manifest.parse(path.read_text(encoding="utf-8"))
