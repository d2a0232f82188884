"""A small HTTPS client on the standard library (``urllib`` + ``ssl``), for services and students.

Every call verifies the server's certificate against ``cafile`` (the course's root CA)
and its host name; a client certificate for mutual TLS is added with ``cert=(certfile,
keyfile)``. Error statuses do not raise here: :func:`request` returns them as a
:class:`Response`, and :meth:`Response.raise_for_status` turns them into
:class:`HTTPStatusError` when the caller wants that.
"""

from __future__ import annotations

import base64
import json
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_TIMEOUT = 10.0


def ssl_context(
    cafile: str | Path | None = None, *, cert: tuple[str | Path, str | Path] | None = None
) -> ssl.SSLContext:
    """A client TLS context trusting ``cafile`` (system roots if ``None``), optionally with a
    client certificate chain and key for mutual TLS (``cert=(certfile, keyfile)``)."""
    context = ssl.create_default_context(cafile=str(cafile) if cafile is not None else None)
    if cert is not None:
        certfile, keyfile = cert
        context.load_cert_chain(str(certfile), str(keyfile))
    return context


@dataclass(frozen=True)
class Response:
    """Status, headers (names lower-cased) and body of one HTTP response."""

    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        """The body parsed as JSON; ``ValueError`` if it is not JSON."""
        return json.loads(self.body)

    def raise_for_status(self) -> Response:
        if self.status >= 400:
            raise HTTPStatusError(self)
        return self


class HTTPStatusError(RuntimeError):
    """An HTTP error status; ``error``/``description`` come from an OAuth-style JSON body.

    The message reads ``"HTTP <status> <error>: <description>"``.
    """

    def __init__(self, response: Response) -> None:
        self.response = response
        self.status = response.status
        try:
            payload = response.json()
        except ValueError:
            payload = {}
        if not isinstance(payload, dict):
            payload = {}
        self.error = str(payload.get("error", ""))
        self.description = str(payload.get("error_description", response.text[:200]))
        super().__init__(f"HTTP {self.status} {self.error}: {self.description}".strip())


def request(
    method: str,
    url: str,
    *,
    cafile: str | Path | None = None,
    cert: tuple[str | Path, str | Path] | None = None,
    context: ssl.SSLContext | None = None,
    headers: Mapping[str, str] | None = None,
    body: bytes | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Response:
    """Send one request and return the response, whatever its status.

    TLS failures (untrusted server, rejected client certificate) and connection errors
    raise ``ssl.SSLError``/``OSError`` (``urllib.error.URLError`` is unwrapped).
    """
    if context is None:
        context = ssl_context(cafile, cert=cert)
    req = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    try:
        with urllib.request.urlopen(req, context=context, timeout=timeout) as reply:
            return Response(reply.status, _lower(reply.headers.items()), reply.read())
    except urllib.error.HTTPError as exc:
        with exc:
            return Response(exc.code, _lower(exc.headers.items()), exc.read())
    except urllib.error.URLError as exc:
        reason = exc.reason
        raise reason if isinstance(reason, OSError) else OSError(str(reason)) from exc


def _lower(items: Any) -> dict[str, str]:
    return {name.lower(): value for name, value in items}


def get_json(url: str, **kwargs: Any) -> Any:
    """GET ``url`` and return its JSON body; :class:`HTTPStatusError` on an error status."""
    return request("GET", url, **kwargs).raise_for_status().json()


def basic_auth(client_id: str, client_secret: str) -> str:
    """``Authorization`` value for HTTP Basic client authentication (RFC 6749 section 2.3.1:
    both parts are form-urlencoded before base64)."""
    pair = f"{urllib.parse.quote_plus(client_id)}:{urllib.parse.quote_plus(client_secret)}"
    return "Basic " + base64.b64encode(pair.encode()).decode("ascii")


def post_form(
    url: str,
    fields: Mapping[str, str],
    *,
    auth: tuple[str, str] | None = None,
    **kwargs: Any,
) -> Response:
    """POST ``fields`` as ``application/x-www-form-urlencoded`` (with Basic ``auth``)."""
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
    if auth is not None:
        headers["Authorization"] = basic_auth(*auth)
    body = urllib.parse.urlencode(fields).encode("ascii")
    return request("POST", url, headers=headers, body=body, **kwargs)
