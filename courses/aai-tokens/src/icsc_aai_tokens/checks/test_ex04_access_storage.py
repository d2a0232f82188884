"""Public checks for exercise 4 (storage access with a token and with mutual TLS)."""

import pytest


def test_read_with_a_token(exercise, aai, cafile, get_token):
    ex = exercise("ex04_access_storage")
    token = get_token(scope="storage.read:/data", audience=aai.storage.url)
    body = ex.read_file(aai.storage.url, "/data/run2026/events.csv", cafile=cafile, token=token)
    assert body == (aai.storage_root / "data" / "run2026" / "events.csv").read_bytes()


def test_write_with_a_token(exercise, aai, cafile, get_token):
    ex = exercise("ex04_access_storage")
    token = get_token(scope="storage.create:/scratch", audience=aai.storage.url)
    ex.write_file(
        aai.storage.url,
        "/scratch/ex04-public-token.txt",
        b"written with a token\n",
        cafile=cafile,
        token=token,
    )
    assert (
        aai.storage_root / "scratch" / "ex04-public-token.txt"
    ).read_bytes() == b"written with a token\n"


@pytest.mark.points(2)
def test_read_with_a_certificate_from_the_ca(exercise, aai, cafile, get_token, tmp_path):
    ex = exercise("ex04_access_storage")
    token = get_token(scope="storage.read:/home/alice", audience=aai.ca.url)
    certfile, keyfile = ex.obtain_certificate(aai.ca.url, token, tmp_path, cafile=cafile)
    body = ex.read_file(
        aai.storage.url, "/home/alice/notes.txt", cafile=cafile, cert=(certfile, keyfile)
    )
    assert body == (aai.storage_root / "home" / "alice" / "notes.txt").read_bytes()


def test_insufficient_scope_is_a_permission_error(exercise, aai, cafile, get_token):
    ex = exercise("ex04_access_storage")
    token = get_token(scope="storage.read:/data", audience=aai.storage.url)
    with pytest.raises(PermissionError, match=r"storage\.read"):
        ex.read_file(aai.storage.url, "/home/alice/notes.txt", cafile=cafile, token=token)
