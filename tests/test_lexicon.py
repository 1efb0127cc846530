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


# -- pattern keys: duplicates, overrides, validation of the newer keys --------


def _write(path, body):
    path.write_text(body, encoding="utf-8")
    return path


def test_duplicate_pattern_in_one_file_names_both_entries(tmp_path):
    bad = _write(tmp_path / "dup.yaml", 'version: 1\nverbs:\n  - {verb: meet, cameo: "040"}\n  - {verb: praise, cameo: "051"}\n  - {verb: meet, cameo: "036"}\n')
    with pytest.raises(LexiconError) as error:
        build_lexicon([bad], load_ontology())
    assert "dup.yaml:verbs[3]:meet" in str(error.value)
    assert "dup.yaml:verbs[1]:meet" in str(error.value)


def test_particle_and_preposition_spellings_are_the_same_key(tmp_path):
    bad = _write(tmp_path / "dup.yaml", 'version: 1\nverbs:\n  - {verb: crack down, prep: on, cameo: "175"}\n  - {verb: crack, prep: down, cameo: "175"}\n  - {verb: crack on, prep: down, cameo: "175"}\n')
    with pytest.raises(LexiconError, match=r"verbs\[3\].*verbs\[1\]"):
        build_lexicon([bad], load_ontology())


def test_duplicate_noun_is_an_error(tmp_path):
    bad = _write(tmp_path / "dup.yaml", 'version: 1\nnouns:\n  - {noun: talks, cameo: "046"}\n  - {noun: talks, cameo: "040"}\n')
    with pytest.raises(LexiconError, match="nouns\\[2\\]:talks: duplicate"):
        build_lexicon([bad], load_ontology())


def test_duplicates_across_packaged_files_are_errors(tmp_path, monkeypatch):
    import dotterel.lexicon as lexicon_module

    monkeypatch.setattr(lexicon_module, "_packaged_folder", lambda: tmp_path.resolve())
    first = _write(tmp_path / "01_a.yaml", 'version: 1\nverbs:\n  - {verb: meet, cameo: "040"}\n')
    second = _write(tmp_path / "02_b.yaml", 'version: 1\nverbs:\n  - {verb: meet, prep: with, cameo: "040"}\n  - {verb: meet, cameo: "042"}\n')
    with pytest.raises(LexiconError) as error:
        build_lexicon([first, second], load_ontology())
    assert "02_b.yaml:verbs[2]:meet" in str(error.value) and "01_a.yaml:verbs[1]:meet" in str(error.value)


def test_user_file_replaces_the_packaged_pattern(tmp_path):
    extra = _write(tmp_path / "mine.yaml", 'version: 1\nverbs:\n  - {verb: praise, cameo: "050", target: [dobj]}\nnouns:\n  - {noun: talks, cameo: "040", target: [with]}\n')
    lexicon = build_lexicon([*default_lexicon_files(), extra], load_ontology())
    plain = [p for p in lexicon.verb_patterns("praise") if not p.particle and not p.prep]
    assert [p.cameo for p in plain] == ["050"]
    assert lexicon.noun_pattern("talks").cameo == "040"
    # a second user file may override the first one too
    later = _write(tmp_path / "later.yaml", 'version: 1\nverbs:\n  - {verb: praise, cameo: "051", target: [dobj]}\n')
    lexicon = build_lexicon([*default_lexicon_files(), extra, later], load_ontology())
    assert [p.cameo for p in lexicon.verb_patterns("praise") if not p.prep] == ["051"]



