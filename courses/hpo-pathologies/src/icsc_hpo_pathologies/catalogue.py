"""A catalogue of deliberately broken training runs, and healthy ones to compare with.

Each entry is a :class:`RunConfig` plus what a good diagnosis of it says: the pathology it
was built to show (``expected``) and the knock-on symptoms a diagnosis may also report
(``tolerated``; for instance a network whose ReLUs all died also predicts a single class).
Healthy entries expect nothing and tolerate nothing. Every entry is a function of a seed:
the seed picks the data sample and the initial weights, the recipe stays the same.

Pathologies (the names are the vocabulary of the exercises):

``overfitting``          a wide MLP fitted to 60 noisy samples for 60 epochs
``majority_class``       plain cross-entropy on 5 % positives: always predicts "negative"
``dead_relu``            hidden biases initialised at -3: every ReLU outputs zero
``exploding_gradients``  an 8-layer ReLU MLP with weights drawn from N(0, 0.5²)
``vanishing_gradients``  a 10-layer sigmoid MLP: the first layers get no gradient
``identity_mapping``     an autoencoder with a code wider than its input copies anything
``ae_collapse``          an over-regularised autoencoder that outputs the mean
``divergence``           SGD with a learning rate far above 2/L: the loss goes to NaN
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from icsc_hpo_pathologies.data import DataSpec
from icsc_hpo_pathologies.models import ModelSpec
from icsc_hpo_pathologies.training import Run, RunConfig, TrainSpec, train

PATHOLOGIES = (
    "overfitting",
    "majority_class",
    "dead_relu",
    "exploding_gradients",
    "vanishing_gradients",
    "identity_mapping",
    "ae_collapse",
    "divergence",
)
HEALTHY = (
    "healthy_classifier",
    "healthy_imbalanced",
    "healthy_deep",
    "healthy_autoencoder",
    "healthy_regression",
)


@dataclass(frozen=True)
class Entry:
    """One catalogue run: its name, config and what a diagnosis should say about it."""

    name: str
    config: RunConfig
    expected: frozenset[str]
    tolerated: frozenset[str]
    description: str

    def run(self) -> Run:
        """Train it (deterministic for a given seed on a given machine)."""
        return train(self.config)


# -- data sets ------------------------------------------------------------------------------
def moons_data(seed: int) -> DataSpec:
    """Two moons, 400 + 400 samples, noise 0.25."""
    return DataSpec("moons", n_train=400, n_val=400, noise=0.25, seed=seed)


def small_noisy_data(seed: int) -> DataSpec:
    """60 training samples, 30 features of which 2 informative, 10 % flipped labels."""
    return DataSpec("noisy_small", n_train=60, n_val=400, n_features=30, seed=seed)


def imbalanced_data(seed: int) -> DataSpec:
    """800 + 800 samples, 8 features, 5 % positives, class separation 0.7."""
    return DataSpec(
        "imbalanced", n_train=800, n_val=800, n_features=8, minority_fraction=0.05,
        class_sep=0.7, seed=seed,
    )  # fmt: skip


def manifold_data(seed: int) -> DataSpec:
    """A 2-D curved surface in 10 dimensions, noise 0.05, 500 + 500 samples."""
    return DataSpec(
        "manifold", n_train=500, n_val=500, n_features=10, latent_dim=2, noise=0.05, seed=seed
    )


def regression_data(seed: int) -> DataSpec:
    """A noisy linear target on 8 standard-normal features, 400 + 400 samples."""
    return DataSpec("regression", n_train=400, n_val=400, n_features=8, noise=0.3, seed=seed)


# -- recipes --------------------------------------------------------------------------------
def _recipes(seed: int) -> dict[str, tuple[RunConfig, frozenset[str], str]]:
    """name -> (config, tolerated symptoms, description)."""
    single_class = frozenset({"majority_class"})
    no_gradient = frozenset({"majority_class", "vanishing_gradients"})
    ae = ModelSpec(kind="autoencoder", hidden=(32,), activation="tanh", latent=2)
    ae_train = TrainSpec(epochs=25, batch_size=100, lr=2e-2)
    deep = (32,) * 8
    fast = TrainSpec(epochs=20, batch_size=100)
    return {
        "overfitting": (
            RunConfig(
                small_noisy_data(seed),
                ModelSpec(hidden=(128, 128)),
                TrainSpec(epochs=60, batch_size=60, lr=1e-2),
                seed,
            ),
            frozenset(),
            "A 128-128 MLP fitted to 60 noisy samples for 60 epochs without regularisation.",
        ),
        "majority_class": (
            RunConfig(
                imbalanced_data(seed),
                ModelSpec(hidden=(16,)),
                TrainSpec(optimizer="sgd", lr=0.1, epochs=20, batch_size=200),
                seed,
            ),
            frozenset(),
            "Unweighted cross-entropy on 5 % positives: predicting 'negative' is 95 % right.",
        ),
        "dead_relu": (
            RunConfig(moons_data(seed), ModelSpec(hidden=(32, 32), bias_init=-3.0), fast, seed),
            no_gradient,
            "Hidden biases start at -3: no ReLU ever fires, so none ever gets a gradient.",
        ),
        "exploding_gradients": (
            RunConfig(
                moons_data(seed),
                ModelSpec(hidden=deep, init="normal", init_std=0.5),
                TrainSpec(optimizer="sgd", lr=1e-3, epochs=15, batch_size=100),
                seed,
            ),
            frozenset({"divergence"}),
            (
                "8 ReLU layers with weights from N(0, 0.5²), twice He's standard deviation for "
                "width 32: activations and gradients grow by ~2x per layer."
            ),
        ),
        "vanishing_gradients": (
            RunConfig(
                moons_data(seed),
                ModelSpec(hidden=(32,) * 10, activation="sigmoid"),
                TrainSpec(optimizer="sgd", lr=0.1, epochs=15, batch_size=100),
                seed,
            ),
            single_class,
            "10 sigmoid layers: each multiplies the backward signal by at most 1/4.",
        ),
        "identity_mapping": (
            RunConfig(
                manifold_data(seed),
                ModelSpec(kind="autoencoder", hidden=(64,), activation="tanh", latent=16),
                ae_train,
                seed,
            ),
            frozenset(),
            "An autoencoder whose 16-wide code is wider than its 10 inputs: it learns to copy.",
        ),
        "ae_collapse": (
            RunConfig(manifold_data(seed), ae, replace(ae_train, weight_decay=1.0), seed),
            frozenset({"vanishing_gradients"}),
            "L2 weight decay 1.0 squeezes every weight to zero: the output is the data mean.",
        ),
        "divergence": (
            RunConfig(
                regression_data(seed),
                ModelSpec(hidden=(32,)),
                TrainSpec(optimizer="sgd", lr=1.0, epochs=15, batch_size=100),
                seed,
            ),
            frozenset({"exploding_gradients"}),
            "Plain SGD with learning rate 1.0 on a least-squares problem: every step overshoots.",
        ),
        "healthy_classifier": (
            RunConfig(moons_data(seed), ModelSpec(hidden=(32, 32), init="he"), fast, seed),
            frozenset(),
            "A 32-32 ReLU MLP on two moons, He initialisation, Adam 1e-2.",
        ),
        "healthy_imbalanced": (
            RunConfig(
                imbalanced_data(seed),
                ModelSpec(hidden=(16,)),
                TrainSpec(
                    optimizer="sgd", lr=0.1, epochs=20, batch_size=200, class_weight="balanced"
                ),
                seed,
            ),
            frozenset(),
            "The majority_class recipe with balanced class weights.",
        ),
        "healthy_deep": (
            RunConfig(
                moons_data(seed),
                ModelSpec(hidden=deep, init="he"),
                TrainSpec(lr=3e-3, epochs=15, batch_size=100),
                seed,
            ),
            frozenset(),
            "8 ReLU layers with He initialisation: gradients keep their size through depth.",
        ),
        "healthy_autoencoder": (
            RunConfig(manifold_data(seed), ae, ae_train, seed),
            frozenset(),
            "A 10-32-2-32-10 tanh autoencoder on data that really is two-dimensional.",
        ),
        "healthy_regression": (
            RunConfig(
                regression_data(seed),
                ModelSpec(hidden=(32,)),
                TrainSpec(epochs=15, batch_size=100),
                seed,
            ),
            frozenset(),
            "The divergence recipe with Adam at 1e-2.",
        ),
    }


def entry(name: str, seed: int = 0) -> Entry:
    """The catalogue entry ``name`` (a pathology or a ``healthy_*`` name) for ``seed``."""
    recipes = _recipes(seed)
    if name not in recipes:
        msg = f"no catalogue entry {name!r}; known: {', '.join(recipes)}"
        raise ValueError(msg)
    config, tolerated, description = recipes[name]
    expected = frozenset({name}) if name in PATHOLOGIES else frozenset()
    return Entry(name, config, expected, tolerated, description)


def entries(seed: int = 0) -> list[Entry]:
    """Every entry, broken ones first, for ``seed``."""
    return [entry(name, seed) for name in (*PATHOLOGIES, *HEALTHY)]
