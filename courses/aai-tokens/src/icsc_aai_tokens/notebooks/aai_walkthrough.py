# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # From token to certificate to resource
#
# This notebook walks through the whole flow of the course on real services running on
# your laptop:
#
# 1. discover the **token issuer** and obtain an access token (OAuth 2.0 client credentials);
# 2. look inside the token and **validate** it with the issuer's published keys;
# 3. watch forged tokens being **rejected** by the storage server;
# 4. exchange a token for a short-lived **X.509 client certificate** at the CA and read it;
# 5. read and write files on the **storage** with the token and with the certificate
#    (mutual TLS), and see what each credential is allowed to do;
# 6. **rotate** the issuer's signing key.
#
# The services start inside this kernel (the next cell). You could instead run
# `python -m icsc_aai_tokens` in a terminal: it prints the same three URLs and writes the
# same state folder (`aai-state/`).

# %%
import base64
import json
import tempfile
import time
from pathlib import Path

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from icsc_aai_tokens import asn1, attacks, httpclient, tokens
from icsc_aai_tokens.deployment import start_deployment

state = Path(tempfile.mkdtemp(prefix="aai-notebook-"))
# The storage may refetch the issuer's keys once a second (default: every 5 s), so that
# the key-rotation demonstration at the end does not have to wait long.
aai = start_deployment(state, storage_options={"jwks_min_refresh": 1.0})
cafile = str(aai.root_ca)
for name, url in aai.endpoints().items():
    print(f"{name:8s} {url}")
print("trust anchor:", cafile)

# %% [markdown]
# ## 1. Discovery and a token
#
# All a client needs to know is the issuer's URL. Its metadata tells where the token
# endpoint and the keys are.

# %%
metadata = httpclient.get_json(f"{aai.issuer.url}/.well-known/openid-configuration", cafile=cafile)
print(json.dumps(metadata, indent=2))

# %% [markdown]
# The demonstration client `alice` has a secret (in `clients.json` of the state folder)
# and is entitled to some WLCG capabilities. We ask for *less* than she may have, and for
# a token addressed to the storage server (`audience`).

# %%
alice = aai.client("alice")
print("alice may be granted:", alice.capabilities, "groups:", alice.default_groups)

reply = httpclient.post_form(
    metadata["token_endpoint"],
    {"grant_type": "client_credentials", "scope": "storage.read:/data storage.create:/scratch wlcg.groups",
     "audience": aai.storage.url},
    auth=(alice.client_id, alice.secret),
    cafile=cafile,
)
print(reply.status, {key: value for key, value in reply.json().items() if key != "access_token"})
token = reply.json()["access_token"]
print(token[:80], "...")

# %% [markdown]
# ## 2. Inside the token
#
# A JWT is three base64url parts. Header and payload are plain JSON, readable by anyone
# holding the token: the signature protects them from *changes*, not from *reading*.

# %%
def b64json(part: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


header_part, payload_part, signature_part = token.split(".")
print("header: ", json.dumps(b64json(header_part), indent=2))
claims = b64json(payload_part)
print("payload:", json.dumps(claims, indent=2))
print("expires in", claims["exp"] - int(time.time()), "seconds")

# %% [markdown]
# The header's `kid` names the key in the issuer's JWK Set. Validation (what exercise 1
# asks you to write) takes the algorithm from that key, checks the signature, the issuer,
# the audience and the times. Here we use the library's validator, the one the storage
# server runs:

# %%
jwks = httpclient.get_json(metadata["jwks_uri"], cafile=cafile)
print(json.dumps(jwks, indent=2)[:600], "...")

validator = tokens.TokenValidator(aai.issuer.url, [aai.storage.url], tokens.JWKSCache(lambda: jwks))
print(validator.validate(token)["scope"])

# %% [markdown]
# ## 3. Forged tokens
#
# Each of these would fool a careless validator. The storage server answers every one
# with `401 invalid_token` and a `WWW-Authenticate` header that says why.

# %%
forged = {
    "alg none": attacks.none_algorithm({**claims, "scope": "storage.modify:/"}, kid=jwks["keys"][0]["kid"]),
    "HS256 keyed with the public key": attacks.hmac_with_public_key({**claims, "scope": "storage.modify:/"}, jwks["keys"][0]),
    "scope widened after signing": attacks.tamper_payload(token, scope="storage.modify:/"),
    "signed by an attacker's key": attacks.sign_with(claims, ec.generate_private_key(ec.SECP256R1()), kid="mine", algorithm="ES256"),
}
for name, bad in forged.items():
    answer = httpclient.request("GET", f"{aai.storage.url}/data/README.txt", cafile=cafile,
                                headers={"Authorization": f"Bearer {bad}"})
    print(f"{name:34s} -> {answer.status} {answer.headers.get('www-authenticate')}")

# %% [markdown]
# ## 4. From token to certificate
#
# The CA wants a token addressed to *it*, and a certificate signing request (CSR) that
# proves we hold a fresh private key. What we write into the CSR's subject does not
# matter: the CA takes identity and rights from the token only.

# %%
ca_token = httpclient.post_form(
    metadata["token_endpoint"],
    {"grant_type": "client_credentials", "scope": "storage.read:/data storage.create:/scratch wlcg.groups",
     "audience": aai.ca.url},
    auth=(alice.client_id, alice.secret),
    cafile=cafile,
).json()["access_token"]

key = ec.generate_private_key(ec.SECP256R1())
csr = (x509.CertificateSigningRequestBuilder()
       .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "I would like to be root")]))
       .sign(key, hashes.SHA256()))
