# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 4: backport a hotfix from ``main`` to a release branch with cherry-pick.

Build the practice repository with::

    from icsc_git_practice.scenarios import release_with_hotfix
    scenario = release_with_hotfix("/tmp/release", seed=1)
    # scenario.bug_id is the bug to backport, e.g. "BUG-417"

The fix was made on ``main`` in two commits, mixed with unrelated work that must not
reach the 1.0 release. Merging ``main`` into ``release/1.0`` would drag all of it along;
cherry-picking copies just the commits you name. Find them by their ``Fixes:`` trailer
(``git log --format='%H %(trailers:key=Fixes,valueonly,separator=%x2C)'``), not by
searching the text: other commits mention related ids.
"""

from __future__ import annotations

import re
from pathlib import Path

import git

from icsc_git_practice.safety import open_repo, require_branch

BUG_ID = re.compile(r"^[A-Z][A-Z0-9]*-[0-9]+$")


def backport_fix(
    repo_path: str | Path, bug_id: str, source: str = "main", release: str = "release/1.0"
) -> list[str]:
    """Cherry-pick onto ``release`` every commit of ``source`` that fixes ``bug_id``.

    The commits to pick are those reachable from ``source`` but not from ``release``,
    without merges, whose message has a trailer ``Fixes: <bug_id>`` (exactly that id).
    They are applied oldest first with ``git cherry-pick -x``, so each copy keeps its
    author, author date and message and gains the line ``(cherry picked from commit
    <hash>)``. A commit whose change is already on ``release`` (same patch, as
    ``git cherry`` sees it) is skipped, so running the backport twice adds nothing.
    Afterwards the branch that was checked out before is checked out again, the work
    tree is clean and ``source`` has not moved.

    Returns the hashes of the new commits on ``release``, oldest first (``[]`` if all
    were already there).

    Raises ``ValueError`` (changing nothing) if ``bug_id`` does not look like ``ABC-123``,
    ``repo_path`` is not a repository, the work tree is dirty, HEAD is detached,
    ``source`` or ``release`` is not a local branch, or no commit fixes ``bug_id``.
    Raises ``RuntimeError`` (after ``git cherry-pick --abort`` and restoring ``release``)
    if a pick conflicts.
    """
    # HINT: candidates: repo.git.log("--reverse", "--no-merges", "--format=...", f"{release}..{source}").
    # HINT: git cherry <release> <source> prints "- <hash>" for commits already on release.
    # HINT: switch to release, repo.git.cherry_pick("-x", sha) for each, switch back (try/finally).
    # TODO: your code here.
    raise NotImplementedError("ex04_backport: this part is yours to write (icsc hint ex04)")
