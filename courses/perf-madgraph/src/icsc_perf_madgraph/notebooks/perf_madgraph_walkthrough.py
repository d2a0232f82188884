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
# # Performance analysis of a (small) event generator
#
# This notebook follows the exercise hour. The object of study is
# `icsc_perf_madgraph.naive`, a real leading-order generator for e+e- -> mu+mu-,
# written the slow way: one event at a time, every momentum a Python object. We
#
# 1. run it and check it against the analytic cross section and angular distribution;
# 2. **measure** where its time goes, with an instrumenting and a sampling profiler (ex01);
# 3. **vectorise** the matrix element and phase space over events (ex02);
# 4. **sample smarter** with VEGAS (ex03);
# 5. **parallelise** over processes, reproducibly (ex04);
# 6. compare what we reached with what **Amdahl's law** promised (ex05).
#
# Cells that use an exercise print "not written yet" until you have written it; rerun
# them after each exercise. The notebook looks for your exercise files in the current
# folder and above (or in `$ICSC_PERF_MADGRAPH_EXERCISES`).

# %%
import cProfile
import importlib.util
import math
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from icsc_perf_madgraph import analytic, integrands, naive
from icsc_perf_madgraph.sampling import SamplingProfiler
from icsc_kit.notebook import attempt, find_exercises, load_exercise


EXERCISES = find_exercises("ex01_profile.py", env_var="ICSC_PERF_MADGRAPH_EXERCISES")


def load(name: str):
    """Import (or re-import, after you edited it) exercise `name` from your workspace."""
    return load_exercise(EXERCISES, name)


def seconds(func, *args, **kwargs):
    """(result, wall-clock seconds) of one call."""
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - start


try:
    import matplotlib.pyplot as plt
except ImportError:  # the figures are optional
    plt = None

SQRT_S = 10.0
N_EVENTS = 5_000  # events for the slow generator: raise it for smoother numbers
print(f"exercises from {EXERCISES}; numpy {np.__version__}; {os.cpu_count()} CPUs")

# %% [markdown]
# ## 1. The generator, and why we trust it
#
# `naive.generate` integrates (flat phase space, weights = |M|^2 x phase space / flux),
# unweights (hit-or-miss), fills a histogram of cos(theta) and writes a Les Houches
# Event file. Two independent checks: the total cross section must be
# 4 pi alpha^2 / (3 s), and the unweighted events must follow 1 + cos^2(theta).

# %%
run, t_generate = seconds(naive.generate, N_EVENTS, SQRT_S, 1)
exact = analytic.cross_section_pb(SQRT_S)
print(f"sigma = {run.sigma_pb:.2f} +- {run.error_pb:.2f} pb   analytic {exact:.2f} pb   "
      f"pull {(run.sigma_pb - exact) / run.error_pb:+.2f}")
print(f"{len(run.events)} unweighted events from {N_EVENTS} (efficiency {len(run.events) / N_EVENTS:.3f}, "
      f"expected <w>/w_max = 2/3) in {t_generate:.2f} s")
print(run.lhe.split("<event>")[1].split("</event>")[0])

edges = np.linspace(-1, 1, len(run.histogram) + 1)
expected = len(run.events) * np.diff(analytic.angular_cdf(edges))
chi2 = float(np.sum((np.array(run.histogram) - expected) ** 2 / expected))
print(f"chi2 against 1 + cos^2: {chi2:.1f} for {len(run.histogram) - 1} degrees of freedom")
if plt is not None:
    plt.stairs(run.histogram, edges, label="unweighted events")
    plt.stairs(expected, edges, label="1 + cos^2 theta")
    plt.xlabel("cos theta (mu-)")
    plt.legend()
    plt.show()

# %% [markdown]
# ## 2. Where does the time go? (ex01)
#
# An *instrumenting* profiler (`cProfile`) hooks every call: exact call counts, an
# overhead per call. A *sampling* profiler looks at the stack now and then: fixed
# overhead, statistical answers, no call counts. Look at both. Which function did you
# expect at the top? Which one is there?

# %%
ex01 = load("ex01_profile")
folder = Path(tempfile.mkdtemp(prefix="perf-madgraph-"))
stats_file = attempt("ex01 profile_generator", ex01.profile_generator, folder / "generate.prof", N_EVENTS)
if stats_file is not None:
    spots = attempt("ex01 hot_spots", ex01.hot_spots, stats_file, top=8)
    for spot in spots or []:
        print(f"{spot['fraction']:6.1%}  {spot['ncalls']:>7}  {spot['function']}")

with SamplingProfiler(interval=0.001) as sampler:
    kept = naive.generate(N_EVENTS, SQRT_S, 1)
print(f"\nsampling profiler: {sampler.samples} samples")
for name, own, inclusive in sampler.table(6):
    print(f"{own:6.1%} self  {inclusive:6.1%} inclusive  {name}")

_, t_plain = seconds(naive.integrate, SQRT_S, N_EVENTS, 1)
_, t_profiled = seconds(cProfile.Profile().runcall, naive.integrate, SQRT_S, N_EVENTS, 1)
print(f"\ncProfile overhead on the per-event loop: x{t_profiled / t_plain:.2f}")

