"""A messy feature branch: wip commits, a fixup, a commit and its revert, a back-merge.

The repository holds a tiny statistics package. ``main`` has three commits; the branch
``feature/median`` adds a median function, its tests and its documentation in nine
commits, the way such branches really look before review::

    1  add median to summary statistics.     (author A; subject badly worded)
    2  wip                                   (author B; first test)
    3  Add debug print                       (author A)
    4  fixup! add median to summary statistics.   (author A; fixes the even case)
    5  WIP: even case                        (author B)
    6  Test median on odd and even samples   (author B)
    7  Merge branch 'main' into feature/median    (brings main's third commit)
    8  Revert "Add debug print"              (author A)
    9  Document median in README.            (author A; subject badly worded)

Cleaned by the policy of exercise 1 it becomes three commits on top of ``main``:
``Add median to summary statistics`` (1+4), ``Test median on odd and even samples``
(2+5+6) and ``Document median in README`` (9), with the same final tree.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path

from icsc_git_practice.gitcli import Person, init_repository, run_git
from icsc_git_practice.history import HistoryWriter
from icsc_git_practice.scenarios.common import MAINTAINER, Clock, cast, check_seed, check_target

BRANCH = "feature/median"
BASE = "main"

SUMMARY_HEAD = '''"""Summary statistics of a sample of numbers."""


def mean(values):
    """Arithmetic mean of a non-empty sequence of numbers."""
    values = list(values)
'''
SUMMARY_DEBUG = '    print("mean of", values)  # debug\n'
SUMMARY_TAIL = """    if not values:
        raise ValueError("mean of an empty sample")
    return sum(values) / len(values)
"""
MEDIAN_START = '''

def median(values):
    """Middle value of a non-empty sequence of numbers (mean of the two middle ones if even)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("median of an empty sample")
    middle = len(ordered) // 2
