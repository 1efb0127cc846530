"""The CAMEO event-code table and its PLOVER crosswalk.

This module is the only place that knows which CAMEO codes exist.  The codes,
their Goldstein weights, quad classes and PLOVER equivalents live in a data
file (``data/ontology/cameo.tsv``) rather than in code, so that a user can
point dotterel at a corrected or extended table without touching Python.
Because a bad table would silently corrupt every event coded with it, the
loader checks the whole file up front and stops at the first problem with a
message naming the file, the line and what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import DataError

__all__ = [
    "HEADER", "PLOVER_TYPES", "CameoCode", "Ontology", "OntologyError",
    "default_ontology_path", "load_ontology", "quad_class_for_root",
]  # fmt: skip

#: Column names of the TSV table, in order.
HEADER: tuple[str, ...] = (
    "code", "root", "name", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context",
)  # fmt: skip

#: The sixteen PLOVER event types, in the order of the PLOVER manual
#: (cooperative first, most violent last) so listings read naturally.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST",
    "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

_CODE_RE = re.compile(r"[0-9]{2,4}")  # ASCII only: str.isdigit() accepts "²" and Arabic digits

#: Columns every row must fill; the PLOVER columns after them are optional and
#: may be left off the end of a row, because editors strip trailing tabs.
_REQUIRED_COLUMNS = 5


class OntologyError(DataError, ValueError):
    """The ontology table is malformed.

    A :class:`~dotterel.errors.DataError` so the command line reports it as one
    line, and a ``ValueError`` because that is what it is to library callers.
    """


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its scores and PLOVER equivalent.

    ``plover_type`` is ``None`` where PLOVER has no counterpart (bare public
    statements, root 01).  ``plover_context`` may list several contexts
    separated by ``;``.
    """

    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def level(self) -> int:
        """Depth in the hierarchy: 0 for a root, 1 for 3 digits, 2 for 4 digits."""
        return len(self.code) - 2

    @property
    def parent_code(self) -> str | None:
        """The code one level up (``"0311"`` -> ``"031"`` -> ``"03"`` -> None)."""
        return self.code[:-1] if len(self.code) > 2 else None


def quad_class_for_root(root: str) -> int:
    """GDELT/ICEWS quad class of a root code ("01".."20").

    Raises ``ValueError`` for anything outside 01..20.
    """
    n = int(root) if re.fullmatch(r"[0-9]{2}", root) else 0
    if not 1 <= n <= 20:
        raise ValueError(f"root {root!r} is not a CAMEO root (01-20)")
    # 01-05 verbal cooperation, 06-08 material cooperation,
    # 09-13 verbal conflict, 14-20 material conflict.
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


def _problem(c: CameoCode) -> str | None:
    """What is wrong with one code on its own, or None if nothing.

    Shared by the TSV loader and the in-memory constructor so both accept
    exactly the same codes.
    """
    if not _CODE_RE.fullmatch(c.code):
        return f"code {c.code!r} is not 2-4 digits"
    if c.root != c.code[:2]:
        return f"root {c.root!r} of code {c.code} should be {c.code[:2]!r}"
    try:
        expected_quad = quad_class_for_root(c.root)
    except ValueError as exc:
        return str(exc)
    if not c.name.strip():
        return f"code {c.code} has an empty name"
    # NaN passes neither comparison, so it is rejected here too.
    if not (-10.0 <= c.goldstein <= 10.0):
        return f"goldstein {c.goldstein} of code {c.code} is outside [-10, 10]"
    if c.quad_class not in (1, 2, 3, 4):
        return f"quad_class {c.quad_class} of code {c.code} is not 1-4"
    if c.quad_class != expected_quad:
        return (
            f"quad_class {c.quad_class} of code {c.code} disagrees with root {c.root}"
            f" (should be {expected_quad})"
        )
    if c.plover_type is not None and c.plover_type not in PLOVER_TYPES:
        return f"unknown PLOVER type {c.plover_type!r} for code {c.code}"
    return None


def _structure_problems(entries: list[tuple[str, CameoCode]]) -> Iterator[tuple[str, str]]:
    """Yield (where, problem) for duplicates and missing parents.

    ``where`` is the location to report ("file:line" or a source name); these
    checks need the whole table, so they run after every row has been read.
    """
    seen: dict[str, str] = {}
    for where, c in entries:
        if c.code in seen:
            yield where, f"duplicate code {c.code} (first defined at {seen[c.code]})"
        else:
            seen[c.code] = where
    for where, c in entries:
        if c.level >= 1 and c.root not in seen:
            yield where, f"root code {c.root} of {c.code} is missing"
        elif c.level == 2 and c.code[:3] not in seen:
            yield where, f"parent code {c.code[:3]} of {c.code} is missing"


