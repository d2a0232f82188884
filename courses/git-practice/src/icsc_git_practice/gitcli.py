"""Run the real ``git`` command line in a controlled environment.

The scenario generators and the tests talk to git through :func:`git`, not through
GitPython, so that every check is made by a second, independent implementation of the
repository format. The environment is cleaned of everything that could make a run depend on
the machine: the user's global and system configuration (``GIT_CONFIG_GLOBAL`` points to
the null device, ``GIT_CONFIG_NOSYSTEM=1``), variables that redirect git to another
repository (``GIT_DIR``, ``GIT_INDEX_FILE``, ...), editors, pagers and the locale of
messages (``LC_ALL=C``, so that output can be parsed). ``safe.directory=*`` lets it read
repositories owned by another user, as in a grading sandbox.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

#: Variables that point git at another repository, identity or configuration; never inherited.
REDIRECTING_VARIABLES = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_PREFIX",
    "GIT_CEILING_DIRECTORIES",
    "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_AUTHOR_DATE",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
    "GIT_COMMITTER_DATE",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_TEMPLATE_DIR",
    "GIT_QUARANTINE_PATH",
    "GIT_REFLOG_ACTION",
    "GIT_SEQUENCE_EDITOR",
)


class GitError(RuntimeError):
    """A git command exited with a non-zero status; the message holds the command and stderr."""

    def __init__(self, args: list[str], cwd: Path, returncode: int, stderr: str) -> None:
        self.returncode = returncode
        self.stderr = stderr
        command = " ".join(args)
        super().__init__(
            f"'git {command}' in {cwd} exited with status {returncode}: {stderr.strip()}"
        )


@dataclass(frozen=True)
class Person:
    """A name and an e-mail address, as git records them in author and committer lines."""

    name: str
    email: str

    @property
    def ident(self) -> str:
        """``Name <email>``, the form git prints with ``%an <%ae>``."""
        return f"{self.name} <{self.email}>"


def git_executable() -> str:
    """The path of the ``git`` program; ``FileNotFoundError`` if git is not installed."""
    found = shutil.which("git")
    if found is None:
        msg = "the git command line is not installed (or not on PATH); install git >= 2.30"
        raise FileNotFoundError(msg)
    return found


def clean_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A copy of ``os.environ`` safe for reproducible git runs, updated with ``extra``."""
    env = {key: value for key, value in os.environ.items() if key not in REDIRECTING_VARIABLES}
    for key in [key for key in env if key.startswith(("GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_"))]:
        del env[key]
    env.update(
        {
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_EDITOR": "true",
            "GIT_PAGER": "cat",
            "LC_ALL": "C",
            "LANGUAGE": "C",
            # Repositories may belong to another user (a grading sandbox hands them to an
            # unprivileged user and inspects them as root); trust them. This is command-line
            # scope configuration, the only kind besides global/system that git honours
            # for safe.directory.
            "GIT_CONFIG_COUNT": "2",
            "GIT_CONFIG_KEY_0": "safe.directory",
            "GIT_CONFIG_VALUE_0": "*",
            # A repository written by graded code may name an fsmonitor command in its
            # .git/config; command-line scope wins over it, so git never runs that command.
            "GIT_CONFIG_KEY_1": "core.fsmonitor",
            "GIT_CONFIG_VALUE_1": "false",
        }
    )
    if extra:
        env.update(extra)
    return env


def identity_env(person: Person, when: int, tz: str = "+0100") -> dict[str, str]:
    """Author and committer variables: ``person`` at ``when`` (Unix seconds) in zone ``tz``."""
    date = f"{when} {tz}"
    return {
        "GIT_AUTHOR_NAME": person.name,
        "GIT_AUTHOR_EMAIL": person.email,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_NAME": person.name,
        "GIT_COMMITTER_EMAIL": person.email,
        "GIT_COMMITTER_DATE": date,
    }


def run_git(
    cwd: str | Path,
    *args: str,
    env: Mapping[str, str] | None = None,
    input_bytes: bytes | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git ARGS`` in ``cwd`` with :func:`clean_env` (plus ``env``); bytes in and out.

    Raises :class:`GitError` when ``check`` is true and git exits with a non-zero status.
    """
    folder = Path(cwd)
    command = [git_executable(), *args]
    completed = subprocess.run(
        command,
        cwd=folder,
        env=clean_env(env),
        input=input_bytes,
        capture_output=True,
        check=False,
    )
    if check and completed.returncode != 0:
        raise GitError(
            list(args), folder, completed.returncode, completed.stderr.decode(errors="replace")
        )
    return completed


def git(
    cwd: str | Path, *args: str, env: Mapping[str, str] | None = None, check: bool = True
) -> str:
    """Run ``git ARGS`` in ``cwd`` and return its standard output as text, trailing newline removed."""
    completed = run_git(cwd, *args, env=env, check=check)
    return completed.stdout.decode("utf-8", errors="replace").rstrip("\n")


def init_repository(
    path: str | Path, owner: Person, *, bare: bool = False, branch: str = "main"
) -> Path:
    """Create an empty repository at ``path`` whose local configuration names ``owner``.

    Nothing is taken from templates or the user's configuration: the local configuration
    sets ``user.name``/``user.email`` (so commits work for any user, root in CI included),
    turns off signing and line-ending conversion, and creates ``hooks/`` and ``info/``.
    Returns the path. ``FileExistsError`` if ``path`` exists and is not an empty folder.
    """
    folder = Path(path)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        msg = f"{folder} already exists and is not an empty folder; give a new path"
        raise FileExistsError(msg)
    folder.mkdir(parents=True, exist_ok=True)
    init_args = ["init", "--quiet", "--template=", f"--initial-branch={branch}"]
    if bare:
        init_args.append("--bare")
    run_git(folder, *init_args, ".")
    configure_repository(folder, owner)
    return folder


def configure_repository(folder: str | Path, owner: Person) -> None:
    """Write the local settings every course repository has (see :func:`init_repository`)."""
    settings = {
        "user.name": owner.name,
        "user.email": owner.email,
        "commit.gpgSign": "false",
        "tag.gpgSign": "false",
        "core.autocrlf": "false",
        "gc.auto": "0",
    }
    for key, value in settings.items():
        run_git(folder, "config", "--local", key, value)
    git_dir = Path(folder, run_git(folder, "rev-parse", "--git-dir").stdout.decode().strip())
    (git_dir / "hooks").mkdir(exist_ok=True)
    (git_dir / "info").mkdir(exist_ok=True)
