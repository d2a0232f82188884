# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 3: merge a branch and resolve its conflicts by a stated policy.

Build the practice repository with::

    from icsc_git_practice.scenarios import conflicting_branches
    scenario = conflicting_branches("/tmp/conflict", seed=1)

then try ``git merge topic/tighter-cuts`` by hand and read the conflict markers
(``git diff`` during a conflict shows a combined diff; ``git checkout --conflict=diff3
<file>`` adds the common ancestor's version). ``git merge --abort`` takes you back.

Careful: a policy applies to the *conflicting hunks only*. Changes that merged cleanly,
from either side, must survive. ``git checkout --ours <file>`` throws away the other
side's clean changes in that file, and ``git merge -s ours`` throws away the whole other
branch; ``git merge -X ours`` and ``git merge-file --ours/--theirs/--union`` do not.
"""

from __future__ import annotations

from pathlib import Path

import git

from icsc_git_practice.safety import is_ancestor, open_repo, require_branch

POLICIES = ("ours", "theirs", "union")


def merge_with_policy(repo_path: str | Path, branch: str, policy: str) -> str:
    """Merge ``branch`` into the checked-out branch, resolving conflicts by ``policy``.

    In every conflicting hunk, ``"ours"`` keeps the checked-out branch's lines,
    ``"theirs"`` keeps ``branch``'s lines and ``"union"`` keeps ours followed by theirs.
    Everything that merges without conflict is kept from both sides. The result is one
    merge commit whose parents are, in order, the previous HEAD and ``branch``'s tip,
    with git's default message ``Merge branch '<branch>'`` and no comment lines.
    Afterwards no merge is in progress and the work tree is clean.

    Returns the full hash of the merge commit.

    Raises ``ValueError`` (changing nothing) for an unknown policy, if ``repo_path`` is
    not a repository, the work tree is dirty, HEAD is detached, ``branch`` is not a local
    branch, or it is already merged (its tip is an ancestor of HEAD). Raises
    ``RuntimeError`` after ``git merge --abort`` if a conflict is not a content conflict
    (for example a file modified on one side and deleted on the other).
    """
    # HINT: start the merge without committing: repo.git.merge("--no-ff", "--no-commit", branch);
    # HINT: it raises git.GitCommandError when there are conflicts. Conflicted paths:
    # HINT: git diff --name-only --diff-filter=U. Stages :1: base, :2: ours, :3: theirs
    # HINT: (git show :2:path) feed git merge-file -p --ours/--theirs/--union.
    # HINT: commit with git commit --no-edit --cleanup=strip (strips the '# Conflicts' lines).
    # TODO: your code here.
    raise NotImplementedError("ex03_conflict_policy: this part is yours to write (icsc hint ex03)")


def _resolve(repo: git.Repo, path: str, policy: str) -> None:
    """Resolve the content conflict in ``path`` with ``git merge-file --<policy>`` and stage it."""
    # TODO: your code here.
    raise NotImplementedError("ex03_conflict_policy: this part is yours to write (icsc hint ex03)")
