"""Shared fixtures of the io-storage checks (the hidden tests import them too)."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
import uproot

from icsc_io_storage.iocount import random_events, write_event_file
from icsc_io_storage.rangeserver import RangeServer
from icsc_io_storage.uring import available


@pytest.fixture
def make_data_file(tmp_path: Path) -> Callable[[int, int], tuple[Path, int, str]]:
    """``make(size, seed)`` writes ``size`` random bytes; returns ``(path, size, sha256)``.

    The expected digest comes from :mod:`hashlib` on the bytes in memory, independently of
    any reader under test.
    """

    def make(size: int, seed: int = 0) -> tuple[Path, int, str]:
        data = np.random.default_rng(seed).bytes(size)
        path = tmp_path / f"data-{size}-{seed}.bin"
        path.write_bytes(data)
        return path, size, hashlib.sha256(data).hexdigest()

    return make


@pytest.fixture
def event_file(tmp_path: Path) -> Callable[[int, int], Path]:
    """``make(n, seed)`` writes an EVTS file of ``n`` random events and returns its path."""

    def make(n: int, seed: int = 0) -> Path:
        return write_event_file(tmp_path / f"events-{n}-{seed}.evts", random_events(n, seed))

    return make


def reference_histogram(path: Path, bins: int, value_range: tuple[float, float]) -> np.ndarray:
    """Energy histogram of an EVTS file, computed independently with one np.fromfile."""
    records = np.fromfile(
        path,
        dtype=[("run", "<u4"), ("event", "<u4"), ("energy", "<f4"), ("eta", "<f4"), ("phi", "<f4")],
        offset=16,
    )
    return np.histogram(records["energy"], bins=bins, range=value_range)[0]


@pytest.fixture
def histogram_reference() -> Callable[[Path, int, tuple[float, float]], np.ndarray]:
    """:func:`reference_histogram` as a fixture."""
    return reference_histogram


@pytest.fixture
def root_file(tmp_path: Path) -> Callable[..., tuple[Path, dict[str, np.ndarray]]]:
    """``make(n, seed, baskets=3)`` writes a ROOT file with tree ``Events``.

    Branches: ``pt`` (float64, GeV, exponential), ``eta`` (float32, uniform in [-3, 3]),
    ``nhit`` (int32) and ``junk`` (float64, never needed), written in ``baskets`` calls
    of ``TTree.extend`` (one basket each). Returns ``(path, arrays)`` where ``arrays``
    holds the full NumPy arrays that were written: the independent reference.
    """

    def make(n: int, seed: int = 0, baskets: int = 3) -> tuple[Path, dict[str, np.ndarray]]:
        rng = np.random.default_rng(seed)
        arrays = {
            "pt": rng.exponential(20.0, n),
            "eta": rng.uniform(-3.0, 3.0, n).astype(np.float32),
            "nhit": rng.integers(0, 50, n).astype(np.int32),
            "junk": rng.normal(size=n),
        }
        path = tmp_path / f"events-{n}-{seed}.root"
        edges = np.linspace(0, n, baskets + 1).astype(int)
        with uproot.recreate(path) as f:
            f.mktree("Events", {name: a.dtype for name, a in arrays.items()})
            for start, stop in itertools.pairwise(edges):
                f["Events"].extend({name: a[start:stop] for name, a in arrays.items()})
        return path, arrays

    return make


@pytest.fixture
def range_server() -> Iterator[Callable[..., RangeServer]]:
    """``start(blob, latency_s=0.0)``: a running :class:`RangeServer` on 127.0.0.1, port 0.

    Every server started is shut down when the test ends.
    """
    servers: list[RangeServer] = []

    def start(blob: bytes, latency_s: float = 0.0) -> RangeServer:
        server = RangeServer(blob, latency_s).__enter__()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)


@pytest.fixture
def io_uring() -> None:
    """Skip the test (exercise 5 only) when this kernel or sandbox forbids io_uring."""
    ok, reason = available()
    if not ok:
        pytest.skip(f"exercise 5 needs io_uring: {reason}")
