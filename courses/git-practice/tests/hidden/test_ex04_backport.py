"""Hidden tests of exercise 4: the backport, judged with the git command line.

The commits to pick and the release tree that must result come from the scenario
generator; ``git patch-id --stable`` proves each copy carries the same change.
"""

import itertools

import pytest

from icsc_git_practice import scenarios
from icsc_git_practice.gitcli import run_git
from icsc_git_practice.repostate import (
    commits,
    detach_head,
    fsck_problems,
    head_state,
    is_clean,
    log_field,
    make_dirty,
    parents,
    patch_id,
    rev,
    snapshot,
    tree_files,
)


@pytest.fixture(params=(1, 2), ids=lambda seed: f"seed{seed}")
def backported(request, exercise, once, scenario_template, tmp_path_factory):
    """The backport made by the exercise, once per seed, shared read-only by the tests."""
    ex = exercise("ex04_backport")

    def compute():
        template = scenario_template(scenarios.release_with_hotfix, seed=request.param)
        scenario = scenarios.copy_scenario(template, tmp_path_factory.mktemp("release") / "copy")
        return scenario, ex.backport_fix(
            scenario.repo, scenario.bug_id, scenario.source, scenario.release
        )

    return once((ex, request.param), compute)


@pytest.mark.points(2)
def test_exactly_the_fix_commits_are_copied_in_order(backported):
    scenario, new = backported
    assert new == commits(scenario.repo, f"{scenario.release_tip}..{scenario.release}")
    assert [patch_id(scenario.repo, sha) for sha in new] == [
        patch_id(scenario.repo, sha) for sha in scenario.fix_commits
    ]
    chain = [scenario.release_tip, *new]
    for parent, child in itertools.pairwise(chain):
        assert parents(scenario.repo, child) == [parent]


@pytest.mark.points(2)
def test_release_tree_has_the_fix_and_nothing_else(backported):
    scenario, _ = backported
    files = {
        path: data.decode() for path, data in tree_files(scenario.repo, scenario.release).items()
    }
    assert files == scenario.expected_release_files
    for decoy in scenario.decoys:
        assert not any(
            patch_id(scenario.repo, sha) == patch_id(scenario.repo, decoy)
            for sha in commits(scenario.repo, f"{scenario.release_tip}..{scenario.release}")
        )


def test_authorship_and_provenance_are_recorded(backported):
    scenario, new = backported
    for copy, original, person in zip(new, scenario.fix_commits, scenario.fix_authors, strict=True):
        assert log_field(scenario.repo, copy, "%an <%ae>") == person.ident
        assert log_field(scenario.repo, copy, "%ad") == log_field(scenario.repo, original, "%ad")
        message = log_field(scenario.repo, copy, "%B")
        assert message.startswith(log_field(scenario.repo, original, "%B").strip().splitlines()[0])
        assert f"(cherry picked from commit {original})" in message


def test_other_refs_do_not_move_and_head_returns(backported):
    scenario, _ = backported
    assert rev(scenario.repo, scenario.source) == scenario.source_tip
    assert (
        rev(scenario.repo, f"{scenario.tag}^{{commit}}")
        == parents(scenario.repo, scenario.release_tip)[0]
    )
    assert head_state(scenario.repo) == f"refs/heads/{scenario.source}"
    assert is_clean(scenario.repo)
    assert fsck_problems(scenario.repo) == []


def test_second_run_adds_nothing(exercise, release):
    ex = exercise("ex04_backport")
    first = ex.backport_fix(release.repo, release.bug_id, release.source, release.release)
    assert len(first) == len(release.fix_commits)
    before = snapshot(release.repo)
    assert ex.backport_fix(release.repo, release.bug_id, release.source, release.release) == []
    assert snapshot(release.repo) == before


def test_works_from_the_release_branch_too(exercise, release):
    ex = exercise("ex04_backport")
    run_git(release.repo, "checkout", "--quiet", release.release)
    new = ex.backport_fix(release.repo, release.bug_id, release.source, release.release)
    assert len(new) == len(release.fix_commits)
    assert head_state(release.repo) == f"refs/heads/{release.release}"
    assert is_clean(release.repo)
    assert tree_files(release.repo, "HEAD") == {
        path: text.encode() for path, text in release.expected_release_files.items()
    }


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("malformed-id", "bug_id"),
        ("unknown-bug", "no commit"),
        ("unknown-release", "unknown"),
        ("not-a-repo", "not a git repository"),
        ("dirty", "dirty"),
        ("detached", "detached"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(exercise, release, tmp_path, case, words):
    ex = exercise("ex04_backport")
    repo, bug, target = release.repo, release.bug_id, release.release
    if case == "malformed-id":
        bug = f"fix {release.bug_id}"
    elif case == "unknown-bug":
        bug = "BUG-1"
    elif case == "unknown-release":
        target = "release/0.9"
    elif case == "not-a-repo":
        repo = tmp_path / "plain"
        repo.mkdir()
    elif case == "dirty":
        make_dirty(release.repo)
    elif case == "detached":
        detach_head(release.repo)
    before = snapshot(release.repo)
    with pytest.raises(ValueError, match=words):
        ex.backport_fix(repo, bug, release.source, target)
    assert snapshot(release.repo) == before
