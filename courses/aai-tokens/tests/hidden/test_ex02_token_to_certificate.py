"""Hidden tests for exercise 2: certificate contents checked by openssl, chains by two verifiers."""

import datetime as dt
import time

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID

from icsc_aai_tokens import asn1
from icsc_aai_tokens.httpclient import request
from icsc_aai_tokens.pki import (
    PKI,
    Authority,
    certificate_from_claims,
    certificate_pem,
    private_key_pem,
    public_key_pem,
)
from icsc_aai_tokens.wlcg import identity_uri


def make(ex, aai, claims, **kwargs):
    key = ec.generate_private_key(ec.SECP256R1())
    pem = ex.certificate_from_claims(
        claims,
        public_key_pem(key),
        certificate_pem(aai.pki.intermediate.certificate),
        private_key_pem(aai.pki.intermediate.key),
        **kwargs,
    )
    return x509.load_pem_x509_certificate(pem)


def test_lifetime_is_capped_when_the_token_lives_longer(exercise, aai, claims_for):
    ex = exercise("ex02_token_to_certificate")
    now = dt.datetime(2026, 3, 19, 16, 40, tzinfo=dt.UTC)
    claims = claims_for(exp=int(now.timestamp()) + 6 * 3600)
    certificate = make(ex, aai, claims, now=now, max_lifetime=dt.timedelta(minutes=30))
    assert certificate.not_valid_before_utc == now
    assert certificate.not_valid_after_utc == now + dt.timedelta(minutes=30)


def test_openssl_reads_subject_and_san(exercise, aai, claims_for, openssl, tmp_path):
    ex = exercise("ex02_token_to_certificate")
    claims = claims_for(sub="e1eb758b-b73c-4761-bfff-adc793da409c")
    certificate = make(ex, aai, claims)
    (tmp_path / "leaf.pem").write_bytes(certificate_pem(certificate))
    result = openssl(
        "x509", "-in", str(tmp_path / "leaf.pem"), "-noout", "-subject",
        "-ext", "subjectAltName,basicConstraints,extendedKeyUsage",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "CN = e1eb758b-b73c-4761-bfff-adc793da409c" in result.stdout
    assert f"URI:{identity_uri(claims['iss'], claims['sub'])}" in result.stdout
    assert "CA:FALSE" in result.stdout
    assert "TLS Web Client Authentication" in result.stdout


def test_it_is_a_client_not_a_server_certificate(exercise, aai, claims_for, openssl_verify):
    ex = exercise("ex02_token_to_certificate")
    certificate = make(ex, aai, claims_for())
    chain = ([aai.pki.intermediate.certificate], aai.pki.root.certificate)
    assert openssl_verify(certificate, *chain, purpose="sslclient")[0]
    ok, output = openssl_verify(certificate, *chain, purpose="sslserver")
    assert not ok, output
    eku = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.CLIENT_AUTH]
    assert certificate.extensions.get_extension_for_class(x509.BasicConstraints).critical


def test_scopes_and_groups_are_carried_and_empty_when_absent(exercise, aai, claims_for):
    ex = exercise("ex02_token_to_certificate")
    certificate = make(ex, aai, claims_for(scope="storage.read:/data storage.create:/scratch"))
    assert asn1.read_string_list(certificate, asn1.SCOPES_OID) == [
        "storage.read:/data",
        "storage.create:/scratch",
    ]
    assert asn1.read_string_list(certificate, asn1.GROUPS_OID) == []
    for oid in (asn1.SCOPES_OID, asn1.GROUPS_OID):
        assert not certificate.extensions.get_extension_for_oid(oid).critical


def test_the_certificate_is_signed_by_the_given_ca(exercise, aai, claims_for):
    ex = exercise("ex02_token_to_certificate")
    certificate = make(ex, aai, claims_for())
    assert certificate.issuer == aai.pki.intermediate.certificate.subject
    certificate.verify_directly_issued_by(aai.pki.intermediate.certificate)


