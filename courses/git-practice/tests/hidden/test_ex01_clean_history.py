"""Hidden tests of exercise 1: the cleaned branch, judged with the git command line.

The expected subjects, authors and files come from the scenario generator (which knows
which logical change each messy commit belongs to), not from the reference solution.
"""

import itertools

import pytest

from icsc_git_practice import scenarios
from icsc_git_practice.gitcli import run_git
from icsc_git_practice.repostate import (
    changed_paths,
    commits,
    detach_head,
    fsck_problems,
    head_state,
    is_ancestor,
    is_clean,
    log_field,
    make_dirty,
    parents,
    rev,
    snapshot,
    tree_files,
)

SEEDS = (1, 2)
# Indices into MessyFeature.original_commits (the nine messy commits, see
# icsc_git_practice.scenarios.messy) of each clean commit's members, and of the member
# that gives the clean commit its author and message.
GROUPS = ((0, 3), (1, 4, 5), (8,))
MAIN_COMMITS = (0, 5, 8)


@pytest.fixture(params=SEEDS, ids=lambda seed: f"seed{seed}")
def scenario(request, build):
    return build(scenarios.messy_feature, seed=request.param)


@pytest.fixture(params=SEEDS, ids=lambda seed: f"seed{seed}")
def cleaned(request, exercise, once, scenario_template, tmp_path_factory):
    """The scenario cleaned by the exercise, computed once per seed and shared (read only)."""
    ex = exercise("ex01_clean_history")

    def compute():
        template = scenario_template(scenarios.messy_feature, seed=request.param)
        scenario = scenarios.copy_scenario(template, tmp_path_factory.mktemp("messy") / "copy")
        return scenario, ex.clean_feature_branch(scenario.repo, scenario.branch, scenario.base)

    return once((ex, request.param), compute)


@pytest.mark.points(2)
def test_plan_groups_fixups_wips_and_drops_reverts(exercise, scenario):
    ex = exercise("ex01_clean_history")
    before = snapshot(scenario.repo)
    plan = ex.plan_cleanup(scenario.repo, scenario.branch, scenario.base)
    original = scenario.original_commits
    expected = [
        (original[main], [original[i] for i in members])
        for main, members in zip(MAIN_COMMITS, GROUPS, strict=True)
    ]
    assert [(main, list(members)) for main, members in plan] == expected
    assert snapshot(scenario.repo) == before, "planning must not change the repository"


def test_returns_the_new_commits_oldest_first(cleaned):
    scenario, result = cleaned
    assert result == commits(scenario.repo, f"{scenario.base}..{scenario.branch}")
    assert len(result) == len(scenario.expected_subjects)


@pytest.mark.points(2)
def test_history_is_linear_on_top_of_base(cleaned):
    scenario, result = cleaned
    assert (
        run_git(scenario.repo, "rev-list", "--merges", f"{scenario.base}..{scenario.branch}").stdout
        == b""
    )
    chain = [scenario.base_tip, *result]
    for parent, child in itertools.pairwise(chain):
        assert parents(scenario.repo, child) == [parent]
    assert rev(scenario.repo, scenario.base) == scenario.base_tip, "base must not move"


@pytest.mark.points(2)
def test_final_tree_is_byte_identical(cleaned):
    scenario, _ = cleaned
    assert rev(scenario.repo, f"{scenario.branch}^{{tree}}") == scenario.original_tree
    diff = run_git(
        scenario.repo, "diff", "--quiet", scenario.original_tip, scenario.branch, check=False
    )
    assert diff.returncode == 0


def test_subjects_are_tidied(cleaned):
    scenario, result = cleaned
    assert [log_field(scenario.repo, sha, "%s") for sha in result] == list(
        scenario.expected_subjects
    )


def test_authors_and_author_dates_are_kept(cleaned):
    scenario, result = cleaned
    for sha, person, main in zip(result, scenario.expected_authors, MAIN_COMMITS, strict=True):
        assert log_field(scenario.repo, sha, "%an <%ae>") == person.ident
        original = scenario.original_commits[main]
        assert log_field(scenario.repo, sha, "%ad") == log_field(scenario.repo, original, "%ad")


def test_message_bodies_survive(cleaned):
    scenario, result = cleaned
    for sha, body in zip(result, scenario.expected_bodies, strict=True):
        assert log_field(scenario.repo, sha, "%b").strip() == body.strip()


@pytest.mark.points(2)
def test_each_commit_holds_exactly_its_change(cleaned):
    scenario, result = cleaned
    for sha, files in zip(result, scenario.expected_files, strict=True):
        assert changed_paths(scenario.repo, sha) == set(files)
    first = tree_files(scenario.repo, result[0])["tinystats/summary.py"]
    final = tree_files(scenario.repo, scenario.original_tip)["tinystats/summary.py"]
    assert first == final, (
        "the fixup belongs in the first commit; the debug print and its revert vanish"
    )


def test_backup_branch_keeps_every_original_commit(cleaned):
    scenario, _ = cleaned
    backup = f"refs/heads/backup/{scenario.branch}"
    assert rev(scenario.repo, backup) == scenario.original_tip
    for sha in scenario.original_commits:
        assert is_ancestor(scenario.repo, sha, backup)


def test_branch_is_checked_out_clean_and_healthy(cleaned):
    scenario, _ = cleaned
    assert head_state(scenario.repo) == f"refs/heads/{scenario.branch}"
    assert is_clean(scenario.repo)
    assert fsck_problems(scenario.repo) == []
    graph = run_git(scenario.repo, "log", "--graph", "--format=%s", scenario.branch).stdout.decode()
    assert all(line.startswith("* ") for line in graph.splitlines()), f"not linear:\n{graph}"


def _not_a_repo(scenario, tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    return folder, {}, "not a git repository", folder


def _dirty(scenario, _tmp_path):
    make_dirty(scenario.repo)
    return scenario.repo, {}, "dirty", scenario.repo


def _detached(scenario, _tmp_path):
    detach_head(scenario.repo)
    return scenario.repo, {}, "detached", scenario.repo


def _unknown_branch(scenario, _tmp_path):
    return scenario.repo, {"branch": "feature/nope"}, "unknown", scenario.repo


def _unknown_base(scenario, _tmp_path):
    return scenario.repo, {"base": "trunk"}, "unknown", scenario.repo


def _backup_exists(scenario, _tmp_path):
    run_git(scenario.repo, "branch", f"backup/{scenario.branch}", scenario.base)
    return scenario.repo, {}, "exists", scenario.repo


@pytest.mark.parametrize(
    "make_bad",
    [_not_a_repo, _dirty, _detached, _unknown_branch, _unknown_base, _backup_exists],
    ids=["not-a-repo", "dirty", "detached", "unknown-branch", "unknown-base", "backup-exists"],
)
def test_bad_input_is_refused_and_nothing_changes(exercise, build, tmp_path, make_bad):
    ex = exercise("ex01_clean_history")
    scenario = build(scenarios.messy_feature, seed=SEEDS[0])
    path, overrides, words, watched = make_bad(scenario, tmp_path)
    before = snapshot(scenario.repo)
    listing = sorted(p.name for p in watched.iterdir())
    arguments = {"branch": scenario.branch, "base": scenario.base, **overrides}
    with pytest.raises(ValueError, match=words):
        ex.clean_feature_branch(path, **arguments)
    assert snapshot(scenario.repo) == before
    assert sorted(p.name for p in watched.iterdir()) == listing
