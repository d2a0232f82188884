"""Hidden tests for exercise 3: the requirements format, distances, squats, verdicts.

References: ``packaging`` (PEP 503 names, PEP 508 requirements), hashlib, published
distance examples (Levenshtein: flaw/lawn 2, saturday/sunday 3; OSA vs Damerau: CA/ABC).
"""

import hashlib

import pytest
from packaging.utils import canonicalize_name

from icsc_cybersecurity import packages


@pytest.mark.parametrize(
    "name", ["Foo.Bar", "foo__bar", "FOO-._-bar", "Jinja2", "typing_extensions", "a.b.c"]
)
def test_more_names_agree_with_packaging(exercise, name):
    ex = exercise("ex03_dependency_hygiene")
    assert ex.normalize_name(name) == canonicalize_name(name)


def test_normalize_name_failure_paths(exercise):
    ex = exercise("ex03_dependency_hygiene")
    with pytest.raises(TypeError):
        ex.normalize_name(b"numpy")
    with pytest.raises(ValueError, match="empty"):
        ex.normalize_name("")


def test_comments_continuations_and_markers(exercise):
    ex = exercise("ex03_dependency_hygiene")
    digest = "A" * 64
    text = (
        "# a comment line\n"
        "\n"
        "numpy==2.1.0 \\\n"
        f"    --hash=sha256:{digest}  # upper-case hex is fine\n"
        'tomli==2.0.1 ; python_version < "3.11"\n'
        "scipy>=1.10,<2  # range: not a pin\n"
        "astropy==6.*\n"
        "h5py\n"
    )
    parsed = ex.parse_requirements(text)
    assert parsed["numpy"] == {
        "specifier": "==2.1.0",
        "version": "2.1.0",
        "hashes": ["a" * 64],
        "marker": None,
    }
    assert parsed["tomli"]["marker"] == 'python_version < "3.11"'
    assert parsed["tomli"]["version"] == "2.0.1"
    assert parsed["scipy"]["version"] is None
    assert parsed["astropy"]["version"] is None
    assert parsed["h5py"] == {"specifier": "", "version": None, "hashes": [], "marker": None}


def test_several_hashes_are_kept_sorted_and_unique(exercise):
    ex = exercise("ex03_dependency_hygiene")
    b, a = "b" * 64, "a" * 64
    parsed = ex.parse_requirements(
        f"six==1.16.0 --hash=sha256:{b} --hash=sha256:{a} --hash=sha256:{b}\n"
    )
    assert parsed["six"]["hashes"] == [a, b]


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("-r other.txt\n", "option"),
        ("--extra-index-url https://pypi.example.org/simple\n", "option"),
        ("--index-url https://pypi.example.org/simple\n", "option"),
        ("-e .\n", "option"),
        ("numpy==2.1.0 --hash=md5:" + "0" * 32 + "\n", "sha256"),
        ("numpy==2.1.0 --hash=sha256:" + "0" * 63 + "\n", "sha256"),
        ("numpy==2.1.0 --no-binary :all:\n", "option"),
        ("numpy==2.1.0\nNumPy==2.1.0\n", "twice"),
        ("numpy @ https://example.org/numpy-2.1.0.whl\n", "URL"),
        ("numpy===\n", "invalid"),
    ],
)
def test_requirements_that_are_refused(exercise, text, keyword):
    ex = exercise("ex03_dependency_hygiene")
    with pytest.raises(ValueError, match=keyword):
        ex.parse_requirements(text)


def test_parse_requirements_needs_text(exercise):
    ex = exercise("ex03_dependency_hygiene")
    with pytest.raises(TypeError):
        ex.parse_requirements(b"numpy==2.1.0\n")


DISTANCES = [
    ("flaw", "lawn", 2),
    ("saturday", "sunday", 3),
    ("", "abc", 3),
    ("abc", "", 3),
    ("ab", "ba", 1),
    ("nmupy", "numpy", 1),
    ("Numpy", "numpy", 1),
    ("matplotib", "matplotlib", 1),
    ("abcdef", "badcfe", 3),
]


