"""Two branches that conflict in a known way, and the result each policy must give.

``main`` (checked out, "ours") and ``topic/tighter-cuts`` ("theirs") both start from the
same commit. In ``config/selection.cfg`` they change the same two lines differently
(two conflicting hunks) and each also changes a line of its own (clean hunks); in
``config/binning.cfg`` they conflict once more. ``main`` also edits ``README.md``; the
topic branch adds ``docs/cuts.md``. Changed lines are at least four lines apart, so
git sees exactly the conflicts listed here.

:meth:`ConflictingBranches.expected_files` gives, for each policy, every file of the
merge result, computed from this line model (not by git).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from icsc_git_practice.gitcli import init_repository, run_git
from icsc_git_practice.history import HistoryWriter
from icsc_git_practice.scenarios.common import MAINTAINER, Clock, cast, check_seed, check_target

OURS = "main"
THEIRS = "topic/tighter-cuts"
POLICIES = ("ours", "theirs", "union")


@dataclass(frozen=True)
class EditedFile:
    """A file as a list of base lines plus the line replacements of each side."""

    base: tuple[str, ...]
    ours: dict[int, tuple[str, ...]] = field(default_factory=dict)
    theirs: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def render(self, side: str | None = None, policy: str | None = None) -> str:
        """The file on one side (``"ours"``/``"theirs"``/``None`` = base) or merged by ``policy``."""
        out: list[str] = []
        for index, line in enumerate(self.base):
            mine, yours = self.ours.get(index), self.theirs.get(index)
            if side == "ours" and mine is not None:
                out.extend(mine)
            elif side == "theirs" and yours is not None:
                out.extend(yours)
            elif policy is not None and (mine is not None or yours is not None):
                out.extend(_resolve(mine, yours, policy))
            else:
                out.append(line)
        return "".join(f"{line}\n" for line in out)

    def conflicts(self) -> int:
        return len(set(self.ours) & set(self.theirs))


def _resolve(
    mine: tuple[str, ...] | None, yours: tuple[str, ...] | None, policy: str
) -> tuple[str, ...]:
    if mine is None:
        assert yours is not None
        return yours
    if yours is None:
        return mine
    return {"ours": mine, "theirs": yours, "union": mine + yours}[policy]


@dataclass(frozen=True)
class ConflictingBranches:
    """The conflict scenario: merge ``theirs`` into the checked-out ``ours``.

    ``ours_tip``/``theirs_tip`` are the branch tips before the merge; ``edited`` holds
    the line model of each conflicting file; ``plain`` the other files of the result.
    """

    repo: Path
    seed: int
    ours: str
    theirs: str
    ours_tip: str
    theirs_tip: str
    conflicted_paths: tuple[str, ...]
    edited: dict[str, EditedFile]
    plain: dict[str, str]

    def expected_files(self, policy: str) -> dict[str, str]:
        """Every file of the correct merge result under ``policy``; ``ValueError`` if unknown."""
        if policy not in POLICIES:
            msg = f"policy must be one of {POLICIES}, got {policy!r}"
            raise ValueError(msg)
        files = {path: model.render(policy=policy) for path, model in self.edited.items()}
        files.update(self.plain)
        return dict(sorted(files.items()))


def _selection(rng_values: list[int]) -> tuple[str, ...]:
    pt, eta, iso, met, jets = rng_values
    lines = ["# Event selection of the dimuon analysis", "[muons]"]
    lines += [f"pt_min_gev = {pt}", "eta_max = 2.4", "id = tight", "", "[isolation]"]
    lines += ["cone = 0.4", f"relative_max = 0.{iso}", "use_pf = true", "", "[events]"]
    lines += [f"met_max_gev = {met}", "trigger = HLT_DoubleMu", "vertex_ndof_min = 4", "", "[jets]"]
    lines += [f"n_max = {jets}", "pt_min_gev = 30", "btag_veto = true", "", "[output]"]
    lines += [f"eta_bins = {eta}", "format = parquet", "compression = zstd", "# end"]
    return tuple(lines)


def conflicting_branches(path: str | Path, seed: int = 0) -> ConflictingBranches:
    """Build the conflict scenario in the new folder ``path``; ``main`` is checked out.

    Deterministic for a given ``seed``. ``ValueError`` if ``path`` is not new or empty.
    """
    rng = check_seed(seed)
    folder = check_target(path)
    alice, bob, carol = cast(rng, 3)
    clock = Clock(rng)
    repo = init_repository(folder, MAINTAINER)

    pt, met = rng.randint(15, 25), rng.randint(40, 80)
    base_sel = _selection([pt, 25, rng.randint(10, 20), met, rng.randint(3, 6)])
    # line indices: 2 pt_min, 8 relative_max, 12 met_max, 17 n_max, 22 eta_bins
    selection = EditedFile(
        base=base_sel,
        ours={
            2: (f"pt_min_gev = {pt + 5}",),
            12: (f"met_max_gev = {met - 10}",),
            22: ("eta_bins = 20",),
        },
        theirs={
            2: (f"pt_min_gev = {pt + 10}",),
            8: ("relative_max = 0.08",),
            22: ("eta_bins = 50",),
        },
    )
    base_bin = tuple(
        ["# Histogram binning"]
        + [f"mass_{i}_gev = {60 + 10 * i}" for i in range(6)]
        + ["# end of binning"]
    )
    binning = EditedFile(
        base=base_bin,
        ours={3: ("mass_2_gev = 85", "mass_2b_gev = 90")},
        theirs={3: ("mass_2_gev = 82", "mass_2b_gev = 88")},
    )
    readme = "# Dimuon analysis\n\nRun `make selection` to apply the cuts.\n"
    readme_ours = readme + "\nCuts are documented in the analysis note.\n"
    docs = f"# Tighter cuts\n\nRaising pt_min to {pt + 10} GeV removes most fake muons.\n"

    w = HistoryWriter()
    base = w.commit("refs/heads/main", "Add selection and binning configuration\n", carol, clock.tick(), {
        "config/selection.cfg": selection.render(),
        "config/binning.cfg": binning.render(),
        "README.md": readme,
    })  # fmt: skip
    topic = f"refs/heads/{THEIRS}"
    t1 = w.commit(topic, "Tighten muon and isolation cuts\n", bob, clock.tick(),
                  {"config/selection.cfg": selection.render("theirs")}, [base])  # fmt: skip
    t2 = w.commit(topic, "Use finer mass bins near the Z peak\n", bob, clock.tick(),
                  {"config/binning.cfg": binning.render("theirs"), "docs/cuts.md": docs}, [t1])  # fmt: skip
    o1 = w.commit("refs/heads/main", "Loosen MET cut, refine eta and mass binning\n", alice, clock.tick(), {
        "config/selection.cfg": selection.render("ours"),
        "config/binning.cfg": binning.render("ours"),
    }, [base])  # fmt: skip
    o2 = w.commit("refs/heads/main", "Point README to the analysis note\n", alice, clock.tick(),
                  {"README.md": readme_ours}, [o1])  # fmt: skip
    marks = w.run(repo)
    run_git(repo, "checkout", "--quiet", "--force", OURS)
    return ConflictingBranches(
        repo=repo,
        seed=seed,
        ours=OURS,
        theirs=THEIRS,
        ours_tip=marks[o2],
        theirs_tip=marks[t2],
        conflicted_paths=("config/binning.cfg", "config/selection.cfg"),
        edited={"config/selection.cfg": selection, "config/binning.cfg": binning},
        plain={"README.md": readme_ours, "docs/cuts.md": docs},
    )
