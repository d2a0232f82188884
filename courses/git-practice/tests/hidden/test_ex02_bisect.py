"""Hidden tests of exercise 2: bisect, judged by a run counter and the git command line.

The first bad commit is known from the generator (it placed the regression); the bound
on test runs is ceil(log2(n)) + 1 for n candidate commits: binary search needs
ceil(log2(n)) runs in the worst case, and one extra run is allowed for implementations
that confirm an end point. Regressions placed near both ends make a linear scan from
either side exceed the bound.
"""

import math

import pytest

from icsc_git_practice import scenarios
from icsc_git_practice.gitcli import run_git
from icsc_git_practice.repostate import (
    detach_head,
    fsck_problems,
    head_state,
    is_clean,
    make_dirty,
    parents,
    snapshot,
)

CASES = [(50, 3, 1), (50, 47, 2), (33, 33, 4), (20, 1, 5)]


@pytest.mark.points(2)
@pytest.mark.parametrize(("n_commits", "first_bad_index", "seed"), CASES, ids=str)
def test_first_bad_commit_in_logarithmic_runs(
    exercise, build, counting, n_commits, first_bad_index, seed
):
    ex = exercise("ex02_bisect")
    scenario = build(
        scenarios.regression_history,
        seed=seed,
        n_commits=n_commits,
        first_bad_index=first_bad_index,
    )
    command, runs = counting(scenario.test_command)
    found = ex.first_bad_commit(scenario.repo, scenario.good, scenario.bad, command)
    assert found == scenario.first_bad
    assert runs() <= math.ceil(math.log2(n_commits)) + 1, f"{runs()} runs for {n_commits} commits"
    # The answer satisfies the definition, checked with the reference predicate:
    assert not scenario.is_good(found)
    assert scenario.is_good(parents(scenario.repo, found)[0])


def test_returns_a_full_hash_and_accepts_ref_names(exercise, regression):
    ex = exercise("ex02_bisect")
    found = ex.first_bad_commit(regression.repo, "v2.0", "main", list(regression.test_command))
    assert isinstance(found, str)
    assert len(found) == 40
    assert found == regression.first_bad


def test_repository_is_left_as_it_was(exercise, regression):
    ex = exercise("ex02_bisect")
    before = snapshot(regression.repo)
    ex.first_bad_commit(
        regression.repo, regression.good, regression.bad, list(regression.test_command)
    )
    assert snapshot(regression.repo) == before
    assert head_state(regression.repo) == "refs/heads/main"
    assert is_clean(regression.repo)
    assert run_git(regression.repo, "for-each-ref", "refs/bisect").stdout == b""
    assert fsck_problems(regression.repo) == []


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("not-a-repo", "not a git repository"),
        ("dirty", "dirty"),
        ("detached", "detached"),
        ("unknown-ref", "unknown"),
        ("swapped", "ancestor"),
        ("same", "ancestor"),
        ("empty-command", "test_command"),
    ],
)
def test_bad_input_is_refused_without_running_anything(
    exercise, regression, counting, tmp_path, case, words
):
    ex = exercise("ex02_bisect")
    command, runs = counting(regression.test_command)
    repo, good, bad = regression.repo, regression.good, regression.bad
    if case == "not-a-repo":
        repo = tmp_path / "plain"
        repo.mkdir()
    elif case == "dirty":
        make_dirty(regression.repo)
    elif case == "detached":
        detach_head(regression.repo)
    elif case == "unknown-ref":
        good = "v9.9"
    elif case == "swapped":
        good, bad = bad, good
    elif case == "same":
        good = bad
    elif case == "empty-command":
        command = []
    before = snapshot(regression.repo)
    with pytest.raises(ValueError, match=words):
        ex.first_bad_commit(repo, good, bad, command)
    assert snapshot(regression.repo) == before
    assert runs() == 0
