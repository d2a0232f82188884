# This file was generated from the reference solution by `icsc stubgen`; edit the TODO parts.
"""Exercise 4: latency-bound remote reads — vector and parallel HTTP range requests.

Reading many small pieces of a remote file one request at a time costs one round trip
each. Two remedies (lecture 3):

* :func:`vector_read` — put several ranges in one request,
  ``Range: bytes=0-99,5000-5099`` (RFC 9110 §14); the server answers ``206`` with a
  ``multipart/byteranges`` body, one part per range, each with its ``Content-Range``;
* :func:`parallel_read` — one range per request, but many requests in flight at once
  (a thread pool).

Both return the bytes of every requested ``(offset, length)`` range, in request order.
Use :mod:`urllib.request`; a server may answer a range request with ``200`` and the
whole body (it ignored ``Range``) or, for one range, a plain ``206`` — handle both.
"""

from __future__ import annotations

import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor

_CONTENT_RANGE = re.compile(rb"bytes (\d+)-(\d+)/(\d+|\*)", re.IGNORECASE)


def _check_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for item in ranges:
        offset, length = (int(v) for v in item)
        if offset < 0 or length < 1:
            msg = f"each range needs offset >= 0 and length >= 1, got {item!r}"
            raise ValueError(msg)
        out.append((offset, length))
    return out


def _check_positive(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        msg = f"{name} must be a positive int, got {value!r}"
        raise ValueError(msg)
    return value


def _split_multipart(body: bytes, content_type: str) -> dict[int, bytes]:
    """``{first byte offset: part data}`` from a multipart/byteranges body."""
    match = re.search(r'boundary="?([^";]+)"?', content_type)
    if match is None:
        msg = f"multipart response without a boundary: {content_type!r}"
        raise ValueError(msg)
    delimiter = b"--" + match.group(1).encode()
    parts: dict[int, bytes] = {}
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, data = chunk.lstrip(b"\r\n").partition(b"\r\n\r\n")
        found = _CONTENT_RANGE.search(head)
        if found is None:
            msg = "multipart part without Content-Range"
            raise ValueError(msg)
        first, last = int(found.group(1)), int(found.group(2))
        parts[first] = data[: last - first + 1]
    return parts


def _get(url: str, ranges: list[tuple[int, int]]) -> list[bytes]:
    """One GET for ``ranges``; the bytes of each, in order."""
    spec = ",".join(f"{offset}-{offset + length - 1}" for offset, length in ranges)
    request = urllib.request.Request(url, headers={"Range": f"bytes={spec}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        status = response.status
        content_type = response.headers.get("Content-Type", "")
        content_range = response.headers.get("Content-Range", "")
        body = response.read()
    if status == 200:  # the server ignored Range: slice the whole body
        return [body[offset : offset + length] for offset, length in ranges]
    if status != 206:
        msg = f"unexpected HTTP status {status}"
        raise ValueError(msg)
    if content_type.lower().startswith("multipart/byteranges"):
        parts = _split_multipart(body, content_type)
    else:
        found = _CONTENT_RANGE.search(content_range.encode())
        if found is None:
            msg = "206 response without Content-Range"
            raise ValueError(msg)
        parts = {int(found.group(1)): body}
    out = []
    for offset, length in ranges:
        # A part starting at or before our offset that covers it (servers may coalesce).
        start = max((s for s in parts if s <= offset), default=None)
        if start is None or offset + length > start + len(parts[start]):
            msg = f"the response does not cover bytes {offset}-{offset + length - 1}"
            raise ValueError(msg)
        out.append(parts[start][offset - start : offset - start + length])
    return out


def vector_read(
    url: str, ranges: list[tuple[int, int]], max_ranges_per_request: int = 64
) -> list[bytes]:
    """Bytes of every ``(offset, length)`` in ``ranges``, with multi-range requests.

    Sends ``ceil(len(ranges) / max_ranges_per_request)`` GET requests, each carrying up to
    ``max_ranges_per_request`` consecutive ranges of the list in one ``Range`` header, and
    returns a list of ``bytes`` in the order of ``ranges`` (an empty list for no ranges,
    without any request). Ranges must lie inside the file. Raises ``ValueError`` for an
    offset < 0, a length < 1, ``max_ranges_per_request`` < 1, or a response that does
    not cover a range; ``urllib.error.HTTPError`` (an ``OSError``) for HTTP errors.
    """
    # HINT: Range: bytes=first-last,first-last (inclusive ends); the answer is 206 multipart/byteranges.
    # HINT: split the body on b"--" + boundary; each part has headers, a blank line, then the data.
    # TODO: your code here.
    raise NotImplementedError("ex04_remote: this part is yours to write (icsc hint ex04)")


def parallel_read(url: str, ranges: list[tuple[int, int]], workers: int = 8) -> list[bytes]:
    """Bytes of every ``(offset, length)`` in ``ranges``: one request per range, in parallel.

    Keeps up to ``workers`` requests in flight (a thread pool) and returns the bytes in
    the order of ``ranges``. Raises ``ValueError`` for bad ranges or ``workers`` < 1, like
    :func:`vector_read`.
    """
    # HINT: ThreadPoolExecutor(max_workers=workers).map keeps the order of its inputs.
    # TODO: your code here.
    raise NotImplementedError("ex04_remote: this part is yours to write (icsc hint ex04)")
