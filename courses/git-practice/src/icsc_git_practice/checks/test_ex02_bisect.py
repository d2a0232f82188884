"""Public checks of exercise 2 (bisect)."""

import math

import pytest

from icsc_git_practice.repostate import head_state, is_clean


@pytest.mark.points(2)
def test_finds_the_first_bad_commit(exercise, regression):
    ex = exercise("ex02_bisect")
    found = ex.first_bad_commit(
        regression.repo, regression.good, regression.bad, list(regression.test_command)
    )
    assert found == regression.first_bad
    assert head_state(regression.repo) == "refs/heads/main", "the branch must be checked out again"
    assert is_clean(regression.repo)


def test_runs_the_test_a_logarithmic_number_of_times(exercise, regression, counting):
    ex = exercise("ex02_bisect")
    command, runs = counting(regression.test_command)
    ex.first_bad_commit(regression.repo, regression.good, regression.bad, command)
    n = len(regression.commits) - 1
    assert 1 <= runs() <= math.ceil(math.log2(n)) + 1, f"{runs()} test runs for {n} commits"
