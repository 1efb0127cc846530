"""The actor knowledge base: countries, institutions, organisations, people and
agent nouns, loaded from the TSV files in ``dotterel/data/actors`` (each file's
header comment records its coding decisions) plus any user files, recognised
by their header line. Every file is validated on load; problems are reported
as ``file:line: problem``.

``lookup`` normalises query and data alike: curly quotes and dashes become
ASCII, diacritics fold, abbreviation dots go ("U.S." -> "US"), hyphens and
commas become spaces, a leading "the " is dropped. Short all-capitals forms
("US", "UN", "IS", "IRGC": at most four characters) match case-sensitively, so
"us" and "is" never match; other names match case-insensitively, except that
an all-lower-case query does not match a name written with capitals ("turkey",
"polish" and "chad" are ordinary words).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from .errors import DataError
from .knowledge_text import (
    _fold,
    normalize_surface,
    _is_acronym,
    _phrase_key,
    _plurals,
    _singulars,
    _FUZZY_MIN,
    _one_slip,
    _surface_variants,
)

__all__ = [
    "Country", "KBEntry", "KnowledgeBase", "KnowledgeBaseError", "SECTOR_CODES",
    "default_actor_dir", "load_knowledge_base", "normalize_surface",
]

# CAMEO role codes, plus IGO/NGO (used as the role of international bodies)
# and REL (CAMEO's generic religion code, used for clerics and religious
# institutions because news treats them as actors of their own).
SECTOR_CODES: frozenset[str] = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "REB", "INS", "SEP", "OPP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "MED", "REF", "MOD", "RAD", "IGO", "NGO", "REL",
})
# Roles of the state: once the holder leaves office they are an elite (ELI).
_STATE_SECTORS = frozenset({"GOV", "LEG", "MIL", "JUD", "COP", "SPY"})
# Prefixes of codes that stand without a country (CAMEO international codes).
_INTERNATIONAL_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "INT", "NGM", "UIS")

_HEADERS: dict[tuple[str, ...], str] = {
    ("iso3", "name", "aliases", "adjectives", "capitals"): "countries",
    ("name", "aliases", "code", "country", "sector", "note"): "organizations",
    ("name", "aliases", "country", "sector", "note"): "institutions",
    ("phrase", "sector", "note"): "sectors",
    ("name", "aliases", "country", "sector", "role", "start", "end", "note"): "people",
    ("region", "aliases", "country", "note"): "regions",
    ("group", "aliases", "country", "note"): "ethnic_groups",
}
# Files of one kind may refer to earlier kinds (people to organisations), so
# kinds load in this order whatever order the files were given in.
_KIND_ORDER = ("countries", "regions", "ethnic_groups", "organizations", "institutions", "sectors", "people")
_DEFAULT_FILES = tuple(f"{kind}.tsv" for kind in _KIND_ORDER)
_VERSION_LINE = re.compile(r"#\s*dotterel actors:.*\bversion\s+(\S+)\s*$", re.IGNORECASE)
_ISO3 = re.compile(r"[A-Z]{3}")
_CODE = re.compile(r"[A-Z]{3,}")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class Country:
    """A country or territory with the names news copy uses for it."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One way a surface form resolves to an actor code."""

    surface: str  # the surface form (as written in the data) that matched
    code: str  # full CAMEO-style actor code: "IRQ", "IRNGOV", "IGOUNO", "LBNREB"
    country: str | None  # ISO3, or None for international bodies
    sector: str | None  # GOV, MIL, ... or None for a bare country
    name: str  # canonical name ("Iraq", "Fuad Hussein", "United Nations")
    kind: str  # "country" | "adjective" | "capital" | "region" | "ethnic" | "institution" | "organization" | "person"
    role: str | None = None
    start: dt.date | None = None  # role period (people only)
    end: dt.date | None = None


class KnowledgeBaseError(DataError, ValueError):
    """A data file is malformed; the message reads ``file:line: problem``."""


