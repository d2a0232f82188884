"""Our Python readers (exercise 1 reference solutions) side by side with fio.

Usage (from the repository root)::

    uv run python courses/io-storage/benchmarks/bench_readers.py [--size-mb 256] [--block-kb 1024]
        [--dir DIR] [--quick]

Writes one file of ``--size-mb`` MiB in ``--dir`` (default: a temporary folder), then, for
each reader, drops the file's pages from the page cache (``posix_fadvise(DONTNEED)``),
reads it once cold and once warm, and checks the SHA-256 against :mod:`hashlib`. If
``fio`` is installed (``apt-get install fio``) it runs fio sequential reads with the same
block size, buffered and ``--direct=1``, and prints every time as a ratio to fio's
buffered cold read. Without fio it prints a note and still times our readers. Exits 0
unless a reader returns wrong bytes (exit 1). Timings are for one run on one machine.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

import numpy as np

SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions"


def load_solution(name: str) -> ModuleType:
    """Import ``solutions/<name>.py`` without putting the folder on ``sys.path``."""
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", SOLUTIONS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(func, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


def run_fio(path: Path, block: int, *, direct: bool, drop) -> float | None:
    """Seconds fio needs to read ``path`` sequentially once (None if fio fails)."""
    drop(path)
    command = [
        "fio",
        "--name=seqread",
        f"--filename={path}",
        "--rw=read",
        f"--bs={block}",
        f"--size={path.stat().st_size}",
        "--ioengine=psync",
        f"--direct={int(direct)}",
        "--numjobs=1",
        "--output-format=json",
        "--invalidate=1",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    if done.returncode != 0:
        print(f"fio failed ({done.returncode}): {done.stderr.strip()[:300]}")
        return None
    job = json.loads(done.stdout)["jobs"][0]["read"]
    return job["runtime"] / 1e3 if job.get("runtime") else job["io_bytes"] / job["bw_bytes"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=256)
    parser.add_argument("--block-kb", type=int, default=1024)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--quick", action="store_true", help="8 MiB file, for tests")
    args = parser.parse_args(argv)
    size = (8 if args.quick else args.size_mb) << 20
    block = args.block_kb << 10
    ex01 = load_solution("ex01_readers")

    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        path = Path(folder) / "bench.bin"
        data = np.random.default_rng(0).bytes(size)
        path.write_bytes(data)
        expected = (size, hashlib.sha256(data).hexdigest())
        del data
        readers = {
            "buffered": lambda p: ex01.read_buffered(p, block),
            "O_DIRECT": lambda p: ex01.read_direct(p, block),
            "mmap": ex01.read_mmap,
        }
        rows: list[tuple[str, float, float | None]] = []
        for name, reader in readers.items():
            ex01.drop_cache(path)
            cold, result = timed(reader, path)
            warm, again = timed(reader, path)
            if result != expected or again != expected:
                print(f"{name}: WRONG RESULT {result} != {expected}")
                return 1
            rows.append((name, cold, warm))
        print(
            f"validated {len(readers)} readers on {size >> 20} MiB (SHA-256 identical to hashlib)"
        )

        fio = shutil.which("fio")
        if fio is None:
            print("fio is not installed (apt-get install fio): showing our readers only")
            baseline = rows[0][1]
            base_name = "our buffered cold read"
        else:
            fio_buffered = run_fio(path, block, direct=False, drop=ex01.drop_cache)
            fio_direct = run_fio(path, block, direct=True, drop=ex01.drop_cache)
            rows += [
                ("fio psync buffered", fio_buffered, None),
                ("fio psync direct", fio_direct, None),
            ]
            baseline = fio_buffered or rows[0][1]
            base_name = "fio buffered cold read" if fio_buffered else "our buffered cold read"

    print(
        f"\nblock size {block >> 10} KiB; times relative to {base_name} ({baseline * 1e3:.1f} ms)"
    )
    print(f"{'reader':<22}{'cold [ms]':>12}{'ratio':>8}{'warm [ms]':>12}{'ratio':>8}")
    for name, cold, warm in rows:
        cold_text = f"{cold * 1e3:12.1f}{cold / baseline:8.2f}" if cold else f"{'n/a':>12}{'':>8}"
        warm_text = f"{warm * 1e3:12.1f}{warm / baseline:8.2f}" if warm else f"{'':>20}"
        print(f"{name:<22}{cold_text}{warm_text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
