"""The relying-party validator and its JWK cache (unit level, no network)."""

import time

import pytest

from icsc_aai_tokens import attacks, tokens
from icsc_aai_tokens.issuer import Client, TokenIssuer


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def issuer():
    return TokenIssuer("https://issuer.test", [Client("c", "s", "sub-1", ("storage.read:/",))])


def test_unknown_kids_cannot_flood_the_issuer(issuer):
    clock = FakeClock()
    cache = tokens.JWKSCache(issuer.keys.jwks, min_refresh=5.0, clock=clock)
    for index in range(50):
        assert cache.get(f"invented-{index}") is None
    assert cache.fetch_count == 1
    clock.now += 5.0
    assert cache.get("invented-again") is None
    assert cache.fetch_count == 2
    assert cache.get(issuer.keys.current.kid)["kid"] == issuer.keys.current.kid
    assert cache.fetch_count == 2


def test_cache_expires_after_max_age(issuer):
    clock = FakeClock()
    cache = tokens.JWKSCache(issuer.keys.jwks, max_age=3600, clock=clock)
    cache.get(issuer.keys.current.kid)
    clock.now += 3601
    cache.get(issuer.keys.current.kid)
    assert cache.fetch_count == 2


def test_validator_reasons(issuer):
    validator = tokens.TokenValidator(
        "https://issuer.test", ["https://storage.test"], tokens.JWKSCache(issuer.keys.jwks)
    )
    good = issuer.grant(issuer.clients["c"], "storage.read:/data", "https://storage.test")[
        "access_token"
    ]
    assert validator.validate(good)["scope"] == "storage.read:/data"
    jwk = issuer.keys.jwks()["keys"][0]
    claims = validator.validate(good)
    cases = {
        "algorithm": attacks.hmac_with_public_key(claims, jwk),
        "signature": attacks.tamper_payload(good, scope="storage.read:/"),
        "malformed": "a.b",
    }
    for reason, token in cases.items():
        with pytest.raises(tokens.TokenRejected) as caught:
            validator.validate(token)
        assert caught.value.reason == reason
    late = tokens.TokenValidator("https://issuer.test", ["https://storage.test"], tokens.JWKSCache(issuer.keys.jwks),
                                 clock=lambda: time.time() + 7200)  # fmt: skip
    with pytest.raises(tokens.TokenRejected, match="expired"):
        late.validate(good)


def test_validator_reports_an_unreachable_issuer_as_unknown_kid(issuer):
    def unreachable():
        message = "connection refused"
        raise OSError(message)

    validator = tokens.TokenValidator(
        "https://issuer.test", ["https://storage.test"], tokens.JWKSCache(unreachable)
    )
    good = issuer.grant(issuer.clients["c"], None, "https://storage.test")["access_token"]
    with pytest.raises(tokens.TokenRejected, match="cannot fetch"):
        validator.validate(good)


def test_bad_configuration_is_refused(issuer):
    with pytest.raises(ValueError, match="audiences"):
        tokens.TokenValidator(
            "https://issuer.test", "https://storage.test", tokens.JWKSCache(issuer.keys.jwks)
        )
    with pytest.raises(ValueError, match="unknown rejection reason"):
        tokens.TokenRejected(reason="because", description="no")