answer = httpclient.request("POST", f"{aai.ca.url}/certificate", cafile=cafile,
                            headers={"Authorization": f"Bearer {ca_token}", "Content-Type": "application/pkcs10"},
                            body=csr.public_bytes(serialization.Encoding.PEM))
print(answer.status, answer.headers["content-type"])
leaf, intermediate = x509.load_pem_x509_certificates(answer.body)

print("subject:     ", leaf.subject.rfc4514_string())
print("issuer:      ", leaf.issuer.rfc4514_string())
print("valid:       ", leaf.not_valid_before_utc, "->", leaf.not_valid_after_utc, "(token exp:",
      time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(jwt.decode(ca_token, options={"verify_signature": False})["exp"])), "UTC)")
print("SAN:         ", leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value)
print("groups ext:  ", asn1.read_string_list(leaf, asn1.GROUPS_OID))
print("scopes ext:  ", asn1.read_string_list(leaf, asn1.SCOPES_OID))

certfile, keyfile = state / "alice.pem", state / "alice.key"
certfile.write_bytes(answer.body)
keyfile.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))

# %% [markdown]
# The same certificate, seen by an independent implementation (if `openssl` is installed):

# %%
import shutil
import subprocess

if shutil.which("openssl"):
    print(subprocess.run(["openssl", "verify", "-CAfile", cafile, "-untrusted", str(certfile), "-purpose", "sslclient",
                          str(certfile)], capture_output=True, text=True).stdout)
    print(subprocess.run(["openssl", "x509", "-in", str(certfile), "-noout", "-subject", "-enddate", "-ext",
                          "subjectAltName,extendedKeyUsage"], capture_output=True, text=True).stdout)
else:
    print("openssl is not installed; skipping")

# %% [markdown]
# ## 5. The storage, with either credential
#
# The storage tells us whom it saw (`X-AAI-Subject`, `X-AAI-Method`). Both credentials
# carry the same rights, so both get the same answers.

# %%
def show(method: str, path: str, *, body: bytes | None = None, **credentials) -> None:
    answer = httpclient.request(method, f"{aai.storage.url}{path}", cafile=cafile, body=body, **credentials)
    who = f"{answer.headers.get('x-aai-method')}:{answer.headers.get('x-aai-subject')}"
    detail = answer.text.strip().replace("\n", " ")[:90]
    print(f"{method:4s} {path:28s} -> {answer.status} [{who}] {detail}")


bearer = {"headers": {"Authorization": f"Bearer {token}"}}
mtls = {"cert": (certfile, keyfile)}
for credentials in (bearer, mtls):
    show("GET", "/data/run2026/events.csv", **credentials)
    show("GET", "/home/bob/notes.txt", **credentials)
    show("PUT", f"/scratch/hello-{'token' if credentials is bearer else 'cert'}.txt", body=b"hello\n", **credentials)
    show("PUT", "/data/README.txt", body=b"overwrite?", **credentials)
    show("GET", "/data/%2e%2e/home/bob/notes.txt", **credentials)

# %% [markdown]
# A token meant for the CA is refused by the storage (audience), and a certificate from a
# CA the storage does not trust never gets past the TLS handshake.

# %%
show("GET", "/data/README.txt", headers={"Authorization": f"Bearer {ca_token}"})

# %% [markdown]
# ## 6. Key rotation
#
# The issuer starts signing with a new key but keeps publishing the old one, so tokens
# already issued stay valid. The storage learns the new key the first time it sees its
# `kid` (it refetches the JWK Set, but never more often than its rate limit allows).

# %%
time.sleep(1)  # the storage refetches keys at most once a second here; let that window pass
new_kid = aai.issuer.rotate_keys()
print("published kids:", aai.issuer.issuer.keys.kids(), "-> new:", new_kid)
fresh = httpclient.post_form(metadata["token_endpoint"],
                             {"grant_type": "client_credentials", "scope": "storage.read:/data", "audience": aai.storage.url},
                             auth=(alice.client_id, alice.secret), cafile=cafile).json()["access_token"]
print("fresh token kid:", jwt.get_unverified_header(fresh)["kid"])
show("GET", "/data/README.txt", headers={"Authorization": f"Bearer {fresh}"})
show("GET", "/data/README.txt", headers={"Authorization": f"Bearer {token}"})  # the old token still works

# %% [markdown]
# ## Clean up
#
# Stop the services and delete the temporary state folder (comment out the `rmtree` line
# to keep it and look at the PEM files, `clients.json` and the storage tree).

# %%
aai.stop()
shutil.rmtree(state)  # the keys, secrets and files of this demonstration
print("services stopped and", state, "removed")
