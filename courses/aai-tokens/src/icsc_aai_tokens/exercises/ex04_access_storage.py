# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 4: use the storage with a bearer token and with a client certificate (mutual TLS).

The storage server accepts two kinds of credentials for the same rights:

* a bearer token in the ``Authorization: Bearer <token>`` header (RFC 6750), whose
  ``aud`` names the storage;
* a client certificate presented during the TLS handshake (mutual TLS). You obtain it
  from the CA service: make a key pair, wrap the public key in a certificate signing
  request (CSR), and POST the CSR to ``<ca_url>/certificate`` with a token meant for
  the CA. The CA answers with your certificate followed by its intermediate (PEM).

Every call checks the server against ``cafile`` (the course root CA). Error statuses
become Python exceptions: 401/403 -> ``PermissionError``, 404 -> ``FileNotFoundError``,
any other error status -> ``ValueError``; each message includes the server's
``error_description``.
"""

from __future__ import annotations

from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from icsc_aai_tokens import httpclient


def raise_for_status(response: httpclient.Response) -> httpclient.Response:
    """``response`` if it is a success, else the exception of the module docstring."""
    # HINT: httpclient.HTTPStatusError(response).description extracts error_description for you.
    # TODO: your code here.
    raise NotImplementedError("ex04_access_storage: this part is yours to write (icsc hint ex04)")


def obtain_certificate(
    ca_url: str, token: str, directory: Path, *, cafile: str
) -> tuple[Path, Path]:
    """Get a client certificate from the CA; return ``(certfile, keyfile)``.

    Generates an EC P-256 key, builds a CSR signed by it (the subject you put there is
    ignored by the CA), POSTs its PEM with ``Authorization: Bearer <token>`` and
    ``Content-Type: application/pkcs10``, and writes the returned chain to
    ``directory / "client.pem"`` and the unencrypted PKCS#8 key to
    ``directory / "client.key"`` (created with mode 0600).
    """
    # HINT: x509.CertificateSigningRequestBuilder().subject_name(...).sign(key, hashes.SHA256())
    # HINT: httpclient.request("POST", url, headers={...}, body=pem_bytes, cafile=cafile)
    # TODO: your code here.
    raise NotImplementedError("ex04_access_storage: this part is yours to write (icsc hint ex04)")


def _credentials(
    token: str | None, cert: tuple[Path, Path] | None
) -> tuple[dict[str, str], tuple[Path, Path] | None]:
    # TODO: your code here.
    raise NotImplementedError("ex04_access_storage: this part is yours to write (icsc hint ex04)")


def read_file(
    storage_url: str,
    path: str,
    *,
    cafile: str,
    token: str | None = None,
    cert: tuple[Path, Path] | None = None,
) -> bytes:
    """GET ``storage_url + path`` with exactly one credential; return the body.

    Raises ``ValueError`` if neither or both of ``token``/``cert`` are given, and the
    exceptions of the module docstring for error statuses.
    """
    # HINT: httpclient.request(..., cert=(certfile, keyfile)) presents a client certificate.
    # TODO: your code here.
    raise NotImplementedError("ex04_access_storage: this part is yours to write (icsc hint ex04)")


def write_file(
    storage_url: str,
    path: str,
    data: bytes,
    *,
    cafile: str,
    token: str | None = None,
    cert: tuple[Path, Path] | None = None,
) -> None:
    """PUT ``data`` at ``storage_url + path`` with exactly one credential.

    Same credential rules and exceptions as :func:`read_file`; ``TypeError`` if ``data``
    is not ``bytes``.
    """
    # TODO: your code here.
    raise NotImplementedError("ex04_access_storage: this part is yours to write (icsc hint ex04)")
