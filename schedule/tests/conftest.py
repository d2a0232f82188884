"""Shared fixtures of the schedule tests: the shipped programme and the defect files."""

from pathlib import Path

import pytest

from icsc_schedule import Programme, load_programme

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def programme() -> Programme:
    """The programme shipped inside the package (the real school timetable)."""
    return load_programme()


@pytest.fixture
def timetable():
    """Load a constructed timetable from tests/data by its defect name."""

    def load(name: str) -> Programme:
        return load_programme(DATA / f"{name}.toml")

    return load
