"""Hidden tests of exercise 6: nobody's commit is lost, judged on the bare remote with git.

"Not lost" is checked two ways: with ``strategy="merge"`` the original commits must be
ancestors of the remote's branch (same hashes); with ``"rebase"`` each original commit
must have a copy with the same author, subject and ``git patch-id --stable``. The
simulated team mate's commits (:mod:`icsc_git_practice.teammate`) are never rewritten by
anyone, so they must be ancestors in both cases.
"""

import pytest

from icsc_git_practice import scenarios
from icsc_git_practice.gitcli import run_git
from icsc_git_practice.repostate import (
    commits,
    fsck_problems,
    head_state,
    is_ancestor,
    is_clean,
    log_field,
    make_dirty,
    patch_id,
    rev,
    snapshot,
)


def _fingerprint(repo, sha):
    return (log_field(repo, sha, "%an <%ae>"), log_field(repo, sha, "%s"), patch_id(repo, sha))


@pytest.fixture(params=[("rebase", 1), ("merge", 2)], ids=lambda p: f"{p[0]}-seed{p[1]}")
def integrated(request, exercise, once, scenario_template, tmp_path_factory):
    """The team integrated by the exercise, once per (strategy, seed), shared read-only."""
    strategy, seed = request.param
    ex = exercise("ex06_team_sync")

    def compute():
        template = scenario_template(scenarios.team, seed=seed)
        scenario = scenarios.copy_scenario(template, tmp_path_factory.mktemp("team") / "copy")
        originals = [
            [_fingerprint(clone, sha) for sha in shas]
            for clone, shas in zip(scenario.clones, scenario.local_commits, strict=True)
        ]
        tip = ex.integrate_team(
            [str(clone) for clone in scenario.clones], scenario.branch, strategy
        )
        return scenario, strategy, tip, originals

    return once((ex, strategy, seed), compute)


@pytest.mark.points(3)
def test_no_commit_is_lost(integrated):
    scenario, strategy, _, originals = integrated
    remote, branch = scenario.remote, f"refs/heads/{scenario.branch}"
    assert is_ancestor(remote, scenario.initial_tip, branch)
    assert len(scenario.ghost_commits()) == len(scenario.clones), (
        "each clone's first push should have been raced"
    )
    for sha in scenario.ghost_commits():
        assert is_ancestor(remote, sha, branch), "the team mate's commit was overwritten"
    published = {_fingerprint(remote, sha) for sha in commits(remote, branch)}
    for clone, shas, prints in zip(scenario.clones, scenario.local_commits, originals, strict=True):
        for sha, fingerprint in zip(shas, prints, strict=True):
            if strategy == "merge":
                assert is_ancestor(remote, sha, branch), (
                    f"{clone.name}'s commit {sha[:10]} is missing"
                )
            else:
                assert fingerprint in published, (
                    f"{clone.name}'s commit {fingerprint[1]!r} is missing"
                )


def test_shape_of_the_history(integrated):
    scenario, strategy, _, _ = integrated
    remote, branch = scenario.remote, f"refs/heads/{scenario.branch}"
    merges = run_git(remote, "rev-list", "--merges", branch).stdout.split()
    total = len(commits(remote, branch))
    if strategy == "rebase":
        assert merges == [], "a rebase integration keeps the history linear"
        assert total == 2 + sum(map(len, scenario.local_commits)) + len(scenario.ghost_commits())
    else:
        assert merges, "a merge integration records merge commits"


def test_everyone_ends_on_the_remote_tip(integrated):
    scenario, _, tip, _ = integrated
    assert tip == rev(scenario.remote, f"refs/heads/{scenario.branch}")
    assert fsck_problems(scenario.remote) == []
    for clone in scenario.clones:
        assert rev(clone, "HEAD") == tip
        assert rev(clone, f"refs/remotes/origin/{scenario.branch}") == tip
        assert head_state(clone) == f"refs/heads/{scenario.branch}"
        assert is_clean(clone)
        assert fsck_problems(clone) == []


def test_without_race_and_two_members(exercise, build):
    ex = exercise("ex06_team_sync")
    scenario = build(scenarios.team, seed=3, members=2, race=False)
    tip = ex.integrate_team(scenario.clones, scenario.branch, "rebase")
    assert len(commits(scenario.remote, tip)) == 2 + sum(map(len, scenario.local_commits))
    assert scenario.ghost_commits() == []


def test_gives_up_after_max_attempts(exercise, team_scenario):
    ex = exercise("ex06_team_sync")
    with pytest.raises(RuntimeError, match="attempt"):
        ex.integrate_team(team_scenario.clones, team_scenario.branch, "rebase", max_attempts=1)
    first = team_scenario.clones[0]
    for sha in team_scenario.local_commits[0]:
        fingerprint = _fingerprint(first, sha)
        assert fingerprint in {_fingerprint(first, c) for c in commits(first, "HEAD")}, (
            "work lost locally"
        )


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("empty", "clones"),
        ("strategy", "strategy"),
        ("attempts", "max_attempts"),
        ("not-a-repo", "not a git repository"),
        ("last-clone-dirty", "dirty"),
        ("wrong-branch", "branch"),
        ("two-remotes", "origin"),
    ],
)
def test_bad_input_is_refused_before_anything_changes(
    exercise, team_scenario, build, tmp_path, case, words
):
    ex = exercise("ex06_team_sync")
    clones, strategy, attempts = list(team_scenario.clones), "rebase", 5
    if case == "empty":
        clones = []
    elif case == "strategy":
        strategy = "squash"
    elif case == "attempts":
        attempts = 0
    elif case == "not-a-repo":
        (tmp_path / "plain").mkdir()
        clones.append(tmp_path / "plain")
    elif case == "last-clone-dirty":
        make_dirty(clones[-1])
    elif case == "wrong-branch":
        run_git(clones[-1], "switch", "--quiet", "-c", "topic")
    elif case == "two-remotes":
        other = build(scenarios.team, seed=4, members=2, race=False)
        clones.append(other.clones[0])
    watched = [team_scenario.remote, *team_scenario.clones]
    before = [snapshot(repo) for repo in watched]
    with pytest.raises(ValueError, match=words):
        ex.integrate_team(clones, team_scenario.branch, strategy, attempts)
    assert [snapshot(repo) for repo in watched] == before
    assert team_scenario.ghost_commits() == []
