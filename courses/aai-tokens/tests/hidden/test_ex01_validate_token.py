"""Hidden tests for exercise 1: a battery of bad tokens, each rejected for the right reason.

Every verdict is cross-checked with joserfc, an independent JWT implementation: a token
the exercise rejects must be rejected by joserfc too, and the good ones accepted by both.
"""

import time
from types import SimpleNamespace

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from icsc_aai_tokens import attacks, tokens
from icsc_aai_tokens.issuer import Client, TokenIssuer

ATTACKER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _now() -> int:
    return int(time.time())


# Each case: name -> (factory(t) -> token, expected reason); t has .mint, .claims and .jwks.
BAD_TOKENS = {
    "alg-none-with-kid": (
        lambda t: attacks.none_algorithm(t.claims(), kid=t.jwks["keys"][0]["kid"]),
        "algorithm",
    ),
    "alg-none-without-kid": (lambda t: attacks.none_algorithm(t.claims()), "algorithm"),
    "hs256-keyed-with-the-public-key": (
        lambda t: attacks.hmac_with_public_key(t.claims(), t.jwks["keys"][0]),
        "algorithm",
    ),
    "es256-header-on-an-rsa-key": (
        lambda t: attacks.sign_with(
            t.claims(),
            ec.generate_private_key(ec.SECP256R1()),
            kid=t.jwks["keys"][0]["kid"],
            algorithm="ES256",
        ),
        "algorithm",
    ),
    "unknown-kid": (
        lambda t: attacks.sign_with(t.claims(), ATTACKER_KEY, kid="attacker-key-1"),
        "unknown-kid",
    ),
    "no-kid": (lambda t: attacks.sign_with(t.claims(), ATTACKER_KEY, kid=None), "unknown-kid"),
    "kid-of-the-issuer-but-attacker-key": (
        lambda t: attacks.sign_with(t.claims(), ATTACKER_KEY, kid=t.jwks["keys"][0]["kid"]),
        "signature",
    ),
    "tampered-scope": (
        lambda t: attacks.tamper_payload(t.mint(), scope="storage.modify:/"),
        "signature",
    ),
    "tampered-subject": (
        lambda t: attacks.tamper_payload(t.mint(), sub="someone-else"),
        "signature",
    ),
    "expired-beyond-leeway": (
        lambda t: t.mint(iat=_now() - 900, nbf=_now() - 900, exp=_now() - 120),
        "expired",
    ),
    "not-yet-valid-nbf": (lambda t: t.mint(nbf=_now() + 600, exp=_now() + 1200), "not-yet-valid"),
    "wrong-audience": (lambda t: t.mint(aud="https://other-storage.example.org"), "audience"),
    "audience-list-without-us": (
        lambda t: t.mint(aud=["https://a.example.org", "https://b.example.org"]),
        "audience",
    ),
    "wrong-issuer": (lambda t: t.mint(iss="https://evil.example.org"), "issuer"),
    "missing-exp": (lambda t: t.mint(exp=None), "missing-claim"),
    "missing-sub": (lambda t: t.mint(sub=None), "missing-claim"),
    "missing-jti": (lambda t: t.mint(jti=None), "missing-claim"),
    "missing-aud": (lambda t: t.mint(aud=None), "missing-claim"),
    "wlcg-version-2": (lambda t: t.mint(wlcg__ver="2.0"), "wlcg-version"),
    "not-a-jws": (lambda _: "this is not a token", "malformed"),
    "header-not-base64": (lambda t: "%%%." + t.mint().split(".", 1)[1], "malformed"),
}


@pytest.mark.parametrize("case", sorted(BAD_TOKENS))
def test_bad_token_is_rejected_for_the_right_reason(
    case, exercise, aai, mint, claims_for, issuer_jwks, joserfc_verdict
):
    ex = exercise("ex01_validate_token")
    factory, reason = BAD_TOKENS[case]
    token = factory(SimpleNamespace(mint=mint, claims=claims_for, jwks=issuer_jwks))
    with pytest.raises(ValueError, match=rf"^{reason}: "):
        ex.validate_token(token, issuer_jwks, issuer=aai.issuer.url, audience=aai.storage.url)
    assert (
        joserfc_verdict(token, issuer_jwks, issuer=aai.issuer.url, audience=aai.storage.url)
        is not None
    )


GOOD_TOKENS = {
    "fresh": lambda m: m(),
    "expired-within-leeway": lambda m: m(iat=_now() - 900, nbf=_now() - 900, exp=_now() - 30),
    "nbf-slightly-in-the-future": lambda m: m(nbf=_now() + 30),
    "audience-in-a-list": lambda m: m(aud=["https://a.example.org", "AUDIENCE"]),
    "newer-minor-version": lambda m: m(wlcg__ver="1.3"),
    "no-nbf": lambda m: m(nbf=None),
    "unknown-extra-claim": lambda m: m(acr="https://refeds.org/profile/mfa"),
}


