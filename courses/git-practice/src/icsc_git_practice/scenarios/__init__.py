"""Scenario generators: real git repositories built on the fly, reproducible from a seed.

Each generator takes a new (or empty) folder and a seed, builds the repositories there
with the git command line (``git fast-import`` with fixed names, e-mails and dates, and
local configuration only), and returns a frozen dataclass describing what it built and
what a correct exercise result must look like. The same seed gives the same commit
hashes on every machine, whatever the user's own git configuration.

=========================  ==================================================  ========
generator                  what it builds                                      exercise
=========================  ==================================================  ========
:func:`messy_feature`      a feature branch with wip, fixup, revert, merge     ex01
:func:`regression_history` ~50 linear commits, one regression at a known one   ex02
:func:`conflicting_branches` two branches conflicting in three known hunks     ex03
:func:`release_with_hotfix` a release branch and a hotfix made on main         ex04
:func:`hook_playground`    a small clean repository                            ex05
:func:`team`               a bare remote and clones with concurrent work       ex06
=========================  ==================================================  ========

:func:`copy_scenario` copies a built scenario to a new folder (much faster than building
it again; the hashes are the same anyway).
"""

from icsc_git_practice.scenarios.conflict import POLICIES, ConflictingBranches, conflicting_branches
from icsc_git_practice.scenarios.copying import copy_scenario
from icsc_git_practice.scenarios.messy import MessyFeature, messy_feature
from icsc_git_practice.scenarios.playground import Playground, hook_playground
from icsc_git_practice.scenarios.regression import RegressionHistory, regression_history
from icsc_git_practice.scenarios.release import ReleaseWithHotfix, release_with_hotfix
from icsc_git_practice.scenarios.team import Team, team

__all__ = [
    "POLICIES",
    "ConflictingBranches",
    "MessyFeature",
    "Playground",
    "RegressionHistory",
    "ReleaseWithHotfix",
    "Team",
    "conflicting_branches",
    "copy_scenario",
    "hook_playground",
    "messy_feature",
    "regression_history",
    "release_with_hotfix",
    "team",
]
