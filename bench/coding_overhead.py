"""How much time event coding adds to spaCy's own parse.

Runs, in one process and on the same corpus:
  1. spaCy alone: ``nlp.pipe`` over exactly the segments dotterel parses
     (headline and paragraphs, after cleaning), and
  2. dotterel end to end in memory: clean → parse → actors → events,
and prints both times and the overhead of coding over parsing.

Corpus: the bundled examples (and ../shared/seeds when present), repeated
with varied ids and a shuffled sentence order per copy so that no cache
sees the same text twice.

    python bench/coding_overhead.py [--copies 20] [--repeat 3]

With --repeat N both runs alternate N times and the fastest of each is
compared: on a shared host the minimum is the run least disturbed.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from pathlib import Path

from dotterel.clean import clean_article
from dotterel.ingest import read_inputs
from dotterel.model import Article
from dotterel.nlp import SPACY_BATCH, recase_headline, split_segments
from dotterel.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent


def corpus(copies: int) -> list[Article]:
    sources = [REPO / "examples"]
    seeds = REPO.parent / "shared" / "seeds"
    if seeds.is_dir():
        sources.append(seeds)
    base = [a for a in read_inputs(sources) if isinstance(a, Article)]
    rng = random.Random(7)
    out = []
    for n in range(copies):
        for article in base:
            paragraphs = article.text.split("\n")
            rng.shuffle(paragraphs)
            out.append(Article(id=f"{article.id}-{n}", text="\n".join(paragraphs), title=article.title, date=article.date))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument(
        "--repeat", type=int, default=1,
        help="alternate both runs this many times and compare the fastest of each (steadier on a shared host)",
    )
    args = parser.parse_args()
    pipeline = Pipeline()
    articles = corpus(args.copies)
    cleaned = [clean_article(a) for a in articles]
    texts = []
    for article in cleaned:
        for start, end, kind in split_segments(article):
            piece = article.text[start:end]
            if kind == "headline":
                texts.append(recase_headline(piece, pipeline.resolver.keep_case))
            elif kind == "body":
                texts.append(piece)
    words = sum(len(t.split()) for t in texts)
    list(pipeline.nlp.pipe(texts[:50]))  # warm up

    parse_runs, total_runs = [], []
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        for _doc in pipeline.nlp.pipe(texts, batch_size=SPACY_BATCH):  # the batch dotterel uses
            pass
        parse_runs.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        events = sum(len(c.events) for c in pipeline.code(articles))
        total_runs.append(time.perf_counter() - t0)
    parse_s, total_s = min(parse_runs), min(total_runs)
    if len(parse_runs) > 1:
        print("runs (s): parse " + ", ".join(f"{t:.2f}" for t in parse_runs)
              + "; end to end " + ", ".join(f"{t:.2f}" for t in total_runs))

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(articles)} articles, {len(texts)} segments, {words} words")
    print(f"spaCy parse alone : {parse_s:7.2f} s  ({words / parse_s:,.0f} words/s)")
    print(f"dotterel end to end: {total_s:7.2f} s  ({words / total_s:,.0f} words/s, {events} events)")
    print(f"coding overhead   : {100 * (total_s - parse_s) / parse_s:6.1f} % of parse time (target <= 15 %)")
    print(f"peak RSS          : {rss_mb:,.0f} MB")


if __name__ == "__main__":
    main()
