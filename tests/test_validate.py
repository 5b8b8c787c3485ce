"""Specification of factcheck.curation.validate: every problem of a claims file, where it is, and what it says."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from factcheck.curation.validate import validate
from factcheck.engine.corpus import bundled_claims

SOURCE = """\
---
title: Aid and trade
date: 2020-01-01
---
# Aid

The total amount of aid from China and the USSR to Vietnam from June 1950 to June 1954 was 34 million US dollars (USD).

He said it was “the best of times” for the country.

Vietnam has signed FTAs with five countries: China, Japan, India, Chile and the Republic of Korea.
"""

QUOTE = "The total amount of aid from China and the USSR to Vietnam from June 1950 to June 1954 was 34 million US dollars (USD)."
FTA_QUOTE = "Vietnam has signed FTAs with five countries: China, Japan, India, Chile and the Republic of Korea."

# A clean entry; the cases below change one thing in it. Line 3 is `- id:`.
CLEAN = f"""\
sources: sources
claims:
  - id: aid-1950-1954
    statement: Aid to Vietnam from June 1950 to June 1954 totalled 34 million US dollars.
    topic: aid
    values:
      - {{kind: money, value: 34000000, unit: USD, text: 34 million US dollars}}
      - {{kind: period, from: 1950-06, to: 1954-06, text: June 1950 to June 1954}}
    evidence:
      - source: aid
        quote: {QUOTE}
"""

FTAS = f"""\
sources: sources
claims:
  - id: ftas
    statement: Vietnam has signed FTAs with five countries.
    topic: economy
    values:
      - {{kind: count, value: 5, unit: countries, text: five countries}}
    list:
      closed: true
      members:
        - China
        - Japan
        - India
        - Chile
        - {{name: Republic of Korea, aliases: [South Korea]}}
    evidence:
      - source: aid
        quote: '{FTA_QUOTE}'
