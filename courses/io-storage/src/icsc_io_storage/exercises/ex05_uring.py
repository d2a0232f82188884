# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 5 (optional): a tiny durable append-only store on io_uring.

Records are appended back to back to one file. Instead of one ``write`` system call per
record plus one ``fsync`` per record, :func:`append_records` queues a *batch* of writes
and one ``FSYNC`` on an io_uring (:class:`icsc_io_storage.uring.Ring`) and submits them
with ONE ``io_uring_enter`` call per batch. The ``FSYNC`` carries ``IOSQE_IO_DRAIN``: it
starts only after every write before it completed, so when its completion arrives the
whole batch is on stable storage and may be acknowledged (group commit).

:func:`read_records` reads records back, again a batch of reads per system call.
Requires a kernel that allows io_uring (see :func:`icsc_io_storage.uring.available`).
"""

from __future__ import annotations

import os

from icsc_io_storage.uring import IOSQE_IO_DRAIN, Ring

FSYNC_TAG = 1 << 62  # user_data of the fsync SQEs; record indices are smaller


def _check_batch(batch_size: object) -> int:
    if (
        isinstance(batch_size, bool)
        or not isinstance(batch_size, int)
        or not 1 <= batch_size <= 4095
    ):
        msg = f"batch_size must be an int in 1..4095, got {batch_size!r}"
        raise ValueError(msg)
    return batch_size


def _ring_size(batch_size: int) -> int:
    size = 1
    while size < batch_size + 1:
        size *= 2
    return size


def append_records(
    path: str | os.PathLike[str], records: list[bytes], batch_size: int = 32
) -> dict[str, object]:
    """Write ``records`` back to back into a new file ``path`` (truncated if it exists).

    Per batch of up to ``batch_size`` records: queue the writes (each at its own offset)
    and one ``fsync`` with ``IOSQE_IO_DRAIN``, submit them in one ``io_uring_enter``,
    wait for all completions and check them. Returns ``{"offsets": list[int] (byte offset
    of each record), "bytes": int (total), "batches": int, "durable_batches": int (fsync
    completions with result 0), "enter_calls": int (io_uring_enter calls made)}``.

    Raises ``TypeError`` if a record is not ``bytes``/``bytearray``, ``ValueError`` if
    ``batch_size`` is not in 1..4095, and ``OSError`` if a write or fsync fails or is short.
    """
    # HINT: offsets are the running sum of the record lengths; Ring(entries >= batch_size + 1).
    # HINT: per batch: ring.prep_write(...) for each record, ring.prep_fsync(fd, tag, IOSQE_IO_DRAIN),
    # HINT: then ring.submit_and_wait(len(batch) + 1) and check every ring.completions() result.
    # TODO: your code here.
    raise NotImplementedError("ex05_uring: this part is yours to write (icsc hint ex05)")


def read_records(
    path: str | os.PathLike[str], offsets: list[int], lengths: list[int], batch_size: int = 32
) -> list[bytes]:
    """Read ``lengths[i]`` bytes at ``offsets[i]`` for every i, a batch per system call.

    Returns the records as a list of ``bytes`` in the order asked. Raises ``ValueError``
    if ``offsets`` and ``lengths`` differ in length, an offset or length is negative,
    ``batch_size`` is not in 1..4095, or a read comes back short (message contains
    ``"short read"``: the record lies beyond the end of the file); ``FileNotFoundError``
    if ``path`` does not exist.
    """
    # HINT: ring.prep_read(fd, length, offset, i) per record; ring.take_buffer(i, result) afterwards.
    # TODO: your code here.
    raise NotImplementedError("ex05_uring: this part is yours to write (icsc hint ex05)")
