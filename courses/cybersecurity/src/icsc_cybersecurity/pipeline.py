"""A toy analysis pipeline whose outputs get signed, and the forgeries an attacker tries.

The signed object is a *statement* ``{"pipeline": NAME, "files": {path: sha256-hex}}``
wrapped in an *envelope*::

    {
      "statement": {...},
      "key_id": "<sha256 hex of the 32-byte Ed25519 public key>",
      "public_key": "<base64 of the public key: informational, never trusted>",
      "signature": "<base64 of the 64-byte Ed25519 signature over canonical_bytes(statement)>"
    }

:func:`canonical_bytes` fixes the signed bytes: a domain-separation line followed by
JSON with sorted keys, no insignificant white space, UTF-8, no NaN. Without a canonical
form, two programs serialising the same statement would sign different bytes. The
domain line makes a signature over a pipeline statement useless in any other protocol
that the same key might sign for (the idea behind DSSE's pre-authentication encoding).

The attacker helpers build the envelopes that a careless verifier accepts: outputs
changed and re-signed with the attacker's own key (caught by key pinning), and the
same forgery claiming the trusted ``key_id`` while carrying the attacker's public key
(caught by never trusting a key that travels with the signature).
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import random
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

DOMAIN = b"icsc-cybersecurity/pipeline-outputs/v1\n"
"""Prefix of every signed message (domain separation)."""


def canonical_bytes(statement: dict[str, Any]) -> bytes:
    """The exact bytes that are signed for ``statement`` (see the module docstring).

    Raises ``ValueError`` for NaN/infinite floats and ``TypeError`` for values JSON cannot
    represent.
    """
    text = json.dumps(
        statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return DOMAIN + text.encode("utf-8")


def demo_seed(name: str) -> bytes:
    """A 32-byte Ed25519 seed derived from ``name`` (course demos only: never do this for real keys)."""
    return hashlib.sha256(b"icsc-cybersecurity demo key: " + name.encode()).digest()


def public_key_bytes(seed: bytes) -> bytes:
    """The raw 32-byte Ed25519 public key of a 32-byte ``seed``."""
    key = Ed25519PrivateKey.from_private_bytes(seed)
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id_of(public: bytes) -> str:
    """The key id used in envelopes: SHA-256 of the raw public key, hex."""
    return hashlib.sha256(public).hexdigest()


def run_pipeline(out_dir: str | Path, *, seed: int = 7, events: int = 2000) -> list[str]:
    """Run the toy analysis and write its outputs below ``out_dir``; return relative paths.

    Outputs: ``histogram.csv`` (a binned energy spectrum), ``fit.json`` (the fitted peak)
    and ``plots/summary.txt``. Deterministic for a given ``seed``.
    """
    rng = random.Random(seed)
    energies = [rng.gauss(91.2, 2.5) for _ in range(events)]
    edges = [80.0 + 0.5 * i for i in range(45)]
    counts = [sum(lo <= e < hi for e in energies) for lo, hi in itertools.pairwise(edges)]
    mean = sum(energies) / len(energies)
    width = (sum((e - mean) ** 2 for e in energies) / (len(energies) - 1)) ** 0.5
    base = Path(out_dir)
    (base / "plots").mkdir(parents=True, exist_ok=True)
    (base / "histogram.csv").write_text(
        "low,high,count\n"
        + "".join(
            f"{lo:.1f},{hi:.1f},{n}\n"
            for (lo, hi), n in zip(itertools.pairwise(edges), counts, strict=True)
        )
    )
    fit = {"peak_gev": round(mean, 4), "width_gev": round(width, 4), "events": events}
    (base / "fit.json").write_text(json.dumps(fit, sort_keys=True) + "\n")
    (base / "plots" / "summary.txt").write_text(
        f"peak {fit['peak_gev']} GeV, width {fit['width_gev']} GeV\n"
    )
    return ["fit.json", "histogram.csv", "plots/summary.txt"]


def file_digests(folder: str | Path) -> dict[str, str]:
    """Relative POSIX path -> SHA-256 hex of every regular file below ``folder`` (sorted)."""
    base = Path(folder)
    return {
        path.relative_to(base).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(base.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def make_envelope(statement: dict[str, Any], seed: bytes, *, key_id: str | None = None) -> dict:
    """An envelope over ``statement`` signed with ``seed``; ``key_id`` may lie (attacks)."""
    key = Ed25519PrivateKey.from_private_bytes(seed)
    public = public_key_bytes(seed)
    return {
        "statement": statement,
        "key_id": key_id if key_id is not None else key_id_of(public),
        "public_key": base64.b64encode(public).decode("ascii"),
        "signature": base64.b64encode(key.sign(canonical_bytes(statement))).decode("ascii"),
    }


def forge_with_own_key(folder: str | Path, pipeline: str, attacker_seed: bytes) -> dict:
    """The attacker's envelope for the (tampered) folder, honestly naming the attacker's key."""
    statement = {"pipeline": pipeline, "files": file_digests(folder)}
    return make_envelope(statement, attacker_seed)


def forge_claiming_key(
    folder: str | Path, pipeline: str, attacker_seed: bytes, claimed_key_id: str
) -> dict:
    """The attacker's envelope claiming ``claimed_key_id`` but carrying the attacker's key.

    A verifier that checks the signature with the envelope's ``public_key`` accepts it.
    """
    statement = {"pipeline": pipeline, "files": file_digests(folder)}
    return make_envelope(statement, attacker_seed, key_id=claimed_key_id)
