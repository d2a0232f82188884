# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Git in Practice: the exercise hour
#
# Every exercise works on a **real git repository** that the course builds for you on the
# fly, in a temporary folder, always the same for the same seed. You write a small function
# in `exNN_*.py` (in the workspace folder, one level above this notebook); this notebook
# builds the scenario, shows it, runs your function and shows what it did.
#
# Look at the repositories in a terminal too: every cell prints the folder it used. Inside,
# `git log --graph --oneline --all`, `git status` and `git reflog` are your best friends.
#
# Suggested order for one hour: ex01 (15 min), ex02 (8), ex03 (10), ex06 (12), then ex04
# and ex05. Run `icsc check` in the workspace to see which public checks pass, and
# `icsc hint ex01` when stuck.

# %%
import importlib
import sys
import tempfile
from pathlib import Path

from icsc_git_practice import scenarios
from icsc_git_practice.gitcli import git

here = Path.cwd()
workspace = here.parent if here.name == "notebooks" else here
sys.path.insert(0, str(workspace))
playground = Path(tempfile.mkdtemp(prefix="git-practice-"))
print("scenarios are built under", playground)


def show(repo, *args):
    """Print `git log --graph` (or any other git command) for a repository."""
    print(git(repo, *(args or ("log", "--graph", "--format=%h %an: %s%d", "--all"))))


def load(name):
    """(Re)load your exercise module from the workspace, so edits are picked up."""
    module = importlib.import_module(name)
    return importlib.reload(module)


def attempt(function, *args, **kwargs):
    """Run your function; report the TODO politely instead of a traceback."""
    try:
        return function(*args, **kwargs)
    except NotImplementedError as error:
        print("not written yet:", error)
    except ValueError as error:
        print("refused:", error)
    return None


# %% [markdown]
# ## Exercise 1: clean a messy feature branch
#
# Nine commits: wip, a fixup, a debug print and its revert, a merge from `main`, two
# subjects that end in a full stop. Read the policy in `ex01_clean_history.py`, look at the
# graph, then run your code. The final tree must not change (`git diff backup/... ...` is
# empty).

# %%
messy = scenarios.messy_feature(playground / "ex01", seed=1)
print(messy.repo)
show(messy.repo)

# %%
ex01 = load("ex01_clean_history")
print(attempt(ex01.plan_cleanup, messy.repo, messy.branch, messy.base))
new = attempt(ex01.clean_feature_branch, messy.repo, messy.branch, messy.base)
if new:
    show(messy.repo, "log", "--format=%h %an: %s", f"{messy.base}~1..{messy.branch}")
    print("tree unchanged:", git(messy.repo, "rev-parse", f"{messy.branch}^{{tree}}") == messy.original_tree)

# %% [markdown]
# ## Exercise 2: bisect
#
# `python check_gain.py` exits 0 on a good commit and 1 on a bad one. Between the tag
# `v2.0` (good) and `main` (bad) there are 50 commits; how few test runs do you need?

# %%
regression = scenarios.regression_history(playground / "ex02", seed=1)
show(regression.repo, "log", "--oneline", "-8")
print("...", len(regression.commits), "commits; test command:", regression.test_command)

# %%
ex02 = load("ex02_bisect")
found = attempt(ex02.first_bad_commit, regression.repo, "v2.0", "main", list(regression.test_command))
if found:
    show(regression.repo, "show", "--stat", "--format=%h %an %ad%n%s", found)

# %% [markdown]
# ## Exercise 3: resolve a conflict by a policy
#
# Try the merge by hand first (in a terminal, in the printed folder): `git merge
# topic/tighter-cuts`, read the markers, then `git merge --abort`. Then let your code do it
# with each policy, on a fresh copy each time.

# %%
ex03 = load("ex03_conflict_policy")
for policy in ("ours", "theirs", "union"):
    conflict = scenarios.conflicting_branches(playground / f"ex03-{policy}", seed=1)
    merge = attempt(ex03.merge_with_policy, conflict.repo, conflict.theirs, policy)
    if merge:
        print(f"--- {policy}: config/selection.cfg")
        print(git(conflict.repo, "show", f"{merge}:config/selection.cfg"))

# %% [markdown]
# ## Exercise 4: backport a hotfix
#
# Which commits of `main` carry the trailer `Fixes: <bug>`? Only those go to the release.

# %%
release = scenarios.release_with_hotfix(playground / "ex04", seed=1)
print("bug to backport:", release.bug_id)
show(release.repo, "log", "--graph", "--format=%h %s%d%n%(trailers:only)", "--all")

# %%
ex04 = load("ex04_backport")
picked = attempt(ex04.backport_fix, release.repo, release.bug_id, release.source, release.release)
if picked:
    show(release.repo, "log", "--format=%h %s%n%b", f"{release.release_tip}..{release.release}")

# %% [markdown]
# ## Exercise 5: a pre-commit hook
#
# Install your hook, then try to commit good and bad files with the real `git commit`.

# %%
hooks = scenarios.hook_playground(playground / "ex05", seed=1)
ex05 = load("ex05_pre_commit_hook")
installed = attempt(ex05.install_pre_commit_hook, hooks.repo, 10_000)
print("hook:", installed)

# %%
from icsc_git_practice.gitcli import run_git  # noqa: E402

for name, content in (("notes.md", b"all good\n"), ("merge.py", b"<<<<<<< HEAD\nx = 1\n")):
    (hooks.repo / name).write_bytes(content)
    run_git(hooks.repo, "add", name)
    done = run_git(hooks.repo, "commit", "-m", f"Add {name}", check=False)
    print(name, "->", "accepted" if done.returncode == 0 else "rejected", done.stderr.decode().strip())
    run_git(hooks.repo, "reset", "--quiet", "--hard")

# %% [markdown]
# ## Exercise 6: a team, one remote, nobody's work lost
#
# Three clones with unpushed commits and a colleague who pushes at the worst moment. Try a
# plain `git push` from one clone in a terminal first and read the rejection.

# %%
team = scenarios.team(playground / "ex06", seed=1)
for clone, commits in zip(team.clones, team.local_commits):
    print(clone.name, "has", len(commits), "unpushed commits")

# %%
ex06 = load("ex06_team_sync")
tip = attempt(ex06.integrate_team, [str(clone) for clone in team.clones])
if tip:
    show(team.remote, "log", "--graph", "--format=%h %an: %s", "main")
    print("the colleague pushed:", team.ghost_commits())
