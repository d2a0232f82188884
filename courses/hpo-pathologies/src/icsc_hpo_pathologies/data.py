"""Seeded toy data sets, small enough to train on a CPU in well under a second.

Every data set is described by a frozen :class:`DataSpec` and built by :func:`make_dataset`
into a :class:`Dataset` of float32 numpy arrays. The same spec always gives the same arrays
(numpy's ``RandomState``/``default_rng`` streams are stable for a fixed seed).

Kinds (``DataSpec.kind``):

``"moons"``
    scikit-learn's two interleaving half circles (binary), standardised.
``"noisy_small"``
    scikit-learn's ``make_classification`` with many useless features, 10 % flipped
    labels and only ``n_train`` training samples: made to be overfitted.
``"imbalanced"``
    ``make_classification`` with a minority class of ``minority_fraction``, weakly
    separated: a plain cross-entropy fit predicts the majority class everywhere.
``"regression"``
    a linear target with Gaussian noise on standard-normal features.
``"manifold"``
    points on a curved ``latent_dim``-dimensional surface embedded in ``n_features``
    dimensions plus a little noise: an autoencoder with a ``latent_dim`` bottleneck can
    reconstruct it, random vectors it cannot.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from sklearn.datasets import make_classification, make_moons

KINDS = ("moons", "noisy_small", "imbalanced", "regression", "manifold")
TASKS = {
    "moons": "binary",
    "noisy_small": "binary",
    "imbalanced": "binary",
    "regression": "regression",
    "manifold": "reconstruction",
}


@dataclass(frozen=True)
class DataSpec:
    """What to generate. ``n_train`` + ``n_val`` samples; unused fields are ignored.

    ``noise`` is the moons/manifold noise standard deviation (feature units) or the
    regression noise standard deviation (target units).
    """

    kind: str = "moons"
    n_train: int = 400
    n_val: int = 400
    n_features: int = 2
    noise: float = 0.25
    minority_fraction: float = 0.05
    class_sep: float = 1.0
    latent_dim: int = 2
    seed: int = 0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            msg = f"unknown data kind {self.kind!r}; known kinds: {', '.join(KINDS)}"
            raise ValueError(msg)
        if self.n_train < 2 or self.n_val < 2:
            msg = f"n_train and n_val must be at least 2, got {self.n_train} and {self.n_val}"
            raise ValueError(msg)
        if not 0.0 < self.minority_fraction < 0.5:
            msg = f"minority_fraction must be in (0, 0.5), got {self.minority_fraction}"
            raise ValueError(msg)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for configs written as dicts, and for grading across processes)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DataSpec:
        """Inverse of :meth:`to_dict`; ``TypeError`` names an unknown field."""
        return cls(**data)


@dataclass(frozen=True, eq=False)
class Dataset:
    """Train/validation split as float32 arrays.

    ``X_*`` has shape ``(n, n_features)``. ``y_*`` has shape ``(n,)`` for ``task ==
    "binary"`` (values 0.0/1.0) and ``"regression"``, and equals ``X_*`` for
    ``"reconstruction"`` (autoencoders).
    """

    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    task: str
    spec: DataSpec

    @property
    def n_features(self) -> int:
        return int(self.X_train.shape[1])

    def to_dict(self) -> dict[str, Any]:
        """``{"task", "X_train", "y_train", "X_val", "y_val"}``: plain data, arrays shared."""
        return {
            "task": self.task,
            "X_train": self.X_train,
            "y_train": self.y_train,
            "X_val": self.X_val,
            "y_val": self.y_val,
        }


def _standardise(X_train: np.ndarray, X_val: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std[std == 0] = 1.0
    return (X_train - mean) / std, (X_val - mean) / std


def _generate(spec: DataSpec) -> tuple[np.ndarray, np.ndarray]:
    n = spec.n_train + spec.n_val
    if spec.kind == "moons":
        return make_moons(n_samples=n, noise=spec.noise, random_state=spec.seed)
    if spec.kind == "noisy_small":
        return make_classification(
            n_samples=n,
            n_features=max(spec.n_features, 4),
            n_informative=2,
            n_redundant=0,
            flip_y=0.1,
            class_sep=spec.class_sep,
            random_state=spec.seed,
        )
    if spec.kind == "imbalanced":
        return make_classification(
            n_samples=n,
            n_features=max(spec.n_features, 2),
            n_informative=2,
            n_redundant=0,
            n_clusters_per_class=1,
            weights=[1.0 - spec.minority_fraction],
            flip_y=0.0,
            class_sep=spec.class_sep,
            random_state=spec.seed,
        )
    rng = np.random.default_rng(spec.seed)
    if spec.kind == "regression":
        X = rng.standard_normal((n, spec.n_features))
        w = rng.standard_normal(spec.n_features)
        return X, X @ w + spec.noise * rng.standard_normal(n)
    # manifold: z -> tanh(z A) B, a smooth curved surface, plus isotropic noise.
    z = rng.standard_normal((n, spec.latent_dim))
    A = rng.standard_normal((spec.latent_dim, spec.n_features))
    B = rng.standard_normal((spec.n_features, spec.n_features)) / np.sqrt(spec.n_features)
    X = np.tanh(z @ A) @ B + spec.noise * rng.standard_normal((n, spec.n_features))
    return X, X


def make_dataset(spec: DataSpec) -> Dataset:
    """Build the data set ``spec`` describes: standardised features, float32 arrays.

    The split is the first ``n_train`` samples for training and the rest for validation
    (the generators already shuffle). Standardisation uses training statistics only.
    """
    if not isinstance(spec, DataSpec):
        msg = f"make_dataset needs a DataSpec, got {type(spec).__name__}"
        raise TypeError(msg)
    X, y = _generate(spec)
    X_train, X_val = _standardise(X[: spec.n_train], X[spec.n_train :])
    task = TASKS[spec.kind]
    if task == "reconstruction":
        y_train, y_val = X_train, X_val
    else:
        y_train, y_val = y[: spec.n_train], y[spec.n_train :]
    if task == "regression":
        scale = y_train.std()
        y_train, y_val = y_train / scale, y_val / scale
    return Dataset(
        X_train=np.ascontiguousarray(X_train, dtype=np.float32),
        y_train=np.ascontiguousarray(y_train, dtype=np.float32),
        X_val=np.ascontiguousarray(X_val, dtype=np.float32),
        y_val=np.ascontiguousarray(y_val, dtype=np.float32),
        task=task,
        spec=spec,
    )
