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
# # Self-attention as a stack of Ising models — exercise hour
#
# This notebook drives the five exercises from your workspace and shows what they compute:
# your attention against PyTorch's, Boltzmann weights at several temperatures, the explicit
# Euler solver of the Ising-attention layer below and above its stability bound, operation
# counts and (on a GPU) memory as the sequence grows, and entropy curves. A cell whose
# exercise you have not written yet says so and moves on; re-run it after you edit the file
# (the `load` helper re-imports it).
#
# | time | exercise | what |
# | --- | --- | --- |
# | 12 min | ex01_sdpa | attention from scratch, masks, stable softmax |
# | 10 min | ex02_boltzmann | energies, temperature, limits, free energy |
# | 18 min | ex03_ising_relaxation | couplings, explicit Euler, stability bound, gradients |
# | 10 min | ex04_scaling | chunking, operation counts, memory (GPU optional) |
# | 10 min | ex05_entropy | entropy vs temperature and vs coupling |
#
# Plots need matplotlib (`pip install "icsc-ising-attention[figures]"`); without it the
# notebook prints tables instead. A GPU is used where torch finds one.

# %%
import importlib.util
import math
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch

from icsc_ising_attention.problems import band_mask, clustered_tokens, random_qkv
from icsc_kit.notebook import attempt, find_exercises, load_exercise

try:
    import matplotlib.pyplot as plt
except ImportError:  # plots are optional
    plt = None

torch.set_num_threads(min(4, torch.get_num_threads()))
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
print("torch", torch.__version__, "| device for the GPU cells:", DEVICE)


EXERCISES = find_exercises("ex01_sdpa.py", env_var="ICSC_ISING_ATTENTION_EXERCISES")


def load(name: str):
    """Import (or re-import, after you edited it) exercise `name` from your workspace."""
    return load_exercise(EXERCISES, name)


# %% [markdown]
# ## Exercise 1 — your attention vs PyTorch's
#
# Same inputs, float64: the largest difference should be ~1e-16. Then the stress test:
# logits of order 1e4 in float32, where a softmax without the max-shift returns NaN.

# %%
ex01 = load("ex01_sdpa")
q, k, v = random_qkv(6, 8, batch=(2, 4), seed=0)
mine = attempt("ex01 attention", ex01.scaled_dot_product_attention, q, k, v, causal=True)
if mine is not None:
    theirs = torch.nn.functional.scaled_dot_product_attention(q, k, v, is_causal=True)
    print("causal, float64: max |difference| =", float((mine - theirs).abs().max()))
    big = attempt("ex01 attention", ex01.scaled_dot_product_attention, q.float() * 1e3, k.float(), v.float())
    print("float32 with logits ~1e3: all finite?", bool(torch.isfinite(big).all()))
    weights = ex01.attention_weights(q[0, 0], k[0, 0], causal=True)
    print("causal weights of head 0 (rows sum to 1, zeros above the diagonal):")
    print(np.array2string(weights.numpy(), precision=2, suppress_small=True))

# %% [markdown]
# ## Exercise 2 — temperature
#
# The same energies at several temperatures: T = 0 is argmax, T = inf is uniform, and
# `scale = 1 / sqrt(d)` at T = 1 equals the unscaled energies at T = sqrt(d).

# %%
ex02 = load("ex02_boltzmann")
q, k, _ = random_qkv(1, 16, n_keys=8, seed=3)
energy = attempt("ex02 energy", ex02.attention_energy, q, k)
if energy is not None:
    for temperature in (0.0, 0.3, 1.0, 3.0, math.inf):
        p = attempt("ex02 weights", ex02.boltzmann_weights, energy, temperature)
        if p is not None:
            print(f"T = {temperature:>4}: ", np.array2string(p.numpy()[0], precision=3))
    unscaled = attempt("ex02", ex02.boltzmann_weights, ex02.attention_energy(q, k, scale=1.0), 4.0)
    standard = attempt("ex02", ex02.boltzmann_weights, energy, 1.0)
    if unscaled is not None and standard is not None:
        print("scale 1/sqrt(16) at T=1 == scale 1 at T=4:", bool(torch.allclose(unscaled, standard)))
    free = attempt("ex02 free energy", ex02.free_energy, energy, 1.0)
    if free is not None:
        print("free energy at T = 1:", float(free[0]), " ground-state energy:", float(energy.min()))

# %% [markdown]
# ## Exercise 3 — the Ising-attention layer and its time stepping
#
# Couplings from one head, the stability bound, and the error of explicit Euler after each
# step for steps below and above the bound. Then a band mask: the couplings become a
# three-point stencil, and the same solver runs on the GPU if there is one.

