"""``--icsc-isolate CONFIG``: the trusted pytest run of one graded submission.

The grading job writes an :class:`IsolateConfig` as JSON and starts pytest with
``--icsc-isolate`` pointing at it. :func:`install` (called from the kit plugin's
``pytest_configure``) then

* makes this process non-dumpable (a worker of the same user cannot ptrace it or read
  its memory or file descriptors),
* installs the proxy loader, so ``exercise(name)`` imports the exercise in the worker
  and returns a :class:`~icsc_kit.grading.proxy.ModuleProxy`,
* registers a small plugin that writes the collected test inventory (node id, file,
  points) and stops the worker at the end of the run.
"""

from __future__ import annotations

import ctypes
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pytest

PR_SET_DUMPABLE = 4


@dataclass
class IsolateConfig:
    """What the trusted run needs to start and police its worker (all plain data)."""

    code_dir: str
    work_dir: str
    basetemp: str
    log: str
    deadline: float
    timeout_s: float
    call_timeout_s: float
    privileged: bool
    uid: int | None = None
    gid: int = 65534
    startup_timeout_s: float = 30.0
    python: str = sys.executable
    limits: dict[str, int] = field(default_factory=dict)
    keep: list[str] = field(default_factory=list)
    hide: list[str] = field(default_factory=list)
    importable: list[str] = field(default_factory=list)
    max_transfer_bytes: int = 1 << 30
    inventory: str | None = None
    sandbox_report: str | None = None

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> IsolateConfig:
        return cls(**json.loads(path.read_text(encoding="utf-8")))


def install(config: pytest.Config, path: Path) -> None:
    """Switch this pytest run to grading mode as ``path`` (an IsolateConfig) says."""
    from icsc_kit.grading.session import RemoteSession  # noqa: PLC0415  (light plugin import)
    from icsc_kit.loading import set_loader  # noqa: PLC0415

    isolate = IsolateConfig.read(path)
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    session = RemoteSession(isolate)
    set_loader(config, session.load)
    config.pluginmanager.register(_IsolatePlugin(session, isolate), "icsc-isolate")


class _IsolatePlugin:
    def __init__(self, session: Any, isolate: IsolateConfig) -> None:
        self.session = session
        self.isolate = isolate

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        if not self.isolate.inventory:
            return
        from icsc_kit.pytest_plugin import _points  # noqa: PLC0415  (one rule for points)
        from icsc_kit.results import exercise_prefix  # noqa: PLC0415

        items = [
            {
                "nodeid": item.nodeid,
                "path": str(item.path),
                "points": _points(item),
                "exercise": exercise_prefix(str(item.path)),
            }
            for item in session.items
        ]
        Path(self.isolate.inventory).write_text(json.dumps(items, indent=1), encoding="utf-8")

    def pytest_unconfigure(self) -> None:
        self.session.close()
