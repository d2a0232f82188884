"""Cybersecurity in scientific computing (iCSC 2026).

The package ships the lecture notes (``lecture/``), the exercise stubs (``exercises/``),
the public checks (``checks/``), the hands-on notebook (``notebooks/``) and the small
library that the exercises work on. The library builds the *material*, never the
answers:

* :mod:`icsc_cybersecurity.datasets`: a reproducible toy detector dataset to protect;
* :mod:`icsc_cybersecurity.pipeline`: a toy analysis pipeline, its keys and the forged
  signature envelopes an attacker would try;
* :mod:`icsc_cybersecurity.packages`: real (tiny) wheels and sdists, hash-pinned
  requirement files, and the list of popular package names in ``data/``;
* :mod:`icsc_cybersecurity.archives`: benign and hostile tar and zip archives
  (traversal, links, device files, bombs);
* :mod:`icsc_cybersecurity.gitcli` and :mod:`icsc_cybersecurity.leaks`: a real git
  repository, built with the ``git`` command line, that leaked credentials in its
  history, and a notebook that leaked them in its outputs;
* :mod:`icsc_cybersecurity.pickles`: a harmless demonstrator of code execution by
  ``pickle`` and sample result files.
"""

from icsc_kit import Course, Exercise

COURSE = Course(
    slug="cybersecurity",
    title="Cybersecurity in scientific computing",
    presenters=("Aleksandra Kowalczuk",),
    lecture_hours=2,
    exercise_hours=2,
    package=__name__,
    summary=(
        "Security by design for research computing: integrity, trust and reproducibility; "
        "threats to scientific infrastructure; manifests, Merkle trees and signatures; "
        "dependency hygiene; safe archives; secrets in repositories and notebooks; "
        "safe deserialisation."
    ),
    exercises=(
        # Exercise set 1 (first exercise hour): integrity and trust.
        Exercise("ex01_dataset_manifest", "SHA-256 manifest and Merkle root of a dataset", 20),
        Exercise("ex02_sign_outputs", "Sign and verify pipeline outputs with pinned keys", 20),
        Exercise("ex03_dependency_hygiene", "Hash-pinned requirements and typo-squats", 20),
        # Exercise set 2 (second exercise hour): hostile inputs and leaks.
        Exercise("ex04_safe_extraction", "Extract untrusted tar and zip archives safely", 20),
        Exercise("ex05_find_secrets", "Secrets in git history and notebook outputs", 20),
        Exercise("ex06_safe_loading", "Store and load results without pickle", 20),
    ),
)

__all__ = ["COURSE"]
