"""Actor evaluation: resolve gold mentions in context and compare the codes.

Each gold text is parsed and coded as the coder codes an article (the same
knowledge base, noun-phrase rules and in-article coreference), and every
gold mention is looked up among the actors the coder resolved: the
smallest resolved phrase that contains the mention's head (see
:func:`dotterel.actors.mention_head`).  A mention the coder did not keep as
an actor (no name, title or pronoun in it) is resolved on its own, as
``code_dyad`` does for given mentions.

Figures (see :class:`ActorReport`): coverage (resolved to any code),
country accuracy, country+sector accuracy, exact-code accuracy (own gold)
and, for gold without codes (PLV), the share resolved to a country and the
accuracy on a *derived* country gold: spans whose own words name exactly
one country through the knowledge base and nothing else (no patron, no
international body).  That gold comes from the same knowledge base, so it
measures attachment, patrons and coreference, not the knowledge base's
coverage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from spacy.tokens import Span

from ..actors import ArticleMemory, DocIndex, mention_head, scene_country
from ..model import Actor, Article
from .mentions import GoldMention

if TYPE_CHECKING:
    from ..events import EventCoder
    from ..nlp import ParsedArticle, ParsedSentence, Parser

__all__ = ["ActorOutcome", "ActorPipeline", "ActorReport", "evaluate_actors", "resolve_mentions"]

_COUNTRY_KINDS = frozenset({"country", "adjective", "capital"})


class ActorPipeline(Protocol):
    """What actor evaluation needs of a :class:`~dotterel.pipeline.Pipeline`."""

    @property
    def parser(self) -> Parser: ...

    @property
    def coder(self) -> EventCoder: ...


@dataclass(frozen=True, slots=True)
class ActorOutcome:
    """A gold mention, the actor it resolved to and, for code-less gold, a derived country."""

    mention: GoldMention
    actor: Actor | None
    derived_country: str | None = None  # the one country the span names (code-less gold only)

    @property
    def resolved(self) -> bool:
        return self.actor is not None and self.actor.code is not None

    @property
    def predicted_country(self) -> str | None:
        """ISO3; for CAMEO-style gold, an international code's prefix (``IGO`` for IGOUNO)."""
        actor = self.actor
        if actor is None:
            return None
        if actor.country is None and self.mention.loose and actor.code:
            return actor.code[:3]
        return actor.country

    @property
    def gold_country(self) -> str | None:
        return self.mention.country if self.mention.has_code else self.derived_country

    @property
    def country_scored(self) -> bool:
        """Whether the gold says which country is right (PLOVER's ``---`` does not)."""
        m = self.mention
        if not m.has_code:
            return self.derived_country is not None
        return m.country is not None or not m.loose

    @property
    def country_correct(self) -> bool:
        return self.country_scored and self.predicted_country == self.gold_country

    @property
    def sector_correct(self) -> bool:
        """Country and sector both right (a loose gold's None sector matches any)."""
        m = self.mention
        if not (m.has_code and self.country_correct):
            return False
        predicted = self.actor.sector if self.actor else None
        return (m.loose and m.sector is None) or predicted == m.sector

    @property
    def code_correct(self) -> bool:
        return self.mention.has_code and not self.mention.loose and (
            (self.actor.code if self.actor else None) == self.mention.code
        )

    @property
    def correct(self) -> bool:
        m = self.mention
        if not m.has_code:
            return self.resolved and (self.derived_country is None or self.country_correct)
        if m.loose:
            return self.sector_correct or not self.country_scored
        return self.code_correct and self.sector_correct

    def to_dict(self) -> dict[str, Any]:
        a, m = self.actor, self.mention
        return {
            "id": m.id, "text": m.text, "mention": m.mention, "date": m.date.isoformat() if m.date else None,
            "gold": {"code": m.code, "country": self.gold_country, "sector": m.sector} if m.has_code or
            self.derived_country else None,
            "predicted": None if a is None else {"code": a.code, "country": a.country, "sector": a.sector,
                                                 "name": a.name, "evidence": a.evidence, "text": a.text},
            "correct": self.correct, "tags": list(m.tags),
        }  # fmt: skip


def _ratio(hits: int, n: int) -> float | None:
    return hits / n if n else None


