"""The storage resource server: files under a namespace, authorised by WLCG capabilities.

A request proves its rights in one of two ways:

* ``Authorization: Bearer <token>``: a token of the trusted issuer whose ``aud`` is this
  server's URL (or :data:`~icsc_aai_tokens.wlcg.ANY_AUDIENCE` if allowed); its
  ``scope`` claim lists the capabilities;
* a TLS client certificate (mutual TLS) chained to the course root CA, issued by the
  CA service from a token: its scopes extension lists the same capabilities.

Methods: ``GET``/``HEAD`` (read; a directory gives a JSON listing), ``PUT`` (create,
or modify when the file exists), ``DELETE`` (modify). Errors follow RFC 6750: 400
``invalid_request``, 401 ``invalid_token`` with a ``WWW-Authenticate: Bearer`` challenge,
403 ``insufficient_scope`` naming the scope that was needed.
Replies carry ``X-AAI-Subject`` and ``X-AAI-Method`` saying whom the server saw.

Run it alone with ``python -m icsc_aai_tokens.storage --issuer URL``.
"""

from __future__ import annotations

import logging
import tempfile
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from cryptography import x509

from icsc_aai_tokens import asn1, tokens, wlcg
from icsc_aai_tokens.httpbase import (
    HTTPProblem,
    Service,
    ServiceHandler,
    bearer_challenge,
    bearer_token,
)

log = logging.getLogger(__name__)

REALM = "storage"


@dataclass(frozen=True)
class Principal:
    """Who made a request and what they may do."""

    subject: str
    method: str  # "token" or "certificate"
    scopes: tuple[wlcg.Scope, ...]


def principal_from_certificate(der: bytes) -> Principal:
    """Identity and capabilities of an (already TLS-verified) client certificate."""
    certificate = x509.load_der_x509_certificate(der)
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        uris = san.get_values_for_type(x509.UniformResourceIdentifier)
    except x509.ExtensionNotFound:
        uris = []
    subject = uris[0] if uris else certificate.subject.rfc4514_string()
    scope_list = asn1.read_string_list(certificate, asn1.SCOPES_OID)
    if scope_list is None:
        raise HTTPProblem(
            403, "insufficient_scope", "the client certificate carries no capabilities extension"
        )
    try:
        scopes = tuple(wlcg.parse_scope_claim(scope_list))
    except ValueError as exc:
        raise HTTPProblem(
            403, "insufficient_scope", f"bad capability in the certificate: {exc}"
        ) from None
    return Principal(subject, "certificate", scopes)


