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
    # BEGIN SOLUTION
    # HINT: start the merge without committing: repo.git.merge("--no-ff", "--no-commit", branch);
    # HINT: it raises git.GitCommandError when there are conflicts. Conflicted paths:
    # HINT: git diff --name-only --diff-filter=U. Stages :1: base, :2: ours, :3: theirs
    # HINT: (git show :2:path) feed git merge-file -p --ours/--theirs/--union.
    # HINT: commit with git commit --no-edit --cleanup=strip (strips the '# Conflicts' lines).
    if policy not in POLICIES:
        msg = f"policy must be one of {', '.join(POLICIES)}, got {policy!r}"
        raise ValueError(msg)
    with open_repo(repo_path) as repo:
        theirs = require_branch(repo, branch)
        if is_ancestor(repo, theirs, "HEAD"):
            msg = (
                f"branch {branch!r} is already merged into {repo.active_branch.name}; nothing to do"
            )
            raise ValueError(msg)
        try:
            repo.git.merge("--no-ff", "--no-commit", "--no-edit", branch)
        except git.GitCommandError:
            if not Path(repo.git_dir, "MERGE_HEAD").exists():
                raise
        try:
            conflicted = repo.git.diff("--name-only", "-z", "--diff-filter=U").split("\0")
            for path in filter(None, conflicted):
                _resolve(repo, path, policy)
            repo.git.commit("--quiet", "--no-edit", "--cleanup=strip")
        except (git.GitCommandError, RuntimeError) as error:
            repo.git.merge("--abort")
            if isinstance(error, RuntimeError):
                raise
            msg = f"could not complete the merge ({error.stderr.strip()}); it was aborted"
            raise RuntimeError(msg) from error
        return repo.git.rev_parse("HEAD")
    # END SOLUTION


def _resolve(repo: git.Repo, path: str, policy: str) -> None:
    """Resolve the content conflict in ``path`` with ``git merge-file --<policy>`` and stage it."""
    # BEGIN SOLUTION
    stages = {}
    for stage in (1, 2, 3):
        try:
            stages[stage] = repo.git.show(
                f":{stage}:{path}", stdout_as_string=False, strip_newline_in_stdout=False
            )
        except git.GitCommandError:
            msg = f"{path} is not a content conflict (stage {stage} is missing); resolve it by hand"
            raise RuntimeError(msg) from None
    folder = Path(repo.git_dir) / "icsc-merge-file"
    folder.mkdir(exist_ok=True)
    try:
        names = {stage: folder / str(stage) for stage in stages}
        for stage, content in stages.items():
            names[stage].write_bytes(content)
        merged = repo.git.merge_file(
            "-p", f"--{policy}", str(names[2]), str(names[1]), str(names[3]),
            stdout_as_string=False, strip_newline_in_stdout=False,
        )  # fmt: skip
    finally:
        for stage_file in folder.iterdir():
            stage_file.unlink()
        folder.rmdir()
    Path(repo.working_tree_dir, path).write_bytes(merged)
    repo.git.add("--", path)
    # END SOLUTION