def test_two_lexicons_read_one_parse_each_with_its_own_patterns(tmp_path, pipeline):
    # noun triggers are cached on the parsed doc; a second lexicon must not see the first one's
    from dotterel.triggers import noun_trigger

    doc = pipeline.nlp("The talks with Iran ended.")
    talks = next(t for t in doc if t.lower_ == "talks")
    packaged = load_lexicon()
    extra = _write(tmp_path / "mine.yaml", 'version: 1\nnouns:\n  - {noun: talks, cameo: "040", target: [with]}\n')
    custom = build_lexicon([*default_lexicon_files(), extra], load_ontology())
    assert packaged.noun_pattern("talks").cameo != "040"
    assert noun_trigger(packaged, talks).code == packaged.noun_pattern("talks").cameo
    assert noun_trigger(custom, talks).code == "040"
    assert noun_trigger(packaged, talks).code != "040"

@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('{verb: lift, cameo: "085", only_objects: true}', "'only_objects' needs 'objects'"),
        ('{verb: lift, cameo: "085", only_objects: "yes", objects: {ban: "081"}}', "'only_objects' is true or false"),
        ('{verb: meet, cameo: "040", symmetric: 1}', "'symmetric' is true or false"),
        ('{verb: attack, cameo: "190", intent: "190"}', r"intent '190' is not an intent \(03x\) or threat \(13x\) code"),
        ('{verb: attack, cameo: "190", objects: {rockets: "999"}}', "unknown CAMEO code '999'"),
    ],
)
def test_new_keys_are_validated(tmp_path, entry, message):
    bad = _write(tmp_path / "bad.yaml", f"version: 1\nverbs:\n  - {entry}\n")
    with pytest.raises(LexiconError, match=message):
        build_lexicon([bad], load_ontology())


def test_only_objects_flag_is_loaded():
    lexicon = load_lexicon()
    (lift,) = [p for p in lexicon.verb_patterns("relax") if not p.prep]
    assert lift.only_objects and lift.objects["curfew"] == "0813"


# -- the packaged lexicon --------------------------------------------------------


def test_packaged_lexicon_has_one_file_per_cameo_root():
    names = [p.name for p in default_lexicon_files()]
    assert "light_verbs.yaml" in names
    roots = sorted(n[:2] for n in names if n[:2].isdigit())
    assert roots == [f"{r:02d}" for r in range(1, 21)]
    for path in default_lexicon_files():
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# dotterel event lexicon"), path.name
        assert "\ndescription:" in text and "\nversion: 1\n" in text, path.name


def test_packaged_lexicon_patterns_sit_in_their_root_file():
    """A pattern lives in the file of its base code (its object map may reach other roots)."""
    lexicon = load_lexicon()
    patterns = [p for ps in lexicon.verbs.values() for p in ps] + list(lexicon.nouns.values())
    assert sum(len(ps) for ps in lexicon.verbs.values()) >= 900
    assert len(lexicon.nouns) >= 200
    misplaced = [p.id for p in patterns if p.id[:2] != p.cameo[:2]]
    assert not misplaced


def test_packaged_lexicon_words_are_single_spacy_tokens():
    """spaCy splits hyphenated words ("cease-fire"), so a hyphenated lemma never matches."""
    lexicon = load_lexicon()
    for lemma, patterns in lexicon.verbs.items():
        assert "-" not in lemma, patterns[0].id
    for lemma, noun in lexicon.nouns.items():
        assert "-" not in lemma, noun.id


def test_light_verbs_that_have_patterns_code_their_nouns_alike():
    """A light verb with its own object map must not code a governed noun differently."""
    lexicon = load_lexicon()
    allowed = {("impose", "boycott"), ("reiterate", "call"), ("renew", "call")}
    for verb in lexicon.light_verbs:
        for pattern in lexicon.verb_patterns(verb):
            for noun, noun_pattern in lexicon.nouns.items():
                code = pattern.objects.get(noun)
                if code is not None and code != noun_pattern.cameo:
                    assert (verb, noun) in allowed, (pattern.id, noun, code, noun_pattern.cameo)


