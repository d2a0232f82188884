"""Copy a built scenario to a new folder: the same repositories, hashes and metadata.

Building a scenario runs git a few dozen times; copying its folder is much faster, so
test suites build each scenario once and hand every test a fresh copy. Everything that
names a path is moved along: the dataclass's path fields, and for the team scenario the
clones' ``origin`` URLs and the paths inside their ``pre-push`` hooks.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any, TypeVar

from icsc_git_practice.gitcli import run_git
from icsc_git_practice.scenarios.team import Team

S = TypeVar("S")


def _root(scenario: Any) -> Path:
    return Path(scenario.folder if isinstance(scenario, Team) else scenario.repo)


def copy_scenario(scenario: S, destination: str | Path) -> S:
    """A copy of ``scenario`` in the new folder ``destination``; the original is untouched.

    ``TypeError`` if ``scenario`` is not a scenario dataclass; ``FileExistsError`` if
    ``destination`` exists.
    """
    if not dataclasses.is_dataclass(scenario) or isinstance(scenario, type):
        msg = f"expected a scenario object, got {type(scenario).__name__}"
        raise TypeError(msg)
    source, target = _root(scenario), Path(destination).resolve()
    shutil.copytree(source, target, symlinks=True)

    def move(value: Any) -> Any:
        if isinstance(value, Path) and value.is_relative_to(source):
            return target / value.relative_to(source)
        if isinstance(value, tuple) and value and all(isinstance(item, Path) for item in value):
            return tuple(move(item) for item in value)
        return value

    changes = {
        field.name: move(getattr(scenario, field.name)) for field in dataclasses.fields(scenario)
    }
    copy = dataclasses.replace(scenario, **changes)  # type: ignore[type-var]
    if isinstance(copy, Team):
        for clone in copy.clones:
            run_git(clone, "config", "remote.origin.url", str(copy.remote))
            hook = clone / ".git" / "hooks" / "pre-push"
            if hook.exists():
                hook.write_text(hook.read_text().replace(str(source), str(target)))
    return copy