class KnowledgeBase:
    """Indexes over the loaded data; build one with ``load_knowledge_base``."""

    def __init__(self, countries: Mapping[str, Country], entries: Iterable[KBEntry],
                 sectors: Mapping[str, str], sector_phrases: Iterable[str]) -> None:
        self._countries = MappingProxyType(dict(countries))
        self._sectors = dict(sectors)
        self._sector_phrases = sorted(set(sector_phrases))
        # Two indexes: acronyms by exact normalised form, everything else by
        # case-folded form, remembering whether the data writes it with capitals.
        self._exact: dict[str, list[KBEntry]] = {}
        self._folded: dict[str, list[tuple[KBEntry, bool]]] = {}
        surfaces: set[str] = set()
        people: set[str] = set()
        seen: set[tuple[str, bool, KBEntry]] = set()
        for entry in entries:
            key = normalize_surface(entry.surface)
            if not key:
                continue
            surfaces.update(_surface_variants(entry.surface))
            if entry.kind == "person":
                people.update(_surface_variants(entry.surface))
            exact, capitals = _is_acronym(key), key != key.lower()
            # Data surfaces that normalise alike ("US", "the U.S.") keep one
            # entry per actor, the first written.
            identity = (key if exact else key.casefold(), capitals, dataclasses.replace(entry, surface=""))
            if identity in seen:
                continue
            seen.add(identity)
            if exact:
                self._exact.setdefault(key, []).append(entry)
            else:
                self._folded.setdefault(key.casefold(), []).append((entry, capitals))
        self._surfaces = sorted(surfaces)
        self._person_surfaces = sorted(people)

    @property
    def countries(self) -> Mapping[str, Country]:
        """All countries by ISO3 code (read-only)."""
        return self._countries

    def country(self, iso3: str) -> Country:
        """The country with this ISO3 code; KeyError if there is none."""
        try:
            return self._countries[iso3]
        except KeyError:
            raise KeyError(f"unknown country code {iso3!r}") from None

    def lookup(self, surface: str) -> list[KBEntry]:
        """Every entry whose surface form matches ``surface`` (see module docs)."""
        key = normalize_surface(surface)
        if not key:
            return []
        found = list(self._exact.get(key, ()))
        lower_query = key == key.lower()
        for entry, has_capitals in self._folded.get(key.casefold(), ()):
            if not (has_capitals and lower_query) and entry not in found:
                found.append(entry)
        return found

    def person(self, surface: str, on: dt.date | None) -> KBEntry | None:
        """The role a named person held on ``on`` (no date: the role that started last).

        If all their roles had ended by then, the last one as an elite (sector
        ELI, role "former <role>"); if none had started, or two different people
        of that name held office that day (ambiguous), None.
        """
        roles: dict[str, list[KBEntry]] = {}
        for entry in self.lookup(surface):
            if entry.kind == "person":
                roles.setdefault(entry.name, []).append(entry)
        if not roles:
            return None
        if on is None:
            return max((e for rs in roles.values() for e in rs), key=_start_key)
        active = {name: [e for e in rs if _holds(e, on)] for name, rs in roles.items()}
        active = {name: rs for name, rs in active.items() if rs}
        if len(active) > 1:
            return None
        if active:
            (held,) = active.values()
            return max(held, key=_start_key)
        ended = [e for rs in roles.values() for e in rs if e.end is not None and e.end < on]
        if not ended:
            return None
        return _as_former(max(ended, key=lambda e: e.end or dt.date.min))

    def near_country(self, word: str) -> list[KBEntry]:
        """The country a misspelt one-word name stands for ("Ethopia",
        "Afganistan"): one letter added, dropped, changed or swapped, the
        first letter and the capital kept; [] when none or several fit."""
        if len(word) < _FUZZY_MIN or not word[0].isupper():
            return []
        folded = word.casefold()
        if folded in self._country_words:
            return []  # a name itself, not a slip ("Guyana" is not "Guyane")
        fits = {iso3 for name, iso3 in self._country_words.items() if name[0] == folded[0] and _one_slip(folded, name)}
        if len(fits) != 1:
            return []
        country = self._countries[fits.pop()]
        return [e for e in self.lookup(country.name) if e.kind == "country"]

    @functools.cached_property
    def _country_words(self) -> dict[str, str]:
        """One-word country names and aliases, case-folded, with their ISO3 code."""
        return {n.casefold(): c.iso3 for c in self._countries.values() for n in (c.name, *c.aliases)
                if " " not in n and len(n) >= _FUZZY_MIN}  # fmt: skip

    def sector_of(self, phrase: str) -> str | None:
        """The role code of an agent noun or phrase ("foreign ministers" -> GOV).

        Plural or lemma forms are both accepted. A phrase starting "former" or
        "ex-" whose remainder is a state role resolves to ELI.
        """
        key = _phrase_key(phrase)
        sector = self._sector_for_key(key)
        if sector is not None:
            return sector
        for prefix in ("former ", "ex "):
            if key.startswith(prefix):
                rest = self._sector_for_key(key[len(prefix):])
                return "ELI" if rest in _STATE_SECTORS else rest
        return None

    def _sector_for_key(self, key: str) -> str | None:
        if key in self._sectors:
            return self._sectors[key]
        for singular in _singulars(key):
            if singular in self._sectors:
                return self._sectors[singular]
        return None

    def sector_phrases(self) -> list[str]:
        """All agent phrases with derived plurals, for a spaCy PhraseMatcher."""
        return list(self._sector_phrases)

    def person_surfaces(self) -> list[str]:
        """The names of people (with the variants ``surfaces`` gives)."""
        return list(self._person_surfaces)

    def surfaces(self) -> list[str]:
        """Every name of a country, adjective, capital, institution, organisation
        or person, with article-less, de-hyphenated and ASCII variants."""
        return list(self._surfaces)


