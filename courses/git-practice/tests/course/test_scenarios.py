"""The scenarios are what their docstrings promise, checked with git itself."""

import subprocess
import sys

import pytest

from icsc_git_practice import scenarios
from icsc_git_practice.gitcli import git, run_git
from icsc_git_practice.repostate import (
    commits,
    fsck_problems,
    is_clean,
    log_field,
    parents,
    tree_files,
)


@pytest.mark.parametrize(
    "build",
    [scenarios.messy_feature, scenarios.regression_history, scenarios.conflicting_branches,
     scenarios.release_with_hotfix, scenarios.hook_playground],
)  # fmt: skip
def test_scenario_repositories_are_healthy_and_clean(tmp_path, build):
    scenario = build(tmp_path / "repo", seed=3)
    assert fsck_problems(scenario.repo) == []
    assert is_clean(scenario.repo)


def test_messy_branch_has_the_documented_shape(tmp_path):
    s = scenarios.messy_feature(tmp_path / "m", seed=3)
    subjects = [log_field(s.repo, sha, "%s") for sha in s.original_commits]
    assert subjects[1] == "wip"
    assert subjects[3] == f"fixup! {subjects[0]}"
    assert subjects[7] == 'Revert "Add debug print"'
    assert f"This reverts commit {s.original_commits[2]}." in log_field(
        s.repo, s.original_commits[7], "%B"
    )
    assert len(parents(s.repo, s.original_commits[6])) == 2
    assert git(s.repo, "rev-parse", "--abbrev-ref", "HEAD") == s.branch
    # The merge really brings main in: the tip contains main's tip.
    assert (
        run_git(
            s.repo, "merge-base", "--is-ancestor", s.base_tip, s.original_tip, check=False
        ).returncode
        == 0
    )


def test_check_script_agrees_with_the_reference_predicate(tmp_path):
    s = scenarios.regression_history(tmp_path / "r", seed=4, n_commits=12, first_bad_index=6)
    assert commits(s.repo, "main") == list(s.commits)
    for index in (0, 5, 6, 12):
        sha = s.commits[index]
        run_git(s.repo, "checkout", "--quiet", sha)
        status = subprocess.run(
            [sys.executable, "check_gain.py"], cwd=s.repo, capture_output=True, check=False
        )
        assert (status.returncode == 0) == s.is_good(sha) == (index < 6)
    run_git(s.repo, "checkout", "--quiet", "main")
    assert is_clean(s.repo), "running the check must not leave files behind"


@pytest.mark.parametrize("policy", scenarios.POLICIES)
def test_conflict_model_agrees_with_git(tmp_path, policy):
    s = scenarios.conflicting_branches(tmp_path / "c", seed=4)
    failed = run_git(s.repo, "merge", "--no-edit", s.theirs, check=False)
    assert failed.returncode != 0
    assert sorted(git(s.repo, "diff", "--name-only", "--diff-filter=U").split()) == sorted(
        s.conflicted_paths
    )
    text = (s.repo / "config" / "selection.cfg").read_text()
    assert text.count("<<<<<<<") == 2, "selection.cfg has exactly two conflicting hunks"
    run_git(s.repo, "merge", "--abort")
    if (
        policy != "union"
    ):  # git merge has no -X union; the union model is checked by merge-file in the hidden tests
        run_git(s.repo, "merge", "--no-edit", "-X", policy, s.theirs)
        files = {path: data.decode() for path, data in tree_files(s.repo, "HEAD").items()}
        assert files == s.expected_files(policy)


def test_release_fix_is_found_by_trailer_and_applies_cleanly(tmp_path):
    s = scenarios.release_with_hotfix(tmp_path / "r", seed=4)
    listing = git(
        s.repo,
        "log",
        "--reverse",
        "--format=%H %(trailers:key=Fixes,valueonly,separator=%x2C)",
        "main",
    )
    fixing = [line.split()[0] for line in listing.splitlines() if line.split()[1:] == [s.bug_id]]
    assert fixing == list(s.fix_commits)
    run_git(s.repo, "checkout", "--quiet", s.release)
    run_git(s.repo, "cherry-pick", "-x", *s.fix_commits)
    files = {path: data.decode() for path, data in tree_files(s.repo, "HEAD").items()}
    assert files == s.expected_release_files


def test_team_race_rejects_the_first_push_once(tmp_path):
    t = scenarios.team(tmp_path / "t", seed=4, members=2)
    clone = t.clones[0]
    run_git(clone, "fetch", "--quiet", "origin")
    rejected = run_git(clone, "push", "origin", "main", check=False)
    assert rejected.returncode != 0
    assert b"rejected" in rejected.stderr
    assert len(t.ghost_commits()) == 1
    run_git(clone, "pull", "--quiet", "--rebase", "origin", "main")
    run_git(clone, "push", "--quiet", "origin", "main")
    assert len(t.ghost_commits()) == 1, "the race happens only once per clone"
    assert git(t.remote, "rev-parse", "main") == git(clone, "rev-parse", "main")
    assert fsck_problems(t.remote) == []


def test_team_without_race_installs_no_hook(tmp_path):
    t = scenarios.team(tmp_path / "t", seed=4, members=2, race=False)
    assert not any((clone / ".git" / "hooks" / "pre-push").exists() for clone in t.clones)
    for clone, shas in zip(t.clones, t.local_commits, strict=True):
        assert commits(clone, "origin/main..main") == list(shas)


def test_copied_team_races_against_its_own_remote(tmp_path):
    original = scenarios.team(tmp_path / "t", seed=4, members=2)
    copy = scenarios.copy_scenario(original, tmp_path / "copy")
    clone = copy.clones[0]
    assert git(clone, "config", "remote.origin.url") == str(copy.remote)
    run_git(clone, "fetch", "--quiet", "origin")
    assert run_git(clone, "push", "origin", "main", check=False).returncode != 0
    assert len(copy.ghost_commits()) == 1
    assert original.ghost_commits() == [], "the original scenario must not be touched"
    assert git(original.remote, "rev-parse", "main") == original.initial_tip


def test_copy_keeps_hashes_and_refuses_non_scenarios(tmp_path):
    original = scenarios.messy_feature(tmp_path / "m", seed=2)
    copy = scenarios.copy_scenario(original, tmp_path / "c")
    assert copy.repo == (tmp_path / "c").resolve()
    assert git(copy.repo, "rev-parse", copy.branch) == original.original_tip
    with pytest.raises(TypeError, match="scenario object"):
        scenarios.copy_scenario("not a scenario", tmp_path / "x")
