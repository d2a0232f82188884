# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 1: a SHA-256 manifest and a Merkle root for a dataset folder.

A *manifest* maps every file of a dataset to the SHA-256 digest of its bytes. Published
next to the data (or signed, exercise 2), it lets anyone detect a changed, missing or
extra file. A *Merkle root* condenses the whole manifest into one 32-byte value that can
be quoted in a paper, a logbook or a transparency log; RFC 6962 (Certificate
Transparency) fixes exactly how to compute it, so two independent programs agree.

You write:

* :func:`sha256_file`: the digest of one file, read in chunks (datasets do not fit in memory);
* :func:`build_manifest`: relative POSIX path -> digest for every regular file below a
  folder, refusing symbolic links and special files;
* :func:`merkle_root`: the RFC 6962 Merkle Tree Hash of a list of leaf inputs;
* :func:`manifest_root`: the Merkle root of a manifest (one leaf per manifest line);
* :func:`verify_dataset`: compare a folder with a manifest: changed, missing, extra.

:func:`format_manifest` and :func:`manifest_leaves` are given: they fix the text format
(the one ``sha256sum`` writes and ``sha256sum -c`` checks).
"""

from __future__ import annotations

import hashlib
import re
import stat
from pathlib import Path

CHUNK_BYTES = 1 << 16
"""Read files in pieces of this size (64 KiB): memory use must not grow with file size."""

HEX_DIGEST = re.compile(r"^[0-9a-f]{64}$")


def format_manifest(manifest: dict[str, str]) -> str:
    """The manifest as ``sha256sum`` text: ``<digest>  <path>\\n`` per file, sorted by path.

    >>> format_manifest({"b.txt": "0" * 64, "a.txt": "f" * 64}).splitlines()[0][-7:]
    '  a.txt'
    """
    return "".join(f"{manifest[path]}  {path}\n" for path in sorted(manifest))


def manifest_leaves(manifest: dict[str, str]) -> list[bytes]:
    """The Merkle leaf inputs of a manifest: its ``format_manifest`` lines, UTF-8, in order."""
    return [f"{manifest[path]}  {path}\n".encode() for path in sorted(manifest)]


def _check_manifest(manifest: dict[str, str]) -> None:
    """``TypeError``/``ValueError`` unless keys are safe relative paths and values digests."""
    if not isinstance(manifest, dict):
        msg = f"a manifest must be a dict of path -> digest, got {type(manifest).__name__}"
        raise TypeError(msg)
    for path, digest in manifest.items():
        if not isinstance(path, str) or not isinstance(digest, str):
            msg = f"manifest entries must be str -> str, got {path!r}: {digest!r}"
            raise TypeError(msg)
        parts = path.split("/")
        if path.startswith("/") or "\\" in path or any(p in {"", ".", ".."} for p in parts):
            msg = f"manifest path {path!r} is not a clean relative POSIX path"
            raise ValueError(msg)
        if not HEX_DIGEST.match(digest):
            msg = f"manifest digest for {path!r} is not 64 lowercase hex characters"
            raise ValueError(msg)


def sha256_file(path: str | Path) -> str:
    """The SHA-256 digest of the file's bytes, as 64 lowercase hex characters.

    Reads the file in chunks of :data:`CHUNK_BYTES`. A missing file raises
    ``FileNotFoundError``; a directory raises ``IsADirectoryError`` (what ``open``
    raises).

    >>> import tempfile, pathlib
    >>> empty = pathlib.Path(tempfile.mkdtemp()) / "empty"
    >>> _ = empty.write_bytes(b"")
    >>> sha256_file(empty)[:16]
    'e3b0c44298fc1c14'
    """
    # HINT: hashlib.sha256(); read with f.read(CHUNK_BYTES) in a loop and call .update().
    # TODO: your code here.
    raise NotImplementedError("ex01_dataset_manifest: this part is yours to write (icsc hint ex01)")


def build_manifest(root: str | Path) -> dict[str, str]:
    """Relative POSIX path -> SHA-256 hex digest for every regular file below ``root``.

    Subfolders are walked recursively; folders themselves are not entries; keys use
    ``/`` whatever the platform and are returned in sorted order. A symbolic link
    (to a file or a folder) or a special file (FIFO, socket, device) anywhere below
    ``root`` raises ``ValueError`` naming it: following links would put files from
    outside the dataset into its manifest. ``root`` that is not a directory raises
    ``NotADirectoryError``.
    """
    # HINT: Path.rglob("*") walks the tree; check path.is_symlink() BEFORE is_file() (is_file follows links).
    # HINT: path.relative_to(root).as_posix() gives the key.
    # TODO: your code here.
    raise NotImplementedError("ex01_dataset_manifest: this part is yours to write (icsc hint ex01)")


def merkle_root(leaves: list[bytes]) -> str:
    """The RFC 6962 (section 2.1) Merkle Tree Hash of ``leaves``, as 64 hex characters.

    ``leaves`` are the raw leaf *inputs*, in order (not their hashes). With SHA-256:

    * no leaves: ``SHA-256(b"")``;
    * one leaf ``d``: ``SHA-256(b"\\x00" + d)``;
    * ``n > 1`` leaves: with ``k`` the largest power of two *smaller than* ``n``,
      ``SHA-256(b"\\x01" + MTH(leaves[:k]) + MTH(leaves[k:]))``.

    The 0x00/0x01 prefixes keep a leaf from ever being mistaken for an inner node.
    Raises ``TypeError`` if an element is not ``bytes``.
    """
    # HINT: recursion on the split point k = 1 << ((n - 1).bit_length() - 1) for n > 1.
    # TODO: your code here.
    raise NotImplementedError("ex01_dataset_manifest: this part is yours to write (icsc hint ex01)")


def manifest_root(manifest: dict[str, str]) -> str:
    """The Merkle root of a manifest: :func:`merkle_root` of :func:`manifest_leaves`.

    Raises ``ValueError`` if a key is not a clean relative POSIX path (absolute, ``..``,
    ``.``, empty segment, backslash) or a value is not 64 lowercase hex characters;
    ``TypeError`` if ``manifest`` is not a dict of ``str`` to ``str``.
    """
    # HINT: validate first (the helper _check_manifest does it), then combine the two functions.
    # TODO: your code here.
    raise NotImplementedError("ex01_dataset_manifest: this part is yours to write (icsc hint ex01)")


def verify_dataset(root: str | Path, manifest: dict[str, str]) -> dict[str, list[str]]:
    """Compare the files below ``root`` with ``manifest``.

    Returns ``{"changed": [...], "missing": [...], "extra": [...]}``, each a sorted list
    of relative paths: in both but with another digest; in the manifest only; on disk
    only. All three empty means the dataset is intact. Raises what
    :func:`build_manifest` raises for the folder and what :func:`manifest_root` raises
    for a malformed manifest.
    """
    # HINT: build the manifest of the folder and compare the two dicts with set operations on keys.
    # TODO: your code here.
    raise NotImplementedError("ex01_dataset_manifest: this part is yours to write (icsc hint ex01)")
