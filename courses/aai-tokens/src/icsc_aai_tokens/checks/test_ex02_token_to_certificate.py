"""Public checks for exercise 2 (token -> X.509 client certificate, chain verification)."""

import datetime as dt
import time

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from icsc_aai_tokens import asn1
from icsc_aai_tokens.pki import PKI, certificate_pem, private_key_pem, public_key_pem
from icsc_aai_tokens.wlcg import identity_uri


def issue(ex, aai, claims, **kwargs):
    """PEM from the exercise, signed by the deployment's intermediate CA, and parsed."""
    key = ec.generate_private_key(ec.SECP256R1())
    pem = ex.certificate_from_claims(
        claims,
        public_key_pem(key),
        certificate_pem(aai.pki.intermediate.certificate),
        private_key_pem(aai.pki.intermediate.key),
        **kwargs,
    )
    return x509.load_pem_x509_certificate(pem)


def test_openssl_verifies_the_certificate_as_a_tls_client(
    exercise, aai, claims_for, openssl_verify
):
    ex = exercise("ex02_token_to_certificate")
    certificate = issue(ex, aai, claims_for())
    ok, output = openssl_verify(
        certificate, [aai.pki.intermediate.certificate], aai.pki.root.certificate
    )
    assert ok, output


@pytest.mark.points(2)
def test_identity_and_lifetime_come_from_the_token(exercise, aai, claims_for):
    ex = exercise("ex02_token_to_certificate")
    claims = claims_for(exp=int(time.time()) + 300)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    certificate = issue(ex, aai, claims, now=now)
    assert certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == claims["sub"]
    san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.UniformResourceIdentifier) == [
        identity_uri(claims["iss"], claims["sub"])
    ]
    assert certificate.not_valid_before_utc == now
    # The token expires in 300 s, well inside the one-hour cap: the token's exp wins.
    assert certificate.not_valid_after_utc == dt.datetime.fromtimestamp(claims["exp"], dt.UTC)


def test_groups_are_carried_in_the_extension(exercise, aai, claims_for):
    ex = exercise("ex02_token_to_certificate")
    certificate = issue(ex, aai, claims_for(wlcg__groups=["/icsc", "/icsc/students"]))
    assert asn1.read_string_list(certificate, asn1.GROUPS_OID) == ["/icsc", "/icsc/students"]


def test_no_certificate_from_an_expired_token(exercise, aai, claims_for):
    ex = exercise("ex02_token_to_certificate")
    with pytest.raises(ValueError, match="expire"):
        issue(ex, aai, claims_for(exp=int(time.time()) - 10))


@pytest.mark.points(2)
def test_verify_chain_accepts_our_chain_and_rejects_a_stranger_root(exercise, aai, claims_for):
    ex = exercise("ex02_token_to_certificate")
    leaf = certificate_pem(issue(ex, aai, claims_for()))
    root, intermediate = (
        certificate_pem(aai.pki.root.certificate),
        certificate_pem(aai.pki.intermediate.certificate),
    )
    assert ex.verify_chain(leaf, intermediate, root) == [leaf, intermediate, root]
    stranger = certificate_pem(PKI.create().root.certificate)  # a root CA we never trusted
    with pytest.raises(ValueError, match="chain does not verify"):
        ex.verify_chain(leaf, intermediate, stranger)
