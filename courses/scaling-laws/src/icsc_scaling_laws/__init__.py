"""Neural Scaling Laws (iCSC 2026).

The course package ships the lecture notes (``lecture/``), the exercise stubs
(``exercises/``), the public checks (``checks/``), the exercise-hour notebook
(``notebooks/``), the Chinchilla training runs extracted by Epoch AI (``data/``) and the
library the exercises build on:

* :mod:`icsc_scaling_laws.chinchilla_data` — load and validate the 245 extracted runs;
* :mod:`icsc_scaling_laws.laws` — the parametric law L(N, D) and its parameter checks;
* :mod:`icsc_scaling_laws.published` — published estimates (with their sources);
* :mod:`icsc_scaling_laws.synthetic` — power-law data with known parameters;
* :mod:`icsc_scaling_laws.tiny_lm` — a Markov source and tiny torch models (exercise 5).
"""

from icsc_kit import Course, Exercise

COURSE = Course(
    slug="scaling-laws",
    title="Neural Scaling Laws",
    presenters=("Albert Aillet",),
    lecture_hours=2,
    exercise_hours=1,
    package=__name__,
    summary=(
        "Power laws and how to fit them; Kaplan et al. vs Hoffmann et al. (Chinchilla); "
        "compute-optimal and inference-aware allocation of parameters and tokens; "
        "scaling under communication constraints."
    ),
    exercises=(
        Exercise("ex01_power_law_fit", "Fit a power law: log-log regression vs NLS", 10),
        Exercise("ex02_chinchilla_fit", "Refit L(N, D) on the Chinchilla runs (Huber, L-BFGS)", 20),
        Exercise("ex03_compute_optimal", "Compute-optimal N and D for a FLOP budget", 10),
        Exercise("ex04_inference_aware", "Inference-aware optimum for a lifetime demand", 10),
        Exercise("ex05_tiny_models", "Train tiny torch models and fit their scaling", 10),
    ),
)

__all__ = ["COURSE"]
