"""Look at a repository from outside, with the git command line only.

The checks use these functions to judge a result independently of GitPython (which the
exercises use): integrity (``git fsck --full``), ancestry (``git rev-list``,
``git merge-base``), contents (``git ls-tree``, ``git cat-file``), change identity
(``git patch-id --stable``) and a full :func:`snapshot` to prove that a refused
operation left everything as it was. Students may use them too.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from icsc_git_practice.gitcli import git, run_git

#: Files in the git directory whose presence means an operation is half done.
OPERATION_FILES = (
    "MERGE_HEAD",
    "CHERRY_PICK_HEAD",
    "REVERT_HEAD",
    "BISECT_LOG",
    "BISECT_START",
    "rebase-merge",
    "rebase-apply",
    "index.lock",
)


def fsck_problems(repo: str | Path) -> list[str]:
    """Problems ``git fsck --full`` reports: empty for a healthy repository.

    Dangling objects (left behind by every history rewrite) are not problems.
    """
    done = run_git(repo, "fsck", "--full", "--no-dangling", "--no-progress", check=False)
    lines = (done.stdout + done.stderr).decode(errors="replace").splitlines()
    problems = [
        line for line in lines if line.strip() and not line.startswith(("Checking", "notice"))
    ]
    if done.returncode != 0 and not problems:
        problems.append(f"git fsck exited with status {done.returncode}")
    return problems


def rev(repo: str | Path, name: str) -> str:
    """The full hash ``name`` resolves to (``git rev-parse --verify``)."""
    return git(repo, "rev-parse", "--verify", "--end-of-options", name)


def commits(repo: str | Path, *range_args: str) -> list[str]:
    """``git rev-list --reverse --topo-order RANGE``: commit hashes, oldest first."""
    return git(repo, "rev-list", "--reverse", "--topo-order", *range_args).split()


def parents(repo: str | Path, commit: str) -> list[str]:
    """The parent hashes of ``commit``, in order."""
    return git(repo, "rev-list", "--parents", "-n", "1", commit).split()[1:]


def is_ancestor(repo: str | Path, older: str, newer: str) -> bool:
    """Whether ``older`` is reachable from ``newer`` (``git merge-base --is-ancestor``)."""
    return run_git(repo, "merge-base", "--is-ancestor", older, newer, check=False).returncode == 0


def log_field(repo: str | Path, commit: str, placeholder: str) -> str:
    """One ``git log --format`` field of ``commit``, e.g. ``%s`` (subject), ``%an``, ``%B``."""
    return git(repo, "log", "-1", f"--format={placeholder}", commit)


def changed_paths(repo: str | Path, commit: str) -> set[str]:
    """Paths that ``commit`` changes against its first parent (``git diff-tree``)."""
    return set(
        git(repo, "diff-tree", "--no-commit-id", "--name-only", "-r", "--root", commit).splitlines()
    )


def tree_files(repo: str | Path, commit: str) -> dict[str, bytes]:
    """Every file of ``commit``'s tree: path -> exact bytes (``git ls-tree`` + ``cat-file``)."""
    listing = run_git(repo, "ls-tree", "-r", "-z", "--full-tree", commit).stdout.decode()
    files = {}
    for entry in filter(None, listing.split("\0")):
        meta, path = entry.split("\t", 1)
        _, kind, sha = meta.split()
        if kind == "blob":
            files[path] = run_git(repo, "cat-file", "blob", sha).stdout
    return files


def patch_id(repo: str | Path, commit: str) -> str:
    """``git patch-id --stable`` of ``commit``: equal for the same change on another base."""
    diff = run_git(repo, "show", "--no-color", "--format=", commit).stdout
    out = run_git(repo, "patch-id", "--stable", input_bytes=diff).stdout.decode().split()
    return out[0] if out else ""


def head_state(repo: str | Path) -> str:
    """``refs/heads/<name>`` if a branch is checked out, else ``detached <hash>``."""
    done = run_git(repo, "symbolic-ref", "--quiet", "HEAD", check=False)
    if done.returncode == 0:
        return done.stdout.decode().strip()
    return f"detached {rev(repo, 'HEAD')}"


def is_clean(repo: str | Path) -> bool:
    """No staged, unstaged or untracked changes (ignored files do not count)."""
    return git(repo, "status", "--porcelain", "--untracked-files=all") == ""


def snapshot(repo: str | Path) -> dict[str, object]:
    """Everything a refused operation must leave unchanged.

    Every ref with its target, HEAD, the status (ignored files included), the SHA-256 of
    every work-tree file, which operation files exist in the git directory, and the
    hooks. Two snapshots compare equal exactly when none of this changed.
    """
    folder = Path(repo)
    git_dir = folder / git(folder, "rev-parse", "--git-dir")
    hooks = git_dir / "hooks"
    state: dict[str, object] = {
        "refs": git(folder, "for-each-ref", "--format=%(refname) %(objectname)"),
        "operations": [name for name in OPERATION_FILES if (git_dir / name).exists()],
        "hooks": sorted(p.name for p in hooks.iterdir()) if hooks.is_dir() else [],
    }
    if git(folder, "rev-parse", "--is-bare-repository") == "true":
        state["head"] = git(folder, "symbolic-ref", "HEAD")
        return state
    files = {}
    for path in sorted(folder.rglob("*")):
        if ".git" in path.relative_to(folder).parts or not path.is_file():
            continue
        files[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    state["head"] = head_state(folder)
    state["status"] = git(folder, "status", "--porcelain", "--untracked-files=all", "--ignored")
    state["files"] = files
    return state


def make_dirty(repo: str | Path) -> None:
    """Leave an uncommitted change in the first tracked file of ``repo`` (for refusal tests)."""
    tracked = git(repo, "ls-files").splitlines()[0]
    path = Path(repo, tracked)
    path.write_bytes(path.read_bytes() + b"\nlocal edit, not committed\n")


def detach_head(repo: str | Path) -> None:
    """Check out HEAD's commit itself, leaving HEAD detached (for refusal tests)."""
    run_git(repo, "checkout", "--quiet", "--detach", "HEAD")
