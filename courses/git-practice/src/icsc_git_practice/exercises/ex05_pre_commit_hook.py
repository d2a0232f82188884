# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 5: a pre-commit hook that stops big files, conflict markers and secrets.

Build a practice repository with::

    from icsc_git_practice.scenarios import hook_playground
    scenario = hook_playground("/tmp/hooks")

``git commit`` runs ``.git/hooks/pre-commit`` (if it exists and is executable) before it
records anything; a non-zero exit status cancels the commit. This file is both the
installer and the hook: the installed script runs *this file* with the Python that
installed it, and :func:`main` checks what is staged.

Check what is *staged* (the index), not the files in the work tree: the commit records
the index. During ``git commit -a`` or ``git commit <paths>`` git points the hook at a
temporary index through the ``GIT_INDEX_FILE`` environment variable; git commands run
from the hook (``git diff --cached``, ``git cat-file``) follow it automatically.
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
from pathlib import Path

from icsc_git_practice.safety import open_repo

#: Patterns of credentials that must never be committed, with a name for the message.
SECRET_PATTERNS = {
    "AWS access key id": re.compile(rb"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "private key": re.compile(rb"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----"),
    "GitHub token": re.compile(rb"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
}
#: A conflict marker is 7 '<' or '>' at the start of a line, then a space or the line end.
#: (A line of 7 '=' alone is not checked: it is also a reStructuredText heading underline.)
CONFLICT_MARKER = re.compile(rb"^(?:<{7}|>{7})(?: |$)", re.MULTILINE)
BINARY_PROBE = 8000  # bytes searched for NUL, as git's own binary detection does

DEFAULT_MAX_BYTES = 1_000_000


def staged_problems(repo_path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """Problems with the files staged for the next commit, one line each, sorted by path.

    A staged file (added, modified or type-changed; deletions are fine) is a problem if
    its staged content is larger than ``max_bytes`` bytes (message contains ``"too
    large"``); and, unless it is binary (a NUL byte in its first 8000 bytes), if a line
    starts with a conflict marker ``<<<<<<<`` or ``>>>>>>>`` (message contains
    ``"conflict marker"`` and the line number), or if it matches one of
    :data:`SECRET_PATTERNS` (message contains ``"secret"`` and the pattern's name). Each
    message starts with the file's path. Only regular files are checked (not symbolic
    links or submodules).

    Raises ``ValueError`` if ``repo_path`` is not a repository or ``max_bytes`` is not a
    positive int. The repository is only read.
    """
    # HINT: git diff --cached --raw -z --no-renames --diff-filter=AMT lists the staged blobs:
    # HINT: ":oldmode newmode oldsha newsha status\0path\0" records.
    # HINT: repo.git.cat_file("blob", sha, stdout_as_string=False, strip_newline_in_stdout=False)
    # HINT: gives the exact bytes.
    # TODO: your code here.
    raise NotImplementedError("ex05_pre_commit_hook: this part is yours to write (icsc hint ex05)")


def _content_problems(path: str, content: bytes, max_bytes: int) -> list[str]:
    """The problems of one staged file (see :func:`staged_problems`)."""
    # TODO: your code here.
    raise NotImplementedError("ex05_pre_commit_hook: this part is yours to write (icsc hint ex05)")


def install_pre_commit_hook(repo_path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Path:
    """Install a ``pre-commit`` hook in ``repo_path`` that runs :func:`main` on each commit.

    The hook is an executable shell script in the repository's hooks folder (``git
    rev-parse --git-path hooks``, normally ``.git/hooks``) that runs this file with the
    current Python interpreter (``sys.executable``) and ``--max-bytes <max_bytes>``.
    Returns the hook's path.

    Raises ``ValueError`` if ``repo_path`` is not a repository or ``max_bytes`` is not a
    positive int, and ``FileExistsError`` if a ``pre-commit`` hook is already there
    (it is never overwritten).
    """
    # HINT: the script: "#!/bin/sh\nexec <python> <this file> --max-bytes N\n", with every
    # HINT: path quoted by shlex.quote; Path(__file__).resolve() is this file.
    # HINT: make it executable: hook.chmod(0o755).
    # TODO: your code here.
    raise NotImplementedError("ex05_pre_commit_hook: this part is yours to write (icsc hint ex05)")


def run_git(repo_path: str | Path, *args: str) -> tuple[int, str]:
    """Run ``git ARGS`` in ``repo_path`` as a developer would, hooks included.

    Returns ``(exit status, standard error)``. The tests make their commits through this
    function, so that your hook runs with the same rights as the rest of your code (when
    grading isolates your code, that is not the grader's user). Leave it as it is.
    """
    done = subprocess.run(["git", *args], cwd=repo_path, capture_output=True, check=False)
    return done.returncode, done.stderr.decode("utf-8", errors="replace")


def _check_max_bytes(max_bytes: int) -> None:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        msg = f"max_bytes must be a positive int, got {max_bytes!r}"
        raise ValueError(msg)


def main(argv: list[str] | None = None) -> int:
    """The hook itself: print the staged problems to stderr; exit status 1 if there are any."""
    parser = argparse.ArgumentParser(description="pre-commit check of the staged files")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    args = parser.parse_args(argv)
    problems = staged_problems(Path.cwd(), args.max_bytes)
    for problem in problems:
        sys.stderr.write(f"pre-commit: {problem}\n")
    if problems:
        sys.stderr.write("pre-commit: commit rejected; fix the files above and stage them again\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
