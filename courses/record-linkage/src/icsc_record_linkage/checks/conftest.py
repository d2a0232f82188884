"""Shared fixtures of the record-linkage checks (the hidden tests import them too).

Every fixture returns plain data (lists, ints, strings) made by the course library with
fixed seeds, so that the same values reach the exercise in this process or in the
grading worker.
"""

from __future__ import annotations

import pytest

from icsc_record_linkage.register import Register, make_register, true_match_pairs


@pytest.fixture(scope="session")
def small_register() -> Register:
    """120 entities (about 300 records), seed 0: small enough for brute force."""
    return make_register(120, seed=0)


@pytest.fixture(scope="session")
def small_truth(small_register: Register) -> set[tuple[int, int]]:
    """All true matching pairs (i < j) of ``small_register``, by brute force."""
    return true_match_pairs(small_register.entities)
