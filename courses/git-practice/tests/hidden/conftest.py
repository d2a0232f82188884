"""The hidden tests use the same fixtures as the public checks."""

from icsc_git_practice.checks.conftest import *
