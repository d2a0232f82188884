"""Exercise 4: parallel batch evaluation whose result does not depend on the parallelism.

Monte Carlo integration is embarrassingly parallel: split the events into chunks,
evaluate the chunks anywhere, add up. Two things make it *reproducible*:

* every chunk has its own random stream, fixed by (seed, chunk number) and by nothing
  else: ``numpy.random.SeedSequence(seed, spawn_key=(chunk,))``, the ``chunk``-th child
  of ``SeedSequence(seed).spawn(...)``. ``icsc_perf_madgraph.naive.chunk_sums`` does
  this and evaluates one chunk with the slow per-event code;
* the partial sums are combined in chunk order, never in the order the workers finish
  (floating-point addition is not associative).

Then 1, 2 or 16 worker processes give bit-for-bit the same cross section, and the only
thing the number of workers changes is the time.
"""

from __future__ import annotations

import math
import multiprocessing
from typing import Any

from icsc_perf_madgraph import naive


def split_events(n_events: int, n_chunks: int) -> list[int]:
    """Chunk sizes: ``n_chunks`` ints that add up to ``n_events`` and differ by at most 1.

    The first ``n_events % n_chunks`` chunks get one event more: ``split_events(10, 4)
    == [3, 3, 2, 2]``. Raises ``ValueError`` if ``n_events < 0`` or ``n_chunks < 1``.
    """
    # BEGIN SOLUTION
    # HINT: divmod(n_events, n_chunks)
    for name, value, least in (("n_events", n_events, 0), ("n_chunks", n_chunks, 1)):
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            msg = f"{name} must be an int >= {least}, got {value!r}"
            raise ValueError(msg)
    base, extra = divmod(n_events, n_chunks)
    return [base + 1 if chunk < extra else base for chunk in range(n_chunks)]
    # END SOLUTION


def combine(partials: list[tuple[int, float, float]]) -> dict[str, Any]:
    """Merge per-chunk ``(n, sum of weights, sum of squared weights)`` in the order given.

    Returns ``{"sigma_pb": S1 / N, "error_pb": sqrt((S2 / N - (S1 / N)^2) / (N - 1)),
    "n_events": N}`` with N, S1, S2 the totals: the mean and the standard error of the
    mean (sample variance with N - 1) of all weights together.
    Raises ``ValueError`` if fewer than 2 events in total.
    """
    # BEGIN SOLUTION
    # HINT: add n, S1 and S2 over the chunks; the variance is (S2 - N mean^2) / (N - 1)
    total_n, sum_w, sum_w2 = 0, 0.0, 0.0
    for n, s1, s2 in partials:
        total_n += n
        sum_w += s1
        sum_w2 += s2
    if total_n < 2:
        msg = f"need at least 2 events in total, got {total_n}"
        raise ValueError(msg)
    mean = sum_w / total_n
    variance = max(0.0, (sum_w2 - total_n * mean * mean) / (total_n - 1))
    return {"sigma_pb": mean, "error_pb": math.sqrt(variance / total_n), "n_events": total_n}
    # END SOLUTION


def integrate_parallel(
    sqrt_s: float,
    n_events: int,
    seed: int,
    *,
    n_chunks: int = 8,
    n_workers: int = 2,
    include_z: bool = False,
) -> dict[str, Any]:
    """Cross section from ``n_events`` split into ``n_chunks`` chunks over ``n_workers`` processes.

    Chunk k has ``split_events(n_events, n_chunks)[k]`` events and is evaluated by
    ``naive.chunk_sums(sqrt_s, size, seed, k, include_z)``; the results are merged with
    :func:`combine` in chunk order. ``n_workers == 1`` evaluates the chunks in this
    process, one after the other; otherwise a pool of ``n_workers`` processes started
    with the ``"spawn"`` method (safe in any parent, threads or not) does. The result is
    identical for every ``n_workers``. Raises ``ValueError`` on ``n_workers < 1`` and as
    :func:`split_events` and :func:`combine`.
    """
    # BEGIN SOLUTION
    # HINT: tasks = [(sqrt_s, size, seed, k, include_z) for k, size in enumerate(sizes)]
    # HINT: with multiprocessing.get_context("spawn").Pool(n_workers) as pool: pool.starmap(naive.chunk_sums, tasks)
    if isinstance(n_workers, bool) or not isinstance(n_workers, int) or n_workers < 1:
        msg = f"n_workers must be an int >= 1, got {n_workers!r}"
        raise ValueError(msg)
    sizes = split_events(n_events, n_chunks)
    tasks = [(sqrt_s, size, seed, chunk, include_z) for chunk, size in enumerate(sizes)]
    if n_workers == 1:
        partials = [naive.chunk_sums(*task) for task in tasks]
    else:
        with multiprocessing.get_context("spawn").Pool(min(n_workers, n_chunks)) as pool:
            partials = pool.starmap(naive.chunk_sums, tasks)  # results come back in task order
    return combine(partials)
    # END SOLUTION
