"""Counting file access, and the binary event files of exercise 2.

:func:`counting_open` opens a file *unbuffered* and counts every call that reaches the
operating system (``read``/``readinto``/``seek``). Wrap it in :class:`io.BufferedReader`
to see how buffering changes the count. :func:`write_event_file` writes the small
binary format used by exercise 2:

* header: 16 bytes, ``b"EVTS"``, little-endian ``uint32`` version (1), ``uint64`` count;
* then ``count`` records of :data:`RECORD_DTYPE` (20 bytes each, little-endian).
"""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path

import numpy as np

MAGIC = b"EVTS"
HEADER = struct.Struct("<4sIQ")
RECORD_DTYPE = np.dtype(
    [("run", "<u4"), ("event", "<u4"), ("energy", "<f4"), ("eta", "<f4"), ("phi", "<f4")]
)


class CountingRawFile(io.RawIOBase):
    """An unbuffered, read-only binary file that counts the calls reaching the OS.

    ``read_calls`` counts ``read``/``readinto`` calls (each is one ``read(2)`` system
    call), ``seek_calls`` counts ``seek`` calls and ``bytes_read`` the bytes returned.
    Raises ``FileNotFoundError`` (an ``OSError``) if ``path`` does not exist.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self._raw = io.FileIO(os.fspath(path), "rb")
        self.read_calls = 0
        self.seek_calls = 0
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        self.read_calls += 1
        n = self._raw.readinto(buffer)
        self.bytes_read += n or 0
        return n

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.seek_calls += 1
        return self._raw.seek(offset, whence)

    def tell(self) -> int:
        return self._raw.tell()

    def fileno(self) -> int:
        return self._raw.fileno()

    def close(self) -> None:
        self._raw.close()
        super().close()


def counting_open(path: str | os.PathLike[str]) -> CountingRawFile:
    """Open ``path`` for unbuffered binary reading with call counting (see the class)."""
    return CountingRawFile(path)


def write_event_file(path: str | os.PathLike[str], records: np.ndarray) -> Path:
    """Write ``records`` (a structured array of :data:`RECORD_DTYPE`) in the EVTS format.

    Raises ``ValueError`` if ``records`` does not have exactly that dtype. Returns the path.
    """
    records = np.asarray(records)
    if records.dtype != RECORD_DTYPE:
        msg = f"records must have dtype {RECORD_DTYPE}, got {records.dtype}"
        raise ValueError(msg)
    path = Path(path)
    with path.open("wb") as f:
        f.write(HEADER.pack(MAGIC, 1, records.size))
        f.write(records.tobytes())
    return path


def random_events(n: int, seed: int = 0) -> np.ndarray:
    """``n`` pseudo-random records of :data:`RECORD_DTYPE` (energies exponential, GeV)."""
    rng = np.random.default_rng(seed)
    out = np.zeros(n, dtype=RECORD_DTYPE)
    out["run"] = 1000 + rng.integers(0, 3, n)
    out["event"] = np.arange(n)
    out["energy"] = rng.exponential(20.0, n)
    out["eta"] = rng.uniform(-2.5, 2.5, n)
    out["phi"] = rng.uniform(-np.pi, np.pi, n)
    return out
