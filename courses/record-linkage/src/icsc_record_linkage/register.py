"""A seeded synthetic register of legal entities with ground truth, for entity resolution.

Each *entity* (a company) appears in the register as one or more *records* whose names
differ the way real counterparty registers differ: legal-form variants ("AG",
"Aktiengesellschaft"), abbreviations ("HP" for "Hewlett-Packard"), typos, dropped
punctuation and transliterations ("Müller" / "Mueller"). Different entities may share
almost the same name (near-homonyms, like the car maker Ferrari S.p.A. and the wine maker
Ferrari F.lli Lunelli): name similarity alone must not merge them.

:func:`make_register` returns plain data (lists of strings and ints), so that it can be
passed to exercises that run in another process.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from icsc_record_linkage.normalize import LEGAL_FORM_TOKENS

__all__ = ["Register", "make_register", "true_match_pairs"]

COUNTRIES = ("DE", "FR", "IT", "ES", "NL", "AT", "BE", "PT", "FI", "IE")

#: Legal forms per country and their spelled-out or dotted variants.
LEGAL_FORMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "DE": (("AG", "Aktiengesellschaft", "A.G."), ("GmbH", "G.m.b.H.", "Gesellschaft mbH")),
    "AT": (("AG", "Aktiengesellschaft"), ("GmbH", "G.m.b.H.")),
    "FR": (("SA", "S.A.", "Société Anonyme"), ("SAS", "S.A.S.")),
    "IT": (("S.p.A.", "SpA", "Società per Azioni"), ("S.r.l.", "Srl")),
    "ES": (("S.A.", "SA", "Sociedad Anónima"), ("S.L.", "SL")),
    "NL": (("N.V.", "NV"), ("B.V.", "BV")),
    "BE": (("NV", "N.V."), ("SA", "S.A.")),
    "PT": (("S.A.", "SA"), ("Lda", "Limitada")),
    "FI": (("Oyj", "OYJ"), ("Oy", "OY")),
    "IE": (("PLC", "plc", "Public Limited Company"), ("Ltd", "Limited", "Ltd.")),
}

#: Curated entities: (name, abbreviation or "", country). Pairs of near-homonyms share
#: their first word on purpose.
CURATED: tuple[tuple[str, str, str], ...] = (
    ("Hewlett-Packard", "HP", "IE"),
    ("Ferrari", "", "IT"),
    ("Ferrari Fratelli Lunelli", "", "IT"),
    ("Banco Bilbao Vizcaya Argentaria", "BBVA", "ES"),
    ("Bayerische Motoren Werke", "BMW", "DE"),
    ("Bayerische Landesbank", "BayernLB", "DE"),
    ("Müller Milch", "", "DE"),
    ("Müller Holding", "", "AT"),
    ("Société Générale", "SocGen", "FR"),
    ("Crédit Agricole", "", "FR"),
    ("Koninklijke Philips", "Philips", "NL"),
    ("Électricité de France", "EDF", "FR"),
)

_SYLLABLES = (
    "ba", "be", "co", "da", "de", "fi", "gen", "gra", "ka", "lu", "ma", "mer", "no", "pa",
    "ri", "sa", "ter", "to", "va", "vo", "xen", "zu", "tri", "ol", "an", "el", "ber", "stein",
)  # fmt: skip
_SECTOR_WORDS = (
    "Bank", "Energie", "Logistik", "Holding", "Versicherung", "Industrie", "Capital",
    "Telecom", "Foods", "Pharma", "Immobilien", "Transport", "Chemie", "Systems",
)  # fmt: skip
_TRANSLIT = {"ü": "ue", "ö": "oe", "ä": "ae", "ß": "ss", "é": "e", "è": "e", "ó": "o", "á": "a"}


@dataclass(frozen=True)
class Register:
    """A register: ``names[i]``, ``countries[i]`` and ground truth ``entities[i]`` of record i.

    All three are lists of equal length n (records); ``entities`` holds integer entity ids
    in [0, number of entities).
    """

    names: list[str]
    countries: list[str]
    entities: list[int]

    def __len__(self) -> int:
        return len(self.names)


def _invented_name(rng: random.Random) -> str:
    stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    if rng.random() < 0.6:
        return f"{stem} {rng.choice(_SECTOR_WORDS)}"
    return stem


def _typo(name: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    if len(letters) < 4:
        return name
    i = rng.choice(letters[2:])  # keep the first two letters (rarely mistyped)
    kind = rng.randrange(3)
    if kind == 0:  # deletion
        return name[:i] + name[i + 1 :]
    if kind == 1:  # substitution by a neighbour in the alphabet
        return name[:i] + chr((ord(name[i].lower()) - 97 + 1) % 26 + 97) + name[i + 1 :]
    j = min(i + 1, len(name) - 1)  # transposition
    chars = list(name)
    chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


def _transliterate(name: str) -> str:
    return "".join(_TRANSLIT.get(c, _TRANSLIT.get(c.lower(), c)) for c in name)


def _variant(base: str, abbreviation: str, forms: tuple[str, ...], rng: random.Random) -> str:
    """One way a register clerk might have written ``base`` + legal form."""
    name = abbreviation if abbreviation and rng.random() < 0.3 else base
    if rng.random() < 0.3:
        name = name.replace("-", " ")
    if rng.random() < 0.3:
        name = _transliterate(name)
    if rng.random() < 0.2:
        name = _typo(name, rng)
    if rng.random() < 0.15:
        name = name.upper()
    if rng.random() < 0.85:
        name = f"{name} {rng.choice(forms)}"
    return name


def make_register(
    n_entities: int, seed: int = 0, *, max_records: int = 4, curated: bool = True
) -> Register:
    """A synthetic register of ``n_entities`` entities, each with 1..``max_records`` records.

    The first entities are the curated ones (HP, the two Ferraris, ...) when ``curated``
    is true and ``n_entities`` allows; the rest have invented names. Records are shuffled,
    so record order carries no information. The result depends only on the arguments.
    Raises ``ValueError`` if ``n_entities < 1`` or ``max_records < 1``.
    """
    if n_entities < 1 or max_records < 1:
        msg = f"need n_entities >= 1 and max_records >= 1, got {n_entities}, {max_records}"
        raise ValueError(msg)
    rng = random.Random(seed)
    rows: list[tuple[str, str, int]] = []
    for entity in range(n_entities):
        if curated and entity < len(CURATED):
            base, abbreviation, country = CURATED[entity]
        else:
            base, abbreviation, country = _invented_name(rng), "", rng.choice(COUNTRIES)
            words = base.split()
            if len(words) > 1 and rng.random() < 0.5:
                initials = "".join(w[0] for w in words).upper()
                if initials.lower() not in LEGAL_FORM_TOKENS:
                    abbreviation = initials
        forms = rng.choice(LEGAL_FORMS[country])
        n_records = rng.randint(1, max_records)
        for _ in range(n_records):
            rows.append((_variant(base, abbreviation, forms, rng), country, entity))
    rng.shuffle(rows)
    return Register(
        names=[r[0] for r in rows], countries=[r[1] for r in rows], entities=[r[2] for r in rows]
    )


def true_match_pairs(entities: list[int]) -> set[tuple[int, int]]:
    """All record pairs (i, j), i < j, that belong to the same entity (brute force, O(n^2))."""
    return {
        (i, j)
        for i in range(len(entities))
        for j in range(i + 1, len(entities))
        if entities[i] == entities[j]
    }
