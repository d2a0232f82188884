"""A two-level public key infrastructure built with ``cryptography`` (RFC 5280 profile).

``PKI.create()`` makes an offline-style root CA and an intermediate CA below it (path
length 0, so it may sign end-entity certificates only). The intermediate issues

* TLS server certificates for the local services (SAN ``IP:127.0.0.1``, ``DNS:localhost``),
* short-lived client certificates derived from a validated token
  (:func:`certificate_from_claims`): subject ``CN=<sub>``, SAN URI
  ``<iss>#<sub>``, lifetime bounded by the token's ``exp``, groups and scopes carried in
  the extensions of :mod:`icsc_aai_tokens.asn1`.

All keys are EC P-256 and are stored unencrypted: this PKI exists for a laptop and a
classroom, never for production. Times are timezone-aware UTC ``datetime`` objects.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from icsc_aai_tokens import asn1
from icsc_aai_tokens.wlcg import identity_uri

ORGANISATION = "iCSC 2026 AAI exercise"
ROOT_LIFETIME = dt.timedelta(days=365)
INTERMEDIATE_LIFETIME = dt.timedelta(days=180)
SERVER_LIFETIME = dt.timedelta(days=30)
#: Upper bound for a certificate made from a token, whatever the token says.
CLIENT_MAX_LIFETIME = dt.timedelta(hours=1)

CAPrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
ClientPublicKey = ec.EllipticCurvePublicKey | rsa.RSAPublicKey | ed25519.Ed25519PublicKey


def utcnow() -> dt.datetime:
    """Now, UTC, whole seconds (X.509 times have one-second resolution)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _name(common_name: str, unit: str | None = None) -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION)]
    if unit:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(attributes)


def _ca_key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=False, content_commitment=False, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
        encipher_only=False, decipher_only=False,
    )  # fmt: skip


def _leaf_key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True, content_commitment=False, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
        encipher_only=False, decipher_only=False,
    )  # fmt: skip


@dataclass(frozen=True)
class Authority:
    """A certificate authority: its certificate and the private key that signs with it."""

    certificate: x509.Certificate
    key: CAPrivateKey

    def builder(
        self, subject: x509.Name, public_key: Any, not_before: dt.datetime, not_after: dt.datetime
    ) -> x509.CertificateBuilder:
        """A builder pre-filled with issuer, serial, validity and the key identifiers."""
        ski = self.certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before)
            .not_valid_after(not_after)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski.value),
                critical=False,
            )
        )

    def sign(self, builder: x509.CertificateBuilder) -> x509.Certificate:
        return builder.sign(self.key, hashes.SHA256())


def _make_root(now: dt.datetime) -> Authority:
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name("iCSC AAI Root CA")
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + ROOT_LIFETIME)
        .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
        .add_extension(_ca_key_usage(), critical=True)
        .add_extension(ski, critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    return Authority(certificate, key)


def _make_intermediate(root: Authority, now: dt.datetime) -> Authority:
    key = ec.generate_private_key(ec.SECP256R1())
    builder = root.builder(
        _name("iCSC AAI Token-to-Certificate CA"), key.public_key(),
        now - dt.timedelta(minutes=5), now + INTERMEDIATE_LIFETIME,
    )  # fmt: skip
    builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
    builder = builder.add_extension(_ca_key_usage(), critical=True)
    return Authority(root.sign(builder), key)


def certificate_from_claims(
    claims: Mapping[str, Any],
    public_key: ClientPublicKey,
    issuer: Authority,
    *,
    now: dt.datetime | None = None,
    max_lifetime: dt.timedelta = CLIENT_MAX_LIFETIME,
) -> x509.Certificate:
    """A TLS client certificate for the holder of an already *validated* token.

    Subject ``O=<ORGANISATION>, OU=<first group or 'users'>, CN=<sub>``; SAN URI
    :func:`~icsc_aai_tokens.wlcg.identity_uri`; valid from ``now`` to
    ``min(exp, now + max_lifetime)``; EKU clientAuth; groups and scopes in the
    :mod:`~icsc_aai_tokens.asn1` extensions. Raises ``ValueError`` if ``sub``/``iss``/``exp``
    are missing or the token has already expired.
    """
    now = (now or utcnow()).replace(microsecond=0)
    missing = [name for name in ("iss", "sub", "exp") if name not in claims]
    if missing:
        msg = f"token claims lack {', '.join(missing)}"
        raise ValueError(msg)
    expires = dt.datetime.fromtimestamp(int(claims["exp"]), dt.UTC)
    if expires <= now:
        msg = f"token expired at {expires.isoformat()}; no certificate can be issued from it"
        raise ValueError(msg)
    groups = list(claims.get("wlcg.groups", []))
    scopes = str(claims.get("scope", "")).split()
    unit = groups[0].strip("/").replace("/", ".") if groups else "users"
    builder = issuer.builder(
        _name(str(claims["sub"]), unit), public_key, now, min(expires, now + max_lifetime)
    )
    builder = (
        builder.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_leaf_key_usage(), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.UniformResourceIdentifier(
                        identity_uri(str(claims["iss"]), str(claims["sub"]))
                    )
                ]
            ),
            critical=False,
        )
        .add_extension(asn1.string_list_extension(asn1.GROUPS_OID, groups), critical=False)
        .add_extension(asn1.string_list_extension(asn1.SCOPES_OID, scopes), critical=False)
    )
    return issuer.sign(builder)


