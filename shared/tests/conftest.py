"""Fixtures of the kit's tests: a throw-away install of the toy course in ``fixture_course/``."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from icsc_kit.course import Course
from icsc_kit.stubgen import generate_stubs

FIXTURE_COURSE = Path(__file__).parent / "fixture_course"


def _install_dist_info(site: Path) -> None:
    """Make ``icsc-toy`` visible to importlib.metadata, as an install would."""
    dist_info = site / "icsc_toy-1.0.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: icsc-toy\nVersion: 1.0.0\n", encoding="utf-8"
    )
    (dist_info / "entry_points.txt").write_text(
        "[icsc.courses]\ntoy = icsc_toy:COURSE\n", encoding="utf-8"
    )


@pytest.fixture
def toy_course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Course:
    """The toy course copied to a temporary checkout, stubs generated, importable here
    and in child processes (PYTHONPATH)."""
    checkout = tmp_path / "courses" / "toy"
    shutil.copytree(FIXTURE_COURSE, checkout)
    site = tmp_path / "site"
    _install_dist_info(site)
    source = checkout / "src"
    for name in [
        name for name in sys.modules if name == "icsc_toy" or name.startswith("icsc_toy.")
    ]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.syspath_prepend(str(source))
    monkeypatch.syspath_prepend(str(site))
    old = os.environ.get("PYTHONPATH")
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join([str(site), str(source), *([old] if old else [])])
    )
    from icsc_kit.discovery import get_course  # noqa: PLC0415

    course = get_course("toy")
    generate_stubs(course)
    return course
