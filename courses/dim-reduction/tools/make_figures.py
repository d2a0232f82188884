"""Draw every figure of the dim-reduction lecture notes into src/icsc_dim_reduction/lecture/figures/.

Run from the repository root (matplotlib is the course's optional ``figures`` extra)::

    uv run --with matplotlib python courses/dim-reduction/tools/make_figures.py

The figures are computed, not drawn by hand: they run the reference solutions in
``solutions/`` on the course's data sets with fixed seeds, and print the numbers the
lecture notes quote (so notes and figures show the same runs). The autoencoder diagram
is written as SVG (editable source) and PNG; plots of data as PNG.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, Polygon, Rectangle

COURSE = Path(__file__).resolve().parents[1]
FIGURES = COURSE / "src" / "icsc_dim_reduction" / "lecture" / "figures"
sys.path.insert(0, str(COURSE / "src"))

from icsc_dim_reduction.datasets import (
    add_gaussian_noise,
    digits_split,
    flatten_images,
    gaussian_with_spectrum,
    load_digit_images,
    s_curve_2d,
)
from icsc_dim_reduction.threads import limited_threads

BLUE, ORANGE, GREEN, GREY, RED = "#1f77b4", "#ff7f0e", "#2ca02c", "#7f7f7f", "#d62728"
plt.rcParams.update({"font.size": 10, "svg.hashsalt": "icsc-dim-reduction", "svg.fonttype": "none"})


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


def save(fig: plt.Figure, name: str, *, svg: bool = False) -> None:
    FIGURES.mkdir(parents=True, exist_ok=True)
    fig.savefig(FIGURES / f"{name}.png", dpi=150, bbox_inches="tight", metadata={"Software": None})
    if svg:
        fig.savefig(
            FIGURES / f"{name}.svg", bbox_inches="tight", metadata={"Date": None, "Creator": None}
        )
    plt.close(fig)
    sys.stdout.write(f"wrote {name}\n")


def say(text: str) -> None:
    sys.stdout.write(f"  {text}\n")


def figure_pca_two_views(ex01: ModuleType) -> None:
    """PCA on a 2D cloud: the direction of largest variance = the line of closest fit."""
    rng = np.random.default_rng(0)
    angle = np.deg2rad(30)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    points = (rng.standard_normal((120, 2)) * [2.0, 0.6]) @ rotation.T + [1.0, 0.5]
    model = ex01.fit_pca(points, 2)
    mean, (first, second) = model["mean"], model["components"]
    scores = ex01.transform(points, mean, model["components"][:1])
    projected = ex01.inverse_transform(scores, mean, model["components"][:1])
    fig, ax = plt.subplots(figsize=(6.2, 4.4))
    for point, foot in zip(points, projected, strict=True):
        ax.plot(*zip(point, foot, strict=True), color=GREY, lw=0.6, alpha=0.6)
    ax.scatter(*points.T, s=12, color=BLUE, label="samples x")
    ax.scatter(*projected.T, s=8, color=ORANGE, label="rank-1 reconstruction")
    for direction, variance, colour, name in (
        (first, model["explained_variance"][0], RED, "PC1"),
        (second, model["explained_variance"][1], GREEN, "PC2"),
    ):
        tip = mean + 2 * np.sqrt(variance) * direction
        ax.add_patch(
            FancyArrowPatch(mean, tip, arrowstyle="-|>", mutation_scale=14, color=colour, lw=2)
        )
        ax.text(*(tip + 0.15 * direction), name, color=colour, fontweight="bold")
    ratio = model["explained_variance_ratio"]
    ax.set_title(
        f"PC1 explains {ratio[0]:.0%} of the variance; grey: the residuals PCA minimises",
        fontsize=9,
    )
    ax.set_aspect("equal")
    ax.legend(loc="lower right", fontsize=8)
    ax.set_xlabel("feature 1")
    ax.set_ylabel("feature 2")
    save(fig, "pca_two_views")


def figure_digits_spectrum(ex02: ModuleType, digits_matrix: np.ndarray) -> None:
    """Cumulative explained variance and the Eckart-Young reconstruction error of the digits."""
    ratio = ex02.explained_variance_ratio(digits_matrix)
    cumulative = np.cumsum(ratio)
    ks = np.arange(0, 65)
    measured = np.array([ex02.reconstruction_error(digits_matrix, int(k)) for k in ks])
    singular = np.linalg.svd(digits_matrix - digits_matrix.mean(axis=0), compute_uv=False)
    theorem = np.array([np.sum(singular[k:] ** 2) for k in ks])
    k90, k95 = ex02.choose_k(digits_matrix, 0.90), ex02.choose_k(digits_matrix, 0.95)
    say(f"digits: k(90 %) = {k90}, k(95 %) = {k95}, first component {ratio[0]:.1%}")
    say(
        f"digits: rank of centred data = {np.linalg.matrix_rank(digits_matrix - digits_matrix.mean(axis=0))}"
    )
    say(
        "digits: compression ratio at k(95 %) = "
        f"{ex02.compression_ratio(digits_matrix.shape[0], 64, k95):.2f}"
    )
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
    left.bar(np.arange(1, 65), ratio, color=BLUE, alpha=0.5, label="per component")
    left.plot(np.arange(1, 65), cumulative, color=RED, marker=".", label="cumulative")
    for k, level in ((k90, 0.90), (k95, 0.95)):
        left.axhline(level, color=GREY, ls=":", lw=1)
        left.axvline(k, color=GREY, ls=":", lw=1)
        left.text(k + 1, level - 0.08, f"k = {k} for {level:.0%}", fontsize=8)
    left.set_xlabel("number of components k")
    left.set_ylabel("fraction of total variance")
    left.set_title("digits (64 pixels): explained variance")
    left.legend(loc="center right", fontsize=8)
    right.semilogy(
        ks[:61], measured[:61], color=BLUE, lw=2, label=r"measured $\|X - \hat X_k\|_F^2$"
    )
    right.semilogy(
        ks[:61:4], theorem[:61:4], ls="none", marker="o", mfc="none", color=ORANGE,
        label=r"Eckart-Young: $\sum_{i>k} s_i^2$",
    )  # fmt: skip
    right.set_xlabel("number of components k")
    right.set_ylabel("squared reconstruction error")
    right.set_title("error of the rank-k reconstruction")
    right.legend(fontsize=8)
    fig.tight_layout()
    save(fig, "digits_spectrum")


def figure_digits_reconstructions(ex01: ModuleType, digits_matrix: np.ndarray) -> None:
    """Five digits and their PCA reconstructions with k = 2, 8, 16, 32 components."""
    picks = [0, 1, 2, 3, 4]
    ks = (2, 8, 16, 32)
    fig, axes = plt.subplots(len(ks) + 1, len(picks), figsize=(5.2, 5.6))
    for column, index in enumerate(picks):
        axes[0, column].imshow(digits_matrix[index].reshape(8, 8), cmap="gray_r", vmin=0, vmax=1)
    for row, k in enumerate(ks, start=1):
        model = ex01.fit_pca(digits_matrix, k)
        scores = ex01.transform(digits_matrix[picks], model["mean"], model["components"])
        back = ex01.inverse_transform(scores, model["mean"], model["components"])
        for column in range(len(picks)):
            axes[row, column].imshow(back[column].reshape(8, 8), cmap="gray_r", vmin=0, vmax=1)
        axes[row, 0].set_ylabel(f"k = {k}", rotation=0, ha="right", va="center")
    axes[0, 0].set_ylabel("original", rotation=0, ha="right", va="center")
    for ax in axes.ravel():
        ax.set_xticks([])
        ax.set_yticks([])
    fig.suptitle("PCA reconstructions of 8 x 8 digits", fontsize=10)
    save(fig, "digits_pca_reconstructions")


def figure_autoencoder_diagram() -> None:
    """Encoder -> bottleneck code -> decoder, with the loss."""
    fig, ax = plt.subplots(figsize=(8.5, 3.2))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 4)
    ax.axis("off")
    ax.add_patch(Rectangle((0.3, 0.6), 0.5, 2.8, fc=BLUE, alpha=0.3, ec="black"))
    ax.text(0.55, 0.3, "input x\n(d numbers)", ha="center", va="top", fontsize=9)
    ax.add_patch(
        Polygon([(1.2, 3.4), (1.2, 0.6), (3.8, 1.5), (3.8, 2.5)], fc=GREEN, alpha=0.3, ec="black")
    )
    ax.text(2.5, 2.0, "encoder f\nx -> z", ha="center", va="center")
    ax.add_patch(Rectangle((4.2, 1.5), 0.5, 1.0, fc=RED, alpha=0.4, ec="black"))
    ax.text(4.45, 1.3, "code z\n(k << d)", ha="center", va="top", fontsize=9)
    ax.add_patch(
        Polygon([(5.1, 1.5), (5.1, 2.5), (7.7, 3.4), (7.7, 0.6)], fc=ORANGE, alpha=0.3, ec="black")
    )
    ax.text(6.4, 2.0, "decoder g\nz -> x_hat", ha="center", va="center")
    ax.add_patch(Rectangle((8.1, 0.6), 0.5, 2.8, fc=BLUE, alpha=0.3, ec="black"))
    ax.text(8.35, 0.3, "output x_hat\n(d numbers)", ha="center", va="top", fontsize=9)
    ax.text(
        5.0, 3.85, "train f and g together to minimise  mean ||x - g(f(x))||^2",
        ha="center", fontsize=10,
    )  # fmt: skip
    ax.text(
        5.0, -0.45,
        "linear f, g: the code spans the PCA subspace | non-linear: curved manifolds | "
        "noisy x, clean target: denoising",
        ha="center", fontsize=8, color=GREY,
    )  # fmt: skip
    save(fig, "autoencoder", svg=True)


def figure_s_curve(ex03: ModuleType) -> None:
    """PCA (straight line) vs a 1D autoencoder (bent line) on the S-curve."""
    X, t = s_curve_2d(500, noise=0.0, seed=0)
    result = ex03.fit_mlp_autoencoder(X, 1)
    pca_error = ex03.pca_mse(X, 1)
    say(f"S-curve: PCA(1) mse = {pca_error:.4f}, autoencoder(1) mse = {result['mse']:.5f}")
    centred = X - X.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    pca_scores = centred @ vt[0]
    pca_back = np.outer(pca_scores, vt[0]) + X.mean(axis=0)
    from scipy.stats import spearmanr  # noqa: PLC0415  (only this figure needs it)

    say(
        f"S-curve: |Spearman| code vs t: PCA {abs(spearmanr(pca_scores, t).statistic):.3f}, "
        f"autoencoder {abs(spearmanr(result['codes'][:, 0], t).statistic):.4f}"
    )
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.6))
    for ax, back, title in (
        (axes[0], pca_back, f"PCA, k = 1: mse {pca_error:.3f}"),
        (axes[1], result["reconstructions"], f"autoencoder, k = 1: mse {result['mse']:.4f}"),
    ):
        ax.scatter(*X.T, s=6, color=GREY, alpha=0.5, label="data")
        order = np.argsort(t)
        ax.plot(*back[order].T, color=RED, lw=2, label="reconstruction")
        ax.set_title(title, fontsize=9)
        ax.set_aspect("equal")
        ax.legend(fontsize=7, loc="upper left")
    axes[2].scatter(t, pca_scores / np.std(pca_scores), s=5, color=BLUE, label="PCA score")
    codes = result["codes"][:, 0]
    axes[2].scatter(
        t, (codes - codes.mean()) / np.std(codes), s=5, color=RED, label="autoencoder code"
    )
    axes[2].set_xlabel("position t along the curve")
    axes[2].set_ylabel("code (standardised)")
    axes[2].set_title("is the 1D code a coordinate on the curve?", fontsize=9)
    axes[2].legend(fontsize=7)
    fig.tight_layout()
    save(fig, "s_curve_pca_vs_autoencoder")


def figure_linear_autoencoder(ex04: ModuleType) -> None:
    """Largest principal angle to the PCA subspace while a linear autoencoder trains."""
    X, _ = gaussian_with_spectrum(400, (4.0, 3.0, 2.0, 0.2, 0.15, 0.1, 0.05, 0.05, 0.02, 0.01), 0)
    centred = X - X.mean(axis=0)
    _, singular, vt = np.linalg.svd(centred, full_matrices=False)
    optimum = np.sum(singular[3:] ** 2) / X.size
    epochs = [2, 5, 10, 20, 50, 100, 200, 400]
    decoder_angle, encoder_angle, excess = [], [], []
    for count in epochs:
        result = ex04.fit_linear_autoencoder(X, 3, epochs=count)
        decoder_angle.append(np.max(ex04.principal_angles(result["decoder"], vt[:3].T)))
        encoder_angle.append(np.max(ex04.principal_angles(result["encoder"].T, vt[:3].T)))
        excess.append(result["mse"] / optimum - 1)
        if count == 200:
            gram = result["decoder"].T @ result["decoder"]
            say(f"linear AE (200 epochs): decoder angle {decoder_angle[-1]:.1e} rad, "
                f"encoder angle {encoder_angle[-1]:.1e} rad, mse / optimum - 1 = {excess[-1]:.1e}")  # fmt: skip
            say(
                f"linear AE: decoder D^T D diagonal {np.round(np.diag(gram), 2)} (not the identity)"
            )
    fig, ax = plt.subplots(figsize=(6.2, 3.8))
    ax.loglog(epochs, decoder_angle, marker="o", color=RED, label="decoder columns vs PCA")
    ax.loglog(epochs, encoder_angle, marker="s", color=BLUE, label="encoder rows vs PCA")
    ax.loglog(
        epochs,
        np.maximum(excess, 1e-8),
        marker="^",
        color=GREEN,
        label="mse / Eckart-Young optimum - 1",
    )
    ax.set_xlabel("full-batch Adam steps")
    ax.set_ylabel("largest principal angle (rad) / excess error")
    ax.set_title("a linear autoencoder (k = 3) converges to the PCA subspace", fontsize=9)
    ax.legend(fontsize=8)
    save(fig, "linear_autoencoder_angles")


def figure_denoising(ex05: ModuleType, split: dict[str, np.ndarray]) -> None:
    """Clean, noisy, denoised by the convolutional DAE, and projected on 16 PCA components."""
    noise = 0.2
    train, test = split["train_images"][:800], split["test_images"]
    result = ex05.fit_conv_autoencoder(train, test, noise_std=noise)
    plain = ex05.fit_conv_autoencoder(train, test)
    noisy = add_gaussian_noise(test, noise, 1)
    flat_train = flatten_images(train)
    mean = flat_train.mean(axis=0)
    _, _, vt = np.linalg.svd(flat_train - mean, full_matrices=False)
    basis = vt[:16]
    pca_denoised = ((flatten_images(noisy) - mean) @ basis.T @ basis + mean).reshape(-1, 8, 8)
    pca_mse = float(np.mean((pca_denoised - test) ** 2))
    pca_plain = ((flatten_images(test) - mean) @ basis.T @ basis + mean).reshape(-1, 8, 8)
    mean_image = float(np.mean((test - train.mean(axis=0)) ** 2))
    say(f"digits: mean-image predictor mse {mean_image:.4f}")
    say(
        f"conv AE (16 numbers/image): test mse {plain['test_mse']:.4f}, "
        f"PCA 16: {np.mean((pca_plain - test) ** 2):.4f}; parameters {plain['n_parameters']}"
    )
    say(
        f"denoising sigma={noise}: noisy {result['input_mse']:.4f}, conv DAE {result['test_mse']:.4f}, "
        f"PCA 16 projection {pca_mse:.4f}"
    )
    for channels in (4, 8):
        longer = ex05.fit_conv_autoencoder(
            split["train_images"],
            test,
            latent_channels=channels,
            noise_std=noise,
            epochs=60,
            lr=0.01,
        )
        say(
            f"denoising sigma={noise}, all {len(split['train_images'])} training images, 60 epochs, "
            f"lr 0.01, {channels} code channels: {longer['test_mse']:.4f}"
        )
    rows = (
        ("clean", test),
        (f"noisy (mse {result['input_mse']:.3f})", noisy),
        (f"conv DAE ({result['test_mse']:.3f})", result["reconstructions"]),
        (f"PCA 16 ({pca_mse:.3f})", pca_denoised),
    )
    picks = range(6)
    fig, axes = plt.subplots(len(rows), len(picks), figsize=(6.4, 4.8))
    for r, (label, images) in enumerate(rows):
        for c, index in enumerate(picks):
            axes[r, c].imshow(np.clip(images[index], 0, 1), cmap="gray_r", vmin=0, vmax=1)
            axes[r, c].set_xticks([])
            axes[r, c].set_yticks([])
        axes[r, 0].set_ylabel(label, rotation=0, ha="right", va="center", fontsize=8)
    fig.suptitle(f"denoising test digits, Gaussian noise sigma = {noise}", fontsize=10)
    save(fig, "denoising")


def figure_latent_spaces(ex03: ModuleType, ex06: ModuleType, split: dict[str, np.ndarray]) -> None:
    """Digits in 2D: PCA scores and a fully connected autoencoder's codes, coloured by label."""
    train = flatten_images(split["train_images"])
    test = flatten_images(split["test_images"])
    labels = split["train_labels"]
    mean = train.mean(axis=0)
    _, _, vt = np.linalg.svd(train - mean, full_matrices=False)
    pca_codes = (train - mean) @ vt[:2].T
    # The autoencoder sees train and test images, never a label (like the PCA fit could).
    everything = np.vstack([train, test])
    auto = ex03.fit_mlp_autoencoder(everything, 2, hidden=64, epochs=150, batch_size=128, lr=0.01)
    say(
        f"digits FC autoencoder k=2: mse {auto['mse']:.4f}, "
        f"PCA 2: {ex03.pca_mse(everything, 2):.4f}"
    )
    auto_train, auto_test = auto["codes"][: len(train)], auto["codes"][len(train) :]
    representations = {"pixels": (train, test)}
    for k in (2, 16):
        representations[f"pca{k}"] = ((train - mean) @ vt[:k].T, (test - mean) @ vt[:k].T)
    representations["autoencoder2"] = (auto_train, auto_test)
    table = ex06.compare_representations(representations, labels, split["test_labels"])
    for name, row in table.items():
        say(
            f"latent {name}: dims {row['dims']:.0f}, ARI {row['ari']:.3f}, accuracy {row['accuracy']:.3f}"
        )
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.4))
    cmap = plt.get_cmap("tab10")
    for ax, codes, title in (
        (axes[0], pca_codes, "PCA, 2 components"),
        (axes[1], auto_train, "fully connected autoencoder, 2D code"),
    ):
        for digit in range(10):
            chosen = labels == digit
            ax.scatter(*codes[chosen].T, s=5, color=cmap(digit), label=str(digit))
            centre = np.median(codes[chosen], axis=0)
            ax.text(*centre, str(digit), fontsize=12, fontweight="bold", ha="center", va="center")
        ax.set_title(title, fontsize=9)
        ax.set_xticks([])
        ax.set_yticks([])
    axes[1].legend(markerscale=3, fontsize=7, ncol=2, loc="best")
    save(fig, "latent_spaces")


def main() -> None:
    ex01 = load_solution("ex01_pca_svd")
    ex02 = load_solution("ex02_choose_k")
    ex03 = load_solution("ex03_nonlinear_manifold")
    ex04 = load_solution("ex04_linear_autoencoder")
    ex05 = load_solution("ex05_conv_denoising")
    ex06 = load_solution("ex06_latent_tasks")
    images, _ = load_digit_images()
    digits_matrix = flatten_images(images)
    split = digits_split(0.25, seed=0)
    with limited_threads(1):
        figure_pca_two_views(ex01)
        figure_digits_spectrum(ex02, digits_matrix)
        figure_digits_reconstructions(ex01, digits_matrix)
        figure_autoencoder_diagram()
        figure_s_curve(ex03)
        figure_linear_autoencoder(ex04)
        figure_denoising(ex05, split)
        figure_latent_spaces(ex03, ex06, split)


if __name__ == "__main__":
    main()
