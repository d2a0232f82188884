"""Authentication and Authorization for Global Research Infrastructure (iCSC 2026).

The package ships the lecture notes (``lecture/``), the exercise stubs (``exercises/``),
the public checks (``checks/``), the hands-on notebook (``notebooks/``) and a small but
real authentication and authorization infrastructure that runs on a laptop:

* :mod:`icsc_aai_tokens.issuer`: an OAuth2 token issuer (discovery, JWK Set with
  rotation, client-credentials grant, WLCG Common JWT Profile claims);
* :mod:`icsc_aai_tokens.ca`: a certificate authority that exchanges a valid token for a
  short-lived X.509 client certificate;
* :mod:`icsc_aai_tokens.storage`: a storage server that accepts a bearer token or that
  client certificate (mutual TLS) and authorises with WLCG scopes;
* helpers: :mod:`~icsc_aai_tokens.jwk`, :mod:`~icsc_aai_tokens.wlcg`,
  :mod:`~icsc_aai_tokens.pki`, :mod:`~icsc_aai_tokens.tokens`,
  :mod:`~icsc_aai_tokens.httpclient`, :mod:`~icsc_aai_tokens.attacks`.

Start all three services with ``python -m icsc_aai_tokens`` (or ``icsc-aai``).
"""

from icsc_kit import Course, Exercise

COURSE = Course(
    slug="aai-tokens",
    title="Authentication and Authorization for Global Research Infrastructure",
    presenters=("Donald Chung",),
    lecture_hours=1,
    exercise_hours=1,
    package=__name__,
    summary=(
        "X.509 and PKI, OAuth2/OIDC and JWTs, the WLCG token profile, and bridging tokens "
        "and certificates, on a local token issuer, CA and storage server."
    ),
    exercises=(
        Exercise("ex01_validate_token", "Obtain a token and validate it properly", 20),
        Exercise("ex02_token_to_certificate", "Issue an X.509 certificate from token claims", 15),
        Exercise("ex03_scope_authorisation", "WLCG scope authorisation with path semantics", 10),
        Exercise("ex04_access_storage", "Use the storage with a token and with mutual TLS", 15),
    ),
)

__all__ = ["COURSE"]
