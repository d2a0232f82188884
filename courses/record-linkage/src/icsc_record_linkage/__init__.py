"""Graphical Record Linkage with Big Data (iCSC 2026).

The course package ships the lecture notes (``lecture/``), the exercise stubs
(``exercises/``), the public checks (``checks/``), the self-study notebook
(``notebooks/``), the DBLP-ACM benchmark pairs (``data/``, Apache-2.0, see
``data/NOTICE.md``) and a small library:

* :mod:`icsc_record_linkage.register` — a seeded synthetic register of legal entities
  with ground-truth entity ids (legal-form variants, abbreviations, typos,
  transliterations, near-homonyms);
* :mod:`icsc_record_linkage.normalize` — name normalisation shared by the exercises;
* :mod:`icsc_record_linkage.dblp_acm` — a reader for the DBLP-ACM benchmark files.
"""

from icsc_kit import Course, Exercise

COURSE = Course(
    slug="record-linkage",
    title="Graphical Record Linkage with Big Data",
    presenters=("Isidro Javier García Fernández",),
    lecture_hours=1,
    exercise_hours=0,
    package=__name__,
    summary=(
        "Entity resolution in a register of millions of counterparties: blocking, pair "
        "scoring (string features, bi- and cross-encoders), graph clustering that cuts "
        "illogical links, evaluation, and scaling out. Exercises for self-study."
    ),
    exercises=(
        Exercise("ex01_blocking", "Blocking: pair completeness and reduction ratio", 20),
        Exercise("ex02_scoring", "Scoring candidate pairs with string features", 20),
        Exercise("ex03_clustering", "Clustering with networkx and cutting weak bridges", 20),
        Exercise("ex04_evaluation", "Pairwise P/R/F1 and B-cubed cluster measures", 15),
        Exercise(
            "ex05_embeddings",
            "A MiniLM bi-encoder: cosine scores and neighbour blocking",
            20,
            optional=True,
        ),
    ),
)

__all__ = ["COURSE"]
