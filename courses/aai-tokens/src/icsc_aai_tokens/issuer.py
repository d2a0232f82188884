"""The token issuer: OIDC discovery, JWK Set with rotation, client-credentials token endpoint.

Endpoints (all JSON):

``GET /.well-known/openid-configuration`` and ``/.well-known/oauth-authorization-server``
    Server metadata (OpenID Connect Discovery 1.0, RFC 8414).
``GET /jwks``
    The public signing keys, each with its ``kid`` (RFC 7517).
``POST /token``
    RFC 6749 section 4.4 client-credentials grant. The client authenticates with HTTP
    Basic or ``client_id``/``client_secret`` form fields (section 2.3.1) and may ask for
    ``scope`` (WLCG capabilities and ``wlcg.groups``) and an ``audience``. Errors follow
    section 5.2: ``invalid_request``, ``invalid_client`` (401), ``unsupported_grant_type``,
    ``invalid_scope``.

Run it alone with ``python -m icsc_aai_tokens.issuer`` (prints where it listens).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import time
import urllib.parse
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from icsc_aai_tokens import tokens, wlcg
from icsc_aai_tokens.httpbase import HTTPProblem, Service, ServiceHandler
from icsc_aai_tokens.jwk import KeyRing

GRANT_TYPE = "client_credentials"
FORM_TYPE = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Client:
    """A registered OAuth client and what it may be granted.

    ``capabilities`` are the widest WLCG scopes it may ask for (a request may narrow
    them); ``default_groups`` come with a plain ``wlcg.groups`` request,
    ``optional_groups`` only when asked for by name (profile section 3.1).
    """

    client_id: str
    secret: str
    subject: str
    capabilities: tuple[str, ...] = ()
    default_groups: tuple[str, ...] = ()
    optional_groups: tuple[str, ...] = ()

    def allowed(self) -> list[wlcg.Scope]:
        return wlcg.parse_scope_claim(list(self.capabilities))


class OAuthError(HTTPProblem):
    """An RFC 6749 section 5.2 error response."""

    def __init__(
        self,
        error: str,
        description: str,
        *,
        status: int = 400,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(
            status, error, description, {"Cache-Control": "no-store", **(headers or {})}
        )


class TokenIssuer:
    """The issuer's protocol logic, independent of HTTP (so it can be tested directly).

    ``url`` is the issuer identifier (``iss``); ``lifetime`` the token lifetime in
    seconds; ``clock`` gives Unix time in seconds.
    """

    def __init__(
        self,
        url: str,
        clients: Iterable[Client],
        *,
        keys: KeyRing | None = None,
        lifetime: int = tokens.DEFAULT_LIFETIME,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.url = url.rstrip("/")
        self.clients = {client.client_id: client for client in clients}
        self.keys = keys or KeyRing()
        self.lifetime = int(lifetime)
        self.clock = clock

    def metadata(self) -> dict[str, Any]:
        """Discovery document. ``response_types_supported`` is empty: this issuer has no
        authorization endpoint, only the client-credentials grant."""
        return {
            "issuer": self.url,
            "jwks_uri": f"{self.url}/jwks",
            "token_endpoint": f"{self.url}/token",
            "grant_types_supported": [GRANT_TYPE],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "response_types_supported": [],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": [self.keys.current.algorithm],
            "token_endpoint_auth_signing_alg_values_supported": [self.keys.current.algorithm],
            "scopes_supported": [
                "openid",
                "wlcg",
                "wlcg.groups",
                *wlcg.STORAGE_AUTHZ,
                *wlcg.COMPUTE_AUTHZ,
            ],
            "claims_supported": [*wlcg.REQUIRED_CLAIMS, "nbf", "scope", "wlcg.groups", "client_id"],
        }

    def authenticate(self, client_id: str, secret: str, *, basic: bool) -> Client:
        """The client, if the secret matches (constant-time compare); else ``invalid_client``."""
        client = self.clients.get(client_id)
        expected = client.secret if client is not None else "x" * 32
        if not hmac.compare_digest(expected.encode(), secret.encode()) or client is None:
            headers = {"WWW-Authenticate": 'Basic realm="token"'} if basic else None
            raise OAuthError(
                error="invalid_client",
                description="unknown client or wrong secret",
                status=401,
                headers=headers,
            )
        return client

    def grant(self, client: Client, scope: str | None, audience: str | None) -> dict[str, Any]:
        """Token response (RFC 6749 section 5.1) for an authenticated client."""
        capabilities, groups, accepted = self._select(client, scope)
        if audience is not None:
            audiences = audience.split()
            if not audiences or not all(_is_absolute_uri(item) for item in audiences):
                raise OAuthError(
                    error="invalid_request",
                    description=f"audience {audience!r} must be one or more absolute URIs",
                )
        else:
            audiences = [wlcg.ANY_AUDIENCE]
        now = int(self.clock())
        claims: dict[str, Any] = {
            "wlcg.ver": wlcg.WLCG_VERSION,
            "iss": self.url,
            "sub": client.subject,
            "aud": audiences[0] if len(audiences) == 1 else audiences,
            "iat": now,
            "nbf": now,
            "exp": now + self.lifetime,
            "jti": str(uuid.uuid4()),
            "client_id": client.client_id,
        }
        if capabilities:
            claims["scope"] = " ".join(str(item) for item in capabilities)
        if groups:
            claims["wlcg.groups"] = groups
        return {
            "access_token": tokens.mint(claims, self.keys.current),
            "token_type": "Bearer",
            "expires_in": self.lifetime,
            "scope": " ".join(accepted),
        }

    def _select(
        self, client: Client, scope: str | None
    ) -> tuple[list[wlcg.Scope], list[str], list[str]]:
        allowed = client.allowed()
        if scope is None:  # RFC 6749 section 3.3: a pre-defined default
            return allowed, [], [str(item) for item in allowed]
        capabilities: list[wlcg.Scope] = []
        group_tokens: list[str] = []
        accepted: list[str] = []
        for token in scope.split():
            name = token.partition(":")[0]
            if token in {"openid", "wlcg"} or token.startswith("wlcg:"):
                if token.startswith("wlcg:") and token != "wlcg:1.0":
                    raise OAuthError(
                        error="invalid_scope",
                        description=f"this issuer only issues WLCG 1.0 tokens, not {token!r}",
                    )
                accepted.append(token)
                continue
            if name == "wlcg.groups":
                group_tokens.append(token)
                accepted.append(token)
                continue
            try:
                wanted = wlcg.parse_scope(token)
            except ValueError as exc:
                raise OAuthError(error="invalid_scope", description=str(exc)) from exc
            if wanted is None:
                raise OAuthError(error="invalid_scope", description=f"unknown scope {token!r}")
            if not any(item.includes(wanted) for item in allowed):
                raise OAuthError(
                    error="invalid_scope",
                    description=f"client {client.client_id!r} is not entitled to {token!r}",
                )
            capabilities.append(wanted)
            accepted.append(str(wanted))
        try:
            groups = wlcg.select_groups(
                group_tokens,
                (*client.default_groups, *client.optional_groups),
                client.default_groups,
            )
        except (PermissionError, ValueError) as exc:
            raise OAuthError(error="invalid_scope", description=str(exc)) from exc
        return capabilities, groups, accepted


def _is_absolute_uri(text: str) -> bool:
    parts = urllib.parse.urlsplit(text)
    return bool(parts.scheme) and bool(parts.netloc or parts.path)


class IssuerHandler(ServiceHandler):
    allowed_methods: ClassVar[tuple[str, ...]] = ("GET", "HEAD", "POST")

    @property
    def issuer(self) -> TokenIssuer:
        service = self.server.service
        assert isinstance(service, IssuerService)
        return service.issuer

    def route_GET(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path in {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"}:
            self.send_json(200, self.issuer.metadata(), {"Cache-Control": "max-age=300"})
        elif path == "/jwks":
            self.send_json(200, self.issuer.keys.jwks(), {"Cache-Control": "max-age=60"})
        elif path == "/":
            self.send_json(200, {"service": "token issuer", "issuer": self.issuer.url,
                                 "discovery": f"{self.issuer.url}/.well-known/openid-configuration"})  # fmt: skip
        else:
            raise HTTPProblem(404, "not_found", f"no such endpoint {path!r}")

    route_HEAD = route_GET

    def route_POST(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path != "/token":
            raise HTTPProblem(
                404, "not_found", f"no such endpoint {path!r}; tokens come from /token"
            )
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type != FORM_TYPE:
            raise OAuthError(
                error="invalid_request",
                description=f"the token request must be {FORM_TYPE}, got {content_type or 'nothing'!r}",
            )
        form = _parse_form(self.read_body(limit=64 * 1024))
        client = self._authenticate(form)
        grant_type = form.get("grant_type")
        if grant_type is None:
            raise OAuthError(error="invalid_request", description="grant_type is missing")
        if grant_type != GRANT_TYPE:
            raise OAuthError(
                error="unsupported_grant_type",
                description=f"only {GRANT_TYPE} is supported, not {grant_type!r}",
            )
        response = self.issuer.grant(client, form.get("scope"), form.get("audience"))
        self.send_json(200, response, {"Cache-Control": "no-store", "Pragma": "no-cache"})

    def _authenticate(self, form: dict[str, str]) -> Client:
        header = self.headers.get("Authorization")
        if header is not None and ("client_secret" in form):
            raise OAuthError(
                error="invalid_request", description="use one client authentication method, not two"
            )
        if header is not None:
            scheme, _, encoded = header.partition(" ")
            if scheme.lower() != "basic":
                raise OAuthError(error="invalid_client", description="only HTTP Basic client authentication is supported",
                                 status=401, headers={"WWW-Authenticate": 'Basic realm="token"'})  # fmt: skip
            try:
                pair = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                raise OAuthError(
                    error="invalid_request", description="malformed Basic credentials"
                ) from None
            client_id, sep, secret = pair.partition(":")
            if not sep:
                raise OAuthError(
                    error="invalid_request",
                    description="Basic credentials must be client_id:client_secret",
                )
            return self.issuer.authenticate(
                urllib.parse.unquote_plus(client_id), urllib.parse.unquote_plus(secret), basic=True
            )
        if "client_id" in form and "client_secret" in form:
            return self.issuer.authenticate(form["client_id"], form["client_secret"], basic=False)
        raise OAuthError(error="invalid_client", description="client authentication is required", status=401,
                         headers={"WWW-Authenticate": 'Basic realm="token"'})  # fmt: skip


def _parse_form(body: bytes) -> dict[str, str]:
    """Form fields; a repeated field is an error (RFC 6749 section 3.2)."""
    try:
        pairs = urllib.parse.parse_qsl(
            body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body)
        )
    except (UnicodeDecodeError, ValueError):
        raise OAuthError(
            error="invalid_request", description="the body is not valid form-urlencoded UTF-8"
        ) from None
    form: dict[str, str] = {}
    for name, value in pairs:
        if name in form:
            raise OAuthError(error="invalid_request", description=f"parameter {name!r} is repeated")
        form[name] = value
    return form


class IssuerService(Service):
    """The issuer on HTTPS; its URL is known once bound, so it builds its :class:`TokenIssuer` then."""

    name = "issuer"
    handler = IssuerHandler

    def __init__(
        self,
        clients: Sequence[Client],
        *,
        certfile: Path,
        keyfile: Path,
        port: int = 0,
        lifetime: int = tokens.DEFAULT_LIFETIME,
        clock: Callable[[], float] = time.time,
        key_kind: str = "RSA",
    ) -> None:
        super().__init__(certfile=certfile, keyfile=keyfile, port=port)
        self.issuer = TokenIssuer(
            self.url,
            clients,
            keys=KeyRing(kind=key_kind, clock=clock),
            lifetime=lifetime,
            clock=clock,
        )

    def rotate_keys(self) -> str:
        """Start signing with a new key (the old one stays published); returns the new kid."""
        return self.issuer.keys.rotate().kid


def main(argv: Sequence[str] | None = None) -> int:
    from icsc_aai_tokens import cli  # noqa: PLC0415  (cli imports every service)

    return cli.run_single("issuer", argv)


if __name__ == "__main__":
    raise SystemExit(main())