@dataclass(frozen=True)
class PKI:
    """Root and intermediate CA of one deployment."""

    root: Authority
    intermediate: Authority

    @classmethod
    def create(cls, *, now: dt.datetime | None = None) -> PKI:
        now = now or utcnow()
        root = _make_root(now)
        return cls(root, _make_intermediate(root, now))

    # -- issuing ---------------------------------------------------------------------
    def server_certificate(
        self,
        name: str,
        hosts: Sequence[str] = ("127.0.0.1", "localhost"),
        *,
        now: dt.datetime | None = None,
    ) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
        """A TLS server certificate (and its new key) for ``hosts`` (IP addresses or DNS names)."""
        now = now or utcnow()
        key = ec.generate_private_key(ec.SECP256R1())
        names: list[x509.GeneralName] = []
        for host in hosts:
            try:
                names.append(x509.IPAddress(ipaddress.ip_address(host)))
            except ValueError:
                names.append(x509.DNSName(host))
        builder = self.intermediate.builder(
            _name(name, "services"),
            key.public_key(),
            now - dt.timedelta(minutes=5),
            now + SERVER_LIFETIME,
        )
        builder = (
            builder.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_leaf_key_usage(), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
        )
        return self.intermediate.sign(builder), key

    def client_certificate(
        self, claims: Mapping[str, Any], public_key: ClientPublicKey, **kwargs: Any
    ) -> x509.Certificate:
        """:func:`certificate_from_claims` signed by this PKI's intermediate."""
        return certificate_from_claims(claims, public_key, self.intermediate, **kwargs)

    # -- files -----------------------------------------------------------------------
    def chain_pem(self) -> bytes:
        """Intermediate then root: what a server or client sends after its own certificate."""
        return certificate_pem(self.intermediate.certificate) + certificate_pem(
            self.root.certificate
        )

    def save(self, directory: Path) -> None:
        """Write ``root.pem``/``root.key``/``intermediate.pem``/``intermediate.key`` (keys 0600)."""
        directory.mkdir(parents=True, exist_ok=True)
        for stem, authority in (("root", self.root), ("intermediate", self.intermediate)):
            (directory / f"{stem}.pem").write_bytes(certificate_pem(authority.certificate))
            key_file = directory / f"{stem}.key"
            key_file.touch(mode=0o600)
            key_file.write_bytes(private_key_pem(authority.key))

    @classmethod
    def load(cls, directory: Path) -> PKI:
        """Read what :meth:`save` wrote; ``FileNotFoundError`` if a file is missing."""
        authorities = []
        for stem in ("root", "intermediate"):
            certificate = x509.load_pem_x509_certificate((directory / f"{stem}.pem").read_bytes())
            key = serialization.load_pem_private_key((directory / f"{stem}.key").read_bytes(), None)
            if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
                msg = f"{directory / f'{stem}.key'} is not an EC or RSA private key"
                raise ValueError(msg)  # noqa: TRY004  (bad file content, not a wrong argument)
            authorities.append(Authority(certificate, key))
        return cls(*authorities)

    @classmethod
    def load_or_create(
        cls, directory: Path, *, min_remaining: dt.timedelta = dt.timedelta(days=7)
    ) -> PKI:
        """The PKI saved in ``directory``, or a new one if absent or about to expire."""
        try:
            pki = cls.load(directory)
        except FileNotFoundError:
            pki = None
        horizon = utcnow() + min_remaining
        if pki is None or pki.intermediate.certificate.not_valid_after_utc < horizon:
            pki = cls.create()
            pki.save(directory)
        return pki


def certificate_pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def private_key_pem(key: Any) -> bytes:
    """Unencrypted PKCS#8 PEM (teaching PKI only)."""
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def public_key_pem(key: Any) -> bytes:
    """SubjectPublicKeyInfo PEM of a public key (or of the public half of a private key)."""
    public = key.public_key() if hasattr(key, "private_bytes") else key
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
