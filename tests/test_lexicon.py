"""Lexicon files: loading, user extensions and validation errors."""

from __future__ import annotations

import pytest

from dotterel.lexicon import LexiconError, build_lexicon, default_lexicon_files, load_lexicon
from dotterel.ontology import load_ontology


def test_default_lexicon_covers_every_cameo_root():
    lexicon = load_lexicon()
    roots = {p.cameo[:2] for ps in lexicon.verbs.values() for p in ps} | {n.cameo[:2] for n in lexicon.nouns.values()}
    assert roots >= {f"{r:02d}" for r in range(2, 21)}
    assert "hold" in lexicon.light_verbs


def test_yaml_words_on_and_off_stay_words():
    lexicon = load_lexicon()
    call_on = [p for p in lexicon.verb_patterns("call") if p.prep == "on"]
    assert call_on and call_on[0].target == ("on",)


def test_user_file_adds_patterns(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text('version: 1\nverbs:\n  - {verb: snub, cameo: "125", target: [dobj]}\n', encoding="utf-8")
    lexicon = build_lexicon([*default_lexicon_files(), extra], load_ontology())
    assert any(p.cameo == "125" for p in lexicon.verb_patterns("snub"))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('version: 1\nverbs:\n  - {verb: meet, cameo: "999"}\n', "unknown CAMEO code '999'"),
        ('version: 1\nverbs:\n  - {verb: meet}\n', "missing ['cameo']"),
        ('version: 1\nverbs:\n  - {verb: meet, cameo: "040", colour: red}\n', "unknown keys ['colour']"),
        ('version: 2\nverbs: []\n', "version: 1"),
        ('version: 1\nverbs:\n  - {verb: meet with them, cameo: "040"}\n', "at most one particle"),
        ("version: 1\nverbs: [\n", "cannot read lexicon"),
    ],
)
def test_bad_files_are_reported_with_file_and_entry(tmp_path, body, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        build_lexicon([bad], load_ontology())
    assert message in str(error.value)
    assert "bad.yaml" in str(error.value)
