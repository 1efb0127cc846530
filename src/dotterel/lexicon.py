"""Event patterns: the verb and noun lexicon, loaded from YAML and validated.

A pattern says which words express which CAMEO event and where the target
of the event is found in the parse.  Patterns are data
(``data/lexicon/NN_<root>.yaml``, one file per CAMEO root, and
``light_verbs.yaml``); users add their own files with the same schema.

Schema of one verb pattern::

    - verb: call            # lemma; a particle may follow ("crack down")
      prep: for             # optional: a preposition the verb must govern
      cameo: "020"
      target: [dobj, on]    # where the target is: dobj, dative, or a preposition
      intent: "030"         # optional: the code when the act is only announced (03x or 13x)
      objects: {talks: "026"}   # optional: object noun -> code override
      only_objects: false   # optional: fire only with one of those objects
      predicative: "111"    # optional: code when the object is labelled ("called X a liar")
      labels: {responsible: "112"}  # optional: code for one label ("held X responsible" 112, "held X hostage" 181)
      negated: "125"        # optional: code when the act is negated
      symmetric: false      # optional: A and B acted on each other
      crowd: "141"          # optional: code when a crowd is the subject ("thousands protested")
      note: "..."           # optional: free text, ignored

``light_verbs`` are lemmas ("hold") or phrases that end in the preposition
governing the event noun ("enter into", "claim responsibility for").
``converse_verbs`` are the verbs (or such phrases: "come under") whose subject
undergoes the act that an event noun names, done by the noun's "from" or
"by" party: "received aid from X", "drew condemnation from X" (X is the source).

Noun patterns (``nouns:``) have ``noun`` instead of ``verb`` and are coded
when a light verb governs them ("held talks with") or when they name their
participants ("talks between A and B", "an attack on X").  ``requires`` lists
modifiers without one of which the noun is no event: "games" only as "war
games", "exercise" only as a "joint" or "military" one.

A verb pattern's key is its lemma and the words it requires (particle and
preposition, in any spelling: "crack down" + on == crack + prep down, on); a
noun pattern's key is its lemma.  Two patterns with one key in the packaged
files (or in one user file) are an error naming both; a user file given
later replaces the earlier pattern with that key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError
from .ontology import Ontology, load_ontology

TARGET_SLOTS = frozenset({"dobj", "dative", "iobj", "attr"})
_VERB_KEYS = {
    "verb", "prep", "cameo", "target", "intent", "objects", "only_objects", "predicative", "symmetric", "note",
    "negated", "crowd", "labels",
}
_NOUN_KEYS = {
    "noun", "cameo", "target", "intent", "symmetric", "note", "light_verbs", "modifiers", "crowd", "objects", "posture",
    "requires",
}


class LexiconError(DataError, ValueError):
    """A lexicon file is malformed; the message names file, entry and problem."""


@dataclass(frozen=True, slots=True)
class VerbPattern:
    id: str
    lemma: str
    particle: str | None
    prep: str | None
    cameo: str
    target: tuple[str, ...]
    intent: str | None = None
    negated: str | None = None
    objects: Mapping[str, str] = field(default_factory=dict)
    only_objects: bool = False  # fire only when one of ``objects`` is the object
    predicative: str | None = None  # code when the object gets a label: "called X a liar"
    symmetric: bool = False
    crowd: str | None = None  # code when a crowd acts: "thousands protested" is a demonstration
    # The code for a given label of the object: "held X responsible" 112, "held X hostage" 181.
    labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class NounPattern:
    id: str
    lemma: str
    cameo: str
    target: tuple[str, ...]
    intent: str | None = None
    symmetric: bool = False
    # A modifier that changes the act: "hunger strike" 142, "general strike" 143.
    modifiers: Mapping[str, str] = field(default_factory=dict)
    crowd: str | None = None  # code when a crowd does it: "workers staged a strike" 143
    # The code for what the act is aimed at (the head of a target slot):
    # "an attack on the government's policy" is criticism (111).
    objects: Mapping[str, str] = field(default_factory=dict)
    # The code when the act faces someone rather than being shared with a
    # partner: "held drills near Taiwan" is a show of force (150).
    posture: str | None = None
    # Modifiers one of which the noun needs to name the act ("war games").
    requires: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: Mapping[str, tuple[VerbPattern, ...]]  # by verb lemma
    nouns: Mapping[str, NounPattern]  # by noun lemma
    light_verbs: frozenset[str]
    # Verbs whose subject undergoes the act an event noun names, done by the
    # noun's "from"/"by" party: "received aid from X", "drew condemnation from X".
    converse_verbs: frozenset[str] = frozenset()

    def verb_patterns(self, lemma: str) -> tuple[VerbPattern, ...]:
        return self.verbs.get(lemma, ())

    def noun_pattern(self, lemma: str) -> NounPattern | None:
        return self.nouns.get(lemma)

    def __len__(self) -> int:
        return sum(len(p) for p in self.verbs.values()) + len(self.nouns)


def default_lexicon_files() -> list[Path]:
    folder = resources.files("dotterel") / "data" / "lexicon"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith((".yaml", ".yml")))


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return build_lexicon(default_lexicon_files(), load_ontology())


def load_lexicon(extra_files: Sequence[Path | str] = ()) -> Lexicon:
    """The packaged lexicon plus any user files (later files add or replace patterns)."""
    if not extra_files:
        return _default_lexicon()
    return build_lexicon([*default_lexicon_files(), *map(Path, extra_files)], load_ontology())


def build_lexicon(files: Iterable[Path], ontology: Ontology) -> Lexicon:
    """Read lexicon files in order into one lexicon.

    A verb pattern is keyed by its lemma and the words it requires (particle
    and preposition: "crack down" + "on"); a noun pattern by its lemma.  Two
    patterns with the same key in the packaged files, or in one user file, are
    an error that names both entries.  A user file given later replaces the
    packaged (or earlier) pattern with the same key.
    """
    verbs: dict[tuple[str, tuple[str, ...]], tuple[VerbPattern, str]] = {}
    nouns: dict[str, tuple[NounPattern, str]] = {}
    light: set[str] = set()
    converse: set[str] = set()
    packaged = _packaged_folder()
    for path in files:
        layer = "packaged" if packaged is not None and _is_in(path, packaged) else str(path)
        data = _read_yaml(path)
        for n, entry in enumerate(data.get("verbs") or [], 1):
            pattern = _verb_pattern(entry, f"{path.name}:verbs[{n}]", ontology)
            _add(verbs, verb_key(pattern), pattern, layer)
        for n, entry in enumerate(data.get("nouns") or [], 1):
            noun = _noun_pattern(entry, f"{path.name}:nouns[{n}]", ontology)
            _add(nouns, noun.lemma, noun, layer)
        light.update(_str_list(data.get("light_verbs") or [], f"{path}: light_verbs"))
        converse.update(_str_list(data.get("converse_verbs") or [], f"{path}: converse_verbs"))
    by_lemma: dict[str, list[VerbPattern]] = {}
    for pattern, _layer in verbs.values():
        by_lemma.setdefault(pattern.lemma, []).append(pattern)
    # Longer (particle/preposition) patterns first: they are more specific.
    ordered = {
        lemma: tuple(sorted(ps, key=lambda p: (p.particle is None, p.prep is None)))
        for lemma, ps in by_lemma.items()
    }
    if light & converse:
        raise LexiconError(f"verbs both light and converse: {sorted(light & converse)}")
    nouns_by_lemma = {lemma: pattern for lemma, (pattern, _layer) in nouns.items()}
    return Lexicon(ordered, nouns_by_lemma, frozenset(light), frozenset(converse))


def verb_key(pattern: VerbPattern) -> tuple[str, tuple[str, ...]]:
    """What a verb pattern matches: its lemma and the words it requires.

    "crack down" and ``crack`` with ``prep: down`` match the same verbs, so
    they have the same key.
    """
    return pattern.lemma, tuple(sorted(w for w in (pattern.particle, pattern.prep) if w))


def _add(found: dict[Any, Any], key: Any, pattern: VerbPattern | NounPattern, layer: str) -> None:
    """Add a pattern; a second one with its key is an error in the same layer."""
    previous = found.get(key)
    if previous is not None and previous[1] == layer:
        raise LexiconError(
            f"{pattern.id}: duplicate pattern, {previous[0].id} has the same "
            f"{'words' if isinstance(pattern, VerbPattern) else 'noun'}; merge them or remove one"
        )
    found[key] = (pattern, layer)


def _packaged_folder() -> Path | None:
    try:
        return Path(str(resources.files("dotterel") / "data" / "lexicon")).resolve()
    except (OSError, TypeError):  # pragma: no cover - a zipped install
        return None


def _is_in(path: Path, folder: Path) -> bool:
    try:
        return Path(path).resolve().parent == folder
    except OSError:  # pragma: no cover
        return False


class _LexiconLoader(yaml.SafeLoader):
    """YAML without the 1.1 booleans: "on", "off", "yes", "no" are words here."""


_LexiconLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LexiconLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LexiconLoader)  # noqa: S506 - safe loader subclass
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise LexiconError(f"{path}: a lexicon file is a mapping with 'version: 1'")
    unknown = set(data) - {"version", "verbs", "nouns", "light_verbs", "converse_verbs", "description"}
    if unknown:
        raise LexiconError(f"{path}: unknown top-level keys {sorted(unknown)}")
    return data


def _verb_pattern(entry: Any, where: str, ontology: Ontology) -> VerbPattern:
    _check_keys(entry, _VERB_KEYS, "verb", where)
    words = str(entry["verb"]).strip().lower().split()
    if not 1 <= len(words) <= 2:
        raise LexiconError(f"{where}: 'verb' is a lemma with at most one particle")
    prep = entry.get("prep")
    objects = entry.get("objects") or {}
    if not isinstance(objects, dict):
        raise LexiconError(f"{where}: 'objects' maps nouns to CAMEO codes")
    for key in ("only_objects", "symmetric"):
        if not isinstance(entry.get(key, False), bool):
            raise LexiconError(f"{where}: '{key}' is true or false")
    labels = entry.get("labels") or {}
    if not isinstance(labels, dict):
        raise LexiconError(f"{where}: 'labels' maps label words to CAMEO codes")
    if entry.get("only_objects") and not objects and not entry.get("predicative") and not labels:
        raise LexiconError(f"{where}: 'only_objects' needs 'objects' (or 'predicative', 'labels') to fire at all")
    return VerbPattern(
        id=f"{where}:{' '.join(words)}{' ' + prep if prep else ''}",
        lemma=words[0],
        particle=words[1] if len(words) == 2 else None,
        prep=str(prep).lower() if prep else None,
        cameo=_code(entry["cameo"], where, ontology),
        target=_targets(entry.get("target", ["dobj"]), where),
        intent=_intent(entry.get("intent"), where, ontology),
        negated=_code(entry["negated"], where, ontology) if entry.get("negated") else None,
        objects={str(k).lower(): _code(v, where, ontology) for k, v in objects.items()},
        only_objects=bool(entry.get("only_objects", False)),
        predicative=_code(entry["predicative"], where, ontology) if entry.get("predicative") else None,
        symmetric=bool(entry.get("symmetric", False)),
        crowd=_code(entry["crowd"], where, ontology) if entry.get("crowd") else None,
        labels={str(k).lower(): _code(v, where, ontology) for k, v in labels.items()},
    )


def _noun_pattern(entry: Any, where: str, ontology: Ontology) -> NounPattern:
    _check_keys(entry, _NOUN_KEYS, "noun", where)
    if not isinstance(entry.get("symmetric", False), bool):
        raise LexiconError(f"{where}: 'symmetric' is true or false")
    modifiers = entry.get("modifiers") or {}
    if not isinstance(modifiers, dict):
        raise LexiconError(f"{where}: 'modifiers' maps modifier words to CAMEO codes")
    requires = entry.get("requires") or []
    if not isinstance(requires, list) or not all(isinstance(w, str) and w.strip() for w in requires):
        raise LexiconError(f"{where}: 'requires' is a list of modifier words")
    return NounPattern(
        id=f"{where}:{entry['noun']}",
        lemma=str(entry["noun"]).strip().lower(),
        cameo=_code(entry["cameo"], where, ontology),
        target=_targets(entry.get("target", ["with", "to", "on", "against"]), where),
        intent=_intent(entry.get("intent"), where, ontology),
        symmetric=bool(entry.get("symmetric", False)),
        modifiers={str(k).lower(): _code(v, where, ontology) for k, v in modifiers.items()},
        crowd=_code(entry["crowd"], where, ontology) if entry.get("crowd") is not None else None,
        objects=_objects(entry, where, ontology),
        posture=_code(entry["posture"], where, ontology) if entry.get("posture") is not None else None,
        requires=frozenset(w.strip().lower() for w in requires),
    )


def _objects(entry: dict[str, Any], where: str, ontology: Ontology) -> dict[str, str]:
    objects = entry.get("objects") or {}
    if not isinstance(objects, dict):
        raise LexiconError(f"{where}: 'objects' maps nouns to CAMEO codes")
    return {str(k).lower(): _code(v, where, ontology) for k, v in objects.items()}


def _check_keys(entry: Any, allowed: set[str], head: str, where: str) -> None:
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: a pattern is a mapping, got {type(entry).__name__}")
    missing = {head, "cameo"} - set(entry)
    if missing:
        raise LexiconError(f"{where}: missing {sorted(missing)}")
    unknown = set(entry) - allowed
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")


def _code(value: Any, where: str, ontology: Ontology) -> str:
    code = str(value)
    if code not in ontology:
        raise LexiconError(f"{where}: unknown CAMEO code {code!r} (quote codes: \"043\")")
    return code


def _intent(value: Any, where: str, ontology: Ontology) -> str | None:
    """An announced act is an intent to cooperate (03x) or a threat (13x)."""
    if not value:
        return None
    code = _code(value, where, ontology)
    if code[:2] not in {"03", "13"}:
        raise LexiconError(f"{where}: intent {code!r} is not an intent (03x) or threat (13x) code")
    return code


def _targets(value: Any, where: str) -> tuple[str, ...]:
    slots = tuple(_str_list(value, where))
    for slot in slots:
        if slot not in TARGET_SLOTS and not slot.isalpha():
            raise LexiconError(f"{where}: bad target slot {slot!r}")
    return slots


def _str_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: expected a list of strings")
    return [v.strip().lower() for v in value]
