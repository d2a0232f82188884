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
    # BEGIN SOLUTION
    # HINT: start with icsc_git_practice.safety.open_repo / require_branch: they refuse bad input.
    # HINT: list the commits with repo.git.rev_list("--reverse", "--topo-order", f"{base}..{branch}").
    # HINT: decide groups first (which commits fold into which), then replay each group with
    # HINT: git cherry-pick --no-commit and git commit -C <the group's main commit>.
    with open_repo(repo_path) as repo:
        tip = require_branch(repo, branch)
        base_tip = require_branch(repo, base)
        backup = f"backup/{branch}"
        if repo.git.branch("--list", backup):
            msg = f"branch {backup!r} already exists; delete it or clean another branch"
            raise ValueError(msg)
        groups = plan_cleanup(repo_path, branch, base)
        original_branch = repo.active_branch.name
        repo.git.branch(backup, tip)
        try:
            repo.git.checkout("--quiet", "--detach", base_tip)
            for main_commit, members in groups:
                for member in members:
                    repo.git.cherry_pick("--no-commit", member)
                repo.git.commit("--quiet", "--allow-empty", "-C", main_commit)
                message = repo.git.log("-1", "--format=%B", main_commit)
                subject, _, rest = message.partition("\n")
                if tidy_subject(subject) != subject:
                    repo.git.commit(
                        "--quiet",
                        "--amend",
                        "--allow-empty",
                        "-m",
                        f"{tidy_subject(subject)}\n{rest}",
                    )
            if repo.git.rev_parse("HEAD^{tree}") != repo.git.rev_parse(f"{tip}^{{tree}}"):
                msg = "the cleaned history does not end in the original tree; nothing was changed"
                raise ValueError(msg)
            new_tip = repo.git.rev_parse("HEAD")
        except (git.GitCommandError, ValueError) as error:
            if Path(repo.git_dir, "CHERRY_PICK_HEAD").exists():
                repo.git.cherry_pick("--abort")
            repo.git.reset("--quiet", "--hard")
            repo.git.checkout("--quiet", original_branch)
            repo.git.branch("-D", backup)
            if isinstance(error, ValueError):
                raise
            msg = (
                f"could not replay the branch ({error.stderr.strip()}); the repository was restored"
            )
            raise RuntimeError(msg) from error
        repo.git.checkout("--quiet", "-B", branch, new_tip)
        return repo.git.rev_list("--reverse", f"{base_tip}..{new_tip}").split()
    # END SOLUTION


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
    # BEGIN SOLUTION
    # HINT: git log -1 --format=%P%x00%B <sha> gives the parents and the whole message.
    # HINT: mark the dropped commits (merges, reverts and what they revert) in a first pass,
    # HINT: then walk again, opening a group at each surviving commit that is not fixup/wip.
    with open_repo(repo_path) as repo:
        tip = require_branch(repo, branch)
        base_tip = require_branch(repo, base)
        shas = repo.git.rev_list("--reverse", "--topo-order", f"{base_tip}..{tip}").split()
        info = []
        for sha in shas:
            parents, _, message = repo.git.log("-1", "--format=%P%x00%B", sha).partition("\0")
            info.append((sha, len(parents.split()), message.partition("\n")[0], message))
    dropped = {sha for sha, n_parents, _, _ in info if n_parents > 1}
    for index, (sha, _, subject, message) in enumerate(info):
        match = REVERT.match(subject)
        if not match:
            continue
        named = REVERTS_SHA.search(message)
        for earlier, _, earlier_subject, _ in info[:index]:
            hit = named.group(1) == earlier if named else earlier_subject == match.group(1)
            if hit and earlier not in dropped:
                dropped.update({sha, earlier})
                break
    groups: list[tuple[str, list[str]]] = []
    by_subject: dict[str, list[str]] = {}
    pending_wip: list[str] = []
    for sha, _, subject, _ in info:
        if sha in dropped:
            continue
        fixup = FIXUP.match(subject)
        if fixup:
            if fixup.group(1) not in by_subject:
                msg = f"commit {sha[:10]} is a fixup of {fixup.group(1)!r}, which is not on the branch before it"
                raise ValueError(msg)
            by_subject[fixup.group(1)].append(sha)
        elif WIP.match(subject):
            pending_wip.append(sha)
        else:
            members = [*pending_wip, sha]
            pending_wip = []
            groups.append((sha, members))
            by_subject[subject] = members
    if pending_wip:
        msg = (
            f"wip commits at the end of the branch have no later commit to fold into: {pending_wip}"
        )
        raise ValueError(msg)
    return groups
    # END SOLUTION
