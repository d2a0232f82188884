"""Draw the lecture figures into src/icsc_scaling_laws/lecture/figures/ (PNG).

    uv run python courses/scaling-laws/tools/make_figures.py

Every number comes from the course library (shipped data, published parameters) or from
the small computations below; the tiny-model figure trains models with the reference
solution of exercise 5 (about half a minute on one core). Deterministic: same output on
every run with the same library versions.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from scipy.optimize import curve_fit, minimize_scalar

from icsc_scaling_laws.chinchilla_data import load_chinchilla_runs, replication_subset
from icsc_scaling_laws.laws import chinchilla_loss
from icsc_scaling_laws.published import (
    BESIROGLU_2024,
    CHINCHILLA,
    CHINCHILLA_FLOPS,
    GOPHER,
    HOFFMANN_2022,
    KAPLAN_2020,
)
from icsc_scaling_laws.synthetic import power_law_samples

COURSE = Path(__file__).resolve().parents[1]
OUT = COURSE / "src" / "icsc_scaling_laws" / "lecture" / "figures"
DPI = 120


def _save(fig: plt.Figure, name: str) -> None:
    fig.tight_layout()
    fig.savefig(OUT / name, dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    print(f"wrote {OUT / name}")


def _optimum(compute: float, p: dict) -> tuple[float, float]:
    """Closed-form compute-optimal (N, D) of Hoffmann et al. (2022), Section 3.3."""
    g = (p["alpha"] * p["A"] / (p["beta"] * p["B"])) ** (1 / (p["alpha"] + p["beta"]))
    n = g * (compute / 6) ** (p["beta"] / (p["alpha"] + p["beta"]))
    return n, compute / (6 * n)


def power_law_axes() -> None:
    x = np.logspace(0, 4, 200)
    pure = 2.0 * x**-0.5
    offset = 1.0 + 2.0 * x**-0.5
    fig, (lin, log) = plt.subplots(1, 2, figsize=(9, 3.6))
    for ax in (lin, log):
        ax.plot(x, pure, label=r"$y = 2\,x^{-0.5}$")
        ax.plot(x, offset, label=r"$y = 1 + 2\,x^{-0.5}$")
        ax.set_xlabel("x")
        ax.set_ylabel("y")
    lin.set_title("linear axes")
    log.set_xscale("log")
    log.set_yscale("log")
    log.set_title("log-log axes: pure power law is a straight line")
    log.legend()
    _save(fig, "power_law_axes.png")


def noise_models() -> None:
    x = np.logspace(0, 3, 40)
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.6), sharey=True)
    for ax, noise, sigma in zip(axes, ("additive", "multiplicative"), (0.02, 0.2), strict=True):
        y = power_law_samples(x, 2.0, -0.5, noise=noise, sigma=sigma, seed=4)
        slope, intercept = np.polyfit(np.log(x), np.log(y), 1)
        (a, b), _ = curve_fit(lambda u, a, b: a * u**b, x, y, p0=(np.exp(intercept), slope))
        ax.scatter(x, y, s=12, color="0.3", label=f"{noise} noise")
        ax.plot(x, 2.0 * x**-0.5, "k--", lw=1, label="truth: b = -0.50")
        ax.plot(x, np.exp(intercept) * x**slope, label=f"log-log fit: b = {slope:.3f}")
        ax.plot(x, a * x**b, label=f"NLS fit: b = {b:.3f}")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("x")
        ax.set_title(f"{noise} noise")
        ax.legend(fontsize=8)
    axes[0].set_ylabel("y")
    _save(fig, "noise_models.png")


def chinchilla_runs() -> None:
    runs = load_chinchilla_runs()
    kept = replication_subset(runs)
    dropped = np.setdiff1d(np.arange(len(runs)), np.flatnonzero(np.isin(runs.loss, kept.loss)))
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    points = left.scatter(kept.flops, kept.loss, c=np.log10(kept.n_params), s=14, cmap="viridis")
    left.scatter(
        runs.flops[dropped], runs.loss[dropped], marker="x", color="red", label="5 excluded"
    )
    compute = np.logspace(17.5, 22, 100)
    frontier = [chinchilla_loss(*_optimum(c, BESIROGLU_2024), BESIROGLU_2024)[0] for c in compute]
    left.plot(compute, frontier, "k-", label="compute-optimal loss (Besiroglu et al. fit)")
    left.set_xscale("log")
    left.set_xlabel("training FLOPs C")
    left.set_ylabel("final loss (nats/token)")
    left.set_title("245 runs extracted from Hoffmann et al. Fig. 4")
    left.legend(fontsize=8)
    fig.colorbar(points, ax=left, label="log10 parameters N")
    predicted = chinchilla_loss(kept.n_params, kept.tokens, BESIROGLU_2024)
    right.scatter(predicted, kept.loss, s=10, label="Besiroglu et al. (2024) fit")
    rounded = chinchilla_loss(kept.n_params, kept.tokens, HOFFMANN_2022)
    right.scatter(rounded, kept.loss, s=10, marker="^", label="Hoffmann et al. (2022), as printed")
    line = np.array([1.9, 3.5])
    right.plot(line, line, "k--", lw=1)
    right.set_xlabel("predicted loss")
    right.set_ylabel("observed loss")
    right.set_title("which parameters fit the extracted data?")
    right.legend(fontsize=8)
    _save(fig, "chinchilla_runs.png")


def isoflop_curves() -> None:
    fig, ax = plt.subplots(figsize=(6, 4))
    n = np.logspace(7, 12, 400)
    for compute in (1e18, 1e20, 1e22, 1e24):
        loss = chinchilla_loss(n, compute / (6 * n), BESIROGLU_2024)
        (curve,) = ax.plot(n, loss, label=f"C = {compute:.0e} FLOPs")
        n_opt, d_opt = _optimum(compute, BESIROGLU_2024)
        ax.plot(
            n_opt, chinchilla_loss(n_opt, d_opt, BESIROGLU_2024)[0], "o", color=curve.get_color()
        )
    ax.set_xscale("log")
    ax.set_ylim(1.8, 4.5)
    ax.set_xlabel("parameters N (D = C / 6N)")
    ax.set_ylabel("predicted loss")
    ax.set_title("IsoFLOP curves of the refitted law; dots = optimum")
    ax.legend(fontsize=8)
    _save(fig, "isoflop_curves.png")


def frontiers() -> None:
    compute = np.logspace(18, 26, 100)
    fig, ax = plt.subplots(figsize=(6.5, 4.3))
    for params, label in (
        (BESIROGLU_2024, "Besiroglu et al. 2024 fit (a = 0.51)"),
        (HOFFMANN_2022, "Hoffmann et al. 2022 approach 3, as printed (a = 0.45)"),
    ):
        ax.plot(compute, [_optimum(c, params)[0] for c in compute], label=label)
    # Exponent-only lines through Chinchilla's point, to compare slopes.
    for exponent, style, label in (
        (0.5, ":", "a = 0.50 (Hoffmann approach 1)"),
        (KAPLAN_2020["N_opt_exponent"], "--", "a = 0.73 (Kaplan et al. 2020)"),
    ):
        ax.plot(
            compute,
            CHINCHILLA["n_params"] * (compute / CHINCHILLA_FLOPS) ** exponent,
            "k" + style,
            lw=1,
            label=label + ", through Chinchilla",
        )
    ax.plot(CHINCHILLA_FLOPS, CHINCHILLA["n_params"], "r*", ms=12, label="Chinchilla 70B / 1.4T")
    ax.plot(CHINCHILLA_FLOPS, GOPHER["n_params"], "bs", label="Gopher 280B / 300B")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("training FLOPs C")
    ax.set_ylabel("compute-optimal parameters N_opt")
    ax.set_title(r"compute-optimal frontiers $N_{opt} \propto C^a$")
    ax.legend(fontsize=7)
    _save(fig, "frontiers.png")


def inference_aware() -> None:
    p = BESIROGLU_2024
    n_ref, d_ref = _optimum(1e23, p)
    target = chinchilla_loss(n_ref, d_ref, p)[0]
    n_min = (p["A"] / (target - p["E"])) ** (1 / p["alpha"])

    def train_tokens(n):
        return (p["B"] / (target - p["E"] - p["A"] * n ** -p["alpha"])) ** (1 / p["beta"])

    demand = np.logspace(9, 15, 61)
    sizes, ratios = [], []
    for d_inf in demand:
        result = minimize_scalar(
            lambda log_n, d_inf=d_inf: (
                6 * np.exp(log_n) * train_tokens(np.exp(log_n)) + 2 * np.exp(log_n) * d_inf
            ),
            bounds=(np.log(n_min) + 1e-9, np.log(n_min) + 20),
            method="bounded",
            options={"xatol": 1e-10},
        )
        n = np.exp(result.x)
        sizes.append(n)
        ratios.append(train_tokens(n) / n)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    left.plot(demand, np.array(sizes) / 1e9)
    left.axhline(n_ref / 1e9, color="k", ls="--", lw=1, label="Chinchilla-optimal (no inference)")
    left.set_ylabel("optimal parameters (billions)")
    right.plot(demand, ratios)
    right.axhline(d_ref / n_ref, color="k", ls="--", lw=1, label="Chinchilla-optimal")
    right.set_ylabel("training tokens per parameter")
    for ax in (left, right):
        ax.set_xscale("log")
        ax.set_xlabel("lifetime inference tokens")
        ax.legend(fontsize=8)
    right.set_yscale("log")
    fig.suptitle(
        f"same loss ({target:.3f} nats) at least lifetime cost, Besiroglu et al. law", fontsize=10
    )
    _save(fig, "inference_aware.png")


def tiny_models() -> None:
    spec = importlib.util.spec_from_file_location(
        "ex05", COURSE / "solutions" / "ex05_tiny_models.py"
    )
    ex05 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ex05)
    import torch  # noqa: PLC0415

    torch.set_num_threads(1)
    widths, tokens = [1, 2, 4, 8, 16], [256, 1024, 4096, 16384]
    runs = ex05.scaling_grid(widths, tokens)
    entropy = runs[0]["entropy"]
    fig, ax = plt.subplots(figsize=(6, 4))
    for k, d in enumerate(tokens):
        pts = runs[k :: len(tokens)]
        ax.plot(
            [r["n_params"] for r in pts],
            [r["loss"] - entropy for r in pts],
            "o-",
            label=f"D = {d} tokens",
        )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("parameters N")
    ax.set_ylabel("loss - entropy (nats/token)")
    ax.xaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    ax.yaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    ax.set_title("tiny models on a Markov source (exercise 5)")
    ax.legend(fontsize=8)
    _save(fig, "tiny_models.png")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for draw in (
        power_law_axes,
        noise_models,
        chinchilla_runs,
        isoflop_curves,
        frontiers,
        inference_aware,
        tiny_models,
    ):
        draw()


if __name__ == "__main__":
    main()
