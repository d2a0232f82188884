"""The PKI: every certificate it makes verifies with openssl for its purpose, and only for it."""

import datetime as dt
import time

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from icsc_aai_tokens.pki import PKI, certificate_from_claims

CLAIMS = {
    "iss": "https://issuer.test",
    "sub": "s-1",
    "wlcg.groups": ["/icsc"],
    "scope": "storage.read:/",
}


@pytest.fixture(scope="module")
def pki():
    return PKI.create()


def test_server_certificate(pki, openssl_verify):
    certificate, _ = pki.server_certificate("storage")
    chain = ([pki.intermediate.certificate], pki.root.certificate)
    assert openssl_verify(certificate, *chain, purpose="sslserver")[0]
    assert not openssl_verify(certificate, *chain, purpose="sslclient")[0]


def test_client_certificate(pki, openssl_verify):
    claims = {**CLAIMS, "exp": int(time.time()) + 600}
    certificate = pki.client_certificate(
        claims, ec.generate_private_key(ec.SECP256R1()).public_key()
    )
    chain = ([pki.intermediate.certificate], pki.root.certificate)
    assert openssl_verify(certificate, *chain, purpose="sslclient")[0]
    assert not openssl_verify(certificate, *chain, purpose="sslserver")[0]
    assert certificate.not_valid_after_utc == dt.datetime.fromtimestamp(claims["exp"], dt.UTC)


def test_the_intermediate_cannot_sign_sub_cas(pki, openssl):
    # Path length 0 on the intermediate (RFC 5280 section 4.2.1.9).
    from cryptography import x509  # noqa: PLC0415

    constraints = pki.intermediate.certificate.extensions.get_extension_for_class(
        x509.BasicConstraints
    )
    assert constraints.critical
    assert constraints.value.ca
    assert constraints.value.path_length == 0
    assert openssl("version").returncode == 0


def test_claims_are_checked(pki):
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    with pytest.raises(ValueError, match="sub"):
        certificate_from_claims(
            {"iss": "https://i.test", "exp": int(time.time()) + 60}, key, pki.intermediate
        )
    with pytest.raises(ValueError, match="expired"):
        certificate_from_claims({**CLAIMS, "exp": int(time.time()) - 1}, key, pki.intermediate)


def test_save_and_load(pki, tmp_path):
    pki.save(tmp_path)
    assert oct((tmp_path / "root.key").stat().st_mode & 0o777) == "0o600"
    loaded = PKI.load(tmp_path)
    assert loaded.root.certificate == pki.root.certificate
    assert loaded.intermediate.certificate == pki.intermediate.certificate
    assert PKI.load_or_create(tmp_path).root.certificate == pki.root.certificate
    with pytest.raises(FileNotFoundError):
        PKI.load(tmp_path / "missing")
