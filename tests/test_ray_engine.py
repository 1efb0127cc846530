"""The Ray engine codes exactly what the local engine codes (local Ray instance, 2 CPUs)."""

from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES
from test_scale import table

INPUTS = [EXAMPLES / "articles", EXAMPLES / "articles.jsonl", EXAMPLES / "articles.csv", EXAMPLES / "page.html"]
TABLES = {"events": "event_id", "articles": "doc_id", "sentences": "doc_id, sentence_index", "actors": "ALL",
          "merged_events": "ALL"}


@pytest.fixture
def ray_instance(tmp_path_factory, monkeypatch):
    ray = pytest.importorskip("ray", reason="the dev extra installs ray[data]")
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             _temp_dir=str(tmp_path_factory.mktemp("ray")))  # fmt: skip
    yield ray
    ray.shutdown()


def test_ray_and_local_engines_store_the_same_events(ray_instance, tmp_path):
    from dotterel import code_files  # the public entry point

    extra = tmp_path / "extra.jsonl"  # a bad record and an id that the examples already use
    extra.write_text("{not json\n" + json.dumps({"id": "01_iran_iraq_foreign_minister_visit", "text": "Duplicate."})
                     + "\n", encoding="utf-8")  # fmt: skip
    inputs = [*INPUTS, extra]
    local_rejects, ray_rejects = [], []
    local = code_files(inputs, db=tmp_path / "local.duckdb", workers=1, on_reject=local_rejects.append)
    remote = code_files(inputs, db=tmp_path / "ray.duckdb", engine="ray", workers=2, on_reject=ray_rejects.append,
                        shard_dir=tmp_path / "shards")  # fmt: skip
    assert (remote.articles, remote.events, remote.rejects) == (local.articles, local.events, local.rejects)
    assert local.articles == 18 and local.rejects == 2
    assert sorted(r.reason for r in ray_rejects) == sorted(r.reason for r in local_rejects)
    for name, order in TABLES.items():  # every column but run_id
        assert table(tmp_path / "ray.duckdb", name, order) == table(tmp_path / "local.duckdb", name, order), name
    assert list((tmp_path / "shards").rglob("*.parquet"))

    again = code_files(inputs, db=tmp_path / "ray.duckdb", engine="ray", workers=2)
    assert (again.articles, again.skipped) == (0, 18)
    assert table(tmp_path / "ray.duckdb", "events", "event_id") == table(tmp_path / "local.duckdb", "events", "event_id")


def test_engine_ray_without_ray_is_a_clear_error(monkeypatch):
    import builtins

    from dotterel.engines.ray_engine import import_ray
    from dotterel.errors import DotterelError

    real = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray" or name.startswith("ray."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(DotterelError, match=r"pip install 'dotterel\[ray\]'"):
        import_ray()
