"""The two private X.509 extensions of this course and their DER encoding.

A certificate issued from a token carries the token's ``wlcg.groups`` and ``scope`` in
two non-critical extensions, each a DER ``SEQUENCE OF UTF8String`` (ITU-T X.690). Their
object identifiers live under the ``2.25`` arc, where any UUID is a valid identifier
without registration (ITU-T X.667), so they cannot clash with a registered extension.
Non-critical, so software that does not know them (``openssl verify``) still accepts
the certificate, as RFC 5280 section 4.2 requires.
"""

from __future__ import annotations

from collections.abc import Sequence

from cryptography import x509

#: ``wlcg.groups`` of the token the certificate was issued from.
GROUPS_OID = x509.ObjectIdentifier("2.25.114660193257012672984919372678878297793")
#: ``scope`` capabilities of the token the certificate was issued from.
SCOPES_OID = x509.ObjectIdentifier("2.25.295967278853292531096938294069242297806")

_SEQUENCE = 0x30
_UTF8_STRING = 0x0C


def _encode_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    body = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def _read_tlv(data: bytes, offset: int) -> tuple[int, bytes, int]:
    """One DER element at ``offset``: (tag, contents, offset after it)."""
    if offset + 2 > len(data):
        msg = "DER data ends inside a tag/length header"
        raise ValueError(msg)
    tag, first = data[offset], data[offset + 1]
    offset += 2
    if first < 0x80:
        length = first
    else:
        count = first & 0x7F
        if count == 0 or count > 4 or offset + count > len(data):
            msg = "DER length field is malformed"
            raise ValueError(msg)
        length = int.from_bytes(data[offset : offset + count], "big")
        if length < 0x80 or data[offset] == 0:
            msg = "DER length is not minimally encoded"
            raise ValueError(msg)
        offset += count
    end = offset + length
    if end > len(data):
        msg = "DER element is longer than the data"
        raise ValueError(msg)
    return tag, data[offset:end], end


def encode_utf8_strings(values: Sequence[str]) -> bytes:
    """DER ``SEQUENCE OF UTF8String`` of ``values`` (an empty list gives ``30 00``)."""
    if isinstance(values, str) or not all(isinstance(value, str) for value in values):
        msg = "values must be a sequence of str"
        raise TypeError(msg)
    body = b""
    for value in values:
        raw = value.encode("utf-8")
        body += bytes([_UTF8_STRING]) + _encode_length(len(raw)) + raw
    return bytes([_SEQUENCE]) + _encode_length(len(body)) + body


def decode_utf8_strings(data: bytes) -> list[str]:
    """Inverse of :func:`encode_utf8_strings`; ``ValueError`` for anything else."""
    tag, body, end = _read_tlv(bytes(data), 0)
    if tag != _SEQUENCE or end != len(data):
        msg = "expected exactly one DER SEQUENCE"
        raise ValueError(msg)
    values, offset = [], 0
    while offset < len(body):
        tag, raw, offset = _read_tlv(body, offset)
        if tag != _UTF8_STRING:
            msg = f"expected UTF8String (tag 0x0c) inside the SEQUENCE, got tag {tag:#04x}"
            raise ValueError(msg)
        values.append(raw.decode("utf-8"))
    return values


def string_list_extension(
    oid: x509.ObjectIdentifier, values: Sequence[str]
) -> x509.UnrecognizedExtension:
    """The extension value to pass to ``CertificateBuilder.add_extension(..., critical=False)``."""
    return x509.UnrecognizedExtension(oid, encode_utf8_strings(values))


def read_string_list(certificate: x509.Certificate, oid: x509.ObjectIdentifier) -> list[str] | None:
    """The strings stored under ``oid`` in ``certificate``, or ``None`` if it lacks the extension."""
    try:
        extension = certificate.extensions.get_extension_for_oid(oid)
    except x509.ExtensionNotFound:
        return None
    return decode_utf8_strings(extension.value.value)
