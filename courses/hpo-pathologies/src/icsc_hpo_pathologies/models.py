"""Small fully connected networks (MLPs and autoencoders) built from a frozen spec.

A :class:`ModelSpec` says what to build; :func:`build_model` builds it with torch's
current random state (seed it first). Every hidden block is ``Linear -> [BatchNorm1d]
-> activation -> [Dropout]``, each part its own module, so that forward hooks can watch
the activations (:func:`activation_modules`) and gradients can be read per layer
(:func:`linear_layers`).
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass
from typing import Any

import torch
from torch import nn

ACTIVATIONS = {
    "relu": nn.ReLU,
    "leaky_relu": nn.LeakyReLU,
    "tanh": nn.Tanh,
    "sigmoid": nn.Sigmoid,
    "gelu": nn.GELU,
}
INITS = ("default", "he", "xavier", "normal")
KINDS = ("mlp", "autoencoder")


@dataclass(frozen=True)
class ModelSpec:
    """Architecture and initialisation.

    ``hidden``: widths of the hidden layers (for an autoencoder: the encoder's, mirrored
    by the decoder around a linear bottleneck of width ``latent``).
    ``init``: ``"default"`` keeps torch's ``nn.Linear`` initialisation; ``"he"`` is
    Kaiming-normal (fan-in, gain for ReLU), ``"xavier"`` Glorot-normal; ``"normal"`` draws
    every weight from N(0, ``init_std``²). ``bias_init`` (if not ``None``) sets every hidden
    bias to that constant. ``dropout`` is the drop probability after each hidden activation.
    """

    kind: str = "mlp"
    hidden: tuple[int, ...] = (32, 32)
    activation: str = "relu"
    init: str = "default"
    init_std: float = 1.0
    bias_init: float | None = None
    batchnorm: bool = False
    dropout: float = 0.0
    latent: int = 2

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            msg = f"unknown model kind {self.kind!r}; known kinds: {', '.join(KINDS)}"
            raise ValueError(msg)
        if self.activation not in ACTIVATIONS:
            msg = f"unknown activation {self.activation!r}; known: {', '.join(ACTIVATIONS)}"
            raise ValueError(msg)
        if self.init not in INITS:
            msg = f"unknown init {self.init!r}; known: {', '.join(INITS)}"
            raise ValueError(msg)
        if not isinstance(self.hidden, tuple) or any(w < 1 for w in self.hidden):
            msg = f"hidden must be a tuple of positive widths, got {self.hidden!r}"
            raise ValueError(msg)
        if not 0.0 <= self.dropout < 1.0:
            msg = f"dropout must be in [0, 1), got {self.dropout}"
            raise ValueError(msg)
        if self.latent < 1:
            msg = f"latent must be positive, got {self.latent}"
            raise ValueError(msg)

    def to_dict(self) -> dict[str, Any]:
        """Plain data; ``hidden`` stays a tuple."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelSpec:
        """Inverse of :meth:`to_dict`; a list for ``hidden`` is accepted."""
        values = dict(data)
        if isinstance(values.get("hidden"), list):
            values["hidden"] = tuple(values["hidden"])
        return cls(**values)


def _block(n_in: int, n_out: int, spec: ModelSpec) -> list[nn.Module]:
    layers: list[nn.Module] = [nn.Linear(n_in, n_out)]
    if spec.batchnorm:
        layers.append(nn.BatchNorm1d(n_out))
    layers.append(ACTIVATIONS[spec.activation]())
    if spec.dropout > 0:
        layers.append(nn.Dropout(spec.dropout))
    return layers


def _initialise(model: nn.Module, spec: ModelSpec) -> None:
    linears = linear_layers(model)
    for index, layer in enumerate(linears):
        is_output = index == len(linears) - 1
        if spec.init == "he":
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            nn.init.zeros_(layer.bias)
        elif spec.init == "xavier":
            gain = nn.init.calculate_gain(spec.activation if spec.activation != "gelu" else "relu")
            nn.init.xavier_normal_(layer.weight, gain=1.0 if is_output else gain)
            nn.init.zeros_(layer.bias)
        elif spec.init == "normal":
            nn.init.normal_(layer.weight, mean=0.0, std=spec.init_std)
            nn.init.zeros_(layer.bias)
        if spec.bias_init is not None and not is_output:
            nn.init.constant_(layer.bias, spec.bias_init)


class Network(nn.Module):
    """An MLP (``n_inputs -> hidden... -> n_outputs``) or an autoencoder.

    Input: float32 tensor of shape ``(batch, n_inputs)``; output ``(batch, n_outputs)``
    (an autoencoder has ``n_outputs == n_inputs``). For an autoencoder, :meth:`encode`
    gives the bottleneck code of shape ``(batch, latent)``.
    """

    def __init__(self, spec: ModelSpec, n_inputs: int, n_outputs: int) -> None:
        super().__init__()
        self.spec = spec
        widths = [n_inputs, *spec.hidden]
        encoder: list[nn.Module] = []
        for n_in, n_out in itertools.pairwise(widths):
            encoder.extend(_block(n_in, n_out, spec))
        if spec.kind == "autoencoder":
            encoder.append(nn.Linear(widths[-1], spec.latent))
            decoder: list[nn.Module] = []
            back = [spec.latent, *reversed(spec.hidden)]
            for n_in, n_out in itertools.pairwise(back):
                decoder.extend(_block(n_in, n_out, spec))
            decoder.append(nn.Linear(back[-1], n_outputs))
            self.encoder = nn.Sequential(*encoder)
            self.decoder = nn.Sequential(*decoder)
        else:
            encoder.append(nn.Linear(widths[-1], n_outputs))
            self.encoder = nn.Sequential(*encoder)
            self.decoder = nn.Identity()

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        return self.encoder(x)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.decoder(self.encoder(x))


def build_model(spec: ModelSpec, n_inputs: int, n_outputs: int) -> Network:
    """A fresh :class:`Network` initialised as ``spec.init`` says (uses torch's RNG)."""
    if n_inputs < 1 or n_outputs < 1:
        msg = f"n_inputs and n_outputs must be positive, got {n_inputs} and {n_outputs}"
        raise ValueError(msg)
    model = Network(spec, n_inputs, n_outputs)
    _initialise(model, spec)
    return model


def linear_layers(model: nn.Module) -> list[nn.Linear]:
    """The ``nn.Linear`` layers of ``model`` from input to output."""
    return [module for module in model.modules() if isinstance(module, nn.Linear)]


def activation_modules(model: nn.Module) -> list[nn.Module]:
    """The hidden activation modules of ``model`` from input to output."""
    kinds = tuple(ACTIVATIONS.values())
    return [module for module in model.modules() if isinstance(module, kinds)]
