"""The three services over real HTTPS: protocol behaviour and bad input (never a crash)."""

import json
import socket
import ssl
import time
import urllib.parse

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from icsc_aai_tokens import httpclient, wlcg
from icsc_aai_tokens.deployment import start_deployment
from icsc_aai_tokens.pki import certificate_pem, private_key_pem


def post_token(aai, cafile, fields, *, auth=("alice", None), headers=None, body=None):
    client_id, secret = auth
    secret = aai.client(client_id).secret if secret is None and client_id in aai.clients else secret
    all_headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if client_id is not None:
        all_headers["Authorization"] = httpclient.basic_auth(client_id, secret)
    all_headers.update(headers or {})
    data = body if body is not None else urllib.parse.urlencode(fields).encode()
    return httpclient.request(
        "POST", f"{aai.issuer.url}/token", headers=all_headers, body=data, cafile=cafile
    )


def csr_pem(key=None):
    key = key or ec.generate_private_key(ec.SECP256R1())
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([]))
        .sign(key, hashes.SHA256())
    )
    return csr.public_bytes(serialization.Encoding.PEM)


# -- issuer ------------------------------------------------------------------------------
def test_discovery_documents(aai, cafile):
    for path in ("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"):
        metadata = httpclient.get_json(aai.issuer.url + path, cafile=cafile)
        assert metadata["issuer"] == aai.issuer.url
        assert metadata["grant_types_supported"] == ["client_credentials"]
        assert httpclient.get_json(metadata["jwks_uri"], cafile=cafile)["keys"][0]["kid"]


def test_token_response_follows_rfc6749(aai, cafile):
    reply = post_token(
        aai, cafile, {"grant_type": "client_credentials", "scope": "storage.read:/data"}
    )
    assert reply.status == 200
    assert reply.headers["cache-control"] == "no-store"
    body = reply.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 1200
    assert body["scope"] == "storage.read:/data"
    header = jwt.get_unverified_header(body["access_token"])
    assert header["alg"] == "RS256"
    assert header["kid"] in {key["kid"] for key in aai.issuer.issuer.keys.jwks()["keys"]}


def test_client_secret_post_also_works(aai, cafile):
    alice = aai.client("alice")
    fields = {
        "grant_type": "client_credentials",
        "client_id": "alice",
        "client_secret": alice.secret,
    }
    reply = post_token(aai, cafile, fields, auth=(None, None))
    assert reply.status == 200


@pytest.mark.parametrize(
    ("fields", "kwargs", "status", "error"),
    [
        ({"grant_type": "password"}, {}, 400, "unsupported_grant_type"),
        ({"scope": "storage.read:/"}, {}, 400, "invalid_request"),
        ({"grant_type": "client_credentials", "scope": "storage.read"}, {}, 400, "invalid_scope"),
        (
            {"grant_type": "client_credentials", "scope": "storage.modify:/"},
            {},
            400,
            "invalid_scope",
        ),
        (
            {"grant_type": "client_credentials", "scope": "wlcg.groups:/cms"},
            {},
            400,
            "invalid_scope",
        ),
        ({"grant_type": "client_credentials", "audience": "not a uri"}, {}, 400, "invalid_request"),
        ({"grant_type": "client_credentials"}, {"auth": ("alice", "wrong")}, 401, "invalid_client"),
        ({"grant_type": "client_credentials"}, {"auth": ("mallory", "x")}, 401, "invalid_client"),
        ({"grant_type": "client_credentials"}, {"auth": (None, None)}, 401, "invalid_client"),
        (
            {},
            {"headers": {"Content-Type": "application/json"}, "body": b'{"grant_type": 1}'},
            400,
            "invalid_request",
        ),
        (
            {},
            {"body": b"grant_type=client_credentials&grant_type=client_credentials"},
            400,
            "invalid_request",
        ),
        ({}, {"body": b"\xff\xfe=\x00"}, 400, "invalid_request"),
        ({}, {"headers": {"Authorization": "Basic %%%"}}, 400, "invalid_request"),
        ({}, {"headers": {"Authorization": "Bearer abc"}}, 401, "invalid_client"),
    ],
)
def test_token_endpoint_errors(aai, cafile, fields, kwargs, status, error):
    reply = post_token(aai, cafile, fields, **kwargs)
    assert reply.status == status, reply.text
    assert reply.json()["error"] == error
    if status == 401:
        assert reply.headers["www-authenticate"].startswith("Basic")


def test_issuer_unknown_paths_and_methods(aai, cafile):
    assert httpclient.request("GET", f"{aai.issuer.url}/nope", cafile=cafile).status == 404
    reply = httpclient.request("DELETE", f"{aai.issuer.url}/token", cafile=cafile)
    assert reply.status == 405
    assert "POST" in reply.headers["allow"]
    assert (
        httpclient.request("POST", f"{aai.issuer.url}/jwks", cafile=cafile, body=b"").status == 404
    )


