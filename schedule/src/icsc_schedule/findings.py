"""What a check reports: a :class:`Finding` with a level, a stable code and one sentence."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Level(IntEnum):
    """How serious a finding is; ``ERROR`` makes ``icsc schedule check`` exit 1."""

    ERROR = 0
    WARNING = 1
    INFO = 2

    @property
    def word(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Finding:
    """One reported fact about the programme.

    ``code`` is a stable identifier (``overlapping-lectures``, ``duplicate-part``, ...)
    that tests and scripts can match on; ``ids`` are the contribution ids concerned.
    """

    level: Level
    code: str
    message: str
    ids: tuple[int, ...] = ()


def error(code: str, message: str, ids: tuple[int, ...] = ()) -> Finding:
    return Finding(Level.ERROR, code, message, ids)


def warning(code: str, message: str, ids: tuple[int, ...] = ()) -> Finding:
    return Finding(Level.WARNING, code, message, ids)


def info(code: str, message: str, ids: tuple[int, ...] = ()) -> Finding:
    return Finding(Level.INFO, code, message, ids)


def exit_code(findings: list[Finding]) -> int:
    """1 when any finding is an error, else 0 (warnings and notes do not fail)."""
    return 1 if any(f.level is Level.ERROR for f in findings) else 0
