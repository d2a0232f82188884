# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 1: turn a messy feature branch into a short, linear, well-worded history.

Build the practice repository with::

    from icsc_git_practice.scenarios import messy_feature
    scenario = messy_feature("/tmp/messy", seed=1)

and look at it with ``git log --graph --oneline --all`` before you start.

The branch must end up with the same final tree (byte for byte) as before, so a reviewer
can trust that "cleaning" changed the story, not the code. Tools you may use: GitPython
(``repo.git.<command>(...)`` runs any git command) and the git command line through it:
``git rebase -i`` driven by ``GIT_SEQUENCE_EDITOR``, ``git cherry-pick --no-commit``,
``git commit -C <commit>``, ``git commit --amend``, ``git reset --soft``.
"""

from __future__ import annotations

import re
from pathlib import Path

import git

from icsc_git_practice.safety import open_repo, require_branch

WIP = re.compile(r"^wip\b", re.IGNORECASE)
FIXUP = re.compile(r"^fixup! (.+)$")
REVERT = re.compile(r'^Revert "(.+)"$')
REVERTS_SHA = re.compile(r"This reverts commit ([0-9a-f]{40})")


def tidy_subject(subject: str) -> str:
    """The subject with its first letter upper-cased and trailing full stops removed."""
    subject = subject.strip().rstrip(".").rstrip()
    return subject[:1].upper() + subject[1:]


def clean_feature_branch(
    repo_path: str | Path, branch: str = "feature/median", base: str = "main"
) -> list[str]:
    """Rewrite ``branch`` as a linear history on top of ``base``, keeping its final tree.

    Policy, applied to the commits of ``base..branch`` oldest first:

    1. merge commits are dropped (their content comes from ``base``, which the new
       history starts from);
    2. a commit ``Revert "X"`` and the commit X it reverts are both dropped;
    3. a commit ``fixup! X`` is folded into the earlier commit whose subject is X;
    4. a commit whose subject starts with ``wip`` (any case) is folded into the next
       later commit that survives as a commit of its own;
    5. every surviving commit keeps its author (name, e-mail, date) and its message,
       except that the subject is tidied: first letter upper case, no trailing ``.``.

    Before anything is rewritten the original tip is kept as the branch
    ``backup/<branch>``. Afterwards ``branch`` is checked out, the work tree is clean and
    ``git diff <backup> <branch>`` is empty.

    Returns the hashes of the new commits ``base..branch``, oldest first.

    Raises ``ValueError`` (leaving the repository exactly as it was) if ``repo_path`` is
    not a repository, the work tree is dirty, HEAD is detached, ``branch`` or ``base`` is
    not a local branch, ``backup/<branch>`` already exists, or the cleaned tree would
    differ from the original one. Raises ``RuntimeError`` (after restoring the
    repository) if git cannot replay a commit.
    """
    # HINT: start with icsc_git_practice.safety.open_repo / require_branch: they refuse bad input.
    # HINT: list the commits with repo.git.rev_list("--reverse", "--topo-order", f"{base}..{branch}").
    # HINT: decide groups first (which commits fold into which), then replay each group with
    # HINT: git cherry-pick --no-commit and git commit -C <the group's main commit>.
    # TODO: your code here.
    raise NotImplementedError("ex01_clean_history: this part is yours to write (icsc hint ex01)")


def plan_cleanup(
    repo_path: str | Path, branch: str = "feature/median", base: str = "main"
) -> list[tuple[str, list[str]]]:
    """The cleaning plan for ``branch``, without changing anything.

    Returns one ``(main_commit, members)`` pair per commit of the clean history, oldest
    first: ``main_commit`` gives the author and message, ``members`` are the original
    commits whose changes it holds, in the order to apply them (for the scenario:
    ``[c1, c4]``, ``[c2, c5, c6]``, ``[c9]``). Same policy and same ``ValueError`` cases as
    :func:`clean_feature_branch`, plus: a fixup whose target is not on the branch before
    it, or wip commits with no later commit to fold into.
    """
    # HINT: git log -1 --format=%P%x00%B <sha> gives the parents and the whole message.
    # HINT: mark the dropped commits (merges, reverts and what they revert) in a first pass,
    # HINT: then walk again, opening a group at each surviving commit that is not fixup/wip.
    # TODO: your code here.
    raise NotImplementedError("ex01_clean_history: this part is yours to write (icsc hint ex01)")
