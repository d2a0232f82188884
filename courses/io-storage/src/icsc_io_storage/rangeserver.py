"""A small HTTP server for exercise 4: byte ranges (RFC 9110 §14) with injected latency.

:class:`RangeServer` serves one in-memory blob at ``/data.bin`` on 127.0.0.1. Every
request first sleeps ``latency_s`` seconds (a stand-in for a wide-area round trip),
then answers ``GET`` with

* ``200 OK`` and the whole blob when there is no ``Range`` header;
* ``206 Partial Content`` with a ``Content-Range`` header for one range;
* ``206 Partial Content`` with a ``multipart/byteranges`` body for several ranges;
* ``416 Range Not Satisfiable`` for a range starting at or after the end;
* ``400`` for a malformed ``Range`` header, ``404`` for any other path.

It counts requests, ranges and the largest number of requests in flight at once, so
tests can check how a client talks to it without timing anything.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

BOUNDARY = "ICSC_BYTERANGES_BOUNDARY"


def parse_range_header(value: str, size: int) -> list[tuple[int, int]]:
    """``[(first, last), ...]`` (inclusive) from ``bytes=a-b,c-,-n`` for a blob of ``size``.

    Raises ``ValueError`` (message contains ``"malformed"``) for bad syntax and
    ``IndexError`` if a range starts at or after ``size``.
    """
    unit, _, spec = value.partition("=")
    if unit.strip() != "bytes" or not spec:
        msg = f"malformed Range header {value!r}"
        raise ValueError(msg)
    out = []
    for part in spec.split(","):
        first, dash, last = part.strip().partition("-")
        if not dash or not (first.isdigit() or last.isdigit()):
            msg = f"malformed range {part!r}"
            raise ValueError(msg)
        if not first:  # suffix range: the last n bytes
            n = int(last)
            begin, end = max(size - n, 0), size - 1
        else:
            begin = int(first)
            end = min(int(last), size - 1) if last else size - 1
            if last and int(last) < begin:
                msg = f"malformed range {part!r}: last < first"
                raise ValueError(msg)
        if begin >= size:
            msg = f"range {part!r} starts after the end ({size} bytes)"
            raise IndexError(msg)
        out.append((begin, end))
    return out


class RangeServer:
    """Serve ``blob`` at ``http://127.0.0.1:<port>/data.bin`` from a background thread.

    Use as a context manager; ``url`` is the blob's URL, ``requests`` the number of
    requests answered, ``ranges_served`` the number of byte ranges sent and
    ``max_in_flight`` the most requests waiting out their latency at the same time.
    """

    def __init__(self, blob: bytes, latency_s: float = 0.0) -> None:
        self.blob = bytes(blob)
        self.latency_s = float(latency_s)
        self.requests = 0
        self.ranges_served = 0
        self.max_in_flight = 0
        self._in_flight = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/data.bin"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                """Quiet: tests read counters, not logs."""

            def do_GET(self) -> None:
                with server._lock:
                    server.requests += 1
                    server._in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server._in_flight)
                try:
                    time.sleep(server.latency_s)
                finally:
                    # Counted as in flight while waiting, i.e. before the answer is sent, so
                    # a client's next request never overlaps its previous one here.
                    with server._lock:
                        server._in_flight -= 1
                self._answer()

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for key, value in {**headers, "Content-Length": str(len(body))}.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def _answer(self) -> None:
                blob, size = server.blob, len(server.blob)
                if self.path != "/data.bin":
                    self._send(404, b"not found\n", {"Content-Type": "text/plain"})
                    return
                header = self.headers.get("Range")
                if header is None:
                    self._send(200, blob, {"Content-Type": "application/octet-stream"})
                    return
                try:
                    ranges = parse_range_header(header, size)
                except ValueError as error:
                    self._send(400, f"{error}\n".encode(), {"Content-Type": "text/plain"})
                    return
                except IndexError:
                    self._send(416, b"", {"Content-Range": f"bytes */{size}"})
                    return
                with server._lock:
                    server.ranges_served += len(ranges)
                if len(ranges) == 1:
                    first, last = ranges[0]
                    self._send(
                        206,
                        blob[first : last + 1],
                        {
                            "Content-Type": "application/octet-stream",
                            "Content-Range": f"bytes {first}-{last}/{size}",
                        },
                    )
                    return
                parts = []
                for first, last in ranges:
                    parts.append(
                        f"--{BOUNDARY}\r\nContent-Type: application/octet-stream\r\n"
                        f"Content-Range: bytes {first}-{last}/{size}\r\n\r\n".encode()
                        + blob[first : last + 1]
                        + b"\r\n"
                    )
                body = b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()
                self._send(
                    206, body, {"Content-Type": f"multipart/byteranges; boundary={BOUNDARY}"}
                )

        return Handler
