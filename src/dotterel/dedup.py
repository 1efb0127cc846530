"""The dedup stage: one merged event per happening, however often reported.

Raw events (one per sentence that reports something) stay in ``events``;
``merged_events`` groups them, with counts of mentions, articles and
sources and the list of supporting event ids, so every merged number can be
checked against its sentences.  Two rules are offered:

``one-a-day`` (the classic filter, as in GDELT and the KEDS tradition)
    events with the same date, source code, target code and CAMEO code are
    one event.

``window`` (the default)
    events with the same source code, target code and CAMEO root whose dates
    lie within ``window_days`` of the previous one in the chain are one
    event: reports of a visit dated by different articles a day apart, or
    coded 042 in one and 043 in another, merge.  The merged code is the most
    frequent one (ties: the most specific, then the smallest).  Events
    without a date merge only within their own article.

Both rules attach an undated report to a dated happening when the match is
unique: an event from an article with no date joins the one dated merged
event with the same source country, target country and CAMEO root (an
undated account of a visit is the visit that other articles date).  When
several dated happenings match, it stays on its own.

Merging is computed from ``events`` in SQL after every write, so re-runs
are idempotent.  Given the keys a write touched (``touched``), only the
merged events of those country dyads and roots are recomputed; the others
stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

import duckdb


class MergeRule(str, Enum):
    one_a_day = "one-a-day"
    window = "window"


MergeKey = tuple[str | None, str | None, str | None]  # source country, target country, CAMEO root


def rebuild_merged_events(
    con: duckdb.DuckDBPyConnection,
    rule: MergeRule = MergeRule.window,
    window_days: int = 2,
    touched: Iterable[MergeKey] | None = None,
) -> int:
    """Recompute ``merged_events`` from ``events`` (only the ``touched`` keys
    when given); returns the number of merged events."""
    if window_days < 0:
        raise ValueError("window_days must be >= 0")
    keys = None if touched is None else sorted(set(touched), key=str)
    con.execute("CREATE OR REPLACE TEMP TABLE _touched (sc VARCHAR, tc VARCHAR, root VARCHAR)")
    if keys:
        con.executemany("INSERT INTO _touched VALUES (?, ?, ?)", keys)
    scope = "events" if keys is None else _SCOPE
    grouping = (_ONE_A_DAY if rule is MergeRule.one_a_day else _WINDOW).replace("FROM events", f"FROM {scope}")
    con.execute("CREATE OR REPLACE TEMP TABLE _clusters AS " + grouping, [window_days] if rule is MergeRule.window else [])
    con.execute(_ATTACH_UNDATED)
    con.execute("CREATE OR REPLACE TEMP TABLE _merged AS " + _MERGE, [rule.value])
    if keys is None:
        con.execute("CREATE OR REPLACE TABLE merged_events AS SELECT * FROM _merged")
    elif keys:
        con.execute("CREATE TABLE IF NOT EXISTS merged_events AS SELECT * FROM _merged LIMIT 0")
        con.execute(f"DELETE FROM merged_events WHERE {_KEY.format(t='merged_events')} IN (SELECT (sc, tc, root) FROM _touched)")
        con.execute("INSERT INTO merged_events SELECT * FROM _merged")
    return int(con.execute("SELECT count(*) FROM merged_events").fetchone()[0])  # type: ignore[index]


def merge_key(source_country: str | None, source_code: str | None, target_country: str | None,
              target_code: str | None, cameo_root: str | None) -> MergeKey:
    """The key under which an event is merged (as ``_KEY`` computes it in SQL)."""
    return (source_country or source_code, target_country or target_code, cameo_root)


# The merge key of a row: country dyad and root (the code where there is no country).
_KEY = "(coalesce({t}.source_country, {t}.source_code), coalesce({t}.target_country, {t}.target_code), {t}.cameo_root)"
_SCOPE = f"(SELECT * FROM events WHERE {_KEY.format(t='events')} IN (SELECT (sc, tc, root) FROM _touched))"

# An event of an undated article joins the only dated cluster of its key.
_ATTACH_UNDATED = f"""
UPDATE _clusters SET cluster = unique_dated.cluster
FROM events e, articles a, (
    SELECT {_KEY.format(t='d')} AS merge_key, min(c.cluster) AS cluster
    FROM _clusters c JOIN events d USING (event_id)
    WHERE d.date IS NOT NULL
    GROUP BY merge_key HAVING count(DISTINCT c.cluster) = 1
) AS unique_dated
WHERE _clusters.event_id = e.event_id AND a.doc_id = e.doc_id AND a.date IS NULL AND e.date IS NULL
  AND {_KEY.format(t='e')} = unique_dated.merge_key
