"""Public checks for exercise 1 (obtain and validate a token)."""

import time

import pytest

from icsc_aai_tokens import attacks


def test_discover_returns_the_issuer_metadata(exercise, aai, cafile):
    ex = exercise("ex01_validate_token")
    metadata = ex.discover(aai.issuer.url, cafile=cafile)
    assert metadata["issuer"] == aai.issuer.url
    assert metadata["token_endpoint"] == f"{aai.issuer.url}/token"
    assert metadata["jwks_uri"].startswith(aai.issuer.url)


def test_discover_refuses_a_document_naming_another_issuer(exercise, aai, cafile):
    ex = exercise("ex01_validate_token")
    # Same server, reached as "localhost": its document names https://127.0.0.1:..., which
    # is not the issuer we asked for, so the metadata must not be trusted.
    impostor = aai.issuer.url.replace("127.0.0.1", "localhost")
    with pytest.raises(ValueError, match="issuer"):
        ex.discover(impostor, cafile=cafile)


@pytest.mark.points(2)
def test_request_token_gets_a_token_that_an_independent_library_accepts(
    exercise, aai, cafile, issuer_jwks, joserfc_verdict
):
    ex = exercise("ex01_validate_token")
    alice = aai.client("alice")
    token = ex.request_token(
        aai.issuer.url, alice.client_id, alice.secret,
        scope="storage.read:/data wlcg.groups", audience=aai.storage.url, cafile=cafile,
    )  # fmt: skip
    assert (
        joserfc_verdict(token, issuer_jwks, issuer=aai.issuer.url, audience=aai.storage.url) is None
    )
    claims = ex.validate_token(token, issuer_jwks, issuer=aai.issuer.url, audience=aai.storage.url)
    assert claims["scope"] == "storage.read:/data"
    assert claims["wlcg.groups"] == ["/icsc"]
    assert claims["sub"] == alice.subject


def test_request_token_reports_an_oauth_error(exercise, aai, cafile):
    ex = exercise("ex01_validate_token")
    bob = aai.client("bob")
    with pytest.raises(RuntimeError, match="HTTP 400 invalid_scope"):
        ex.request_token(aai.issuer.url, bob.client_id, bob.secret,
                         scope="storage.modify:/data", audience=aai.storage.url, cafile=cafile)  # fmt: skip


def test_fetch_jwks_returns_the_published_keys(exercise, aai, cafile, issuer_jwks):
    ex = exercise("ex01_validate_token")
    assert ex.fetch_jwks(aai.issuer.url, cafile=cafile) == issuer_jwks


def test_a_good_token_is_accepted(exercise, aai, mint, issuer_jwks):
    ex = exercise("ex01_validate_token")
    token = mint(scope="storage.read:/data/run2026")
    claims = ex.validate_token(token, issuer_jwks, issuer=aai.issuer.url, audience=aai.storage.url)
    assert claims["scope"] == "storage.read:/data/run2026"


@pytest.mark.points(2)
def test_alg_none_is_rejected(exercise, aai, claims_for, issuer_jwks):
    ex = exercise("ex01_validate_token")
    kid = issuer_jwks["keys"][0]["kid"]
    token = attacks.none_algorithm(claims_for(), kid=kid)
    with pytest.raises(ValueError, match=r"^algorithm: "):
        ex.validate_token(token, issuer_jwks, issuer=aai.issuer.url, audience=aai.storage.url)


def test_an_expired_token_is_rejected(exercise, aai, mint, issuer_jwks):
    ex = exercise("ex01_validate_token")
    now = int(time.time())
    token = mint(iat=now - 3600, nbf=now - 3600, exp=now - 600)
    with pytest.raises(ValueError, match=r"^expired: "):
        ex.validate_token(token, issuer_jwks, issuer=aai.issuer.url, audience=aai.storage.url)
