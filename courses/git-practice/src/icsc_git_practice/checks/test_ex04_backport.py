"""Public checks of exercise 4 (backport a hotfix)."""

import pytest

from icsc_git_practice.repostate import commits, patch_id, tree_files


@pytest.mark.points(2)
def test_backports_exactly_the_fix(exercise, release):
    ex = exercise("ex04_backport")
    new = ex.backport_fix(release.repo, release.bug_id, release.source, release.release)
    assert new == commits(release.repo, f"{release.release_tip}..{release.release}")
    assert [patch_id(release.repo, sha) for sha in new] == [
        patch_id(release.repo, sha) for sha in release.fix_commits
    ]
    files = {
        path: data.decode() for path, data in tree_files(release.repo, release.release).items()
    }
    assert files == release.expected_release_files
