"""Hidden tests of exercise 3: the merge result, against two independent references.

Reference 1 is the scenario's line model (it knows each side's edits and computes the
resolution of every hunk). Reference 2 is ``git merge-file --ours/--theirs/--union`` run
by the test itself on the three versions of each conflicted file.
"""

import pytest

from icsc_git_practice import scenarios
from icsc_git_practice.gitcli import git, run_git
from icsc_git_practice.repostate import (
    detach_head,
    fsck_problems,
    head_state,
    is_clean,
    log_field,
    make_dirty,
    parents,
    snapshot,
    tree_files,
)

POLICIES = ("ours", "theirs", "union")


@pytest.fixture(
    params=[(policy, seed) for policy in POLICIES for seed in (1, 2)],
    ids=lambda p: f"{p[0]}-seed{p[1]}",
)
def merged(request, exercise, once, scenario_template, tmp_path_factory):
    """The merge made by the exercise, once per (policy, seed), shared read-only by the tests."""
    policy, seed = request.param
    ex = exercise("ex03_conflict_policy")

    def compute():
        template = scenario_template(scenarios.conflicting_branches, seed=seed)
        scenario = scenarios.copy_scenario(template, tmp_path_factory.mktemp("conflict") / "copy")
        return scenario, policy, ex.merge_with_policy(scenario.repo, scenario.theirs, policy)

    return once((ex, policy, seed), compute)


@pytest.mark.points(2)
def test_result_matches_the_line_model(merged):
    scenario, policy, sha = merged
    files = {path: data.decode() for path, data in tree_files(scenario.repo, sha).items()}
    assert files == scenario.expected_files(policy)


@pytest.mark.points(2)
def test_conflicted_files_match_git_merge_file(merged, tmp_path):
    scenario, policy, sha = merged
    base = git(scenario.repo, "merge-base", scenario.ours_tip, scenario.theirs_tip)
    for path in scenario.conflicted_paths:
        versions = {}
        for name, commit in (
            ("ours", scenario.ours_tip),
            ("base", base),
            ("theirs", scenario.theirs_tip),
        ):
            versions[name] = tmp_path / f"{name}.txt"
            versions[name].write_bytes(run_git(scenario.repo, "show", f"{commit}:{path}").stdout)
        reference = run_git(
            scenario.repo, "merge-file", "-p", f"--{policy}",
            str(versions["ours"]), str(versions["base"]), str(versions["theirs"]),
        ).stdout  # fmt: skip
        assert tree_files(scenario.repo, sha)[path] == reference


def test_no_conflict_markers_remain(merged):
    scenario, _, sha = merged
    for path, data in tree_files(scenario.repo, sha).items():
        for marker in (b"<<<<<<<", b">>>>>>>", b"\n=======\n"):
            assert marker not in data, f"{path} still has a conflict marker"


def test_merge_commit_shape(merged):
    scenario, _, sha = merged
    assert parents(scenario.repo, sha) == [scenario.ours_tip, scenario.theirs_tip]
    assert log_field(scenario.repo, sha, "%s") == f"Merge branch '{scenario.theirs}'"
    message = log_field(scenario.repo, sha, "%B")
    assert not any(line.startswith("#") for line in message.splitlines()), (
        "comment lines left in the message"
    )


def test_repository_is_settled(merged):
    scenario, _, sha = merged
    assert head_state(scenario.repo) == f"refs/heads/{scenario.ours}"
    assert git(scenario.repo, "rev-parse", "HEAD") == sha
    assert is_clean(scenario.repo)
    assert not (scenario.repo / ".git" / "MERGE_HEAD").exists()
    assert git(scenario.repo, "rev-parse", scenario.theirs) == scenario.theirs_tip, (
        "the topic branch must not move"
    )
    assert fsck_problems(scenario.repo) == []


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("policy", "policy"),
        ("not-a-repo", "not a git repository"),
        ("dirty", "dirty"),
        ("detached", "detached"),
        ("unknown-branch", "unknown"),
        ("already-merged", "already merged"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(exercise, conflict, tmp_path, case, words):
    ex = exercise("ex03_conflict_policy")
    repo, branch, policy = conflict.repo, conflict.theirs, "union"
    if case == "policy":
        policy = "-s ours"
    elif case == "not-a-repo":
        repo = tmp_path / "plain"
        repo.mkdir()
    elif case == "dirty":
        make_dirty(conflict.repo)
    elif case == "detached":
        detach_head(conflict.repo)
    elif case == "unknown-branch":
        branch = "topic/nope"
    elif case == "already-merged":
        run_git(conflict.repo, "branch", "old-work", f"{conflict.ours_tip}~1")
        branch = "old-work"
    before = snapshot(conflict.repo)
    with pytest.raises(ValueError, match=words):
        ex.merge_with_policy(repo, branch, policy)
    assert snapshot(conflict.repo) == before