"""


# Each query gives every raw event a cluster key.
_ONE_A_DAY = """
SELECT event_id,
       concat_ws('|', coalesce(CAST(date AS VARCHAR), 'doc:' || doc_id), source_code, target_code, cameo) AS cluster
FROM events
"""

_WINDOW = """
WITH ordered AS (
    SELECT event_id, doc_id, date, source_code, target_code, cameo_root,
           lag(date) OVER (PARTITION BY source_code, target_code, cameo_root, (date IS NULL),
                                        CASE WHEN date IS NULL THEN doc_id END
                           ORDER BY date, event_id) AS previous
    FROM events
), starts AS (
    SELECT *, CASE WHEN previous IS NULL OR date - previous > ? THEN 1 ELSE 0 END AS new_chain
    FROM ordered
)
SELECT event_id,
       concat_ws('|', source_code, target_code, cameo_root,
                 CASE WHEN date IS NULL THEN 'doc:' || doc_id ELSE 'chain' END,
                 CAST(sum(new_chain) OVER (PARTITION BY source_code, target_code, cameo_root, (date IS NULL),
                                                        CASE WHEN date IS NULL THEN doc_id END
                                           ORDER BY date, event_id) AS VARCHAR)) AS cluster
FROM starts
"""

_MERGE = """
WITH joined AS (
    SELECT c.cluster, e.* FROM _clusters c JOIN events e USING (event_id)
), code_votes AS (
    SELECT cluster, cameo, count(*) AS votes FROM joined GROUP BY cluster, cameo
), best_code AS (
    SELECT cluster, arg_max(cameo, votes * 100 + length(cameo) * 10 - CAST(cameo AS INTEGER) / 10000.0) AS cameo
    FROM code_votes GROUP BY cluster
)
SELECT substr(md5(j.cluster), 1, 16) AS merged_id,
       ? AS rule,
       min(j.date) AS date, max(j.date) AS last_date,
       coalesce(any_value(j.source_code) FILTER (WHERE j.date IS NOT NULL), any_value(j.source_code)) AS source_code, any_value(j.source_country) AS source_country,
       mode(j.source_sector) AS source_sector,
       coalesce(any_value(j.target_code) FILTER (WHERE j.date IS NOT NULL), any_value(j.target_code)) AS target_code, any_value(j.target_country) AS target_country,
       mode(j.target_sector) AS target_sector,
       b.cameo, any_value(j.cameo_root) AS cameo_root,
       count(*) AS mentions, count(DISTINCT j.doc_id) AS articles, count(DISTINCT j.outlet) AS sources,
       any_value(j.goldstein) FILTER (WHERE j.cameo = b.cameo) AS goldstein,
       any_value(j.quad_class) FILTER (WHERE j.cameo = b.cameo) AS quad_class, max(j.confidence) AS confidence,
       -- the most precise place any report gives (a city over its country), then by name
       arg_max(j.location_name, (CASE j.location_precision WHEN 'city' THEN 3 WHEN 'admin1' THEN 2 WHEN 'country' THEN 1 ELSE 0 END, j.location_name)) AS location_name,
       arg_max(j.location_country, (CASE j.location_precision WHEN 'city' THEN 3 WHEN 'admin1' THEN 2 WHEN 'country' THEN 1 ELSE 0 END, j.location_name)) AS location_country,
       list(j.event_id ORDER BY j.event_id) AS event_ids,
       list(DISTINCT j.doc_id ORDER BY j.doc_id) AS doc_ids
FROM joined j JOIN best_code b USING (cluster)
GROUP BY j.cluster, b.cameo
"""
