"""Public checks for exercise 3 (hash-pinned requirements, typo-squats).

References: ``packaging.utils.canonicalize_name`` (PEP 503), hashlib digests of the
artifact files, published edit-distance examples.
"""

import hashlib

import pytest
from packaging.utils import canonicalize_name

EXPECTED_VERDICTS = {
    "numpy-2.1.0-py3-none-any.whl": "ok",
    "requests-2.32.3-py3-none-any.whl": "ok",
    "requests-2.32.3.tar.gz": "ok",
    "scipy-1.13.0-py3-none-any.whl": "version mismatch",
    "matplotlib-3.9.2-py3-none-any.whl": "hash mismatch",
    "reqeusts-2.32.3-py3-none-any.whl": "ok",
    "scikit_learn-1.5.2-py3-none-any.whl": "ok",
    "pandas-2.2.2-py3-none-any.whl": "not pinned",
    "astropy-6.1.0-py3-none-any.whl": "no hash",
    "leftpad-1.0.0-py3-none-any.whl": "not required",
    "notes.txt": "not a distribution",
}
"""What pip's hash-checking mode makes of each file of the scenario (see the exercise)."""


def test_normalize_name_agrees_with_packaging(exercise):
    ex = exercise("ex03_dependency_hygiene")
    for name in ["requests", "Scikit_Learn", "zope.interface", "Django", "ruamel.yaml", "A-_.b"]:
        assert ex.normalize_name(name) == canonicalize_name(name), name


@pytest.mark.points(2)
def test_requirements_are_parsed_with_pins_and_hashes(exercise, artifacts):
    ex = exercise("ex03_dependency_hygiene")
    folder, requirements = artifacts
    parsed = ex.parse_requirements(requirements)
    wheel = hashlib.sha256((folder / "requests-2.32.3-py3-none-any.whl").read_bytes()).hexdigest()
    sdist = hashlib.sha256((folder / "requests-2.32.3.tar.gz").read_bytes()).hexdigest()
    assert parsed["requests"]["version"] == "2.32.3"
    assert parsed["requests"]["hashes"] == sorted([wheel, sdist])
    assert parsed["pandas"]["version"] is None
    assert parsed["pandas"]["specifier"] == ">=2.0"
    assert parsed["astropy"]["hashes"] == []
    assert "scikit-learn" in parsed


def test_edit_distance_known_values(exercise):
    ex = exercise("ex03_dependency_hygiene")
    for a, b, distance in [
        ("kitten", "sitting", 3),
        ("CA", "ABC", 3),  # 2 for unrestricted Damerau-Levenshtein: no substring edited twice
        ("reqeusts", "requests", 1),
        ("numpy", "numpy", 0),
    ]:
        assert ex.edit_distance(a, b) == distance, (a, b)


def test_the_typosquat_in_the_requirements_is_found(exercise, artifacts, popular):
    ex = exercise("ex03_dependency_hygiene")
    _, requirements = artifacts
    names = list(ex.parse_requirements(requirements))
    assert ex.find_typosquats(names, popular) == {"reqeusts": "requests"}


@pytest.mark.points(3)
def test_artifact_verdicts_follow_hash_checking_mode(exercise, artifacts):
    ex = exercise("ex03_dependency_hygiene")
    folder, requirements = artifacts
    report = ex.check_artifacts(requirements, folder)
    assert report["artifacts"] == EXPECTED_VERDICTS
    assert report["installable"] is False
    assert report["requirements"]["iminuit"] == "no valid artifact"
