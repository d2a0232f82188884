"""Command lines that start the services and print where they listen.

``python -m icsc_aai_tokens`` (or ``icsc-aai``) starts all three services;
``python -m icsc_aai_tokens.issuer`` / ``.ca`` / ``.storage`` start one each. All share a
state folder (``--state``, default ``./aai-state``) holding the PKI, the client secrets
and the endpoint list, so separately started services trust each other. Stop with
Ctrl-C. Exit codes: 0 after a clean stop, 2 for a usage error.
"""

# ruff: noqa: T201  (a command line: printing where the services listen is its job)

from __future__ import annotations

import argparse
import json
import logging
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from icsc_aai_tokens import deployment, storage
from icsc_aai_tokens.ca import CAService
from icsc_aai_tokens.httpbase import Service
from icsc_aai_tokens.issuer import IssuerService
from icsc_aai_tokens.pki import PKI
from icsc_aai_tokens.storage import StorageService

DEFAULT_STATE = Path("aai-state")


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        msg = f"port must be an integer, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not 0 <= value <= 65535:
        msg = f"port must be in 0..65535 (0 = any free port), got {value}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _parser(prog: str, description: str, *, needs_issuer: bool) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--state", type=Path, default=DEFAULT_STATE, metavar="DIR",
                        help="state folder with PKI, clients and endpoints (default: %(default)s)")  # fmt: skip
    parser.add_argument(
        "--port", type=_port, default=0, help="port to listen on (default: any free port)"
    )
    if needs_issuer:
        parser.add_argument("--issuer", metavar="URL",
                            help="URL of the trusted token issuer (default: the one in STATE/endpoints.json)")  # fmt: skip
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    return parser


def _wait(services: Sequence[Service]) -> int:
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        print("stopping", flush=True)
    finally:
        for service in services:
            service.stop()
    return 0


def _logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO, format="%(asctime)s %(message)s"
    )


def _usage_error(exc: OSError) -> int:
    print(
        f"error: cannot start: {exc.strerror or exc} ({exc.filename or 'network'})", file=sys.stderr
    )
    return 2


def run_all(argv: Sequence[str] | None = None) -> int:
    """``python -m icsc_aai_tokens``: issuer, CA and storage in one process."""
    parser = argparse.ArgumentParser(prog="python -m icsc_aai_tokens",
                                     description="Start the token issuer, the CA and the storage server.")  # fmt: skip
    parser.add_argument("--state", type=Path, default=DEFAULT_STATE, metavar="DIR",
                        help="state folder (default: %(default)s)")  # fmt: skip
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    _logging(args.verbose)
    try:
        dep = deployment.start_deployment(args.state)
    except OSError as exc:  # a folder we cannot write, no free port, ...
        return _usage_error(exc)
    print(
        f"issuer listening on {dep.issuer.url}  (discovery: {dep.issuer.url}/.well-known/openid-configuration)"
    )
    print(f"ca listening on {dep.ca.url}  (POST /certificate with a bearer token and a CSR)")
    print(f"storage listening on {dep.storage.url}  (bearer token or client certificate)")
    print(f"trust anchor: {dep.root_ca}")
    print(f"clients and secrets: {args.state / 'clients.json'}")
    print("press Ctrl-C to stop", flush=True)
    return _wait([dep.storage, dep.ca, dep.issuer])


def run_single(name: str, argv: Sequence[str] | None = None) -> int:
    """``python -m icsc_aai_tokens.<name>`` for ``name`` in issuer, ca, storage."""
    parser = _parser(
        f"python -m icsc_aai_tokens.{name}",
        f"Start the {name} service.",
        needs_issuer=name != "issuer",
    )
    args = parser.parse_args(argv)
    _logging(args.verbose)
    try:
        return _serve_single(name, args)
    except OSError as exc:  # port in use, a folder we cannot write, ...
        return _usage_error(exc)


def _serve_single(name: str, args: argparse.Namespace) -> int:
    state: Path = args.state
    pki = PKI.load_or_create(state / "pki")
    trust = state / "pki" / "root.pem"
    cert, key = deployment.write_server_credentials(pki, name, state / "services")
    service: Service
    if name == "issuer":
        clients = deployment.load_or_create_clients(state / "clients.json")
        service = IssuerService(clients, certfile=cert, keyfile=key, port=args.port)
    else:
        issuer_url = args.issuer or deployment.read_endpoint(state, "issuer")
        if not issuer_url:
            print(f"error: no issuer URL; start the issuer first or pass --issuer URL (looked in {state}/endpoints.json)",
                  file=sys.stderr)  # fmt: skip
            return 2
        if name == "ca":
            service = CAService(
                pki, issuer_url, certfile=cert, keyfile=key, trust_cafile=trust, port=args.port
            )
        else:
            storage.seed(state / "storage")
            service = StorageService(state / "storage", issuer_url, certfile=cert, keyfile=key,
                                     trust_cafile=trust, port=args.port)  # fmt: skip
    service.start()
    deployment.update_endpoints(state, **{name: service.url})
    print(f"{name} listening on {service.url}")
    print(f"trust anchor: {trust}")
    if name == "issuer":
        print(f"clients and secrets: {state / 'clients.json'}")
        print(json.dumps(service.issuer.metadata(), indent=2))  # type: ignore[attr-defined]
    print("press Ctrl-C to stop", flush=True)
    return _wait([service])
