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
# # Integrity, trust and hostile inputs: a walkthrough
#
# This notebook runs every attack of the course on your laptop, harmlessly, and shows
# what the standard tools already do about it. It does **not** solve the exercises; it
# shows you the material they work on:
#
# 1. a dataset, its digests, and what one flipped byte does to them;
# 2. a signature, a forged one, and the question every verifier must answer;
# 3. a requirements file with hashes, and a name that is one keystroke off;
# 4. archives that write outside their folder, and Python's own `data` filter;
# 5. a git history that still holds a "deleted" key;
# 6. a pickle that runs code when it is loaded.
#
# Everything is written to a temporary folder (printed below).

# %%
import base64
import difflib
import hashlib
import json
import pickle
import tarfile
import tempfile
from pathlib import Path

import numpy as np
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from icsc_cybersecurity import archives, datasets, leaks, packages, pickles, pipeline
from icsc_cybersecurity.gitcli import git

work = Path(tempfile.mkdtemp(prefix="icsc-cyber-"))
print("working in", work)

# %% [markdown]
# ## 1. Digests: a fingerprint for every file
#
# A SHA-256 digest is 32 bytes that change unpredictably if *any* input bit changes.
# Flip one byte of a raw-data file and compare.

# %%
paths = datasets.make_dataset(work / "dataset")
print(len(paths), "files, for example:", paths[:3])
events = work / "dataset" / "runs" / "run-0001" / "events.bin"
before = hashlib.sha256(events.read_bytes()).hexdigest()
datasets.flip_byte(events, 100)
after = hashlib.sha256(events.read_bytes()).hexdigest()
differing = sum(bin(a ^ b).count("1") for a, b in zip(bytes.fromhex(before), bytes.fromhex(after)))
print("before:", before)
print("after: ", after)
print(f"{differing} of 256 digest bits changed after flipping one byte")

# %% [markdown]
# Exercise 1 turns this into a manifest of the whole folder and a single Merkle root
# (RFC 6962), and finds changed, missing and extra files.
#
# ## 2. Signatures: who vouches for the digests?
#
# Anybody can recompute digests after changing a file. A signature ties the statement
# "these outputs" to a key. Below, the pipeline signs, then an attacker changes a file
# and signs again **with their own key**, putting their public key in the envelope.

# %%
outputs = work / "outputs"
pipeline.run_pipeline(outputs)
genuine_seed, attacker_seed = pipeline.demo_seed("zpeak pipeline"), pipeline.demo_seed("attacker")
statement = {"pipeline": "zpeak-fit", "files": pipeline.file_digests(outputs)}
envelope = pipeline.make_envelope(statement, genuine_seed)
print("signed bytes start with:", pipeline.canonical_bytes(statement)[:60])

(outputs / "fit.json").write_text('{"peak_gev": 125.0}\n')
forged = pipeline.forge_with_own_key(outputs, "zpeak-fit", attacker_seed)
attacker_key = Ed25519PrivateKey.from_private_bytes(attacker_seed).public_key()
attacker_key.verify(
    base64.b64decode(forged["signature"]), pipeline.canonical_bytes(forged["statement"])
)
print("the forged envelope is *validly signed* by the key it carries:", forged["key_id"][:16], "...")
print("the genuine key id is                                         ", envelope["key_id"][:16], "...")

genuine_key = Ed25519PrivateKey.from_private_bytes(genuine_seed).public_key()
try:
    genuine_key.verify(
        base64.b64decode(forged["signature"]),
        pipeline.canonical_bytes(forged["statement"]),
    )
except InvalidSignature:
    print("under the PINNED genuine key the forgery fails: InvalidSignature")

# %% [markdown]
# The cryptography was never the weak point: the question is *which key you believe*.
# Exercise 2 builds a verifier that only believes keys pinned in advance.
#
# ## 3. Dependencies: hashes protect the bytes, not the name

# %%
scenario = packages.make_artifact_folder(work / "artifacts")
print(scenario["requirements"])
squat = work / "artifacts" / "reqeusts-2.32.3-py3-none-any.whl"
print("sha256 of the typo-squatted wheel:", hashlib.sha256(squat.read_bytes()).hexdigest())
print("... and it is exactly the hash pinned in the file above: pinning the wrong name is still wrong")
print("difflib's guess for 'reqeusts':", difflib.get_close_matches("reqeusts", packages.popular_packages(), n=1))

# %% [markdown]
# ## 4. Archives that write outside their folder
#
# List the members of the hostile tar files *without extracting them*, then let
# Python's PEP 706 `data` filter try.

# %%
(work / "tars").mkdir()
hostile = archives.hostile_tars(work / "tars")
for defect in ["traversal", "symlink-escape", "device", "absolute", "bomb"]:
    with tarfile.open(hostile[defect]) as tar:
        members = [(m.name, m.type.decode(), m.linkname, m.size) for m in tar.getmembers()]
    dest = work / "extract" / defect / "dest"
    dest.mkdir(parents=True)
    try:
        with tarfile.open(hostile[defect]) as tar:
            tar.extractall(dest, filter="data")
        verdict = "extracted (no refusal)"
    except tarfile.TarError as error:
        verdict = f"refused: {type(error).__name__}"
    print(f"{defect:15s} {members[0]} -> data filter {verdict}")
ratio = (10 << 20) / hostile["bomb"].stat().st_size
print(f"the bomb is {hostile['bomb'].stat().st_size} bytes on disk and 10 MiB extracted: ratio {ratio:.0f}")

# %% [markdown]
# The `data` filter stops traversal, links out of the folder and device files, and
# rewrites absolute names; it sets no size limits. Exercise 4 writes an extractor with
# a stricter policy and limits, for tar *and* zip.
#
# ## 5. A deleted key is still in the history

# %%
repo = work / "repo"
commits = leaks.make_leaky_repository(repo)
print(git(repo, "log", "--all", "--oneline", "--date-order"))
print("config/settings.py today:\n" + (repo / "config" / "settings.py").read_text())
key = leaks.planted_secrets()["aws_key_id"]
introduced = git(repo, "log", "--all", "-S", key, "--format=%h %s", "--reverse").splitlines()
print("git log -S finds the key in:", introduced)

# %% [markdown]
# Anyone with a clone can run that command. The only real fix for a leaked credential
# is to **revoke it**; exercise 5 scans every commit of every branch, and notebooks.
#
# ## 6. A pickle is a program
#
# `pickletools.dis` shows the instructions of the demonstrator: an import
# (`STACK_GLOBAL posix mkdir`) and a call (`REDUCE`).

# %%
marker = work / "PICKLE-RAN-CODE"
payload = pickles.code_execution_pickle(marker)
print(pickles.disassemble(payload))
print("marker exists before loading:", marker.exists())
pickle.loads(payload)  # harmless here: it only creates an empty folder
print("marker exists after pickle.loads:", marker.exists())

(work / "disguised.npz").write_bytes(payload)
try:
    np.load(work / "disguised.npz", allow_pickle=False)
except ValueError as error:
    print("np.load(allow_pickle=False) refuses:", error)

arrays, metadata = pickles.sample_results()
print("a safe pair of formats: arrays", sorted(arrays), "and metadata", json.dumps(metadata)[:60], "...")

# %% [markdown]
# Exercise 6 stores results in `.npz` + strict JSON and writes a restricted unpickler
# for the legacy files you cannot avoid. That is the end of the tour.

# %%
print("done; everything is in", work)
