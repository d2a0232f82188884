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
# # Hell of Learning Pathologies and Stairway to Hyperparameters: hands-on hour
#
# This notebook drives the exercises from your workspace. Work in the `exNN_*.py` files
# (where they say TODO), run `icsc check` in a terminal, and use the cells below to *look*
# at what your code does. Cells that need an exercise you have not written yet say so
# and carry on. Everything runs on a CPU in seconds.
#
# | time | exercise | what |
# | --- | --- | --- |
# | 15 min | ex01 | diagnose the catalogue of broken runs from their histories |
# | 15 min | ex02 | cure each pathology, watch the metric move |
# | 10 min | ex03 | metrics that disagree with the loss; calibration |
# | 10 min | ex04 | an Optuna objective with pruning |
# | 10 min | ex05 | a study in SQLite that survives a crash |
# | optional | ex06 | tune the tuner: samplers over several seeds |
#
# Plots need matplotlib (`pip install "icsc-hpo-pathologies[figures]"`); without it the
# notebook prints tables instead.

# %%
import importlib.util
import os
import sys
from pathlib import Path

import numpy as np
import optuna

from icsc_hpo_pathologies import catalogue
from icsc_hpo_pathologies.training import RunConfig, configure_torch, predictor, train
from icsc_kit.notebook import attempt, find_exercises, load_exercise

configure_torch(1)  # tiny models: one thread is fastest
optuna.logging.set_verbosity(optuna.logging.WARNING)


EXERCISES = find_exercises("ex01_diagnose.py", env_var="ICSC_HPO_EXERCISES")


def load(name: str):
    """Import (or re-import, after you edited it) exercise `name` from your workspace."""
    return load_exercise(EXERCISES, name)


try:
    import matplotlib.pyplot as plt
except ImportError:
    plt = None

print(f"exercises from {EXERCISES}")

# %% [markdown]
# ## The catalogue
#
# Every entry is a seeded, deliberately broken (or healthy) training run. Train them all
# once (a few seconds) and look at the last epoch of each history.

# %%
runs = {e.name: e.run() for e in catalogue.entries(seed=0)}
print(f"{'run':22s} {'epochs':>6s} {'train loss':>11s} {'val loss':>10s} {'val metric':>11s} {'max |grad|':>11s}")
for name, run in runs.items():
    h = run.history
    print(f"{name:22s} {h.epochs:6d} {h.train_loss[-1]:11.3g} {h.val_loss[-1]:10.3g} "
          f"{h.val_metric[-1]:11.3f} {max(h.grad_norm_max):11.3g}")

# %% [markdown]
# Look at one history in detail: the overfitting run's losses, and the per-layer gradient
# norms of the vanishing-gradient run. What would you measure to tell them apart?

# %%
if plt is not None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.5))
    h = runs["overfitting"].history
    left.plot(h.train_loss, label="train")
    left.plot(h.val_loss, label="validation")
    left.set_yscale("log")
    left.set_xlabel("epoch")
    left.legend()
    left.set_title("overfitting")
    for name in ("vanishing_gradients", "exploding_gradients", "healthy_deep"):
        right.plot(runs[name].history.layer_grad_norms[0], "o-", label=name)
    right.set_yscale("log")
    right.set_xlabel("layer")
    right.legend()
    right.set_title("gradient norm per layer, epoch 0")
    plt.show()

# %% [markdown]
# ## Exercise 1: diagnose
#
# Your `diagnose` receives the history (a `History` or its dict), a `predict(X)` function
# and the data as a dict. Compare its answer with what each run was built to show.

# %%
ex01 = load("ex01_diagnose")
for name, run in runs.items():
    found = attempt(f"ex01 diagnose({name})", ex01.diagnose, run.history, predictor(run.model), run.data.to_dict())
    if found is None:
        break
    entry = catalogue.entry(name, 0)
    verdict = "ok" if entry.expected <= found <= entry.expected | entry.tolerated else "CHECK"
    print(f"{name:22s} -> {sorted(found)!s:45s} {verdict}")

# %% [markdown]
# ## Exercise 2: cure
#
# `cure(pathology, config_dict)` returns a changed configuration. Train it and compare the
# history with the broken one.

