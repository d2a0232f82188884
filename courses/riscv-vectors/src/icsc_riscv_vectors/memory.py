"""A byte-addressed, paged memory that the machine models load from and store to.

Addresses are plain integers. The memory covers ``[base, base + size)`` in pages of
``page_size`` bytes; everything outside, and every page that was unmapped, faults. That is
what makes fault-only-first loads (``vle8ff.v``) and missing tail handling visible: an
array placed with :meth:`PagedMemory.place_before_guard` ends exactly where an unmapped
"guard" page begins, so a kernel that reads or writes one element too many stops with a
:class:`MemoryFault` instead of silently touching someone else's data.
"""

from __future__ import annotations

import numpy as np

DEFAULT_BASE = 0x1_0000
DEFAULT_SIZE = 1 << 20
DEFAULT_PAGE = 4096


class MemoryFault(Exception):
    """An access touched an unmapped byte (a page fault on a real machine).

    ``address`` is the first faulting byte address.
    """

    def __init__(self, message: str, address: int) -> None:
        super().__init__(message)
        self.address = address


class PagedMemory:
    """Simulated memory of ``size`` bytes starting at ``base``, in pages of ``page_size``.

    ``size`` and ``base`` must be positive multiples of ``page_size``, itself a power of
    two of at least 64 bytes (``ValueError`` otherwise). All pages start mapped and zeroed;
    address 0 (NULL) is never mapped. Host-side helpers (:meth:`alloc`, :meth:`place`,
    :meth:`read`, ...) are *not* instructions and are not counted by the machines.
    """

    def __init__(
        self, size: int = DEFAULT_SIZE, page_size: int = DEFAULT_PAGE, base: int = DEFAULT_BASE
    ) -> None:
        if page_size < 64 or page_size & (page_size - 1):
            msg = f"page_size must be a power of two >= 64, got {page_size}"
            raise ValueError(msg)
        if size <= 0 or size % page_size or base <= 0 or base % page_size:
            msg = f"size and base must be positive multiples of page_size={page_size}, got {size}, {base}"
            raise ValueError(msg)
        self.base, self.size, self.page_size = int(base), int(size), int(page_size)
        self._bytes = np.zeros(self.size, dtype=np.uint8)
        self._mapped = np.ones(self.size // self.page_size, dtype=bool)
        self._next = self.base

    # -- mapping -------------------------------------------------------------------------
    def unmap(self, address: int, nbytes: int) -> None:
        """Unmap every page that ``[address, address + nbytes)`` touches."""
        first, last = self._page_range(address, nbytes)
        self._mapped[first : last + 1] = False

    def map(self, address: int, nbytes: int) -> None:
        """Map (again) every page that ``[address, address + nbytes)`` touches."""
        first, last = self._page_range(address, nbytes)
        self._mapped[first : last + 1] = True

    def _page_range(self, address: int, nbytes: int) -> tuple[int, int]:
        if nbytes <= 0 or address < self.base or address + nbytes > self.base + self.size:
            msg = f"range [{address:#x}, +{nbytes}) is not inside the memory"
            raise ValueError(msg)
        offset = address - self.base
        return offset // self.page_size, (offset + nbytes - 1) // self.page_size

    def mapped(self, addresses: np.ndarray) -> np.ndarray:
        """Boolean array: is each byte address in ``addresses`` mapped?"""
        addresses = np.asarray(addresses, dtype=np.int64)
        offset = addresses - self.base
        inside = (offset >= 0) & (offset < self.size)
        pages = np.where(inside, offset, 0) // self.page_size
        return inside & self._mapped[pages]

    def first_fault(self, starts: np.ndarray, width: int) -> int | None:
        """Index of the first element ``[starts[i], starts[i] + width)`` that faults, or None.

        ``width`` (1..page_size bytes) is the element size; an element can touch at most two
        pages, so checking its first and last byte is enough.
        """
        starts = np.asarray(starts, dtype=np.int64)
        if starts.size == 0:
            return None
        ok = self.mapped(starts) & self.mapped(starts + (width - 1))
        bad = np.flatnonzero(~ok)
        return int(bad[0]) if bad.size else None

    # -- raw access (used by the machines) -----------------------------------------------
    def gather(self, starts: np.ndarray, width: int) -> np.ndarray:
        """Bytes of elements ``[starts[i], +width)``, shape ``(len(starts), width)``.

        Raises :class:`MemoryFault` naming the first faulting element's address.
        """
        starts = np.asarray(starts, dtype=np.int64)
        self._check(starts, width, "load")
        index = (starts - self.base)[:, None] + np.arange(width)
        return self._bytes[index]

    def scatter(self, starts: np.ndarray, data: np.ndarray) -> None:
        """Write ``data`` (shape ``(len(starts), width)`` bytes) to ``[starts[i], +width)``.

        Checks every element first; a fault writes nothing.
        """
        starts = np.asarray(starts, dtype=np.int64)
        data = np.asarray(data, dtype=np.uint8)
        width = data.shape[1] if data.ndim == 2 else 1
        self._check(starts, width, "store")
        index = (starts - self.base)[:, None] + np.arange(width)
        self._bytes[index] = data.reshape(len(starts), width)

    def _check(self, starts: np.ndarray, width: int, what: str) -> None:
        bad = self.first_fault(starts, width)
        if bad is not None:
            address = int(starts[bad])
            msg = (
                f"memory fault: {what} of {width} byte(s) at {address:#x} touches an unmapped "
                f"page (element {bad} of this access)"
            )
            raise MemoryFault(msg, address)

    # -- host helpers --------------------------------------------------------------------
    def alloc(self, nbytes: int, align: int = 64) -> int:
        """Reserve ``nbytes`` (>= 0) at an address aligned to ``align``; returns the address.

        A bump allocator: nothing is ever freed. ``ValueError`` when memory runs out.
        """
        if nbytes < 0 or align <= 0 or align & (align - 1):
            msg = f"alloc needs nbytes >= 0 and a power-of-two align, got {nbytes}, {align}"
            raise ValueError(msg)
        address = -(-self._next // align) * align
        if address + nbytes > self.base + self.size:
            msg = f"simulated memory exhausted: {nbytes} bytes requested, size is {self.size}"
            raise ValueError(msg)
        self._next = address + nbytes
        return address

    def place(self, data: np.ndarray | bytes, align: int = 64) -> int:
        """Copy ``data`` (an array or bytes) into fresh memory; returns its address."""
        raw = _as_bytes(data)
        address = self.alloc(raw.size, align)
        self.write(address, raw)
        return address

    def place_before_guard(self, data: np.ndarray | bytes) -> int:
        """Copy ``data`` so that its last byte is the last byte before an unmapped page.

        Any access past the end of ``data`` faults. Returns the address of ``data``
        (the start of the guard page itself when ``data`` is empty).
        """
        raw = _as_bytes(data)
        pages = -(-raw.size // self.page_size) + 1
        start = self.alloc(pages * self.page_size, align=self.page_size)
        guard = start + (pages - 1) * self.page_size
        self.unmap(guard, self.page_size)
        address = guard - raw.size
        if raw.size:
            self.write(address, raw)
        return address

    def write(self, address: int, data: np.ndarray | bytes) -> None:
        """Host write of raw bytes (faults on unmapped pages like a store)."""
        raw = _as_bytes(data)
        if raw.size:
            self.scatter(np.array([address]), raw.reshape(1, -1))

    def read(self, address: int, nbytes: int) -> bytes:
        """Host read of ``nbytes`` raw bytes (faults on unmapped pages like a load)."""
        if nbytes == 0:
            return b""
        return self.gather(np.array([address]), nbytes).tobytes()

    def read_array(self, address: int, dtype: np.dtype | type, count: int) -> np.ndarray:
        """A copy of ``count`` elements of ``dtype`` stored at ``address``."""
        dtype = np.dtype(dtype)
        return np.frombuffer(self.read(address, count * dtype.itemsize), dtype=dtype).copy()


def _as_bytes(data: np.ndarray | bytes) -> np.ndarray:
    if isinstance(data, bytes | bytearray | memoryview):
        return np.frombuffer(bytes(data), dtype=np.uint8)
    if isinstance(data, np.ndarray):
        return np.ascontiguousarray(data).reshape(-1).view(np.uint8)
    msg = f"expected bytes or a numpy array, got {type(data).__name__}"
    raise TypeError(msg)
