"""Segmenting and parsing: headlines, datelines, sentence boundaries."""

from __future__ import annotations

from dotterel.model import Article
from dotterel.nlp import looks_like_title, recase_headline, split_segments


def known(word: str) -> bool:
    return word in {"Iran", "Tehran", "US", "Baghdad"}


def test_title_case_headline_is_recased_keeping_names_and_length():
    headline = "Baghdad Calls For Iran-US Direct Talks"
    recased = recase_headline(headline, known)
    assert recased == "Baghdad calls for Iran-US direct talks"
    assert len(recased) == len(headline)


def test_all_capitals_headline_is_recased_keeping_names_and_acronyms(code):
    headline = "TEHRAN CALLS FOR IRAN-US DIRECT TALKS"
    recased = recase_headline(headline, known)
    assert recased == "Tehran calls for Iran-US direct talks"
    assert len(recased) == len(headline)
    # and the coder reads a capitals-only headline as the sentence it is
    assert {e["cameo"][:2] for e in code("SYRIA ACCUSES ISRAEL OF AIR STRIKES")} == {"11"}


def test_sentence_case_headline_is_left_alone():
    headline = "Iran and Iraq sign a border deal"
    assert recase_headline(headline, known) == headline


def test_dateline_is_split_from_the_first_paragraph():
    text = "Rebels Seize Town\n\nGOMA, June 3 (Example Wire) - Rebels seized the town on Friday.\n\nMore text."
    article = Article(id="a", text=text, title="Rebels Seize Town")
    segments = split_segments(article)
    kinds = [kind for _s, _e, kind in segments]
    assert kinds == ["headline", "dateline", "body", "body"]
    dateline = segments[1]
    assert text[dateline[0]:dateline[1]] == "GOMA, June 3 (Example Wire) -"
    assert text[segments[2][0]:segments[2][1]].startswith("Rebels seized")


def test_colon_dateline_and_no_false_dateline():
    article = Article(id="a", text="NAIROBI: Police arrested ten people.")
    assert [k for _s, _e, k in split_segments(article)] == ["dateline", "body"]
    plain = Article(id="b", text="US troops left the base. Nothing else happened.")
    assert [k for _s, _e, k in split_segments(plain)] == ["body"]


def test_sentences_keep_headline_apart_and_offsets_exact(pipeline):
    text = "Ministers Meet In Cairo\n\nEgypt's foreign minister met Jordanian officials. “We agreed,” he said."
    article = Article(id="a", text=text, title="Ministers Meet In Cairo")
    (parsed,) = list(pipeline.parser.parse([article]))
    records = [s.record for s in parsed.sentences]
    assert records[0].is_headline and records[0].text == "Ministers Meet In Cairo"
    assert all(text[r.start:r.end] == r.text for r in records)
    assert not any(r.text.startswith("”") for r in records)


def test_dateline_place_is_not_an_actor(code):
    text = "KABUL, May 2 (Example Wire) - Pakistan accused Afghanistan of sheltering militants."
    events = code(text)
    assert events
    assert all(e["source"]["code"] == "PAK" for e in events)


def test_title_case_sentence_in_a_body_looks_like_a_headline():
    assert looks_like_title("Japan Expels Russian Diplomats Over Spying Claims.")
    assert looks_like_title("Chile Recalls Its Envoy to Peru")
    # names and titles, but a lower-case verb: an ordinary sentence
    assert not looks_like_title("Saudi Crown Prince Mohammed bin Salman met U.S. President Joe Biden.")
    assert not looks_like_title("Iran Says")



def test_a_headline_whose_verb_the_model_reads_as_a_noun_is_parsed_again(pipeline):
    events = pipeline.code_text("Officials spoke on Monday.", title="U.S. Lifts Travel Ban on Cuba", date="2023-03-07")
    lifted = [e for e in events if e.trigger and e.trigger.text == "Lifts"]
    assert [(e.source.code, e.cameo, e.target.code) for e in lifted] == [("USA", "081", "CUB")]
    assert lifted[0].sentence == "U.S. Lifts Travel Ban on Cuba"  # the article's own words and offsets


def test_reparse_leaves_headlines_with_a_verb_alone(pipeline):
    from dotterel.nlp import reparse_verbless_headline

    doc = pipeline.nlp("Kenya sends police to Haiti")
    assert reparse_verbless_headline(doc, pipeline.nlp, lambda lemma: True) is doc
    nouns = pipeline.nlp("U.S. lifts travel ban on Cuba")
    assert reparse_verbless_headline(nouns, pipeline.nlp, lambda lemma: False) is nouns
