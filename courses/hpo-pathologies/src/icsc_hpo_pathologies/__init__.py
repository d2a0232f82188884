"""Hell of Learning Pathologies and Stairway to Hyperparameters (iCSC 2026).

The course package ships the lecture notes (``lecture/``), the exercise stubs
(``exercises/``), the public checks (``checks/``), the hands-on notebook (``notebooks/``)
and a small library for training tiny torch models on CPU:

* :mod:`icsc_hpo_pathologies.data` — seeded toy data sets (generated or shipped with
  scikit-learn);
* :mod:`icsc_hpo_pathologies.models` — small MLPs and autoencoders built from a spec;
* :mod:`icsc_hpo_pathologies.training` — a training loop that records a
  :class:`~icsc_hpo_pathologies.history.History` (losses, metrics, gradient norms,
  activation statistics);
* :mod:`icsc_hpo_pathologies.catalogue` — deliberately broken (and healthy) training runs,
  each reproducible from a seed;
* :mod:`icsc_hpo_pathologies.benchmarks` — cheap test functions for comparing samplers.

Importing this module does not import torch; the library modules do.
"""

from icsc_kit import Course, Exercise, GradingLimits

COURSE = Course(
    slug="hpo-pathologies",
    title="Hell of Learning Pathologies and Stairway to Hyperparameters",
    presenters=("Jaroslaw Szumega",),
    lecture_hours=1,
    exercise_hours=1,
    package=__name__,
    summary=(
        "How neural-network training fails (overfitting, majority prediction, dead units, "
        "exploding and vanishing gradients, autoencoder shortcuts, divergence), how to "
        "recognise and cure each, which metric to trust, and hyperparameter optimisation "
        "with Optuna."
    ),
    # torch takes seconds to import (twice when graded: test process and worker) and the
    # suite trains ~40 tiny networks; the kit's 120 s default leaves no margin on a busy
    # machine.
    limits=GradingLimits(timeout_s=360.0, cpu_seconds=600),
    exercises=(
        Exercise("ex01_diagnose", "Diagnose pathologies from a training history", 15),
        Exercise("ex02_cure", "Cure each pathology and show the metric move", 15),
        Exercise("ex03_metrics", "Metrics that disagree with the loss", 10),
        Exercise("ex04_pruning", "An Optuna objective with intermediate reports and pruning", 10),
        Exercise("ex05_crash_safe_study", "A study in SQLite that survives a killed process", 10),
        Exercise("ex06_tune_the_tuner", "Compare samplers on a fixed budget", 10, optional=True),
    ),
)

__all__ = ["COURSE"]
