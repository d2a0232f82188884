"""Public checks of exercise 6 (integrate a team's work)."""

import pytest

from icsc_git_practice.repostate import commits, is_ancestor, log_field, rev


@pytest.mark.points(2)
def test_every_commit_reaches_the_remote(exercise, team_scenario):
    ex = exercise("ex06_team_sync")
    tip = ex.integrate_team(team_scenario.clones)
    remote = team_scenario.remote
    assert tip == rev(remote, "refs/heads/main")
    published = {
        (log_field(remote, sha, "%ae"), log_field(remote, sha, "%s"))
        for sha in commits(remote, "main")
    }
    for clone, shas in zip(team_scenario.clones, team_scenario.local_commits, strict=True):
        for sha in shas:
            key = (log_field(clone, sha, "%ae"), log_field(clone, sha, "%s"))
            assert key in published, f"commit {key} of {clone.name} was lost"
    for sha in team_scenario.ghost_commits():
        assert is_ancestor(remote, sha, "refs/heads/main"), "a team mate's commit was lost"
