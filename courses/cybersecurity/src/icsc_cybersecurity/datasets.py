"""A small, reproducible "detector dataset" to protect with manifests and signatures.

:func:`make_dataset` writes the same bytes for the same ``seed`` on every machine (it
uses :class:`random.Random`, whose generator is specified, not numpy's defaults), so
that digests printed in the lecture and the notebook can be compared with a student's.
The layout mimics what a run of a small experiment leaves behind: raw event files,
calibration constants, per-run metadata, a log with a space in its name, a file with a
non-ASCII name and an empty file (the edge cases that manifest code gets wrong).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

DEFAULT_SEED = 2026


def _events(rng: random.Random, count: int) -> bytes:
    """``count`` fake events of 16 bytes: run-local id, two ADC counts, a time stamp."""
    out = bytearray()
    for event in range(count):
        out += event.to_bytes(4, "little")
        out += rng.getrandbits(16).to_bytes(2, "little")
        out += rng.getrandbits(16).to_bytes(2, "little")
        out += rng.getrandbits(64).to_bytes(8, "little")
    return bytes(out)


def make_dataset(root: str | Path, *, seed: int = DEFAULT_SEED, runs: int = 3) -> list[str]:
    """Write the toy dataset under ``root`` (created if needed); return its relative paths.

    The paths are POSIX-style, relative to ``root``, sorted. ``runs`` (1..99) raw-data
    runs are written, each with ``events.bin`` (a few kB) and ``meta.json``; the last run
    also holds an empty ``empty.dat``. Raises ``ValueError`` if ``runs`` is out of range
    or ``root`` exists and is not an empty directory (the function never overwrites).
    """
    if not 1 <= runs <= 99:
        msg = f"runs must be between 1 and 99, got {runs}"
        raise ValueError(msg)
    base = Path(root)
    if base.exists() and (not base.is_dir() or any(base.iterdir())):
        msg = f"{base} exists and is not an empty directory"
        raise ValueError(msg)
    rng = random.Random(seed)
    files: dict[str, bytes] = {
        "README.txt": (
            b"Toy detector dataset of the iCSC 2026 cybersecurity course.\n"
            b"Raw events are 16-byte records: id (u32), adc0 (u16), adc1 (u16), t (u64).\n"
        ),
        "calibration/pedestals.csv": b"channel,pedestal\n"
        + "".join(f"{ch},{rng.gauss(100.0, 3.0):.3f}\n" for ch in range(16)).encode(),
        "notes/shift log.txt": b"08:00 beam on\n08:42 HV trip in sector 3, recovered\n",
        "notes/\u00e9nergie.txt": "calibration en \u00e9nergie : voir pedestals.csv\n".encode(),
    }
    for run in range(1, runs + 1):
        events = 64 + rng.randrange(192)
        files[f"runs/run-{run:04d}/events.bin"] = _events(rng, events)
        meta = {"run": run, "events": events, "trigger": "minimum-bias", "seed": seed}
        files[f"runs/run-{run:04d}/meta.json"] = (json.dumps(meta, sort_keys=True) + "\n").encode()
    files[f"runs/run-{runs:04d}/empty.dat"] = b""
    for relative, data in files.items():
        target = base / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return sorted(files)


def flip_byte(path: str | Path, offset: int = 0) -> None:
    """Invert one byte of ``path`` in place (a silent, single-bit-class corruption).

    Raises ``ValueError`` if the file is empty or ``offset`` is outside it.
    """
    target = Path(path)
    data = bytearray(target.read_bytes())
    if not 0 <= offset < len(data):
        msg = f"offset {offset} is outside {target} ({len(data)} bytes)"
        raise ValueError(msg)
    data[offset] ^= 0xFF
    target.write_bytes(bytes(data))
