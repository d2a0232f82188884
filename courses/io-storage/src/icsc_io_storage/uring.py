"""A minimal io_uring ring in pure Python (ctypes), for exercise 5. Linux x86-64 only.

This is a teaching wrapper, not a production binding: it calls the system calls
``io_uring_setup(2)`` and ``io_uring_enter(2)`` directly, maps the submission queue
(SQ), the completion queue (CQ) and the SQE array with :mod:`mmap`, and fills SQEs
through :mod:`ctypes` structures laid out as in ``<linux/io_uring.h>``. Python's stores
are ordered on x86-64 (a total-store-order machine), which the ring protocol needs; on
other architectures real code needs explicit memory barriers (liburing has them).

Use :func:`available` first: kernels may disable io_uring (``kernel.io_uring_disabled``)
and container runtimes may block its system calls.
"""

from __future__ import annotations

import ctypes
import mmap
import os
import platform
from typing import Self

_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long

SYS_IO_URING_SETUP, SYS_IO_URING_ENTER = 425, 426  # x86-64 and (asm-generic) aarch64
IORING_OFF_SQ_RING, IORING_OFF_CQ_RING, IORING_OFF_SQES = 0, 0x8000000, 0x10000000
IORING_ENTER_GETEVENTS = 1
OP_FSYNC, OP_READ, OP_WRITE = 3, 22, 23
#: SQE flags: wait for all earlier SQEs before starting (drain), or start the next SQE
#: only after this one succeeded (link).
IOSQE_IO_DRAIN, IOSQE_IO_LINK = 1 << 1, 1 << 2
IORING_FSYNC_DATASYNC = 1


def _u32_fields(*names: str) -> list[tuple[str, type]]:
    return [(name, ctypes.c_uint32) for name in names]


class _SqOffsets(ctypes.Structure):
    _fields_ = [
        *_u32_fields(
            "head", "tail", "ring_mask", "ring_entries", "flags", "dropped", "array", "resv1"
        ),
        ("user_addr", ctypes.c_uint64),
    ]


class _CqOffsets(ctypes.Structure):
    _fields_ = [
        *_u32_fields(
            "head", "tail", "ring_mask", "ring_entries", "overflow", "cqes", "flags", "resv1"
        ),
        ("user_addr", ctypes.c_uint64),
    ]


class _Params(ctypes.Structure):
    _fields_ = [
        *_u32_fields(
            "sq_entries",
            "cq_entries",
            "flags",
            "sq_thread_cpu",
            "sq_thread_idle",
            "features",
            "wq_fd",
        ),
        ("resv", ctypes.c_uint32 * 3),
        ("sq_off", _SqOffsets),
        ("cq_off", _CqOffsets),
    ]


class _Sqe(ctypes.Structure):
    _fields_ = [
        ("opcode", ctypes.c_uint8),
        ("flags", ctypes.c_uint8),
        ("ioprio", ctypes.c_uint16),
        ("fd", ctypes.c_int32),
        ("off", ctypes.c_uint64),
        ("addr", ctypes.c_uint64),
        ("len", ctypes.c_uint32),
        ("op_flags", ctypes.c_uint32),
        ("user_data", ctypes.c_uint64),
        ("buf_index", ctypes.c_uint16),
        ("personality", ctypes.c_uint16),
        ("splice_fd_in", ctypes.c_int32),
        ("addr3", ctypes.c_uint64),
        ("pad", ctypes.c_uint64),
    ]


class _Cqe(ctypes.Structure):
    _fields_ = [("user_data", ctypes.c_uint64), ("res", ctypes.c_int32), ("flags", ctypes.c_uint32)]


def available() -> tuple[bool, str]:
    """``(True, "")`` if an io_uring can be created here, else ``(False, reason)``."""
    if platform.system() != "Linux" or platform.machine() not in ("x86_64", "AMD64"):
        return (
            False,
            f"io_uring wrapper supports Linux x86-64 only, not {platform.system()} {platform.machine()}",
        )
    params = _Params()
    fd = _libc.syscall(SYS_IO_URING_SETUP, 2, ctypes.byref(params))
    if fd < 0:
        err = ctypes.get_errno()
        return (
            False,
            f"io_uring_setup failed: {os.strerror(err)} (kernel or sandbox forbids io_uring)",
        )
    os.close(fd)
    return True, ""


