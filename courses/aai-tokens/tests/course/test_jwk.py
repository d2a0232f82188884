"""JWK conversion, thumbprints and published JWS test vectors (RFC 7515, 7520, 7638, 8037)."""

import jwt
import pytest
from joserfc import jws as jose_jws
from joserfc.jwk import JWKRegistry

from icsc_aai_tokens.jwk import (
    KeyRing,
    b64url_decode,
    b64url_encode,
    generate_signing_key,
    jwk_thumbprint,
    public_jwk,
    public_key_from_jwk,
)

# RFC 7638 section 3.1: an RSA key and its thumbprint.
RFC7638_JWK = {
    "kty": "RSA",
    "e": "AQAB",
    "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
    "alg": "RS256",
    "kid": "2011-04-29",
}
RFC7638_THUMBPRINT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"

# RFC 7515 appendix A.3: ES256 over the "joe" claims with a P-256 key.
RFC7515_A3_JWK = {
    "kty": "EC",
    "crv": "P-256",
    "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
    "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
}
RFC7515_A3_JWS = (
    "eyJhbGciOiJFUzI1NiJ9"
    ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
)
RFC7515_A3_PAYLOAD = b'{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}'

# RFC 7520 section 4.1 (RSA v1.5 signature with a kid) using the key of section 3.3.
RFC7520_JWK = {
    "kty": "RSA",
    "kid": "bilbo.baggins@hobbiton.example",
    "use": "sig",
    "n": "n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSCpMaJMRBSFKrKb2wqVwGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrHqkHHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1FZcD1NNLYD5lFHpPI9bTwJlsde3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVTU4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_qixoR7jig3__kRhuaxwUkRz5iaiQkqgc5gHdrNP5zw",
    "e": "AQAB",
}
RFC7520_JWS = (
    "eyJhbGciOiJSUzI1NiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9"
    ".SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4"
    ".MRjdkly7_-oTPTS3AXP41iQIGKa80A0ZmTuV5MEaHoxnW2e5CZ5NlKtainoFmKZopdHM1O2U4mwzJdQx996ivp83xuglII7PNDi84wnB-BDkoBwA78185hX-Es4JIwmDLJK3lfWRa-XtL0RnltuYv746iYTh_qHRD68BNt1uSNCrUCTJDt5aAE6x8wW1Kt9eRo4QPocSadnHXFxnt8Is9UzpERV0ePPQdLuW3IS_de3xyIrDaLGdjluPxUAhb6L2aXic1U12podGU0KLUQSE_oI-ZnmKJ3F4uOZDnd6QZWJushZ41Axf_fcIe8u9ipH84ogoree7vjbU5y18kDquDg"
)
RFC7520_PAYLOAD = (
    "It\u2019s a dangerous business, Frodo, going out your door. You step onto the road, and if you "
    "don't keep your feet, there\u2019s no knowing where you might be swept off to."
).encode()

# RFC 8037 appendix A.2/A.4: Ed25519 public key and the JWS of "Example of Ed25519 signing".
RFC8037_JWK = {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}
RFC8037_JWS = (
    "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
    ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
)
# RFC 8037 appendix A.3: thumbprint of that key.
RFC8037_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"

VECTORS = {
    "rfc7515-a3-es256": (RFC7515_A3_JWK, RFC7515_A3_JWS, "ES256", RFC7515_A3_PAYLOAD),
    "rfc7520-4.1-rs256": (RFC7520_JWK, RFC7520_JWS, "RS256", RFC7520_PAYLOAD),
    "rfc8037-a4-eddsa": (RFC8037_JWK, RFC8037_JWS, "EdDSA", b"Example of Ed25519 signing"),
}


def test_rfc7638_thumbprint():
    assert jwk_thumbprint(RFC7638_JWK) == RFC7638_THUMBPRINT


def test_rfc8037_thumbprint():
    assert jwk_thumbprint(RFC8037_JWK) == RFC8037_THUMBPRINT


# joserfc warns that the polymorphic "EdDSA" name is deprecated by RFC 9864 (in favour of
# "Ed25519"); RFC 8037's vector predates that and uses "EdDSA", so the warning is expected.
@pytest.mark.filterwarnings("ignore:EdDSA is deprecated:joserfc.errors.SecurityWarning")
@pytest.mark.parametrize("name", sorted(VECTORS))
def test_published_jws_vectors_verify_with_our_keys(name):
    jwk, token, algorithm, payload = VECTORS[name]
    key = public_key_from_jwk(jwk)
    decoded = jwt.api_jws.decode_complete(token, key, algorithms=[algorithm])
    assert decoded["payload"] == payload
    # ... and with joserfc, independently of our JWK conversion
    assert (
        jose_jws.deserialize_compact(
            token, JWKRegistry.import_key(jwk), algorithms=[algorithm]
        ).payload
        == payload
    )


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_published_jws_vectors_fail_once_tampered(name):
    jwk, token, algorithm, _ = VECTORS[name]
    header, payload, signature = token.split(".")
    forged = f"{header}.{b64url_encode(b64url_decode(payload) + b' ')}.{signature}"
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.api_jws.decode_complete(forged, public_key_from_jwk(jwk), algorithms=[algorithm])


@pytest.mark.parametrize("kind", ["RSA", "EC", "Ed25519"])
def test_public_jwk_round_trip_and_kid_matches_joserfc(kind):
    key = generate_signing_key(kind)
    jwk = public_jwk(key)
    assert "d" not in jwk
    assert public_jwk(public_key_from_jwk(jwk)) == jwk
    assert jwk["kid"] == JWKRegistry.import_key(jwk).thumbprint()


def test_bad_jwks_are_refused():
    with pytest.raises(ValueError, match="unsupported JWK key type"):
        public_key_from_jwk({"kty": "oct", "k": "c2VjcmV0"})
    with pytest.raises(ValueError, match="lacks the member 'n'"):
        public_key_from_jwk({"kty": "RSA", "e": "AQAB"})
    with pytest.raises(TypeError, match="JSON object"):
        public_key_from_jwk("not a dict")
    with pytest.raises(ValueError, match="unknown key kind"):
        generate_signing_key("DSA")
    with pytest.raises(ValueError, match="not base64url"):
        b64url_decode("a+b/")


def test_key_ring_rotation_keeps_old_keys_until_retired():
    ring = KeyRing(kind="EC")
    first = ring.current.kid
    second = ring.rotate().kid
    assert ring.current.kid == second
    assert [key["kid"] for key in ring.jwks()["keys"]] == [second, first]
    with pytest.raises(ValueError, match="current"):
        ring.retire(second)
    ring.retire(first)
    assert ring.kids() == [second]
    with pytest.raises(ValueError, match="no published key"):
        ring.retire(first)
