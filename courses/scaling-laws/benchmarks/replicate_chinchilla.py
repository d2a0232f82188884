"""Refit L(N, D) to the Chinchilla runs and compare with the published replication.

    uv run python courses/scaling-laws/benchmarks/replicate_chinchilla.py [--grid full] [--resamples 200]

Baseline: Besiroglu et al. (2024), arXiv:2404.10102 (estimates and bootstrap standard
errors, 240 runs). Validator: every estimate within one published standard error.
Uses the reference solution of exercise 2 (instructor side; solutions never ship).
Prints a Markdown table: our estimate, bootstrap standard error and 95 % percentile
interval, the published estimate and error, and |ours - published| / published error.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import numpy as np

from icsc_scaling_laws.chinchilla_data import load_chinchilla_runs, replication_subset
from icsc_scaling_laws.laws import PARAM_NAMES
from icsc_scaling_laws.published import BESIROGLU_2024, BESIROGLU_2024_SE

SOLUTION = Path(__file__).resolve().parents[1] / "solutions" / "ex02_chinchilla_fit.py"


def _load_solution():
    spec = importlib.util.spec_from_file_location("ex02_reference", SOLUTION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--grid",
        choices=("small", "full"),
        default="small",
        help="starts: 3 from the Hoffmann grid (default) or all 4500 (minutes)",
    )
    parser.add_argument(
        "--resamples", type=int, default=200, help="bootstrap resamples (default 200)"
    )
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    args = parser.parse_args(argv)

    ex02 = _load_solution()
    runs = replication_subset(load_chinchilla_runs())
    starts = ex02.FULL_GRID if args.grid == "full" else ex02.SMALL_GRID
    began = time.perf_counter()
    fit = ex02.fit_scaling_law(runs.n_params, runs.tokens, runs.loss, starts=starts)
    fitted_s = time.perf_counter() - began
    refits = ex02.bootstrap_scaling_law(
        runs.n_params, runs.tokens, runs.loss, n_resamples=args.resamples, start=fit, seed=args.seed
    )
    boot_s = time.perf_counter() - began - fitted_s
    errors = ex02.standard_errors(refits)
    low, high = np.percentile(refits, [2.5, 97.5], axis=0)

    print(
        f"{len(runs)} runs, {len(starts)} starts ({fitted_s:.1f} s), "
        f"{args.resamples} bootstrap resamples ({boot_s:.1f} s), Huber objective {fit['objective']:.6g}"
    )
    print()
    print(
        "| parameter | ours | bootstrap SE | 95 % interval | Besiroglu et al. 2024 | their SE | |diff| / their SE |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    worst = 0.0
    for k, name in enumerate(PARAM_NAMES):
        gap = abs(fit[name] - BESIROGLU_2024[name]) / BESIROGLU_2024_SE[name]
        worst = max(worst, gap)
        print(
            f"| {name} | {fit[name]:.4g} | {errors[name]:.3g} | [{low[k]:.4g}, {high[k]:.4g}] "
            f"| {BESIROGLU_2024[name]:.4g} | {BESIROGLU_2024_SE[name]:.3g} | {gap:.2f} |"
        )
    a = fit["beta"] / (fit["alpha"] + fit["beta"])
    print()
    print(f"compute-optimal exponent a = beta / (alpha + beta) = {a:.4f} (N_opt ~ C^a)")
    ok = worst < 1.0
    print(
        f"validator: every estimate within one published SE: {'yes' if ok else 'NO'} (worst {worst:.2f})"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
