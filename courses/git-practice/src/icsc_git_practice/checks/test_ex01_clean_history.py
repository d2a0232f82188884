"""Public checks of exercise 1 (clean a messy feature branch)."""

import pytest

from icsc_git_practice.repostate import commits, log_field, make_dirty, parents, rev, snapshot


@pytest.mark.points(2)
def test_history_is_linear_on_main_and_keeps_the_tree(exercise, messy):
    ex = exercise("ex01_clean_history")
    ex.clean_feature_branch(messy.repo, messy.branch, messy.base)
    new = commits(messy.repo, f"{messy.base}..{messy.branch}")
    assert parents(messy.repo, new[0]) == [messy.base_tip], (
        "the clean history must start on main's tip"
    )
    assert all(len(parents(messy.repo, sha)) == 1 for sha in new), "no merge commits"
    assert rev(messy.repo, f"{messy.branch}^{{tree}}") == messy.original_tree, (
        "the final tree must not change"
    )


def test_subjects_follow_the_policy(exercise, messy):
    ex = exercise("ex01_clean_history")
    ex.clean_feature_branch(messy.repo, messy.branch, messy.base)
    new = commits(messy.repo, f"{messy.base}..{messy.branch}")
    assert [log_field(messy.repo, sha, "%s") for sha in new] == list(messy.expected_subjects)


def test_dirty_work_tree_is_refused_and_nothing_changes(exercise, messy):
    ex = exercise("ex01_clean_history")
    make_dirty(messy.repo)
    before = snapshot(messy.repo)
    with pytest.raises(ValueError, match="dirty"):
        ex.clean_feature_branch(messy.repo, messy.branch, messy.base)
    assert snapshot(messy.repo) == before
