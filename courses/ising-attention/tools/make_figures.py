"""Draw every figure of the ising-attention lecture notes into src/.../lecture/figures/.

Run from the repository root (matplotlib is the course's optional ``figures`` extra)::

    uv run --with matplotlib python courses/ising-attention/tools/make_figures.py

Every figure is computed here, on the CPU, from the course library
(:mod:`icsc_ising_attention.spin_models`, :mod:`icsc_ising_attention.problems`) and the
reference solutions of exercises 3 and 4 (loaded from ``solutions/``); seeds are fixed, so
a rerun redraws the same pictures.
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import torch

COURSE = Path(__file__).resolve().parents[1]
FIGURES = COURSE / "src" / "icsc_ising_attention" / "lecture" / "figures"
sys.path.insert(0, str(COURSE / "src"))

from icsc_ising_attention.problems import band_mask, clustered_tokens, padding_mask, random_qkv
from icsc_ising_attention.spin_models import (
    curie_weiss_magnetisation,
    fully_connected_ising,
    hopfield_retrieve,
    token_flow,
)

BLUE, ORANGE, GREEN, GREY, RED, PURPLE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#7f7f7f",
    "#d62728",
    "#9467bd",
)
plt.rcParams.update({"font.size": 10})
torch.set_num_threads(1)


def load_solution(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"_fig_{name}", COURSE / "solutions" / f"{name}.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def save(fig: plt.Figure, name: str) -> None:
    FIGURES.mkdir(parents=True, exist_ok=True)
    fig.savefig(FIGURES / f"{name}.png", dpi=150, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    print(f"wrote {name}.png")


def boltzmann_weights_figure() -> None:
    """One query's weights over 12 keys at three temperatures, and entropy vs T."""
    q, k, _ = random_qkv(1, 16, n_keys=12, seed=3)
    energy = (-(q @ k.T) / math.sqrt(16)).numpy()[0]
    order = np.argsort(energy)
    fig, axes = plt.subplots(1, 4, figsize=(13, 2.8), gridspec_kw={"width_ratios": [1, 1, 1, 1.3]})
    for axis, temperature, colour in zip(
        axes[:3], (0.2, 1.0, 5.0), (BLUE, ORANGE, GREEN), strict=True
    ):
        logits = -energy[order] / temperature
        p = np.exp(logits - logits.max())
        p /= p.sum()
        axis.bar(np.arange(12), p, color=colour)
        axis.set_ylim(0, 1)
        axis.set_title(
            f"T = {temperature:g}" + ("  (standard attention)" if temperature == 1 else "")
        )
        axis.set_xlabel("key, sorted by energy")
    axes[0].set_ylabel("weight p_j")
    temperatures = np.geomspace(1e-2, 1e2, 200)
    entropy = []
    for temperature in temperatures:
        logits = -energy / temperature
        p = np.exp(logits - logits.max())
        p /= p.sum()
        entropy.append(-(p * np.log(np.where(p > 0, p, 1))).sum())
    axes[3].semilogx(temperatures, entropy, color=PURPLE)
    axes[3].axhline(math.log(12), color=GREY, ls="--", lw=1)
    axes[3].text(1.2e-2, math.log(12) - 0.25, "log n (uniform)", color=GREY)
    axes[3].axhline(0, color=GREY, ls=":", lw=1)
    axes[3].text(1.2e-2, 0.08, "0 (argmax)", color=GREY)
    axes[3].axvline(1.0, color=ORANGE, lw=0.8)
    axes[3].set_xlabel("temperature T")
    axes[3].set_ylabel("entropy (nats)")
    axes[3].set_title("entropy of the weights")
    fig.tight_layout()
    save(fig, "boltzmann_weights")


def curie_weiss_figure() -> None:
    """Mean-field magnetisation vs the exact fully connected model for growing N."""
    temperatures = np.linspace(0.3, 1.6, 131)
    fig, axis = plt.subplots(figsize=(5.5, 3.6))
    for n_spins, colour in ((16, GREEN), (128, ORANGE), (1024, BLUE)):
        exact = [fully_connected_ising(n_spins, t)["abs_magnetisation"] for t in temperatures]
        axis.plot(temperatures, exact, color=colour, label=f"exact, N = {n_spins}")
    mean_field = [curie_weiss_magnetisation(t) for t in temperatures]
    axis.plot(temperatures, mean_field, color="black", ls="--", label="mean field (N → ∞)")
    axis.axvline(1.0, color=GREY, lw=0.8)
    axis.text(1.02, 0.9, "T_c = J", color=GREY)
    axis.set_xlabel("temperature T / J")
    axis.set_ylabel("<|m|>")
    axis.set_title("All-to-all Ising model: mean field becomes exact")
    axis.legend(frameon=False)
    fig.tight_layout()
    save(fig, "curie_weiss")


