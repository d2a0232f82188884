"""The kit's pytest plugin (registered through the ``pytest11`` entry point).

Wiring only: the ``--icsc-`` options, the ``points``/``gpu`` markers, the ``exercise``
fixture and the JSON report. Loading lives in :mod:`icsc_kit.loading`, targets in
:mod:`icsc_kit.targets`, result bookkeeping in :mod:`icsc_kit.results`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from icsc_kit import loading
from icsc_kit.gpu import cuda_available
from icsc_kit.results import ResultCollector
from icsc_kit.targets import Target

COLLECTOR_KEY = pytest.StashKey[ResultCollector]()


def _target_type(value: str) -> Target:
    try:
        return Target.parse(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("icsc", "iCSC course exercises")
    group.addoption(
        "--icsc-target",
        type=_target_type,
        default=None,
        metavar="TARGET",
        help="what exercise(name) loads: 'solution', 'stub' or a workspace directory (default: solution)",
    )
    group.addoption(
        "--icsc-course",
        default=None,
        metavar="SLUG",
        help="course of the tests (default: the installed course whose folder holds the test file)",
    )
    group.addoption(
        "--icsc-report",
        type=Path,
        default=None,
        metavar="PATH",
        help="write per-test outcomes, points and messages as JSON to PATH (default: no report)",
    )
    group.addoption(
        "--icsc-isolate",
        type=Path,
        default=None,
        metavar="CONFIG",
        help="grading mode: run exercise code in a confined worker as CONFIG says (set by icsc grade)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "points(n): points this test is worth when graded (default 1)"
    )
    config.addinivalue_line(
        "markers", "gpu: the test needs a CUDA device; skipped with a reason where none is found"
    )
    collector = ResultCollector()
    config.stash[COLLECTOR_KEY] = collector
    config.pluginmanager.register(_ReportPlugin(collector), "icsc-report")
    if config.getoption("icsc_isolate", None) is not None:
        from icsc_kit.grading.isolate import install  # noqa: PLC0415  (grading mode only)

        install(config, config.getoption("icsc_isolate"))


def _points(item: pytest.Item) -> float:
    marker = item.get_closest_marker("points")
    if marker is None:
        return 1.0
    if (
        len(marker.args) != 1
        or marker.kwargs
        or not isinstance(marker.args[0], int | float)
        or marker.args[0] <= 0
    ):
        msg = f"{item.nodeid}: use @pytest.mark.points(n) with one positive number, got {marker}"
        raise pytest.UsageError(msg)
    return float(marker.args[0])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        _points(item)  # validate early: a bad marker stops the run before any test


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("gpu") is not None and not cuda_available():
        pytest.skip("needs a CUDA GPU (marked @pytest.mark.gpu); none was found by torch or numba")


class _ReportPlugin:
    """Feeds every phase report into the run's :class:`ResultCollector`."""

    def __init__(self, collector: ResultCollector) -> None:
        self.collector = collector

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        points = float(dict(report.user_properties).get("icsc_points", 1.0))
        self.collector.record(
            report.nodeid,
            report.location[0],
            report.when,
            report.outcome,
            report.longrepr,
            points,
            report.duration,
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:  # noqa: ARG001
    report: pytest.TestReport = yield
    report.user_properties.append(("icsc_points", _points(item)))
    return report


def pytest_sessionfinish(session: pytest.Session) -> None:
    path = session.config.getoption("icsc_report")
    if path is not None:
        target = session.config.getoption("icsc_target")
        session.config.stash[COLLECTOR_KEY].write(Path(path), target=str(target or "solution"))


@pytest.fixture
def exercise(request: pytest.FixtureRequest) -> Callable[[str], Any]:
    """``exercise("ex01_topic")`` returns that exercise's module from the chosen target.

    The course is ``--icsc-course`` or the installed course whose folders hold the test
    file; the target is ``--icsc-target`` (default ``solution``). A module that is missing
    or fails to import fails the test with a one-line reason.
    """
    config = request.config
    target: Target = config.getoption("icsc_target") or Target.parse("solution")
    course = loading.course_for_test(config.getoption("icsc_course"), request.path)

    def load(name: str) -> Any:
        try:
            return loading.load_exercise(config, course, name, target)
        except loading.ExerciseUnavailable as error:
            pytest.fail(str(error), pytrace=False)

    return load
