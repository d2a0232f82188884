"""Draw every figure of the hpo-pathologies lecture notes into src/icsc_hpo_pathologies/lecture/figures/.

Run from the repository root (matplotlib is a maintainer tool, not a course dependency)::

    uv run --with matplotlib python courses/hpo-pathologies/tools/make_figures.py

Every figure is computed from the course library (the catalogue runs, the training loop,
the toy objectives) with fixed seeds, so that the numbers quoted in the notes are the
numbers drawn here. It does not import the reference solutions; where a figure needs a
cure or a metric, it is written out below or taken from scikit-learn and SciPy.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import optuna
from scipy.optimize import minimize_scalar
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    f1_score,
    log_loss,
    r2_score,
    roc_auc_score,
)

from icsc_hpo_pathologies.catalogue import entry, moons_data
from icsc_hpo_pathologies.models import ModelSpec
from icsc_hpo_pathologies.toy_objectives import branin_objective
from icsc_hpo_pathologies.training import RunConfig, TrainSpec, model_outputs, train

FIGURES = (
    Path(__file__).resolve().parents[1] / "src" / "icsc_hpo_pathologies" / "lecture" / "figures"
)
COLOURS = {"broken": "#c0392b", "cured": "#2471a3", "healthy": "#239b56", "grey": "#7f8c8d"}


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def save(fig: plt.Figure, name: str) -> None:
    fig.tight_layout()
    fig.savefig(FIGURES / name, dpi=130)
    plt.close(fig)
    print(f"wrote {FIGURES / name}")


def overfitting() -> None:
    broken_config = entry("overfitting", 0).config
    cured_config = replace(
        broken_config,
        model=replace(broken_config.model, dropout=0.5),
        train=replace(broken_config.train, weight_decay=0.1, early_stopping=5),
    )
    broken, cured = train(broken_config), train(cured_config)
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    for run, label, colour in ((broken, "no regularisation", "broken"), (cured, "dropout 0.5 + L2 0.1 + early stopping", "cured")):  # fmt: skip
        h = run.history
        epochs = np.arange(h.epochs)
        ax.plot(epochs, h.train_loss, ls="--", color=COLOURS[colour], label=f"train, {label}")
        ax.plot(epochs, h.val_loss, color=COLOURS[colour], label=f"validation, {label}")
        ax.plot(h.best_epoch, h.val_loss[h.best_epoch], "o", color=COLOURS[colour])
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("cross-entropy (nats)")
    ax.set_title(
        "Overfitting: 60 noisy samples, 128-128 MLP\n(dots: lowest validation loss)", fontsize=10
    )
    ax.legend(fontsize=7)
    save(fig, "overfitting.png")


def gradient_norms() -> None:
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    cases = (
        ("vanishing_gradients", "10 sigmoid layers (vanishing)", "broken", "o-"),
        ("exploding_gradients", "8 ReLU layers, N(0, 0.5²) weights (exploding)", "broken", "s--"),
        ("healthy_deep", "8 ReLU layers, He initialisation (healthy)", "healthy", "^-"),
    )
    for name, label, colour, style in cases:
        norms = entry(name, 0).run().history.layer_grad_norms[0]
        ax.plot(np.arange(1, len(norms) + 1), norms, style, color=COLOURS[colour], label=label)
    ax.set_yscale("log")
    ax.set_xlabel("layer (1 = next to the input, last = output layer)")
    ax.set_ylabel("mean weight-gradient norm, epoch 0")
    ax.set_title("Per-layer gradient norms tell vanishing from exploding")
    ax.legend(fontsize=7)
    save(fig, "gradient_norms.png")


def autoencoders() -> None:
    rng = np.random.default_rng(12345)
    labels, on_data, on_noise = [], [], []
    for name, label in (("healthy_autoencoder", "2-wide code\n(healthy)"),
                        ("identity_mapping", "16-wide code\n(identity)"),
                        ("ae_collapse", "weight decay 1.0\n(collapse)")):  # fmt: skip
        run = entry(name, 0).run()
        X = run.data.X_val.astype(float)
        noise = rng.standard_normal(X.shape)
        labels.append(label)
        on_data.append(r2_score(X, model_outputs(run.model, X), multioutput="variance_weighted"))
        on_noise.append(
            r2_score(noise, model_outputs(run.model, noise), multioutput="variance_weighted")
        )
    x = np.arange(len(labels))
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    ax.bar(x - 0.18, on_data, 0.36, color=COLOURS["healthy"], label="R² on validation data")
    ax.bar(x + 0.18, on_noise, 0.36, color=COLOURS["broken"], label="R² on standard-normal noise")
    ax.axhline(0, color="black", lw=0.8)
    ax.set_xticks(x, labels)
    ax.set_ylim(-0.2, 1.05)
    ax.set_ylabel("reconstruction R²")
    ax.set_title("An autoencoder that reconstructs noise is copying its input")
    ax.legend(fontsize=7, loc="upper right")
    save(fig, "autoencoders.png")


def loss_vs_metrics() -> None:
    broken, weighted = entry("majority_class", 0).run(), entry("healthy_imbalanced", 0).run()
    y = broken.data.y_val.astype(int)
    names = ["log loss", "accuracy", "balanced\naccuracy", "F1", "ROC AUC"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.6, 3.6))
    for offset, run, label, colour in ((-0.18, broken, "plain cross-entropy", "broken"),
                                       (0.18, weighted, "balanced class weights", "cured")):  # fmt: skip
        z = model_outputs(run.model, run.data.X_val)
        values = [
            log_loss(y, sigmoid(z)),
            accuracy_score(y, z > 0),
            balanced_accuracy_score(y, z > 0),
            f1_score(y, z > 0, zero_division=0.0),
            roc_auc_score(y, z),
        ]
        left.bar(np.arange(5) + offset, values, 0.36, color=COLOURS[colour], label=label)
    left.set_xticks(np.arange(5), names, fontsize=8)
    left.set_title("5 % positives: lower loss, useless model", fontsize=10)
    left.legend(fontsize=7)

    run = entry("overfitting", 0).run()
    z, yv = model_outputs(run.model, run.data.X_val), run.data.y_val.astype(int)
    best = minimize_scalar(
        lambda log_t: log_loss(yv, sigmoid(z / np.exp(log_t)), labels=[0, 1]),
        bounds=(np.log(0.01), np.log(100.0)),
        method="bounded",
    )
    temperature = float(np.exp(best.x))
    edges = np.linspace(0, 1, 11)
    for probs, label, colour in ((sigmoid(z), "as trained", "broken"),
                                 (sigmoid(z / temperature), f"temperature T = {temperature:.1f}", "cured")):  # fmt: skip
        bins = np.clip(np.searchsorted(edges[1:-1], probs), 0, 9)
        centres, freqs = [], []
        for b in range(10):
            if np.any(bins == b):
                centres.append(probs[bins == b].mean())
                freqs.append(yv[bins == b].mean())
        right.plot(centres, freqs, "o-", color=COLOURS[colour], label=label)
    right.plot([0, 1], [0, 1], color=COLOURS["grey"], ls=":", label="perfect calibration")
    right.set_xlabel("mean predicted probability (10 bins)")
    right.set_ylabel("observed frequency of class 1")
    right.set_title("Reliability of the overfitted model", fontsize=10)
    right.legend(fontsize=7)
    save(fig, "loss_vs_metrics.png")


def pruning() -> None:
    data, epochs = moons_data(0), 12

    def objective(trial: optuna.Trial) -> float:
        config = RunConfig(
            data=data,
            model=ModelSpec(hidden=(trial.suggest_int("width", 4, 64, log=True),), init="he"),
            train=TrainSpec(lr=trial.suggest_float("lr", 1e-4, 1e-1, log=True), epochs=epochs,
                            batch_size=100),
            seed=0,
        )  # fmt: skip

        def report(epoch: int, history) -> None:
            trial.report(history.val_metric[-1], step=epoch)
            if trial.should_prune():
                raise optuna.TrialPruned

        return train(config, on_epoch_end=report).history.val_metric[-1]

    study = optuna.create_study(
        direction="maximize",
        sampler=optuna.samplers.RandomSampler(seed=1),
        pruner=optuna.pruners.MedianPruner(n_startup_trials=3, n_warmup_steps=2),
    )
    study.optimize(objective, n_trials=20)
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    for trial in study.trials:
        steps = sorted(trial.intermediate_values)
        values = [trial.intermediate_values[s] for s in steps]
        pruned = trial.state == optuna.trial.TrialState.PRUNED
        ax.plot(steps, values, color=COLOURS["broken" if pruned else "cured"], alpha=0.7,
                lw=1.0 if pruned else 1.6)  # fmt: skip
    n_pruned = sum(t.state == optuna.trial.TrialState.PRUNED for t in study.trials)
    ax.plot([], [], color=COLOURS["cured"], label="completed")
    ax.plot([], [], color=COLOURS["broken"], label=f"pruned ({n_pruned} of 20)")
    ax.set_xlabel("epoch (step of trial.report)")
    ax.set_ylabel("validation accuracy")
    ax.set_title("Median pruner: losers stop early (random sampler, two moons)")
    ax.legend(fontsize=7)
    save(fig, "pruning.png")


def samplers() -> None:
    factories = {
        "random": optuna.samplers.RandomSampler,
        "TPE": optuna.samplers.TPESampler,
        "CMA-ES": optuna.samplers.CmaEsSampler,
    }
    colours = {"random": COLOURS["grey"], "TPE": COLOURS["cured"], "CMA-ES": COLOURS["healthy"]}
    n_trials, seeds = 40, range(5)
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    trials = np.arange(1, n_trials + 1)
    for name, factory in factories.items():
        curves = []
        for seed in seeds:
            study = optuna.create_study(sampler=factory(seed=seed))
            study.optimize(branin_objective, n_trials=n_trials)
            curves.append(np.minimum.accumulate([t.value for t in study.trials]))
        low, median, high = np.percentile(np.array(curves), [25, 50, 75], axis=0)
        ax.plot(trials, median, color=colours[name], label=f"{name} (median of 5 seeds)")
        ax.fill_between(trials, low, high, color=colours[name], alpha=0.2)
    ax.axhline(0.397887, color="black", ls=":", lw=0.8, label="global minimum 0.397887")
    ax.set_yscale("log")
    ax.set_xlabel("trial")
    ax.set_ylabel("best Branin value so far")
    ax.set_title("Same budget, five seeds each (bands: interquartile range)")
    ax.legend(fontsize=7)
    save(fig, "samplers.png")


def main() -> None:
    FIGURES.mkdir(parents=True, exist_ok=True)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    overfitting()
    gradient_norms()
    autoencoders()
    loss_vs_metrics()
    pruning()
    samplers()


if __name__ == "__main__":
    main()