class Ontology:
    """A validated, read-only CAMEO code table with hierarchy look-ups."""

    def __init__(self, codes: Iterable[CameoCode], source: str = "<memory>") -> None:
        self.source = source
        entries = [(f"{source}: code {c.code}", c) for c in codes]
        for where, c in entries:
            problem = _problem(c)
            if problem:
                raise OntologyError(f"{where}: {problem}")
        for where, problem in _structure_problems(entries):
            raise OntologyError(f"{where}: {problem}")
        # Keep file order (roots before their children in the shipped table)
        # for iteration; a dict gives O(1) look-up on top of that.
        self._codes: dict[str, CameoCode] = {c.code: c for _, c in entries}
        children: dict[str, list[CameoCode]] = {code: [] for code in self._codes}
        for c in self._codes.values():
            if c.parent_code is not None:
                children[c.parent_code].append(c)
        self._children = {k: sorted(v, key=lambda c: c.code) for k, v in children.items()}

    @classmethod
    def from_tsv(cls, path: Path) -> Ontology:
        """Read and validate a table in the ``cameo.tsv`` format.

        Lines starting with ``#`` and blank lines are ignored; the first other
        line must be the header.  Empty PLOVER cells at the end of a row may be
        left off.  Raises :class:`OntologyError` naming the file
        and line of the first problem found.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise OntologyError(f"{path}: cannot read ontology table ({exc})") from exc

        entries: list[tuple[str, CameoCode]] = []
        header_seen = False
        for lineno, raw in enumerate(text.splitlines(), start=1):
            where = f"{path}:{lineno}"
            if not raw.strip() or raw.startswith("#"):
                continue
            fields = raw.split("\t")
            if not header_seen:
                if tuple(f.strip() for f in fields) != HEADER:
                    raise OntologyError(f"{where}: header should be {' '.join(HEADER)!r} (tab-separated)")
                header_seen = True
                continue
            if not _REQUIRED_COLUMNS <= len(fields) <= len(HEADER):
                raise OntologyError(
                    f"{where}: expected {_REQUIRED_COLUMNS}-{len(HEADER)} tab-separated columns,"
                    f" found {len(fields)}"
                )
            fields += [""] * (len(HEADER) - len(fields))
            code = _parse_row(fields, where)
            problem = _problem(code)
            if problem:
                raise OntologyError(f"{where}: {problem}")
            entries.append((where, code))
        if not header_seen:
            raise OntologyError(f"{path}: no header line; the table is empty")
        # Report structural errors with line numbers here; the constructor's
        # own checks then pass and only guard in-memory callers.
        for where, problem in _structure_problems(entries):
            raise OntologyError(f"{where}: {problem}")
        return cls((c for _, c in entries), source=str(path))

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``; ``KeyError`` if the table has no such code."""
        try:
            return self._codes[code]
        except KeyError:
            hint = " (codes are strings with leading zeros, e.g. '043')" if not isinstance(code, str) else ""
            raise KeyError(f"unknown CAMEO code {code!r} in ontology {self.source}{hint}") from None

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return f"Ontology({len(self)} codes from {self.source})"

    def roots(self) -> list[CameoCode]:
        """The two-digit root codes, in code order."""
        return sorted((c for c in self._codes.values() if c.level == 0), key=lambda c: c.code)

    def children(self, code: str) -> list[CameoCode]:
        """Direct children of ``code`` (one level down), in code order."""
        self.get(code)  # unknown codes raise rather than look childless
        return list(self._children[code])

    def parent(self, code: str) -> CameoCode | None:
        """The code one level up, or None for a root."""
        parent_code = self.get(code).parent_code
        return None if parent_code is None else self._codes[parent_code]

    def plover_types(self) -> list[str]:
        """PLOVER types used by the table, in the PLOVER manual's order."""
        used = {c.plover_type for c in self._codes.values()}
        return [t for t in PLOVER_TYPES if t in used]


def _parse_row(fields: list[str], where: str) -> CameoCode:
    """Turn one row's cells into a :class:`CameoCode` (types only; no checks)."""
    code, root, name, goldstein, quad, ptype, pmode, pcontext = (f.strip() for f in fields)
    try:
        weight = float(goldstein)
    except ValueError:
        raise OntologyError(f"{where}: goldstein {goldstein!r} is not a number") from None
    try:
        quad_class = int(quad)
    except ValueError:
        raise OntologyError(f"{where}: quad_class {quad!r} is not an integer 1-4") from None
    return CameoCode(
        code=code,
        root=root,
        name=name,
        goldstein=weight,
        quad_class=quad_class,
        # Empty cells mean "no value"; None is clearer to callers than "".
        plover_type=ptype or None,
        plover_mode=pmode or None,
        plover_context=pcontext or None,
    )


def default_ontology_path() -> Path:
    """Location of the table shipped inside the package."""
    # importlib.resources finds package data whether dotterel runs from a
    # source tree or an installed wheel.
    resource = resources.files("dotterel").joinpath("data", "ontology", "cameo.tsv")
    return Path(str(resource))


@lru_cache(maxsize=1)
def _default_ontology() -> Ontology:
    # Cached so every stage shares one parsed table; the cache, not a mutable
    # module global, holds it.
    return Ontology.from_tsv(default_ontology_path())


def load_ontology(path: Path | str | None = None) -> Ontology:
    """Load the shipped table (cached) or a user-supplied one (fresh each call)."""
    if path is None:
        return _default_ontology()
    return Ontology.from_tsv(Path(path))
