# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Modern I/O and Storage: hands-on hour
#
# Work in the `exNN_*.py` files of your workspace (where they say TODO), run `icsc check`
# in a terminal, and use the cells below to *see* what your code does to the page cache
# and to the number of system calls. Cells whose exercise is not written yet say so and
# carry on.
#
# | time | exercise | what |
# | --- | --- | --- |
# | 25 min | ex01 | buffered, O_DIRECT and mmap readers; dropping the page cache |
# | 20 min | ex02 | `/proc/self/io`, and fixing tiny unbuffered reads |
# | 15 min | ex03 | uproot: two branches, chunked |
# | optional | ex04 | vector and parallel HTTP range reads |
# | optional | ex05 | a durable batched append store on io_uring |
#
# Timings in this notebook are indicative only: they depend on the machine, the file
# system and what else is running. The checks test correctness, never speed.

# %%
import hashlib
import os
import tempfile
import time
from pathlib import Path

import numpy as np

from icsc_io_storage.iocount import random_events, write_event_file
from icsc_io_storage.pagecache import resident_pages
from icsc_kit.notebook import attempt, find_exercises, load_exercise

EXERCISES = find_exercises("ex01_readers.py", env_var="ICSC_IO_STORAGE_EXERCISES")
WORK = Path(tempfile.mkdtemp(prefix="icsc-io-"))


def load(name: str):
    """Import (or re-import, after you edited it) exercise `name` from your workspace."""
    return load_exercise(EXERCISES, name)


print(f"exercises from {EXERCISES}; scratch files in {WORK}")

# %% [markdown]
# ## Exercise 1: three readers and the page cache
#
# We write a 32 MiB file, then look at how many of its pages are resident in the page
# cache (`mincore`, like vmtouch) after each reader. Watch O_DIRECT leave the cache empty.

# %%
ex01 = load("ex01_readers")
data_path = WORK / "data.bin"
data = np.random.default_rng(0).bytes(32 << 20)
data_path.write_bytes(data)
expected = (len(data), hashlib.sha256(data).hexdigest())
print("after writing:", resident_pages(data_path), "(resident, total) pages")

for name in ("read_buffered", "read_direct", "read_mmap"):
    attempt("ex01 drop_cache", ex01.drop_cache, data_path)
    print(f"{name}: resident pages before = {resident_pages(data_path)[0]}")
    start = time.perf_counter()
    result = attempt(f"ex01 {name}", getattr(ex01, name), data_path)
    elapsed = time.perf_counter() - start
    if result is not None:
        print(f"  {elapsed * 1e3:7.1f} ms, identical: {result == expected}, "
              f"resident after = {resident_pages(data_path)[0]}")

# %% [markdown]
# ## Exercise 2: counting read calls
#
# The naive script issues one `read` per 20-byte record. Compare its `read_calls` and the
# change of `syscr` in `/proc/self/io` with your fixed version.

# %%
ex02 = load("ex02_io_patterns")
events = write_event_file(WORK / "events.evts", random_events(50_000, seed=1))


def proc_io() -> str:
    return Path("/proc/self/io").read_text(encoding="ascii")


before = attempt("ex02 parse_proc_io", ex02.parse_proc_io, proc_io())
naive = ex02.energy_histogram_naive(events)
middle = attempt("ex02 parse_proc_io", ex02.parse_proc_io, proc_io())
fixed = attempt("ex02 energy_histogram_fixed", ex02.energy_histogram_fixed, events)
after = attempt("ex02 parse_proc_io", ex02.parse_proc_io, proc_io())
print(f"naive: {naive['read_calls']} read calls")
if fixed is not None:
    print(f"fixed: {fixed['read_calls']} read calls, "
          f"identical: {bool(np.array_equal(fixed['counts'], naive['counts']))}")
if None not in (before, middle, after):
    print(f"/proc/self/io syscr: naive +{middle['syscr'] - before['syscr']}, "
          f"fixed +{after['syscr'] - middle['syscr']}")

# %% [markdown]
# ## Exercise 3: only the branches you need
#
# We write a ROOT file with four branches and read two of them in chunks of 20 000 entries.

# %%
import uproot

ex03 = load("ex03_uproot")
rng = np.random.default_rng(2)
arrays = {
    "pt": rng.exponential(20.0, 100_000),
    "eta": rng.uniform(-3, 3, 100_000).astype(np.float32),
    "nhit": rng.integers(0, 50, 100_000).astype(np.int32),
    "junk": rng.normal(size=100_000),
}
root_path = WORK / "events.root"
with uproot.recreate(root_path) as f:
    f["Events"] = arrays
out = attempt(
    "ex03 selected_histogram",
    ex03.selected_histogram,
    root_path, "Events", "pt", "eta", 2.4, 40, (0.0, 200.0), 20_000,
)
if out is not None:
    mask = np.abs(arrays["eta"]) < 2.4
    full = np.histogram(arrays["pt"][mask], bins=40, range=(0.0, 200.0))[0]
    print(f"{out['n_chunks']} chunks, {out['n_selected']} of {out['n_entries']} entries selected, "
          f"identical: {bool(np.array_equal(out['counts'], full))}")

# %% [markdown]
# ## Exercise 4: latency-bound remote reads
#
# A local server adds 20 ms to every request. Count the requests of each strategy.

# %%
from icsc_io_storage.rangeserver import RangeServer

ex04 = load("ex04_remote")
blob = np.random.default_rng(3).bytes(1 << 20)
ranges = [(int(o), 1000) for o in np.random.default_rng(4).integers(0, (1 << 20) - 1000, 40)]
truth = [blob[o : o + n] for o, n in ranges]
for label, func, extra in (("vector", "vector_read", 16), ("parallel", "parallel_read", 8)):
    with RangeServer(blob, latency_s=0.02) as server:
        start = time.perf_counter()
        got = attempt(f"ex04 {func}", getattr(ex04, func), server.url, ranges, extra)
        elapsed = time.perf_counter() - start
        if got is not None:
            print(f"{label}: {server.requests} requests, {elapsed * 1e3:.0f} ms, "
                  f"identical: {got == truth}")
print(f"one request per range, one at a time, would need about {len(ranges) * 20} ms of latency")

# %% [markdown]
# ## Exercise 5: batching on io_uring
#
# 1000 records of 100 bytes: one `io_uring_enter` and one fsync per batch of 100.

# %%
from icsc_io_storage.uring import available

ok, reason = available()
log_path = WORK / "log.bin"
if not ok:
    print(f"skipping exercise 5: {reason}")
else:
    ex05 = load("ex05_uring")
    records = [np.random.default_rng(i).bytes(100) for i in range(1000)]
    start = time.perf_counter()
    out = attempt("ex05 append_records", ex05.append_records, log_path, records, 100)
    elapsed = time.perf_counter() - start
    if out is not None:
        print(f"{out['batches']} batches, {out['enter_calls']} io_uring_enter calls, "
              f"{out['durable_batches']} fsyncs, {elapsed * 1e3:.0f} ms")
        back = attempt("ex05 read_records", ex05.read_records, log_path, out["offsets"], [100] * 1000, 100)
        print(f"identical: {back == records and log_path.read_bytes() == b''.join(records)}")

# %%
if log_path.exists():
    os.remove(log_path)
for path in (data_path, events, root_path):
    os.remove(path)
WORK.rmdir()
