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
# # Dimensionality reduction — self-study notebook
#
# This notebook runs the six exercises from your workspace and shows what they compute:
# the spectrum of the digits, PCA against an autoencoder on a curve, a linear
# autoencoder converging to the PCA subspace, denoised digits, and clustering and
# classification scores in several latent spaces. A cell whose exercise you have not
# written yet says so and moves on; re-run it after you edit the file (the `load` helper
# re-imports it).
#
# | minutes | exercise | what |
# | --- | --- | --- |
# | 15 | ex01_pca_svd | PCA from the SVD, against scikit-learn |
# | 15 | ex02_choose_k | explained variance, choosing k, Eckart–Young |
# | 20 | ex03_nonlinear_manifold | an S-shaped curve: PCA fails, an autoencoder does not |
# | 15 | ex04_linear_autoencoder | principal angles; the linear autoencoder finds PCA's subspace |
# | 20 | ex05_conv_denoising | a convolutional denoising autoencoder on digits |
# | 15 | ex06_latent_tasks | k-means ARI and logistic-regression accuracy on codes |
#
# Plots need matplotlib (`pip install "icsc-dim-reduction[figures]"`); without it the
# notebook prints numbers only.

# %%
import importlib.util
import os
import sys
from pathlib import Path

import numpy as np

from icsc_dim_reduction.datasets import (
    digits_split,
    flatten_images,
    gaussian_with_spectrum,
    load_digit_images,
    s_curve_2d,
)
from icsc_kit.notebook import attempt, find_exercises, load_exercise


EXERCISES = find_exercises("ex01_pca_svd.py", env_var="ICSC_DIM_REDUCTION_EXERCISES")


def load(name: str):
    """Import (or re-import, after you edited it) exercise `name` from your workspace."""
    return load_exercise(EXERCISES, name)


try:
    import matplotlib.pyplot as plt
except ImportError:  # plots are optional
    plt = None
    print("matplotlib is not installed: numbers only (pip install 'icsc-dim-reduction[figures]')")

images, labels = load_digit_images()
digits = flatten_images(images)
split = digits_split(0.25, seed=0)
print(f"exercises from {EXERCISES}; digits: {digits.shape[0]} images of {digits.shape[1]} pixels")

# %% [markdown]
# ## Exercises 1 and 2: PCA of the digits
#
# Your `fit_pca` against scikit-learn, then the explained variance and the
# reconstruction error for every k. The error curve should lie on the Eckart–Young
# prediction $\sum_{i>k} s_i^2$.

# %%
from sklearn.decomposition import PCA

ex01 = load("ex01_pca_svd")
model = attempt("ex01 fit_pca", ex01.fit_pca, digits, 10)
if model is not None:
    reference = PCA(n_components=10, svd_solver="full").fit(digits)
    cosines = np.abs(np.sum(model["components"] * reference.components_, axis=1))
    print("|cos| between your components and scikit-learn's:", np.round(cosines, 12))
    print("explained variance ratio:", np.round(model["explained_variance_ratio"], 4))

ex02 = load("ex02_choose_k")
ratio = attempt("ex02 explained_variance_ratio", ex02.explained_variance_ratio, digits)
ks = np.arange(0, 62, 3)
errors = attempt("ex02 reconstruction_error", lambda: [ex02.reconstruction_error(digits, int(k)) for k in ks])
if ratio is not None:
    for threshold in (0.90, 0.95, 0.99):
        k = attempt("ex02 choose_k", ex02.choose_k, digits, threshold)
        if k is not None:
            print(f"{threshold:.0%} of the variance: k = {k}, compression ratio "
                  f"{attempt('ex02 compression_ratio', ex02.compression_ratio, digits.shape[0], 64, k)}")
singular = np.linalg.svd(digits - digits.mean(axis=0), compute_uv=False)
if plt is not None and ratio is not None and errors is not None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.5))
    left.plot(np.arange(1, len(ratio) + 1), np.cumsum(ratio), marker=".")
    left.set_xlabel("k")
    left.set_ylabel("cumulative explained variance")
    right.semilogy(ks, errors, label="your reconstruction error")
    right.semilogy(ks, [np.sum(singular[k:] ** 2) for k in ks], "o", mfc="none", label="Eckart-Young")
    right.set_xlabel("k")
    right.legend()
    plt.show()

# %% [markdown]
# ## Exercise 3: the S-curve
#
# One component of PCA against your autoencoder with a one-number code. Try
# `noise=0.1`, fewer epochs, or `hidden=4`: when does the autoencoder stop beating PCA?

# %%
from scipy.stats import spearmanr

