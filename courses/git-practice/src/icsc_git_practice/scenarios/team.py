"""A bare remote and several clones whose owners committed at the same time.

Layout of the scenario folder::

    remote.git/        the shared bare repository (branch main: two commits)
    <member>/          one clone per team member (alice/, bob/, ...), main checked out,
                       with 2 or 3 local commits on main that are not pushed yet
    teammate.log       hashes of the commits the simulated team mate pushed (see below)

Every member edits only their own files, so the work integrates without textual
conflicts; what is hard is the order: whoever pushes second is rejected until they fetch.
With ``race=True`` (the default) each clone also gets a ``pre-push`` hook that, on the
clone's first push only, lets a team mate who has no clone here push a commit first
(:mod:`icsc_git_practice.teammate`), so even a push made right after a fetch is refused
once. Integrating correctly means: fetch, rebase (or merge), push, and retry.
"""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from icsc_git_practice.gitcli import Person, configure_repository, init_repository, run_git
from icsc_git_practice.history import HistoryWriter
from icsc_git_practice.scenarios.common import MAINTAINER, Clock, cast, check_seed, check_target

BRANCH = "main"

HOOK = """#!/bin/sh
# Simulated team mate (icsc-git-practice team scenario): the first push from this clone
# finds that somebody else pushed a moment earlier. Later pushes are left alone.
marker="$(git rev-parse --git-dir)/icsc-race-done"
if [ ! -e "$marker" ]; then
    : > "$marker"
    {command} >&2 || true
fi
exit 0
"""

TASKS = (
    "Record shift summary for day {day}",
    "Add luminosity plot for fill {fill}",
    "Note trigger rate drop in fill {fill}",
    "Update detector status for day {day}",
)


@dataclass(frozen=True)
class Team:
    """The team scenario. ``local_commits[i]`` are clone ``i``'s unpushed commits, oldest first."""

    folder: Path
    seed: int
    remote: Path
    branch: str
    initial_tip: str
    clones: tuple[Path, ...]
    members: tuple[Person, ...]
    local_commits: tuple[tuple[str, ...], ...]
    ghost: Person
    teammate_log: Path
    race: bool

    def ghost_commits(self) -> list[str]:
        """Hashes the simulated team mate pushed so far, in order."""
        if not self.teammate_log.exists():
            return []
        return self.teammate_log.read_text().split()


def team(path: str | Path, seed: int = 0, members: int = 3, race: bool = True) -> Team:
    """Build the team scenario in the new folder ``path``; see the module docstring.

    ``members`` is 2 to 6. Deterministic for a given ``seed``: the remote's and the clones'
    commits have the same hashes every time. ``ValueError`` for a used ``path`` or a
    member count out of range.
    """
    rng = check_seed(seed)
    folder = check_target(path)
    if isinstance(members, bool) or not isinstance(members, int) or not 2 <= members <= 6:
        msg = f"members must be an int from 2 to 6, got {members!r}"
        raise ValueError(msg)
    people = cast(rng, members + 2)
    lead, ghost, crew = people[0], people[1], people[2:]
    clock = Clock(rng)
    folder.mkdir(parents=True, exist_ok=True)
    folder = folder.resolve()
    remote = init_repository(folder / "remote.git", MAINTAINER, bare=True)
    logbook = {p: f"# Logbook of {p.name}\n" for p in crew}

    w = HistoryWriter()
    first = w.commit(f"refs/heads/{BRANCH}", "Start the shift logbook\n", lead, clock.tick(), {
        "README.md": "# Shift logbook\n\nOne file per person in members/; notes/ for short notes.\n",
        **{f"members/{p.name.split()[0].lower()}.md": text for p, text in logbook.items()},
    })  # fmt: skip
    second = w.commit(f"refs/heads/{BRANCH}", "Describe the note format\n", lead, clock.tick(),
                      {"notes/README.md": "Notes are Markdown files named <person>-<n>.md.\n"}, [first])  # fmt: skip
    initial_tip = w.run(remote)[second]
    start = clock.now  # everyone starts working after this moment

    clones: list[Path] = []
    local: list[tuple[str, ...]] = []
    for person in crew:
        name = person.name.split()[0].lower()
        clone = folder / name
        run_git(folder, "clone", "--quiet", "--template=", "--no-hardlinks", str(remote), name)
        configure_repository(clone, person)
        when = start + 60 * rng.randint(1, 30)
        text = logbook[person]
        parent = initial_tip
        marks: list[str] = []
        for _ in range(rng.randint(2, 3)):
            day, fill = rng.randint(1, 5), rng.randint(9000, 9999)
            subject = rng.choice(TASKS).format(day=day, fill=fill)
            text += f"- {subject.lower()}\n"
            changes = {f"members/{name}.md": text}
            if "plot" in subject:
                changes[f"plots/{name}_fill{fill}.txt"] = (
                    f"fill {fill}: {rng.uniform(1, 2):.3f} /fb\n"
                )
            when += 60 * rng.randint(5, 40)
            marks.append(
                w.commit(f"refs/heads/{BRANCH}", f"{subject}\n", person, when, changes, [parent])
            )
            parent = marks[-1]
        shas = w.run(clone)
        run_git(clone, "reset", "--quiet", "--hard", BRANCH)
        local.append(tuple(shas[mark] for mark in marks))
        clones.append(clone)

    log = folder / "teammate.log"
    if race:
        for clone in clones:
            command = shlex.join([
                sys.executable, "-m", "icsc_git_practice.teammate",
                str(remote), BRANCH, str(log), ghost.name, ghost.email, str(start + 3600),
            ])  # fmt: skip
            hook = clone / ".git" / "hooks" / "pre-push"
            hook.write_text(HOOK.format(command=command), encoding="utf-8")
            hook.chmod(0o755)
    return Team(
        folder=folder,
        seed=seed,
        remote=remote,
        branch=BRANCH,
        initial_tip=initial_tip,
        clones=tuple(clones),
        members=tuple(crew),
        local_commits=tuple(local),
        ghost=ghost,
        teammate_log=log,
        race=race,
    )