@pytest.mark.parametrize("missing", ["iss", "sub", "exp"])
def test_missing_claims_are_refused(exercise, aai, claims_for, missing):
    ex = exercise("ex02_token_to_certificate")
    with pytest.raises(ValueError, match=missing):
        make(ex, aai, claims_for(**{missing: None}))


def test_a_non_positive_max_lifetime_is_refused(exercise, aai, claims_for):
    ex = exercise("ex02_token_to_certificate")
    with pytest.raises(ValueError, match="max_lifetime"):
        make(ex, aai, claims_for(), max_lifetime=dt.timedelta(0))


def test_verify_chain_on_the_ca_service_certificate(
    exercise, aai, cafile, get_token, openssl_verify
):
    """The certificate the CA service issues over HTTPS verifies with the exercise and openssl."""
    ex = exercise("ex02_token_to_certificate")
    key = ec.generate_private_key(ec.SECP256R1())
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([]))
        .sign(key, hashes.SHA256())
    )
    token = get_token(scope="storage.read:/data", audience=aai.ca.url)
    reply = request(
        "POST", f"{aai.ca.url}/certificate", cafile=cafile, headers={"Authorization": f"Bearer {token}"},
        body=csr.public_bytes(serialization.Encoding.PEM),
    ).raise_for_status()  # fmt: skip
    leaf, intermediate = x509.load_pem_x509_certificates(reply.body)
    root = aai.pki.root.certificate
    expected = [certificate_pem(item) for item in (leaf, intermediate, root)]
    assert ex.verify_chain(expected[0], expected[1], expected[2]) == expected
    assert openssl_verify(leaf, [intermediate], root)[0]


def _bad_chains(aai, claims_for):
    """(name, leaf, intermediates, root, at) cases that must all be refused."""
    fresh = ec.generate_private_key(ec.SECP256R1()).public_key()
    good = aai.pki.client_certificate(claims_for(exp=int(time.time()) + 600), fresh)
    intermediate, root = aai.pki.intermediate.certificate, aai.pki.root.certificate
    stranger = PKI.create()
    server_cert, server_key = aai.pki.server_certificate("not-a-ca")
    signed_by_leaf = certificate_from_claims(
        claims_for(), fresh, Authority(server_cert, server_key)
    )
    return [
        ("stranger-root", good, [intermediate], stranger.root.certificate, None),
        ("stranger-intermediate", good, [stranger.intermediate.certificate], root, None),
        ("missing-intermediate", good, [], root, None),
        (
            "after-expiry",
            good,
            [intermediate],
            root,
            good.not_valid_after_utc + dt.timedelta(hours=1),
        ),
        (
            "before-validity",
            good,
            [intermediate],
            root,
            good.not_valid_before_utc - dt.timedelta(hours=1),
        ),
        ("issued-by-a-non-ca", signed_by_leaf, [server_cert, intermediate], root, None),
        ("server-certificate-as-client", server_cert, [intermediate], root, None),
    ]


@pytest.mark.points(2)
def test_bad_chains_are_refused_like_openssl_does(exercise, aai, claims_for, openssl_verify):
    ex = exercise("ex02_token_to_certificate")
    for name, leaf, intermediates, root, at in _bad_chains(aai, claims_for):
        ok, output = openssl_verify(leaf, intermediates, root, at=at)
        assert not ok, f"{name}: openssl accepted it ({output})"
        bundle = b"".join(certificate_pem(item) for item in intermediates)
        with pytest.raises(ValueError, match="chain does not verify"):
            ex.verify_chain(certificate_pem(leaf), bundle, certificate_pem(root), at=at)


def test_garbage_pem_is_a_value_error(exercise, aai):
    ex = exercise("ex02_token_to_certificate")
    root = certificate_pem(aai.pki.root.certificate)
    with pytest.raises(ValueError, match=r"(?i)pem|certificate"):
        ex.verify_chain(b"not a certificate", b"", root)
