# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 2: diagnose and fix an analysis script with a bad I/O pattern.

:func:`energy_histogram_naive` is the kind of loop that makes a Grid job spend its wall
time in the kernel: it reads an EVTS file (format in :mod:`icsc_io_storage.iocount`)
one 20-byte record at a time from an *unbuffered* file, so every record costs a
``read(2)`` system call, and it seeks before every record. Run it with ``strace -c``
and you see hundreds of thousands of ``read`` calls for a few megabytes.

Your tasks:

* :func:`parse_proc_io` — turn the text of ``/proc/self/io`` into numbers, the cheapest
  way to see how many read calls (``syscr``) and bytes (``rchar``) a process issued;
* :func:`energy_histogram_fixed` — the same histogram, identical counts, with large
  reads (a buffered reader with a big buffer, or whole blocks of records decoded with
  :func:`numpy.frombuffer`). Open the file with
  :func:`icsc_io_storage.iocount.counting_open` so the tests can see how many reads
  reached the operating system.
"""

from __future__ import annotations

import os

import numpy as np

from icsc_io_storage.iocount import HEADER, MAGIC, RECORD_DTYPE, counting_open


def _read_header(f) -> int:
    header = f.read(HEADER.size)
    if len(header) != HEADER.size:
        msg = "not an EVTS file: header is truncated"
        raise ValueError(msg)
    magic, version, count = HEADER.unpack(header)
    if magic != MAGIC or version != 1:
        msg = f"not an EVTS version 1 file (magic {magic!r}, version {version})"
        raise ValueError(msg)
    return count


def _check_bins(bins: object, value_range: tuple[float, float]) -> tuple[int, float, float]:
    if isinstance(bins, bool) or not isinstance(bins, int) or bins <= 0:
        msg = f"bins must be a positive int, got {bins!r}"
        raise ValueError(msg)
    low, high = (float(v) for v in value_range)
    if not low < high:
        msg = f"value_range must satisfy low < high, got {value_range!r}"
        raise ValueError(msg)
    return bins, low, high


def energy_histogram_naive(
    path: str | os.PathLike[str], bins: int = 50, value_range: tuple[float, float] = (0.0, 200.0)
) -> dict[str, object]:
    """The slow original: one unbuffered ``read`` (and one ``seek``) per record.

    Returns ``{"counts": int64 array (bins,), "n_events": int, "read_calls": int}`` where
    the counts are those of :func:`numpy.histogram` of the energies (GeV) with ``bins``
    equal bins over ``value_range``. Raises ``ValueError`` for a file that is not EVTS v1,
    a truncated file, ``bins`` < 1 or an empty range.
    """
    bins, low, high = _check_bins(bins, value_range)
    f = counting_open(path)
    try:
        count = _read_header(f)
        energies = np.empty(count, dtype=np.float32)
        for i in range(count):
            f.seek(HEADER.size + i * RECORD_DTYPE.itemsize)
            record = f.read(RECORD_DTYPE.itemsize)
            if len(record) != RECORD_DTYPE.itemsize:
                msg = f"truncated EVTS file: record {i} of {count} is incomplete"
                raise ValueError(msg)
            energies[i] = np.frombuffer(record, dtype=RECORD_DTYPE)["energy"][0]
        read_calls = f.read_calls
    finally:
        f.close()
    counts, _ = np.histogram(energies, bins=bins, range=(low, high))
    return {"counts": counts.astype(np.int64), "n_events": int(count), "read_calls": read_calls}


def parse_proc_io(text: str) -> dict[str, int]:
    """Parse the ``key: value`` lines of ``/proc/<pid>/io`` (see proc(5)).

    Returns a dict with every key found (``rchar``, ``wchar``, ``syscr``, ``syscw``,
    ``read_bytes``, ``write_bytes``, ``cancelled_write_bytes``) mapped to an ``int``.
    Blank lines are ignored. Raises ``ValueError`` (message contains ``"line"``) for a
    line without exactly one ``:`` or whose value is not a non-negative integer, and
    ``ValueError`` (message contains ``"syscr"``) if ``syscr`` is missing.
    """
    # HINT: str.splitlines(), then partition(":") each non-empty line; int(value.strip()).
    # TODO: your code here.
    raise NotImplementedError("ex02_io_patterns: this part is yours to write (icsc hint ex02)")


def energy_histogram_fixed(
    path: str | os.PathLike[str],
    bins: int = 50,
    value_range: tuple[float, float] = (0.0, 200.0),
    chunk_records: int = 65536,
) -> dict[str, object]:
    """The same result as :func:`energy_histogram_naive`, with few, large reads.

    Reads at most ``chunk_records`` records per ``read`` call (so memory stays bounded
    for files larger than RAM) and accumulates the histogram chunk by chunk. Returns
    ``{"counts", "n_events", "read_calls"}`` like the naive version, with ``read_calls``
    taken from the :func:`counting_open` file. Raises ``ValueError`` like the naive
    version, and also if ``chunk_records`` < 1.
    """
    # HINT: read the header, then f.read(chunk_records * RECORD_DTYPE.itemsize) in a loop.
    # HINT: np.frombuffer(block, dtype=RECORD_DTYPE)["energy"], then np.histogram per chunk.
    # TODO: your code here.
    raise NotImplementedError("ex02_io_patterns: this part is yours to write (icsc hint ex02)")
