"""Write commit histories with ``git fast-import``: exact, fast and reproducible.

A :class:`HistoryWriter` collects commits (files, message, author, date, parents) and feeds
them to ``git fast-import`` in one process. Because every byte of every commit object is
given (names, e-mails, Unix dates with their zone, messages, file contents), the commit
hashes depend only on what was asked for: the same calls give the same hashes on any
machine, for any user, under any git configuration.

Example::

    writer = HistoryWriter()
    root = writer.commit("refs/heads/main", "Initial commit", alice, 1773648000,
                         {"README.md": "hello\\n"})
    shas = writer.run(repo)          # {root: "<40 hex digits>"}
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from icsc_git_practice.gitcli import Person, run_git

#: Contents of a file in a commit: text (written as UTF-8), bytes, or None to delete it.
FileContent = str | bytes | None

TIMEZONE = "+0100"  # Geneva in March (CET), the school's time zone


def _data(payload: bytes) -> bytes:
    return b"data %d\n" % len(payload) + payload + b"\n"


def _path(path: str) -> bytes:
    if (
        not path
        or path.startswith("/")
        or any(c in path for c in '"\n\\')
        or ".." in path.split("/")
    ):
        msg = f"file path {path!r} must be relative, without '..', quotes, backslashes or newlines"
        raise ValueError(msg)
    return path.encode("utf-8")


class HistoryWriter:
    """Collects commits and tags, then writes them into a repository with fast-import.

    Parents are marks returned by :meth:`commit` (``":3"``) or full hashes of commits that
    already exist in the target repository. Marks are valid for one :meth:`run`.
    """

    def __init__(self) -> None:
        self._stream = bytearray()
        self._next_mark = 1

    def commit(
        self,
        ref: str,
        message: str,
        author: Person,
        when: int,
        changes: Mapping[str, FileContent],
        parents: Sequence[str] = (),
        committer: Person | None = None,
        committed: int | None = None,
    ) -> str:
        """Add a commit on ``ref`` and return its mark.

        ``changes`` maps paths to new contents (``None`` deletes); files not named are kept
        from the first parent. ``parents`` empty makes a root commit, two or more a merge.
        The committer defaults to the author and ``committed`` to ``when``.
        """
        if not ref.startswith("refs/"):
            msg = f"ref {ref!r} must be a full name such as refs/heads/main"
            raise ValueError(msg)
        mark = f":{self._next_mark}"
        self._next_mark += 1
        who = committer or author
        stamp = committed if committed is not None else when
        out = self._stream
        out += b"commit " + ref.encode() + b"\n"
        out += b"mark " + mark.encode() + b"\n"
        out += f"author {author.ident} {when} {TIMEZONE}\n".encode()
        out += f"committer {who.ident} {stamp} {TIMEZONE}\n".encode()
        out += _data(message.encode("utf-8"))
        if parents:
            out += b"from " + parents[0].encode() + b"\n"
            for parent in parents[1:]:
                out += b"merge " + parent.encode() + b"\n"
        for path in sorted(changes):
            content = changes[path]
            if content is None:
                out += b"D " + _path(path) + b"\n"
                continue
            payload = content.encode("utf-8") if isinstance(content, str) else bytes(content)
            out += b"M 100644 inline " + _path(path) + b"\n" + _data(payload)
        out += b"\n"
        return mark

    def tag(self, name: str, target: str, message: str, tagger: Person, when: int) -> None:
        """Add an annotated tag ``name`` pointing at ``target`` (a mark or a full hash)."""
        out = self._stream
        out += b"tag " + name.encode() + b"\n"
        out += b"from " + target.encode() + b"\n"
        out += f"tagger {tagger.ident} {when} {TIMEZONE}\n".encode()
        out += _data(message.encode("utf-8"))

    def reset(self, ref: str, target: str) -> None:
        """Point ``ref`` (``refs/heads/...``) at ``target`` (a mark or a full hash)."""
        self._stream += b"reset " + ref.encode() + b"\nfrom " + target.encode() + b"\n\n"

    def run(self, repository: str | Path) -> dict[str, str]:
        """Feed everything to ``git fast-import`` in ``repository``; return mark -> hash.

        The writer is empty afterwards (marks restart at ``:1``). Raises
        :class:`~icsc_git_practice.gitcli.GitError` if fast-import refuses the stream.
        """
        handle, marks_name = tempfile.mkstemp(prefix="icsc-marks-", suffix=".txt")
        os.close(handle)
        marks_file = Path(marks_name)
        try:
            run_git(
                repository,
                "fast-import",
                "--quiet",
                "--date-format=raw",
                f"--export-marks={marks_file}",
                input_bytes=bytes(self._stream) + b"done\n",
                env=None,
            )
            marks = dict(line.split(" ", 1) for line in marks_file.read_text().splitlines() if line)
        finally:
            marks_file.unlink(missing_ok=True)
        self._stream = bytearray()
        self._next_mark = 1
        return marks
