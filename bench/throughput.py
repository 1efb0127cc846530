"""Throughput of `dotterel code` on all cores against spaCy's own parse (the ceiling).

One run:
  1. builds a corpus of N varied articles from the bundled examples (paragraphs
     shuffled and mixed across articles, country names, numbers and dates
     swapped, so that no cache sees the same text twice) and writes it as
     JSONL shards of 1,000 articles;
  2. codes it end to end (input files → events in DuckDB) in a child process,
     through the same entry point as `dotterel code --db`, with all cores;
  3. measures the ceiling: ``nlp.pipe`` with the same model, components and
     batch size over exactly the segments dotterel parses, with
     ``n_process`` = cores (on the first --ceiling-articles articles);
and prints articles/s, words/s, the ratio to the ceiling, peak memory and the
time per stage.

    python bench/throughput.py                       # 400 articles (minutes on 2 cores)
    python bench/throughput.py --articles 100000     # the issue's scale
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARD = 1000

# Names the knowledge base resolves, swapped among themselves (same kind, so
# the sentences stay grammatical and still code into events).
COUNTRIES = ["Iran", "Iraq", "Syria", "Turkey", "Egypt", "Jordan", "Israel", "Lebanon", "Russia", "Ukraine",
             "China", "Taiwan", "India", "Pakistan", "Sudan", "Chad", "Colombia", "Venezuela", "Georgia",
             "Armenia", "Azerbaijan", "Kenya", "Ethiopia", "Somalia", "Nigeria", "Niger", "Mali", "France",
             "Germany", "Poland", "Japan", "Vietnam", "Philippines", "Indonesia", "Brazil", "Argentina"]
DEMONYMS = ["Iranian", "Iraqi", "Syrian", "Turkish", "Egyptian", "Jordanian", "Israeli", "Lebanese", "Russian",
            "Ukrainian", "Chinese", "Taiwanese", "Indian", "Pakistani", "Sudanese", "Chadian", "Colombian",
            "Venezuelan", "Georgian", "Armenian", "Kenyan", "Ethiopian", "Somali", "Nigerian", "French",
            "German", "Polish", "Japanese", "Vietnamese", "Filipino", "Indonesian", "Brazilian"]
_NAMES = re.compile(r"\b(" + "|".join(COUNTRIES + DEMONYMS) + r")\b")
_NUMBER = re.compile(r"\b\d{1,3}\b")


# -- the corpus ------------------------------------------------------------

def base_articles() -> list[dict]:
    from dotterel.ingest import read_inputs
    from dotterel.model import Article

    examples = REPO / "examples"
    inputs = [examples / "articles", examples / "articles.jsonl", examples / "articles.csv", examples / "page.html"]
    return [{"text": a.text, "title": a.title, "date": a.date, "source": a.source}
            for a in read_inputs(inputs) if isinstance(a, Article)]


def varied(base: list[dict], n: int, seed: int = 7) -> Iterator[dict]:
    """N articles, each a variation of a sample article (and a paragraph of another)."""
    import datetime as dt

    rng = random.Random(seed)
    for i in range(n):
        a = base[i % len(base)]
        other = base[rng.randrange(len(base))]
        lines = [p for p in a["text"].split("\n") if p.strip()]
        head = lines[:1] if a["title"] else []
        body = lines[len(head):]
        rng.shuffle(body)
        extra = [p for p in other["text"].split("\n")[1:] if len(p.split()) > 8]
        if extra:
            body.insert(rng.randrange(len(body) + 1), rng.choice(extra))
        mapping = dict(zip(COUNTRIES, rng.sample(COUNTRIES, len(COUNTRIES))))
        mapping.update(zip(DEMONYMS, rng.sample(DEMONYMS, len(DEMONYMS))))
        text = _NAMES.sub(lambda m: mapping[m.group()], "\n\n".join(head + body))
        text = _NUMBER.sub(lambda m: str(rng.randrange(2, 400)) if rng.random() < 0.5 else m.group(), text)
        title = _NAMES.sub(lambda m: mapping[m.group()], a["title"]) if a["title"] else None
        date = (a["date"] or dt.date(2023, 1, 1)) + dt.timedelta(days=rng.randrange(-900, 900))
        yield {"id": f"bench-{i:06d}", "title": title, "text": text, "date": date.isoformat(),
               "source": a["source"] or "Bench Wire"}


def write_corpus(folder: Path, n: int) -> int:
    """Write N articles as JSONL shards; returns the word count."""
    base = base_articles()
    words = 0
    shard = None
    for i, record in enumerate(varied(base, n)):
        if i % SHARD == 0:
            if shard:
                shard.close()
            shard = (folder / f"part-{i // SHARD:04d}.jsonl").open("w", encoding="utf-8")
        words += len(record["text"].split())
        shard.write(json.dumps(record, ensure_ascii=False) + "\n")
    if shard:
        shard.close()
    return words


# -- memory of a process tree ------------------------------------------------

class TreeMemory(threading.Thread):
    """Samples the PSS (proportional set size: shared pages counted once) of a process and its descendants."""

    def __init__(self, pid: int, every: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_kb = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(self.pid)))


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# -- the two measurements ----------------------------------------------------

def run_dotterel(corpus: Path, db: Path, workers: int, batch_size: int) -> dict:
    """`dotterel code --db` in a child process; returns its report, wall time and memory."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--child", str(corpus), str(db), str(workers), str(batch_size)],
        stdout=subprocess.PIPE, text=True,
    )
    memory = TreeMemory(child.pid) if Path("/proc").is_dir() else None
    if memory:
        memory.start()
    started = time.perf_counter()
    stdout, _ = child.communicate()
    wall = time.perf_counter() - started
    if memory:
        memory.stopped.set()
    if child.returncode != 0:
        raise SystemExit(f"dotterel run failed ({child.returncode})")
    report = json.loads(stdout.strip().splitlines()[-1])
    report["wall"] = wall
    report["tree_pss_mb"] = memory.peak_kb / 1024 if memory else None
    return report


