"""Blocking cost as the register grows: all pairs (quadratic) vs blocked candidates.

Run from the repository root::

    uv run python courses/record-linkage/benchmarks/bench_blocking.py          # up to 8,000 entities
    uv run python courses/record-linkage/benchmarks/bench_blocking.py --quick  # small sizes only

For each register size the script counts the pairs an all-pairs comparison needs
(n(n-1)/2, counted, not enumerated, beyond ``--brute-max`` records) and the candidate
pairs of the reference blocking (solutions/ex01_blocking.py), and times, in the same run,
the blocking itself and the scoring of its candidates (solutions/ex02_scoring.py) against
the scoring of all pairs (timed on a sample of 20,000 pairs and scaled up). Ratios are
taken within one run on one machine; absolute seconds depend on the machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import random
import sys
import time
from pathlib import Path
from types import ModuleType

from icsc_record_linkage.register import make_register

SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions"


def load_solution(name: str) -> ModuleType:
    """Import ``solutions/<name>.py``."""
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", SOLUTIONS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for tests")
    args = parser.parse_args()
    blocking, scoring = load_solution("ex01_blocking"), load_solution("ex02_scoring")
    sizes = (100, 300) if args.quick else (500, 1000, 2000, 4000, 8000)
    sample = 2_000 if args.quick else 20_000
    print(f"{'entities':>8} {'records':>8} {'all pairs':>12} {'candidates':>11} "
          f"{'RR':>7} {'PC':>6} {'t_block s':>9} {'t_cand s':>9} {'t_all s (est)':>13} {'speed-up':>9}")  # fmt: skip
    rng = random.Random(0)
    for n_entities in sizes:
        register = make_register(n_entities, seed=0)
        n = len(register)
        all_pairs = n * (n - 1) // 2
        start = time.perf_counter()
        candidates = blocking.candidate_pairs(register.names)
        t_block = time.perf_counter() - start
        start = time.perf_counter()
        scoring.score_pairs(register.names, register.countries, candidates)
        t_cand = time.perf_counter() - start
        drawn = [tuple(sorted(rng.sample(range(n), 2))) for _ in range(sample)]
        start = time.perf_counter()
        scoring.score_pairs(register.names, register.countries, drawn)
        t_all = (time.perf_counter() - start) * all_pairs / sample
        if args.quick:  # validate the candidates against brute force on small registers
            keys = [blocking.blocking_keys(name) for name in register.names]
            brute = [(i, j) for i, j in itertools.combinations(range(n), 2) if keys[i] & keys[j]]
            assert brute == candidates, "blocking differs from brute force"
        rr = blocking.reduction_ratio(len(candidates), n)
        pc = blocking.pair_completeness(candidates, register.entities)
        print(f"{n_entities:>8} {n:>8} {all_pairs:>12,} {len(candidates):>11,} {rr:>7.4f} "
              f"{pc:>6.3f} {t_block:>9.3f} {t_cand:>9.3f} {t_all:>13.1f} "
              f"{t_all / (t_block + t_cand):>8.0f}x")  # fmt: skip
    if args.quick:
        print("validated blocking against brute force")


if __name__ == "__main__":
    main()
