"""Composes the stages: ingest → clean → nlp → actors → events.

:class:`Pipeline` is the one object that holds the loaded resources (the
spaCy model, knowledge base, lexicon, ontology); it is built once per
process and streams articles through in bounded batches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
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
    # article_hash() of the input record (before cleaning) under this coder:
    # the store skips a record whose id and hash it already holds.
    content_hash: str | None = None


def coder_fingerprint(
    model: str = MODEL_NAME, actor_files: Sequence[Path | str] = (), lexicon_files: Sequence[Path | str] = ()
) -> str:
    """A digest of what decides the coding: version, model, packaged data and user files.

    Code changes between releases are covered by the version; ``dotterel code
    --recode`` forces re-coding after a change the digest cannot see.
    """
    from . import __version__

    digest = hashlib.sha256(f"{__version__}\0{model}\0{_packaged_data_digest()}".encode())
    for path in (*actor_files, *lexicon_files):
        digest.update(b"\0" + str(path).encode() + b"\0")
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            pass  # the loaders report unreadable files
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def _packaged_data_digest() -> str:
    root = Path(__file__).parent / "data"
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def article_hash(article: Article, fingerprint: str) -> str:
    """Digest of an input record (id, text and metadata) as coded by ``fingerprint``."""
    fields = (fingerprint, article.id, article.text, article.title, article.date, article.source,
              article.url, article.language)  # fmt: skip
    return hashlib.sha256("\x1f".join("" if f is None else str(f) for f in fields).encode()).hexdigest()[:32]


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
        self.fingerprint = coder_fingerprint(model, actor_files, lexicon_files)
        # Seconds spent so far cleaning and parsing, and coding (benchmarks read them).
        self.timings = {"clean_parse": 0.0, "code": 0.0}
        self.ontology = ontology or load_ontology()
        self.knowledge_base = knowledge_base or load_knowledge_base([Path(p) for p in actor_files])
        self.lexicon = lexicon or load_lexicon(lexicon_files)
        self.resolver = ActorResolver(self.knowledge_base, self.nlp.tokenizer)
        self.parser = Parser(
            self.nlp, keep_case=self.resolver.keep_case, batch_size=batch_size,
            is_event_verb=lambda lemma: bool(self.lexicon.verb_patterns(lemma)),
        )
        self.coder = EventCoder(self.lexicon, self.ontology, self.resolver, default_gazetteer())
        self.dyad_coder = DyadCoder(self.parser, self.coder)

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Clean, parse and code a stream of articles, in order."""
        hashes: deque[str] = deque()

        def prepared() -> Iterator[Article]:
            for article in articles:
                hashes.append(article_hash(article, self.fingerprint))
                yield _dated(clean_article(article))

        stream = self.parser.parse(prepared())
        timings = self.timings
        while True:
            t0 = time.perf_counter()
            parsed = next(stream, None)
            t1 = time.perf_counter()
            timings["clean_parse"] += t1 - t0
            if parsed is None:
                return
            events, actors = self.coder.code_article(parsed)
            timings["code"] += time.perf_counter() - t1
            yield CodedArticle(
                article=parsed.article,
                sentences=tuple(s.record for s in parsed.sentences),
                actors=tuple(actors),
                events=tuple(events),
                content_hash=hashes.popleft(),
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
