"""Run the ``git`` command line reproducibly and safely from Python.

:func:`git` runs ``git -C REPO ARGS...`` with an environment that ignores the user's
and the system's git configuration, fixes the locale (``LC_ALL=C``: parseable output),
never opens a pager, an editor or a credential prompt, and trusts repositories owned by
another user (``safe.directory=*`` given as command-line configuration, the only scope
besides global and system that git honours for it): in a grading sandbox the repository
belongs to the grader and the student's code runs as somebody else.

:func:`commit_env` adds a fixed author, committer and date, which is what makes the
commit ids of :mod:`icsc_cybersecurity.leaks` the same on every machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

#: Variables that would point git at another repository, identity or configuration.
REDIRECTING = (
    "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX",
    "GIT_CEILING_DIRECTORIES", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_AUTHOR_DATE",
    "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_COMMITTER_DATE", "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS", "GIT_TEMPLATE_DIR",
)  # fmt: skip


class GitError(RuntimeError):
    """git exited with a non-zero status; the message holds the command and its stderr."""


def git_executable() -> str:
    """The path of ``git``; ``FileNotFoundError`` with a one-sentence fix if it is missing."""
    found = shutil.which("git")
    if found is None:
        msg = "the git command line is not installed (or not on PATH); install git >= 2.28"
        raise FileNotFoundError(msg)
    return found


def clean_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """``os.environ`` without git redirections and with reproducible settings, plus ``extra``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in REDIRECTING and not key.startswith(("GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_"))
    }
    env.update(
        {
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_EDITOR": "true",
            "GIT_PAGER": "cat",
            "LC_ALL": "C",
            "LANGUAGE": "C",
            "GIT_CONFIG_COUNT": "1",
            "GIT_CONFIG_KEY_0": "safe.directory",
            "GIT_CONFIG_VALUE_0": "*",
        }
    )
    if extra:
        env.update(extra)
    return env


def commit_env(when: str, name: str = "Ada Analyst", email: str = "ada@example.org") -> dict:
    """Author and committer variables for a commit at ``when`` (e.g. ``2026-03-02T09:00:00+01:00``)."""
    return {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_COMMITTER_DATE": when,
    }


def git(repo: str | Path, *args: str, env: Mapping[str, str] | None = None) -> str:
    """Run ``git -C repo ARGS`` and return its standard output (UTF-8, invalid bytes replaced).

    Raises :class:`GitError` if git fails and ``FileNotFoundError`` if it is missing.
    """
    command = [git_executable(), "-C", str(repo), *args]
    done = subprocess.run(
        command, capture_output=True, env=clean_env(env), check=False, timeout=120
    )
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace").strip()
        msg = f"'git {' '.join(args)}' in {repo} failed ({done.returncode}): {stderr}"
        raise GitError(msg)
    return done.stdout.decode("utf-8", "replace")