def test_key_rotation_is_picked_up_by_the_storage(tmp_path):
    """A separate deployment (rotation must not disturb the shared one), refetching at once."""
    with start_deployment(tmp_path, storage_options={"jwks_min_refresh": 0.0}) as aai:
        cafile = str(aai.root_ca)
        alice = aai.client("alice")

        def read_with_new_token():
            token = httpclient.post_form(
                f"{aai.issuer.url}/token",
                {"grant_type": "client_credentials", "scope": "storage.read:/data", "audience": aai.storage.url},
                auth=(alice.client_id, alice.secret), cafile=cafile,
            ).json()["access_token"]  # fmt: skip
            reply = httpclient.request(
                "GET", f"{aai.storage.url}/data/README.txt", cafile=cafile, headers=bearer(token)
            )
            return jwt.get_unverified_header(token)["kid"], reply.status

        old_kid, status = read_with_new_token()
        assert status == 200
        fetches = aai.storage.validator.keys.fetch_count
        new_kid = aai.issuer.rotate_keys()
        kid, status = read_with_new_token()
        assert (kid, status) == (new_kid, 200)
        assert new_kid != old_kid
        assert aai.storage.validator.keys.fetch_count == fetches + 1  # learnt the new key once


# -- CA ----------------------------------------------------------------------------------
def test_ca_issues_a_chain_that_openssl_verifies(aai, cafile, get_token, openssl, tmp_path):
    token = get_token(scope="storage.read:/data wlcg.groups", audience=aai.ca.url)
    reply = httpclient.request("POST", f"{aai.ca.url}/certificate", cafile=cafile,
                               headers={"Authorization": f"Bearer {token}"}, body=csr_pem())  # fmt: skip
    assert reply.status == 201
    assert reply.headers["content-type"] == "application/pem-certificate-chain"
    (tmp_path / "chain.pem").write_bytes(reply.body)
    result = openssl("verify", "-CAfile", cafile, "-untrusted", str(tmp_path / "chain.pem"), "-purpose", "sslclient",
                     str(tmp_path / "chain.pem"))  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        httpclient.request("GET", f"{aai.ca.url}/root.pem", cafile=cafile).body
        == aai.root_ca.read_bytes()
    )
    assert (
        len(
            x509.load_pem_x509_certificates(
                httpclient.request("GET", f"{aai.ca.url}/chain.pem", cafile=cafile).body
            )
        )
        == 2
    )


def _weak_rsa_csr():
    # 1024-bit RSA is below the CA's minimum; cryptography still generates it for tests.
    return csr_pem(rsa.generate_private_key(public_exponent=65537, key_size=1024))


def _bad_signature_csr():
    pem = csr_pem()
    der = x509.load_pem_x509_csr(pem).public_bytes(serialization.Encoding.DER)
    broken = der[:-3] + bytes([der[-3] ^ 0x01]) + der[-2:]
    return x509.load_der_x509_csr(broken).public_bytes(serialization.Encoding.PEM)


@pytest.mark.parametrize(
    ("body", "status", "error", "message"),
    [
        (b"garbage", 400, "invalid_request", "not a PEM certificate signing request"),
        (
            b"-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
            400,
            "invalid_request",
            "not a PEM",
        ),
        ("weak", 400, "invalid_request", "at least 2048"),
        ("bad-signature", 400, "invalid_request", "proof of possession"),
    ],
)
def test_ca_rejects_bad_requests(aai, cafile, get_token, body, status, error, message):
    body = {"weak": _weak_rsa_csr, "bad-signature": _bad_signature_csr}.get(body, lambda: body)()
    token = get_token(scope="storage.read:/data", audience=aai.ca.url)
    reply = httpclient.request("POST", f"{aai.ca.url}/certificate", cafile=cafile,
                               headers={"Authorization": f"Bearer {token}"}, body=body)  # fmt: skip
    assert reply.status == status, reply.text
    assert reply.json()["error"] == error
    assert message in reply.json()["error_description"]


@pytest.mark.parametrize(
    ("headers", "status", "error"),
    [
        ({}, 401, "invalid_token"),
        ({"Authorization": "Bearer not-a-token"}, 401, "invalid_token"),
        ({"Authorization": "Basic YTpi"}, 400, "invalid_request"),
        ({"Authorization": "Bearer"}, 400, "invalid_request"),
    ],
)
def test_ca_needs_a_valid_token(aai, cafile, headers, status, error):
    reply = httpclient.request(
        "POST", f"{aai.ca.url}/certificate", cafile=cafile, headers=headers, body=csr_pem()
    )
    assert reply.status == status
    assert reply.json()["error"] == error
    assert reply.headers["www-authenticate"].startswith("Bearer")


