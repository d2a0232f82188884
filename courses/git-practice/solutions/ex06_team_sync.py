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
    # BEGIN SOLUTION
    # HINT: check ALL clones before touching any: open_repo, repo.active_branch.name,
    # HINT: repo.remotes.origin.url (compare Path(url).resolve()).
    # HINT: loop per clone: repo.git.fetch("origin"); repo.git.rebase(f"origin/{branch}");
    # HINT: repo.git.push("origin", f"{branch}:{branch}") raises git.GitCommandError if rejected.
    if strategy not in STRATEGIES:
        msg = f"strategy must be one of {', '.join(STRATEGIES)}, got {strategy!r}"
        raise ValueError(msg)
    if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1:
        msg = f"max_attempts must be a positive int, got {max_attempts!r}"
        raise ValueError(msg)
    if isinstance(clones, str | bytes | Path) or not isinstance(clones, Sequence) or not clones:
        msg = f"clones must be a non-empty list of clone folders, got {clones!r}"
        raise ValueError(msg)
    repos: list[git.Repo] = []
    try:
        urls = set()
        for path in clones:
            repo = open_repo(path)
            repos.append(repo)
            if repo.active_branch.name != branch:
                msg = f"{path}: on branch {repo.active_branch.name!r}, not {branch!r}; switch first"
                raise ValueError(msg)
            if "origin" not in [remote.name for remote in repo.remotes]:
                msg = f"{path}: has no remote called origin"
                raise ValueError(msg)
            urls.add(Path(repo.working_tree_dir, repo.remotes.origin.url).resolve())
        if len(urls) != 1:
            msg = f"the clones do not share one origin: {sorted(map(str, urls))}"
            raise ValueError(msg)
        for path, repo in zip(clones, repos, strict=True):
            _integrate_one(repo, path, branch, strategy, max_attempts)
        for repo in repos:
            repo.git.fetch("--quiet", "origin")
            repo.git.merge("--quiet", "--ff-only", f"origin/{branch}")
        return repos[0].git.ls_remote("origin", f"refs/heads/{branch}").split()[0]
    finally:
        for repo in repos:
            repo.close()
    # END SOLUTION


def _integrate_one(
    repo: git.Repo, path: str | Path, branch: str, strategy: str, max_attempts: int
) -> None:
    """Fetch, integrate and push one clone, retrying while the push is rejected."""
    # BEGIN SOLUTION
    upstream = f"origin/{branch}"
    for _ in range(max_attempts):
        repo.git.fetch("--quiet", "origin")
        try:
            if strategy == "rebase":
                repo.git.rebase("--quiet", upstream)
            else:
                repo.git.merge("--quiet", "--no-edit", upstream)
        except git.GitCommandError as error:
            if strategy == "rebase":
                repo.git.rebase("--abort")
            else:
                repo.git.merge("--abort")
            msg = f"{path}: the local work conflicts with {upstream}; resolve it by hand ({error.stderr.strip()})"
            raise RuntimeError(msg) from error
        try:
            repo.git.push("--quiet", "origin", f"{branch}:{branch}")
        except git.GitCommandError:
            continue
        return
    msg = f"{path}: push still rejected after {max_attempts} attempts"
    raise RuntimeError(msg)
    # END SOLUTION
