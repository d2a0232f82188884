"""Public checks of exercise 3 (resolve a conflict by policy)."""

import pytest

from icsc_git_practice.repostate import parents, snapshot, tree_files


@pytest.mark.points(2)
def test_ours_policy_keeps_the_clean_changes_of_both_sides(exercise, conflict):
    ex = exercise("ex03_conflict_policy")
    merge = ex.merge_with_policy(conflict.repo, conflict.theirs, "ours")
    assert parents(conflict.repo, merge) == [conflict.ours_tip, conflict.theirs_tip]
    files = {path: data.decode() for path, data in tree_files(conflict.repo, merge).items()}
    assert files == conflict.expected_files("ours")


def test_unknown_policy_is_refused(exercise, conflict):
    ex = exercise("ex03_conflict_policy")
    before = snapshot(conflict.repo)
    with pytest.raises(ValueError, match="policy"):
        ex.merge_with_policy(conflict.repo, conflict.theirs, "mine")
    assert snapshot(conflict.repo) == before
