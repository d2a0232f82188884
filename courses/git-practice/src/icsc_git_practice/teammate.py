"""A simulated team mate who pushes to the shared remote at the worst possible moment.

The team scenario installs a ``pre-push`` hook in every clone. The first time a clone
pushes, the hook runs ``python -m icsc_git_practice.teammate ...`` *after* git has read
the remote's branches and *before* it sends the update; this module then adds one commit
to the remote's branch directly (plumbing only: ``read-tree``, ``hash-object``,
``update-index``, ``write-tree``, ``commit-tree``, ``update-ref``). The push that follows
is refused by the remote (``! [remote rejected] main -> main (failed to update ref)``),
exactly as when a colleague's push lands a moment before yours. The fix is the usual:
fetch, rebase or merge, push again.

Each commit made here is appended to the log file, one full hash per line. Commit dates
are the scenario's start plus ten minutes per earlier commit, so a replay of the same
pushes gives the same hashes.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from icsc_git_practice.gitcli import Person, identity_env, run_git


def push_one_commit(remote: Path, branch: str, log: Path, person: Person, start: int) -> str:
    """Commit a new note file on ``branch`` of the bare ``remote``; return the new hash."""
    done = log.read_text().split() if log.exists() else []
    number = len(done) + 1
    when = start + 600 * number
    tip = run_git(remote, "rev-parse", "--verify", f"refs/heads/{branch}").stdout.decode().strip()
    handle, index_name = tempfile.mkstemp(prefix="icsc-teammate-index-")
    os.close(handle)
    Path(index_name).unlink()
    env = {"GIT_INDEX_FILE": index_name, **identity_env(person, when)}
    try:
        run_git(remote, "read-tree", tip, env=env)
        note = f"# Note {number}\n\n{person.name} re-ran the luminosity check; all good.\n"
        blob = run_git(remote, "hash-object", "-w", "--stdin", input_bytes=note.encode(), env=env)
        slug = person.name.split()[0].lower()
        path = f"notes/{slug}-{number}.md"
        run_git(
            remote,
            "update-index",
            "--add",
            "--cacheinfo",
            f"100644,{blob.stdout.decode().strip()},{path}",
            env=env,
        )
        tree = run_git(remote, "write-tree", env=env).stdout.decode().strip()
        message = f"Add luminosity note {number}\n".encode()
        commit = run_git(remote, "commit-tree", tree, "-p", tip, input_bytes=message, env=env)
        sha = commit.stdout.decode().strip()
        run_git(
            remote, "update-ref", "-m", "teammate push", f"refs/heads/{branch}", sha, tip, env=env
        )
    finally:
        Path(index_name).unlink(missing_ok=True)
    with log.open("a", encoding="utf-8") as out:
        out.write(sha + "\n")
    return sha


def main(argv: list[str] | None = None) -> int:
    """Command-line entry used by the pre-push hook; always returns 0 (never blocks a push)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("remote", type=Path)
    parser.add_argument("branch")
    parser.add_argument("log", type=Path)
    parser.add_argument("name")
    parser.add_argument("email")
    parser.add_argument("start", type=int)
    args = parser.parse_args(argv)
    push_one_commit(args.remote, args.branch, args.log, Person(args.name, args.email), args.start)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
