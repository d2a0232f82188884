"""The WLCG profile module against the examples printed in the WLCG Common JWT Profiles.

Section numbers refer to v1.0 (doi:10.5281/zenodo.3460258) unless v1.1 is named.
"""

import pytest

from icsc_aai_tokens import wlcg
from icsc_aai_tokens.issuer import Client, OAuthError, TokenIssuer

# Section 3.1: "/cms" is the only default group (here /cms/uscms and /cms/ALARM are optional).
GROUP_EXAMPLES = [
    ("wlcg.groups", ["/cms"]),
    ("wlcg.groups:/cms/uscms wlcg.groups:/cms/ALARM", ["/cms/uscms", "/cms/ALARM", "/cms"]),
    (
        "wlcg.groups:/cms/uscms wlcg.groups:/cms/ALARM wlcg.groups",
        ["/cms/uscms", "/cms/ALARM", "/cms"],
    ),
    (
        "wlcg.groups wlcg.groups:/cms/uscms wlcg.groups:/cms/ALARM",
        ["/cms", "/cms/uscms", "/cms/ALARM"],
    ),
    (
        "wlcg.groups:/cms wlcg.groups:/cms/uscms wlcg.groups:/cms/ALARM",
        ["/cms", "/cms/uscms", "/cms/ALARM"],
    ),
]


@pytest.mark.parametrize(("request_scope", "claim"), GROUP_EXAMPLES)
def test_scope_based_group_selection(request_scope, claim):
    assert (
        wlcg.select_groups(request_scope.split(), ["/cms/uscms", "/cms/ALARM"], ["/cms"]) == claim
    )


def test_group_selection_refuses_foreign_and_malformed_groups():
    with pytest.raises(PermissionError, match="/atlas"):
        wlcg.select_groups(["wlcg.groups:/atlas"], [], ["/cms"])
    with pytest.raises(ValueError, match="malformed group"):
        wlcg.select_groups(["wlcg.groups:cms"], [], ["/cms"])
    assert wlcg.select_groups(["storage.read:/"], [], ["/cms"]) == []


# Section 3.2: scope-based capability selection, for a client entitled to all of them.
CAPABILITY_EXAMPLES = [
    ("storage.read:/home/joe", "storage.read:/home/joe"),
    (
        "storage.read:/home/joe storage.read:/home/bob",
        "storage.read:/home/joe storage.read:/home/bob",
    ),
    ("storage.create:/ storage.read:/home/bob", "storage.create:/ storage.read:/home/bob"),
]


@pytest.mark.parametrize(("request_scope", "claim"), CAPABILITY_EXAMPLES)
def test_scope_based_capability_selection(request_scope, claim):
    issuer = TokenIssuer(
        "https://wlcg.example", [Client("c", "s", "joe", ("storage.read:/", "storage.create:/"))]
    )
    response = issuer.grant(issuer.clients["c"], request_scope, None)
    import jwt  # noqa: PLC0415

    claims = jwt.decode(response["access_token"], options={"verify_signature": False})
    assert claims["scope"] == claim
    assert claims["aud"] == wlcg.ANY_AUDIENCE
    assert set(wlcg.REQUIRED_CLAIMS) <= set(claims)


def test_issuer_narrows_but_never_widens():
    issuer = TokenIssuer(
        "https://wlcg.example", [Client("c", "s", "joe", ("storage.modify:/home/joe",))]
    )
    client = issuer.clients["c"]
    assert (
        issuer.grant(client, "storage.create:/home/joe/out", None)["scope"]
        == "storage.create:/home/joe/out"
    )
    for wider in (
        "storage.read:/home/joe",
        "storage.modify:/home",
        "storage.modify:/home/joey",
        "compute.create",
    ):
        with pytest.raises(OAuthError, match="not entitled"):
            issuer.grant(client, wider, None)
    with pytest.raises(OAuthError, match="must name a path"):
        issuer.grant(client, "storage.modify", None)
    with pytest.raises(OAuthError, match="unknown scope"):
        issuer.grant(client, "storage.delete:/home/joe", None)
    with pytest.raises(OAuthError, match=r"WLCG 1\.0"):
        issuer.grant(client, "wlcg:2.0", None)


# Section 2.2.1: example scope claims and what they allow.
@pytest.mark.parametrize(
    ("claim", "operation", "path", "allowed"),
    [
        ("storage.read:/", "read", "/anything", True),
        (
            "storage.read:/protected storage.create:/protected/subdir",
            "create",
            "/protected/subdir/f",
            True,
        ),
        (
            "storage.read:/protected storage.create:/protected/subdir",
            "modify",
            "/protected/subdir/f",
            False,
        ),
        (
            "storage.read:/protected storage.modify:/protected/subdir",
            "modify",
            "/protected/subdir/f",
            True,
        ),
        ("storage.stage:/tape/subdir storage.read:/protected/data", "read", "/tape/subdir/f", True),
        (
            "storage.read:/store storage.create:/store/mc/datasetA",
            "create",
            "/store/mc/datasetA/f",
            True,
        ),
        ("storage.create:/foo/bar", "create", "/foo/bargain", False),
        ("storage.create:/foo/bar/", "create", "/foo/bar", False),
        ("storage.modify:/baz", "modify", "/baz/qux", True),
    ],
)
def test_profile_scope_examples(claim, operation, path, allowed):
    assert wlcg.authorises(wlcg.parse_scope_claim(claim), operation, path) is allowed


def test_example_tokens_of_the_profile_parse():
    """Appendix examples (sections 4.2.2, 5.3.2, 5.3.5 of v1.1; same claims in v1.0)."""
    verification_example = "storage.read:/store storage.modify:/store/user/aresearcher"
    access_token_example = "storage.read:/dir storage.create:/dir/datasetA compute.create"
    assert [
        str(scope) for scope in wlcg.parse_scope_claim(verification_example)
    ] == verification_example.split()
    assert [
        str(scope) for scope in wlcg.parse_scope_claim(access_token_example)
    ] == access_token_example.split()
    scopes = wlcg.parse_scope_claim("storage.read:/home/joe")
    assert wlcg.authorises(scopes, "read", "/home/joe/x.root")
    assert not wlcg.authorises(scopes, "read", "/home/joey")


def test_version_rules():
    wlcg.check_version("1.0")
    wlcg.check_version("1.1")  # section 4.3.3 (v1.1): newer minor versions must be accepted
    for bad in ("2.0", "1", "1.0.0", 1.0, None):
        with pytest.raises(ValueError, match=r"wlcg\.ver|version"):
            wlcg.check_version(bad)


def test_identity_uri():
    assert wlcg.identity_uri("https://wlcg.example/", "a b") == "https://wlcg.example#a%20b"
    with pytest.raises(ValueError, match="https"):
        wlcg.identity_uri("http://wlcg.example", "x")
    with pytest.raises(ValueError, match="subject"):
        wlcg.identity_uri("https://wlcg.example", "")


def test_path_normalisation():
    assert wlcg.normalise_path("/a//b/") == "/a/b"
    assert wlcg.normalise_path("/a/b/", keep_trailing_slash=True) == "/a/b/"
    assert wlcg.normalise_path("/data/%252e%252e") == "/data/%2e%2e"
    for bad in ("/a/../b", "/a/%2E%2e", "a", "/a\x00", "/%ff"):
        with pytest.raises(ValueError, match="path"):
            wlcg.normalise_path(bad)
    with pytest.raises(ValueError, match="operation"):
        wlcg.authorises([], "delete", "/x")
