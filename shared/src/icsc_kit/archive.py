"""Check a submission (a ``.zip`` or a folder) before anything of it is extracted or copied.

A submission is refused, with one reason, when it holds an absolute path, a ``..``
component, a symbolic or hard link, a device file, FIFO or socket, more than
``max_files`` entries, a file over ``max_file_bytes``, more than ``max_total_bytes``
uncompressed, or a member that compresses suspiciously well (a zip bomb). Only then are
its regular files copied, each read with a hard cap, into a staging folder.

Zip members carry their Unix mode in the high 16 bits of ``external_attr``; a link is
``S_IFLNK`` there (that is how ``zip --symlinks`` stores one).
"""

from __future__ import annotations

import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class ArchiveLimits:
    """Bounds on one submission (defaults fit exercise files and notes with a wide margin)."""

    max_files: int = 200
    max_file_bytes: int = 4 << 20
    max_total_bytes: int = 16 << 20
    max_ratio: int = 200


class InvalidSubmission(Exception):
    """The submission is refused; the message is the reason reported for the student."""


def _check_name(name: str) -> PurePosixPath:
    if not name or "\x00" in name or "\\" in name:
        msg = f"member {name!r} has an invalid name"
        raise InvalidSubmission(msg)
    path = PurePosixPath(name)
    if path.is_absolute() or (len(name) > 1 and name[1] == ":"):
        msg = f"member {name!r} has an absolute path"
        raise InvalidSubmission(msg)
    if ".." in path.parts:
        msg = f"member {name!r} climbs out of the archive with '..'"
        raise InvalidSubmission(msg)
    return path


def _check_mode(name: str, mode: int, *, what: str = "member") -> None:
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFLNK:
        msg = f"{what} {name!r} is a symbolic link"
        raise InvalidSubmission(msg)
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        msg = f"{what} {name!r} is a device file, FIFO or socket"
        raise InvalidSubmission(msg)


def validate_zip(path: Path, limits: ArchiveLimits) -> list[zipfile.ZipInfo]:
    """The regular-file members of ``path`` after every check; ``InvalidSubmission`` if not."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        msg = f"not a readable zip archive ({error})"
        raise InvalidSubmission(msg) from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_files:
            msg = f"too many files: {len(members)} (at most {limits.max_files})"
            raise InvalidSubmission(msg)
        seen: set[str] = set()
        total = 0
        files = []
        for info in members:
            path_in_zip = _check_name(info.filename)
            _check_mode(info.filename, info.external_attr >> 16)
            normalised = str(path_in_zip)
            if normalised in seen:
                msg = f"member {info.filename!r} appears twice"
                raise InvalidSubmission(msg)
            seen.add(normalised)
            if info.is_dir():
                continue
            if info.file_size > limits.max_file_bytes:
                msg = f"member {info.filename!r} is too large ({info.file_size} bytes uncompressed)"
                raise InvalidSubmission(msg)
            total += info.file_size
            if total > limits.max_total_bytes:
                msg = f"too large: more than {limits.max_total_bytes} bytes uncompressed"
                raise InvalidSubmission(msg)
            if (
                info.file_size > max(1, info.compress_size) * limits.max_ratio
                and info.file_size > 1 << 16
            ):
                msg = f"member {info.filename!r} looks like a zip bomb (compression ratio over {limits.max_ratio})"
                raise InvalidSubmission(msg)
            files.append(info)
        return files


def extract_zip(path: Path, destination: Path, limits: ArchiveLimits) -> list[str]:
    """Validate, then write the regular files of ``path`` under ``destination``."""
    members = validate_zip(path, limits)
    written = []
    with zipfile.ZipFile(path) as archive:
        for info in members:
            relative = PurePosixPath(info.filename)
            target = destination.joinpath(*relative.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with archive.open(info) as source, target.open("xb") as sink:
                    _copy_capped(source, sink, info.file_size, info.filename)
            except (zipfile.BadZipFile, OSError, EOFError) as error:
                msg = f"member {info.filename!r} cannot be read ({error})"
                raise InvalidSubmission(msg) from None
            written.append(str(relative))
    return sorted(written)


def _copy_capped(source: object, sink: object, cap: int, name: str) -> None:
    copied = 0
    while chunk := source.read(1 << 16):  # type: ignore[attr-defined]
        copied += len(chunk)
        if copied > cap:
            msg = f"member {name!r} is larger than it declares"
            raise InvalidSubmission(msg)
        sink.write(chunk)  # type: ignore[attr-defined]


def validate_directory(root: Path, limits: ArchiveLimits) -> list[str]:
    """The regular files under ``root`` (relative, sorted) after the same checks as a zip.

    Links are refused, not followed: a link to a reference solution must not become part
    of a submission. A file with more than one hard link is refused for the same reason.
    """
    info = root.lstat()
    _check_mode(root.name, info.st_mode, what="submission")
    files = []
    total = 0
    count = 0
    for folder, dirs, names in os.walk(root, followlinks=False):
        for name in sorted(dirs + names):
            count += 1
            if count > limits.max_files:
                msg = f"too many files (more than {limits.max_files})"
                raise InvalidSubmission(msg)
            full = Path(folder) / name
            relative = full.relative_to(root).as_posix()
            entry = full.lstat()
            _check_mode(relative, entry.st_mode, what="file")
            if stat.S_ISDIR(entry.st_mode):
                continue
            if entry.st_nlink > 1:
                msg = f"file {relative!r} is a hard link"
                raise InvalidSubmission(msg)
            if entry.st_size > limits.max_file_bytes:
                msg = f"file {relative!r} is too large ({entry.st_size} bytes)"
                raise InvalidSubmission(msg)
            total += entry.st_size
            if total > limits.max_total_bytes:
                msg = f"too large: more than {limits.max_total_bytes} bytes"
                raise InvalidSubmission(msg)
            files.append(relative)
    return sorted(files)


def copy_directory(root: Path, destination: Path, limits: ArchiveLimits) -> list[str]:
    """Validate, then copy the regular files of ``root`` under ``destination``."""
    files = validate_directory(root, limits)
    for relative in files:
        source = root / relative
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(source, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as reader, target.open("xb") as sink:
            if not stat.S_ISREG(os.fstat(reader.fileno()).st_mode):
                msg = f"file {relative!r} changed while it was copied"
                raise InvalidSubmission(msg)
            _copy_capped(reader, sink, limits.max_file_bytes, relative)
    return files
