"""Public checks for exercise 2 (Ed25519 signatures with pinned keys).

References: RFC 8032 section 7.1 test vectors; the ``cryptography`` package verifying
the envelope over bytes rebuilt from the format description (conftest).
"""

import base64
import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from icsc_cybersecurity import pipeline
from icsc_cybersecurity.checks.conftest import (
    PIPELINE,
    RFC8032_VECTORS,
    hashlib_manifest,
    independent_canonical_bytes,
)


@pytest.mark.parametrize(("secret", "public", "message", "signature"), RFC8032_VECTORS)
def test_rfc8032_public_key_and_signature(exercise, secret, public, message, signature):
    ex = exercise("ex02_sign_outputs")
    seed = bytes.fromhex(secret)
    assert ex.public_key(seed).hex() == public
    assert ex.sign(seed, bytes.fromhex(message)).hex() == signature


def test_verify_signature_accepts_the_vector_and_refuses_a_flipped_bit(exercise):
    ex = exercise("ex02_sign_outputs")
    _, public, message, signature = RFC8032_VECTORS[2].values
    good = bytes.fromhex(signature)
    bad = bytes([good[0] ^ 0x01]) + good[1:]
    assert ex.verify_signature(bytes.fromhex(public), bytes.fromhex(message), good) is True
    assert ex.verify_signature(bytes.fromhex(public), bytes.fromhex(message), bad) is False


@pytest.mark.points(2)
def test_envelope_verifies_independently(exercise, outputs, pipeline_seed, trusted_keys):
    ex = exercise("ex02_sign_outputs")
    envelope = ex.sign_outputs(outputs, pipeline_seed, pipeline=PIPELINE)
    assert envelope["statement"] == {"pipeline": PIPELINE, "files": hashlib_manifest(outputs)}
    ((key_id, public),) = trusted_keys.items()
    assert envelope["key_id"] == key_id
    signature = base64.b64decode(envelope["signature"], validate=True)
    # raises InvalidSignature (failing the test) unless the signature is right:
    Ed25519PublicKey.from_public_bytes(public).verify(
        signature, independent_canonical_bytes(envelope["statement"])
    )
    assert hashlib.sha256(base64.b64decode(envelope["public_key"])).hexdigest() == key_id


def test_genuine_outputs_pass_and_a_changed_file_fails(
    exercise, outputs, pipeline_seed, trusted_keys
):
    ex = exercise("ex02_sign_outputs")
    envelope = ex.sign_outputs(outputs, pipeline_seed, pipeline=PIPELINE)
    assert ex.verify_outputs(outputs, envelope, trusted_keys)["pipeline"] == PIPELINE
    (outputs / "fit.json").write_text('{"peak_gev": 125.0}\n')
    with pytest.raises(ValueError, match="changed"):
        ex.verify_outputs(outputs, envelope, trusted_keys)


@pytest.mark.points(2)
def test_outputs_resigned_by_an_attacker_are_refused(
    exercise, outputs, attacker_seed, trusted_keys
):
    ex = exercise("ex02_sign_outputs")
    (outputs / "fit.json").write_text('{"peak_gev": 125.0}\n')
    forged = pipeline.forge_with_own_key(outputs, PIPELINE, attacker_seed)
    with pytest.raises(ValueError, match="unknown key"):
        ex.verify_outputs(outputs, forged, trusted_keys)