def test_ca_refuses_a_storage_token(aai, cafile, get_token):
    token = get_token(scope="storage.read:/data", audience=aai.storage.url)
    reply = httpclient.request("POST", f"{aai.ca.url}/certificate", cafile=cafile,
                               headers={"Authorization": f"Bearer {token}"}, body=csr_pem())  # fmt: skip
    assert reply.status == 401
    assert "audience" in reply.headers["www-authenticate"]


# -- storage -----------------------------------------------------------------------------
def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_storage_listing_head_and_identity_headers(aai, cafile, get_token):
    token = get_token(scope="storage.read:/data", audience=aai.storage.url)
    listing = httpclient.request(
        "GET", f"{aai.storage.url}/data", cafile=cafile, headers=bearer(token)
    )
    assert listing.status == 200
    names = {entry["name"] for entry in listing.json()["entries"]}
    assert {"README.txt", "run2026"} <= names
    assert listing.headers["x-aai-subject"] == aai.client("alice").subject
    assert listing.headers["x-aai-method"] == "token"
    head = httpclient.request(
        "HEAD", f"{aai.storage.url}/data/README.txt", cafile=cafile, headers=bearer(token)
    )
    assert head.status == 200
    assert head.body == b""


def test_storage_put_and_delete(aai, cafile, get_token):
    token = get_token(scope="storage.modify:/home/alice", audience=aai.storage.url)
    url = f"{aai.storage.url}/home/alice/sub/dir/file.txt"
    assert (
        httpclient.request("PUT", url, cafile=cafile, headers=bearer(token), body=b"one").status
        == 201
    )
    assert (
        httpclient.request("PUT", url, cafile=cafile, headers=bearer(token), body=b"two").status
        == 204
    )
    assert (aai.storage_root / "home/alice/sub/dir/file.txt").read_bytes() == b"two"
    assert httpclient.request("DELETE", url, cafile=cafile, headers=bearer(token)).status == 204
    assert httpclient.request("DELETE", url, cafile=cafile, headers=bearer(token)).status == 404
    reply = httpclient.request(
        "DELETE", f"{aai.storage.url}/home/alice/sub", cafile=cafile, headers=bearer(token)
    )
    assert reply.status == 409
    assert "not empty" in reply.text
    reply = httpclient.request(
        "PUT", f"{aai.storage.url}/home/alice/sub", cafile=cafile, headers=bearer(token), body=b"x"
    )
    assert reply.status == 409


@pytest.mark.parametrize(
    ("method", "path", "headers", "status", "error"),
    [
        ("GET", "/data/README.txt", {}, 401, "invalid_token"),
        ("GET", "/data/README.txt", {"Authorization": "Bearer garbage"}, 401, "invalid_token"),
        ("GET", "/data/README.txt", {"Authorization": "Token abc"}, 400, "invalid_request"),
        ("GET", "/data/%2e%2e/home/bob/notes.txt", "READ", 400, "invalid_request"),
        ("GET", "/data/..%2fhome", "READ", 400, "invalid_request"),
        ("GET", "/home/bob/notes.txt", "READ", 403, "insufficient_scope"),
        ("PUT", "/data/new.txt", "READ", 403, "insufficient_scope"),
        ("DELETE", "/data/README.txt", "READ", 403, "insufficient_scope"),
        ("POST", "/data/README.txt", "READ", 405, "invalid_request"),
        ("GET", "/data/missing.txt", "READ", 404, "not_found"),
    ],
)
def test_storage_errors(aai, cafile, get_token, method, path, headers, status, error):
    if headers == "READ":
        headers = bearer(get_token(scope="storage.read:/data", audience=aai.storage.url))
    reply = httpclient.request(
        method,
        aai.storage.url + path,
        cafile=cafile,
        headers=headers,
        body=b"x" if method in {"PUT", "POST"} else None,
    )
    assert reply.status == status, reply.text
    assert reply.json()["error"] == error
    if status in {401, 403}:
        assert reply.headers["www-authenticate"].startswith('Bearer realm="storage"')


def test_storage_put_limits(aai, cafile, get_token):
    token = get_token(scope="storage.create:/scratch", audience=aai.storage.url)
    reply = httpclient.request("PUT", f"{aai.storage.url}/scratch/big", cafile=cafile,
                               headers={**bearer(token), "Content-Length": str(17 * 1024 * 1024)}, body=b"")  # fmt: skip
    assert reply.status == 413


