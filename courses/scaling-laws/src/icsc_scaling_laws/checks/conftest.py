"""Shared fixtures of the scaling-laws checks (the hidden tests import them too)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from icsc_scaling_laws.chinchilla_data import (
    ChinchillaRuns,
    load_chinchilla_runs,
    replication_subset,
)


@pytest.fixture(scope="session")
def chinchilla_runs() -> ChinchillaRuns:
    """The 240 runs Besiroglu et al. (2024) fitted (245 extracted, 5 highest losses out)."""
    return replication_subset(load_chinchilla_runs())


@pytest.fixture
def single_threaded_torch() -> Iterator[None]:
    """Run torch on one thread during the test: tiny models train faster and reproducibly."""
    torch = pytest.importorskip("torch")
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
