"""Frames on a pair of pipes between the trusted test process and the worker.

A frame is ``MAGIC``, the length of a UTF-8 JSON header, the number of binary buffers,
the header, then each buffer as (length, bytes). Nothing is unpickled: the header is
JSON and buffers stay bytes until :mod:`icsc_kit.grading.codec` checks and wraps them.

The reading side states its limits (header size, total buffer size, buffer count) and a
frame that exceeds them is refused before its bytes are read, so a hostile worker cannot
make the trusted side allocate without bound. Reads and writes take a ``deadline``
(``time.monotonic()`` seconds) and raise :class:`WireTimeout` when it passes.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import struct
import time
from dataclasses import dataclass
from typing import Any

MAGIC = b"ICS1"
_HEAD = struct.Struct("!4sQI")
_LENGTH = struct.Struct("!Q")
_CHUNK = 1 << 20


class WireError(Exception):
    """The other side broke the protocol (bad magic, oversized frame, invalid JSON)."""


class WireClosed(WireError):
    """The other side closed its end (it exited or was killed)."""


class WireTimeout(WireError):
    """The deadline passed before a whole frame was read or written."""


@dataclass(frozen=True)
class WireLimits:
    """What one received frame may hold; ``max_buffers_bytes`` bounds all buffers together."""

    max_header_bytes: int = 64 << 20
    max_buffers_bytes: int = 1 << 30
    max_buffers: int = 100_000


class Connection:
    """Send and receive frames on file descriptors ``read_fd`` and ``write_fd``.

    With ``nonblocking=True`` (the trusted side) every read and write honours its
    deadline; the worker uses blocking descriptors and no deadlines.
    """

    def __init__(
        self,
        read_fd: int,
        write_fd: int,
        limits: WireLimits | None = None,
        *,
        nonblocking: bool = False,
    ) -> None:
        self.read_fd = read_fd
        self.write_fd = write_fd
        self.limits = limits or WireLimits()
        self.nonblocking = nonblocking
        if nonblocking:
            os.set_blocking(read_fd, False)
            os.set_blocking(write_fd, False)

    def close(self) -> None:
        for fd in {self.read_fd, self.write_fd}:
            with contextlib.suppress(OSError):
                os.close(fd)

    # -- sending -------------------------------------------------------------------------
    def send(
        self, header: dict[str, Any], buffers: list[bytes], deadline: float | None = None
    ) -> None:
        """Write one frame; ``WireClosed`` if the reader is gone."""
        text = json.dumps(header, separators=(",", ":"), allow_nan=True).encode("utf-8")
        self._write_all(_HEAD.pack(MAGIC, len(text), len(buffers)) + text, deadline)
        for buffer in buffers:
            self._write_all(_LENGTH.pack(len(buffer)), deadline)
            self._write_all(buffer, deadline)

    def _write_all(self, data: bytes | memoryview, deadline: float | None) -> None:
        view = memoryview(data).cast("B")
        while view:
            if self.nonblocking:
                self._wait(self.write_fd, select.POLLOUT, deadline)
            try:
                written = os.write(self.write_fd, view[:_CHUNK])
            except BlockingIOError:
                continue
            except (BrokenPipeError, ConnectionResetError) as error:
                msg = "the other side closed the channel"
                raise WireClosed(msg) from error
            view = view[written:]

    # -- receiving -----------------------------------------------------------------------
    def recv(self, deadline: float | None = None) -> tuple[Any, list[bytearray]]:
        """Read one frame: the decoded JSON header and the raw buffers."""
        magic, header_length, count = _HEAD.unpack(self._read_exact(_HEAD.size, deadline))
        if magic != MAGIC:
            msg = "bad frame marker"
            raise WireError(msg)
        if header_length > self.limits.max_header_bytes or count > self.limits.max_buffers:
            msg = "frame larger than allowed"
            raise WireError(msg)
        try:
            header = json.loads(self._read_exact(header_length, deadline).decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            msg = "frame header is not valid JSON"
            raise WireError(msg) from error
        buffers = []
        total = 0
        for _ in range(count):
            (length,) = _LENGTH.unpack(self._read_exact(_LENGTH.size, deadline))
            total += length
            if total > self.limits.max_buffers_bytes:
                msg = "frame buffers larger than allowed"
                raise WireError(msg)
            buffers.append(self._read_exact(length, deadline))
        return header, buffers

    def _read_exact(self, size: int, deadline: float | None) -> bytearray:
        result = bytearray(size)
        view = memoryview(result)
        filled = 0
        while filled < size:
            if self.nonblocking:
                self._wait(self.read_fd, select.POLLIN, deadline)
            try:
                got = os.readv(self.read_fd, [view[filled : filled + _CHUNK]])
            except BlockingIOError:
                continue
            if got == 0:
                msg = "the other side closed the channel"
                raise WireClosed(msg)
            filled += got
        return result

    @staticmethod
    def _wait(fd: int, event: int, deadline: float | None) -> None:
        poller = select.poll()
        poller.register(fd, event)
        while True:
            if deadline is None:
                timeout_ms = None
            else:
                left = deadline - time.monotonic()
                if left <= 0:
                    msg = "deadline passed"
                    raise WireTimeout(msg)
                timeout_ms = max(1, int(left * 1000))
            if poller.poll(timeout_ms):
                return
