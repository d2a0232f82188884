"""Signing tokens (issuer side) and validating them (relying-party side) with PyJWT.

Validation follows RFC 8725 (JWT Best Current Practices) and the WLCG profile,
section 4.2: the algorithm comes from the *key* found by ``kid`` in the issuer's JWK
Set, never from the token; only asymmetric algorithms are accepted; ``iss``, ``aud``,
``exp``/``nbf`` (with a leeway for clock skew) and the required claims are checked.
Every rejection is a :class:`TokenRejected` with a short machine-readable ``reason``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import jwt

from icsc_aai_tokens import httpclient, wlcg
from icsc_aai_tokens.jwk import ALGORITHM_FOR_KEY, SigningKey, algorithm_for_jwk

#: Algorithms a relying party may ever accept (asymmetric only; profile section 4.2).
ASYMMETRIC_ALGORITHMS = frozenset(ALGORITHM_FOR_KEY.values())
#: Clock-skew allowance in seconds recommended by the WLCG profile (v1.0 section 4.3.1).
DEFAULT_LEEWAY = 60.0
#: Access token lifetime in seconds recommended by the WLCG profile v1.0 (20 minutes).
DEFAULT_LIFETIME = 1200

REASONS = (
    "malformed",  # not a compact JWS with JSON header/payload, or claims of the wrong type
    "algorithm",  # alg not allowed (none, HS256, ...) or not the one of the key
    "unknown-kid",  # no kid, or a kid the issuer does not publish
    "signature",  # signature does not verify with the key
    "expired",  # exp (plus leeway) is in the past
    "not-yet-valid",  # nbf or iat (minus leeway) is in the future
    "issuer",  # iss is not the expected issuer
    "audience",  # aud does not name this relying party
    "missing-claim",  # a required claim is absent
    "wlcg-version",  # wlcg.ver missing major version 1
)


class TokenRejected(ValueError):
    """A token failed validation; ``reason`` is one of :data:`REASONS`, the message is
    ``f"{reason}: {description}"``."""

    def __init__(self, reason: str, description: str) -> None:
        if reason not in REASONS:
            msg = f"unknown rejection reason {reason!r}"
            raise ValueError(msg)
        self.reason = reason
        self.description = description
        super().__init__(f"{reason}: {description}")


def mint(claims: Mapping[str, Any], key: SigningKey) -> str:
    """Sign ``claims`` with ``key``; the header names the key (``kid``) and its algorithm."""
    return jwt.encode(
        dict(claims),
        key.private_key,
        algorithm=key.algorithm,
        headers={"kid": key.kid, "typ": "JWT"},
    )


class JWKSCache:
    """The issuer's public keys, fetched from its ``jwks_uri`` and cached.

    An unknown ``kid`` triggers one refetch (that is how a relying party learns a rotated
    key), but at most once every ``min_refresh`` seconds, so that a stream of tokens
    with invented ``kid`` values cannot turn the relying party into a flood against the
    issuer. ``fetch`` is a callable returning the JWK Set (a dict); by default it GETs
    ``jwks_uri`` with :mod:`~icsc_aai_tokens.httpclient`.
    """

    def __init__(
        self,
        fetch: Callable[[], Mapping[str, Any]],
        *,
        min_refresh: float = 5.0,
        max_age: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self._min_refresh = min_refresh
        self._max_age = max_age
        self._clock = clock
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at: float | None = None
        self._lock = threading.Lock()
        self.fetch_count = 0

    @classmethod
    def from_uri(cls, jwks_uri: str, *, cafile: str | None = None, **kwargs: Any) -> JWKSCache:
        return cls(lambda: httpclient.get_json(jwks_uri, cafile=cafile), **kwargs)

    def _refresh(self) -> None:
        document = self._fetch()
        keys = document.get("keys") if isinstance(document, Mapping) else None
        if not isinstance(keys, list):
            msg = "JWK Set has no 'keys' list"
            raise ValueError(msg)  # noqa: TRY004  (bad data from the network, not a wrong argument)
        self._keys = {
            key["kid"]: dict(key) for key in keys if isinstance(key, dict) and "kid" in key
        }
        self._fetched_at = self._clock()
        self.fetch_count += 1

    def get(self, kid: str) -> dict[str, Any] | None:
        """The JWK called ``kid``, refreshing the cache if it is stale or lacks ``kid``."""
        with self._lock:
            now = self._clock()
            stale = self._fetched_at is None or now - self._fetched_at > self._max_age
            may_refresh = self._fetched_at is None or now - self._fetched_at >= self._min_refresh
            if stale or (kid not in self._keys and may_refresh):
                self._refresh()
            return self._keys.get(kid)


def unverified_header(token: str) -> dict[str, Any]:
    """The JOSE header, *not* verified; ``TokenRejected('malformed')`` if unreadable."""
    if not isinstance(token, str) or token.count(".") != 2:
        raise TokenRejected(
            reason="malformed",
            description="a JWS in compact form has exactly three dot-separated parts",
        )
    try:
        return jwt.get_unverified_header(token)
    except jwt.DecodeError as exc:
        raise TokenRejected(
            reason="malformed", description=f"unreadable JOSE header ({exc})"
        ) from exc


class TokenValidator:
    """Validates access tokens for one relying party.

    ``issuer`` is the only trusted ``iss``; ``audiences`` the ``aud`` values this relying
    party answers to (its URL, perhaps :data:`~icsc_aai_tokens.wlcg.ANY_AUDIENCE`);
    ``keys`` finds the JWK for a ``kid``. ``clock`` returns Unix time in seconds.
    """

    def __init__(
        self,
        issuer: str,
        audiences: Sequence[str],
        keys: JWKSCache,
        *,
        leeway: float = DEFAULT_LEEWAY,
        required: Sequence[str] = wlcg.REQUIRED_CLAIMS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if isinstance(audiences, str) or not audiences:
            msg = "audiences must be a non-empty list of strings"
            raise ValueError(msg)
        self.issuer = issuer
        self.audiences = list(audiences)
        self.keys = keys
        self.leeway = float(leeway)
        self.required = list(required)
        self.clock = clock

    def validate(self, token: str) -> dict[str, Any]:
        """The verified claims of ``token``, or :class:`TokenRejected` with the reason."""
        header = unverified_header(token)
        alg = header.get("alg")
        if alg not in ASYMMETRIC_ALGORITHMS:
            raise TokenRejected(
                reason="algorithm",
                description=f"algorithm {alg!r} is not accepted (only {sorted(ASYMMETRIC_ALGORITHMS)})",
            )
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise TokenRejected(
                reason="unknown-kid", description="the token header names no key (kid)"
            )
        try:
            jwk = self.keys.get(kid)
        except (OSError, ValueError, httpclient.HTTPStatusError) as exc:
            raise TokenRejected(
                reason="unknown-kid", description=f"cannot fetch the issuer's keys: {exc}"
            ) from exc
        if jwk is None:
            raise TokenRejected(
                reason="unknown-kid", description=f"the issuer publishes no key with kid {kid!r}"
            )
        expected = algorithm_for_jwk(jwk)
        if alg != expected or jwk.get("alg", expected) != expected:
            raise TokenRejected(
                reason="algorithm",
                description=f"key {kid!r} is an {expected} key but the token says {alg}",
            )
        claims = self._decode(token, jwk, expected)
        self._check_times(claims)
        try:
            wlcg.check_version(claims["wlcg.ver"])
        except ValueError as exc:
            raise TokenRejected(reason="wlcg-version", description=str(exc)) from exc
        return claims

    def _decode(self, token: str, jwk: Mapping[str, Any], algorithm: str) -> dict[str, Any]:
        options = {
            "require": self.required,
            "verify_exp": False,
            "verify_nbf": False,
            "verify_iat": False,
        }
        try:
            return jwt.decode(
                token, jwt.PyJWK(dict(jwk), algorithm), algorithms=[algorithm],
                audience=self.audiences, issuer=self.issuer, options=options,
            )  # fmt: skip
        except jwt.InvalidSignatureError as exc:
            raise TokenRejected(
                reason="signature", description="signature does not verify with the issuer's key"
            ) from exc
        except jwt.MissingRequiredClaimError as exc:
            raise TokenRejected(
                reason="missing-claim", description=f"required claim {exc.claim!r} is missing"
            ) from exc
        except jwt.InvalidAudienceError as exc:
            raise TokenRejected(
                reason="audience", description=f"token is not meant for {self.audiences} ({exc})"
            ) from exc
        except jwt.InvalidIssuerError as exc:
            raise TokenRejected(
                reason="issuer", description=f"token was not issued by {self.issuer!r}"
            ) from exc
        except jwt.InvalidAlgorithmError as exc:
            raise TokenRejected(reason="algorithm", description=str(exc)) from exc
        except jwt.PyJWTError as exc:
            raise TokenRejected(reason="malformed", description=str(exc)) from exc

    def _check_times(self, claims: Mapping[str, Any]) -> None:
        now = self.clock()
        for name in ("exp", "nbf", "iat"):
            value = claims.get(name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float)
            ):
                raise TokenRejected(
                    reason="malformed",
                    description=f"claim {name!r} must be a number of seconds, got {value!r}",
                )
        if "exp" in claims and now >= claims["exp"] + self.leeway:
            raise TokenRejected(
                reason="expired", description=f"token expired {now - claims['exp']:.0f} s ago"
            )
        for name in ("nbf", "iat"):
            if name in claims and claims[name] > now + self.leeway:
                raise TokenRejected(
                    reason="not-yet-valid",
                    description=f"{name} is {claims[name] - now:.0f} s in the future",
                )


def discovered_keys(issuer_url: str, *, cafile: str | None = None, **kwargs: Any) -> JWKSCache:
    """A :class:`JWKSCache` for ``issuer_url``, found through its discovery document.

    The document is fetched on first use (so the issuer may start later) and its
    ``issuer`` must equal ``issuer_url`` exactly (OpenID Connect Discovery section 4.3),
    otherwise ``ValueError``.
    """
    found: dict[str, str] = {}

    def fetch() -> Mapping[str, Any]:
        if "jwks_uri" not in found:
            metadata = httpclient.get_json(
                f"{issuer_url}/.well-known/openid-configuration", cafile=cafile
            )
            if metadata.get("issuer") != issuer_url:
                msg = f"discovery document names issuer {metadata.get('issuer')!r}, expected {issuer_url!r}"
                raise ValueError(msg)
            found["jwks_uri"] = str(metadata["jwks_uri"])
        return httpclient.get_json(found["jwks_uri"], cafile=cafile)

    return JWKSCache(fetch, **kwargs)