def test_certificate_without_capabilities_is_forbidden(aai, cafile, tmp_path):
    # A perfectly valid client certificate of our CA, but without the scopes extension.
    import datetime as dt  # noqa: PLC0415

    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID  # noqa: PLC0415

    from icsc_aai_tokens.pki import _leaf_key_usage  # noqa: PLC0415

    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    builder = aai.pki.intermediate.builder(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bare")]),
                                           key.public_key(), now, now + dt.timedelta(minutes=5))  # fmt: skip
    builder = (builder.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(_leaf_key_usage(), critical=True)
               .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False))  # fmt: skip
    certificate = aai.pki.intermediate.sign(builder)
    (tmp_path / "c.pem").write_bytes(
        certificate_pem(certificate) + certificate_pem(aai.pki.intermediate.certificate)
    )
    (tmp_path / "c.key").write_bytes(private_key_pem(key))
    reply = httpclient.request("GET", f"{aai.storage.url}/data/README.txt", cafile=cafile,
                               cert=(tmp_path / "c.pem", tmp_path / "c.key"))  # fmt: skip
    assert reply.status == 403
    assert "capabilities" in reply.text


def read_with_certificate(storage_url, cafile, folder):
    reply = httpclient.request("GET", f"{storage_url}/data/README.txt", cafile=cafile,
                               cert=(folder / "c.pem", folder / "c.key"))  # fmt: skip
    message = f"the storage answered {reply.status} instead of refusing the handshake"
    raise ConnectionError(message)


def test_untrusted_client_certificate_fails_the_handshake_and_the_server_lives_on(
    aai, cafile, tmp_path, get_token
):
    from icsc_aai_tokens.pki import PKI  # noqa: PLC0415

    stranger = PKI.create()
    claims = {
        "iss": aai.issuer.url,
        "sub": "mallory",
        "exp": int(time.time()) + 600,
        "scope": "storage.read:/",
    }
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = stranger.client_certificate(claims, key.public_key())
    (tmp_path / "c.pem").write_bytes(
        certificate_pem(certificate) + certificate_pem(stranger.intermediate.certificate)
    )
    (tmp_path / "c.key").write_bytes(private_key_pem(key))
    failures = aai.storage.handshake_failures
    with pytest.raises((ssl.SSLError, ConnectionError)):
        # With TLS 1.3 the client may only learn of the rejection when it reads the reply.
        read_with_certificate(aai.storage.url, cafile, tmp_path)
    deadline = time.time() + 5
    while aai.storage.handshake_failures == failures and time.time() < deadline:
        time.sleep(0.05)
    assert aai.storage.handshake_failures > failures
    token = get_token(scope="storage.read:/data", audience=aai.storage.url)
    assert (
        httpclient.request(
            "GET", f"{aai.storage.url}/data/README.txt", cafile=cafile, headers=bearer(token)
        ).status
        == 200
    )


@pytest.mark.parametrize("service", ["issuer", "ca", "storage"])
def test_garbage_on_the_wire_never_kills_a_service(aai, cafile, service):
    target = getattr(aai, service)
    host, port = "127.0.0.1", target.port
    with socket.create_connection((host, port), timeout=5) as raw:  # plain text on a TLS port
        raw.sendall(b"GET / HTTP/1.0\r\n\r\n")
        raw.recv(100)
    context = ssl.create_default_context(cafile=cafile)
    with (
        socket.create_connection((host, port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname=host) as tls,
    ):
        tls.sendall(b"\x00\x01 NOT HTTP AT ALL\r\n\r\n")
        answer = tls.recv(200)
    assert answer.startswith(b"HTTP/1.")
    assert b" 400 " in answer.split(b"\r\n")[0]
    reply = httpclient.request("GET", f"{target.url}/", cafile=cafile)
    assert reply.status in {200, 401}
    assert json.loads(reply.body)


def test_any_audience_token_is_accepted_by_the_storage_only(aai, cafile):
    alice = aai.client("alice")
    reply = httpclient.post_form(f"{aai.issuer.url}/token", {"grant_type": "client_credentials", "scope": "storage.read:/data"},
                                 auth=(alice.client_id, alice.secret), cafile=cafile)  # fmt: skip
    token = reply.json()["access_token"]
    assert jwt.decode(token, options={"verify_signature": False})["aud"] == wlcg.ANY_AUDIENCE
    assert (
        httpclient.request(
            "GET", f"{aai.storage.url}/data/README.txt", cafile=cafile, headers=bearer(token)
        ).status
        == 200
    )
    ca_reply = httpclient.request(
        "POST", f"{aai.ca.url}/certificate", cafile=cafile, headers=bearer(token), body=csr_pem()
    )
    assert ca_reply.status == 401
