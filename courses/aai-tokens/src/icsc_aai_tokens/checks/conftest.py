"""Shared fixtures of the aai-tokens checks (the hidden tests import them too).

One real deployment (issuer, CA, storage on loopback HTTPS, ports chosen by the OS)
serves the whole test session. Independent references used by the tests:

* ``openssl_verify``: the ``openssl verify`` command line, a second X.509 implementation;
* ``joserfc_verdict``: the ``joserfc`` library, a second JOSE/JWT implementation.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from joserfc import jwt as jose_jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from icsc_aai_tokens import httpclient, tokens, wlcg
from icsc_aai_tokens.deployment import Deployment, start_deployment
from icsc_aai_tokens.pki import certificate_pem


@pytest.fixture(scope="session")
def aai(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    """Issuer, CA and storage running on 127.0.0.1 for the whole session."""
    deployment = start_deployment(tmp_path_factory.mktemp("aai-state"))
    yield deployment
    deployment.stop()


@pytest.fixture(scope="session")
def cafile(aai: Deployment) -> str:
    """Path of the root CA certificate (PEM): the trust anchor for every TLS connection."""
    return str(aai.root_ca)


@pytest.fixture(scope="session")
def get_token(aai: Deployment, cafile: str) -> Callable[..., str]:
    """``get_token(client_id="alice", *, scope, audience)``: a real token over HTTPS."""

    def get(client_id: str = "alice", *, scope: str, audience: str) -> str:
        client = aai.client(client_id)
        reply = httpclient.post_form(
            f"{aai.issuer.url}/token",
            {"grant_type": "client_credentials", "scope": scope, "audience": audience},
            auth=(client.client_id, client.secret),
            cafile=cafile,
        ).raise_for_status()
        return reply.json()["access_token"]

    return get


@pytest.fixture(scope="session")
def issuer_jwks(aai: Deployment, cafile: str) -> dict[str, Any]:
    """The issuer's JWK Set, fetched over HTTPS."""
    return httpclient.get_json(f"{aai.issuer.url}/jwks", cafile=cafile)


@pytest.fixture
def claims_for(aai: Deployment) -> Callable[..., dict[str, Any]]:
    """``claims_for(**changes)``: a valid WLCG claim set for the storage, edited.

    ``changes`` replace claims (``wlcg__ver`` stands for ``wlcg.ver``); ``None`` deletes.
    """

    def build(**changes: Any) -> dict[str, Any]:
        now = int(time.time())
        claims: dict[str, Any] = {
            "wlcg.ver": "1.0",
            "iss": aai.issuer.url,
            "sub": aai.client("alice").subject,
            "aud": aai.storage.url,
            "iat": now,
            "nbf": now,
            "exp": now + 600,
            "jti": f"test-{time.perf_counter_ns()}",
            "scope": "storage.read:/data",
        }
        for name, value in changes.items():
            key = name.replace("__", ".")
            if value is None:
                claims.pop(key, None)
            else:
                claims[key] = value
        return claims

    return build


@pytest.fixture
def mint(aai: Deployment, claims_for: Callable[..., dict[str, Any]]) -> Callable[..., str]:
    """``mint(**changes)``: ``claims_for(**changes)`` signed with the issuer's current key."""

    def sign(**changes: Any) -> str:
        return tokens.mint(claims_for(**changes), aai.issuer.issuer.keys.current)

    return sign


@pytest.fixture(scope="session")
def openssl() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the ``openssl`` command line; the test FAILS (not skips) if it is missing."""
    binary = shutil.which("openssl")
    if binary is None:
        pytest.fail(
            "the `openssl` command line is needed as an independent X.509 check; "
            "install it (Debian/Ubuntu: apt-get install openssl) and run the checks again"
        )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [binary, *args], capture_output=True, text=True, timeout=30, check=False
        )

    return run


@pytest.fixture
def openssl_verify(
    openssl: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> Callable[..., tuple[bool, str]]:
    """``openssl_verify(leaf, intermediates, root, purpose="sslclient", at=None)`` -> (ok, output).

    Runs ``openssl verify -CAfile root.pem -untrusted intermediates.pem -purpose ...
    leaf.pem`` (``-attime`` when ``at`` is a datetime) on certificates written to files.
    """

    def verify(
        leaf: x509.Certificate,
        intermediates: Sequence[x509.Certificate],
        root: x509.Certificate,
        *,
        purpose: str = "sslclient",
        at: Any = None,
    ) -> tuple[bool, str]:
        (tmp_path / "root.pem").write_bytes(certificate_pem(root))
        (tmp_path / "leaf.pem").write_bytes(certificate_pem(leaf))
        args = ["verify", "-CAfile", str(tmp_path / "root.pem"), "-purpose", purpose]
        if intermediates:
            (tmp_path / "untrusted.pem").write_bytes(
                b"".join(certificate_pem(item) for item in intermediates)
            )
            args += ["-untrusted", str(tmp_path / "untrusted.pem")]
        if at is not None:
            args += ["-attime", str(int(at.timestamp()))]
        result = openssl(*args, str(tmp_path / "leaf.pem"))
        output = (result.stdout + result.stderr).strip()
        return result.returncode == 0 and output.endswith(": OK"), output

    return verify


def _joserfc_verdict(
    token: str,
    jwks: Mapping[str, Any],
    *,
    issuer: str,
    audience: str,
    leeway: float = 60,
    now: float | None = None,
) -> str | None:
    """``None`` if joserfc accepts the token under the exercise's rules, else its complaint."""
    try:
        keys = KeySet.import_key_set(dict(jwks))  # type: ignore[arg-type]
        decoded = jose_jwt.decode(token, keys, algorithms=["RS256", "ES256", "EdDSA"])
        registry = jose_jwt.JWTClaimsRegistry(
            now=int(time.time() if now is None else now),
            leeway=int(leeway),
            iss={"essential": True, "value": issuer},
            aud={"essential": True, "value": audience},
            **{
                name: {"essential": True}
                for name in wlcg.REQUIRED_CLAIMS
                if name not in {"iss", "aud"}
            },
        )
        registry.validate(decoded.claims)
        wlcg.check_version(decoded.claims["wlcg.ver"])
    except (JoseError, ValueError, TypeError, KeyError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


@pytest.fixture(scope="session")
def joserfc_verdict() -> Callable[..., str | None]:
    """An independent JWT validator (joserfc): ``None`` = accepted, else the reason text."""
    return _joserfc_verdict
