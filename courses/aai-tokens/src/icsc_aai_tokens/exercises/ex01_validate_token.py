# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 1: obtain a token from the issuer and validate it properly.

A token is only as good as the check its receiver makes. In this exercise you play both
sides: the *client*, which finds the issuer's token endpoint through OpenID Connect
discovery and asks for a token with the client-credentials grant, and the *relying
party*, which decides whether a token it received may be believed.

``validate_token`` must follow RFC 8725 (JWT Best Current Practices) and the WLCG
Common JWT Profile (section 4.2):

1. the algorithm is decided by the *key*, never by the token: only the asymmetric
   algorithms of :data:`ALGORITHM_FOR_KTY` exist for you; ``none``, ``HS256`` and
   friends are rejected before anything else;
2. the token header must name its key (``kid``) and that key must be in the issuer's
   JWK Set; the header's ``alg`` must be the algorithm of that key;
3. the signature must verify with that key (use PyJWT: ``jwt.PyJWK`` and ``jwt.decode``);
4. ``iss`` must equal the expected issuer and ``aud`` must name you;
5. ``exp`` and ``nbf``/``iat`` are compared with ``now`` allowing ``leeway`` seconds of
   clock skew: reject when ``now >= exp + leeway`` or ``nbf > now + leeway`` (same for
   ``iat``);
6. the claims of :data:`REQUIRED_CLAIMS` must be present and ``wlcg.ver`` must be a
   ``1.x`` version.

Each rejection raises :class:`TokenRejected`, a ``ValueError`` whose message starts with
one of the :data:`REASONS` followed by ``": "`` (``"algorithm: 'none' is never
accepted"``). Tests check that prefix, so a token must be rejected for the *right* reason.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from typing import Any

import jwt

from icsc_aai_tokens import httpclient

LEEWAY = 60.0
"""Default clock-skew allowance in seconds (WLCG profile v1.0, section 4.3.1)."""

REQUIRED_CLAIMS = ("wlcg.ver", "iss", "sub", "aud", "exp", "iat", "jti")
"""Claims every WLCG access token must carry (profile section 2.1.1)."""

ALGORITHM_FOR_KTY = {"RSA": "RS256", "EC": "ES256", "OKP": "EdDSA"}
"""The one JWS algorithm accepted for each JWK key type."""

REASONS = (
    "malformed",  # not a compact JWS (three base64url parts with a JSON header and payload)
    "algorithm",  # alg not allowed (none, HS256, ...) or not the algorithm of the key
    "unknown-kid",  # no kid in the header, or a kid that is not in the JWK Set
    "signature",  # signature does not verify with the key
    "expired",  # now >= exp + leeway
    "not-yet-valid",  # nbf or iat later than now + leeway
    "issuer",  # iss is not the expected issuer
    "audience",  # aud does not contain the expected audience
    "missing-claim",  # a claim of REQUIRED_CLAIMS is absent
    "wlcg-version",  # wlcg.ver is not 1.x
)


class TokenRejected(ValueError):
    """Raised by :func:`validate_token`; ``reason`` is one of :data:`REASONS`, and the
    message is ``f"{reason}: {description}"``."""

    def __init__(self, reason: str, description: str) -> None:
        if reason not in REASONS:
            msg = f"unknown rejection reason {reason!r}; use one of {REASONS}"
            raise ValueError(msg)
        self.reason = reason
        self.description = description
        super().__init__(f"{reason}: {description}")


def discover(issuer_url: str, *, cafile: str) -> dict[str, Any]:
    """The issuer's metadata from ``<issuer_url>/.well-known/openid-configuration``.

    Raises ``ValueError`` if the document's ``issuer`` is not exactly ``issuer_url``
    (OpenID Connect Discovery 1.0, section 4.3: otherwise anyone who can serve that
    URL could impersonate the issuer) and :class:`~icsc_aai_tokens.httpclient.HTTPStatusError`
    (a ``RuntimeError``) for an HTTP error. ``cafile`` is the trust anchor (PEM) for the TLS connection.
    """
    # HINT: httpclient.get_json(url, cafile=cafile) fetches and parses JSON over verified TLS.
    # TODO: your code here.
    raise NotImplementedError("ex01_validate_token: this part is yours to write (icsc hint ex01)")


def request_token(
    issuer_url: str, client_id: str, client_secret: str, *, scope: str, audience: str, cafile: str
) -> str:
    """An access token from the issuer's token endpoint (client-credentials grant).

    Find ``token_endpoint`` with :func:`discover`, POST the form fields ``grant_type``,
    ``scope`` and ``audience`` with HTTP Basic client authentication (RFC 6749 sections
    2.3.1 and 4.4) and return the ``access_token`` of the JSON reply. Raises
    :class:`~icsc_aai_tokens.httpclient.HTTPStatusError` (a ``RuntimeError`` whose
    message reads ``"HTTP 400 invalid_scope: ..."``) if the issuer refuses, and
    ``ValueError`` if the reply is not a bearer token.
    """
    # HINT: httpclient.post_form(url, fields, auth=(client_id, client_secret), cafile=cafile) returns a Response;
    # HINT: call .raise_for_status().json() on it.
    # TODO: your code here.
    raise NotImplementedError("ex01_validate_token: this part is yours to write (icsc hint ex01)")


def fetch_jwks(issuer_url: str, *, cafile: str) -> dict[str, Any]:
    """The issuer's JWK Set (``{"keys": [...]}``) from the ``jwks_uri`` of its metadata."""
    # HINT: discover() first, then GET metadata["jwks_uri"].
    # TODO: your code here.
    raise NotImplementedError("ex01_validate_token: this part is yours to write (icsc hint ex01)")


def validate_token(
    token: str,
    jwks: Mapping[str, Any],
    *,
    issuer: str,
    audience: str,
    leeway: float = LEEWAY,
    now: float | None = None,
) -> dict[str, Any]:
    """The verified claims of ``token``, or :class:`TokenRejected` with the right reason.

    ``jwks`` is the issuer's JWK Set, ``issuer`` the one trusted ``iss``, ``audience``
    the value that must appear in ``aud`` (a string or a list in the token). ``now`` is
    Unix time in seconds (default: ``time.time()``), ``leeway`` seconds of allowed skew.
    The checks are made in the order of the module docstring, so that a token with
    several defects is rejected for the first one.
    """
    # HINT: jwt.get_unverified_header(token) reads the header WITHOUT trusting it; check alg and kid first.
    # HINT: verify with jwt.decode(token, jwt.PyJWK(jwk, alg), algorithms=[alg], audience=..., issuer=..., options=...)
    # HINT: where options={"require": [...], "verify_exp": False, "verify_nbf": False, "verify_iat": False}.
    # HINT: then compare exp/nbf/iat with `now` yourself; map each jwt.* exception to a reason.
    # TODO: your code here.
    raise NotImplementedError("ex01_validate_token: this part is yours to write (icsc hint ex01)")
