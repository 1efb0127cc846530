"""Text keys of the actor knowledge base: how names are normalised, folded
to ASCII, pluralised and matched with one slip ("Ethopia")."""

from __future__ import annotations

import functools
import re
import unicodedata

# ---------------------------------------------------------------- normalising

_ASCII_PUNCT = str.maketrans(
    "\u2018\u2019\u02bc\u02bf\u02be`\u00b4\u201c\u201d\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00a0",
    "'" * 7 + '""' + "-" * 7 + " ",
)
# Letters that do not decompose under NFKD but have an obvious ASCII form.
_EXTRA_FOLD = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d",
                             "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})
_ABBREVIATION_DOT = re.compile(r"(?<![A-Za-z])([A-Za-z])\.")
_SPACES = re.compile(r"[\s,]+")
_SPACED_INITIALS = re.compile(r"\b([A-Z]) (?=[A-Z]\b)")
_EDGE_PUNCT = " .;:!?\"()[]"


def _fold(text: str) -> str:
    """Straighten quotes and dashes and fold diacritics to ASCII letters."""
    text = text.translate(_ASCII_PUNCT).translate(_EXTRA_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _strip_article(text: str) -> str:
    return text[4:] if text[:4].lower() == "the " else text


@functools.lru_cache(maxsize=131072)
def normalize_surface(text: str) -> str:
    """Normalise a name for matching; case is kept (see the module docstring).
    Cached: the coder looks the same phrases up in every article."""
    text = _ABBREVIATION_DOT.sub(r"\1", _fold(text))
    text = _SPACES.sub(" ", text.replace("-", " ")).strip(_EDGE_PUNCT)
    text = _SPACED_INITIALS.sub(r"\1", text)  # "P W Botha" (from "P. W.") and "PW Botha" alike
    return _strip_article(text).strip()


def _is_acronym(normalized: str) -> bool:
    """Short all-capitals forms ("US", "IS", "IRGC", "MI6") match case-sensitively."""
    letters = sum(ch.isalpha() for ch in normalized)
    return len(normalized) <= 4 and letters >= 2 and not any(ch.islower() for ch in normalized)


def _phrase_key(text: str) -> str:
    """Key for agent phrases: lower case, hyphens as spaces, no leading article."""
    text = _SPACES.sub(" ", _fold(text).lower().replace("-", " ")).strip(_EDGE_PUNCT)
    for article in ("the ", "a ", "an "):
        if text.startswith(article):
            return text[len(article):]
    return text


def _plurals(phrase: str) -> list[str]:
    """Regular English plurals of a phrase's head word (see sectors.tsv)."""
    head_end = phrase.find(" of ")
    if head_end < 0:
        head_end = len(phrase)
    stem, rest = phrase[:head_end], phrase[head_end:]
    word = stem.rsplit(" ", 1)[-1]
    if word.endswith("s"):
        return []
    if word.endswith("person"):
        return [stem + "s" + rest, stem[:-6] + "people" + rest]
    if word.endswith("man"):
        return [stem[:-3] + "men" + rest]
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return [stem[:-1] + "ies" + rest]
    if word.endswith(("x", "z", "ch", "sh")):
        return [stem + "es" + rest]
    return [stem + "s" + rest]


_SINGULAR_RULES = (("men", "man"), ("ies", "y"), ("es", ""), ("s", ""))


def _singulars(key: str) -> list[str]:
    """Candidate singulars of a phrase key, for inputs the table lacks."""
    return [key[: -len(end)] + repl for end, repl in _SINGULAR_RULES if key.endswith(end)]


# ---------------------------------------------------------------- the index


# Misspelt country names are matched from this length on: shorter names are
# a slip away from too many ordinary words ("Iran"/"Iron", "Chad"/"Chat").
_FUZZY_MIN = 6


def _one_slip(a: str, b: str) -> bool:
    """Whether two different words are one edit apart (insertion, deletion,
    substitution, or a swap of neighbouring letters)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])


def _surface_variants(surface: str) -> set[str]:
    base = _strip_article(surface.strip())
    variants = {base, _fold(base)}
    variants |= {v.replace("-", " ") for v in variants}
    # Initials are written spaced or not: "P. W. Botha" and "P.W. Botha".
    variants |= {re.sub(r"\b([A-Z])\. (?=[A-Z]\.)", r"\1.", v) for v in variants}
    variants |= {re.sub(r"\b([A-Z])\.(?=[A-Z]\.)", r"\1. ", v) for v in variants}
    return {v for v in variants if v}
