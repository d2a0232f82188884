"""Exercise 1: three ways to read a file, one checksum.

Read the same file with

* :func:`read_buffered` — ordinary ``read`` calls through the page cache;
* :func:`read_direct` — ``O_DIRECT``: the kernel moves data straight between the device
  and *your* buffer, bypassing the page cache. The buffer address, the file offset and
  the length must be aligned (we use 4096 bytes); an anonymous :class:`mmap.mmap` is
  page-aligned, which is why we allocate the buffer that way;
* :func:`read_mmap` — map the file into memory and let page faults do the reading;

and make each return ``(number of bytes read, SHA-256 hex digest)``, identical to
:func:`hashlib.sha256` on the whole file. :func:`drop_cache` asks the kernel to forget
the file's cached pages (``posix_fadvise(POSIX_FADV_DONTNEED)``) so that the next read
really goes to the device: the only way to compare readers honestly.

Linux only (``O_DIRECT``, ``posix_fadvise``).
"""

from __future__ import annotations

import hashlib
import mmap
import os
from pathlib import Path

#: Alignment of O_DIRECT buffers, offsets and lengths (bytes); the page size on x86-64.
ALIGNMENT = 4096


def _check_block_size(block_size: object, multiple: int = 1) -> int:
    if isinstance(block_size, bool) or not isinstance(block_size, int):
        msg = f"block_size must be an int, got {type(block_size).__name__}"
        raise TypeError(msg)
    if block_size <= 0 or block_size % multiple:
        msg = f"block_size must be a positive multiple of {multiple} bytes, got {block_size}"
        raise ValueError(msg)
    return block_size


def read_buffered(path: str | os.PathLike[str], block_size: int = 1 << 20) -> tuple[int, str]:
    """Read ``path`` in blocks of ``block_size`` bytes with ordinary (page-cached) reads.

    Returns ``(n_bytes, sha256_hexdigest)`` of the whole file. Raises ``TypeError`` if
    ``block_size`` is not an int, ``ValueError`` if it is not positive, and
    ``FileNotFoundError`` if ``path`` does not exist.
    """
    # BEGIN SOLUTION
    # HINT: Path(path).open("rb", buffering=0) and f.readinto(a bytearray) until it returns 0.
    block_size = _check_block_size(block_size)
    digest = hashlib.sha256()
    total = 0
    buffer = bytearray(block_size)
    view = memoryview(buffer)
    with Path(path).open("rb", buffering=0) as f:
        while n := f.readinto(buffer):
            digest.update(view[:n])
            total += n
    return total, digest.hexdigest()
    # END SOLUTION


def read_direct(path: str | os.PathLike[str], block_size: int = 1 << 20) -> tuple[int, str]:
    """Read ``path`` with ``O_DIRECT`` into a page-aligned buffer of ``block_size`` bytes.

    Returns ``(n_bytes, sha256_hexdigest)`` of the whole file, like :func:`read_buffered`
    (the last read returns fewer bytes than asked: that is how O_DIRECT reports the end
    of file). Raises ``TypeError`` if ``block_size`` is not an int, ``ValueError`` unless
    it is a positive multiple of :data:`ALIGNMENT`, ``FileNotFoundError`` if ``path``
    does not exist, and ``OSError`` (``EINVAL``) on file systems without O_DIRECT (tmpfs).
    """
    # BEGIN SOLUTION
    # HINT: mmap.mmap(-1, block_size) gives page-aligned memory; os.readv(fd, [buf]) fills it.
    # HINT: open with os.open(path, os.O_RDONLY | os.O_DIRECT) and close the fd in a finally.
    block_size = _check_block_size(block_size, ALIGNMENT)
    digest = hashlib.sha256()
    total = 0
    fd = os.open(path, os.O_RDONLY | os.O_DIRECT)
    try:
        with mmap.mmap(-1, block_size) as buffer:
            view = memoryview(buffer)
            try:
                while n := os.readv(fd, [buffer]):
                    digest.update(view[:n])
                    total += n
            finally:
                view.release()
    finally:
        os.close(fd)
    return total, digest.hexdigest()
    # END SOLUTION


def read_mmap(path: str | os.PathLike[str]) -> tuple[int, str]:
    """Map ``path`` read-only and hash the mapping.

    Returns ``(n_bytes, sha256_hexdigest)``; an empty file (which cannot be mapped)
    gives ``(0, sha256(b"").hexdigest())``. Raises ``FileNotFoundError`` if ``path``
    does not exist.
    """
    # BEGIN SOLUTION
    # HINT: mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ); mapping an empty file fails.
    with Path(path).open("rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size == 0:
            return 0, hashlib.sha256().hexdigest()
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            mapped.madvise(mmap.MADV_SEQUENTIAL)
            return size, hashlib.sha256(mapped).hexdigest()
    # END SOLUTION


def drop_cache(path: str | os.PathLike[str]) -> None:
    """Ask the kernel to drop the cached pages of ``path`` (a hint, not a guarantee).

    Flushes dirty pages first (``fsync``: dirty pages cannot be dropped), then calls
    ``posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)``. Raises ``FileNotFoundError`` if
    ``path`` does not exist.
    """
    # BEGIN SOLUTION
    # HINT: os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED) after os.fsync(fd).
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
    # END SOLUTION