@pytest.mark.parametrize("case", sorted(GOOD_TOKENS))
def test_good_token_is_accepted(case, exercise, aai, mint, issuer_jwks, joserfc_verdict):
    ex = exercise("ex01_validate_token")

    def minted(**changes):
        if changes.get("aud") and "AUDIENCE" in changes["aud"]:
            changes["aud"] = [
                value.replace("AUDIENCE", aai.storage.url) for value in changes["aud"]
            ]
        return mint(**changes)

    token = GOOD_TOKENS[case](minted)
    claims = ex.validate_token(token, issuer_jwks, issuer=aai.issuer.url, audience=aai.storage.url)
    assert claims["iss"] == aai.issuer.url
    assert (
        joserfc_verdict(token, issuer_jwks, issuer=aai.issuer.url, audience=aai.storage.url) is None
    )


def test_leeway_and_now_are_parameters(exercise, aai, mint, issuer_jwks):
    ex = exercise("ex01_validate_token")
    now = _now()
    token = mint(iat=now, nbf=now, exp=now + 100)
    args = {"issuer": aai.issuer.url, "audience": aai.storage.url}
    assert (
        ex.validate_token(token, issuer_jwks, now=now + 150, leeway=60, **args)["exp"] == now + 100
    )
    with pytest.raises(ValueError, match=r"^expired: "):
        ex.validate_token(token, issuer_jwks, now=now + 150, leeway=10, **args)
    with pytest.raises(ValueError, match=r"^not-yet-valid: "):
        ex.validate_token(token, issuer_jwks, now=now - 120, leeway=60, **args)


@pytest.mark.points(2)
def test_key_rotation(exercise):
    """Tokens of a rotated-out key stay valid while it is published, and fail once retired."""
    ex = exercise("ex01_validate_token")
    issuer = TokenIssuer(
        "https://issuer.test", [Client("c", "s", "subject-1", ("storage.read:/",))]
    )
    client = issuer.clients["c"]
    old_token = issuer.grant(client, "storage.read:/data", "https://storage.test")["access_token"]
    old_kid = issuer.keys.current.kid
    issuer.keys.rotate()
    new_token = issuer.grant(client, "storage.read:/data", "https://storage.test")["access_token"]
    args = {"issuer": "https://issuer.test", "audience": "https://storage.test"}
    jwks = issuer.keys.jwks()
    assert ex.validate_token(old_token, jwks, **args)["scope"] == "storage.read:/data"
    assert ex.validate_token(new_token, jwks, **args)["scope"] == "storage.read:/data"
    issuer.keys.retire(old_kid)
    jwks = issuer.keys.jwks()
    assert ex.validate_token(new_token, jwks, **args)["sub"] == "subject-1"
    with pytest.raises(ValueError, match=r"^unknown-kid: "):
        ex.validate_token(old_token, jwks, **args)


def test_an_es256_issuer_is_supported(exercise, joserfc_verdict):
    """The WLCG profile (section 4.3.3) requires RS256 *and* ES256 support."""
    ex = exercise("ex01_validate_token")
    from icsc_aai_tokens.jwk import KeyRing  # noqa: PLC0415

    issuer = TokenIssuer(
        "https://issuer.test",
        [Client("c", "s", "subject-2", ("storage.read:/",))],
        keys=KeyRing(kind="EC"),
    )
    token = issuer.grant(issuer.clients["c"], "storage.read:/x", "https://storage.test")[
        "access_token"
    ]
    jwks = issuer.keys.jwks()
    assert jwks["keys"][0]["kty"] == "EC"
    claims = ex.validate_token(
        token, jwks, issuer="https://issuer.test", audience="https://storage.test"
    )
    assert claims["scope"] == "storage.read:/x"
    assert (
        joserfc_verdict(token, jwks, issuer="https://issuer.test", audience="https://storage.test")
        is None
    )


def test_request_token_with_wrong_secret_is_an_invalid_client_error(exercise, aai, cafile):
    ex = exercise("ex01_validate_token")
    with pytest.raises(RuntimeError, match="HTTP 401 invalid_client"):
        ex.request_token(aai.issuer.url, "alice", "not-the-secret", scope="storage.read:/data",
                         audience=aai.storage.url, cafile=cafile)  # fmt: skip


def test_library_validator_agrees_with_the_exercise(exercise, aai, mint, issuer_jwks):
    """The storage server's own validator and the exercise give the same verdicts."""
    ex = exercise("ex01_validate_token")
    validator = tokens.TokenValidator(
        aai.issuer.url, [aai.storage.url], tokens.JWKSCache(lambda: issuer_jwks)
    )
    for token in (mint(), mint(aud="https://elsewhere.example.org"), mint(exp=_now() - 3600)):
        try:
            validator.validate(token)
            expected = None
        except tokens.TokenRejected as exc:
            expected = exc.reason
        try:
            ex.validate_token(token, issuer_jwks, issuer=aai.issuer.url, audience=aai.storage.url)
            got = None
        except ValueError as exc:
            got = str(exc).split(":", 1)[0]
        assert got == expected