def _start_key(entry: KBEntry) -> dt.date:
    return entry.start or dt.date.min


def _holds(entry: KBEntry, on: dt.date) -> bool:
    return (entry.start is None or entry.start <= on) and (entry.end is None or on <= entry.end)


def _as_former(entry: KBEntry) -> KBEntry:
    """A past role seen from a later date: CAMEO codes former officials ELI."""
    code = entry.code
    if entry.country is not None:  # ISO3 + role; an organisation's code stays
        code = entry.country + "ELI"
    return dataclasses.replace(entry, code=code, sector="ELI", role=f"former {entry.role}")


# ---------------------------------------------------------------- loading


_Rows = list[tuple[int, dict[str, str]]]


def _read_table(path: Path) -> tuple[str, _Rows]:
    """Parse one TSV file: optional version line, comments, header, rows."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(f"{path}:1: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}:1: cannot read file ({exc.strerror})") from None
    header: tuple[str, ...] | None = None
    rows: _Rows = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = line.rstrip("\r")
        if line.startswith("#"):
            version = _VERSION_LINE.match(line)
            if version and version.group(1) != "1":
                raise KnowledgeBaseError(f"{path}:{lineno}: unsupported version {version.group(1)}")
            continue
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = tuple(cells)
            if header not in _HEADERS:
                raise KnowledgeBaseError(f"{path}:{lineno}: unknown header {'|'.join(header)!r}")
            continue
        if len(cells) != len(header):
            raise KnowledgeBaseError(f"{path}:{lineno}: expected {len(header)} columns, found {len(cells)}")
        rows.append((lineno, dict(zip(header, cells, strict=True))))
    if header is None:
        raise KnowledgeBaseError(f"{path}:1: no header line")
    return _HEADERS[header], rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _parse_date(value: str, *, end: bool, where: str) -> dt.date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial end date means its last day."""
    if not value:
        return None
    match = _DATE.fullmatch(value)
    try:
        if not match:
            raise ValueError
        year, month, day = (int(g) if g else 0 for g in match.groups())
        if not month:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if not day:
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return dt.date(year, month, day)
    except ValueError:
        raise KnowledgeBaseError(f"{where}: bad date {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)") from None


