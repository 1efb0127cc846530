"""Shared fixtures: one real pipeline (real spaCy model) per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def pipeline():
    from dotterel.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """Code a text; returns the events as JSON-like dicts for easy assertions."""

    def _code(text: str, date: str | None = "2023-03-07", title: str | None = None) -> list[dict]:
        return [e.to_dict() for e in pipeline.code_text(text, date=date, title=title)]

    return _code


def triples(events: list[dict]) -> set[tuple[str | None, str, str | None]]:
    """(source code, CAMEO root, target code) of each event."""
    return {
        ((e["source"] or {}).get("code"), e["cameo"][:2], (e["target"] or {}).get("code")) for e in events
    }
