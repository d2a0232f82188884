"""The documented commands start real services and print where they listen."""

import re
import signal
import subprocess
import sys

import pytest

from icsc_aai_tokens import httpclient

URL = re.compile(r"^(\w+) listening on (https://127\.0\.0\.1:\d+)")


def start(args, cwd):
    return subprocess.Popen(
        [sys.executable, "-m", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_urls(process, count):
    urls = {}
    while len(urls) < count:
        line = process.stdout.readline()
        if not line:
            pytest.fail(f"the service exited early: {process.stderr.read()}")
        if match := URL.match(line):
            urls[match.group(1)] = match.group(2)
    return urls


def stop(process):
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=10)
    finally:
        process.stdout.close()
        process.stderr.close()


def test_one_command_starts_all_three_services(tmp_path):
    process = start(["icsc_aai_tokens", "--state", "state"], tmp_path)
    try:
        urls = read_urls(process, 3)
        cafile = tmp_path / "state" / "pki" / "root.pem"
        metadata = httpclient.get_json(
            f"{urls['issuer']}/.well-known/openid-configuration", cafile=cafile
        )
        assert metadata["issuer"] == urls["issuer"]
        assert (
            httpclient.request("GET", f"{urls['ca']}/root.pem", cafile=cafile).body
            == cafile.read_bytes()
        )
        assert (
            httpclient.request("GET", f"{urls['storage']}/data/README.txt", cafile=cafile).status
            == 401
        )
    finally:
        assert stop(process) == 0


def test_services_started_separately_trust_each_other(tmp_path):
    issuer = start(["icsc_aai_tokens.issuer", "--state", "state"], tmp_path)
    storage = None
    try:
        issuer_url = read_urls(issuer, 1)["issuer"]
        storage = start(["icsc_aai_tokens.storage", "--state", "state"], tmp_path)
        storage_url = read_urls(storage, 1)["storage"]
        cafile = tmp_path / "state" / "pki" / "root.pem"
        import json  # noqa: PLC0415

        alice = next(
            c
            for c in json.loads((tmp_path / "state" / "clients.json").read_text())
            if c["client_id"] == "alice"
        )
        token = httpclient.post_form(f"{issuer_url}/token", {"grant_type": "client_credentials", "scope": "storage.read:/data",
                                     "audience": storage_url}, auth=("alice", alice["secret"]), cafile=cafile).json()["access_token"]  # fmt: skip
        reply = httpclient.request("GET", f"{storage_url}/data/README.txt", cafile=cafile,
                                   headers={"Authorization": f"Bearer {token}"})  # fmt: skip
        assert reply.status == 200
    finally:
        if storage is not None:
            assert stop(storage) == 0
        assert stop(issuer) == 0


def test_ca_without_issuer_is_a_usage_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "icsc_aai_tokens.ca", "--state", str(tmp_path / "empty")],
                            capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert result.returncode == 2
    assert "start the issuer first or pass --issuer" in result.stderr


def test_a_busy_port_is_a_one_line_error(tmp_path):
    import socket  # noqa: PLC0415

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "icsc_aai_tokens.issuer", "--state", str(tmp_path), "--port", str(port)],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: cannot start:")
    assert "Traceback" not in result.stderr
