"""Benign and hostile tar and zip archives for exercise 4 (safe extraction).

Every builder writes one archive and returns its path. The hostile ones reproduce the
classic problems of archive extraction:

* path traversal (``../``) and absolute member names: CVE-2007-4559 for Python's
  ``tarfile``, "Zip Slip" for zip libraries;
* symbolic and hard links that point outside the destination, or a symlink followed by
  a file written *through* it;
* device files and FIFOs (tar can describe them; extracting them as root creates them);
* decompression bombs: a tiny compressed archive that expands enormously, archives with
  huge member counts, and a zip whose central directory lies about sizes.

The archives are small (kilobytes) but the ratios are real: a gzip stream of zeros
compresses about a thousandfold, close to DEFLATE's limit.
"""

from __future__ import annotations

import io
import stat
import struct
import tarfile
import warnings
import zipfile
from pathlib import Path

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
TAR_TIME = 315532800

BENIGN_FILES = {
    "dataset/README.txt": b"Benign archive of the iCSC 2026 cybersecurity course.\n",
    "dataset/runs/run-0001.csv": b"event,energy\n1,91.2\n2,88.7\n",
    "dataset/runs/run-0002.csv": b"event,energy\n1,90.4\n",
    "dataset/bin/analyse.sh": b"#!/bin/sh\necho analysing\n",
}
"""The files of :func:`benign_tar` / :func:`benign_zip` (``analyse.sh`` is executable)."""


def _tar_info(name: str, *, kind: bytes = tarfile.REGTYPE, size: int = 0, mode: int = 0o644):
    info = tarfile.TarInfo(name)
    info.type, info.size, info.mode, info.mtime = kind, size, mode, TAR_TIME
    info.uname = info.gname = "physicist"
    info.uid = info.gid = 1000
    return info


def _write_tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes]], mode: str = "w") -> Path:
    with tarfile.open(path, mode, format=tarfile.PAX_FORMAT) as archive:
        for info, data in members:
            archive.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return path


def _regular(name: str, data: bytes, mode: int = 0o644) -> tuple[tarfile.TarInfo, bytes]:
    return _tar_info(name, size=len(data), mode=mode), data


def _link(name: str, target: str, kind: bytes) -> tuple[tarfile.TarInfo, bytes]:
    info = _tar_info(name, kind=kind, mode=0o777 if kind == tarfile.SYMTYPE else 0o644)
    info.linkname = target
    return info, b""


def benign_tar(folder: str | Path, name: str = "benign.tar.gz") -> Path:
    """A gzip-compressed tar with directories and the files of :data:`BENIGN_FILES`."""
    members = [(_tar_info(d, kind=tarfile.DIRTYPE, mode=0o755), b"")
               for d in ("dataset", "dataset/runs", "dataset/bin")]  # fmt: skip
    for member, data in BENIGN_FILES.items():
        members.append(_regular(member, data, 0o755 if member.endswith(".sh") else 0o644))
    return _write_tar(Path(folder) / name, members, "w:gz")


