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
# # Neural scaling laws — exercise hour
#
# This notebook drives the five exercises from your workspace and plots what they compute:
# power-law fits, the refit of the Chinchilla law with its bootstrap, IsoFLOP curves and
# compute-optimal frontiers, the inference-aware optimum, and your own tiny-model scaling
# data. A cell whose exercise you have not written yet says so and moves on; re-run it
# after you edit the file (the `load` helper re-imports it).
#
# | time | exercise | what |
# | --- | --- | --- |
# | 10 min | ex01_power_law_fit | log-log regression vs NLS, and the offset pitfall |
# | 20 min | ex02_chinchilla_fit | Huber fit of L(N, D) on the extracted Chinchilla runs |
# | 10 min | ex03_compute_optimal | N_opt and D_opt for a FLOP budget |
# | 10 min | ex04_inference_aware | the best model once inference is paid for |
# | 10 min | ex05_tiny_models | train tiny torch models, fit their scaling |

# %%
import importlib.util
import os
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from icsc_scaling_laws.chinchilla_data import load_chinchilla_runs, replication_subset
from icsc_scaling_laws.laws import chinchilla_loss
from icsc_scaling_laws.published import (
    BESIROGLU_2024,
    BESIROGLU_2024_SE,
    CHINCHILLA,
    CHINCHILLA_FLOPS,
    HOFFMANN_2022,
)
from icsc_scaling_laws.synthetic import power_law_samples
from icsc_kit.notebook import attempt, find_exercises, load_exercise


EXERCISES = find_exercises("ex01_power_law_fit.py", env_var="ICSC_SCALING_LAWS_EXERCISES")


def load(name: str):
    """Import (or re-import, after you edited it) exercise `name` from your workspace."""
    return load_exercise(EXERCISES, name)


print(f"exercises from {EXERCISES}")

# %% [markdown]
# ## Exercise 1: two ways to fit a power law
#
# Same law, y = 2 x^-0.5, two noise models. Which estimator recovers b = -0.5 better under
# each? Change `sigma` and the seed; try 20 seeds and compare the spread of the estimates.

# %%
ex01 = load("ex01_power_law_fit")
x = np.logspace(0, 3, 40)
fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
for ax, noise, sigma in zip(axes, ("additive", "multiplicative"), (0.02, 0.2)):
    y = power_law_samples(x, 2.0, -0.5, noise=noise, sigma=sigma, seed=4)
    ax.scatter(x, y, s=12, color="0.4", label="data")
    ax.plot(x, 2.0 * x**-0.5, "k--", lw=1, label="truth")
    loglog = attempt("fit_loglog", ex01.fit_loglog, x, y)
    nls = attempt("fit_nls", ex01.fit_nls, x, y)
    if loglog is not None:
        ax.plot(x, loglog[0] * x ** loglog[1], label=f"log-log: b = {loglog[1]:.3f}")
    if nls is not None:
        ax.plot(x, nls[0] * x ** nls[1], label=f"NLS: b = {nls[1]:.3f}")
    ax.set(xscale="log", yscale="log", title=f"{noise} noise", xlabel="x")
    ax.legend(fontsize=8)

# %% [markdown]
# The offset pitfall: the same law plus a floor E = 1. What exponent does a pure power law
# report, and what does the fit with an offset report?

# %%
y = power_law_samples(x, 5.0, -0.3, noise="multiplicative", sigma=0.01, offset=1.0, seed=1)
print("pure power law :", attempt("fit_loglog", ex01.fit_loglog, x, y))
print("with offset    :", attempt("fit_power_law_with_offset", ex01.fit_power_law_with_offset, x, y))

# %% [markdown]
# ## Exercise 2: refit the Chinchilla law
#
# 240 runs (the 5 highest losses excluded, as Besiroglu et al. 2024 did). The fit from the
# small grid of starts takes seconds; the bootstrap takes about a tenth of a second per
# resample — start with 50, go to 200 if you have time.

# %%
ex02 = load("ex02_chinchilla_fit")
runs = replication_subset(load_chinchilla_runs())
fit = attempt("fit_scaling_law", ex02.fit_scaling_law, runs.n_params, runs.tokens, runs.loss)
refits = None
if fit is not None:
    refits = attempt(
        "bootstrap_scaling_law",
        ex02.bootstrap_scaling_law,
        runs.n_params, runs.tokens, runs.loss, n_resamples=50, start=fit, seed=0,
    )
if refits is not None:
    errors = ex02.standard_errors(refits)
    low, high = np.percentile(refits, [2.5, 97.5], axis=0)
    print(f"{'':6s} {'ours':>10s} {'SE':>9s} {'95% interval':>22s} {'published':>10s} {'SE':>8s}")
    for k, name in enumerate(("E", "A", "B", "alpha", "beta")):
        print(f"{name:6s} {fit[name]:10.4g} {errors[name]:9.3g} [{low[k]:9.4g}, {high[k]:9.4g}] "
              f"{BESIROGLU_2024[name]:10.4g} {BESIROGLU_2024_SE[name]:8.3g}")

# %%
if refits is not None:
    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    axes[0].scatter(refits[:, 3], refits[:, 4], s=10, label="bootstrap refits")
    axes[0].plot(BESIROGLU_2024["alpha"], BESIROGLU_2024["beta"], "r*", ms=12, label="Besiroglu et al. 2024")
    axes[0].plot(HOFFMANN_2022["alpha"], HOFFMANN_2022["beta"], "ks", label="Hoffmann et al. 2022 (printed)")
    axes[0].set(xlabel="alpha", ylabel="beta", title="exponents: bootstrap cloud")
    axes[0].legend(fontsize=8)
    predicted = chinchilla_loss(runs.n_params, runs.tokens, {k: fit[k] for k in BESIROGLU_2024})
    axes[1].scatter(predicted, runs.loss, s=8)
    axes[1].plot([2, 3.5], [2, 3.5], "k--", lw=1)
    axes[1].set(xlabel="predicted loss (your fit)", ylabel="observed loss", title="fit quality")