class StorageHandler(ServiceHandler):
    allowed_methods: ClassVar[tuple[str, ...]] = ("GET", "HEAD", "PUT", "DELETE")

    @property
    def storage(self) -> StorageService:
        service = self.server.service
        assert isinstance(service, StorageService)
        return service

    # -- authentication ----------------------------------------------------------------
    def principal(self) -> Principal:
        token = bearer_token(self, REALM)
        if token is not None:
            try:
                claims = self.storage.validator.validate(token)
                scopes = tuple(wlcg.parse_scope_claim(claims.get("scope", "")))
            except (tokens.TokenRejected, ValueError) as exc:
                reason = exc.description if isinstance(exc, tokens.TokenRejected) else str(exc)
                raise HTTPProblem(401, "invalid_token", reason,
                                  {"WWW-Authenticate": bearer_challenge(REALM, "invalid_token", reason)}) from None  # fmt: skip
            return Principal(str(claims["sub"]), "token", scopes)
        der = self.peer_certificate_der()
        if der:
            return principal_from_certificate(der)
        raise HTTPProblem(401, "invalid_token", "send a bearer token or a client certificate",
                          {"WWW-Authenticate": bearer_challenge(REALM)})  # fmt: skip

    def authorise(self, principal: Principal, operation: str, path: str) -> None:
        if not wlcg.authorises(principal.scopes, operation, path, base_path=self.storage.base_path):
            needed = f"{wlcg.OPERATION_SCOPE[operation]}:{path}"
            challenge = bearer_challenge(REALM, "insufficient_scope", scope=needed)
            headers = {"WWW-Authenticate": challenge, **self._headers(principal)}
            raise HTTPProblem(
                403, "insufficient_scope", f"{operation} on {path} needs {needed}", headers
            )

    def request_path(self) -> tuple[str, Path]:
        raw = urllib.parse.urlsplit(self.path).path
        try:
            path = wlcg.normalise_path(raw)
        except ValueError as exc:
            raise HTTPProblem(400, "invalid_request", str(exc)) from None
        target = (self.storage.root / path.lstrip("/")).resolve()
        if target != self.storage.root and self.storage.root not in target.parents:
            raise HTTPProblem(400, "invalid_request", f"path {path!r} leaves the namespace")
        return path, target

    def _headers(self, principal: Principal) -> dict[str, str]:
        return {"X-AAI-Subject": principal.subject, "X-AAI-Method": principal.method}

    # -- routes ------------------------------------------------------------------------
    def route_GET(self) -> None:
        path, target = self.request_path()
        principal = self.principal()
        self.authorise(principal, "read", path)
        if target.is_dir():
            entries = [
                {"name": child.name, "type": "directory" if child.is_dir() else "file",
                 "size": child.stat().st_size if child.is_file() else None}
                for child in sorted(target.iterdir())
            ]  # fmt: skip
            self.send_json(200, {"path": path, "entries": entries}, self._headers(principal))
        elif target.is_file():
            self.send_body(
                200, target.read_bytes(), "application/octet-stream", self._headers(principal)
            )
        else:
            raise HTTPProblem(404, "not_found", f"{path} does not exist")

    route_HEAD = route_GET

    def route_PUT(self) -> None:
        path, target = self.request_path()
        principal = self.principal()
        exists = target.exists()
        self.authorise(principal, "modify" if exists else "create", path)
        if target.is_dir() or path == "/":
            raise HTTPProblem(409, "conflict", f"{path} is a directory")
        body = self.read_body()
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
            handle.write(body)
        Path(handle.name).replace(target)
        self.send_json(
            204 if exists else 201, {"path": path, "size": len(body)}, self._headers(principal)
        )

    def route_DELETE(self) -> None:
        path, target = self.request_path()
        principal = self.principal()
        self.authorise(principal, "modify", path)
        if target.is_file():
            target.unlink()
        elif target.is_dir() and path != "/":
            try:
                target.rmdir()
            except OSError:
                raise HTTPProblem(409, "conflict", f"directory {path} is not empty") from None
        else:
            raise HTTPProblem(404, "not_found", f"{path} does not exist")
        self.send_json(204, {"path": path}, self._headers(principal))

    def send_json(
        self, status: int, payload: object, headers: dict[str, str] | None = None
    ) -> None:
        if status == 204:  # No Content must not have a body (RFC 9110 section 15.3.5)
            self.send_response(204)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            return
        super().send_json(status, payload, headers)


class StorageService(Service):
    """Storage over HTTPS with optional client certificates (verified against the course root CA)."""

    name = "storage"
    handler = StorageHandler

    def __init__(
        self,
        root: Path,
        issuer_url: str,
        *,
        certfile: Path,
        keyfile: Path,
        trust_cafile: Path,
        port: int = 0,
        base_path: str = "/",
        accept_any_audience: bool = True,
        leeway: float = tokens.DEFAULT_LEEWAY,
        jwks_min_refresh: float = 5.0,
    ) -> None:
        super().__init__(certfile=certfile, keyfile=keyfile, client_cafile=trust_cafile, port=port)
        root.mkdir(parents=True, exist_ok=True)
        self.root = root.resolve()
        self.base_path = wlcg.normalise_path(base_path)
        self.issuer_url = issuer_url.rstrip("/")
        audiences = [self.url, *([wlcg.ANY_AUDIENCE] if accept_any_audience else [])]
        keys = tokens.discovered_keys(
            self.issuer_url, cafile=str(trust_cafile), min_refresh=jwks_min_refresh
        )
        self.validator = tokens.TokenValidator(self.issuer_url, audiences, keys, leeway=leeway)


SEED_FILES = {
    "data/README.txt": "Shared, read-only experiment data of the iCSC VO.\n",
    "data/run2026/events.csv": "event,energy_gev,n_tracks\n1,91.2,14\n2,45.6,6\n3,125.1,22\n",
    "home/alice/notes.txt": "Alice's private notes.\n",
    "home/bob/notes.txt": "Bob's private notes.\n",
    "scratch/.keep": "",
}


def seed(root: Path) -> None:
    """Create the demonstration namespace under ``root`` (existing files are kept)."""
    for relative, content in SEED_FILES.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.write_text(content, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    from icsc_aai_tokens import cli  # noqa: PLC0415  (cli imports every service)

    return cli.run_single("storage", argv)


if __name__ == "__main__":
    raise SystemExit(main())