def hopfield_phase_figure() -> None:
    """Retrieval quality of a modern Hopfield update vs inverse temperature and load."""
    d = 16
    betas = np.geomspace(0.1, 100, 25)
    counts = np.array([2, 4, 8, 16, 32, 64, 128])
    generator = torch.Generator().manual_seed(5)
    overlap = np.zeros((counts.size, betas.size))
    for row, count in enumerate(counts):
        patterns = torch.randn(int(count), d, generator=generator, dtype=torch.float64)
        patterns = patterns / patterns.norm(dim=1, keepdim=True) * math.sqrt(d)
        noisy = patterns + 0.5 * torch.randn(
            patterns.shape, generator=generator, dtype=torch.float64
        )
        for col, beta in enumerate(betas):
            fixed = hopfield_retrieve(patterns, noisy, beta / d, n_steps=30)
            cosine = (fixed * patterns).sum(1) / (fixed.norm(dim=1) * patterns.norm(dim=1))
            overlap[row, col] = float(cosine.mean())
    fig, axis = plt.subplots(figsize=(6, 3.6))
    image = axis.pcolormesh(
        betas, counts, overlap, shading="nearest", cmap="viridis", vmin=0, vmax=1
    )
    axis.set_xscale("log")
    axis.set_yscale("log", base=2)
    axis.set_xlabel("inverse temperature β (in units of 1/d)")
    axis.set_ylabel("number of stored patterns N")
    axis.set_title("Hopfield/attention update: mean cosine to the stored pattern")
    fig.colorbar(image, ax=axis, label="cosine after 30 updates")
    axis.text(0.13, 3, "global average\n(one cluster)", color="white")
    axis.text(20, 3, "retrieval", color="black")
    fig.tight_layout()
    save(fig, "hopfield_phases")


def euler_stability_figure() -> None:
    """Error of explicit Euler vs step number around the bound; critical slowing down."""
    ex03 = load_solution("ex03_ising_relaxation")
    q, k, v = random_qkv(32, 8, seed=7)
    j = ex03.couplings(q, k)
    g = 0.8
    bound = ex03.step_size_bound(j, g)
    exact = ex03.fixed_point(j, v, g)
    fig, axes = plt.subplots(1, 3, figsize=(15, 3.6))
    steps = np.arange(0, 121, 2)
    for factor, colour in ((0.5, GREEN), (0.95, BLUE), (1.0, GREY), (1.03, RED)):
        errors = [
            float((ex03.relax(j, v, g, factor * bound, int(n)) - exact).norm()) for n in steps
        ]
        axes[0].semilogy(steps, errors, color=colour, label=f"τ = {factor:g} x 2/λ_max")
    axes[0].set_xlabel("time step (= layer)")
    axes[0].set_ylabel("|S_t - S*|")
    axes[0].set_title(f"explicit Euler, g = {g}")
    axes[0].legend(frameon=False, fontsize=8)
    couplings = np.array([0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99])
    needed = []
    for coupling in couplings:
        tau = 0.95 * ex03.step_size_bound(j, float(coupling))
        target = ex03.fixed_point(j, v, float(coupling))
        spins = torch.zeros_like(v)
        hessian = torch.eye(32, dtype=torch.float64) - float(coupling) * j
        n = 0
        while float((spins - target).norm()) > 1e-8 * float(target.norm()):
            spins = spins - tau * (hessian @ spins - v)
            n += 1
        needed.append(n)
    axes[1].loglog(1 - couplings[1:], needed[1:], "o-", color=BLUE, label="measured")
    reference = needed[-1] * (1 - couplings[-1]) / (1 - couplings[1:])
    axes[1].loglog(1 - couplings[1:], reference, "--", color=GREY, label="∝ 1 / (1 - g)")
    axes[1].invert_xaxis()
    axes[1].set_xlabel("distance to the critical coupling, 1 - g")
    axes[1].set_ylabel("steps to reach 1e-8")
    axes[1].set_title("critical slowing down")
    axes[1].legend(frameon=False)
    grid = np.linspace(0.0, 1.2, 241)
    eigenvalues = torch.linalg.eigvalsh(j).numpy()
    limit = 2.0 / (1.0 - grid * eigenvalues[0])
    physical = grid < 1.0
    axes[2].fill_between(grid[physical], 0, limit[physical], color=GREEN, alpha=0.3)
    axes[2].plot(grid, limit, color=BLUE, label="τ = 2 / λ_max(I - gJ)")
    axes[2].axvline(1.0, color=RED, label="g = 1: H loses positive definiteness")
    axes[2].text(0.25, 0.6, "converges", color="black")
    axes[2].text(0.25, limit.max() * 0.97, "Euler diverges", color=BLUE)
    axes[2].text(1.02, 0.6, "no\nminimum", color=RED)
    axes[2].set_xlim(0, 1.2)
    axes[2].set_ylim(0, limit.max() * 1.1)
    axes[2].set_xlabel("coupling g")
    axes[2].set_ylabel("step size τ")
    axes[2].set_title("stability diagram of the solver")
    axes[2].legend(frameon=False, fontsize=8, loc="lower left")
    fig.tight_layout()
    save(fig, "euler_stability")


