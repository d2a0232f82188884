"""Dimensionality Reduction: Linear Transformations and Autoencoders (iCSC 2026).

The course package ships the lecture notes (``lecture/``), the exercise stubs
(``exercises/``), the public checks (``checks/``), the self-study notebook
(``notebooks/``) and the small library the exercises build on:

* :mod:`icsc_dim_reduction.datasets` — the data sets (digits that scikit-learn ships,
  an S-shaped curve, Gaussian data with a known spectrum) and Gaussian corruption;
* :mod:`icsc_dim_reduction.training` — a deterministic, single-threaded torch training
  loop for reconstruction models, and small tensor helpers;
* :mod:`icsc_dim_reduction.validation` — argument checks shared by the exercises.
"""

from icsc_kit import Course, Exercise

COURSE = Course(
    slug="dim-reduction",
    title="Dimensionality Reduction: Linear Transformations and Autoencoders",
    presenters=("Athar Khodabakhsh",),
    lecture_hours=1,
    exercise_hours=0,
    package=__name__,
    summary=(
        "Why reduce dimensions; PCA through the SVD and the Eckart-Young theorem; fully "
        "connected and convolutional autoencoders; compression, denoising, clustering and "
        "classification in a latent space; how to choose a method. Exercises for self-study."
    ),
    # No `limits`: the kit's defaults (8 GiB address space, 120 s) already let torch load
    # in the grading worker, and every training in the tests takes about a second.
    exercises=(
        Exercise("ex01_pca_svd", "PCA from scratch with the SVD, checked against scikit-learn", 15),
        Exercise("ex02_choose_k", "Choosing k: explained variance and Eckart-Young errors", 15),
        Exercise(
            "ex03_nonlinear_manifold", "A curve where PCA fails and an autoencoder does not", 20
        ),
        Exercise("ex04_linear_autoencoder", "A linear autoencoder finds the PCA subspace", 15),
        Exercise("ex05_conv_denoising", "Convolutional and denoising autoencoders on digits", 20),
        Exercise("ex06_latent_tasks", "Clustering and classification in a latent space", 15),
    ),
)

__all__ = ["COURSE"]
