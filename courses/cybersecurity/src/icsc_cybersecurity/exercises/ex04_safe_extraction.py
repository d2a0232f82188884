# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 4: extract untrusted tar and zip archives safely.

``tarfile.extractall(path)`` without a filter writes wherever the archive says:
``../../.bashrc``, ``/etc/cron.d/job``, a symbolic link to ``/`` followed by a file
"inside" it, a device node. This has been known since 2007 (CVE-2007-4559) and Python
only gained a safe mode in 2023 (PEP 706, ``filter="data"``). Datasets, software
releases and student submissions all arrive as archives, so an extractor that refuses
what a dataset never needs is a basic tool of research computing.

The policy here is stricter than PEP 706's ``data`` filter, on purpose:

* member names must be clean relative paths: no absolute path (``/x``, ``C:x``), no
  ``..`` segment, no backslash, no NUL; ``.`` and empty segments are dropped;
* only regular files and directories: *every* link (symbolic or hard) and every special
  file (device, FIFO) is refused; a dataset never needs them;
* no name twice (a later member silently replacing an earlier one hides content);
* limits on the number of members, the total uncompressed size and, for zip, the
  compression ratio of large members (decompression bombs);
* extracted files get mode 0644, or 0755 when the owner could execute them: no setuid,
  setgid or sticky bit, no group or world write;
* all or nothing: the destination must be an empty directory, every member is checked
  before anything is written, and if extraction fails half-way (a corrupt stream, a
  member larger than it said) the destination is emptied again.

Refusals raise ``ValueError`` whose message names the member and contains one of:
``"absolute path"``, ``"traversal"``, ``"backslash"``, ``"invalid name"``, ``"link"``,
``"special file"``, ``"duplicate"``, ``"too many members"``, ``"too large"``,
``"compression ratio"``, ``"corrupt"``, ``"not empty"``.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tarfile
import zipfile
from pathlib import Path

MAX_MEMBERS = 1000
MAX_TOTAL_BYTES = 64 << 20
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 1 << 20
"""The ratio limit applies to members that expand to at least this many bytes."""

CHUNK_BYTES = 1 << 16
DRIVE = re.compile(r"^[A-Za-z]:")


def _prepare_destination(dest: str | Path) -> Path:
    """``dest`` as a Path; ``NotADirectoryError`` / ``ValueError("not empty")`` otherwise."""
    target = Path(dest)
    if not target.is_dir():
        msg = f"{target} is not a directory"
        raise NotADirectoryError(msg)
    if any(target.iterdir()):
        msg = f"destination {target} is not empty"
        raise ValueError(msg)
    return target


def _empty(dest: Path) -> None:
    """Remove everything inside ``dest`` (which was empty before extraction started)."""
    for child in dest.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _write_file(target: Path, chunks, declared: int, executable: bool, name: str) -> None:
    """Given helper: create ``target`` from ``chunks`` without following or replacing anything.

    Parent folders are created; the file is opened with ``O_CREAT | O_EXCL | O_NOFOLLOW``
    and mode 0755 or 0644. Raises ``ValueError("... too large")`` as soon as more than
    ``declared`` bytes arrive, ``OSError`` if the file exists or the path is blocked.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, 0o755 if executable else 0o644)
    written = 0
    with os.fdopen(fd, "wb") as stream:
        for chunk in chunks:
            written += len(chunk)
            if written > declared:
                msg = f"member {name!r} is larger than it declared (too large)"
                raise ValueError(msg)
            stream.write(chunk)
    target.chmod(0o755 if executable else 0o644)


def _chunks(stream):
    """The content of a binary ``stream`` in pieces of at most :data:`CHUNK_BYTES`."""
    while chunk := stream.read(CHUNK_BYTES):
        yield chunk


def safe_member_path(name: str) -> str:
    """The clean relative POSIX path for the archive member ``name``, or ``ValueError``.

    Drops ``.`` and empty segments (``./data//x/`` -> ``data/x``); ``""`` stands for the
    destination itself (the member ``./`` that ``tar -C dir .`` writes). Refuses, with
    the keyword in the message: a leading ``/`` or a drive letter (``"absolute path"``),
    a ``..`` segment (``"traversal"``), a backslash (``"backslash"``: a separator on
    Windows), a NUL character or a non-``str`` (``"invalid name"``).
    """
    # HINT: check the raw name first (absolute, backslash), then split on "/" and look at the segments.
    # TODO: your code here.
    raise NotImplementedError("ex04_safe_extraction: this part is yours to write (icsc hint ex04)")


def safe_extract_tar(
    archive: str | Path,
    dest: str | Path,
    *,
    max_members: int = MAX_MEMBERS,
    max_total_bytes: int = MAX_TOTAL_BYTES,
) -> list[str]:
    """Extract the tar ``archive`` (plain or compressed) into the empty folder ``dest``.

    Applies the policy of the module docstring; returns the sorted relative paths of the
    extracted *files*. On refusal nothing is left in ``dest``. Raises ``ValueError`` as
    described above, ``NotADirectoryError`` if ``dest`` is not a directory.
    """
    # HINT: iterate `for member in tar:` and count as you go; member.isreg(), .isdir(), .islnk(), .issym().
    # HINT: write with tar.extractfile(member), never with tar.extract()/extractall().
    # TODO: your code here.
    raise NotImplementedError("ex04_safe_extraction: this part is yours to write (icsc hint ex04)")


def safe_extract_zip(
    archive: str | Path,
    dest: str | Path,
    *,
    max_members: int = MAX_MEMBERS,
    max_total_bytes: int = MAX_TOTAL_BYTES,
    max_ratio: float = MAX_RATIO,
) -> list[str]:
    """Extract the zip ``archive`` into the empty folder ``dest``; return the file paths.

    Same policy as :func:`safe_extract_tar`. A member is a link when the Unix mode in
    the high 16 bits of ``ZipInfo.external_attr`` says ``S_IFLNK`` and a special file
    when that mode is set and is neither a regular file nor a directory. Sizes come from
    the central directory (``file_size``, ``compress_size``) and are *also* counted while
    decompressing: a member that turns out larger than declared, or whose CRC fails, is
    ``"corrupt"`` and the destination is emptied. A member that expands to at least
    :data:`RATIO_FLOOR_BYTES` with ``file_size / compress_size > max_ratio`` is refused
    (``"compression ratio"``).
    """
    # HINT: stat.S_ISLNK(info.external_attr >> 16); info.is_dir(); archive.open(info) streams a member.
    # TODO: your code here.
    raise NotImplementedError("ex04_safe_extraction: this part is yours to write (icsc hint ex04)")
