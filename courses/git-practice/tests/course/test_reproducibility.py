"""Every scenario is reproducible bit for bit from its seed, whatever the machine's git setup.

The pinned hashes below were produced by the generators with seed 0. A commit hash covers
the tree (every file's bytes), the parents, author and committer names, e-mails, dates
with zones, and the message; so an equal hash means an identical history. If a change to
a generator is intended, update the pins in the same commit.
"""

import os

import pytest

from icsc_git_practice import scenarios
from icsc_git_practice.gitcli import git

PINNED = {
    "messy": "7a4ba560a9eae36ae61ba15763b35f8125b16d0b",
    "regression": "31eb1fe81b0adef96358b3a81930af6358421848",
    "conflict": "cac4f0a79b6cbd40a45986c32e7496451735a777",
    "release": "8401e158dbf6983fbaba5b137808717684daeb38",
    "playground": "09a6eb86f4b6cf4a277ec986fb00564f7eabcf15",
    "team": "a9ca0eec55f3221a09792c006388691959d29fa3",
}

BUILDERS = {
    "messy": (scenarios.messy_feature, lambda s: s.original_tip, lambda s: s.repo),
    "regression": (scenarios.regression_history, lambda s: s.bad, lambda s: s.repo),
    "conflict": (scenarios.conflicting_branches, lambda s: s.theirs_tip, lambda s: s.repo),
    "release": (scenarios.release_with_hotfix, lambda s: s.source_tip, lambda s: s.repo),
    "playground": (scenarios.hook_playground, lambda s: s.head, lambda s: s.repo),
    "team": (scenarios.team, lambda s: s.local_commits[-1][-1], lambda s: s.clones[-1]),
}

HOSTILE_CONFIG = """[user]
    name = Someone Else
    email = else@example.com
[commit]
    gpgSign = true
[core]
    autocrlf = true
[init]
    defaultBranch = trunk
"""


def _all_refs(repo):
    return git(repo, "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/tags")


@pytest.mark.parametrize("name", list(BUILDERS))
def test_seed_zero_gives_the_pinned_history(tmp_path, monkeypatch, name):
    hostile = tmp_path / "hostile.gitconfig"
    hostile.write_text(HOSTILE_CONFIG)
    # What a student's machine might have: a global config, identity variables. None may leak.
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(hostile))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Leaked Name")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "1000000000 +0000")
    build, tip, repo = BUILDERS[name]
    scenario = build(tmp_path / "a", seed=0)
    assert tip(scenario) == PINNED[name]
    assert git(repo(scenario), "config", "--local", "user.name")


@pytest.mark.parametrize("name", ["messy", "release"])
def test_same_seed_same_refs_other_seed_other_refs(tmp_path, name):
    build, _, repo = BUILDERS[name]
    first, again, other = (
        build(tmp_path / label, seed=seed) for label, seed in (("a", 5), ("b", 5), ("c", 6))
    )
    assert _all_refs(repo(first)) == _all_refs(repo(again))
    assert _all_refs(repo(first)) != _all_refs(repo(other))


def test_generators_refuse_a_used_folder_and_bad_seeds(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "file.txt").write_text("x")
    with pytest.raises(ValueError, match="not an empty folder"):
        scenarios.messy_feature(tmp_path / "used")
    with pytest.raises(ValueError, match="seed must be >= 0"):
        scenarios.hook_playground(tmp_path / "new", seed=-1)
    with pytest.raises(TypeError, match="seed must be an int"):
        scenarios.hook_playground(tmp_path / "new", seed="1")
    with pytest.raises(ValueError, match="first_bad_index"):
        scenarios.regression_history(tmp_path / "new", n_commits=10, first_bad_index=11)
    with pytest.raises(ValueError, match="members"):
        scenarios.team(tmp_path / "new", members=1)
    assert not (tmp_path / "new").exists() or not any((tmp_path / "new").iterdir())


def test_pinned_scenario_runs_under_a_different_umask(tmp_path):
    old = os.umask(0o077)
    try:
        scenario = scenarios.hook_playground(tmp_path / "p", seed=0)
    finally:
        os.umask(old)
    assert scenario.head == PINNED["playground"]
