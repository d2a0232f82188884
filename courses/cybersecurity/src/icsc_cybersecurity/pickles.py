"""Why ``pickle.load`` on a file from someone else runs their code, shown harmlessly.

A pickle is not data: it is a small program for a stack machine, and two of its
instructions, ``GLOBAL``/``STACK_GLOBAL`` (import any attribute of any module) and
``REDUCE`` (call it with arguments), are all an attacker needs. The Python
documentation says it in a red box: only unpickle data you trust.

:func:`code_execution_pickle` builds a pickle whose *loading* calls ``os.mkdir`` on a
path you choose: a visible, harmless side effect standing in for ``os.system``.
:func:`disassemble` prints the instructions (``pickletools.dis``), so that you can see
the import and the call. The other builders make the legitimate and hostile files of
exercise 6.
"""

from __future__ import annotations

import io
import os
import pickle
import pickletools
from pathlib import Path

import numpy as np


class _MkdirWhenLoaded:
    """Pickles to "call os.mkdir(marker)": ``__reduce__`` says how to rebuild the object."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (os.mkdir, (self.marker,))


class _EvalWhenLoaded:
    """Pickles to "call eval(expression)" (a builtin that a restricted loader must refuse)."""

    def __init__(self, expression: str) -> None:
        self.expression = expression

    def __reduce__(self) -> tuple:
        return (eval, (self.expression,))


def code_execution_pickle(marker: str | Path, protocol: int = 4) -> bytes:
    """A pickle that creates the directory ``marker`` when it is loaded (and returns ``None``)."""
    return pickle.dumps(_MkdirWhenLoaded(str(marker)), protocol=protocol)


def eval_pickle(expression: str = "6 * 7", protocol: int = 4) -> bytes:
    """A pickle that evaluates ``expression`` with ``builtins.eval`` when it is loaded."""
    return pickle.dumps(_EvalWhenLoaded(expression), protocol=protocol)


def disassemble(data: bytes) -> str:
    """The opcode listing of a pickle (``pickletools.dis``), as text. Never executes it."""
    out = io.StringIO()
    pickletools.dis(data, out=out)
    return out.getvalue()


def sample_results(seed: int = 11) -> tuple[dict[str, np.ndarray], dict[str, object]]:
    """Arrays and metadata of a small analysis result, as exercise 6 stores them."""
    rng = np.random.default_rng(seed)
    counts = rng.poisson(40.0, size=48).astype(np.int64)
    edges = np.linspace(80.0, 104.0, 49)
    arrays = {
        "counts": counts,
        "edges": edges,
        "efficiency": rng.uniform(0.8, 0.95, size=(4, 12)).astype(np.float32),
        "good_channels": rng.random(16) > 0.1,
    }
    metadata = {
        "experiment": "zpeak",
        "run": 1,
        "created": "2026-03-18T16:30:00+01:00",
        "parameters": {"bins": 48, "range_gev": [80.0, 104.0], "cuts": ["pt>20", "|eta|<2.4"]},
    }
    return arrays, metadata


def legacy_results_pickle(protocol: int = 4) -> bytes:
    """A pickle of plain Python data (dict, list, tuple, set, complex, bytes): what an
    old pipeline wrote before it switched to safe formats."""
    arrays, metadata = sample_results()
    legacy = {
        "metadata": metadata,
        "counts": [int(n) for n in arrays["counts"]],
        "edges": tuple(float(x) for x in arrays["edges"]),
        "bad_channels": {3, 7},
        "pole": complex(91.19, -1.25),
        "checksum": b"\x00\x01\x02",
    }
    return pickle.dumps(legacy, protocol=protocol)


def write_object_array_npz(path: str | Path) -> Path:
    """An ``.npz`` whose array has dtype ``object`` (stored as a pickle inside the zip)."""
    target = Path(path)
    with target.open("wb") as stream:
        np.savez(stream, events=np.array([{"id": 1}, {"id": 2}], dtype=object))
    return target
