"""Course-library tests run with git isolated from the machine's configuration."""

import os

import pytest

from icsc_git_practice.gitcli import REDIRECTING_VARIABLES


@pytest.fixture(autouse=True)
def isolated_git(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in REDIRECTING_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
