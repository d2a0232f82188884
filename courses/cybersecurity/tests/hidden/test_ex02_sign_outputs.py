"""Hidden tests for exercise 2: failure paths and the forgeries a careless verifier accepts.

References: RFC 8032 section 7.1 vectors; hashlib for key ids; ``cryptography`` to
produce signatures independently of the exercise.
"""

import base64
import copy
import hashlib

import pytest

from icsc_cybersecurity import pipeline
from icsc_cybersecurity.checks.conftest import PIPELINE, RFC8032_VECTORS


def test_key_id_is_the_sha256_of_the_raw_public_key(exercise):
    ex = exercise("ex02_sign_outputs")
    _, public, _, _ = RFC8032_VECTORS[0].values
    assert ex.key_id(bytes.fromhex(public)) == hashlib.sha256(bytes.fromhex(public)).hexdigest()


@pytest.mark.parametrize(("secret", "public", "message", "signature"), RFC8032_VECTORS)
def test_rfc8032_signatures_verify(exercise, secret, public, message, signature):
    ex = exercise("ex02_sign_outputs")
    assert ex.verify_signature(
        bytes.fromhex(public), bytes.fromhex(message), bytes.fromhex(signature)
    )
    assert not ex.verify_signature(
        bytes.fromhex(public), bytes.fromhex(message) + b"\x00", bytes.fromhex(signature)
    )


def test_signatures_are_deterministic(exercise, pipeline_seed):
    ex = exercise("ex02_sign_outputs")
    assert ex.sign(pipeline_seed, b"same message") == ex.sign(pipeline_seed, b"same message")


def test_a_signature_of_the_wrong_length_is_just_invalid(exercise):
    ex = exercise("ex02_sign_outputs")
    _, public, message, signature = RFC8032_VECTORS[1].values
    assert (
        ex.verify_signature(
            bytes.fromhex(public), bytes.fromhex(message), bytes.fromhex(signature)[:63]
        )
        is False
    )
    assert ex.verify_signature(bytes.fromhex(public), bytes.fromhex(message), b"") is False


def test_signature_by_another_key_is_invalid(exercise):
    ex = exercise("ex02_sign_outputs")
    secret1, _, message, _ = RFC8032_VECTORS[0].values
    _, public2, _, _ = RFC8032_VECTORS[1].values
    signature = ex.sign(bytes.fromhex(secret1), b"hello")
    assert ex.verify_signature(bytes.fromhex(public2), b"hello", signature) is False
    assert message == ""