# %% [markdown]
# ## 3. Structure of arrays (ex02)
#
# The same physics on arrays of shape `(particle, component, event)`. The weights must
# agree with the slow code event by event, and the time per event must drop.

# %%
ex02 = load("ex02_vectorise")
n = N_EVENTS
randoms = np.random.default_rng(1).random((n, 2))
fast = attempt("ex02 event_weights", ex02.event_weights, SQRT_S, randoms)
if fast is not None:
    slow = [naive.event_weight(*naive.phase_space_point(SQRT_S, r1, r2)) for r1, r2 in randoms[:1000]]
    print("largest relative difference to the slow code:", np.max(np.abs(fast[:1000] / slow - 1)))
    vector, t_vector = seconds(ex02.integrate, SQRT_S, 200_000, 2)
    print(f"vectorised: {vector['sigma_pb']:.3f} +- {vector['error_pb']:.3f} pb from 200000 events in "
          f"{t_vector:.2f} s; {200_000 / t_vector:,.0f} events/s vs {N_EVENTS / t_plain:,.0f} naive")

# %% [markdown]
# ## 4. VEGAS (ex03)
#
# Importance sampling changes the *variance* per event, i.e. how many events a given
# precision costs. On the nearly flat 1 + cos^2 it helps a little; on a resonance a lot.

# %%
ex03 = load("ex03_vegas")
bw = attempt("ex03 vegas_integrate", ex03.vegas_integrate, integrands.breit_wigner, 1,
             n_per_iteration=5000, seed=1)  # fmt: skip
if bw is not None:
    values = integrands.breit_wigner(np.random.default_rng(1).random((bw["n_evaluations"], 1)))
    flat_error = values.std() / math.sqrt(values.size)
    print(f"Breit-Wigner: VEGAS {bw['integral']:.5f} +- {bw['error']:.5f}, exact "
          f"{integrands.breit_wigner_integral():.5f}; flat sampling error {flat_error:.5f}: "
          f"{(flat_error / bw['error']) ** 2:.0f}x fewer events for the same precision")
    if fast is not None:
        physics = ex03.vegas_integrate(lambda y: ex02.event_weights(SQRT_S, y), 2, seed=2)
        print(f"e+e- -> mu+mu-: {physics['integral']:.3f} +- {physics['error']:.3f} pb "
              f"(chi2/dof {physics['chi2_per_dof']:.2f})")
    if plt is not None:
        grid = bw["edges"][0]
        plt.plot(60 + 60 * grid, np.arange(grid.size), ".")
        plt.xlabel("m (GeV)")
        plt.ylabel("bin edge number")
        plt.title("VEGAS grid after adaptation: dense at the Z")
        plt.show()

# %% [markdown]
# ## 5. Parallel, and reproducible (ex04)
#
# Worker processes started with "spawn" import the main module afresh. In Jupyter that
# is harmless; a *script* that starts a pool must keep its top-level work under
# `if __name__ == "__main__":`, or every worker runs the whole script again. (To run
# this notebook as a script, use `python -c "import runpy; runpy.run_path('THIS.py')"`.)

# %%
ex04 = load("ex04_parallel")
workers = min(4, os.cpu_count() or 1)
serial, t_serial = seconds(attempt, "ex04 integrate_parallel", ex04.integrate_parallel, SQRT_S,
                           4 * N_EVENTS, 3, n_chunks=8, n_workers=1)  # fmt: skip
if serial is not None and workers > 1:
    parallel, t_parallel = seconds(ex04.integrate_parallel, SQRT_S, 4 * N_EVENTS, 3, n_chunks=8,
                                   n_workers=workers)  # fmt: skip
    print(f"identical: {parallel == serial}; {workers} workers: x{t_serial / t_parallel:.2f} "
          f"(process start-up included)")

# %% [markdown]
# ## 6. Amdahl (ex05)
#
# The profile says what fraction of `generate` is the integration. If only that part
# gets faster, the rest (unweighting, histogram, the LHE file) sets the ceiling.

# %%
ex05 = load("ex05_amdahl")
if stats_file is not None:
    fractions = attempt("ex05 profile_fractions", ex05.profile_fractions, stats_file,
                        ["integrate", "unweight", "write_lhe"])  # fmt: skip
    if fractions is not None:
        print({name: round(value, 3) for name, value in fractions.items()})
        ceiling = ex05.predict_speedup(stats_file, {"integrate": math.inf})
        print(f"integration made infinitely fast: generate at most x{ceiling:.2f} faster")
        if fast is not None:
            reached = t_generate / (t_generate - t_plain + t_vector * N_EVENTS / 200_000)
            print(f"with the vectorised integration: x{reached:.2f} reached")

# %% [markdown]
# Where next? The same reasoning, with real MadGraph processes, is the subject of the
# madgraph4gpu papers cited in the lecture notes: for gg -> ttgg the matrix element is
# over 95% of the time and offloading it pays; for simple processes like ours the
# "rest" dominates and must be made fast too.
