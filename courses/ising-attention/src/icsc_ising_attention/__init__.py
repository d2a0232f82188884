"""Self-Attention as a Stack of Finite-Dimensional Ising Models (iCSC 2026).

The course package ships the lecture notes (``lecture/``), the exercise stubs
(``exercises/``), the public checks (``checks/``), the exercise-hour notebook
(``notebooks/``) and a small library the exercises and the notebook build on:

* :mod:`icsc_ising_attention.tensors` — argument checks with one-sentence errors;
* :mod:`icsc_ising_attention.problems` — seeded queries, keys, values, masks and tokens;
* :mod:`icsc_ising_attention.spin_models` — Curie-Weiss mean field and its exact
  solution, modern Hopfield retrieval, and attention dynamics of tokens on a sphere.
"""

from icsc_kit import Course, Exercise

COURSE = Course(
    slug="ising-attention",
    title="Self-Attention as a Stack of Finite-Dimensional Ising Models",
    presenters=("Lehar Laxmi Joshi",),
    lecture_hours=1,
    exercise_hours=1,
    package=__name__,
    summary=(
        "Self-attention read as statistical physics: tokens as vector spins, attention "
        "weights as Boltzmann weights at a temperature, a layer stack as explicit time "
        "steps of a spin system; mean field, stability of the time stepping, clustering, "
        "scaling with sequence length and masking, on CPU and GPU with PyTorch."
    ),
    exercises=(
        Exercise("ex01_sdpa", "Scaled dot-product attention from scratch, with masks", 12),
        Exercise("ex02_boltzmann", "Attention weights as Boltzmann weights of an energy", 10),
        Exercise("ex03_ising_relaxation", "An Ising-attention layer relaxed by explicit Euler", 18),
        Exercise("ex04_scaling", "Operation counts and memory as the sequence grows", 10),
        Exercise("ex05_entropy", "Entropy of attention weights vs temperature and coupling", 10),
    ),
)

__all__ = ["COURSE"]
