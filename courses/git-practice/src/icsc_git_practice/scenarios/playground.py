"""A small, ordinary repository to install and try a pre-commit hook in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from icsc_git_practice.gitcli import init_repository, run_git
from icsc_git_practice.history import HistoryWriter
from icsc_git_practice.scenarios.common import MAINTAINER, Clock, cast, check_seed, check_target

DOC = """Track reconstruction
====================

How to run the reconstruction on a small sample.
"""


@dataclass(frozen=True)
class Playground:
    """A repository with two commits on ``main`` (checked out, clean); ``head`` is its tip."""

    repo: Path
    seed: int
    head: str


def hook_playground(path: str | Path, seed: int = 0) -> Playground:
    """Build the playground in the new folder ``path``. Deterministic for a given ``seed``.

    The files include a reStructuredText heading underlined with ``=`` signs, which a
    conflict-marker check must not mistake for a marker. ``ValueError`` if ``path`` is used.
    """
    rng = check_seed(seed)
    folder = check_target(path)
    (author,) = cast(rng, 1)
    clock = Clock(rng)
    repo = init_repository(folder, MAINTAINER)
    w = HistoryWriter()
    first = w.commit("refs/heads/main", "Start the reconstruction project\n", author, clock.tick(), {
        "README.rst": DOC,
        "reco/__init__.py": '"""Track reconstruction."""\n',
        "reco/fit.py": "def fit(hits):\n    return sum(hits) / len(hits)\n",
    })  # fmt: skip
    second = w.commit("refs/heads/main", "Add sample configuration\n", author, clock.tick(),
                      {"config/sample.toml": f'[sample]\nevents = {rng.randint(100, 999)}\n'}, [first])  # fmt: skip
    marks = w.run(repo)
    run_git(repo, "checkout", "--quiet", "--force", "main")
    return Playground(repo=repo, seed=seed, head=marks[second])