def token_clustering_figure() -> None:
    """Angles of tokens on the circle under attention dynamics, for three temperatures."""
    generator = torch.Generator().manual_seed(11)
    angles = 2 * math.pi * torch.rand(40, generator=generator, dtype=torch.float64)
    tokens = torch.stack([torch.cos(angles), torch.sin(angles)], dim=1)
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.4), sharey=True)
    for axis, beta in zip(axes, (1.0, 9.0, 25.0), strict=True):
        trajectory = token_flow(tokens, beta, 0.1, 400)
        theta = torch.atan2(trajectory[..., 1], trajectory[..., 0]).numpy()
        time = 0.1 * np.arange(trajectory.shape[0])
        for index in range(theta.shape[1]):
            axis.plot(time, np.unwrap(theta[:, index]) % (2 * math.pi), ",", color=BLUE, ms=1)
        axis.set_title(f"β = {beta:g}")
        axis.set_xlabel("time t (step 0.1 per layer)")
    axes[0].set_ylabel("token angle θ_i")
    fig.suptitle(
        "Tokens moved by self-attention cluster (small β: one cluster, large β: several, long-lived)"
    )
    fig.tight_layout()
    save(fig, "token_clustering")


def scaling_figure() -> None:
    """Measured matrix-product operations and estimated memory vs sequence length."""
    ex04 = load_solution("ex04_scaling")
    ns = np.array([64, 128, 256, 512, 1024, 2048])
    d = 64
    flops = [ex04.count_flops(int(n), d, chunk_size=256) for n in ns]
    full = [ex04.memory_estimate(int(n), d)["total"] for n in ns]
    chunked = [ex04.memory_estimate(int(n), d, chunk_size=128)["total"] for n in ns]
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6))
    axes[0].loglog(ns, flops, "o-", color=BLUE, label="FlopCounterMode")
    axes[0].loglog(ns, 4 * ns**2 * d, "--", color=GREY, label="4 n² d")
    axes[0].set_title(f"operations, d = {d} (chunking does not change them)")
    axes[0].set_xlabel("sequence length n")
    axes[0].set_ylabel("floating-point operations")
    axes[0].legend(frameon=False)
    axes[1].loglog(ns, full, "o-", color=RED, label="full: scores n x n")
    axes[1].loglog(ns, chunked, "s-", color=GREEN, label="chunks of 128 queries")
    axes[1].set_title("memory estimate, float32")
    axes[1].set_xlabel("sequence length n")
    axes[1].set_ylabel("bytes")
    axes[1].legend(frameon=False)
    fig.tight_layout()
    save(fig, "scaling")


def masks_figure() -> None:
    """Causal, padding and band masks, and the sparsity of band-masked couplings."""
    n = 12
    causal = torch.ones(n, n, dtype=torch.bool).tril()
    padding = padding_mask([8], n)[0].expand(n, n)
    band = band_mask(n, 2)
    fig, axes = plt.subplots(1, 3, figsize=(10, 3.4))
    for axis, mask, title in zip(
        axes,
        (causal, padding, band),
        ("causal: j ≤ i", "padding: 8 real tokens", "band |i - j| ≤ 2: a stencil"),
        strict=True,
    ):
        axis.imshow(mask.numpy(), cmap="Greys", vmin=0, vmax=1.4)
        axis.set_title(title)
        axis.set_xlabel("key j")
        axis.set_ylabel("query i")
    fig.tight_layout()
    save(fig, "masks")


def clustered_couplings_figure() -> None:
    """Coupling matrix J of clustered tokens and the Ising-attention weights at three g."""
    ex03 = load_solution("ex03_ising_relaxation")
    ex05 = load_solution("ex05_entropy")
    tokens, _ = clustered_tokens(3, 8, 16, spread=0.35, seed=2)
    q = tokens * 3.0
    j = ex03.couplings(q, q)
    fig, axes = plt.subplots(1, 4, figsize=(13, 3.2))
    axes[0].imshow(j.numpy(), cmap="viridis")
    axes[0].set_title("couplings J (3 clusters)")
    for axis, coupling in zip(axes[1:], (0.3, 0.9, 0.999), strict=True):
        weights = ex05.effective_weights(j, coupling)
        entropy = float(ex05.weight_entropy(weights).mean())
        axis.imshow(weights.numpy(), cmap="viridis")
        axis.set_title(f"Ising weights, g = {coupling:g}\nmean entropy {entropy:.2f} nats")
    for axis in axes:
        axis.set_xticks([])
        axis.set_yticks([])
    fig.tight_layout()
    save(fig, "ising_weights")


def main() -> None:
    boltzmann_weights_figure()
    curie_weiss_figure()
    hopfield_phase_figure()
    euler_stability_figure()
    token_clustering_figure()
    scaling_figure()
    masks_figure()
    clustered_couplings_figure()


if __name__ == "__main__":
    main()
