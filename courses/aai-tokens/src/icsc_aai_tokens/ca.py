"""The certificate authority service: a valid token in, a short-lived client certificate out.

Endpoints:

``GET /root.pem``, ``GET /chain.pem``
    The trust anchor, and intermediate + root (PEM).
``POST /certificate``
    ``Authorization: Bearer <token>`` (a token from the trusted issuer whose ``aud`` is
    this CA's URL) and a PEM PKCS#10 certificate signing request as the body. The CSR
    proves possession of the key; everything *in* the certificate (subject, SAN, groups,
    scopes, lifetime) comes from the validated token, nothing from the CSR. Replies
    ``201`` with the leaf and the intermediate (``application/pem-certificate-chain``,
    RFC 8555 section 9.1). Errors are JSON: 400 ``invalid_request`` (garbage CSR, weak
    key), 401 ``invalid_token`` (missing or rejected token).

Run it alone with ``python -m icsc_aai_tokens.ca --issuer URL``.
"""

from __future__ import annotations

import logging
import urllib.parse
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from icsc_aai_tokens import tokens
from icsc_aai_tokens.httpbase import (
    HTTPProblem,
    Service,
    ServiceHandler,
    bearer_challenge,
    bearer_token,
)
from icsc_aai_tokens.pki import PKI, certificate_pem

log = logging.getLogger(__name__)

REALM = "ca"
PEM_CHAIN = "application/pem-certificate-chain"
MIN_RSA_BITS = 2048


def check_csr(body: bytes) -> x509.CertificateSigningRequest:
    """Parse and check a PEM CSR; :class:`HTTPProblem` 400 with the reason otherwise."""
    try:
        csr = x509.load_pem_x509_csr(body)
    except ValueError:
        raise HTTPProblem(
            400, "invalid_request", "the body is not a PEM certificate signing request"
        ) from None
    if not csr.is_signature_valid:
        raise HTTPProblem(
            400, "invalid_request", "the CSR signature does not verify (no proof of possession)"
        )
    key = csr.public_key()
    if isinstance(key, rsa.RSAPublicKey) and key.key_size < MIN_RSA_BITS:
        raise HTTPProblem(
            400,
            "invalid_request",
            f"RSA keys need at least {MIN_RSA_BITS} bits, got {key.key_size}",
        )
    if isinstance(key, ec.EllipticCurvePublicKey) and not isinstance(
        key.curve, ec.SECP256R1 | ec.SECP384R1
    ):
        raise HTTPProblem(
            400, "invalid_request", f"EC keys must be on P-256 or P-384, got {key.curve.name}"
        )
    if not isinstance(key, rsa.RSAPublicKey | ec.EllipticCurvePublicKey | ed25519.Ed25519PublicKey):
        raise HTTPProblem(400, "invalid_request", f"unsupported key type {type(key).__name__}")
    return csr


class CAHandler(ServiceHandler):
    allowed_methods: ClassVar[tuple[str, ...]] = ("GET", "HEAD", "POST")

    @property
    def ca(self) -> CAService:
        service = self.server.service
        assert isinstance(service, CAService)
        return service

    def route_GET(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path == "/root.pem":
            self.send_body(
                200, certificate_pem(self.ca.pki.root.certificate), "application/x-pem-file"
            )
        elif path == "/chain.pem":
            self.send_body(200, self.ca.pki.chain_pem(), PEM_CHAIN)
        elif path == "/":
            self.send_json(200, {"service": "certificate authority", "issuer": self.ca.issuer_url,
                                 "audience": self.ca.url, "certificate_endpoint": f"{self.ca.url}/certificate"})  # fmt: skip
        else:
            raise HTTPProblem(404, "not_found", f"no such endpoint {path!r}")

    route_HEAD = route_GET

    def route_POST(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path != "/certificate":
            raise HTTPProblem(
                404, "not_found", f"no such endpoint {path!r}; certificates come from /certificate"
            )
        token = bearer_token(self, REALM)
        if token is None:
            raise HTTPProblem(401, "invalid_token", "a bearer token from the issuer is required",
                              {"WWW-Authenticate": bearer_challenge(REALM)})  # fmt: skip
        try:
            claims = self.ca.validator.validate(token)
        except tokens.TokenRejected as exc:
            raise HTTPProblem(
                401, "invalid_token", exc.description,
                {"WWW-Authenticate": bearer_challenge(REALM, "invalid_token", exc.reason)},
            ) from None  # fmt: skip
        csr = check_csr(self.read_body(limit=64 * 1024))
        try:
            certificate = self.ca.pki.client_certificate(claims, csr.public_key())
        except ValueError as exc:
            raise HTTPProblem(400, "invalid_request", str(exc)) from None
        log.info("ca: issued certificate %x for sub=%s", certificate.serial_number, claims["sub"])
        body = certificate_pem(certificate) + certificate_pem(self.ca.pki.intermediate.certificate)
        self.send_body(201, body, PEM_CHAIN)


class CAService(Service):
    """The CA over HTTPS. Its token audience is its own URL."""

    name = "ca"
    handler = CAHandler

    def __init__(
        self,
        pki: PKI,
        issuer_url: str,
        *,
        certfile: Path,
        keyfile: Path,
        trust_cafile: Path,
        port: int = 0,
        leeway: float = tokens.DEFAULT_LEEWAY,
        jwks_min_refresh: float = 5.0,
    ) -> None:
        super().__init__(certfile=certfile, keyfile=keyfile, port=port)
        self.pki = pki
        self.issuer_url = issuer_url.rstrip("/")
        keys = tokens.discovered_keys(
            self.issuer_url, cafile=str(trust_cafile), min_refresh=jwks_min_refresh
        )
        self.validator = tokens.TokenValidator(self.issuer_url, [self.url], keys, leeway=leeway)


def main(argv: Sequence[str] | None = None) -> int:
    from icsc_aai_tokens import cli  # noqa: PLC0415  (cli imports every service)

    return cli.run_single("ca", argv)


if __name__ == "__main__":
    raise SystemExit(main())
