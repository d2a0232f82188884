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
    # BEGIN SOLUTION
    # HINT: httpclient.HTTPStatusError(response).description extracts error_description for you.
    if response.status < 400:
        return response
    description = httpclient.HTTPStatusError(response).description
    message = f"HTTP {response.status}: {description}"
    if response.status in {401, 403}:
        raise PermissionError(message)
    if response.status == 404:
        raise FileNotFoundError(message)
    raise ValueError(message)
    # END SOLUTION


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
    # BEGIN SOLUTION
    # HINT: x509.CertificateSigningRequestBuilder().subject_name(...).sign(key, hashes.SHA256())
    # HINT: httpclient.request("POST", url, headers={...}, body=pem_bytes, cafile=cafile)
    key = ec.generate_private_key(ec.SECP256R1())
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ignored by the CA")]))
        .sign(key, hashes.SHA256())
    )
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/pkcs10"}
    response = httpclient.request(
        "POST", f"{ca_url}/certificate", headers=headers,
        body=csr.public_bytes(serialization.Encoding.PEM), cafile=cafile,
    )  # fmt: skip
    raise_for_status(response)
    directory.mkdir(parents=True, exist_ok=True)
    certfile, keyfile = directory / "client.pem", directory / "client.key"
    certfile.write_bytes(response.body)
    keyfile.touch(mode=0o600)
    keyfile.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return certfile, keyfile
    # END SOLUTION


def _credentials(
    token: str | None, cert: tuple[Path, Path] | None
) -> tuple[dict[str, str], tuple[Path, Path] | None]:
    # BEGIN SOLUTION
    if (token is None) == (cert is None):
        msg = "give exactly one credential: token=... or cert=(certfile, keyfile)"
        raise ValueError(msg)
    return ({"Authorization": f"Bearer {token}"} if token is not None else {}), cert
    # END SOLUTION


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
    # BEGIN SOLUTION
    # HINT: httpclient.request(..., cert=(certfile, keyfile)) presents a client certificate.
    headers, client_cert = _credentials(token, cert)
    response = httpclient.request(
        "GET", f"{storage_url}{path}", headers=headers, cert=client_cert, cafile=cafile
    )
    return raise_for_status(response).body
    # END SOLUTION


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
    # BEGIN SOLUTION
    if not isinstance(data, bytes | bytearray):
        msg = f"data must be bytes, got {type(data).__name__}"
        raise TypeError(msg)
    headers, client_cert = _credentials(token, cert)
    headers["Content-Type"] = "application/octet-stream"
    response = httpclient.request(
        "PUT",
        f"{storage_url}{path}",
        headers=headers,
        body=bytes(data),
        cert=client_cert,
        cafile=cafile,
    )
    raise_for_status(response)
    # END SOLUTION