def benign_zip(folder: str | Path, name: str = "benign.zip") -> Path:
    """A zip with the files of :data:`BENIGN_FILES` (``analyse.sh`` has mode 0755)."""
    path = Path(folder) / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in BENIGN_FILES.items():
            info = zipfile.ZipInfo(member, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = ((0o755 if member.endswith(".sh") else 0o644) | stat.S_IFREG) << 16
            archive.writestr(info, data)
    return path


def hostile_tars(folder: str | Path) -> dict[str, Path]:
    """Every hostile tar, by the name of its defect (one file each, in ``folder``).

    ``traversal``, ``absolute``, ``symlink-absolute``, ``symlink-escape``,
    ``symlink-then-write`` (a link to ``../..`` and a file written through it),
    ``hardlink-escape``, ``hardlink-absolute``, ``device``, ``fifo``, ``setuid``
    (a regular file with mode 4755: only its mode is wrong), ``duplicate``, ``bomb``
    (10 MiB of zeros, about 10 kB compressed), ``many-members`` (150 empty files),
    ``truncated`` (a header promising more data than the file holds).
    """
    base = Path(folder)
    made = {
        "traversal": [_regular("dataset/../../outside.txt", b"escaped\n")],
        "absolute": [_regular("/tmp/icsc-absolute.txt", b"escaped\n")],
        "symlink-absolute": [_link("dataset/passwd", "/etc/passwd", tarfile.SYMTYPE)],
        "symlink-escape": [_link("dataset/up", "../../..", tarfile.SYMTYPE)],
        "symlink-then-write": [
            _link("dataset/escape", "../..", tarfile.SYMTYPE),
            _regular("dataset/escape/planted.txt", b"written through a link\n"),
        ],
        "hardlink-escape": [_link("dataset/shadow", "../../etc/shadow", tarfile.LNKTYPE)],
        "hardlink-absolute": [_link("dataset/shadow", "/etc/shadow", tarfile.LNKTYPE)],
        "device": [(_tar_info("dataset/disk", kind=tarfile.BLKTYPE, mode=0o660), b"")],
        "fifo": [(_tar_info("dataset/pipe", kind=tarfile.FIFOTYPE), b"")],
        "setuid": [_regular("dataset/tool", b"#!/bin/sh\nid\n", 0o4755)],
        "duplicate": [
            _regular("dataset/a.txt", b"first\n"),
            _regular("dataset/a.txt", b"second\n"),
        ],
        "many-members": [_regular(f"dataset/f{i:05d}", b"") for i in range(150)],
    }
    made["device"][0][0].devmajor, made["device"][0][0].devminor = 8, 0
    paths = {name: _write_tar(base / f"{name}.tar", members) for name, members in made.items()}
    paths["bomb"] = _write_tar(
        base / "bomb.tar.gz", [_regular("dataset/zeros.bin", bytes(10 << 20))], "w:gz"
    )
    truncated = io.BytesIO()
    with tarfile.open(fileobj=truncated, mode="w", format=tarfile.PAX_FORMAT) as archive:
        info, data = _regular("dataset/big.bin", bytes(4096))
        archive.addfile(info, io.BytesIO(data))
    (base / "truncated.tar").write_bytes(truncated.getvalue()[:1536])
    paths["truncated"] = base / "truncated.tar"
    return paths


def _zip_with(path: Path, entries: list[tuple[str, bytes, int]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
        # zipfile warns "Duplicate name" when writing the same member twice, which is
        # exactly what the "duplicate" archive is for.
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
        for name, data, mode in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = mode << 16
            archive.writestr(info, data)
    return path


def _lie_about_size(path: Path, member: str, declared: int) -> None:
    """Rewrite the uncompressed-size fields of ``member`` (local header and central directory).

    Offsets from the zip specification (PKWARE APPNOTE.TXT, sections 4.3.7 and 4.3.12):
    22 in the local file header, 24 in a central directory header (whose file name
    length is at 28 and whose name starts at 46).
    """
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(member).header_offset
    struct.pack_into("<I", data, local + 22, declared)
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46 : offset + 46 + name_length] == member.encode():
            struct.pack_into("<I", data, offset + 24, declared)
            break
        offset = data.find(b"PK\x01\x02", offset + 4)
    path.write_bytes(bytes(data))


def hostile_zips(folder: str | Path) -> dict[str, Path]:
    """Every hostile zip, by defect: ``traversal``, ``absolute``, ``backslash``
    (``..\\..\\x``, traversal on Windows), ``symlink`` (a member whose mode says
    ``S_IFLNK``), ``duplicate``, ``bomb`` (20 MiB of zeros, ratio about 1000),
    ``many-members`` (2000 empty files), ``lying-size`` (declares 100 bytes, holds 1 MiB).
    """
    base = Path(folder)
    regular = stat.S_IFREG | 0o644
    paths = {
        "traversal": _zip_with(base / "traversal.zip", [("../../outside.txt", b"x\n", regular)]),
        "absolute": _zip_with(base / "absolute.zip", [("/tmp/icsc-absolute.txt", b"x\n", regular)]),
        "backslash": _zip_with(base / "backslash.zip", [("..\\..\\outside.txt", b"x\n", regular)]),
        "symlink": _zip_with(
            base / "symlink.zip", [("dataset/passwd", b"/etc/passwd", stat.S_IFLNK | 0o777)]
        ),
        "duplicate": _zip_with(
            base / "duplicate.zip",
            [("a.txt", b"first\n", regular), ("a.txt", b"second\n", regular)],
        ),
        "bomb": _zip_with(base / "bomb.zip", [("zeros.bin", bytes(20 << 20), regular)]),
        "many-members": _zip_with(
            base / "many-members.zip", [(f"f{i:05d}", b"", regular) for i in range(2000)]
        ),
        "lying-size": _zip_with(base / "lying-size.zip", [("data.bin", bytes(1 << 20), regular)]),
    }
    _lie_about_size(paths["lying-size"], "data.bin", 100)
    return paths