'''
MEDIAN_BUGGY = "    return ordered[middle]\n"
MEDIAN_FIXED = """    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
"""

TESTS_HEAD = """import pytest

from tinystats.summary import mean, median


def test_mean():
    assert mean([1, 2, 3, 4]) == 2.5


def test_mean_of_nothing():
    with pytest.raises(ValueError, match="empty"):
        mean([])
"""


@dataclass(frozen=True)
class MessyFeature:
    """The messy-branch scenario and what a clean result must look like.

    ``original_tip``/``original_tree`` are the branch's commit and tree before cleaning;
    ``expected_subjects``, ``expected_authors`` and ``expected_files`` describe, oldest
    first, the commits that the cleaned branch must have on top of ``base``;
    ``expected_bodies`` holds the message bodies that must survive (empty string: none).
    """

    repo: Path
    seed: int
    branch: str
    base: str
    base_tip: str
    original_tip: str
    original_tree: str
    original_commits: tuple[str, ...]
    expected_subjects: tuple[str, ...]
    expected_authors: tuple[Person, ...]
    expected_files: tuple[frozenset[str], ...]
    expected_bodies: tuple[str, ...]


def _tests(odd: list[int], even: list[int] | None, extra: bool) -> str:
    text = (
        TESTS_HEAD
        + f"\n\ndef test_median_odd():\n    assert median({odd}) == {statistics.median(odd)}\n"
    )
    if even is not None:
        text += (
            f"\n\ndef test_median_even():\n    assert median({even}) == {statistics.median(even)}\n"
        )
    if extra:
        text += (
            "\n\ndef test_median_of_nothing():\n"
            '    with pytest.raises(ValueError, match="empty"):\n'
            "        median([])\n"
        )
    return text


def messy_feature(path: str | Path, seed: int = 0) -> MessyFeature:
    """Build the messy-branch repository in the new folder ``path``; see the module docstring.

    Deterministic: the same ``seed`` gives the same commit hashes. The branch
    ``feature/median`` is checked out and the work tree is clean. ``ValueError`` if
    ``path`` is not new or empty, ``TypeError``/``ValueError`` for a bad seed.
    """
    rng = check_seed(seed)
    folder = check_target(path)
    alice, bob, carol = cast(rng, 3)
    clock = Clock(rng)
    odd = rng.sample(range(1, 100), 5)
    even = rng.sample(range(1, 100), 6)
    year = 2025
    repo = init_repository(folder, MAINTAINER)

    summary = SUMMARY_HEAD + SUMMARY_TAIL
    readme = "# tinystats\n\nDescriptive statistics for small samples.\n\n## Functions\n\n- `mean(values)`\n"
    w = HistoryWriter()
    main = "refs/heads/main"
    m0 = w.commit(main, "Create tinystats package\n", carol, clock.tick(), {
        "tinystats/__init__.py": '"""Tiny descriptive statistics."""\n',
        "tinystats/summary.py": summary,
        "README.md": readme,
        "LICENSE": f"Copyright (c) {year} the tinystats authors. BSD-3-Clause.\n",
    })  # fmt: skip
    m1 = w.commit(main, "Test mean, including the empty sample\n", carol, clock.tick(),
                  {"tests/test_summary.py": TESTS_HEAD}, [m0])  # fmt: skip
    feature = f"refs/heads/{BRANCH}"
    with_median = summary + MEDIAN_START + MEDIAN_BUGGY
    body1 = "The input is copied by sorted(), never modified in place.\n"
    f1 = w.commit(feature, f"add median to summary statistics.\n\n{body1}", alice, clock.tick(),
                  {"tinystats/summary.py": with_median}, [m1])  # fmt: skip
    f2 = w.commit(feature, "wip\n", bob, clock.tick(),
                  {"tests/test_summary.py": _tests(odd, None, extra=False)}, [f1])  # fmt: skip
    debug = SUMMARY_HEAD + SUMMARY_DEBUG + SUMMARY_TAIL + MEDIAN_START
    f3 = w.commit(feature, "Add debug print\n", alice, clock.tick(),
                  {"tinystats/summary.py": debug + MEDIAN_BUGGY}, [f2])  # fmt: skip
    f4 = w.commit(feature, "fixup! add median to summary statistics.\n", alice, clock.tick(),
                  {"tinystats/summary.py": debug + MEDIAN_FIXED}, [f3])  # fmt: skip
    f5 = w.commit(feature, "WIP: even case\n", bob, clock.tick(),
                  {"tests/test_summary.py": _tests(odd, even, extra=False)}, [f4])  # fmt: skip
    f6 = w.commit(feature, "Test median on odd and even samples\n", bob, clock.tick(),
                  {"tests/test_summary.py": _tests(odd, even, extra=True)}, [f5])  # fmt: skip
    licence = {"LICENSE": f"Copyright (c) {year}-2026 the tinystats authors. BSD-3-Clause.\n"}
    m2 = w.commit(main, "Update copyright year\n", carol, clock.tick(), licence, [m1])
    # fast-import takes a merge's files from its first parent: name what main brought in.
    f7 = w.commit(
        feature, f"Merge branch 'main' into {BRANCH}\n", alice, clock.tick(), licence, [f6, m2]
    )
    marks = w.run(repo)

    revert = f'Revert "Add debug print"\n\nThis reverts commit {marks[f3]}.\n'
    final_summary = summary + MEDIAN_START + MEDIAN_FIXED
    f8 = w.commit(
        feature, revert, alice, clock.tick(), {"tinystats/summary.py": final_summary}, [marks[f7]]
    )
    doc = (
        readme
        + "- `median(values)`: middle value; mean of the two middle values if the size is even\n"
    )
    f9 = w.commit(
        feature, "Document median in README.\n", alice, clock.tick(), {"README.md": doc}, [f8]
    )
    later = w.run(repo)
    tip = later[f9]
    run_git(repo, "checkout", "--quiet", "--force", BRANCH)
    original = (*(marks[m] for m in (f1, f2, f3, f4, f5, f6, f7)), later[f8], tip)
    return MessyFeature(
        repo=repo,
        seed=seed,
        branch=BRANCH,
        base=BASE,
        base_tip=marks[m2],
        original_tip=tip,
        original_tree=run_git(repo, "rev-parse", f"{tip}^{{tree}}").stdout.decode().strip(),
        original_commits=original,
        expected_subjects=(
            "Add median to summary statistics",
            "Test median on odd and even samples",
            "Document median in README",
        ),
        expected_authors=(alice, bob, alice),
        expected_files=(
            frozenset({"tinystats/summary.py"}),
            frozenset({"tests/test_summary.py"}),
            frozenset({"README.md"}),
        ),
        expected_bodies=(body1, "", ""),
    )
