"""Name normalisation shared by the exercises: case, accents, punctuation, legal forms."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["LEGAL_FORM_TOKENS", "normalize_name", "tokens"]

#: Normalised tokens that only state a legal form and say nothing about who the entity is.
LEGAL_FORM_TOKENS = frozenset(
    [
        "ag",
        "aktiengesellschaft",
        "gmbh",
        "gesellschaft",
        "mbh",
        "sa",
        "societe",
        "anonyme",
        "sas",
        "spa",
        "societa",
        "per",
        "azioni",
        "srl",
        "sociedad",
        "anonima",
        "sl",
        "nv",
        "bv",
        "lda",
        "limitada",
        "oyj",
        "oy",
        "plc",
        "public",
        "limited",
        "company",
        "ltd",
    ]
)
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")  # "s.p.a." -> "spa", "g.m.b.h." -> "gmbh"
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalize_name(name: str) -> str:
    """Lower-case ASCII form of ``name``: accents stripped ("é" -> "e", "ü" -> "u"), dotted
    abbreviations joined, other punctuation to spaces, legal-form words removed, single
    spaces. Raises ``TypeError`` if ``name`` is not a str. May return "" (a name that was
    only a legal form)."""
    if not isinstance(name, str):
        msg = f"name must be a str, got {type(name).__name__}"
        raise TypeError(msg)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    ascii_name = _DOTTED.sub(lambda m: m.group(0).replace(".", "") + " ", ascii_name)
    words = _NON_ALNUM.sub(" ", ascii_name).split()
    return " ".join(w for w in words if w not in LEGAL_FORM_TOKENS)


def tokens(name: str) -> list[str]:
    """The words of :func:`normalize_name` (``name``), in order."""
    return normalize_name(name).split()
