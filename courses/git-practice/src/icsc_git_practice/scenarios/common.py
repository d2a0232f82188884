"""What every scenario shares: the cast, the clock and argument checks.

All names and e-mail addresses are invented; the addresses use ``example.org``, a domain
reserved for documentation (RFC 2606). Dates start on Monday 16 March 2026, 09:00 in
Geneva, the first morning of the school, and advance by seed-dependent steps.
"""

from __future__ import annotations

import random
from pathlib import Path

from icsc_git_practice.gitcli import Person

#: 2026-03-16T09:00:00+01:00 in Unix seconds.
SCHOOL_START = 1773648000

CAST = (
    Person("Alice Martin", "alice.martin@example.org"),
    Person("Bob Nakamura", "bob.nakamura@example.org"),
    Person("Carol Diaz", "carol.diaz@example.org"),
    Person("Dave Okafor", "dave.okafor@example.org"),
    Person("Erin Schulz", "erin.schulz@example.org"),
    Person("Farid Haddad", "farid.haddad@example.org"),
    Person("Grace Ndlovu", "grace.ndlovu@example.org"),
    Person("Heidi Larsen", "heidi.larsen@example.org"),
)

#: The maintainer who owns scenario repositories (their local ``user.name``/``user.email``).
MAINTAINER = Person("Course Robot", "robot@example.org")


def check_seed(seed: int) -> random.Random:
    """A ``random.Random`` for ``seed``; ``TypeError`` unless an int, ``ValueError`` if negative."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        msg = f"seed must be an int, got {type(seed).__name__}"
        raise TypeError(msg)
    if seed < 0:
        msg = f"seed must be >= 0, got {seed}"
        raise ValueError(msg)
    return random.Random(seed)


def check_target(path: str | Path) -> Path:
    """``path`` as a Path; ``ValueError`` if it exists and is not an empty folder."""
    if not isinstance(path, str | Path):
        msg = f"path must be a str or Path, got {type(path).__name__}"
        raise TypeError(msg)
    folder = Path(path)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        msg = f"{folder} exists and is not an empty folder; scenarios are built in a new folder"
        raise ValueError(msg)
    return folder


class Clock:
    """Monotonic commit times: each :meth:`tick` advances by a random 3 to 90 minutes."""

    def __init__(self, rng: random.Random, start: int = SCHOOL_START) -> None:
        self._rng = rng
        self.now = start

    def tick(self) -> int:
        self.now += 60 * self._rng.randint(3, 90)
        return self.now


def cast(rng: random.Random, count: int) -> list[Person]:
    """``count`` distinct people drawn from :data:`CAST`."""
    return rng.sample(CAST, count)
