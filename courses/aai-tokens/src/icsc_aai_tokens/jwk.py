"""JSON Web Keys (RFC 7517): conversion, key ids (RFC 7638 thumbprints) and key rotation.

A JWK is a JSON object describing one key; a JWK Set is ``{"keys": [...]}``. The issuer
publishes the *public* halves of its signing keys as a JWK Set at its ``jwks_uri`` and
names each with a key id ``kid``; a token's header carries the ``kid`` of the key that
signed it (required by the WLCG profile, section 4.2).

Supported key types: RSA (``RS256``), EC P-256 (``ES256``) and Ed25519 (``EdDSA``).
Bad input raises ``ValueError`` (unknown ``kty``/``crv``, missing members) or
``TypeError`` (not a supported key object).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

PublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey | ed25519.Ed25519PublicKey
PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey

#: The one JWS algorithm that goes with each key type (RFC 7518 section 3, RFC 8037).
#: A verifier must take the algorithm from its *key*, never from the token header.
ALGORITHM_FOR_KEY = {"RSA": "RS256", "EC:P-256": "ES256", "OKP:Ed25519": "EdDSA"}

_B64URL = re.compile(r"[A-Za-z0-9_-]*")

#: Members that enter the RFC 7638 thumbprint, per key type (section 3.2).
_THUMBPRINT_MEMBERS = {
    "RSA": ("e", "kty", "n"),
    "EC": ("crv", "kty", "x", "y"),
    "OKP": ("crv", "kty", "x"),
}


def b64url_encode(data: bytes) -> str:
    """Base64url without padding (RFC 7515 section 2), as used in every JOSE structure."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Inverse of :func:`b64url_encode`; raises ``ValueError`` on characters outside the alphabet."""
    if not isinstance(text, str):
        msg = f"base64url text must be str, got {type(text).__name__}"
        raise TypeError(msg)
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        msg = f"not base64url: {text[:20]!r}"
        raise ValueError(msg)
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _int_to_b64(value: int, length: int | None = None) -> str:
    size = length if length is not None else max(1, (value.bit_length() + 7) // 8)
    return b64url_encode(value.to_bytes(size, "big"))


def _b64_to_int(text: str) -> int:
    return int.from_bytes(b64url_decode(text), "big")


def algorithm_for_jwk(jwk: Mapping[str, Any]) -> str:
    """The JWS ``alg`` that matches this JWK's key type (``RS256``, ``ES256`` or ``EdDSA``)."""
    kty = jwk.get("kty")
    key = "RSA" if kty == "RSA" else f"{kty}:{jwk.get('crv')}"
    if key not in ALGORITHM_FOR_KEY:
        msg = f"unsupported JWK key type {key!r}; supported: RSA, EC P-256, OKP Ed25519"
        raise ValueError(msg)
    return ALGORITHM_FOR_KEY[key]


def public_jwk(key: PublicKey | PrivateKey, *, kid: str | None = None) -> dict[str, str]:
    """The public JWK of ``key`` with ``use: sig``, ``alg`` and ``kid`` (default: its thumbprint).

    Private keys are accepted and only their public half is exported.
    """
    if isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey):
        key = key.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        numbers = key.public_numbers()
        jwk = {"kty": "RSA", "n": _int_to_b64(numbers.n), "e": _int_to_b64(numbers.e)}
    elif isinstance(key, ec.EllipticCurvePublicKey):
        if not isinstance(key.curve, ec.SECP256R1):
            msg = f"only EC P-256 keys are supported, got {key.curve.name}"
            raise ValueError(msg)  # noqa: TRY004  (right type, unsupported value)
        numbers = key.public_numbers()
        jwk = {
            "kty": "EC",
            "crv": "P-256",
            "x": _int_to_b64(numbers.x, 32),
            "y": _int_to_b64(numbers.y, 32),
        }
    elif isinstance(key, ed25519.Ed25519PublicKey):
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        jwk = {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(raw)}
    else:
        msg = (
            f"unsupported key object {type(key).__name__}; expected an RSA, EC P-256 or Ed25519 key"
        )
        raise TypeError(msg)
    jwk["use"] = "sig"
    jwk["alg"] = algorithm_for_jwk(jwk)
    jwk["kid"] = kid if kid is not None else jwk_thumbprint(jwk)
    return jwk