@pytest.mark.points(2)
def test_more_edit_distances(exercise):
    ex = exercise("ex03_dependency_hygiene")
    for a, b, distance in DISTANCES:
        assert ex.edit_distance(a, b) == distance, (a, b)
        assert ex.edit_distance(b, a) == distance, (b, a)


def test_edit_distance_needs_strings(exercise):
    ex = exercise("ex03_dependency_hygiene")
    with pytest.raises(TypeError):
        ex.edit_distance("numpy", None)


def test_typosquats_of_real_incidents_and_typos(exercise, popular):
    ex = exercise("ex03_dependency_hygiene")
    names = ["python3-dateutil", "jeIlyfish", "nmupy", "matplotib", "urllib4", "colourama",
             "mtplotlb", "Scikit_Learn", "requests", "requests-toolbelt", "zzz-internal-tool",
             "tox2", "numpyxx"]  # fmt: skip
    assert ex.find_typosquats(names, popular) == {
        "python3-dateutil": "python-dateutil",
        "jeilyfish": "jellyfish",
        "nmupy": "numpy",
        "matplotib": "matplotlib",
        "urllib4": "urllib3",
        "colourama": "colorama",
        "mtplotlb": "matplotlib",
    }


def test_no_popular_name_is_flagged(exercise, popular):
    ex = exercise("ex03_dependency_hygiene")
    assert ex.find_typosquats(popular, popular) == {}


def test_edit_distance_false_positive_is_documented(exercise, popular):
    """scapy is a real, legitimate package one letter away from scipy: a warning, not a verdict."""
    ex = exercise("ex03_dependency_hygiene")
    assert ex.find_typosquats(["scapy"], popular) == {"scapy": "scipy"}


def test_ties_go_to_the_closest_then_the_earliest(exercise):
    ex = exercise("ex03_dependency_hygiene")
    assert ex.find_typosquats(["abcf"], ["abcd", "abce"]) == {"abcf": "abcd"}
    assert ex.find_typosquats(["abcdx"], ["abcdyz", "abcd"]) == {"abcdx": "abcd"}


def test_a_clean_folder_is_installable(exercise, tmp_path):
    ex = exercise("ex03_dependency_hygiene")
    numpy = packages.build_wheel(tmp_path, "numpy", "2.1.0")
    six = packages.build_sdist(tmp_path, "six", "1.16.0")
    requirements = (
        f"numpy==2.1.0 --hash=sha256:{hashlib.sha256(numpy.read_bytes()).hexdigest().upper()}\n"
        f"six==1.16.0 --hash=sha256:{hashlib.sha256(six.read_bytes()).hexdigest()}\n"
    )
    (tmp_path / "requirements.txt").write_text(requirements)
    assert ex.check_artifacts(requirements, tmp_path) == {
        "artifacts": {"numpy-2.1.0-py3-none-any.whl": "ok", "six-1.16.0.tar.gz": "ok"},
        "requirements": {"numpy": "ok", "six": "ok"},
        "installable": True,
    }


def test_requirement_verdicts_of_the_scenario(exercise, artifacts):
    ex = exercise("ex03_dependency_hygiene")
    folder, requirements = artifacts
    assert ex.check_artifacts(requirements, folder)["requirements"] == {
        "numpy": "ok",
        "requests": "ok",
        "scipy": "no valid artifact",
        "matplotlib": "no valid artifact",
        "pandas": "not pinned",
        "astropy": "no hash",
        "reqeusts": "ok",
        "scikit-learn": "ok",
        "iminuit": "no valid artifact",
    }


def test_versions_are_compared_as_versions(exercise, tmp_path):
    """2.1 and 2.1.0 are the same version (PEP 440), whatever the strings say."""
    ex = exercise("ex03_dependency_hygiene")
    wheel = packages.build_wheel(tmp_path, "numpy", "2.1")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    report = ex.check_artifacts(f"numpy==2.1.0 --hash=sha256:{digest}\n", tmp_path)
    assert report["artifacts"] == {"numpy-2.1-py3-none-any.whl": "ok"}


def test_check_artifacts_needs_a_folder(exercise, tmp_path):
    ex = exercise("ex03_dependency_hygiene")
    with pytest.raises(NotADirectoryError):
        ex.check_artifacts("numpy==2.1.0\n", tmp_path / "missing")
