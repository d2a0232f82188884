"""Public checks for exercise 3 (WLCG scope authorisation).

Expected verdicts come from the WLCG Common JWT Profiles (v1.0, section 2.2.1), not
from the reference solution.
"""

import pytest


def test_a_path_covers_its_subtree_but_not_its_neighbours(exercise):
    ex = exercise("ex03_scope_authorisation")
    assert ex.is_authorised("storage.read:/data", "read", "/data")
    assert ex.is_authorised("storage.read:/data", "read", "/data/x")
    assert not ex.is_authorised("storage.read:/data", "read", "/database")


@pytest.mark.points(2)
def test_the_profile_example_for_storage_create(exercise):
    ex = exercise("ex03_scope_authorisation")
    # Profile section 2.2.1: storage.create:/foo/bar allows /foo/bar and /foo/bar/qux,
    # denies /foo (a file) and /foo/bargain; with a trailing slash it also denies /foo/bar.
    assert ex.is_authorised("storage.create:/foo/bar", "create", "/foo/bar")
    assert ex.is_authorised("storage.create:/foo/bar", "create", "/foo/bar/qux")
    assert not ex.is_authorised("storage.create:/foo/bar", "create", "/foo")
    assert not ex.is_authorised("storage.create:/foo/bar", "create", "/foo/bargain")
    assert not ex.is_authorised("storage.create:/foo/bar/", "create", "/foo/bar")


def test_modify_includes_create_but_not_the_reverse(exercise):
    ex = exercise("ex03_scope_authorisation")
    assert ex.is_authorised("storage.modify:/home/alice", "create", "/home/alice/new.txt")
    assert not ex.is_authorised("storage.create:/home/alice", "modify", "/home/alice/old.txt")


def test_traversal_is_refused(exercise):
    ex = exercise("ex03_scope_authorisation")
    with pytest.raises(ValueError, match=r"\.\."):
        ex.is_authorised("storage.read:/data", "read", "/data/%2e%2e/home/alice/notes.txt")


def test_a_storage_scope_without_path_is_invalid(exercise):
    ex = exercise("ex03_scope_authorisation")
    with pytest.raises(ValueError, match="path"):
        ex.parse_storage_scopes("storage.read")
