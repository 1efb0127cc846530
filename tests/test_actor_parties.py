"""Political parties and other named organisations added to organizations.tsv.

Invented sentences, resolved on the real pipeline: each case names a mention and the code
it must get. Negatives check that bare words other bodies share do not become a party.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("sentence", "mention", "code"),
    [
        ("The BJP criticised Pakistan over the attack.", "The BJP", "INDGOV"),
        ("India's Congress party accused the government of lying.", "India's Congress party", "INDOPP"),
        ("Pakistan Tehreek-e-Insaf criticised the army.", "Pakistan Tehreek-e-Insaf", "PAKOPP"),
        ("PML-N leaders met the army chief.", "PML-N leaders", "PAKOPP"),
        ("The Awami League denounced the strike.", "The Awami League", "BGDGOV"),
        ("Likud attacked Yesh Atid over the budget.", "Yesh Atid", "ISROPP"),
        ("The LDP criticized China over the islands.", "The LDP", "JPNGOV"),
        ("The AfD criticised the chancellor.", "The AfD", "DEUOPP"),
        ("The CDU and the SPD agreed a coalition.", "the SPD", "DEUGOV"),
        ("The Tories attacked the prime minister.", "The Tories", "GBRGOV"),
        ("The Kuomintang sent a delegation to Beijing.", "The Kuomintang", "TWNOPP"),
        ("The PSUV denounced the United States.", "The PSUV", "VENGOV"),
        ("The Free Patriotic Movement criticised Hezbollah.", "The Free Patriotic Movement", "LBNGOV"),
        ("ZANU-PF accused the opposition of violence.", "ZANU-PF", "ZWEGOV"),
        ("The CHP accused Erdogan of corruption.", "The CHP", "TUROPP"),
        ("United Russia backed Putin.", "United Russia", "RUSGOV"),
        ("Servant of the People accused Russia of lying.", "Servant of the People", "UKRGOV"),
        ("The Jubilee Party expelled the senator.", "The Jubilee Party", "KENGOV"),
        ("The GOP blocked the bill.", "The GOP", "USAGOV"),
        ("Fatah Alliance leaders criticised Washington.", "Fatah Alliance leaders", "IRQGOV"),
        ("The Africa Corps arrived in Mali.", "The Africa Corps", "RUSMIL"),
        ("Fano militias attacked Ethiopian troops.", "Fano militias", "ETHREB"),
        ("Mai-Mai militias attacked Congolese soldiers.", "Mai-Mai militias", "CODUAF"),
        # A longer listed name wins over the generic name at its end.
        ("Norway's Labour Party criticised Russia.", "Norway's Labour Party", "NORGOV"),
        ("Russia's Liberal Democratic Party criticised NATO.", "Russia's Liberal Democratic Party", "RUSOPP"),
        ("Malawi's Democratic Progressive Party criticised Zambia.",
         "Malawi's Democratic Progressive Party", "MWIGOV"),
        ("The Nepali Congress party criticised India.", "The Nepali Congress party", "NPLGOV"),
    ],
)
def test_party_resolves(actors, sentence: str, mention: str, code: str) -> None:
    assert actors(sentence)[mention] == code


def test_bare_congress_stays_the_us_legislature(actors):
    assert actors("Congress passed sanctions on Iran.")["Congress"] == "USALEG"


def test_generic_party_names_with_a_country_keep_that_country(actors):
    # No bare "Democratic Party" or "National Front": the country named beside them decides.
    assert actors("Japan's Democratic Party criticised the budget.")["Japan's Democratic Party"] == "JPN"
    found = actors("Malaysia's National Front coalition criticised Singapore.")
    assert found["Malaysia's National Front coalition"] == "MYS"


@pytest.mark.parametrize(
    "sentence",
    [
        "Republicans criticized the plan.",
        "Greens protested in the square.",
        "The rebels seized an APC near the border.",
        "The DPP charged the suspect with fraud.",
    ],
)
def test_ambiguous_words_are_no_party(actors, sentence: str) -> None:
    codes = set(actors(sentence).values())
    party_codes = {"USAGOV", "USAOPP", "DEUOPP", "NGAGOV", "TWNGOV"}
    assert not codes & party_codes, codes


def test_pti_is_the_press_agency_and_not_the_party(actors):
    # "PTI reported" is the Press Trust of India far more often than Imran Khan's party
    assert "PAKOPP" not in actors("India accused Pakistan of sheltering militants, PTI reported.").values()


def test_a_party_name_another_country_shares_takes_the_country_named_beside_it(actors):
    assert actors("Malta's Labour Party criticised Libya.")["Malta's Labour Party"][:3] == "MLT"
    assert actors("The Syrian Baath Party praised Russia.")["The Syrian Baath Party"] == "SYRGOV"
    assert actors("Iraq's Dawa Party criticised Iran.")["Iraq's Dawa Party"] == "IRQGOV"
