"""One local deployment: PKI, registered clients, and the three services, in a state folder.

``start_deployment(state_dir)`` starts issuer, CA and storage on free loopback ports and
leaves in ``state_dir``:

``pki/root.pem``
    The trust anchor every client needs (``cafile``).
``clients.json``
    The registered clients with their secrets and entitlements (mode 0600).
``endpoints.json``
    The URLs of the running services.
``storage/``
    The files the storage service serves.

The test fixtures, the notebook and ``python -m icsc_aai_tokens`` all use it.
"""

from __future__ import annotations

import json
import secrets
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Self

from icsc_aai_tokens import storage, tokens
from icsc_aai_tokens.ca import CAService
from icsc_aai_tokens.issuer import Client, IssuerService
from icsc_aai_tokens.pki import PKI, certificate_pem, private_key_pem
from icsc_aai_tokens.storage import StorageService

_NAMESPACE = uuid.UUID("6f1d2a52-7c1e-4d0b-9a51-3c0f2b8e9d11")

#: Entitlements of the demonstration clients (secrets are generated per state folder).
CLIENT_SPECS: dict[str, dict[str, tuple[str, ...]]] = {
    "alice": {
        "capabilities": (
            "storage.read:/",
            "storage.modify:/home/alice",
            "storage.create:/scratch",
            "compute.create",
        ),
        "default_groups": ("/icsc",),
        "optional_groups": ("/icsc/admins",),
    },
    "bob": {
        "capabilities": (
            "storage.read:/data",
            "storage.read:/home/bob",
            "storage.modify:/home/bob",
        ),
        "default_groups": ("/icsc", "/icsc/students"),
        "optional_groups": (),
    },
}


def subject_for(client_id: str) -> str:
    """A stable, non-human-readable subject (the WLCG profile asks for one, section 2.1.1)."""
    return str(uuid.uuid5(_NAMESPACE, client_id))


def load_or_create_clients(path: Path) -> list[Client]:
    """The clients stored in ``path``, or the demonstration clients with fresh secrets."""
    if path.is_file():
        records = json.loads(path.read_text(encoding="utf-8"))
        return [Client(**{name: tuple(value) if isinstance(value, list) else value for name, value in record.items()})
                for record in records]  # fmt: skip
    clients = [
        Client(client_id, secrets.token_urlsafe(24), subject_for(client_id), **spec)
        for client_id, spec in CLIENT_SPECS.items()
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(
        json.dumps([asdict(client) for client in clients], indent=2) + "\n", encoding="utf-8"
    )
    return clients


def write_server_credentials(pki: PKI, name: str, directory: Path) -> tuple[Path, Path]:
    """Issue a server certificate for ``name``; write ``<name>.pem`` (leaf + chain) and ``<name>.key``."""
    certificate, key = pki.server_certificate(name)
    directory.mkdir(parents=True, exist_ok=True)
    certfile, keyfile = directory / f"{name}.pem", directory / f"{name}.key"
    certfile.write_bytes(
        certificate_pem(certificate) + certificate_pem(pki.intermediate.certificate)
    )
    keyfile.touch(mode=0o600)
    keyfile.write_bytes(private_key_pem(key))
    return certfile, keyfile


def update_endpoints(state_dir: Path, **urls: str) -> None:
    """Merge ``urls`` into ``state_dir/endpoints.json``."""
    path = state_dir / "endpoints.json"
    current = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    current.update(urls)
    path.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")


def read_endpoint(state_dir: Path, name: str) -> str | None:
    path = state_dir / "endpoints.json"
    return json.loads(path.read_text(encoding="utf-8")).get(name) if path.is_file() else None


@dataclass
class Deployment:
    """The running services of one state folder; stop them with :meth:`stop` (or ``with``)."""

    state_dir: Path
    pki: PKI
    clients: dict[str, Client]
    issuer: IssuerService
    ca: CAService
    storage: StorageService

    @property
    def root_ca(self) -> Path:
        """The trust anchor file (PEM) to pass as ``cafile``."""
        return self.state_dir / "pki" / "root.pem"

    @property
    def storage_root(self) -> Path:
        return self.storage.root

    def client(self, client_id: str) -> Client:
        return self.clients[client_id]

    def endpoints(self) -> dict[str, str]:
        return {"issuer": self.issuer.url, "ca": self.ca.url, "storage": self.storage.url}

    def stop(self) -> None:
        for service in (self.storage, self.ca, self.issuer):
            service.stop()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_deployment(
    state_dir: Path,
    *,
    lifetime: int = tokens.DEFAULT_LIFETIME,
    clock: Callable[[], float] = time.time,
    ports: Mapping[str, int] | None = None,
    storage_options: Mapping[str, Any] | None = None,
) -> Deployment:
    """Create (or reuse) the state in ``state_dir`` and start issuer, CA and storage.

    ``ports`` may fix ports per service (default 0: any free port); ``clock`` drives the
    issuer's notion of time (tests use it to mint tokens "in the past").
    """
    state_dir = Path(state_dir)
    ports = dict(ports or {})
    pki = PKI.load_or_create(state_dir / "pki")
    clients = load_or_create_clients(state_dir / "clients.json")
    services_dir = state_dir / "services"
    trust = state_dir / "pki" / "root.pem"
    cert, key = write_server_credentials(pki, "issuer", services_dir)
    issuer = IssuerService(
        clients,
        certfile=cert,
        keyfile=key,
        port=ports.get("issuer", 0),
        lifetime=lifetime,
        clock=clock,
    )
    cert, key = write_server_credentials(pki, "ca", services_dir)
    ca = CAService(
        pki, issuer.url, certfile=cert, keyfile=key, trust_cafile=trust, port=ports.get("ca", 0)
    )
    cert, key = write_server_credentials(pki, "storage", services_dir)
    storage.seed(state_dir / "storage")
    store = StorageService(
        state_dir / "storage", issuer.url, certfile=cert, keyfile=key, trust_cafile=trust,
        port=ports.get("storage", 0), **dict(storage_options or {}),
    )  # fmt: skip
    for service in (issuer, ca, store):
        service.start()
    update_endpoints(state_dir, issuer=issuer.url, ca=ca.url, storage=store.url)
    return Deployment(
        state_dir, pki, {client.client_id: client for client in clients}, issuer, ca, store
    )