def child_main(corpus: str, db: str, workers: int, batch_size: int) -> None:
    """In the child: the Python entry point behind `dotterel code`."""
    t0 = time.perf_counter()
    from dotterel.engines.local import CoderSettings
    from dotterel.engines.runner import code_files

    imported = time.perf_counter() - t0
    report = code_files([corpus], db=db, workers=workers, settings=CoderSettings(batch_size=batch_size))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    self_kb = usage.ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({
        "articles": report.articles, "events": report.events, "rejects": report.rejects,
        "skipped": report.skipped, "seconds": {"import": imported, **report.seconds},
        "worker_seconds": report.worker_seconds, "rss_parent_mb": self_kb / 1024,
        "rss_worker_max_mb": children_kb / 1024, "parent_cpu": usage.ru_utime + usage.ru_stime,
    }))


def segments(corpus: Path, limit: int, keep_case) -> tuple[list[str], int, int]:  # noqa: ANN001
    """The texts dotterel hands to spaCy for the first ``limit`` articles, their article and word counts."""
    from dotterel.clean import clean_article
    from dotterel.ingest import read_inputs
    from dotterel.model import Article
    from dotterel.nlp import recase_headline, split_segments

    texts: list[str] = []
    n = words = 0
    for article in read_inputs([corpus]):
        if not isinstance(article, Article):
            continue
        if n >= limit:
            break
        n += 1
        words += len(article.text.split())
        cleaned = clean_article(article)
        for start, end, kind in split_segments(cleaned):
            piece = cleaned.text[start:end]
            if kind == "headline":
                texts.append(recase_headline(piece, keep_case))
            elif kind == "body":
                texts.append(piece)
    return texts, n, words