class Ring:
    """One io_uring with ``entries`` SQ slots (a power of two, 1..4096).

    Queue requests with :meth:`prep_write`, :meth:`prep_read` and :meth:`prep_fsync`
    (each takes a ``user_data`` tag, an int you choose), then :meth:`submit_and_wait`
    submits everything queued in ONE ``io_uring_enter`` call and waits for ``wait_nr``
    completions; :meth:`completions` returns the finished ``(user_data, result)`` pairs
    (result = bytes transferred, or ``-errno``). ``enter_calls`` counts system calls.
    Raises ``OSError`` if the ring cannot be created and ``ValueError`` for bad
    ``entries``, a full SQ, or a duplicate ``user_data`` still in flight.
    """

    def __init__(self, entries: int = 64) -> None:
        if not isinstance(entries, int) or not 1 <= entries <= 4096 or entries & (entries - 1):
            msg = f"entries must be a power of two in 1..4096, got {entries!r}"
            raise ValueError(msg)
        params = _Params()
        fd = _libc.syscall(SYS_IO_URING_SETUP, entries, ctypes.byref(params))
        if fd < 0:
            err = ctypes.get_errno()
            raise OSError(err, f"io_uring_setup: {os.strerror(err)}")
        self.fd = fd
        self.entries = params.sq_entries
        self.enter_calls = 0
        protection, flags = mmap.PROT_READ | mmap.PROT_WRITE, mmap.MAP_SHARED | mmap.MAP_POPULATE
        sq_size = params.sq_off.array + params.sq_entries * 4
        cq_size = params.cq_off.cqes + params.cq_entries * ctypes.sizeof(_Cqe)
        self._sq = mmap.mmap(fd, sq_size, flags, protection, offset=IORING_OFF_SQ_RING)
        self._cq = mmap.mmap(fd, cq_size, flags, protection, offset=IORING_OFF_CQ_RING)
        self._sqe_map = mmap.mmap(
            fd, params.sq_entries * ctypes.sizeof(_Sqe), flags, protection, offset=IORING_OFF_SQES
        )
        self._sq_head = ctypes.c_uint32.from_buffer(self._sq, params.sq_off.head)
        self._sq_tail = ctypes.c_uint32.from_buffer(self._sq, params.sq_off.tail)
        self._sq_mask = ctypes.c_uint32.from_buffer(self._sq, params.sq_off.ring_mask).value
        self._sq_array = (ctypes.c_uint32 * params.sq_entries).from_buffer(
            self._sq, params.sq_off.array
        )
        self._cq_head = ctypes.c_uint32.from_buffer(self._cq, params.cq_off.head)
        self._cq_tail = ctypes.c_uint32.from_buffer(self._cq, params.cq_off.tail)
        self._cq_mask = ctypes.c_uint32.from_buffer(self._cq, params.cq_off.ring_mask).value
        self._sqes = (_Sqe * params.sq_entries).from_buffer(self._sqe_map)
        self._cqes = (_Cqe * params.cq_entries).from_buffer(self._cq, params.cq_off.cqes)
        self._queued = 0
        self._buffers: dict[int, ctypes.Array] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Unmap the rings and close the ring's file descriptor (idempotent)."""
        if self.fd < 0:
            return
        del self._sq_head, self._sq_tail, self._sq_array, self._cq_head, self._cq_tail
        del self._sqes, self._cqes
        for m in (self._sq, self._cq, self._sqe_map):
            m.close()
        os.close(self.fd)
        self.fd = -1

    @property
    def space_left(self) -> int:
        """Free SQ slots (queued but not yet submitted entries count as used)."""
        return self.entries - self._queued

    def _push(
        self,
        opcode: int,
        fd: int,
        addr: int,
        length: int,
        offset: int,
        user_data: int,
        flags: int,
        op_flags: int = 0,
    ) -> None:
        if self._queued >= self.entries:
            msg = f"the submission queue is full ({self.entries} entries): submit first"
            raise ValueError(msg)
        tail = self._sq_tail.value
        index = tail & self._sq_mask
        sqe = self._sqes[index]
        ctypes.memset(ctypes.addressof(sqe), 0, ctypes.sizeof(_Sqe))
        sqe.opcode, sqe.flags, sqe.fd, sqe.addr, sqe.len = opcode, flags, fd, addr, length
        sqe.off, sqe.user_data, sqe.op_flags = offset, user_data, op_flags
        self._sq_array[index] = index
        self._sq_tail.value = (tail + 1) & 0xFFFFFFFF  # publish: the kernel reads up to tail
        self._queued += 1

    def _keep(self, user_data: int, buffer: ctypes.Array) -> None:
        if user_data in self._buffers:
            msg = f"user_data {user_data} is already in flight"
            raise ValueError(msg)
        self._buffers[user_data] = buffer

    def prep_write(self, fd: int, data: bytes, offset: int, user_data: int, flags: int = 0) -> None:
        """Queue ``pwrite(fd, data, offset)``; the ring keeps a copy of ``data`` until done."""
        buffer = ctypes.create_string_buffer(bytes(data), len(data))
        self._keep(user_data, buffer)
        self._push(OP_WRITE, fd, ctypes.addressof(buffer), len(data), offset, user_data, flags)

    def prep_read(self, fd: int, nbytes: int, offset: int, user_data: int, flags: int = 0) -> None:
        """Queue ``pread(fd, nbytes, offset)``; fetch the bytes with :meth:`take_buffer`."""
        buffer = ctypes.create_string_buffer(nbytes)
        self._keep(user_data, buffer)
        self._push(OP_READ, fd, ctypes.addressof(buffer), nbytes, offset, user_data, flags)

    def prep_fsync(
        self, fd: int, user_data: int, flags: int = 0, *, datasync: bool = False
    ) -> None:
        """Queue ``fsync(fd)`` (``fdatasync`` if ``datasync``). Use ``IOSQE_IO_DRAIN`` in
        ``flags`` to start it only after every earlier request of the ring completed."""
        op_flags = IORING_FSYNC_DATASYNC if datasync else 0
        self._push(OP_FSYNC, fd, 0, 0, 0, user_data, flags, op_flags)

    def submit_and_wait(self, wait_nr: int = 0) -> int:
        """Submit every queued SQE in one ``io_uring_enter``; wait for ``wait_nr`` completions.

        Returns the number of SQEs the kernel consumed. Raises ``OSError`` on failure.
        """
        flags = IORING_ENTER_GETEVENTS if wait_nr else 0
        while True:
            done = _libc.syscall(SYS_IO_URING_ENTER, self.fd, self._queued, wait_nr, flags, None, 0)
            self.enter_calls += 1
            if done >= 0:
                break
            err = ctypes.get_errno()
            if err != 4:  # EINTR: retry
                raise OSError(err, f"io_uring_enter: {os.strerror(err)}")
        self._queued -= done
        return done

    def completions(self) -> list[tuple[int, int]]:
        """Every completion available now, as ``(user_data, result)``, in completion order."""
        out = []
        head = self._cq_head.value
        while head != self._cq_tail.value:
            cqe = self._cqes[head & self._cq_mask]
            out.append((int(cqe.user_data), int(cqe.res)))
            head = (head + 1) & 0xFFFFFFFF
            self._cq_head.value = head  # release the slot to the kernel
        return out

    def take_buffer(self, user_data: int, nbytes: int | None = None) -> bytes:
        """The buffer of request ``user_data`` (first ``nbytes``), released from the ring.

        Raises ``KeyError`` if no buffer is held for ``user_data``.
        """
        buffer = self._buffers.pop(user_data)
        raw = buffer.raw
        return raw if nbytes is None else raw[:nbytes]

    def release(self, user_data: int) -> None:
        """Forget the buffer of a finished request (no error if there is none)."""
        self._buffers.pop(user_data, None)
