"""Exercise 2: bridge a token to an X.509 client certificate, then verify the chain.

Plenty of grid software still speaks only TLS client certificates. A *bridge* CA
accepts a validated token and issues a short-lived certificate that carries the same
identity and rights, so certificate-only services can take part in a token world.

:func:`certificate_from_claims` is the heart of such a CA. From the (already validated)
claims it builds a certificate that

* names the subject: ``CN=<sub>`` in the subject name;
* names the identity globally: one SAN ``URI`` equal to ``identity_uri(iss, sub)``
  (the pair (iss, sub) is what is unique, OpenID Connect Core section 2);
* never outlives the token: valid from ``now`` to ``min(exp, now + max_lifetime)``;
* is an end-entity TLS client certificate: ``BasicConstraints(ca=False)`` (critical),
  ``KeyUsage(digital_signature)`` (critical), ``ExtendedKeyUsage([CLIENT_AUTH])``, and
  an ``AuthorityKeyIdentifier`` pointing at the CA key;
* carries the token's ``wlcg.groups`` and ``scope`` (split on spaces) as the
  non-critical extensions ``GROUPS_OID`` and ``SCOPES_OID`` (use
  :func:`~icsc_aai_tokens.asn1.string_list_extension`; an absent claim gives an empty list);
* is signed by ``ca_key`` with SHA-256, issuer name = the CA certificate's subject.

:func:`verify_chain` is the relying party's view: does this leaf chain up to the root
we trust, at time ``at``, with every link a proper CA?

Certificates and keys travel as PEM bytes, the form they have in files and on the wire
(``x509.load_pem_x509_certificate``, ``serialization.load_pem_private_key`` and
``certificate.public_bytes(serialization.Encoding.PEM)`` convert).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from icsc_aai_tokens.asn1 import GROUPS_OID, SCOPES_OID, string_list_extension
from icsc_aai_tokens.wlcg import identity_uri

MAX_LIFETIME = dt.timedelta(hours=1)


def certificate_from_claims(
    claims: Mapping[str, Any],
    public_key_pem: bytes,
    ca_certificate_pem: bytes,
    ca_key_pem: bytes,
    *,
    now: dt.datetime | None = None,
    max_lifetime: dt.timedelta = MAX_LIFETIME,
) -> bytes:
    """The PEM of a client certificate for ``public_key_pem`` built from validated ``claims``.

    ``public_key_pem`` is the subject's public key (SubjectPublicKeyInfo PEM),
    ``ca_certificate_pem``/``ca_key_pem`` the issuing CA's certificate and unencrypted
    private key. ``now`` is a timezone-aware UTC datetime (default: the current time),
    truncated to whole seconds. Raises ``ValueError`` if ``iss``, ``sub`` or ``exp`` is
    missing, if the token has expired (``exp <= now``), if ``max_lifetime`` is not
    positive, or if a PEM input cannot be parsed.
    """
    # BEGIN SOLUTION
    # HINT: start from x509.CertificateBuilder(): subject_name, issuer_name(ca_certificate.subject),
    # HINT: public_key, serial_number(x509.random_serial_number()), not_valid_before/after, add_extension(...).
    # HINT: exp is Unix seconds: dt.datetime.fromtimestamp(claims["exp"], dt.UTC).
    # HINT: x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_certificate.public_key()).
    if max_lifetime <= dt.timedelta(0):
        msg = f"max_lifetime must be positive, got {max_lifetime}"
        raise ValueError(msg)
    missing = [name for name in ("iss", "sub", "exp") if name not in claims]
    if missing:
        msg = f"claims lack {', '.join(missing)}"
        raise ValueError(msg)
    public_key = serialization.load_pem_public_key(public_key_pem)
    ca_certificate = x509.load_pem_x509_certificate(ca_certificate_pem)
    ca_key = serialization.load_pem_private_key(ca_key_pem, password=None)
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    expires = dt.datetime.fromtimestamp(claims["exp"], dt.UTC)
    if expires <= now:
        msg = f"the token expired at {expires.isoformat()}; refusing to issue a certificate"
        raise ValueError(msg)
    groups = list(claims.get("wlcg.groups", []))
    scopes = str(claims.get("scope", "")).split()
    san = x509.SubjectAlternativeName(
        [x509.UniformResourceIdentifier(identity_uri(claims["iss"], claims["sub"]))]
    )
    usage = x509.KeyUsage(
        digital_signature=True, content_commitment=False, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
        encipher_only=False, decipher_only=False,
    )  # fmt: skip
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, str(claims["sub"]))]))
        .issuer_name(ca_certificate.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(min(expires, now + max_lifetime))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .add_extension(san, critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_certificate.public_key()),
            critical=False,
        )
        .add_extension(string_list_extension(GROUPS_OID, groups), critical=False)
        .add_extension(string_list_extension(SCOPES_OID, scopes), critical=False)
    )
    certificate = builder.sign(ca_key, hashes.SHA256())
    return certificate.public_bytes(serialization.Encoding.PEM)
    # END SOLUTION


def verify_chain(
    leaf_pem: bytes,
    intermediates_pem: bytes,
    root_pem: bytes,
    *,
    at: dt.datetime | None = None,
) -> list[bytes]:
    """The verified chain of a TLS *client* certificate, as PEM, leaf first, root last.

    ``root_pem`` holds the only trust anchor; ``intermediates_pem`` holds zero or more
    concatenated PEM certificates that may help build the path (``b""`` for none).
    Checks signatures, validity at ``at`` (timezone-aware; default now), CA flags and
    path lengths of the issuers, and that the leaf may be used for client
    authentication. Raises ``ValueError`` (message starting ``"chain does not verify"``)
    otherwise, and ``ValueError`` for unparsable PEM.
    """
    # BEGIN SOLUTION
    # HINT: x509.load_pem_x509_certificates(data) parses several concatenated certificates.
    # HINT: cryptography.x509.verification: PolicyBuilder().store(Store([root])).time(at).build_client_verifier()
    # HINT: .verify(leaf, intermediates) returns an object with .chain, or raises VerificationError.
    leaf = x509.load_pem_x509_certificate(leaf_pem)
    intermediates = (
        x509.load_pem_x509_certificates(intermediates_pem) if intermediates_pem.strip() else []
    )
    root = x509.load_pem_x509_certificate(root_pem)
    verifier = (
        PolicyBuilder()
        .store(Store([root]))
        .time(at or dt.datetime.now(dt.UTC))
        .build_client_verifier()
    )
    try:
        verified = verifier.verify(leaf, intermediates)
    except VerificationError as exc:
        msg = f"chain does not verify: {exc}"
        raise ValueError(msg) from exc
    return [certificate.public_bytes(serialization.Encoding.PEM) for certificate in verified.chain]
    # END SOLUTION
