"""A stand-alone study worker: ``python -m icsc_hpo_pathologies.study_worker DB STUDY N``.

It joins (or creates) the study ``STUDY`` in the SQLite file ``DB`` and runs trials of one
of the objectives of :mod:`icsc_hpo_pathologies.toy_objectives` until the study holds
``N`` finished trials, exactly as one worker of a distributed Optuna search would. It is
the process the crash test kills with SIGKILL in the middle of a trial: what it leaves
behind is what a resuming process has to cope with.

Options: ``--objective NAME`` (default ``slow_branin``), ``--seed S`` (the TPE sampler is
seeded with S plus the number of trials already in the study; default 0). Exit status 0 when the goal is reached, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import optuna
from optuna.trial import TrialState

from icsc_hpo_pathologies.toy_objectives import OBJECTIVES


def run_worker(db_path: Path, study_name: str, n_trials: int, objective: str, seed: int) -> int:
    """Run trials until ``n_trials`` are COMPLETE or PRUNED; the number run by this call."""
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(
        storage=f"sqlite:///{db_path.resolve()}", study_name=study_name, load_if_exists=True
    )
    # A joining worker must not replay the random points of those before it.
    study.sampler = optuna.samplers.TPESampler(seed=seed + len(study.trials))
    finished = study.get_trials(deepcopy=False, states=(TrialState.COMPLETE, TrialState.PRUNED))
    missing = max(0, n_trials - len(finished))
    if missing:
        study.optimize(OBJECTIVES[objective], n_trials=missing)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m icsc_hpo_pathologies.study_worker")
    parser.add_argument("db", type=Path, help="SQLite file of the study")
    parser.add_argument("study", help="study name")
    parser.add_argument("n_trials", type=int, help="finished trials the study should hold")
    parser.add_argument("--objective", choices=sorted(OBJECTIVES), default="slow_branin")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.db.resolve().parent.is_dir():
        parser.error(f"the folder of {args.db} does not exist")
    run_worker(args.db, args.study, args.n_trials, args.objective, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
