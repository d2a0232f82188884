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
    # BEGIN SOLUTION
    # HINT: candidates: repo.git.log("--reverse", "--no-merges", "--format=...", f"{release}..{source}").
    # HINT: git cherry <release> <source> prints "- <hash>" for commits already on release.
    # HINT: switch to release, repo.git.cherry_pick("-x", sha) for each, switch back (try/finally).
    if not isinstance(bug_id, str) or not BUG_ID.match(bug_id):
        msg = f"bug_id must look like 'BUG-123' (letters, a dash, digits), got {bug_id!r}"
        raise ValueError(msg)
    with open_repo(repo_path) as repo:
        require_branch(repo, source)
        release_tip = require_branch(repo, release)
        listing = repo.git.log(
            "--reverse", "--no-merges", "--format=%H%x09%(trailers:key=Fixes,valueonly,separator=%x2C)",
            f"{release}..{source}",
        )  # fmt: skip
        fixes = []
        for line in filter(None, listing.splitlines()):
            sha, _, values = line.partition("\t")
            if bug_id in {value.strip() for value in values.split(",")}:
                fixes.append(sha)
        if not fixes:
            msg = f"no commit on {source} (and not on {release}) has the trailer 'Fixes: {bug_id}'"
            raise ValueError(msg)
        already = {
            line[2:]
            for line in repo.git.cherry(release, source).splitlines()
            if line.startswith("- ")
        }
        todo = [sha for sha in fixes if sha not in already]
        if not todo:
            return []
        original = repo.active_branch.name
        repo.git.checkout("--quiet", release)
        try:
            for sha in todo:
                repo.git.cherry_pick("-x", sha)
        except git.GitCommandError as error:
            if Path(repo.git_dir, "CHERRY_PICK_HEAD").exists():
                repo.git.cherry_pick("--abort")
            repo.git.reset("--quiet", "--hard", release_tip)
            msg = f"cherry-pick failed ({error.stderr.strip()}); {release} was restored"
            raise RuntimeError(msg) from error
        finally:
            repo.git.checkout("--quiet", original)
        return repo.git.rev_list("--reverse", f"{release_tip}..{release}").split()
    # END SOLUTION
