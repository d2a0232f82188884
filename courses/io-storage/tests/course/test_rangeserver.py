"""The range server of exercise 4 follows RFC 9110 §14 (checked with plain urllib)."""

import urllib.error
import urllib.request

import pytest

from icsc_io_storage.rangeserver import RangeServer, parse_range_header

BLOB = bytes(range(256)) * 4  # 1024 bytes


def get(url, range_header=None):
    headers = {"Range": range_header} if range_header else {}
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_parse_range_header_forms():
    # RFC 9110 §14.1.2 examples: closed, open-ended and suffix ranges.
    assert parse_range_header("bytes=0-499", 10_000) == [(0, 499)]
    assert parse_range_header("bytes=9500-", 10_000) == [(9500, 9999)]
    assert parse_range_header("bytes=-500", 10_000) == [(9500, 9999)]
    assert parse_range_header("bytes=0-0,-1", 10_000) == [(0, 0), (9999, 9999)]
    assert parse_range_header("bytes=0-99999", 100) == [(0, 99)]


@pytest.mark.parametrize("header", ["bytes=", "items=0-1", "bytes=5-2", "bytes=a-b", "bytes=7"])
def test_parse_range_header_rejects_malformed(header):
    with pytest.raises(ValueError, match="malformed"):
        parse_range_header(header, 100)


def test_whole_single_and_multiple_ranges():
    with RangeServer(BLOB) as server:
        status, _, body = get(server.url)
        assert (status, body) == (200, BLOB)
        status, headers, body = get(server.url, "bytes=10-19")
        assert (status, body, headers["Content-Range"]) == (206, BLOB[10:20], "bytes 10-19/1024")
        status, headers, body = get(server.url, "bytes=0-1,1000-1023")
        assert status == 206
        assert headers["Content-Type"].startswith("multipart/byteranges; boundary=")
        assert b"Content-Range: bytes 0-1/1024\r\n\r\n" + BLOB[:2] + b"\r\n" in body
        assert b"Content-Range: bytes 1000-1023/1024\r\n\r\n" + BLOB[1000:] + b"\r\n" in body
        assert server.requests == 3
        assert server.ranges_served == 3


def test_errors():
    with RangeServer(BLOB) as server:
        with pytest.raises(urllib.error.HTTPError, match="416"):
            get(server.url, "bytes=5000-")
        with pytest.raises(urllib.error.HTTPError, match="400"):
            get(server.url, "bytes=x")
        with pytest.raises(urllib.error.HTTPError, match="404"):
            get(server.url.replace("data.bin", "other"))