class _Builder:
    """Accumulates validated entries from tables, in dependency order."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.org_codes: set[str] = set()  # country-less organisation codes
        self.entries: list[KBEntry] = []
        self.sectors: dict[str, str] = {}
        self.phrases: set[str] = set()
        self.explicit: set[str] = set()  # phrase keys listed in some file
        # Aliases given on any row of a person (in any file) apply to all of
        # that person's roles, so they are attached when the index is built.
        self.person_aliases: dict[str, set[str]] = {}

    def add(self, path: Path, kind: str, rows: _Rows) -> None:
        seen_phrases: dict[str, tuple[str, int]] = {}  # sector phrases of this file
        for lineno, row in rows:
            where = f"{path}:{lineno}"
            if kind == "sectors":
                self._add_sector(row, where, lineno, seen_phrases)
            else:
                getattr(self, f"_add_{kind}")(row, where)

    def _sector(self, value: str, where: str) -> str:
        if value not in SECTOR_CODES:
            raise KnowledgeBaseError(f"{where}: unknown sector code {value!r}")
        return value

    def _iso3(self, value: str, where: str, *, allow_org: bool = False) -> str:
        if allow_org and value in self.org_codes:
            return value
        if not _ISO3.fullmatch(value):
            raise KnowledgeBaseError(f"{where}: country {value!r} is not 3 upper-case letters")
        if value not in self.countries:
            raise KnowledgeBaseError(f"{where}: country {value!r} is not in countries.tsv")
        return value

    @staticmethod
    def _required(row: dict[str, str], column: str, where: str) -> str:
        if not row[column]:
            raise KnowledgeBaseError(f"{where}: empty {column}")
        return row[column]

    def _add_countries(self, row: dict[str, str], where: str) -> None:
        iso3 = row["iso3"]
        if not _ISO3.fullmatch(iso3):
            raise KnowledgeBaseError(f"{where}: iso3 {iso3!r} is not 3 upper-case letters")
        if iso3 in self.countries:
            raise KnowledgeBaseError(f"{where}: duplicate iso3 {iso3!r}")
        country = Country(
            iso3, self._required(row, "name", where), _split(row["aliases"]),
            _split(row["adjectives"]), _split(row["capitals"]),
        )
        self.countries[iso3] = country
        for kind, names in (("country", (country.name, *country.aliases)),
                            ("adjective", country.adjectives), ("capital", country.capitals)):
            for surface in names:
                self.entries.append(KBEntry(surface, iso3, iso3, None, country.name, kind))

    def _add_regions(self, row: dict[str, str], where: str) -> None:
        # A province or region names its country and nothing more ("Darfur" SDN).
        self._add_place(row, where, "region", self._required(row, "region", where))

    def _add_ethnic_groups(self, row: dict[str, str], where: str) -> None:
        # A people living (almost) only in one country: that country, unless
        # the text places them elsewhere (the resolver decides). A people of
        # several countries ("TUR|IRQ|SYR|IRN") gets one entry per country:
        # only a country the text names picks among them.
        name = self._required(row, "group", where)
        for country in _split(self._required(row, "country", where)):
            self._add_place({**row, "country": country}, where, "ethnic", name)

    def _add_place(self, row: dict[str, str], where: str, kind: str, name: str) -> None:
        country = self._iso3(self._required(row, "country", where), where)
        for surface in (name, *_split(row["aliases"])):
            self.entries.append(KBEntry(surface, country, country, None, name, kind))

    def _add_organizations(self, row: dict[str, str], where: str) -> None:
        name = self._required(row, "name", where)
        code = self._required(row, "code", where)
        sector = self._sector(self._required(row, "sector", where), where)
        country = self._iso3(row["country"], where) if row["country"] else None
        if not _CODE.fullmatch(code):
            raise KnowledgeBaseError(f"{where}: code {code!r} is not upper-case letters")
        if country is not None and not code.startswith(country):
            raise KnowledgeBaseError(f"{where}: code {code!r} does not start with country {country}")
        if country is None:
            if not code.startswith(_INTERNATIONAL_PREFIXES):
                prefixes = ", ".join(_INTERNATIONAL_PREFIXES)
                raise KnowledgeBaseError(f"{where}: code {code!r} needs a country or a prefix {prefixes}")
            self.org_codes.add(code)
        for surface in (name, *_split(row["aliases"])):
            self.entries.append(KBEntry(surface, code, country, sector, name, "organization"))

    def _add_institutions(self, row: dict[str, str], where: str) -> None:
        name = self._required(row, "name", where)
        country = self._iso3(self._required(row, "country", where), where)
        sector = self._sector(self._required(row, "sector", where), where)
        code = country + sector
        for surface in (name, *_split(row["aliases"])):
            self.entries.append(KBEntry(surface, code, country, sector, name, "institution"))

    def _add_sector(self, row: dict[str, str], where: str, lineno: int,
                    seen: dict[str, tuple[str, int]]) -> None:
        sector = self._sector(self._required(row, "sector", where), where)
        for phrase in _split(self._required(row, "phrase", where)):
            key = _phrase_key(phrase)
            earlier = seen.get(key)
            if earlier is not None and earlier[0] != sector:
                raise KnowledgeBaseError(
                    f"{where}: phrase {phrase!r} already mapped to {earlier[0]} on line {earlier[1]}")
            seen[key] = (sector, lineno)
            # Later files override earlier ones, but a derived plural never
            # overrides a phrase some file lists explicitly.
            self.sectors[key] = sector
            self.explicit.add(key)
            self.phrases.add(phrase.lower())
            for plural in _plurals(phrase.lower()):
                self.phrases.add(plural)
                if _phrase_key(plural) not in self.explicit:
                    self.sectors[_phrase_key(plural)] = sector

    def _add_people(self, row: dict[str, str], where: str) -> None:
        name = self._required(row, "name", where)
        owner = self._iso3(self._required(row, "country", where), where, allow_org=True)
        sector = self._sector(self._required(row, "sector", where), where)
        role = self._required(row, "role", where)
        start = _parse_date(row["start"], end=False, where=where)
        end = _parse_date(row["end"], end=True, where=where)
        if start and end and end < start:
            raise KnowledgeBaseError(f"{where}: end {row['end']} is before start {row['start']}")
        if owner in self.countries:
            code, country = owner + sector, owner
        else:  # an official of an international body keeps the body's code
            code, country = owner, None
        self.person_aliases.setdefault(name, set()).update(_split(row["aliases"]))
        self.entries.append(KBEntry(name, code, country, sector, name, "person", role, start, end))

    def build(self) -> KnowledgeBase:
        entries = list(self.entries)
        for entry in self.entries:
            if entry.kind == "person":
                for alias in sorted(self.person_aliases.get(entry.name, ())):
                    entries.append(dataclasses.replace(entry, surface=alias))
        return KnowledgeBase(self.countries, entries, self.sectors, self.phrases)


def default_actor_dir() -> Path:
    """The directory of the packaged actor data files."""
    try:
        folder = resources.files("dotterel").joinpath("data", "actors")
        if isinstance(folder, Path) and folder.is_dir():
            return folder
    except (ModuleNotFoundError, TypeError, NotADirectoryError):
        pass
    # Namespace or zipped packages do not give a plain Path: fall back to the
    # directory beside this module, which is where the data is installed.
    return Path(__file__).resolve().parent / "data" / "actors"


def _load(paths: Sequence[Path]) -> KnowledgeBase:
    tables = [(Path(p), *_read_table(Path(p))) for p in paths]
    builder = _Builder()
    # Kinds load in dependency order (people may name organisations), and
    # within a kind in the order the files were given.
    for kind in _KIND_ORDER:
        for path, table_kind, rows in tables:
            if table_kind == kind:
                builder.add(path, kind, rows)
    return builder.build()


@functools.lru_cache(maxsize=1)
def _default_knowledge_base() -> KnowledgeBase:
    folder = default_actor_dir()
    return _load([folder / name for name in _DEFAULT_FILES])


def load_knowledge_base(extra_files: Sequence[Path] = ()) -> KnowledgeBase:
    """Load the packaged data plus ``extra_files`` (user TSVs of any kind).

    The default-only instance is cached; with extra files a new knowledge
    base is built each call. Later files override earlier ones for sector
    phrases; for names, every matching entry is kept.
    """
    if not extra_files:
        return _default_knowledge_base()
    folder = default_actor_dir()
    return _load([*(folder / name for name in _DEFAULT_FILES), *map(Path, extra_files)])