# -- lexicon behaviour on sentences written for these tests --------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Philippines lodged a protest with China.", {("114", "PHL", "CHN")}),
        ("The US threatened Iran with new sanctions.", {("1312", "USA", "IRN")}),
        ("Russia withdrew its ambassador from Moldova.", {("161", "RUS", "MDA")}),
        ("Iran expelled two German diplomats.", {("161", "IRN", "DEU")}),
        ("Turkey sold drones to Ukraine.", {("062", "TUR", "UKR")}),
        ("Germany sent tanks to Ukraine.", {("072", "DEU", "UKR")}),
        ("China gave Pakistan a loan.", {("071", "CHN", "PAK")}),
        ("Israel dropped bombs on Gaza.", {("195", "ISR", "PSE")}),
        ("Beijing dismissed the US accusations.", {("016", "CHNGOV", "USA")}),
        ("Armenia and Azerbaijan traded accusations over the shelling.", {("112", "ARM", "AZE"), ("112", "AZE", "ARM")}),
        ("The EU delivered a rebuke to Hungary.", {("111", "IGOEEC", "HUN")}),
        # phrasal verbs and light-verb constructions added for issue 3
        ("Qatar facilitated talks between the United States and the Taliban.", {("045", "QAT", "USA"), ("045", "QAT", "AFGREB")}),
        ("Germany opened an embassy in Kosovo.", {("054", "DEU", "KSV")}),
        ("Turkey buried the hatchet with Greece.", {("050", "TUR", "GRC")}),
        ("Ukraine applied for EU membership.", {("022", "UKR", "IGOEEC")}),
        ("China invited Vietnam to talks.", {("026", "CHN", "VNM")}),
        ("Russia drew down its troops from Syria.", {("0874", "RUS", "SYR")}),
        ("The EU put pressure on Hungary.", {("100", "IGOEEC", "HUN")}),
        ("France threw its weight behind the German proposal.", {("051", "FRA", "DEU")}),
        ("Germany extended an olive branch to Russia.", {("030", "DEU", "RUS")}),
    ],
)
def test_packaged_patterns_code_these_sentences(code, text, expected):
    assert {(e["cameo"], e["source"]["code"], e["target"]["code"]) for e in code(text)} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Brazil beat Argentina 2-1 in the final.",
        "Russia sent a letter to the United Nations.",
        "The president delivered a speech to the UN General Assembly.",
        "France and Germany share a border.",
        "Iran sought to undermine Saudi Arabia.",
        "The foreign minister returned to Tehran on Monday.",
        "The Senate approved aid to Ukraine.",
        "Japan struck a conciliatory tone.",
        "The US deployed troops to Poland.",
        # non-political uses of verbs added for issue 3
        "The farmers worked with the new machines.",
        "The company pumped water into the tank.",
        "The team scrambled to finish the report.",
        "She planted trees in the park.",
        "The minister left the building on Monday.",
        "The storm damaged houses in the village.",
        "The workers picked up the boxes.",
        "He ditched his car near the station.",
        "The orchestra played host to a famous violinist.",
    ],
)
def test_packaged_patterns_leave_these_sentences_alone(code, text):
    assert not code(text)


def test_a_noun_that_requires_a_modifier_names_the_act_only_with_it(tmp_path, pipeline):
    from dotterel.triggers import noun_trigger

    extra = _write(tmp_path / "games.yaml", 'version: 1\nnouns:\n  - {noun: games, cameo: "150", target: [near], requires: [war]}\n')
    lexicon = build_lexicon([*default_lexicon_files(), extra], load_ontology())
    war = pipeline.nlp("China held war games near Taiwan.")
    sport = pipeline.nlp("China held the Asian games near Taiwan.")
    assert noun_trigger(lexicon, next(t for t in war if t.lower_ == "games")).code == "150"
    assert noun_trigger(lexicon, next(t for t in sport if t.lower_ == "games")) is None
    bad = _write(tmp_path / "bad.yaml", 'version: 1\nnouns:\n  - {noun: games, cameo: "150", requires: war}\n')
    with pytest.raises(LexiconError, match="'requires' is a list of modifier words"):
        build_lexicon([*default_lexicon_files(), bad], load_ontology())
