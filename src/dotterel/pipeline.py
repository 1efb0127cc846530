"""Composes the stages: ingest → clean → nlp → actors → events.

:class:`Pipeline` is the one object that holds the loaded resources (the
spaCy model, knowledge base, lexicon, ontology); it is built once per
process and streams articles through in bounded batches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language

from .actors import ActorResolver
from .clean import clean_article
from .dates import publication_date
from .dyad import DyadCoder
from .events import EventCoder
from .knowledge import KnowledgeBase, load_knowledge_base
from .lexicon import Lexicon, load_lexicon
from .model import Actor, Article, Event, Sentence
from .nlp import MODEL_NAME, Parser, load_model
from .ontology import Ontology, load_ontology
from .places import default_gazetteer


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """An article with everything the pipeline found in it."""

    article: Article
    sentences: tuple[Sentence, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]


class Pipeline:
    """Codes articles into events.

    >>> pipeline = Pipeline()                                  # doctest: +SKIP
    >>> for coded in pipeline.code(articles): ...              # doctest: +SKIP
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        model: str = MODEL_NAME,
        knowledge_base: KnowledgeBase | None = None,
        lexicon: Lexicon | None = None,
        ontology: Ontology | None = None,
        actor_files: Sequence[Path | str] = (),
        lexicon_files: Sequence[Path | str] = (),
        batch_size: int = 32,
    ) -> None:
        self.nlp = nlp if nlp is not None else load_model(model)
        self.ontology = ontology or load_ontology()
        self.knowledge_base = knowledge_base or load_knowledge_base([Path(p) for p in actor_files])
        self.lexicon = lexicon or load_lexicon(lexicon_files)
        self.resolver = ActorResolver(self.knowledge_base, self.nlp.tokenizer)
        self.parser = Parser(self.nlp, keep_case=self.resolver.keep_case, batch_size=batch_size)
        self.coder = EventCoder(self.lexicon, self.ontology, self.resolver, default_gazetteer())
        self.dyad_coder = DyadCoder(self.parser, self.coder)

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Clean, parse and code a stream of articles, in order."""
        for parsed in self.parser.parse(_dated(clean_article(a)) for a in articles):
            events, actors = self.coder.code_article(parsed)
            yield CodedArticle(
                article=parsed.article,
                sentences=tuple(s.record for s in parsed.sentences),
                actors=tuple(actors),
                events=tuple(events),
            )

    def code_text(
        self,
        text: str,
        *,
        date: dt.date | str | None = None,
        source: str | None = None,
        title: str | None = None,
        doc_id: str = "text",
    ) -> list[Event]:
        """Code one article given as a string."""
        article = Article(id=doc_id, text=text, title=title, date=_as_date(date), source=source, origin="<text>")
        return [e for coded in self.code([article]) for e in coded.events]

    def code_dyad(self, text: str, source: str, target: str, *, date: dt.date | str | None = None) -> Event | None:
        """The event ``text`` reports from the mention ``source`` to ``target``.

        Both are substrings of ``text``; returns None when the sentence
        reports no event between them.
        """
        return self.dyad_coder.code(text, source, target, _as_date(date))


def _dated(article: Article) -> Article:
    """The article with its publication date: given, inferred, or still None."""
    found = publication_date(article.date, article.boilerplate, article.text)
    if found is None:
        return article
    return replace(article, date=found.date, date_evidence=found.evidence)


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)