ex03 = load("ex03_nonlinear_manifold")
curve, position = s_curve_2d(500, noise=0.0, seed=0)
auto = attempt("ex03 fit_mlp_autoencoder", ex03.fit_mlp_autoencoder, curve, 1)
pca_error = attempt("ex03 pca_mse", ex03.pca_mse, curve, 1)
if auto is not None and pca_error is not None:
    rho = spearmanr(auto["codes"][:, 0], position).statistic
    print(f"mse: PCA {pca_error:.4f}, autoencoder {auto['mse']:.5f} (ratio {auto['mse'] / pca_error:.4f})")
    print(f"rank correlation of the code with the position along the curve: {rho:+.4f}")
    if plt is not None:
        order = np.argsort(position)
        fig, ax = plt.subplots(figsize=(4, 5))
        ax.scatter(*curve.T, s=5, color="grey", label="data")
        ax.plot(*auto["reconstructions"][order].T, color="red", label="autoencoder")
        ax.set_aspect("equal")
        ax.legend()
        plt.show()

# %% [markdown]
# ## Exercise 4: a linear autoencoder finds the PCA subspace
#
# The largest principal angle between your decoder's columns and the first three
# principal directions, for increasing training. Is $D^\top D$ the identity?

# %%
ex04 = load("ex04_linear_autoencoder")
gauss, _ = gaussian_with_spectrum(400, (4.0, 3.0, 2.0, 0.2, 0.15, 0.1, 0.05, 0.05, 0.02, 0.01), seed=0)
directions = np.linalg.svd(gauss - gauss.mean(axis=0), full_matrices=False)[2][:3].T
steps, angles = [10, 50, 200], []
for count in steps:
    linear = attempt("ex04 fit_linear_autoencoder", ex04.fit_linear_autoencoder, gauss, 3, epochs=count)
    if linear is None:
        break
    angle = attempt("ex04 principal_angles", ex04.principal_angles, linear["decoder"], directions)
    if angle is None:
        break
    angles.append(float(np.max(angle)))
    print(f"{count:4d} steps: largest angle {angles[-1]:.2e} rad, mse {linear['mse']:.5f}")
if len(angles) == len(steps):
    print("D^T D after 200 steps:\n", np.round(linear["decoder"].T @ linear["decoder"], 2))
    if plt is not None:
        plt.loglog(steps, angles, marker="o")
        plt.xlabel("full-batch steps")
        plt.ylabel("largest principal angle (rad)")
        plt.show()

# %% [markdown]
# ## Exercise 5: denoising digits
#
# Noise of standard deviation 0.2 on the test digits, removed by your convolutional
# denoising autoencoder. Compare with the two baselines (σ² and the mean image), and
# try more epochs or all 1,347 training images.

# %%
ex05 = load("ex05_conv_denoising")
noise = 0.2
train_images, test_images = split["train_images"][:800], split["test_images"]
denoised = attempt("ex05 fit_conv_autoencoder", ex05.fit_conv_autoencoder, train_images, test_images, noise_std=noise)
if denoised is not None:
    mean_image = float(np.mean((test_images - train_images.mean(axis=0)) ** 2))
    print(f"mse: noisy input {denoised['input_mse']:.4f} (sigma^2 = {noise**2:.4f}), mean image {mean_image:.4f}, "
          f"denoised {denoised['test_mse']:.4f}; {denoised['n_parameters']} parameters")
    if plt is not None:
        from icsc_dim_reduction.datasets import add_gaussian_noise

        noisy = add_gaussian_noise(test_images, noise, 1)
        fig, axes = plt.subplots(3, 8, figsize=(8, 3))
        for column in range(8):
            for row, picture in enumerate((test_images, noisy, denoised["reconstructions"])):
                axes[row, column].imshow(np.clip(picture[column], 0, 1), cmap="gray_r")
                axes[row, column].axis("off")
        plt.show()

# %% [markdown]
# ## Exercise 6: what do the codes keep?
#
# k-means ARI on the test digits and logistic-regression accuracy, for raw pixels, PCA
# with 2 and 16 components, and your exercise 3 autoencoder with a two-number code
# (fitted without labels to all the digits).

# %%
ex06 = load("ex06_latent_tasks")
train_pixels = flatten_images(split["train_images"])
test_pixels = flatten_images(split["test_images"])
representations = {"pixels": (train_pixels, test_pixels)}
for k in (2, 16):
    pca = PCA(n_components=k, svd_solver="full").fit(train_pixels)
    representations[f"pca{k}"] = (pca.transform(train_pixels), pca.transform(test_pixels))
codes = attempt(
    "ex03 fit_mlp_autoencoder (digits)",
    ex03.fit_mlp_autoencoder,
    np.vstack([train_pixels, test_pixels]), 2, hidden=64, epochs=30, batch_size=128, lr=0.01,
)
if codes is not None:
    n_train = len(train_pixels)
    representations["autoencoder2"] = (codes["codes"][:n_train], codes["codes"][n_train:])
table = attempt("ex06 compare_representations", ex06.compare_representations, representations,
                split["train_labels"], split["test_labels"])
if table is not None:
    print(f"{'representation':>16} {'dims':>5} {'ARI':>6} {'accuracy':>9}")
    for name, row in table.items():
        print(f"{name:>16} {row['dims']:5.0f} {row['ari']:6.3f} {row['accuracy']:9.3f}")
