# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 2: sign pipeline outputs with Ed25519 and verify them against pinned keys.

A digest proves that bytes did not change *since the digest was taken*; it does not say
*who* took it. A signature binds the statement "these outputs, with these digests, come
from pipeline P" to a key. The verifier's hard part is not the cryptography: it is
deciding which keys to believe. Here the consumer keeps a small *trust store* of pinned
keys, ``{key_id: public_key}``, distributed out of band (a repository file reviewed
like code, a collaboration web page served over TLS, a conversation in person).

You write:

* :func:`public_key`, :func:`sign`, :func:`verify_signature`: Ed25519 as in RFC 8032,
  with the ``cryptography`` package (raw 32-byte seeds and keys, 64-byte signatures);
* :func:`key_id`: the SHA-256 of the raw public key, hex (how envelopes name keys);
* :func:`sign_outputs`: the signed envelope for every file below a folder;
* :func:`verify_outputs`: the verifier, which trusts nothing that travels with the data.

The envelope format and the signed bytes (:func:`~icsc_cybersecurity.pipeline.canonical_bytes`)
are described in :mod:`icsc_cybersecurity.pipeline`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from icsc_cybersecurity.pipeline import canonical_bytes

ENVELOPE_KEYS = frozenset({"statement", "key_id", "public_key", "signature"})


def _require_bytes(value: Any, length: int, what: str) -> bytes:
    """``value`` as bytes of exactly ``length``; ``TypeError``/``ValueError`` otherwise."""
    if not isinstance(value, bytes | bytearray):
        msg = f"{what} must be bytes, got {type(value).__name__}"
        raise TypeError(msg)
    if len(value) != length:
        msg = f"{what} must be {length} bytes, got {len(value)}"
        raise ValueError(msg)
    return bytes(value)


def public_key(seed: bytes) -> bytes:
    """The raw 32-byte Ed25519 public key for a 32-byte private ``seed`` (RFC 8032 5.1.5).

    Raises ``TypeError`` if ``seed`` is not bytes and ``ValueError`` if it is not 32 bytes.
    """
    # HINT: Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    # TODO: your code here.
    raise NotImplementedError("ex02_sign_outputs: this part is yours to write (icsc hint ex02)")


def sign(seed: bytes, message: bytes) -> bytes:
    """The 64-byte Ed25519 signature of ``message`` with the key of ``seed``.

    Ed25519 is deterministic: the same seed and message always give the same signature
    (RFC 8032 5.1.6). Raises like :func:`public_key` for a bad seed, ``TypeError`` if
    ``message`` is not bytes.
    """
    # TODO: your code here.
    raise NotImplementedError("ex02_sign_outputs: this part is yours to write (icsc hint ex02)")


def verify_signature(public: bytes, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is a valid Ed25519 signature of ``message`` under ``public``.

    Returns ``False`` (never raises) for a wrong or malformed signature, including one of
    the wrong length. Raises ``TypeError`` if an argument is not bytes and ``ValueError``
    if ``public`` is not 32 bytes.
    """
    # HINT: Ed25519PublicKey.from_public_bytes(public).verify(signature, message) raises InvalidSignature.
    # TODO: your code here.
    raise NotImplementedError("ex02_sign_outputs: this part is yours to write (icsc hint ex02)")


def key_id(public: bytes) -> str:
    """The id of a public key: SHA-256 of its 32 raw bytes, 64 lowercase hex characters.

    Raises ``TypeError``/``ValueError`` like :func:`verify_signature` for a bad key.
    """
    # TODO: your code here.
    raise NotImplementedError("ex02_sign_outputs: this part is yours to write (icsc hint ex02)")


def sign_outputs(folder: str | Path, seed: bytes, *, pipeline: str) -> dict[str, Any]:
    """The signed envelope for every regular file below ``folder``.

    The statement is ``{"pipeline": pipeline, "files": {relative POSIX path: sha256 hex}}``;
    the envelope holds it, the ``key_id`` of the signing key, that key as base64 in
    ``public_key`` and the base64 (standard alphabet, padded) signature over
    ``canonical_bytes(statement)``. Raises ``NotADirectoryError`` if ``folder`` is not a
    directory, ``ValueError`` if it holds a symbolic link or if ``pipeline`` is empty.
    """
    # HINT: the same walk as exercise 1's build_manifest; sign canonical_bytes(statement), not str(statement).
    # TODO: your code here.
    raise NotImplementedError("ex02_sign_outputs: this part is yours to write (icsc hint ex02)")


def verify_outputs(
    folder: str | Path, envelope: dict[str, Any], trusted_keys: dict[str, bytes]
) -> dict[str, Any]:
    """Check ``envelope`` against the pinned ``trusted_keys`` and the files in ``folder``.

    ``trusted_keys`` maps key ids to raw 32-byte public keys. Returns the statement if
    every check passes; otherwise raises ``ValueError`` whose message contains the reason:

    * ``"malformed"``: the envelope does not have exactly the four fields, or the
      signature is not valid base64, or the statement is not ``{"pipeline", "files"}``;
    * ``"unknown key"``: ``key_id`` is not in ``trusted_keys`` (whatever key the envelope
      carries: ``public_key`` is informational and never trusted);
    * ``"pinned key"``: the trusted entry's key does not hash to its id (a broken trust store);
    * ``"signature"``: the signature does not verify under the *pinned* key;
    * ``"changed"``, ``"missing"`` or ``"extra"``: the folder differs from the statement
      (the message names the paths).

    The order matters: nothing in the statement is believed before the signature verified.
    """
    # HINT: look the key up by envelope["key_id"] in trusted_keys; ignore envelope["public_key"].
    # HINT: base64.b64decode(text, validate=True) refuses garbage instead of skipping it.
    # TODO: your code here.
    raise NotImplementedError("ex02_sign_outputs: this part is yours to write (icsc hint ex02)")
