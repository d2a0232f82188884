"""DER encoding of the group/scope extensions, checked with `openssl asn1parse`."""

import pytest

from icsc_aai_tokens.asn1 import decode_utf8_strings, encode_utf8_strings


def test_round_trip_including_long_and_non_ascii_values():
    values = ["/icsc", "/icsc/students", "storage.read:/" + "x" * 300, "\u00e9t\u00e9"]
    assert decode_utf8_strings(encode_utf8_strings(values)) == values
    assert encode_utf8_strings([]) == b"\x30\x00"


def test_openssl_parses_our_der(openssl, tmp_path):
    der = encode_utf8_strings(["/icsc", "storage.read:/data"])
    (tmp_path / "value.der").write_bytes(der)
    result = openssl("asn1parse", "-inform", "DER", "-in", str(tmp_path / "value.der"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "SEQUENCE" in lines[0]
    assert "UTF8STRING" in lines[1]
    assert lines[1].endswith(":/icsc")
    assert "UTF8STRING" in lines[2]
    assert lines[2].endswith(":storage.read:/data")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "ends inside"),
        (b"\x31\x00", "SEQUENCE"),
        (b"\x30\x03\x04\x01a", "UTF8String"),
        (b"\x30\x05\x0c\x01a", "longer than"),
        (b"\x30\x81\x03\x0c\x01a", "minimally"),
        (b"\x30\x00\x00", "exactly one"),
    ],
)
def test_malformed_der_is_refused(data, message):
    with pytest.raises(ValueError, match=message):
        decode_utf8_strings(data)


def test_encode_needs_a_list_of_str():
    with pytest.raises(TypeError, match="sequence of str"):
        encode_utf8_strings("/icsc")