def test_bad_key_material_is_refused(exercise):
    ex = exercise("ex02_sign_outputs")
    with pytest.raises(ValueError, match="32"):
        ex.public_key(b"\x00" * 31)
    with pytest.raises(TypeError):
        ex.public_key("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    with pytest.raises(ValueError, match="32"):
        ex.verify_signature(b"\x00" * 33, b"m", b"\x00" * 64)
    with pytest.raises(TypeError):
        ex.sign(b"\x00" * 32, "text, not bytes")


@pytest.mark.points(2)
def test_attacker_key_claiming_the_trusted_id_is_refused(
    exercise, outputs, attacker_seed, trusted_keys
):
    """The forged envelope carries the attacker's public_key: only the pinned key counts."""
    ex = exercise("ex02_sign_outputs")
    (outputs / "fit.json").write_text('{"peak_gev": 125.0}\n')
    (key_id,) = trusted_keys
    forged = pipeline.forge_claiming_key(outputs, PIPELINE, attacker_seed, key_id)
    with pytest.raises(ValueError, match="signature"):
        ex.verify_outputs(outputs, forged, trusted_keys)


def test_missing_and_extra_outputs_are_refused(exercise, outputs, pipeline_seed, trusted_keys):
    ex = exercise("ex02_sign_outputs")
    envelope = ex.sign_outputs(outputs, pipeline_seed, pipeline=PIPELINE)
    (outputs / "plots" / "summary.txt").unlink()
    with pytest.raises(ValueError, match="missing"):
        ex.verify_outputs(outputs, envelope, trusted_keys)
    envelope = ex.sign_outputs(outputs, pipeline_seed, pipeline=PIPELINE)
    (outputs / "plots" / "injected.js").write_text("alert(1)\n")
    with pytest.raises(ValueError, match="extra"):
        ex.verify_outputs(outputs, envelope, trusted_keys)


def test_an_edited_statement_breaks_the_signature(exercise, outputs, pipeline_seed, trusted_keys):
    ex = exercise("ex02_sign_outputs")
    envelope = ex.sign_outputs(outputs, pipeline_seed, pipeline=PIPELINE)
    (outputs / "fit.json").write_text('{"peak_gev": 125.0}\n')
    edited = copy.deepcopy(envelope)
    edited["statement"]["files"]["fit.json"] = hashlib.sha256(b'{"peak_gev": 125.0}\n').hexdigest()
    with pytest.raises(ValueError, match="signature"):
        ex.verify_outputs(outputs, edited, trusted_keys)


def test_a_renamed_pipeline_breaks_the_signature(exercise, outputs, pipeline_seed, trusted_keys):
    ex = exercise("ex02_sign_outputs")
    envelope = ex.sign_outputs(outputs, pipeline_seed, pipeline=PIPELINE)
    envelope["statement"]["pipeline"] = "calibration"
    with pytest.raises(ValueError, match="signature"):
        ex.verify_outputs(outputs, envelope, trusted_keys)


def test_a_signature_by_another_trusted_key_under_the_wrong_id(
    exercise, outputs, pipeline_seed, trusted_keys
):
    """Two pinned keys: a statement signed by B but labelled as A must fail."""
    ex = exercise("ex02_sign_outputs")
    other_seed = pipeline.demo_seed("calibration pipeline")
    other_public = pipeline.public_key_bytes(other_seed)
    store = {**trusted_keys, hashlib.sha256(other_public).hexdigest(): other_public}
    envelope = ex.sign_outputs(outputs, other_seed, pipeline=PIPELINE)
    assert ex.verify_outputs(outputs, envelope, store)["pipeline"] == PIPELINE
    (key_a,) = trusted_keys
    envelope["key_id"] = key_a
    with pytest.raises(ValueError, match="signature"):
        ex.verify_outputs(outputs, envelope, store)


def test_a_broken_trust_store_is_noticed(
    exercise, outputs, pipeline_seed, attacker_seed, trusted_keys
):
    ex = exercise("ex02_sign_outputs")
    envelope = ex.sign_outputs(outputs, pipeline_seed, pipeline=PIPELINE)
    (key_id,) = trusted_keys
    broken = {key_id: pipeline.public_key_bytes(attacker_seed)}
    with pytest.raises(ValueError, match="pinned key"):
        ex.verify_outputs(outputs, envelope, broken)


@pytest.mark.parametrize(
    "change", ["drop-signature", "extra-field", "not-base64", "statement-list"]
)
def test_malformed_envelopes_are_refused(exercise, outputs, pipeline_seed, trusted_keys, change):
    ex = exercise("ex02_sign_outputs")
    envelope = ex.sign_outputs(outputs, pipeline_seed, pipeline=PIPELINE)
    if change == "drop-signature":
        del envelope["signature"]
    elif change == "extra-field":
        envelope["trusted"] = True
    elif change == "not-base64":
        envelope["signature"] = "%%% not base64 %%%"
    else:
        envelope["statement"] = [envelope["statement"]]
    with pytest.raises(ValueError, match=r"malformed|signature"):
        ex.verify_outputs(outputs, envelope, trusted_keys)


def test_an_independently_signed_envelope_is_accepted(
    exercise, outputs, pipeline_seed, trusted_keys
):
    """An envelope made by the course library (not by the exercise) verifies."""
    ex = exercise("ex02_sign_outputs")
    statement = {"pipeline": PIPELINE, "files": pipeline.file_digests(outputs)}
    envelope = pipeline.make_envelope(statement, pipeline_seed)
    assert ex.verify_outputs(outputs, envelope, trusted_keys) == statement


def test_the_envelope_public_key_is_base64_of_the_raw_key(exercise, outputs, pipeline_seed):
    ex = exercise("ex02_sign_outputs")
    envelope = ex.sign_outputs(outputs, pipeline_seed, pipeline=PIPELINE)
    assert base64.b64decode(envelope["public_key"]) == pipeline.public_key_bytes(pipeline_seed)
    assert len(base64.b64decode(envelope["signature"])) == 64


def test_sign_outputs_failure_paths(exercise, outputs, pipeline_seed):
    ex = exercise("ex02_sign_outputs")
    with pytest.raises(NotADirectoryError):
        ex.sign_outputs(outputs / "fit.json", pipeline_seed, pipeline=PIPELINE)
    with pytest.raises(ValueError, match="pipeline"):
        ex.sign_outputs(outputs, pipeline_seed, pipeline="")
    (outputs / "hostname").symlink_to("/etc/hostname")
    with pytest.raises(ValueError, match="link"):
        ex.sign_outputs(outputs, pipeline_seed, pipeline=PIPELINE)
