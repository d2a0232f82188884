"""Hidden tests for exercise 4: both credentials, every error mapped to the right exception."""

import stat

import pytest
from cryptography import x509

from icsc_aai_tokens import asn1


def test_certificate_files_verify_with_openssl_and_carry_the_token_scopes(
    exercise, aai, cafile, get_token, tmp_path, openssl
):
    ex = exercise("ex04_access_storage")
    token = get_token(
        scope="storage.read:/data storage.create:/scratch wlcg.groups", audience=aai.ca.url
    )
    certfile, keyfile = ex.obtain_certificate(aai.ca.url, token, tmp_path / "creds", cafile=cafile)
    assert (certfile, keyfile) == (
        tmp_path / "creds" / "client.pem",
        tmp_path / "creds" / "client.key",
    )
    assert stat.S_IMODE(keyfile.stat().st_mode) & 0o077 == 0, (
        "the private key must not be readable by others"
    )
    leaf, intermediate = x509.load_pem_x509_certificates(certfile.read_bytes())
    assert asn1.read_string_list(leaf, asn1.SCOPES_OID) == [
        "storage.read:/data",
        "storage.create:/scratch",
    ]
    assert asn1.read_string_list(leaf, asn1.GROUPS_OID) == ["/icsc"]
    result = openssl(
        "verify",
        "-CAfile",
        cafile,
        "-untrusted",
        str(certfile),
        "-purpose",
        "sslclient",
        str(certfile),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert intermediate == aai.pki.intermediate.certificate


@pytest.mark.points(2)
def test_write_and_read_back_with_a_certificate(exercise, aai, cafile, get_token, tmp_path):
    ex = exercise("ex04_access_storage")
    token = get_token(scope="storage.read:/scratch storage.create:/scratch", audience=aai.ca.url)
    cert = ex.obtain_certificate(aai.ca.url, token, tmp_path, cafile=cafile)
    ex.write_file(
        aai.storage.url,
        "/scratch/ex04-hidden-cert.txt",
        b"via mutual TLS\n",
        cafile=cafile,
        cert=cert,
    )
    assert (
        aai.storage_root / "scratch" / "ex04-hidden-cert.txt"
    ).read_bytes() == b"via mutual TLS\n"
    assert (
        ex.read_file(aai.storage.url, "/scratch/ex04-hidden-cert.txt", cafile=cafile, cert=cert)
        == b"via mutual TLS\n"
    )
    with pytest.raises(PermissionError):
        ex.read_file(aai.storage.url, "/data/README.txt", cafile=cafile, cert=cert)


def test_overwriting_needs_modify(exercise, aai, cafile, get_token):
    ex = exercise("ex04_access_storage")
    create_only = get_token(scope="storage.create:/scratch", audience=aai.storage.url)
    ex.write_file(aai.storage.url, "/scratch/ex04-once.txt", b"1", cafile=cafile, token=create_only)
    with pytest.raises(PermissionError, match=r"storage\.modify"):
        ex.write_file(
            aai.storage.url, "/scratch/ex04-once.txt", b"2", cafile=cafile, token=create_only
        )
    modify = get_token(scope="storage.modify:/home/alice", audience=aai.storage.url)
    ex.write_file(aai.storage.url, "/home/alice/ex04.txt", b"1", cafile=cafile, token=modify)
    ex.write_file(aai.storage.url, "/home/alice/ex04.txt", b"2", cafile=cafile, token=modify)
    assert (aai.storage_root / "home" / "alice" / "ex04.txt").read_bytes() == b"2"


def test_missing_file_is_file_not_found(exercise, aai, cafile, get_token):
    ex = exercise("ex04_access_storage")
    token = get_token(scope="storage.read:/data", audience=aai.storage.url)
    with pytest.raises(FileNotFoundError):
        ex.read_file(aai.storage.url, "/data/no-such-file", cafile=cafile, token=token)


def test_token_for_another_audience_is_refused(exercise, aai, cafile, get_token):
    ex = exercise("ex04_access_storage")
    token = get_token(scope="storage.read:/data", audience=aai.ca.url)  # meant for the CA
    with pytest.raises(PermissionError, match="not meant for"):
        ex.read_file(aai.storage.url, "/data/README.txt", cafile=cafile, token=token)


def test_the_ca_refuses_a_token_meant_for_the_storage(exercise, aai, cafile, get_token, tmp_path):
    ex = exercise("ex04_access_storage")
    token = get_token(scope="storage.read:/data", audience=aai.storage.url)
    with pytest.raises(PermissionError):
        ex.obtain_certificate(aai.ca.url, token, tmp_path, cafile=cafile)


def test_traversal_is_a_bad_request(exercise, aai, cafile, get_token):
    ex = exercise("ex04_access_storage")
    token = get_token(scope="storage.read:/", audience=aai.storage.url)
    with pytest.raises(ValueError, match="traversal"):
        ex.read_file(aai.storage.url, "/data/%2e%2e/home/bob/notes.txt", cafile=cafile, token=token)


def test_exactly_one_credential(exercise, aai, cafile, get_token, tmp_path):
    ex = exercise("ex04_access_storage")
    token = get_token(scope="storage.read:/data", audience=aai.storage.url)
    with pytest.raises(ValueError, match="exactly one"):
        ex.read_file(aai.storage.url, "/data/README.txt", cafile=cafile)
    with pytest.raises(ValueError, match="exactly one"):
        ex.read_file(aai.storage.url, "/data/README.txt", cafile=cafile, token=token,
                     cert=(tmp_path / "c.pem", tmp_path / "c.key"))  # fmt: skip
    with pytest.raises(TypeError, match="bytes"):
        ex.write_file(aai.storage.url, "/scratch/x", "text, not bytes", cafile=cafile, token=token)