# %%
ex02 = load("ex02_cure")
for name in catalogue.PATHOLOGIES:
    cured_dict = attempt(f"ex02 cure({name})", ex02.cure, name, catalogue.entry(name, 0).config.to_dict())
    if cured_dict is None:
        break
    cured = train(RunConfig.from_dict(cured_dict))
    before, after = runs[name].history, cured.history
    print(f"{name:22s} val metric {before.val_metric[-1]:7.3f} -> {after.val_metric[-1]:7.3f}   "
          f"max |grad| {max(before.grad_norm_max):9.3g} -> {max(after.grad_norm_max):9.3g}")

# %% [markdown]
# ## Exercise 3: the loss prefers the useless model
#
# Compare the plain and the class-weighted model on 5 % positives, then recalibrate the
# over-confident overfitted model with a temperature.

# %%
ex03 = load("ex03_metrics")
from icsc_hpo_pathologies.training import model_outputs  # noqa: E402

y = runs["majority_class"].data.y_val.astype(int)
for name in ("majority_class", "healthy_imbalanced"):
    run = runs[name]
    report = attempt("ex03 report", ex03.report, y, model_outputs(run.model, run.data.X_val))
    if report is not None:
        print(name, {k: round(v, 3) for k, v in report.items()})

run = runs["overfitting"]
logits, labels = model_outputs(run.model, run.data.X_val), run.data.y_val.astype(int)
temperature = attempt("ex03 fit_temperature", ex03.fit_temperature, logits, labels)
if temperature is not None:
    before = ex03.expected_calibration_error(labels, 1 / (1 + np.exp(-logits)))
    after = ex03.expected_calibration_error(labels, 1 / (1 + np.exp(-logits / temperature)))
    print(f"T = {temperature:.2f}: ECE {before:.3f} -> {after:.3f}")

# %% [markdown]
# ## Exercise 4: an objective that can be pruned
#
# Run a short study with the median pruner and draw the intermediate values: pruned
# trials stop early.

# %%
ex04 = load("ex04_pruning")
records = attempt("ex04 tune", ex04.tune, catalogue.moons_data(0).to_dict(), n_trials=15, pruner="median", epochs=10)
if records is not None:
    states = [r["state"] for r in records]
    print({s: states.count(s) for s in set(states)})
    best = max((r for r in records if r["state"] == "COMPLETE"), key=lambda r: r["value"])
    print("best:", round(best["value"], 3), best["params"])
    if plt is not None:
        for r in records:
            steps = sorted(r["intermediate"])
            plt.plot(steps, [r["intermediate"][s] for s in steps],
                     color="tab:red" if r["state"] == "PRUNED" else "tab:blue", alpha=0.7)
        plt.xlabel("epoch")
        plt.ylabel("validation accuracy")
        plt.show()

# %% [markdown]
# ## Exercise 5: a study that survives
#
# Start a study in SQLite, "crash" (here: simply stop), and resume. In a terminal you can
# also run a worker of the same study and kill it with Ctrl-C or `kill -9`:
#
# ```
# python -m icsc_hpo_pathologies.study_worker study.db demo 30
# ```

# %%
ex05 = load("ex05_crash_safe_study")
from icsc_hpo_pathologies.toy_objectives import branin_objective  # noqa: E402

db = EXERCISES / "demo_study.db"
first = attempt("ex05 run_study", ex05.run_study, db, "demo", branin_objective, n_trials=5)
if first is not None:
    second = ex05.run_study(db, "demo", branin_objective, n_trials=10)
    print(first, "->", second)
    study = optuna.load_study(study_name="demo", storage=f"sqlite:///{db}")
    for trial in study.trials[-5:]:
        print(trial.number, trial.state.name, trial.value)

# %% [markdown]
# ## Exercise 6 (optional): tune the tuner
#
# Same budget, several seeds: which sampler wins on Branin, and how sure are you?

# %%
ex06 = load("ex06_tune_the_tuner")
curves = attempt("ex06 compare_samplers", ex06.compare_samplers, "branin", ["random", "tpe", "cmaes"], 30, range(5))
if curves is not None:
    print(ex06.summarise(curves))
    if plt is not None:
        for name, curve in curves.items():
            plt.plot(np.arange(1, curve.shape[1] + 1), np.median(curve, axis=0), label=name)
        plt.yscale("log")
        plt.xlabel("trial")
        plt.ylabel("median best value")
        plt.legend()
        plt.show()