"""


def write(tmp_path: Path, claims: str, sources: dict[str, str] | None = None) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in (sources if sources is not None else {"aid": SOURCE}).items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(textwrap.dedent(claims), encoding="utf-8")
    return path


def found(path: Path) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.where, p.message) for p in validate(path)]


# --- clean files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param(CLEAN, id="figures carried, quote verbatim"),
        pytest.param(FTAS, id="closed list, count and members in the quote"),
        pytest.param(CLEAN.replace("text: 34 million US dollars", "text: 34 MILLION us dollars"), id="value text in another case"),
    ],
)
def test_a_clean_file_has_no_problems(tmp_path: Path, claims: str) -> None:
    assert validate(write(tmp_path, claims)) == []


def test_a_quote_matches_despite_other_whitespace_and_quote_style(tmp_path: Path) -> None:
    claims = """\
        sources: sources
        claims:
          - id: best-of-times
            statement: He said it was the best of times.
            topic: history
            evidence:
              - source: aid
                quote: 'He  said it was "the best of times"
                  for the country.'
        """
    assert validate(write(tmp_path, claims)) == []


def test_the_bundled_claims_file_validates_clean() -> None:
    assert [str(p) for p in validate(bundled_claims())] == []


# --- what loading reports, all of it ----------------------------------------------------------


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        pytest.param(
            "sources: sources\nclaims:\n  - id: aid\n    statement: [unclosed\n    topic: aid\n",
            [(5, 10, "", "YAML syntax error: did not find expected ',' or ']'")],
            id="syntax error, with line and column",
        ),
        pytest.param(
            CLEAN.replace("    topic: aid\n", "    topic: aid\n    topic: economy\n"),
            [(6, 5, "", "duplicate key 'topic' (first on line 5)")],
            id="duplicate key",
        ),
        pytest.param(
            CLEAN.replace("    topic: aid\n", "    topic: aid\n    colour: red\n"),
            [(6, 5, "claims[0].colour", "unknown key")],
            id="unknown key",
        ),
        pytest.param(
            CLEAN.replace("    topic: aid\n", ""),
            [(3, 5, "claims[0]", "missing key 'topic'")],
            id="missing key",
        ),
        pytest.param(
            CLEAN.replace("kind: money", "kind: cash"),
            [(7, 10, "claims[0].values[0].kind", "expected one of money, count, percent, ratio, multiple, ordinal, duration, measure, date, period, found 'cash'")],
            id="wrong type",
        ),
        pytest.param(
            CLEAN + CLEAN.split("claims:\n")[1],
            [(12, 5, "claims[1].id", "duplicate id 'aid-1950-1954' (first on line 3)")],
            id="duplicate id",
        ),
    ],
)
def test_schema_problems(tmp_path: Path, claims: str, expected: list) -> None:
    assert found(write(tmp_path, claims)) == expected


def test_a_missing_claims_file(tmp_path: Path) -> None:
    assert found(tmp_path / "claims.yaml") == [(0, 0, "", "no such file")]


def test_problems_name_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, CLEAN.replace("    topic: aid\n", ""))
    assert [p.file for p in validate(path)] == [str(path)]


def test_well_formed_entries_are_still_checked_against_their_sources(tmp_path: Path) -> None:
    broken = CLEAN.replace("    topic: aid\n", "    topic: aid\n    colour: red\n")
    second = CLEAN.split("claims:\n")[1].replace("aid-1950-1954", "second").replace("The total amount", "The whole amount")
    assert found(write(tmp_path, broken + second)) == [
        (6, 5, "claims[0].colour", "unknown key"),
        (21, 9, "claims[1].evidence[0].quote", f'quote not found in sources/aid.md; nearest (line 7): "{QUOTE}"'),
    ]


# --- sources and quotes -------------------------------------------------------------------------


def test_unknown_source_says_which_exist(tmp_path: Path) -> None:
    path = write(tmp_path, CLEAN.replace("source: aid", "source: aide"), {"aid": SOURCE, "trade": "Trade."})
    assert found(path) == [(10, 9, "claims[0].evidence[0].source", "unknown source 'aide': no sources/aide.md (sources: aid, trade)")]


def test_a_source_leading_outside_the_sources_folder_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, CLEAN.replace("source: aid", "source: leak"))
    (tmp_path / "secret.md").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "sources" / "leak.md").symlink_to(tmp_path / "secret.md")
    assert found(path) == [(10, 9, "claims[0].evidence[0].source", f"sources/leak.md: leads outside the sources folder {tmp_path / 'sources'}: refused")]


def test_missing_sources_folder(tmp_path: Path) -> None:
    path = write(tmp_path, CLEAN.replace("sources: sources", "sources: documents"))
    assert found(path) == [(1, 1, "sources", "no sources folder documents")]


def test_a_quote_not_in_its_source_shows_the_nearest_passage(tmp_path: Path) -> None:
    path = write(tmp_path, CLEAN.replace("The total amount of aid", "The whole amount of aid"))
    assert found(path) == [(11, 9, "claims[0].evidence[0].quote", f'quote not found in sources/aid.md; nearest (line 7): "{QUOTE}"')]


# --- values against their quotes ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "{kind: money, value: 34000000, unit: USD, text: 34 million US dollars}",
            "{kind: money, value: 43000000, unit: USD, text: 43 million US dollars}",
            [(7, 9, "claims[0].values[0]", "43 million USD does not occur in the quote (the quote has: 34 million USD)")],
            id="value absent from its quote",
        ),
        pytest.param(
            "{kind: money, value: 34000000, unit: USD, text: 34 million US dollars}",
            "{kind: money, value: 34000000, unit: USD, qualifier: about, text: 34 million US dollars}",
            [(7, 9, "claims[0].values[0]", "about 34 million USD does not occur in the quote (the quote has: 34 million USD)")],
            id="qualifier the quote does not give",
        ),
        pytest.param(
            "{kind: period, from: 1950-06, to: 1954-06, text: June 1950 to June 1954}",
            "{kind: period, from: 1950-06, to: 1955-06, text: June 1950 to June 1955}",
            [(8, 9, "claims[0].values[1]", "June 1950 to June 1955 does not occur in the quote (the quote has: June 1950 to June 1954)")],
            id="period absent from its quote, reported once",
        ),
        pytest.param(
            "text: 34 million US dollars}",
            "text: 34 millions of US dollars}",
            [(7, 9, "claims[0].values[0].text", '"34 millions of US dollars" does not occur in the quote')],
            id="text not as the quote writes it",
        ),
        pytest.param(
            "{kind: money, value: 34000000, unit: USD, text: 34 million US dollars}",
            "{kind: money, value: 34000000, unit: USD, text: 34 million US dollars}\n      - {kind: percent, value: 50, text: total amount}",
            [(8, 9, "claims[0].values[1].text", '"total amount" does not parse as 50 percent: no figure in it')],
            id="text the parser does not read as the value",
        ),
        pytest.param(
            "{kind: money, value: 34000000, unit: USD, text: 34 million US dollars}",
            "{kind: money, value: 35000000, unit: USD, text: 34 million US dollars}",
            [(7, 9, "claims[0].values[0].text", '"34 million US dollars" does not parse as 35 million USD: it reads 34 million USD')],
            id="value other than its text says, reported once",
        ),
        pytest.param(
            "      - {kind: period, from: 1950-06, to: 1954-06, text: June 1950 to June 1954}\n",
            "",
            [(10, 9, "claims[0].evidence[0].quote", 'the figure "from June 1950 to June 1954" (June 1950 to June 1954) is not among the entry\'s values')],
            id="figure in the quote not carried",
        ),
    ],
)
def test_values_against_the_quote(tmp_path: Path, old: str, new: str, expected: list) -> None:
    assert old in CLEAN
    assert found(write(tmp_path, CLEAN.replace(old, new))) == expected


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        pytest.param("Aid reached 1,38 trillion.", '{kind: money, value: 1380000000000, unit: USD, text: "1,38 trillion"}', id="money written without its currency"),
        pytest.param("Aid reached 192 out of 193 members.", "{kind: ratio, value: 192, of: 193, text: 192 out of 193}", id="ratio, part and whole"),
        pytest.param("Aid reached 0.86 percent.", "{kind: percent, value: 0.86, text: 0.86 percent}", id="decimal percent"),
        pytest.param("Aid reached them in 2010.", '{kind: date, value: "2010", text: "2010"}', id="date"),
        pytest.param("Aid went on from June 1950 to June 1954.", '{kind: date, value: "1954-06", text: June 1954}', id="date at one end of a period"),
    ],
)
def test_values_found_by_number_or_span(tmp_path: Path, quote: str, value: str) -> None:
    claims = f"""\
        sources: sources
        claims:
          - id: figure
            statement: {quote}
            topic: aid
            values:
              - {value}
            evidence:
              - source: aid
                quote: {quote}
        """
    assert validate(write(tmp_path, claims, {"aid": quote})) == []


# --- lists and fact groups ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "        - Chile\n",
            "",
            [(10, 7, "claims[0].list.members", 'the closed list has 4 members, but the entry counts "five countries"')],
            id="closed list count mismatch",
        ),
        pytest.param(
            "        - Chile\n",
            "        - Brazil\n",
            [(14, 11, "claims[0].list.members[3]", 'member "Brazil" does not occur in the quote')],
            id="member not in the quote",
        ),
        pytest.param(
            "{name: Republic of Korea, aliases: [South Korea]}",
            "{name: South Korea, aliases: [ROK, Republic of Korea]}",
            [],
            id="member found by an alias",
        ),
        pytest.param(
            "{name: Republic of Korea, aliases: [South Korea]}",
            "{name: South Korea, aliases: [ROK]}",
            [(15, 11, "claims[0].list.members[4]", 'member "South Korea" (nor "ROK") does not occur in the quote')],
            id="member in the quote under no name",
        ),
        pytest.param(
            "        - China\n",
            "        - CHÍNA\n",
            [],
            id="member in another case, with accents",
        ),
    ],
)
def test_lists(tmp_path: Path, old: str, new: str, expected: list) -> None:
    assert old in FTAS
    assert found(write(tmp_path, FTAS.replace(old, new))) == expected


def test_a_fact_key_used_by_one_entry_only(tmp_path: Path) -> None:
    path = write(tmp_path, CLEAN.replace("    topic: aid\n", "    topic: aid\n    fact: aid-total\n"))
    assert found(path) == [(6, 5, "claims[0].fact", "fact 'aid-total' is used by no other entry: only entries that give the same fact share a fact key")]


def test_a_fact_key_shared_by_two_entries(tmp_path: Path) -> None:
    entry = CLEAN.replace("    topic: aid\n", "    topic: aid\n    fact: aid-total\n")
    second = entry.split("claims:\n")[1].replace("aid-1950-1954", "second")
    assert validate(write(tmp_path, entry + second)) == []


def test_problems_come_in_file_order(tmp_path: Path) -> None:
    first = CLEAN.replace("    topic: aid\n", "    topic: aid\n    fact: alone\n").replace("source: aid", "source: nowhere")
    second = CLEAN.split("claims:\n")[1].replace("aid-1950-1954", "second").replace("    topic: aid\n", "")
    assert [(p.line, p.where) for p in validate(write(tmp_path, first + second))] == [
        (6, "claims[0].fact"),
        (11, "claims[0].evidence[0].source"),
        (13, "claims[1]"),
    ]