# %% [markdown]
# ## Exercise 3: IsoFLOP curves and compute-optimal frontiers
#
# Each IsoFLOP curve is a valley; its bottom is the compute-optimal model. Then compare the
# frontiers N_opt(C) implied by the printed Hoffmann parameters and by the refit.

# %%
ex03 = load("ex03_compute_optimal")
n_grid = np.logspace(7, 12, 300)
fig, axes = plt.subplots(1, 2, figsize=(11, 4))
for compute in (1e19, 1e21, 1e23, 1e25):
    losses = attempt("isoflop_losses", ex03.isoflop_losses, compute, n_grid, BESIROGLU_2024)
    optimum = attempt("compute_optimal", ex03.compute_optimal, compute, BESIROGLU_2024)
    if losses is not None:
        (line,) = axes[0].plot(n_grid, losses, label=f"C = {compute:.0e}")
        if optimum is not None:
            axes[0].plot(optimum[0], chinchilla_loss(*optimum, BESIROGLU_2024)[0], "o", color=line.get_color())
axes[0].set(xscale="log", ylim=(1.8, 4), xlabel="N", ylabel="loss", title="IsoFLOP curves")
axes[0].legend(fontsize=8)
budgets = np.logspace(19, 26, 50)
for params, label in ((BESIROGLU_2024, "refit (Besiroglu et al.)"), (HOFFMANN_2022, "printed (Hoffmann et al.)")):
    frontier = [attempt("compute_optimal", ex03.compute_optimal, c, params) for c in budgets]
    if all(f is not None for f in frontier):
        axes[1].plot(budgets, [f[0] for f in frontier], label=label)
axes[1].plot(CHINCHILLA_FLOPS, CHINCHILLA["n_params"], "r*", ms=12, label="Chinchilla")
axes[1].set(xscale="log", yscale="log", xlabel="C (FLOPs)", ylabel="N_opt", title="frontiers")
axes[1].legend(fontsize=8)
for params, label in ((BESIROGLU_2024, "refit"), (HOFFMANN_2022, "printed")):
    optimum = attempt("compute_optimal", ex03.compute_optimal, CHINCHILLA_FLOPS, params)
    if optimum is not None:
        print(f"{label:8s}: N_opt = {optimum[0]:.3g}, D_opt = {optimum[1]:.3g}, D/N = {optimum[1] / optimum[0]:.1f}")

# %% [markdown]
# ## Exercise 4: the inference-aware optimum
#
# Fix a target loss (here: the loss of the compute-optimal model for 1e23 FLOPs) and
# increase the lifetime inference demand. How small does the best model get, and how many
# tokens per parameter does it see?

# %%
ex04 = load("ex04_inference_aware")
reference = attempt("compute_optimal", ex03.compute_optimal, 1e23, BESIROGLU_2024)
if reference is not None:
    target = float(chinchilla_loss(*reference, BESIROGLU_2024)[0])
    demand = np.logspace(9, 15, 25)
    optima = [attempt("inference_aware_optimum", ex04.inference_aware_optimum, target, d, BESIROGLU_2024) for d in demand]
    if all(o is not None for o in optima):
        fig, axes = plt.subplots(1, 2, figsize=(10, 4))
        axes[0].plot(demand, [o["n_params"] / 1e9 for o in optima])
        axes[0].set(xscale="log", xlabel="lifetime inference tokens", ylabel="N (billions)")
        axes[1].plot(demand, [o["tokens_per_param"] for o in optima])
        axes[1].set(xscale="log", yscale="log", xlabel="lifetime inference tokens", ylabel="tokens per parameter")
        fig.suptitle(f"target loss {target:.3f}")

# %% [markdown]
# ## Exercise 5: your own scaling data
#
# Tiny models on a Markov source with a known entropy. The grid below trains 12 models
# (about 10 to 30 seconds on a laptop CPU). Fit the excess loss L - E against N at the
# largest token count: which exponent do you find?

# %%
ex05 = load("ex05_tiny_models")
try:
    import torch

    torch.set_num_threads(1)
except ImportError:
    print("torch is not installed: exercise 5 needs it (pip install torch)")
widths, token_counts = [1, 2, 4, 8], [1024, 4096, 16384]
grid = attempt("scaling_grid", ex05.scaling_grid, widths, token_counts)
if grid is not None:
    entropy = grid[0]["entropy"]
    fig, ax = plt.subplots(figsize=(6, 4))
    for k, d in enumerate(token_counts):
        points = grid[k :: len(token_counts)]
        ax.plot([r["n_params"] for r in points], [r["loss"] - entropy for r in points], "o-", label=f"D = {d}")
    ax.set(xscale="log", yscale="log", xlabel="N", ylabel="L - E (nats)", title="tiny-model scaling")
    ax.legend()
    largest = grid[len(token_counts) - 1 :: len(token_counts)]
    exponent = attempt(
        "fit_excess_loss", ex05.fit_excess_loss,
        [r["n_params"] for r in largest], [r["loss"] for r in largest], entropy,
    )
    if exponent is not None:
        print(f"L - E = {exponent[0]:.3g} * N^{exponent[1]:.3f} at D = {token_counts[-1]}")
