"""Events per second at equal statistical precision: the slow generator versus each step.

Run from the repository root::

    uv run python courses/perf-madgraph/benchmarks/bench_generator.py           # full sizes
    uv run python courses/perf-madgraph/benchmarks/bench_generator.py --quick   # validation only

Process: e+e- -> mu+mu- (QED) at sqrt(s) = 10 GeV. Baseline: ``naive.integrate``, the
per-event Python-object code of the course library. Steps, each the reference solution
of an exercise, all measured in this one run on this machine:

* ``naive + cProfile``: the baseline under the instrumenting profiler (exercise 1), to
  show what instrumentation costs;
* ``vectorised``: matrix element and phase space over arrays (exercise 2);
* ``vectorised + VEGAS``: the same weights, sampled through an adapted VEGAS grid
  (exercise 3); warm-up iterations are included in its time;
* ``naive, C chunks, 1 process`` and ``..., W processes``: the baseline split into C
  chunks, evaluated one after the other, then over W worker processes (exercise 4),
  process start-up included (``--parallel-events``, more events than the other rows so
  that the work per process outweighs its start-up).

Validators run before the table: every estimate within 5 standard errors of the
analytic sigma = 4 pi alpha^2 / (3 s), and the parallel result bit-identical to the same
chunks evaluated serially.

"At equal statistical precision": the error of a Monte Carlo estimate falls like
1/sqrt(N), so a method with error ``err`` after ``t`` seconds reaches any target
precision eps in t (err / eps)^2. The column ``equivalent events/s`` is the rate at which
flat sampling would have to produce events to match it: ``s_flat^2 / (err^2 t)``, with
``s_flat`` the per-event relative spread of flat sampling (sqrt(4/45)/(4/3) = 0.2236 for
1 + cos^2 theta) times sigma. For flat-sampling methods it is just events/s; for VEGAS
it also counts the variance it removed. Ratios are against the baseline of the same run.

The last part applies Amdahl's law (exercise 5) to a cProfile of ``naive.generate``:
parallelising only the integration on W workers, or making it infinitely fast, leaves
unweighting, histogramming and the Les Houches output serial; the prediction is compared
with the speed-up reached (measured parts of this run), and with Karp-Flatt.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import math
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from icsc_perf_madgraph import analytic, naive

SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions"
SQRT_S = 10.0
FLAT_RELATIVE_SPREAD = math.sqrt(4.0 / 45.0) / (4.0 / 3.0)


def load_solution(name: str) -> ModuleType:
    """Import ``solutions/<name>.py`` under a private module name."""
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", SOLUTIONS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def timed(function: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, float]:
    """``(result, seconds)`` of one call (perf_counter)."""
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def validate(name: str, sigma: float, error: float) -> None:
    """Stop the benchmark if an estimate is more than 5 standard errors off the analytic value."""
    exact = analytic.cross_section_pb(SQRT_S)
    if not abs(sigma - exact) < 5 * error:
        msg = f"{name}: sigma = {sigma:.3f} +- {error:.3f} pb, analytic {exact:.3f} pb"
        raise SystemExit(msg)


def measure(args: argparse.Namespace) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    ex01, ex02 = load_solution("ex01_profile"), load_solution("ex02_vectorise")
    ex03, ex04 = load_solution("ex03_vegas"), load_solution("ex04_parallel")
    ex05 = load_solution("ex05_amdahl")
    rows: list[dict[str, Any]] = []

    def row(name: str, events: int, seconds: float, sigma: float, error: float) -> None:
        validate(name, sigma, error)
        rows.append({"name": name, "events": events, "seconds": seconds, "sigma": sigma,
                     "error": error})  # fmt: skip

    naive_run, naive_time = timed(naive.integrate, SQRT_S, args.naive_events, 1)
    row("naive (baseline)", args.naive_events, naive_time, naive_run.sigma_pb, naive_run.error_pb)

    profiler = cProfile.Profile()
    profiled, profiled_time = timed(profiler.runcall, naive.integrate, SQRT_S, args.naive_events, 1)
    row("naive + cProfile", args.naive_events, profiled_time, profiled.sigma_pb, profiled.error_pb)

    vector, vector_time = timed(ex02.integrate, SQRT_S, args.vector_events, 2)
    row(
        "vectorised (ex02)", args.vector_events, vector_time, vector["sigma_pb"], vector["error_pb"]
    )

    def weights(y: np.ndarray) -> np.ndarray:
        return ex02.event_weights(SQRT_S, y)

    n_iterations = 10
    vegas, vegas_time = timed(ex03.vegas_integrate, weights, 2, seed=3, n_iterations=n_iterations,
                              n_per_iteration=args.vector_events // n_iterations)  # fmt: skip
    row("vectorised + VEGAS (ex03)", vegas["n_evaluations"], vegas_time, vegas["integral"],
        vegas["error"])  # fmt: skip

    workers = args.workers
    chunks = 4 * workers
    serial, serial_time = timed(ex04.integrate_parallel, SQRT_S, args.parallel_events, 4,
                                n_chunks=chunks, n_workers=1)  # fmt: skip
    row(f"naive, {chunks} chunks, 1 process (ex04)", args.parallel_events, serial_time,
        serial["sigma_pb"], serial["error_pb"])  # fmt: skip
    parallel, parallel_time = timed(ex04.integrate_parallel, SQRT_S, args.parallel_events, 4,
                                    n_chunks=chunks, n_workers=workers)  # fmt: skip
    if parallel != serial:
        msg = f"parallel result {parallel} differs from the serial one {serial}"
        raise SystemExit(msg)
    row(f"naive, {chunks} chunks, {workers} processes (ex04)", args.parallel_events,
        parallel_time, parallel["sigma_pb"], parallel["error_pb"])  # fmt: skip

    # Amdahl on the whole generator: profile it, then time its parts without the profiler.
    with tempfile.TemporaryDirectory() as folder:
        stats = ex01.profile_generator(Path(folder) / "generate.prof", args.naive_events, SQRT_S, 1)
        fraction = ex05.profile_fractions(stats, ["integrate"])["integrate"]
        top = ex01.hot_spots(stats, top=5)
    _, generate_time = timed(naive.generate, args.naive_events, SQRT_S, 1)
    measured_parallel = serial_time / parallel_time
    # The integration inside generate, sped up as measured above (at --parallel-events).
    reached = generate_time / (generate_time - naive_time + naive_time / measured_parallel)
    amdahl = {
        "workers": workers,
        "fraction": fraction,
        "predicted_integrate": float(workers),
        "reached_integrate": measured_parallel,
        "karp_flatt": ex05.karp_flatt(measured_parallel, workers) if workers > 1 else math.nan,
        "predicted_generate": ex05.amdahl_speedup(fraction, workers),
        "reached_generate": reached,
        "ceiling_generate": ex05.amdahl_speedup(fraction, math.inf),
        "vectorised_generate": generate_time
        / (generate_time - naive_time + vector_time * args.naive_events / args.vector_events),
        "hot_spots": top,
        "generate_seconds": generate_time,
    }
    return rows, amdahl


def print_tables(rows: list[dict[str, Any]], amdahl: dict[str, Any]) -> None:
    base = rows[0]
    flat_spread = FLAT_RELATIVE_SPREAD * analytic.cross_section_pb(SQRT_S)
    base_equivalent = flat_spread**2 / (base["error"] ** 2 * base["seconds"])
    print(f"e+e- -> mu+mu- at sqrt(s) = {SQRT_S} GeV; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}, numpy {np.__version__}\n")  # fmt: skip
    print("| step | events | seconds | events/s | rel. error | equivalent events/s | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for item in rows:
        rate = item["events"] / item["seconds"]
        equivalent = flat_spread**2 / (item["error"] ** 2 * item["seconds"])
        print(f"| {item['name']} | {item['events']:,} | {item['seconds']:.3f} | {rate:,.0f} | "
              f"{item['error'] / item['sigma']:.2e} | {equivalent:,.0f} | "
              f"{equivalent / base_equivalent:,.2f} |")  # fmt: skip
    print()
    print("Hot spots of naive.generate (self time, cProfile):")
    for spot in amdahl["hot_spots"]:
        print(f"  {spot['fraction']:6.1%}  {spot['function']}  ({spot['ncalls']} calls)")
    w = amdahl["workers"]
    print()
    print(f"Amdahl: integrate is {amdahl['fraction']:.1%} of naive.generate (inclusive, cProfile).")
    print("| speed-up of | predicted | reached |")
    print("| --- | ---: | ---: |")
    print(f"| integrate (chunks), {w} processes | {amdahl['predicted_integrate']:.2f} | "
          f"{amdahl['reached_integrate']:.2f} |")  # fmt: skip
    print(f"| generate, integrate on {w} processes (speed-up above) | "
          f"{amdahl['predicted_generate']:.2f} | "
          f"{amdahl['reached_generate']:.2f} |")  # fmt: skip
    print(f"| generate, integrate vectorised (ceiling: infinitely fast) | "
          f"{amdahl['ceiling_generate']:.2f} | {amdahl['vectorised_generate']:.2f} |")  # fmt: skip
    if w > 1:
        print(f"Karp-Flatt serial fraction of the {w}-process integration: "
              f"{amdahl['karp_flatt']:.3f} (Amdahl with a perfect pool: 0)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: validation only")
    parser.add_argument("--naive-events", type=int, default=100_000)
    parser.add_argument("--vector-events", type=int, default=2_000_000)
    parser.add_argument("--parallel-events", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    if args.quick:
        args.naive_events, args.vector_events, args.parallel_events = 2_000, 20_000, 4_000
        args.workers = 2
    rows, amdahl = measure(args)
    print_tables(rows, amdahl)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
