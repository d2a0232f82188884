"""Preflight checks before changing a repository: refuse early, change nothing.

Every exercise that rewrites history starts the same way: is this a repository, is the
work tree clean, is a branch checked out, is no merge/rebase/cherry-pick/bisect half done,
do the refs we were given exist? These helpers answer with a ``ValueError`` whose message
says what is wrong and what to do, before anything has been touched.
"""

from __future__ import annotations

from pathlib import Path

import git

#: Files in the git directory that mean an operation is half done, and how to finish it.
IN_PROGRESS = {
    "MERGE_HEAD": "a merge is in progress (git merge --continue or --abort)",
    "CHERRY_PICK_HEAD": "a cherry-pick is in progress (git cherry-pick --continue or --abort)",
    "REVERT_HEAD": "a revert is in progress (git revert --continue or --abort)",
    "BISECT_LOG": "a bisect session is running (git bisect reset)",
    "rebase-merge": "a rebase is in progress (git rebase --continue or --abort)",
    "rebase-apply": "a rebase or am is in progress (git rebase --abort or git am --abort)",
}


def open_repo(
    path: str | Path,
    *,
    require_clean: bool = True,
    require_branch: bool = True,
    require_idle: bool = True,
) -> git.Repo:
    """Open the non-bare repository whose top-level folder is ``path``.

    Raises ``ValueError`` (and touches nothing) if ``path`` is not such a repository;
    if ``require_idle`` and an operation is half done (:data:`IN_PROGRESS`); if
    ``require_clean`` and the work tree or index has changes or untracked files; or if
    ``require_branch`` and HEAD is detached. ``TypeError`` if ``path`` is not a ``str``
    or ``Path``. The caller closes the repository (``with open_repo(p) as repo:``).
    """
    if not isinstance(path, str | Path):
        msg = f"repository path must be a str or Path, got {type(path).__name__}"
        raise TypeError(msg)
    folder = Path(path)
    try:
        repo = git.Repo(folder)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        msg = f"{folder} is not a git repository (no .git folder there); give the top folder of a clone"
        raise ValueError(msg) from None
    try:
        _check(
            repo,
            folder,
            require_clean=require_clean,
            require_branch=require_branch,
            require_idle=require_idle,
        )
    except BaseException:
        repo.close()
        raise
    return repo


def _check(
    repo: git.Repo, folder: Path, *, require_clean: bool, require_branch: bool, require_idle: bool
) -> None:
    if repo.bare or repo.working_tree_dir is None:
        msg = f"{folder} is a bare repository; these operations need a work tree (a clone)"
        raise ValueError(msg)
    if Path(repo.working_tree_dir).resolve() != folder.resolve():
        msg = f"{folder} is inside the repository {repo.working_tree_dir}; give its top folder"
        raise ValueError(msg)
    git_dir = Path(repo.git_dir)
    for name, meaning in IN_PROGRESS.items():
        if require_idle and (git_dir / name).exists():
            msg = f"{folder}: {meaning}; finish it before starting something else"
            raise ValueError(msg)
    if require_branch and repo.head.is_detached:
        msg = f"{folder}: HEAD is detached (no branch checked out); run git switch <branch> first"
        raise ValueError(msg)
    if require_clean and repo.is_dirty(index=True, working_tree=True, untracked_files=True):
        msg = f"{folder}: the work tree is dirty (uncommitted changes or untracked files); commit or stash them first"
        raise ValueError(msg)


def resolve_commit(repo: git.Repo, ref: str) -> str:
    """The full hash of the commit that ``ref`` names; ``ValueError`` for an unknown ref."""
    if not isinstance(ref, str) or not ref or ref.startswith("-"):
        msg = f"a ref must be a non-empty string not starting with '-', got {ref!r}"
        raise ValueError(msg)
    try:
        return repo.git.rev_parse("--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    except git.GitCommandError:
        msg = (
            f"unknown ref {ref!r}: no branch, tag or commit of that name in {repo.working_tree_dir}"
        )
        raise ValueError(msg) from None


def require_branch(repo: git.Repo, name: str) -> str:
    """The tip hash of local branch ``name``; ``ValueError`` if there is no such branch."""
    if not isinstance(name, str) or not name:
        msg = f"a branch name must be a non-empty string, got {name!r}"
        raise ValueError(msg)
    try:
        return repo.git.rev_parse("--verify", "--quiet", "--end-of-options", f"refs/heads/{name}")
    except git.GitCommandError:
        msg = f"unknown branch {name!r}: {repo.working_tree_dir} has no local branch of that name"
        raise ValueError(msg) from None


def is_ancestor(repo: git.Repo, older: str, newer: str) -> bool:
    """Whether commit ``older`` is reachable from ``newer`` (``git merge-base --is-ancestor``)."""
    try:
        repo.git.merge_base("--is-ancestor", older, newer)
    except git.GitCommandError as error:
        if error.status == 1:
            return False
        raise
    return True
