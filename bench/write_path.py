"""The DuckDB write path at corpus scale: commit cost and writer memory as the store grows.

`bench/throughput.py` runs the whole pipeline, which on a small machine takes hours for 100,000
articles. What grows with the corpus is the store, so this benchmark isolates the writer: it
codes the bundled examples once with the real pipeline, then writes copies of those coded
articles under fresh ids (ids, events and sentences renamed) exactly as a `dotterel code` run
does: `Store.write` per commit, the file released after each commit, merged events brought up to
date periodically and at the end. It prints, as the store grows, the time per commit and per
article, the writer's peak RSS, and the file size; at the end, the writer's throughput next to
what one parsing core delivers, so the ratio says how many cores one writer can feed.

    python bench/write_path.py                     # 100,000 articles (a few minutes)
    python bench/write_path.py --articles 20000 --commit 256
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def coded_examples():  # noqa: ANN201 - (list of CodedArticle, seconds per article to parse and code)
    from dotterel.ingest import read_inputs
    from dotterel.model import Article
    from dotterel.pipeline import Pipeline

    examples = REPO / "examples"
    inputs = [examples / "articles", examples / "articles.jsonl", examples / "articles.csv", examples / "page.html"]
    articles = [a for a in read_inputs(inputs) if isinstance(a, Article)]
    pipeline = Pipeline()
    list(pipeline.code(articles[:2]))  # warm up
    started = time.perf_counter()
    coded = list(pipeline.code(articles))
    return coded, (time.perf_counter() - started) / len(coded)


def renamed(coded, n: int):  # noqa: ANN001, ANN201 - a CodedArticle copy with its own ids
    doc_id = f"{coded.article.id}~{n}"
    return dataclasses.replace(
        coded,
        article=dataclasses.replace(coded.article, id=doc_id),
        sentences=tuple(dataclasses.replace(s, doc_id=doc_id) for s in coded.sentences),
        events=tuple(dataclasses.replace(e, doc_id=doc_id, event_id=f"{e.event_id}~{n}") for e in coded.events),
        content_hash=f"{coded.content_hash}~{n}",
    )


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--commit", type=int, default=256, help="articles per commit (dotterel code: 256 or 5 s)")
    parser.add_argument("--merge-every", type=int, default=20, help="commits between merges (dotterel code: 30 s)")
    parser.add_argument("--report-every", type=int, default=10_000)
    args = parser.parse_args()

    from dotterel.store import Store

    coded, parse_seconds = coded_examples()
    print(f"{len(coded)} example articles coded once: {1 / parse_seconds:.1f} articles/s on one core "
          f"(parse and code); writer RSS before writing {rss_mb():,.0f} MB")  # fmt: skip
    print(f"{'articles':>10}{'ms/commit':>11}{'ms/article':>12}{'writer RSS':>12}{'file':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "write.duckdb"
        store = Store(db)
        written = commits = 0
        window_seconds = 0.0
        window_articles = 0
        write_seconds = 0.0
        while written < args.articles:
            size = min(args.commit, args.articles - written)
            batch = [renamed(coded[(written + i) % len(coded)], written + i) for i in range(size)]
            started = time.perf_counter()
            store.write(batch, "bench")
            commits += 1
            if commits % args.merge_every == 0:
                store.merge()
            store.release()
            elapsed = time.perf_counter() - started
            write_seconds += elapsed
            window_seconds += elapsed
            window_articles += size
            written += size
            if written % args.report_every < args.commit or written == args.articles:
                mb = db.stat().st_size / 2**20
                print(f"{written:>10,}{window_seconds / max(1, window_articles / args.commit) * 1000:>11.0f}"
                      f"{window_seconds / window_articles * 1000:>12.2f}{rss_mb():>10,.0f} MB{mb:>7,.0f} MB",
                      flush=True)  # fmt: skip
                window_seconds, window_articles = 0.0, 0
        started = time.perf_counter()
        merged = store.merge()
        merge_seconds = time.perf_counter() - started
        events = store.count("events")
        store.close()
    rate = written / write_seconds
    print(f"\nwrote {written:,} articles and {events:,} events in {write_seconds:.1f} s: {rate:,.0f} articles/s "
          f"({args.commit} per commit, merged every {args.merge_every} commits); final merge {merge_seconds:.1f} s "
          f"({merged:,} merged events)")  # fmt: skip
    print(f"one writer keeps up with {rate * parse_seconds:,.0f} parsing cores "
          f"(a core parses and codes {1 / parse_seconds:.1f} articles/s); writer peak RSS {rss_mb():,.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
