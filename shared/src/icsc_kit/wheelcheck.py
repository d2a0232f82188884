"""Build a course's wheel with uv and check what it ships."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from icsc_kit.course import Course

FORBIDDEN_PARTS = ("solutions/", "tests/hidden/", "/hidden/")
REQUIRED_FOLDERS = ("exercises", "checks", "lecture", "notebooks")


def workspace_root(start: Path) -> Path | None:
    """The nearest folder above ``start`` whose pyproject.toml declares a uv workspace."""
    for folder in (start, *start.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.uv.workspace]" in pyproject.read_text(encoding="utf-8"):
            return folder
    return None


def uv_command() -> list[str]:
    """How to call uv here: the ``uv`` on PATH, else ``python -m uv``."""
    found = shutil.which("uv")
    return [found] if found else [sys.executable, "-m", "uv"]


def build_wheel(course: Course, out_dir: Path) -> Path:
    """Build ``icsc-<slug>``'s wheel into ``out_dir``; ``RuntimeError`` with uv's output on failure."""
    source_root = course.require_source_root()
    command = [
        *uv_command(),
        "build",
        "--wheel",
        str(source_root),
        "--out-dir",
        str(out_dir),
        "--quiet",
    ]
    done = subprocess.run(command, cwd=source_root, capture_output=True, text=True, check=False)
    wheels = sorted(out_dir.glob("*.whl"))
    if done.returncode != 0 or not wheels:
        msg = (
            f"uv build failed for icsc-{course.slug}: {(done.stderr or done.stdout).strip()[-500:]}"
        )
        raise RuntimeError(msg)
    return wheels[0]


def wheel_problems(course: Course, wheel: Path) -> list[str]:
    """What is wrong with the wheel's contents (empty when it is fine)."""
    names = zipfile.ZipFile(wheel).namelist()
    problems = [f"ships {name}" for name in names if any(part in name for part in FORBIDDEN_PARTS)]
    package_prefix = course.package.replace(".", "/") + "/"
    for folder in REQUIRED_FOLDERS:
        if not any(name.startswith(f"{package_prefix}{folder}/") for name in names):
            problems.append(f"lacks {package_prefix}{folder}/")
    return problems


def check_wheel(course: Course) -> list[str]:
    """Build the wheel in a temporary folder and return :func:`wheel_problems`."""
    with tempfile.TemporaryDirectory(prefix="icsc-wheel-") as scratch:
        return wheel_problems(course, build_wheel(course, Path(scratch)))