@dataclass(frozen=True, slots=True)
class ActorReport:
    """Scores of actor resolution on gold mentions."""

    outcomes: tuple[ActorOutcome, ...]

    @property
    def n(self) -> int:
        return len(self.outcomes)

    @property
    def has_codes(self) -> bool:
        return any(o.mention.has_code for o in self.outcomes)

    @property
    def coverage(self) -> float | None:
        """Share of mentions resolved to any code."""
        return _ratio(sum(o.resolved for o in self.outcomes), self.n)

    @property
    def country_share(self) -> float | None:
        """Share of mentions resolved to a country (or an international body)."""
        return _ratio(sum(o.resolved and o.actor is not None and bool(o.actor.country or o.actor.code)
                          for o in self.outcomes), self.n)  # fmt: skip

    def _scored(self) -> list[ActorOutcome]:
        return [o for o in self.outcomes if o.country_scored]

    @property
    def country_n(self) -> int:
        return len(self._scored())

    @property
    def country_accuracy(self) -> float | None:
        scored = self._scored()
        return _ratio(sum(o.country_correct for o in scored), len(scored))

    @property
    def sector_accuracy(self) -> float | None:
        """Country and sector right, over the mentions whose gold gives a country."""
        scored = [o for o in self._scored() if o.mention.has_code]
        return _ratio(sum(o.sector_correct for o in scored), len(scored))

    @property
    def sector_specified_n(self) -> int:
        return sum(o.mention.sector is not None for o in self._scored() if o.mention.has_code)

    @property
    def sector_specified_accuracy(self) -> float | None:
        """Country and sector right, over the mentions whose gold names a sector."""
        scored = [o for o in self._scored() if o.mention.has_code and o.mention.sector is not None]
        return _ratio(sum(o.sector_correct for o in scored), len(scored))

    @property
    def code_accuracy(self) -> float | None:
        """Exact code right (own gold only: CAMEO-style gold has no full codes)."""
        scored = [o for o in self.outcomes if o.mention.has_code and not o.mention.loose]
        return _ratio(sum(o.code_correct for o in scored), len(scored))

    def by_tag(self) -> dict[str, tuple[int, int]]:
        """(mentions, correct) per tag of the own gold."""
        out: dict[str, tuple[int, int]] = {}
        for o in self.outcomes:
            for tag in o.mention.tags:
                n, ok = out.get(tag, (0, 0))
                out[tag] = (n + 1, ok + o.correct)
        return dict(sorted(out.items()))

    def mistakes(self) -> list[ActorOutcome]:
        return [o for o in self.outcomes if not o.correct]

    def figures(self) -> dict[str, float | int | None]:
        return {
            "n": self.n, "coverage": self.coverage, "country_share": self.country_share,
            "country_n": self.country_n, "country_accuracy": self.country_accuracy,
            "country_sector_accuracy": self.sector_accuracy if self.has_codes else None,
            "sector_specified_n": self.sector_specified_n,
            "country_sector_accuracy_sector_specified": self.sector_specified_accuracy,
            "code_accuracy": self.code_accuracy,
        }  # fmt: skip

    def to_dict(self, mistakes: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {**self.figures(), "tags": {t: {"n": n, "correct": c} for t, (n, c) in self.by_tag().items()}}
        if mistakes:
            out["mistakes"] = [o.to_dict() for o in self.mistakes()]
        return out


def evaluate_actors(
    mentions: Iterable[GoldMention], pipeline: ActorPipeline, *, on_record: Callable[[], None] | None = None
) -> ActorReport:
    """Resolve every gold mention in its text and score the codes."""
    return ActorReport(tuple(resolve_mentions(list(mentions), pipeline, on_record=on_record)))


def resolve_mentions(
    mentions: Sequence[GoldMention], pipeline: ActorPipeline, *, on_record: Callable[[], None] | None = None
) -> list[ActorOutcome]:
    """One outcome per mention, in order; mentions of one text and date share one coded article."""
    groups: dict[tuple[str, object], list[int]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault((m.text, m.date), []).append(i)
    articles = [Article(id=f"actors{k}", text=text, date=date, origin="<actor gold>")  # type: ignore[arg-type]
                for k, (text, date) in enumerate(groups)]  # fmt: skip
    found: dict[int, ActorOutcome] = {}
    for parsed, members in zip(pipeline.parser.parse(articles), groups.values(), strict=True):
        _, actors = pipeline.coder.code_article(parsed)
        indexes: dict[int, DocIndex] = {}
        for i in members:
            found[i] = _outcome(mentions[i], parsed, actors, pipeline.coder, indexes)
            if on_record is not None:
                on_record()
    return [found[i] for i in range(len(mentions))]


def _outcome(
    mention: GoldMention, parsed: ParsedArticle, actors: Sequence[Actor], coder: EventCoder,
    indexes: dict[int, DocIndex],
) -> ActorOutcome:  # fmt: skip
    sentence = next((s for s in parsed.sentences if s.record.start <= mention.start < s.record.end), None)
    if sentence is None:
        return ActorOutcome(mention, None)
    doc, offset = sentence.segment.doc, sentence.segment.offset
    span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
    if span is None or not len(span):
        return ActorOutcome(mention, None)
    index = indexes.get(id(doc))
    if index is None:
        index = indexes[id(doc)] = coder.resolver.index(doc)
    derived = None if mention.has_code else _derived_country(span, index)
    head = mention_head(span)
    # The resolved phrase must hold both the head and the mention itself: in
    # "Hungarian and Romanian officials", "Hungarian" is not "Romanian officials".
    at, own = offset + head.idx, offset + span.root.idx
    covering = [a for a in actors if a.start <= at < a.end and a.start <= own < a.end]
    if covering:
        actor: Actor | None = min(covering, key=lambda a: a.end - a.start)
    else:
        actor = _resolve_alone(head, sentence, index, coder, parsed)
    return ActorOutcome(mention, actor, derived)


def _resolve_alone(head: Any, sentence: ParsedSentence, index: DocIndex, coder: EventCoder,
                   parsed: ParsedArticle) -> Actor | None:  # fmt: skip
    """A mention the coder kept no actor for, resolved by itself (no article memory)."""
    from ..events import SentenceState

    state = SentenceState(sentence, index, scene_country(sentence.span, index))
    return coder.actor(head, state, ArticleMemory(date=parsed.article.date))


def _derived_country(span: Span, index: DocIndex) -> str | None:
    """The one country the span's own words name, if they name exactly one and nothing else.

    Country names, demonyms, capitals, and institutions, organisations and
    people of that same country count; a patron ("Iran-backed"), an
    international body, a person whose country varies by role, or a
    pronoun makes the span ambiguous.
    """
    countries: set[str | None] = set()
    for token in span:
        if token.pos_ == "PRON":
            return None
        match = index.kb.get(token.i)
        if match is None:
            continue
        if match.patron:
            return None
        countries.update(e.country for e in match.entries)
    if len(countries) != 1:
        return None
    (country,) = countries
    return country
