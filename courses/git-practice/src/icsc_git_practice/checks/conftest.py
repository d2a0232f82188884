"""Fixtures shared by the public checks and the hidden tests of the git-practice course.

Every test runs git as on a fresh machine: the user's global and system configuration
are ignored and no variable redirects git elsewhere (:func:`isolated_git`). Scenario
fixtures build a new practice repository in the test's temporary folder; the seeds are
fixed, so every run sees the same commit hashes.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from icsc_git_practice import scenarios
from icsc_git_practice.gitcli import REDIRECTING_VARIABLES, run_git

CHECK_SEED = 7

COUNTER_SCRIPT = """#!/bin/sh
# Log one line per run to the file named by $1, then run the rest of the arguments.
log="$1"
shift
echo run >> "$log"
exec "$@"
"""


@pytest.fixture(autouse=True)
def isolated_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ignore the user's git configuration and any GIT_DIR-like variable during a test."""
    for name in REDIRECTING_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_TERMINAL_PROMPT", "0")
    monkeypatch.setenv("GIT_EDITOR", "true")


@pytest.fixture(scope="session")
def scenario_template(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Any]:
    """``scenario_template(builder, **kwargs)``: the scenario, built once per session (read only)."""
    cache: dict[tuple[str, tuple[tuple[str, Any], ...]], Any] = {}

    def get(builder: Callable[..., Any], **kwargs: Any) -> Any:
        key = (builder.__name__, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = builder(tmp_path_factory.mktemp("template") / "scenario", **kwargs)
        return cache[key]

    return get


@pytest.fixture
def build(scenario_template: Callable[..., Any], tmp_path: Path) -> Callable[..., Any]:
    """``build(builder, **kwargs)``: a fresh copy of that scenario in this test's tmp_path."""
    counter = itertools.count()

    def make(builder: Callable[..., Any], **kwargs: Any) -> Any:
        return scenarios.copy_scenario(
            scenario_template(builder, **kwargs), tmp_path / f"scenario{next(counter)}"
        )

    return make


@pytest.fixture
def messy(build: Callable[..., Any]) -> scenarios.MessyFeature:
    return build(scenarios.messy_feature, seed=CHECK_SEED)


@pytest.fixture
def regression(build: Callable[..., Any]) -> scenarios.RegressionHistory:
    return build(scenarios.regression_history, seed=CHECK_SEED, first_bad_index=41)


@pytest.fixture
def conflict(build: Callable[..., Any]) -> scenarios.ConflictingBranches:
    return build(scenarios.conflicting_branches, seed=CHECK_SEED)


@pytest.fixture
def release(build: Callable[..., Any]) -> scenarios.ReleaseWithHotfix:
    return build(scenarios.release_with_hotfix, seed=CHECK_SEED)


@pytest.fixture
def playground(build: Callable[..., Any]) -> scenarios.Playground:
    return build(scenarios.hook_playground, seed=CHECK_SEED)


@pytest.fixture
def team_scenario(build: Callable[..., Any]) -> scenarios.Team:
    return build(scenarios.team, seed=CHECK_SEED)


@pytest.fixture
def counting(tmp_path: Path) -> Callable[[Sequence[str]], tuple[list[str], Callable[[], int]]]:
    """``wrap(command)`` -> (a command that runs ``command`` and logs each run, a run counter)."""
    script = tmp_path / "count_runs.sh"
    script.write_text(COUNTER_SCRIPT, encoding="utf-8")
    log = tmp_path / "runs.log"

    def wrap(command: Sequence[str]) -> tuple[list[str], Callable[[], int]]:
        def runs() -> int:
            return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0

        return ["/bin/sh", str(script), str(log), *command], runs

    return wrap


@pytest.fixture
def try_commit(exercise: Callable[[str], Any]) -> Callable[..., tuple[int, str]]:
    """``try_commit(repo, {path: bytes}, message, all_tracked=False)``: write, stage, commit.

    The commit is made with the real git command line (so hooks run) by exercise 5's
    ``run_git`` helper, i.e. where the student's code runs: under isolated grading the
    student's hook never runs in the trusted test process. Returns ``(exit status,
    stderr)``. With ``all_tracked`` the files are written but not staged, and
    ``git commit -a`` is used.
    """
    ex = exercise("ex05_pre_commit_hook")

    def commit(
        repo: Path, files: dict[str, bytes], message: str, all_tracked: bool = False
    ) -> tuple[int, str]:
        for name, content in files.items():
            target = Path(repo, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        if not all_tracked and files:
            run_git(repo, "add", "--", *files)
        args = ["commit", "-a", "-m", message] if all_tracked else ["commit", "-m", message]
        status, stderr = ex.run_git(str(repo), *args)
        return int(status), str(stderr)

    return commit


@pytest.fixture(scope="session")
def once() -> Callable[[object, Callable[[], object]], object]:
    """``once(key, compute)``: run ``compute()`` once per test session and replay its outcome.

    Several tests inspect the same exercise result (one repository, many questions); the
    key must include the exercise module so that different targets never share a result.
    An exception is replayed too, so a failing exercise fails every test that needs it.
    """
    cache: dict[object, tuple[bool, object]] = {}

    def run(key: object, compute: Callable[[], object]) -> object:
        if key not in cache:
            try:
                cache[key] = (True, compute())
            except Exception as error:  # noqa: BLE001  (replayed to every test that asks)
                cache[key] = (False, error)
        ok, value = cache[key]
        if not ok:
            assert isinstance(value, Exception)
            # A fresh traceback each time: re-raising one object would chain every replay.
            raise value.with_traceback(None)
        return value

    return run
