"""Coverage of the people table: for 40 newsworthy countries, the periods
from 2000 on in which no row covers a head of state (HoS), head of
government (HoG), foreign minister (FM) or defence minister (DM).

    python scripts/kb_coverage.py

Some gaps are structural (a president who also heads the government, a
monarch without a political role); the rest are rows to add.
"""

from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

PEOPLE = Path(__file__).resolve().parent.parent / "src" / "dotterel" / "data" / "actors" / "people.tsv"
COUNTRIES = (
    "USA RUS CHN GBR FRA DEU IRN IRQ ISR PSE SYR TUR SAU EGY AFG PAK IND UKR JPN KOR PRK LBN YEM LBY SDN ETH "
    "NGA SOM VEN BRA MEX COL ITA ESP POL CAN AUS IDN PHL ZAF"
).split()
ROLES = {
    "HoS": ("president", "king", "queen", "emir", "supreme leader", "sultan", "head of state", "monarch",
            "chairman of the sovereignty council", "chairman of the presidential council"),
    "HoG": ("prime minister", "premier", "chancellor", "head of government", "chief executive"),
    "FM": ("foreign minister", "secretary of state", "foreign secretary", "minister of foreign affairs"),
    "DM": ("defence minister", "defense minister", "secretary of defense", "defence secretary",
           "minister of defence", "minister of defense", "minister of national defense"),
}
START, END = dt.date(2000, 1, 1), dt.date(2025, 6, 30)
SLACK = dt.timedelta(days=60)  # a changeover shorter than this is no gap


def role_kind(role: str) -> str | None:
    role = role.lower()
    if any(word in role for word in ("former", "deputy", "vice")):
        return None
    for kind, names in ROLES.items():
        if any(role == n or role.startswith(n) or role.endswith(" " + n) for n in names):
            return kind
    return None


def as_date(value: str, end: bool) -> dt.date:
    if not value:
        return dt.date(2100, 1, 1) if end else dt.date(1900, 1, 1)
    parts = [int(p) for p in value.split("-")]
    year, month, day = parts[0], parts[1] if len(parts) > 1 else (12 if end else 1), parts[2] if len(parts) > 2 else (28 if end else 1)
    return dt.date(year, month, day)


def main() -> None:
    lines = [line.rstrip("\n").split("\t") for line in PEOPLE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    header, rows = lines[0], [dict(zip(lines[0], line)) for line in lines[1:]]
    assert header[:7] == ["name", "aliases", "country", "sector", "role", "start", "end"], header
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = collections.defaultdict(list)
    for row in rows:
        kind = role_kind(row["role"])
        if kind and row["country"] in COUNTRIES:
            spans[row["country"], kind].append((as_date(row["start"], False), as_date(row["end"], True)))
    total = 0
    for country in COUNTRIES:
        found = []
        for kind in ROLES:
            covered, gaps = START, []
            for start, end in sorted(spans.get((country, kind), [])):
                if start > covered + SLACK:
                    gaps.append((covered, start))
                covered = max(covered, end)
            if covered < END - SLACK:
                gaps.append((covered, END))
            total += sum((b - a).days for a, b in gaps)
            if gaps:
                found.append(f"{kind}: " + ", ".join(f"{a:%Y-%m}..{b:%Y-%m}" for a, b in gaps))
        if found:
            print(country, " | ".join(found))
    print(f"total gap days {total:,}")


if __name__ == "__main__":
    main()