def spacy_ceiling(corpus: Path, limit: int, workers: int, batch_size: int) -> dict:
    from dotterel.pipeline import Pipeline

    pipeline = Pipeline(batch_size=batch_size)  # the same model, components and resolver
    texts, n, words = segments(corpus, limit, pipeline.resolver.keep_case)
    nlp = pipeline.nlp
    list(nlp.pipe(texts[:20]))  # warm up
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=max(batch_size, 32), n_process=workers):
        pass
    seconds = time.perf_counter() - started
    # A stricter ceiling: one process, times the number of cores (perfect scaling, no transfer costs).
    share = max(1, len(texts) // 4)
    started = time.perf_counter()
    for _doc in nlp.pipe(texts[:share], batch_size=max(batch_size, 32)):
        pass
    linear = time.perf_counter() - started
    share_words = sum(len(t.split()) for t in texts[:share]) / max(1, sum(len(t.split()) for t in texts))
    return {"articles": n, "words": words, "seconds": seconds, "pipes": list(nlp.pipe_names),
            "linear_seconds": linear / share_words / workers}


# -- the table -------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400, help="corpus size (200 to 100,000)")
    parser.add_argument("--workers", type=int, default=0, help="processes (default: all cores)")
    parser.add_argument("--batch-size", type=int, default=8, help="articles per worker batch (as dotterel code)")
    parser.add_argument("--ceiling-articles", type=int, default=2000,
                        help="measure spaCy's ceiling on at most this many articles (a rate; memory stays small)")
    parser.add_argument("--keep", type=Path, help="keep the corpus and store in this folder")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        corpus, db, workers, batch = args.child
        child_main(corpus, db, int(workers), int(batch))
        return
    from dotterel.engines.local import default_workers

    workers = args.workers or default_workers()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        corpus = folder / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        words = write_corpus(corpus, args.articles)
        print(f"corpus: {args.articles:,} articles, {words:,} words in {corpus} ({time.perf_counter() - t0:.1f} s to build)")
        db = folder / "bench.duckdb"
        db.unlink(missing_ok=True)
        run = run_dotterel(corpus, db, workers, args.batch_size)
        ceiling = spacy_ceiling(corpus, args.ceiling_articles, workers, args.batch_size)
    report(args.articles, words, workers, run, ceiling)


def report(n: int, words: int, workers: int, run: dict, ceiling: dict) -> None:
    s = run["seconds"]
    startup = s["import"] + s.get("startup", 0.0)
    steady = s["total"] - s.get("startup", 0.0)
    ceiling_wps = ceiling["words"] / ceiling["seconds"]
    rows = [
        ("spaCy parse alone (ceiling)", ceiling["articles"] / ceiling["seconds"], ceiling_wps, 1.0),
        ("  1 process x workers (ideal)", ceiling["articles"] / ceiling["linear_seconds"],
         ceiling["words"] / ceiling["linear_seconds"], ceiling["seconds"] / ceiling["linear_seconds"]),
        ("dotterel, files -> DuckDB", n / steady, words / steady, words / steady / ceiling_wps),
        ("  same, with start-up", n / run["wall"], words / run["wall"], words / run["wall"] / ceiling_wps),
    ]
    print(f"\nworkers: {workers}; spaCy components: {', '.join(ceiling['pipes'])}; ceiling on "
          f"{ceiling['articles']:,} articles ({ceiling['words']:,} words)")
    print(f"{'':32}{'articles/s':>12}{'words/s':>12}{'of ceiling':>12}")
    for label, aps, wps, ratio in rows:
        print(f"{label:32}{aps:12.1f}{wps:12,.0f}{ratio:12.0%}")
    ideal_wps = ceiling["words"] / ceiling["linear_seconds"]
    print(f"dotterel against the ideal (1 process x workers): {words / steady / ideal_wps:.0%} "
          f"(target: >= 85% of the ceiling)")
    print(f"\nevents: {run['events']:,}; rejects: {run['rejects']}; start-up (imports, model, workers): {startup:.1f} s")
    print("time by stage (seconds)            parent wall   worker-seconds")
    w = run["worker_seconds"]
    for label, value, worker in (
        ("start-up: model, knowledge, workers", s.get("startup", 0.0), None),
        ("read, hash, skip look-up", s["read"], None),
        ("clean + parse (workers)", None, w.get("clean_parse", 0.0)),
        ("code events (workers)", None, w.get("code", 0.0)),
        ("waiting for workers", s["wait_for_workers"], None),
        ("DuckDB writes", s["write"], None),
        ("merge", s["merge"], None),
        ("total", run["wall"], sum(w.values())),
    ):
        print(f"  {label:34}{'' if value is None else f'{value:10.2f}':>10}{'' if worker is None else f'{worker:15.2f}':>17}")
    tree = f"{run['tree_pss_mb']:,.0f} MB" if run["tree_pss_mb"] else "n/a"
    print(f"parent process CPU time: {run['parent_cpu']:.1f} s (reading, transfers, DuckDB; shares the cores)")
    print(f"peak memory: parent {run['rss_parent_mb']:,.0f} MB RSS, largest worker {run['rss_worker_max_mb']:,.0f} MB RSS, "
          f"all processes together {tree} PSS")


if __name__ == "__main__":
    main()
