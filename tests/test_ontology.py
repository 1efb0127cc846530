"""The CAMEO/PLOVER ontology table and its loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.errors import DataError
from dotterel.ontology import (
    HEADER,
    PLOVER_TYPES,
    CameoCode,
    Ontology,
    OntologyError,
    default_ontology_path,
    load_ontology,
    quad_class_for_root,
)

# -- the shipped table -----------------------------------------------------


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def test_default_table_loads_and_is_cached(onto: Ontology) -> None:
    assert default_ontology_path().is_file()
    assert len(onto) >= 300
    assert load_ontology() is onto  # one parsed table shared by every stage


def test_first_line_names_the_table_version() -> None:
    first = default_ontology_path().read_text(encoding="utf-8").splitlines()[0]
    assert first == "# dotterel CAMEO/PLOVER ontology, version 1"


def test_all_twenty_roots(onto: Ontology) -> None:
    assert [c.code for c in onto.roots()] == [f"{n:02d}" for n in range(1, 21)]
    assert all(c.level == 0 for c in onto.roots())


def test_levels_and_code_shapes(onto: Ontology) -> None:
    assert onto.get("04").level == 0
    assert onto.get("043").level == 1
    assert onto.get("0311").level == 2
    for c in onto:
        assert c.root == c.code[:2]
        assert 2 <= len(c.code) <= 4 and c.code.isascii() and c.code.isdigit()


@pytest.mark.parametrize(
    ("code", "goldstein", "quad", "plover", "mode"),
    [
        ("01", 0.0, 1, None, None),
        ("016", -2.0, 1, None, None),
        ("022", 3.2, 1, "REQUEST", "assist"),
        ("036", 4.0, 1, "AGREE", None),
        ("042", 1.9, 1, "CONSULT", "visit"),
        ("043", 2.8, 1, "CONSULT", "visit"),
        ("057", 8.0, 1, "SUPPORT", None),
        ("073", 7.4, 2, "AID", None),
        ("0871", 9.0, 2, "RETREAT", "ceasefire"),
        ("0874", 10.0, 2, "RETREAT", "disarm"),
        ("112", -2.0, 3, "ACCUSE", "disapprove"),
        ("1123", -2.0, 3, "ACCUSE", "allege"),
        ("1213", -4.0, 3, "REJECT", "assist"),
        ("1384", -7.0, 3, "THREATEN", "violence"),
        ("145", -7.5, 4, "PROTEST", "riot"),
        ("154", -7.2, 4, "MOBILIZE", "troops"),
        ("163", -8.0, 4, "COERCE", "restrict"),
        ("164", -7.0, 4, "SANCTION", "withdraw"),
        ("173", -5.0, 4, "COERCE", "arrest"),
        ("175", -9.0, 4, "ASSAULT", "pro_autocracy"),
        ("1712", -9.2, 4, "ASSAULT", "seize"),
        ("1823", -10.0, 4, "ASSAULT", None),
        ("190", -10.0, 4, "ASSAULT", None),
        ("191", -9.5, 4, "COERCE", "restrict"),
        ("193", -10.0, 4, "ASSAULT", "firearms"),
        ("2042", -10.0, 4, "ASSAULT", "unconventional"),
    ],
)
def test_known_facts(
    onto: Ontology, code: str, goldstein: float, quad: int, plover: str | None, mode: str | None
) -> None:
    c = onto.get(code)
    assert (c.goldstein, c.quad_class, c.plover_type, c.plover_mode) == (goldstein, quad, plover, mode)


def test_quad_classes_follow_roots(onto: Ontology) -> None:
    expected = {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    for quad, roots in expected.items():
        for n in roots:
            assert onto.get(f"{n:02d}").quad_class == quad
    assert all(c.quad_class == onto.get(c.root).quad_class for c in onto)


def test_fight_and_mass_violence_are_assault_except_coercion(onto: Ontology) -> None:
    for c in onto:
        if c.root in {"18", "19", "20"}:
            expected = "COERCE" if c.code == "191" else "ASSAULT"  # 192 taking territory is fighting
            assert c.plover_type == expected, c.code


def test_statements_have_no_plover_type_and_appeals_are_requests(onto: Ontology) -> None:
    assert all(c.plover_type is None for c in onto if c.root == "01")
    assert all(c.plover_type == "REQUEST" for c in onto if c.root == "02")
    # Outside root 01 every code has a PLOVER type.
    assert all(c.plover_type for c in onto if c.root != "01")


def test_multiple_contexts_and_plover_types(onto: Ontology) -> None:
    assert onto.get("1124").plover_context == "military;legal"
    assert onto.plover_types() == list(PLOVER_TYPES)


def test_names_are_filled_and_unique(onto: Ontology) -> None:
    names = [c.name for c in onto]
    assert all(n.strip() for n in names)
    assert len(set(names)) == len(names)


def test_parent_and_children(onto: Ontology) -> None:
    assert onto.parent("04") is None
    assert onto.parent("043").code == "04"
    assert onto.parent("0311").code == "031"
    assert [c.code for c in onto.children("04")] == ["040", "041", "042", "043", "044", "045", "046"]
    assert [c.code for c in onto.children("204")] == ["2041", "2042"]
    assert onto.children("2042") == []
    with pytest.raises(KeyError):
        onto.children("999")


def test_unknown_codes(onto: Ontology) -> None:
    assert "043" in onto
    assert "999" not in onto
    assert 43 not in onto  # codes are strings; integers lose the leading zero
    with pytest.raises(KeyError, match="unknown CAMEO code '999'"):
        onto.get("999")


# -- validation ---------------------------------------------------------------

_HEAD = "\t".join(HEADER)
_GOOD_ROWS = [
    "04\t04\tConsult\t1.0\t1\tCONSULT\t\t",
    "043\t04\tHost a visit\t2.8\t1\tCONSULT\tvisit\t",
    "03\t03\tIntend to cooperate\t4.0\t1\tAGREE\t\t",
    "031\t03\tIntend material cooperation\t5.2\t1\tAGREE\t\tdiplomatic",
    "0311\t03\tIntend economic cooperation\t5.2\t1\tAGREE\t\teconomic",
]


def _write(tmp_path: Path, rows: list[str], head: str = _HEAD) -> Path:
    path = tmp_path / "onto.tsv"
    path.write_text("\n".join(["# test table", "", head, *rows]) + "\n", encoding="utf-8")
    return path


def test_small_table_loads(tmp_path: Path) -> None:
    onto = load_ontology(_write(tmp_path, _GOOD_ROWS))
    assert len(onto) == 5
    assert onto.get("0311").plover_context == "economic"
    assert onto.get("04").plover_mode is None
    assert [c.code for c in onto.roots()] == ["03", "04"]


def test_trailing_empty_plover_cells_may_be_omitted(tmp_path: Path) -> None:
    onto = load_ontology(_write(tmp_path, ["04\t04\tConsult\t1.0\t1", "040\t04\tConsult, other\t1.0\t1\tCONSULT"]))
    assert onto.get("04").plover_type is None
    assert onto.get("040").plover_type == "CONSULT"


# Line numbers: 1 comment, 2 blank, 3 header, rows from 4.
@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("043\t04\tHost a visit\t2.8", "expected 5-8 tab-separated columns, found 4"),
        ("043\t04\tHost a visit\t2.8\t1\tCONSULT\tvisit\t\textra", "found 9"),
        ("43a\t43\tBad\t0.0\t1\t\t\t", "code '43a' is not 2-4 digits"),
        ("04312\t04\tToo long\t0.0\t1\t\t\t", "is not 2-4 digits"),
        ("043\t05\tHost a visit\t2.8\t1\tCONSULT\tvisit\t", "root '05' of code 043 should be '04'"),
        ("21\t21\tNo such root\t0.0\t4\t\t\t", "not a CAMEO root"),
        ("043\t04\tHost a visit\tlots\t1\tCONSULT\tvisit\t", "goldstein 'lots' is not a number"),
        ("043\t04\tHost a visit\t12.5\t1\tCONSULT\tvisit\t", "outside [-10, 10]"),
        ("043\t04\tHost a visit\tnan\t1\tCONSULT\tvisit\t", "outside [-10, 10]"),
        ("043\t04\tHost a visit\t2.8\t5\tCONSULT\tvisit\t", "quad_class 5 of code 043 is not 1-4"),
        ("043\t04\tHost a visit\t2.8\tone\tCONSULT\tvisit\t", "quad_class 'one' is not an integer"),
        ("043\t04\tHost a visit\t2.8\t3\tCONSULT\tvisit\t", "disagrees with root 04"),
        ("043\t04\tHost a visit\t2.8\t1\tCHAT\tvisit\t", "unknown PLOVER type 'CHAT'"),
        ("043\t04\t \t2.8\t1\tCONSULT\tvisit\t", "empty name"),
    ],
)
def test_row_errors_name_file_and_line(tmp_path: Path, bad_row: str, message: str) -> None:
    path = _write(tmp_path, [_GOOD_ROWS[0], bad_row])
    with pytest.raises(OntologyError) as err:
        load_ontology(path)
    assert str(err.value).startswith(f"{path}:5: ")
    assert message in str(err.value)


def test_header_mismatch(tmp_path: Path) -> None:
    path = _write(tmp_path, _GOOD_ROWS, head=_HEAD.replace("goldstein", "weight"))
    with pytest.raises(OntologyError, match=r":3: header should be"):
        load_ontology(path)


def test_missing_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.tsv"
    path.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="no header"):
        load_ontology(path)


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="cannot read"):
        load_ontology(tmp_path / "missing.tsv")


def test_duplicate_code(tmp_path: Path) -> None:
    path = _write(tmp_path, [*_GOOD_ROWS, _GOOD_ROWS[1]])
    with pytest.raises(OntologyError) as err:
        load_ontology(path)
    assert str(err.value) == f"{path}:9: duplicate code 043 (first defined at {path}:5)"


def test_missing_root(tmp_path: Path) -> None:
    path = _write(tmp_path, [*_GOOD_ROWS, "052\t05\tDefend in words\t3.5\t1\tSUPPORT\t\t"])
    with pytest.raises(OntologyError, match=r":9: root code 05 of 052 is missing"):
        load_ontology(path)


def test_missing_parent_of_four_digit_code(tmp_path: Path) -> None:
    path = _write(tmp_path, [*_GOOD_ROWS, "0331\t03\tIntend economic aid\t5.2\t1\tAGREE\t\teconomic"])
    with pytest.raises(OntologyError, match=r":9: parent code 033 of 0331 is missing"):
        load_ontology(path)


def test_error_is_a_user_facing_data_error(tmp_path: Path) -> None:
    path = _write(tmp_path, ["x"])
    with pytest.raises(DataError):
        load_ontology(path)
    with pytest.raises(ValueError):
        load_ontology(path)


# -- in-memory construction -----------------------------------------------------


def _code(code: str, **kw: object) -> CameoCode:
    values: dict[str, object] = {
        "code": code,
        "root": code[:2],
        "name": f"code {code}",
        "goldstein": 0.0,
        "quad_class": quad_class_for_root(code[:2]),
        "plover_type": None,
        "plover_mode": None,
        "plover_context": None,
    }
    values.update(kw)
    return CameoCode(**values)  # type: ignore[arg-type]


def test_in_memory_ontology() -> None:
    onto = Ontology([_code("17"), _code("173", plover_type="COERCE")])
    assert len(onto) == 2 and list(onto)[1].code == "173"
    assert onto.parent("173") == onto.get("17")
    assert repr(onto) == "Ontology(2 codes from <memory>)"


def test_in_memory_ontology_is_validated() -> None:
    with pytest.raises(OntologyError, match=r"<memory>: code 173: root code 17 of 173 is missing"):
        Ontology([_code("173")])
    with pytest.raises(OntologyError, match="unknown PLOVER type"):
        Ontology([_code("17", plover_type="FIGHT")])
    with pytest.raises(OntologyError, match="duplicate code 17"):
        Ontology([_code("17"), _code("17")], source="mine")


def test_cameo_code_is_immutable() -> None:
    c = _code("17")
    with pytest.raises(AttributeError):
        c.name = "other"  # type: ignore[misc]


def test_quad_class_for_root() -> None:
    roots = ("01", "05", "06", "08", "09", "13", "14", "20")
    assert [quad_class_for_root(r) for r in roots] == [1, 1, 2, 2, 3, 3, 4, 4]
    for bad in ("00", "21", "1", "x1"):
        with pytest.raises(ValueError):
            quad_class_for_root(bad)
