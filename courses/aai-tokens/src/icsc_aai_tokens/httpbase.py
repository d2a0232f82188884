"""HTTPS services on ``http.server``: TLS (optionally mutual), JSON replies, no crash on bad input.

* :class:`TLSServer` accepts connections and performs each TLS handshake in the worker
  thread of that connection, so a slow or hostile client cannot stall the others, and
  a failed handshake (untrusted client certificate, plain HTTP on a TLS port) is logged
  and counted, never raised.
* :class:`ServiceHandler` turns every uncaught exception in a route into a JSON
  ``500 server_error`` reply and gives routes helpers for JSON, bodies and errors.
* :class:`Service` binds ``127.0.0.1`` on a port (0 = any free one), serves from a
  daemon thread and knows its ``https://`` URL; use it as a context manager.
"""

from __future__ import annotations

import json
import logging
import socket
import ssl
import sys
import threading
from collections.abc import Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar, Self

log = logging.getLogger(__name__)

HANDSHAKE_TIMEOUT = 10.0
MAX_BODY = 16 * 1024 * 1024


class HTTPProblem(Exception):
    """Raised inside a route to answer ``status`` with an OAuth-style JSON error body."""

    def __init__(
        self, status: int, error: str, description: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(f"{status} {error}: {description}")
        self.status = status
        self.error = error
        self.description = description
        self.headers = dict(headers or {})


def server_context(
    certfile: Path, keyfile: Path, *, client_cafile: Path | None = None
) -> ssl.SSLContext:
    """TLS server context; with ``client_cafile`` it *asks* for a client certificate
    (optional) and verifies any presented one against that CA file."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(str(certfile), str(keyfile))
    if client_cafile is not None:
        context.verify_mode = ssl.CERT_OPTIONAL
        context.load_verify_locations(cafile=str(client_cafile))
    return context


class TLSServer(ThreadingHTTPServer):
    """Threading HTTP server whose connections are TLS, handshaken per thread."""

    daemon_threads = True
    block_on_close = False

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        context: ssl.SSLContext,
        service: Service,
    ) -> None:
        self.ssl_context = context
        self.service = service
        self.handshake_failures = 0
        super().__init__(address, handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, address = self.socket.accept()
        sock.settimeout(HANDSHAKE_TIMEOUT)
        return self.ssl_context.wrap_socket(
            sock, server_side=True, do_handshake_on_connect=False
        ), address

    def finish_request(self, request: Any, client_address: Any) -> None:
        try:
            request.do_handshake()
        except (ssl.SSLError, OSError) as exc:
            self.handshake_failures += 1
            log.info(
                "%s: TLS handshake with %s failed: %s", self.service.name, client_address[0], exc
            )
            return
        super().finish_request(request, client_address)

    def handle_error(self, request: Any, client_address: Any) -> None:  # noqa: ARG002
        log.info(
            "%s: connection from %s ended with an error: %r",
            self.service.name,
            client_address[0],
            sys.exc_info()[1],
        )


class ServiceHandler(BaseHTTPRequestHandler):
    """Base request handler: routes are ``route_<METHOD>`` methods of subclasses."""

    server: TLSServer
    server_version = "icsc-aai"
    sys_version = ""
    timeout = 30
    # Answer even an unparsable request line with a status line and headers (the stdlib
    # default, HTTP/0.9, would send a bare HTML body).
    default_request_version = "HTTP/1.0"
    allowed_methods: ClassVar[tuple[str, ...]] = ("GET",)

    # -- dispatch ----------------------------------------------------------------------
    def _dispatch(self) -> None:
        if self.command not in self.allowed_methods:
            self.send_problem(
                HTTPProblem(405, "invalid_request", f"method {self.command} is not allowed here",
                            {"Allow": ", ".join(self.allowed_methods)})
            )  # fmt: skip
            return
        try:
            getattr(self, f"route_{self.command}")()
        except HTTPProblem as problem:
            self.send_problem(problem)
        except Exception:
            log.exception(
                "%s: unhandled error for %s %s", self.server.service.name, self.command, self.path
            )
            self.send_problem(HTTPProblem(500, "server_error", "the server failed; see its log"))

    def do_GET(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def do_OPTIONS(self) -> None:
        self._dispatch()

    # -- replies -----------------------------------------------------------------------
    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The stdlib's error path (malformed request line, bad headers): JSON, not HTML."""
        self.close_connection = True
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "error"
        error = "invalid_request" if 400 <= code < 500 else "server_error"
        self.send_problem(HTTPProblem(code, error, message or explain or phrase))

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s: %s - %s", self.server.service.name, self.address_string(), format % args)

    def send_body(
        self, status: int, body: bytes, content_type: str, headers: Mapping[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_json(
        self, status: int, payload: Any, headers: Mapping[str, str] | None = None
    ) -> None:
        body = json.dumps(payload, indent=2, sort_keys=False).encode("utf-8") + b"\n"
        self.send_body(status, body, "application/json", headers)

    def send_problem(self, problem: HTTPProblem) -> None:
        payload = {"error": problem.error, "error_description": problem.description}
        self.send_json(problem.status, payload, problem.headers)

    # -- request helpers ---------------------------------------------------------------
    def read_body(self, limit: int = MAX_BODY) -> bytes:
        """The request body; 411 without Content-Length, 413 above ``limit`` bytes."""
        raw = self.headers.get("Content-Length")
        if raw is None:
            if self.headers.get("Transfer-Encoding"):
                raise HTTPProblem(
                    411, "invalid_request", "chunked bodies are not supported; send Content-Length"
                )
            return b""
        try:
            length = int(raw)
        except ValueError:
            raise HTTPProblem(
                400, "invalid_request", f"Content-Length {raw!r} is not a number"
            ) from None
        if length < 0:
            raise HTTPProblem(400, "invalid_request", "Content-Length is negative")
        if length > limit:
            raise HTTPProblem(
                413, "invalid_request", f"body of {length} bytes exceeds the limit of {limit}"
            )
        body = self.rfile.read(length)
        if len(body) != length:
            raise HTTPProblem(400, "invalid_request", "body is shorter than Content-Length")
        return body

    def peer_certificate_der(self) -> bytes | None:
        """The client's (already verified) TLS certificate in DER, if it sent one."""
        getpeercert = getattr(self.connection, "getpeercert", None)
        return getpeercert(binary_form=True) if getpeercert else None


class Service:
    """One HTTPS service on ``127.0.0.1``; subclasses set ``name`` and ``handler``."""

    name: ClassVar[str] = "service"
    handler: ClassVar[type[ServiceHandler]] = ServiceHandler

    def __init__(
        self, *, certfile: Path, keyfile: Path, client_cafile: Path | None = None,
        host: str = "127.0.0.1", port: int = 0,
    ) -> None:  # fmt: skip
        self._context = server_context(certfile, keyfile, client_cafile=client_cafile)
        self._server = TLSServer((host, port), self.handler, self._context, self)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        """``https://127.0.0.1:<port>`` (no trailing slash, as the WLCG profile asks of audiences)."""
        return f"https://{self._server.server_address[0]}:{self.port}"

    @property
    def handshake_failures(self) -> int:
        return self._server.handshake_failures

    def start(self) -> Self:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                args=(0.1,),
                name=f"{self.name}-server",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def bearer_challenge(
    realm: str, error: str | None = None, description: str | None = None, scope: str | None = None
) -> str:
    """A ``WWW-Authenticate: Bearer ...`` value (RFC 6750 section 3)."""
    parts = [f'realm="{realm}"']
    for name, value in (("error", error), ("error_description", description), ("scope", scope)):
        if value:
            parts.append(f'{name}="{value.replace(chr(34), chr(39))}"')
    return "Bearer " + ", ".join(parts)


def bearer_token(handler: BaseHTTPRequestHandler, realm: str) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, ``None`` without the header.

    Any other form of the header is a 400 ``invalid_request`` (RFC 6750 section 3.1).
    """
    header = handler.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        raise HTTPProblem(
            400, "invalid_request", "the Authorization header must be 'Bearer <token>'",
            {"WWW-Authenticate": bearer_challenge(realm, "invalid_request", "malformed Authorization header")},
        )  # fmt: skip
    return token
