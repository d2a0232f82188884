"""Forged and broken tokens, to show (and test) what a validator must refuse.

Each function returns a compact JWS string that a careless validator would accept:

* :func:`none_algorithm`: ``"alg": "none"`` and an empty signature (RFC 7519 section 6
  defines such "unsecured JWTs"; RFC 8725 section 2.1 lists accepting them as an attack);
* :func:`hmac_with_public_key`: the algorithm-confusion attack (RFC 8725 section 2.1):
  ``HS256`` keyed with the issuer's *public* key, which a validator that takes ``alg``
  from the header and "the issuer's key" from its store would check successfully;
* :func:`tamper_payload`: claims changed after signing;
* :func:`sign_with`: a correct signature by the wrong key (unknown or spoofed ``kid``).

These exist for teaching and tests on the course's own local services only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization

from icsc_aai_tokens.jwk import PrivateKey, b64url_decode, b64url_encode, public_key_from_jwk


def _segment(obj: Mapping[str, Any]) -> str:
    return b64url_encode(json.dumps(dict(obj), separators=(",", ":")).encode("utf-8"))


def none_algorithm(claims: Mapping[str, Any], *, kid: str | None = None) -> str:
    """An unsecured JWT: header ``{"alg": "none"}`` (with ``kid`` if given), empty signature."""
    header: dict[str, Any] = {"alg": "none", "typ": "JWT"}
    if kid is not None:
        header["kid"] = kid
    return f"{_segment(header)}.{_segment(claims)}."


def public_pem_from_jwk(jwk: Mapping[str, Any]) -> bytes:
    """The SubjectPublicKeyInfo PEM of a JWK: what an attacker downloads from ``jwks_uri``."""
    return public_key_from_jwk(jwk).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def hmac_with_public_key(claims: Mapping[str, Any], jwk: Mapping[str, Any]) -> str:
    """``HS256`` token whose HMAC secret is the PEM text of the issuer's public key ``jwk``.

    PyJWT refuses to use a PEM key as an HMAC secret, so the MAC is computed by hand,
    exactly as an attacker would.
    """
    header = {"alg": "HS256", "typ": "JWT", "kid": jwk["kid"]}
    signing_input = f"{_segment(header)}.{_segment(claims)}"
    mac = hmac.new(public_pem_from_jwk(jwk), signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{b64url_encode(mac)}"


def tamper_payload(token: str, **changes: Any) -> str:
    """``token`` with its claims updated by ``changes`` (``None`` deletes a claim); the
    header and the now-invalid signature are kept."""
    header, payload, signature = token.split(".")
    claims = json.loads(b64url_decode(payload))
    for name, value in changes.items():
        name = name.replace("__", ".")  # wlcg__groups -> wlcg.groups  # noqa: PLW2901
        if value is None:
            claims.pop(name, None)
        else:
            claims[name] = value
    return f"{header}.{_segment(claims)}.{signature}"


def sign_with(
    claims: Mapping[str, Any],
    key: PrivateKey,
    *,
    kid: str | None,
    algorithm: str = "RS256",
    **header: Any,
) -> str:
    """A properly signed token by ``key`` (an attacker's own key), naming ``kid`` (or none)."""
    headers = {"typ": "JWT", **header}
    if kid is not None:
        headers["kid"] = kid
    return jwt.encode(dict(claims), key, algorithm=algorithm, headers=headers)
