"""Envelopes made by the library verify with an independent implementation; forgeries look right."""

import base64
import hashlib
import json

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from icsc_cybersecurity import pipeline


def test_canonical_bytes_are_sorted_compact_utf8_with_a_domain():
    data = pipeline.canonical_bytes({"b": 1, "a": "\u00e9"})
    assert data == b"icsc-cybersecurity/pipeline-outputs/v1\n" + '{"a":"\u00e9","b":1}'.encode()
    with pytest.raises(ValueError, match="JSON compliant"):
        pipeline.canonical_bytes({"x": float("nan")})


def test_rfc8032_vector_one_through_the_helpers():
    seed = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    assert pipeline.public_key_bytes(seed).hex() == (
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    )


def test_run_pipeline_is_deterministic(tmp_path):
    assert pipeline.run_pipeline(tmp_path / "a") == [
        "fit.json",
        "histogram.csv",
        "plots/summary.txt",
    ]
    pipeline.run_pipeline(tmp_path / "b")
    assert pipeline.file_digests(tmp_path / "a") == pipeline.file_digests(tmp_path / "b")
    fit = json.loads((tmp_path / "a" / "fit.json").read_text())
    assert 90.0 < fit["peak_gev"] < 92.5


def test_envelope_verifies_and_forgeries_claim_what_they_should(tmp_path):
    pipeline.run_pipeline(tmp_path)
    seed, attacker = pipeline.demo_seed("p"), pipeline.demo_seed("a")
    statement = {"pipeline": "p", "files": pipeline.file_digests(tmp_path)}
    envelope = pipeline.make_envelope(statement, seed)
    public = pipeline.public_key_bytes(seed)
    assert envelope["key_id"] == hashlib.sha256(public).hexdigest()
    Ed25519PublicKey.from_public_bytes(public).verify(
        base64.b64decode(envelope["signature"]), pipeline.canonical_bytes(statement)
    )
    forged = pipeline.forge_claiming_key(tmp_path, "p", attacker, envelope["key_id"])
    assert forged["key_id"] == envelope["key_id"]
    assert base64.b64decode(forged["public_key"]) == pipeline.public_key_bytes(attacker)
    with pytest.raises(InvalidSignature):
        Ed25519PublicKey.from_public_bytes(public).verify(
            base64.b64decode(forged["signature"]), pipeline.canonical_bytes(forged["statement"])
        )
    own = pipeline.forge_with_own_key(tmp_path, "p", attacker)
    assert own["key_id"] == pipeline.key_id_of(pipeline.public_key_bytes(attacker))
