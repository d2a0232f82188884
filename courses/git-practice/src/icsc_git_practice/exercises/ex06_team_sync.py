# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 6: a small team shares one remote; integrate everyone's work, lose nothing.

Build the practice team with::

    from icsc_git_practice.scenarios import team
    scenario = team("/tmp/team", seed=1)
    # scenario.remote (bare), scenario.clones (one per member, each with unpushed commits)

Each clone committed on ``main`` while the others did too. Only the first push can be a
fast-forward; every later one is refused until that clone has fetched and rebased (or
merged) its work on top of what is already on the remote. And somebody else may push in
between your fetch and your push (the scenario simulates exactly that once per clone),
so a correct integration loops: fetch, rebase, push, and on rejection try again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import git

from icsc_git_practice.safety import open_repo

STRATEGIES = ("rebase", "merge")


def integrate_team(
    clones: Sequence[str | Path],
    branch: str = "main",
    strategy: str = "rebase",
    max_attempts: int = 5,
) -> str:
    """Push every clone's local commits on ``branch`` to their shared remote ``origin``.

    Clones are handled in the given order. For each: fetch ``origin``; integrate the
    local commits with ``origin/<branch>`` by ``strategy`` (``"rebase"``: replay them on
    top, keeping a linear history; ``"merge"``: a merge commit, keeping the original
    commits unchanged); push; if the push is rejected because the remote moved, start
    again from the fetch, at most ``max_attempts`` pushes per clone. When all have
    pushed, every clone is fast-forwarded to the final ``origin/<branch>``, so the whole
    team ends up on the same commit with a clean work tree.

    No commit is lost: every commit that was on a clone's ``branch`` or on the remote
    before the call (and every commit someone else pushes meanwhile) is reachable from
    the remote's ``branch`` afterwards (for ``"rebase"``: as a commit with the same
    author, message and change).

    Returns the full hash of the remote's ``branch`` at the end.

    Raises ``ValueError`` (before changing anything) if ``clones`` is empty or not a
    sequence of paths, any path is not a repository, is dirty, is not on ``branch`` or has
    no ``origin`` remote, the clones have different ``origin`` URLs, ``strategy`` is
    unknown or ``max_attempts`` is not a positive int. Raises ``RuntimeError`` if a
    clone's work conflicts (its rebase or merge is aborted first) or its push is still
    rejected after ``max_attempts`` tries.
    """
    # HINT: check ALL clones before touching any: open_repo, repo.active_branch.name,
    # HINT: repo.remotes.origin.url (compare Path(url).resolve()).
    # HINT: loop per clone: repo.git.fetch("origin"); repo.git.rebase(f"origin/{branch}");
    # HINT: repo.git.push("origin", f"{branch}:{branch}") raises git.GitCommandError if rejected.
    # TODO: your code here.
    raise NotImplementedError("ex06_team_sync: this part is yours to write (icsc hint ex06)")


def _integrate_one(
    repo: git.Repo, path: str | Path, branch: str, strategy: str, max_attempts: int
) -> None:
    """Fetch, integrate and push one clone, retrying while the push is rejected."""
    # TODO: your code here.
    raise NotImplementedError("ex06_team_sync: this part is yours to write (icsc hint ex06)")