def public_key_from_jwk(jwk: Mapping[str, Any]) -> PublicKey:
    """Build the ``cryptography`` public key described by a JWK (private members are ignored)."""
    if not isinstance(jwk, Mapping):
        msg = f"a JWK must be a JSON object (dict), got {type(jwk).__name__}"
        raise TypeError(msg)
    algorithm_for_jwk(jwk)  # validates kty/crv
    try:
        if jwk["kty"] == "RSA":
            return rsa.RSAPublicNumbers(_b64_to_int(jwk["e"]), _b64_to_int(jwk["n"])).public_key()
        if jwk["kty"] == "EC":
            x, y = _b64_to_int(jwk["x"]), _b64_to_int(jwk["y"])
            return ec.EllipticCurvePublicNumbers(x, y, ec.SECP256R1()).public_key()
        return ed25519.Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
    except KeyError as exc:
        msg = f"JWK of type {jwk['kty']} lacks the member {exc.args[0]!r}"
        raise ValueError(msg) from exc


def jwk_thumbprint(jwk: Mapping[str, Any]) -> str:
    """RFC 7638 JWK thumbprint: SHA-256 over the required members in lexicographic order.

    The result is base64url text (43 characters) and is a stable, collision-resistant key
    id: the same public key always gets the same ``kid``.
    """
    members = _THUMBPRINT_MEMBERS.get(jwk.get("kty", ""))
    if members is None:
        msg = f"cannot compute a thumbprint for kty {jwk.get('kty')!r}"
        raise ValueError(msg)
    try:
        canonical = json.dumps(
            {name: jwk[name] for name in members}, separators=(",", ":"), sort_keys=True
        )
    except KeyError as exc:
        msg = f"JWK lacks the member {exc.args[0]!r} required for its thumbprint"
        raise ValueError(msg) from exc
    return b64url_encode(hashlib.sha256(canonical.encode("utf-8")).digest())


def generate_signing_key(kind: str = "RSA") -> PrivateKey:
    """A fresh signing key: ``"RSA"`` (2048 bit, e = 65537), ``"EC"`` (P-256) or ``"Ed25519"``."""
    if kind == "RSA":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if kind == "EC":
        return ec.generate_private_key(ec.SECP256R1())
    if kind == "Ed25519":
        return ed25519.Ed25519PrivateKey.generate()
    msg = f"unknown key kind {kind!r}; use 'RSA', 'EC' or 'Ed25519'"
    raise ValueError(msg)


@dataclass(frozen=True)
class SigningKey:
    """One private signing key with its key id, algorithm and creation time (Unix seconds)."""

    kid: str
    private_key: PrivateKey
    algorithm: str
    created: float

    @classmethod
    def create(cls, kind: str = "RSA", *, now: float | None = None) -> SigningKey:
        key = generate_signing_key(kind)
        jwk = public_jwk(key)
        return cls(jwk["kid"], key, jwk["alg"], time.time() if now is None else now)

    def public_jwk(self) -> dict[str, str]:
        return public_jwk(self.private_key, kid=self.kid)


@dataclass
class KeyRing:
    """The issuer's keys: one *current* key that signs, older keys still published.

    Rotation (:meth:`rotate`) makes a new key current but keeps the previous ones in the
    JWK Set, so tokens they signed stay verifiable until they expire; :meth:`retire`
    removes a key from the set (after which its tokens fail with an unknown ``kid``).
    Thread-safe: the HTTP server reads it from many threads.
    """

    kind: str = "RSA"
    clock: Callable[[], float] = time.time
    _keys: list[SigningKey] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        if not self._keys:
            self._keys.append(SigningKey.create(self.kind, now=self.clock()))

    @property
    def current(self) -> SigningKey:
        with self._lock:
            return self._keys[-1]

    def rotate(self) -> SigningKey:
        """Create a new current key and return it; older keys stay published."""
        new = SigningKey.create(self.kind, now=self.clock())
        with self._lock:
            self._keys.append(new)
        return new

    def retire(self, kid: str) -> None:
        """Stop publishing ``kid``; raises ``ValueError`` for the current or an unknown key."""
        with self._lock:
            if self._keys[-1].kid == kid:
                msg = "cannot retire the current signing key; rotate first"
                raise ValueError(msg)
            remaining = [key for key in self._keys if key.kid != kid]
            if len(remaining) == len(self._keys):
                msg = f"no published key with kid {kid!r}"
                raise ValueError(msg)
            self._keys[:] = remaining

    def kids(self) -> list[str]:
        with self._lock:
            return [key.kid for key in self._keys]

    def jwks(self) -> dict[str, list[dict[str, str]]]:
        """The public JWK Set, newest key first."""
        with self._lock:
            return {"keys": [key.public_jwk() for key in reversed(self._keys)]}
