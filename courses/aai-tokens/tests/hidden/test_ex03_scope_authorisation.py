"""Hidden tests for exercise 3: the scope and path examples of the WLCG Common JWT Profiles.

Sources: v1.0 section 2.2.1 (scope examples, storage.create:/foo/bar, superset rules),
v1.1 section 2.2.3 (resource server with an issuer base path).
"""

import pytest

# (scope claim, operation, request path, expected verdict)
PROFILE_CASES = [
    ("storage.read:/", "read", "/any/file/of/the/vo", True),
    ("storage.read:/protected storage.create:/protected/subdir", "read", "/protected/a.root", True),
    (
        "storage.read:/protected storage.create:/protected/subdir",
        "create",
        "/protected/subdir/new.root",
        True,
    ),
    (
        "storage.read:/protected storage.create:/protected/subdir",
        "modify",
        "/protected/subdir/new.root",
        False,
    ),
    (
        "storage.read:/protected storage.create:/protected/subdir",
        "create",
        "/protected/other.root",
        False,
    ),
    (
        "storage.read:/protected storage.modify:/protected/subdir",
        "modify",
        "/protected/subdir/x",
        True,
    ),
    (
        "storage.read:/protected storage.modify:/protected/subdir",
        "create",
        "/protected/subdir/y",
        True,
    ),
    ("storage.stage:/tape/subdir storage.read:/protected/data", "stage", "/tape/subdir/f", True),
    ("storage.stage:/tape/subdir storage.read:/protected/data", "read", "/tape/subdir/f", True),
    (
        "storage.stage:/tape/subdir storage.read:/protected/data",
        "stage",
        "/protected/data/f",
        False,
    ),
    (
        "storage.read:/store storage.create:/store/mc/datasetA",
        "create",
        "/store/mc/datasetA/f",
        True,
    ),
    (
        "storage.read:/store storage.create:/store/mc/datasetA",
        "create",
        "/store/mc/datasetB/f",
        False,
    ),
    ("storage.create:/foo/bar", "create", "/foo/bar", True),
    ("storage.create:/foo/bar", "create", "/foo/bar/qux", True),
    ("storage.create:/foo/bar", "create", "/foo", False),
    ("storage.create:/foo/bar", "create", "/foo/bargain", False),
    ("storage.create:/foo/bar/", "create", "/foo/bar", False),
    ("storage.create:/foo/bar/", "create", "/foo/bar/qux", True),
    ("storage.modify:/baz", "modify", "/baz/qux", True),
    ("compute.create", "read", "/data", False),
    ("openid wlcg.groups:/icsc storage.read:/data", "read", "/data/x", True),
    ("", "read", "/data", False),
]


@pytest.mark.parametrize(("claim", "operation", "path", "expected"), PROFILE_CASES)
def test_profile_examples(exercise, claim, operation, path, expected):
    ex = exercise("ex03_scope_authorisation")
    assert ex.is_authorised(claim, operation, path) is expected


@pytest.mark.parametrize(
    ("method_operation", "path", "expected"),
    [
        ("read", "/vo/sample_file1", True),
        ("read", "/vo/stageout/sample_file2", True),
        ("create", "/vo/stageout/sample_file3", True),
        ("read", "/sample_file", False),
        ("create", "/vo/sample_file1", False),
        ("read", "/vox/sample_file", False),
    ],
)
def test_issuer_base_path(exercise, method_operation, path, expected):
    """Profile v1.1 section 2.2.3: issuer mapped to /vo, token 'storage.read:/ storage.create:/stageout'."""
    ex = exercise("ex03_scope_authorisation")
    claim = "storage.read:/ storage.create:/stageout"
    assert ex.is_authorised(claim, method_operation, path, base_path="/vo") is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("/data", "/data"),
        ("/data/", "/data"),
        ("//data///run1//", "/data/run1"),
        ("/data/run%201", "/data/run 1"),
        ("/", "/"),
        ("/%C3%A9t%C3%A9", "/\u00e9t\u00e9"),
        ("/data/%252e%252e", "/data/%2e%2e"),  # decoded exactly once: a literal name, not traversal
    ],
)
def test_normalise_path(exercise, raw, expected):
    ex = exercise("ex03_scope_authorisation")
    assert ex.normalise_path(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "/data/../home",
        "/data/%2e%2e/home",
        "/data/%2E%2E",
        "/./data",
        "data/x",
        "/data%00/x",
        "/a\\b",
        "/%ff",
    ],
)
def test_bad_request_paths_are_refused(exercise, raw):
    ex = exercise("ex03_scope_authorisation")
    with pytest.raises(ValueError, match="path"):
        ex.is_authorised("storage.read:/", "read", raw)


def test_trailing_slash_is_kept_for_scope_paths(exercise):
    ex = exercise("ex03_scope_authorisation")
    assert ex.parse_storage_scopes(
        "storage.read:/data/ storage.modify:/home//alice compute.read"
    ) == [
        ("storage.read", "/data/"),
        ("storage.modify", "/home/alice"),
    ]


@pytest.mark.parametrize(
    "claim", ["storage.read", "storage.read:", "storage.modify:/x/../y", "storage.create:relative"]
)
def test_invalid_storage_scopes_are_refused(exercise, claim):
    ex = exercise("ex03_scope_authorisation")
    with pytest.raises(ValueError, match="path"):
        ex.parse_storage_scopes(claim)


def test_bad_arguments(exercise):
    ex = exercise("ex03_scope_authorisation")
    with pytest.raises(ValueError, match="operation"):
        ex.is_authorised("storage.read:/", "delete", "/data")
    with pytest.raises(TypeError, match="str"):
        ex.parse_storage_scopes(["storage.read:/"])
    with pytest.raises(TypeError, match="str"):
        ex.normalise_path(b"/data")


def test_scopes_are_case_sensitive(exercise):
    ex = exercise("ex03_scope_authorisation")
    assert not ex.is_authorised("Storage.Read:/", "read", "/data")