# %%
ex03 = load("ex03_ising_relaxation")
q, k, v = random_qkv(64, 8, seed=7)
g = 0.8
j = attempt("ex03 couplings", ex03.couplings, q, k)
bound = None if j is None else attempt("ex03 bound", ex03.step_size_bound, j, g)
exact = None if j is None else attempt("ex03 fixed point", ex03.fixed_point, j, v, g)
if bound is not None and exact is not None:
    print(f"largest eigenvalue of J: {float(torch.linalg.eigvalsh(j)[-1]):.12f} (should be 1)")
    print(f"stability bound at g = {g}: tau < {bound:.4f}")
    steps = list(range(0, 201, 25))
    curves = {}
    for factor in (0.5, 0.9, 1.05):
        curves[factor] = [
            float((ex03.relax(j, v, g, factor * bound, n) - exact).norm()) for n in steps
        ]
        print(f"tau = {factor} x bound: error after 200 steps = {curves[factor][-1]:.3e}")
    if plt is not None:
        fig, axis = plt.subplots(figsize=(6, 3.5))
        for factor, errors in curves.items():
            axis.semilogy(steps, errors, label=f"tau = {factor} x bound")
        axis.set_xlabel("step")
        axis.set_ylabel("|S_t - S*|")
        axis.legend()
        plt.show()
    gradient = attempt(
        "ex03 gradient", ex03.fields_gradient, j, v, g, 0.9 * bound, 300, torch.zeros_like(v)
    )
    if gradient is not None:
        implicit = torch.linalg.solve(torch.eye(64, dtype=torch.float64) - g * j, exact)
        print("unrolled vs implicit gradient: max |difference| =", float((gradient - implicit).abs().max()))

# %%
if j is not None and bound is not None:
    stencil = ex03.couplings(q, k, mask=band_mask(64, 1))
    print("non-zeros of the band-masked couplings:", int((stencil != 0).sum()), "(3-point stencil: 190)")
    if DEVICE == "cuda":
        jd, vd = j.to(DEVICE), v.to(DEVICE)
        start = time.perf_counter()
        on_gpu = ex03.relax(jd, vd, g, 0.9 * bound, 300)
        torch.cuda.synchronize()
        print(f"300 Euler steps on the GPU: {time.perf_counter() - start:.3f} s,",
              "max |difference| to the CPU direct solve:", float((on_gpu.cpu() - exact).abs().max()))

# %% [markdown]
# ## Exercise 4 — scaling with the sequence length
#
# Counted operations, memory estimates and their exponents; then wall-clock times on this
# machine (printed, never asserted: they depend on the machine and its load).

# %%
ex04 = load("ex04_scaling")
ns = [128, 256, 512]
counts = [attempt("ex04 count", ex04.count_flops, n, 64) for n in ns]
if None not in counts:
    print("operation counts:", counts, "-> exponent", round(ex04.fit_exponent(ns, counts), 3))
    full = [ex04.memory_estimate(n, 64)["scores"] for n in ns]
    chunked = [ex04.memory_estimate(n, 64, chunk_size=64)["scores"] for n in ns]
    print("score memory exponent: full", round(ex04.fit_exponent(ns, full), 3),
          "| chunked", round(ex04.fit_exponent(ns, chunked), 3))
    print(f"{'n':>6} {'full [ms]':>10} {'chunked [ms]':>13} {'torch SDPA [ms]':>16}")
    for n in ns:
        q, k, v = random_qkv(n, 64, seed=1, dtype=torch.float32)
        row = []
        for run in (
            lambda: ex04.chunked_attention(q, k, v),
            lambda: ex04.chunked_attention(q, k, v, chunk_size=64),
            lambda: torch.nn.functional.scaled_dot_product_attention(q, k, v),
        ):
            run()
            start = time.perf_counter()
            for _ in range(3):
                run()
            row.append((time.perf_counter() - start) / 3 * 1e3)
        print(f"{n:>6} {row[0]:>10.2f} {row[1]:>13.2f} {row[2]:>16.2f}")
    if DEVICE == "cuda":
        peaks = [ex04.peak_memory_bytes(n, 64) for n in (2048, 4096)]
        print("GPU peak bytes, full attention at n = 2048, 4096:", peaks, "ratio", peaks[1] / peaks[0])

# %% [markdown]
# ## Exercise 5 — how spread out are the weights?
#
# Entropy vs temperature for softmax attention, and entropy vs coupling for the Ising
# weights, on the same clustered tokens.

# %%
ex05 = load("ex05_entropy")
tokens, labels = clustered_tokens(3, 8, 16, spread=0.35, seed=2)
q = tokens * 3.0
temperatures = np.geomspace(1e-2, 1e2, 25)
energy = -(q @ q.T) / 4.0
curve = attempt("ex05 entropy vs T", ex05.entropy_vs_temperature, energy, temperatures)
if curve is not None:
    print(f"entropy at T = 0.01: {curve[0]:.3f}, at T = 100: {curve[-1]:.3f}, log n = {math.log(24):.3f}")
couplings_g = [0.0, 0.3, 0.6, 0.9, 0.99, 0.999]
j = attempt("ex03 couplings", ex03.couplings, q, q)
ising = None
if j is not None:
    ising = [attempt("ex05 Ising weights", lambda g=g: float(ex05.weight_entropy(ex05.effective_weights(j, g)).mean())) for g in couplings_g]
    print("Ising-attention entropy vs g:", {g: round(s, 3) for g, s in zip(couplings_g, ising, strict=True) if s is not None})
if plt is not None and curve is not None and ising is not None and None not in ising:
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.5))
    axes[0].semilogx(temperatures, curve)
    axes[0].axhline(math.log(24), ls="--", color="grey")
    axes[0].set_xlabel("temperature T")
    axes[0].set_ylabel("mean entropy (nats)")
    axes[0].set_title("softmax attention")
    axes[1].plot(couplings_g, ising, "o-")
    axes[1].set_xlabel("coupling g")
    axes[1].set_title("Ising attention")
    plt.show()
