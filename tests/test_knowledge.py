"""Behaviour of the actor knowledge base: packaged data, lookups, validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dotterel.knowledge import (
    Country,
    KBEntry,
    KnowledgeBase,
    KnowledgeBaseError,
    default_actor_dir,
    load_knowledge_base,
)

PEOPLE_HEADER = "name\taliases\tcountry\tsector\trole\tstart\tend\tnote"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def codes(entries: list[KBEntry]) -> set[str]:
    return {entry.code for entry in entries}


def write(tmp_path: Path, name: str, *lines: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------- packaged data


def test_default_data_loads_and_is_cached(kb: KnowledgeBase) -> None:
    assert (default_actor_dir() / "people.tsv").is_file()
    assert load_knowledge_base() is kb
    assert len(kb.countries) >= 240
    assert kb.country("IRQ") == Country(
        "IRQ", "Iraq", kb.country("IRQ").aliases, ("Iraqi", "Iraqis"), ("Baghdad",)
    )
    with pytest.raises(KeyError):
        kb.country("XXX")


def test_adjective_and_capital(kb: KnowledgeBase) -> None:
    (iraqi,) = kb.lookup("Iraqi")
    assert (iraqi.code, iraqi.country, iraqi.sector, iraqi.kind) == ("IRQ", "IRQ", None, "adjective")
    assert {(e.code, e.kind) for e in kb.lookup("Tehran")} == {("IRN", "capital")}
    assert codes(kb.lookup("Teheran")) == {"IRN"}


@pytest.mark.parametrize("surface", ["US", "U.S.", "the United States", "United States", "USA", "America"])
def test_united_states_variants(kb: KnowledgeBase, surface: str) -> None:
    found = kb.lookup(surface)
    assert found and codes(found) == {"USA"}
    assert all(e.country == "USA" for e in found)


@pytest.mark.parametrize("surface", ["us", "is", "un", "who", "turkey", "chad", "polish", ""])
def test_ordinary_lower_case_words_never_match(kb: KnowledgeBase, surface: str) -> None:
    assert kb.lookup(surface) == []


def test_acronyms_are_case_sensitive_but_names_are_not(kb: KnowledgeBase) -> None:
    assert codes(kb.lookup("UN")) == {"IGOUNO"}
    assert codes(kb.lookup("U.N.")) == {"IGOUNO"}
    assert kb.lookup("Un") == []
    assert codes(kb.lookup("IS")) == {"IMGMUSISI"}
    assert codes(kb.lookup("IRAN")) == {"IRN"}  # all-caps headline
    assert codes(kb.lookup("Turkey")) == {"TUR"}


def test_normalisation_of_quotes_dashes_and_diacritics(kb: KnowledgeBase) -> None:
    assert codes(kb.lookup("Côte d\u2019Ivoire")) == {"CIV"}
    assert codes(kb.lookup("Cote d'Ivoire")) == {"CIV"}
    assert codes(kb.lookup("al\u2013Qaeda")) == {"IMGMUSALQ"}
    assert codes(kb.lookup("al Qaeda")) == {"IMGMUSALQ"}
    assert codes(kb.lookup("Guinea Bissau")) == {"GNB"}
    assert codes(kb.lookup("Elysee")) == codes(kb.lookup("Élysée")) == {"FRAGOV"}


def test_institutions_and_organizations(kb: KnowledgeBase) -> None:
    (white_house,) = kb.lookup("White House")
    assert (white_house.code, white_house.country, white_house.sector) == ("USAGOV", "USA", "GOV")
    assert white_house.kind == "institution"
    (hezbollah,) = kb.lookup("Hezbollah")
    assert (hezbollah.code, hezbollah.country, hezbollah.sector) == ("LBNREB", "LBN", "REB")
    (un,) = kb.lookup("UN")
    assert (un.code, un.country, un.name, un.kind) == ("IGOUNO", None, "United Nations", "organization")
    assert codes(kb.lookup("Revolutionary Guards")) == {"IRNMIL"}
    assert codes(kb.lookup("Quds Force")) == {"IRNMIL"}
    assert codes(kb.lookup("Pentagon")) == {"USAMIL"}
    assert codes(kb.lookup("Kremlin")) == {"RUSGOV"}
    assert codes(kb.lookup("Hashd al-Shaabi")) == codes(kb.lookup("PMF")) == {"IRQREB"}
    assert codes(kb.lookup("Houthis")) == {"YEMREB"}
    assert codes(kb.lookup("Daesh")) == {"IMGMUSISI"}


def test_surfaces_cover_all_kinds(kb: KnowledgeBase) -> None:
    surfaces = set(kb.surfaces())
    for expected in ("Iraq", "Iraqi", "Tehran", "White House", "Hezbollah", "Fuad Hussein",
                     "United States", "al Qaeda", "Cote d'Ivoire"):
        assert expected in surfaces
    assert "the United States" not in surfaces  # the article is matched separately


# ---------------------------------------------------------------- people


@pytest.mark.parametrize(
    ("surface", "on", "code", "role"),
    [
        ("Rouhani", dt.date(2020, 9, 27), "IRNGOV", "president"),
        ("Raisi", dt.date(2021, 12, 23), "IRNGOV", "president"),
        ("Pompeo", dt.date(2020, 9, 27), "USAGOV", "secretary of state"),
        ("Pompeo", dt.date(2017, 6, 1), "USASPY", "CIA director"),
        ("Fuad Hussein", dt.date(2021, 3, 1), "IRQGOV", "foreign minister"),
        ("Soleimani", dt.date(2019, 5, 1), "IRNMIL", "Quds Force commander"),
        ("Ghaani", dt.date(2021, 1, 1), "IRNMIL", "Quds Force commander"),
        ("Kadhimi", dt.date(2019, 1, 1), "IRQSPY",
         "director of the Iraqi National Intelligence Service"),
        ("Khamenei", dt.date(2020, 1, 3), "IRNGOV", "supreme leader"),
        ("Guterres", dt.date(2020, 1, 1), "IGOUNO", "UN secretary-general"),
        # office holders added in the third actor round
        ("Boluarte", dt.date(2025, 10, 1), "PERGOV", "president"),
        ("Boluarte", dt.date(2025, 10, 20), "PERELI", "former president"),
        ("Dodik", dt.date(2025, 9, 15), "BIHELI", "former president of Republika Srpska"),
        ("Paetongtarn", dt.date(2025, 9, 15), "THAELI", "former prime minister"),
        ("Babis", dt.date(2026, 1, 15), "CZEGOV", "prime minister"),
        ("Nakasone", dt.date(1985, 1, 1), "JPNGOV", "prime minister"),
        ("Gromyko", dt.date(1983, 1, 1), "RUSGOV", "Soviet foreign minister"),
        ("Peter MacKay", dt.date(2010, 1, 1), "CANGOV", "defence minister"),
        ("Soro", dt.date(2004, 1, 1), "CIVREB", "Forces Nouvelles rebel leader"),
        ("Stephen Smith", dt.date(2011, 1, 1), "AUSGOV", "defence minister"),
    ],
)
def test_person_role_on_date(kb: KnowledgeBase, surface: str, on: dt.date, code: str, role: str) -> None:
    entry = kb.person(surface, on)
    assert entry is not None
    assert (entry.code, entry.role, entry.kind) == (code, role, "person")


def test_raisi_before_presidency_is_not_president(kb: KnowledgeBase) -> None:
    entry = kb.person("Raisi", dt.date(2019, 1, 1))
    assert entry is None or entry.role != "president"
    assert entry is not None and entry.code != "IRNGOV"
    judiciary = kb.person("Raisi", dt.date(2020, 6, 1))
    assert judiciary is not None and (judiciary.code, judiciary.role) == ("IRNJUD", "chief justice")


def test_ended_role_becomes_elite(kb: KnowledgeBase) -> None:
    former = kb.person("Soleimani", dt.date(2021, 1, 1))
    assert former is not None
    assert (former.code, former.sector, former.role) == ("IRNELI", "ELI", "former Quds Force commander")
    assert former.end == dt.date(2020, 1, 3)


def test_person_without_date_gets_latest_role(kb: KnowledgeBase) -> None:
    latest = kb.person("Pompeo", None)
    assert latest is not None and latest.role == "secretary of state"


def test_person_before_any_role_or_unknown(kb: KnowledgeBase) -> None:
    assert kb.person("Pezeshkian", dt.date(2020, 1, 1)) is None
    assert kb.person("Nobody Atall", dt.date(2020, 1, 1)) is None
    assert kb.person("Iraq", dt.date(2020, 1, 1)) is None  # a country, not a person


def test_two_office_holders_with_one_name_are_ambiguous(kb: KnowledgeBase) -> None:
    assert kb.person("King Abdullah", dt.date(2010, 1, 1)) is None  # Jordan and Saudi Arabia
    jordan = kb.person("King Abdullah", dt.date(2020, 1, 1))
    assert jordan is not None and jordan.code == "JORGOV"


def test_people_lookup_returns_every_role(kb: KnowledgeBase) -> None:
    roles = {e.role for e in kb.lookup("Pompeo")}
    assert roles == {"CIA director", "secretary of state"}


# ---------------------------------------------------------------- sectors


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("foreign ministers", "GOV"),
        ("foreign minister", "GOV"),
        ("troops", "MIL"),
        ("soldier", "MIL"),
        ("policemen", "COP"),
        ("security forces", "COP"),
        ("militiamen", "UAF"),
        ("rebels", "REB"),
        ("protesters", "OPP"),
        ("civilians", "CVL"),
        ("parliament speaker", "LEG"),
        ("defense minister", "GOV"),
        ("defence ministry", "MIL"),
        ("heads of state", "GOV"),
        ("Spokespeople", "GOV"),
        ("the judiciary", "JUD"),
        ("children", "CVL"),
        ("former prime minister", "ELI"),
        ("ex-president", "ELI"),
        ("former rebels", "REB"),
    ],
)
def test_sector_of(kb: KnowledgeBase, phrase: str, sector: str) -> None:
    assert kb.sector_of(phrase) == sector


def test_sector_of_unknown(kb: KnowledgeBase) -> None:
    assert kb.sector_of("banana") is None
    assert kb.sector_of("") is None


def test_sector_phrases_include_plurals(kb: KnowledgeBase) -> None:
    phrases = set(kb.sector_phrases())
    assert {"foreign minister", "foreign ministers", "militiamen", "heads of state", "troops"} <= phrases
    assert all(p == p.lower() for p in phrases)


# ---------------------------------------------------------------- user files


def test_user_file_adds_a_person(tmp_path: Path) -> None:
    extra = write(
        tmp_path, "mine.tsv",
        "# dotterel actors: my people, version 1",
        PEOPLE_HEADER,
        "# a comment between rows is fine",
        "Jane Example\tExample|J. Example\tIRQ\tGOV\tgovernor of Basra\t2021-03\t\ttest row",
        "Hassan Rouhani\t\tIRN\tELI\telder statesman\t2022\t\textra role for a known person",
    )
    kb = load_knowledge_base([extra])
    assert kb is not load_knowledge_base()
    entry = kb.person("Example", dt.date(2022, 1, 1))
    assert entry is not None
    assert (entry.code, entry.name, entry.role, entry.start) == (
        "IRQGOV", "Jane Example", "governor of Basra", dt.date(2021, 3, 1)
    )
    assert kb.person("Example", dt.date(2021, 2, 28)) is None
    # Packaged aliases apply to a user's new role for a known person.
    rouhani = kb.person("Rouhani", dt.date(2023, 1, 1))
    assert rouhani is not None and rouhani.role == "elder statesman"
    assert load_knowledge_base().person("Example", dt.date(2022, 1, 1)) is None


def test_user_files_of_other_kinds(tmp_path: Path) -> None:
    orgs = write(tmp_path, "orgs.tsv", "name\taliases\tcode\tcountry\tsector\tnote",
                 "Test Brigade\tTB-1\tIRQREB\tIRQ\tREB\t",
                 "Global Test Watch\t\tNGOTST\t\tHRI\t")
    sectors = write(tmp_path, "sectors.tsv", "phrase\tsector\tnote", "drone operator\tMIL\t",
                    "activist\tHRI\toverrides the packaged OPP")
    people = write(tmp_path, "people.tsv", PEOPLE_HEADER,
                   "Ann Watcher\t\tNGOTST\tHRI\tdirector\t2020-01-01\t\t")
    kb = load_knowledge_base([people, sectors, orgs])  # order of files does not matter
    assert codes(kb.lookup("TB 1")) == {"IRQREB"}
    assert kb.sector_of("drone operators") == "MIL"
    assert kb.sector_of("activists") == "HRI"
    watcher = kb.person("Ann Watcher", dt.date(2024, 1, 1))
    assert watcher is not None and (watcher.code, watcher.country) == ("NGOTST", None)


BAD_FILES = [
    ("wrong column count", [PEOPLE_HEADER, "A\t\tIRQ\tGOV\tminister\t2020"], 2, "expected 8 columns"),
    ("unknown header", ["# comment", "who\twhat\twhen"], 2, "unknown header"),
    ("iso3 not upper case", [PEOPLE_HEADER, "A\t\tirq\tGOV\tminister\t2020\t\t"], 2, "3 upper-case letters"),
    ("iso3 unknown", [PEOPLE_HEADER, "A\t\tXYZ\tGOV\tminister\t2020\t\t"], 2, "not in countries.tsv"),
    ("unknown sector", [PEOPLE_HEADER, "#", "A\t\tIRQ\tBOSS\tminister\t2020\t\t"], 3,
     "unknown sector code 'BOSS'"),
    ("bad date", [PEOPLE_HEADER, "A\t\tIRQ\tGOV\tminister\t2020-13-01\t\t"], 2, "bad date '2020-13-01'"),
    ("bad date text", [PEOPLE_HEADER, "A\t\tIRQ\tGOV\tminister\tlast year\t\t"], 2, "bad date"),
    ("end before start", [PEOPLE_HEADER, "A\t\tIRQ\tGOV\tminister\t2020-05-01\t2019\t"], 2, "before start"),
    ("empty role", [PEOPLE_HEADER, "A\t\tIRQ\tGOV\t\t2020\t\t"], 2, "empty role"),
    ("duplicate iso3", ["iso3\tname\taliases\tadjectives\tcapitals", "IRQ\tIraq again\t\t\t"], 2,
     "duplicate iso3 'IRQ'"),
    ("org code without country", ["name\taliases\tcode\tcountry\tsector\tnote", "X\t\tABCDEF\t\tREB\t"], 2,
     "needs a country"),
    ("org code of another country", ["name\taliases\tcode\tcountry\tsector\tnote", "X\t\tIRNREB\tIRQ\tREB\t"],
     2, "does not start with country"),
    ("conflicting phrase", ["phrase\tsector\tnote", "envoy\tGOV\t", "envoy\tMIL\t"], 3,
     "already mapped to GOV"),
    ("unsupported version", ["# dotterel actors: people, version 2", PEOPLE_HEADER], 1,
     "unsupported version"),
    ("no header", ["# only comments"], 1, "no header"),
]


@pytest.mark.parametrize(("label", "lines", "line", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_validation_errors_name_file_and_line(
    tmp_path: Path, label: str, lines: list[str], line: int, message: str
) -> None:
    bad = write(tmp_path, "bad.tsv", *lines)
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base([bad])
    assert str(caught.value).startswith(f"{bad}:{line}: ")
    assert message in str(caught.value)


def test_non_utf8_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.tsv"
    bad.write_bytes("phrase\tsector\tnote\nministère\tGOV\t\n".encode("latin-1"))
    with pytest.raises(KnowledgeBaseError, match=r"latin1\.tsv:1: not UTF-8"):
        load_knowledge_base([bad])


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="cannot read file"):
        load_knowledge_base([tmp_path / "absent.tsv"])


def test_armed_groups_regions_and_the_red_cross(kb: KnowledgeBase) -> None:
    codes = lambda surface: {e.code for e in kb.lookup(surface)}  # noqa: E731
    assert codes("Polisario") == {"ESHSEP"}
    assert codes("RENAMO") == {"MOZREB"}
    assert codes("ECOMOG") == {"IGOWAS"}
    assert codes("Red Cross") == {"IGOIRC"} and codes("ICRC") == {"IGOCRC"}
    # States and provinces give their country; the gazetteer's towns of the
    # same name elsewhere (Florida in Cuba, Ontario in California) do not win.
    assert codes("Gujarat") == {"IND"} and codes("Florida") == {"USA"} and codes("Ontario") == {"CAN"}
    assert codes("Kaduna State") == {"NGA"} and codes("Bavaria") == {"DEU"}


def test_the_iom_is_intergovernmental_and_initials_match_spaced_or_not(kb: KnowledgeBase) -> None:
    assert {e.code for e in kb.lookup("IOM")} == {"IGO"}
    assert {e.name for e in kb.lookup("P.W. Botha")} == {e.name for e in kb.lookup("P. W. Botha")} == {"P. W. Botha"}
