"""Tables in drafts: a row is one sentence read with its header, reported at the row.

"| India | 2014 |" under "| Partner | Since |" is checked as "India: Since 2014." (conflicting:
the sources say 2016). The header row alone is never checked, the alignment row is no row, and
every position points at the row as written.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import cli
from factcheck.drafts.documents import read_sentences
from factcheck.drafts.scan import scan_text
from factcheck.engine.clauses import SHORTEST_SENTENCE, has_predicate
from factcheck.engine.corpus import Corpus, bundled_claims
from factcheck.language.tables import cell_text, record_sentence, row_sentence, table_context, table_sentences

DATA = Path(__file__).parent / "data"
PARTNERS = "| Partner | Since |\n|---|---|\n| China | 2008 |\n| India | 2014 |\n"
LABELLED_FLOOR = 43  # of the 50 labelled rows of tests/data/tables.md, as measured (README)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.load(bundled_claims())


# --- the sentence of a row ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "cells", "expected"),
    [
        (["Partner", "Since"], ["India", "2014"], "India: Since 2014."),
        (["Event", "Year"], ["Vietnam joined ASEAN", "1995"], "Vietnam joined ASEAN: Year 1995."),
        (["Country", "Relationship", "Established"], ["India", "comprehensive strategic partnership", "2016"],
         "India: Relationship comprehensive strategic partnership, Established 2016."),
        (["", "2008"], ["China", "partner"], "China: 2008 partner."),
        (["Partner", ""], ["India", "2016"], "India: 2016."),
        (["Partner", "Since"], ["India", ""], "Partner: India."),
        (["", "Since"], ["India", ""], "India."),
        (["Partner", "Since"], ["", "2016"], "Since 2016."),
        (["Partner", "Since"], ["", ""], ""),
        (["Partner"], ["India"], "Partner: India."),
        (["Partner", "Since"], ["India"], "Partner: India."),
        (["Event", "Year"], ["Vietnam joined ASEAN.", "1995."], "Vietnam joined ASEAN: Year 1995."),
        (["Partner;", "Since:"], ["India,", "2016;"], "India: Since 2016."),
        (["Partner", "Since"], ["the U.S.", "1995"], "the U.S.: Since 1995."),
        (["Since", "Partner"], ["1995", "the U.S."], "1995: Partner the U.S."),
        (["  Partner\n", " Since "], ["  Republic\nof   Korea ", " 2022 "], "Republic of Korea: Since 2022."),
    ],
)
def test_row_sentence(header: list[str], cells: list[str], expected: str) -> None:
    assert row_sentence(header, cells) == expected


@pytest.mark.parametrize(
    ("heading", "caption", "header", "expected"),
    [
        ("Partners", "", ["Partner", "Since"], "Partners"),
        ("Partners", "By year.", ["Partner", "Since"], "Partners By year."),
        ("", "By year.", ["Partner", "Since"], "By year."),
        ("", "", ["Partner", "Since"], "Partner Since"),
        ("", "", ["", "Year;"], "Year"),
    ],
)
def test_table_context(heading: str, caption: str, header: list[str], expected: str) -> None:
    assert table_context(heading, caption, header) == expected


_CELL = st.lists(st.sampled_from(list("aZ9 .;:,|`\\\n") + ["U.S.", "India", "2014"]), max_size=8).map("".join)


@given(st.lists(_CELL, max_size=4), st.lists(_CELL, max_size=4))
def test_a_row_sentence_is_one_line_ending_as_a_sentence(header: list[str], cells: list[str]) -> None:
    """A row is an assertion: it ends with a full stop, and a row of a label and its value, or
    of five words or more, is read as having its verb; a header alone (a fragment such as
    "Comprehensive strategic partner since") never is, nor a lone short cell."""
    text = row_sentence(header, cells)
    if not any(map(cell_text, cells)):
        assert text == ""
    else:
        assert text.endswith(".")
        if ": " in text or len(text.split()) >= SHORTEST_SENTENCE:
            assert has_predicate(text)
    assert "\n" not in text and text == text.strip()


def test_a_header_alone_is_a_fragment_never_supported(corpus: Corpus) -> None:
    assert not has_predicate("Comprehensive strategic partner since")
    assert corpus.checker.check("Comprehensive strategic partner since").verdict.value != "supported"


# --- where a row is -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        pytest.param(PARTNERS, [("China: Since 2008.", 3, 1, 3, 16), ("India: Since 2014.", 4, 1, 4, 16)], id="rows"),
        pytest.param("| Partner | Since |\n|:--|--:|\n", [], id="a header row alone"),
        pytest.param("| Partner | Since |\n| :-- | :-: |\n| India | 2016 |\n", [("India: Since 2016.", 3, 1, 3, 16)],
                     id="alignment row"),
        pytest.param("Partner | Since\n--- | ---\nIndia | 2014\n", [("India: Since 2014.", 3, 1, 3, 12)],
                     id="without outer pipes"),
        pytest.param("| Partner | Since |\n|---|---|\n|   India   |  2014 |   \n", [("India: Since 2014.", 3, 1, 3, 21)],
                     id="padded cells, trailing spaces"),
        pytest.param("| Event | Year |\n|---|---|\n| WTO \\| World Trade Organization | 2006 |\n",
                     [("WTO | World Trade Organization: Year 2006.", 3, 1, 3, 42)], id="escaped pipe"),
        pytest.param("| Partner | Since | Key |\n|---|---|---|\n| India | 2014 | `a\\|b` |\n",
                     [("India: Since 2014.", 3, 1, 3, 25)], id="inline code with an escaped pipe"),
        pytest.param("| Partner | Since |\n|---|---|\n| `India` | 2014 |\n", [("Since 2014.", 3, 1, 3, 18)],
                     id="a code cell is no words"),
        pytest.param("| **Partner** | Since |\n|---|---|\n| [India](https://x.org) | *2014* |\n",
                     [("India: Since 2014.", 3, 1, 3, 35)], id="emphasis and links"),
        pytest.param("> | Partner | Since |\n> |---|---|\n> | India | 2014 |\n", [("India: Since 2014.", 3, 3, 3, 18)],
                     id="in a block quote"),
        pytest.param("- Partners:\n\n  | Partner | Since |\n  |---|---|\n  | India | 2014 |\n",
                     [("Partners:", 1, 3, 1, 11), ("India: Since 2014.", 5, 3, 5, 18)], id="in a list item"),
        pytest.param("| Partner | Since |\r\n|---|---|\r\n| India | 2014 |", [("India: Since 2014.", 3, 1, 3, 16)],
                     id="CRLF, no final line break"),
        pytest.param("| Partner | Since |\n|---|---|\n| India | |\n| | |\n", [("Partner: India.", 3, 1, 3, 11)],
                     id="empty cells"),
        pytest.param("Prose before.\n\n| A | B |\n|---|---|\n| x | 1 |\n\nProse after.",
                     [("Prose before.", 1, 1, 1, 13), ("x: B 1.", 5, 1, 5, 9), ("Prose after.", 7, 1, 7, 12)],
                     id="between paragraphs"),
    ],
)
def test_a_row_is_one_sentence_at_the_row(draft: str, expected: list[tuple[str, int, int, int, int]]) -> None:
    assert [(s.text, s.line, s.column, s.end_line, s.end_column) for s in read_sentences(draft)] == expected


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        pytest.param("## Partners\n\n" + PARTNERS, "Partners", id="heading"),
        pytest.param("## Partners\n\nBy the year of the partnership. Two rows.\n" + PARTNERS,
                     "Partners Two rows.", id="heading and caption: its last sentence"),
        pytest.param("## Partners\n\nA paragraph.\n\n- a list\n\n" + PARTNERS, "Partners",
                     id="a list between: no caption"),
        pytest.param(PARTNERS, "Partner Since", id="neither: the header"),
        pytest.param("## Partners\n\n<!-- factcheck: ignore -->\nIgnored paragraph.\n" + PARTNERS, "Partners",
                     id="an ignored paragraph is no caption"),
    ],
)
def test_rows_lean_on_heading_and_caption_else_header(draft: str, expected: str) -> None:
    rows = [s for s in read_sentences(draft) if s.text.startswith(("China", "India"))]
    assert [s.context for s in rows] == [expected, expected]


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        pytest.param("<!-- factcheck: ignore -->\n" + PARTNERS, [], id="ignore: the whole table"),
        pytest.param(PARTNERS.replace("| India |", "| India <!-- factcheck: ignore --> |"), ["China: Since 2008."],
                     id="ignore in a cell: its row"),
        pytest.param("Before. <!-- factcheck: ignore -->\n\n" + PARTNERS, ["Before.", "India: Since 2014."],
                     id="ignore left over: the first row"),
        pytest.param("<!-- factcheck: off -->\n\n" + PARTNERS + "\n<!-- factcheck: on -->\n\n" + PARTNERS,
                     ["China: Since 2008.", "India: Since 2014."], id="off and on"),
    ],
)
def test_suppression_comments_in_tables(draft: str, expected: list[str]) -> None:
    assert [s.text for s in read_sentences(draft)] == expected


_WORD = st.sampled_from(["India", "2014", "a\\|b", "`x`", "`a\\|b`", "**b**", "&amp;", "U.S.", "", "  ", "é"])
_ROW = st.lists(_WORD, min_size=1, max_size=4).map(lambda words: "| " + " | ".join(words) + " |")


@given(st.lists(_WORD, min_size=1, max_size=4), st.lists(_ROW, max_size=5), st.sampled_from(["", "> ", "  "]))
def test_every_row_sentence_sits_on_its_row(header: list[str], rows: list[str], lead: str) -> None:
    """Never a crash; never a sentence from the header or alignment line; each row's sentence
    starts and ends on its own line, within it."""
    head = "| " + " | ".join(w or "h" for w in header) + " |"
    lines = [head, "|" + "---|" * len(header), *rows]
    draft = "".join(lead + line + "\n" for line in lines)
    for s in read_sentences(draft):
        assert 3 <= s.line == s.end_line <= len(lines)
        assert 1 <= s.column <= s.end_column <= len(lead + lines[s.line - 1])
        assert s.text.endswith(".") and "\n" not in s.text


# --- scanned --------------------------------------------------------------------------------------


def scan(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["scan", "--claims", str(bundled_claims()), *args], input=input,
                              catch_exceptions=False)


def findings(result) -> list[tuple[int, str]]:
    return [(f["line"], f["verdict"]) for f in map(json.loads, result.stdout.splitlines())]


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        pytest.param(PARTNERS, [(3, "supported"), (4, "conflicting")], id="a wrong year, a right one"),
        pytest.param("| Partner | Since |\n|:--|--:|\n| India | 2016 |\n", [(3, "supported")], id="alignment row"),
        pytest.param("| Vietnam joined ASEAN in 1990. |\n|---|\n", [], id="a header row is never checked"),
        pytest.param("| Comprehensive strategic partner since |\n|---|\n", [], id="nor a header fragment"),
        pytest.param("| Event | Year |\n|---|---|\n| Vietnam joined the WTO \\| World Trade Organization | 2006 |\n",
                     [(3, "conflicting")], id="escaped pipe"),
        pytest.param("| Partner | Since | Key |\n|---|---|---|\n| India | 2014 | `csp-india` |\n| Russia | 2012 | `a\\|b` |\n",
                     [(3, "conflicting"), (4, "supported")], id="inline code"),
        pytest.param("## Defence relations\n\n| Year | Countries |\n|---|---|\n| 2018 | more than 80 |\n| 2024 | more than 30 |\n",
                     [(1, "unverified"), (5, "supported"), (6, "conflicting")], id="the heading gives the context"),
        pytest.param("| Year | Countries |\n|---|---|\n| 2018 | more than 80 |\n| 2024 | more than 30 |\n",
                     [(3, "unverified"), (4, "unverified")], id="without it: no telling what they count"),
        pytest.param("| Partner | Since |\n|---|---|\n| India | 2018 |\n| China | 2020 |\n", [(3, "conflicting"), (4, "conflicting")],
                     id="a row alone is not supported by a source's date"),
        pytest.param("Vietnam joined ASEAN in 1995.\n\n| Partner | Since |\n|---|---|\n| India | 2014 |\n\nRussia followed in 2012.\n",
                     [(1, "supported"), (5, "conflicting"), (7, "supported")], id="between prose"),
    ],
)
def test_table_drafts_scanned(draft: str, expected: list[tuple[int, str]]) -> None:
    result = scan("--format", "jsonl", "--show", "supported", "--show", "unverified", "-", input=draft)
    assert findings(result) == expected


def test_only_the_wrong_row_is_reported_by_default() -> None:
    result = scan("--format", "jsonl", "-", input=PARTNERS)
    assert findings(result) == [(4, "conflicting")]
    assert result.exit_code == 1
    assert result.stderr == "factcheck: 1 file, 2 sentences: 1 conflicting, 0 unverified (0 check-worthy), 1 supported\n"


def test_positions_in_json_sarif_and_github() -> None:
    """Every format points at the row: line 4, columns 1 to 16 of "| India | 2014 |"."""
    draft = "Partners.\n\n" + PARTNERS.replace("| China | 2008 |\n", "")
    found = json.loads(scan("--format", "json", "-", input=draft).stdout)
    assert [{k: f[k] for k in ("line", "column", "end_line", "end_column", "text", "verdict")} for f in found] == [
        {"line": 5, "column": 1, "end_line": 5, "end_column": 16, "text": "India: Since 2014.", "verdict": "conflicting"},
    ]
    sarif = json.loads(scan("--format", "sarif", "-", input=draft).stdout)
    [result] = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 5, "startColumn": 1, "endLine": 5, "endColumn": 17, "snippet": {"text": "India: Since 2014."},
    }
    assert scan("--format", "github", "-", input=draft).stdout == (
        "::error file=-,line=5,col=1,endLine=5,endColumn=16,title=factcheck%3A conflicting::"
        "“India: Since 2014.” — the claim says since 2014; the source says 2016"
        " (sources/why-vietnam-does-not-take-sides.md:88)\n"
    )


def test_the_text_report_shows_the_row_as_read() -> None:
    result = scan("-", input=PARTNERS)
    assert result.stdout.splitlines()[:2] == ["-", "4:1     CONFLICTING India: Since 2014."]


# --- the labelled table draft ---------------------------------------------------------------------


def test_the_labelled_table_draft(corpus: Corpus) -> None:
    """The rows of tests/data/tables.md, right and wrong, against their labels (what
    benchmarks/table_forms.py measures for each sentence form): no row is falsely supported,
    and the rows read right do not fall below what was measured."""
    text = (DATA / "tables.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    labels = [json.loads(line) for line in (DATA / "tables-labels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [lines[label["line"] - 1] for label in labels] == [label["row"] for label in labels]
    got = {f.sentence.line: f.verdict.value for f in scan_text(corpus.checker, "tables.md", text, markdown=True)}
    wrong = [(label["row"], label["verdict"], got[label["line"]]) for label in labels if got[label["line"]] != label["verdict"]]
    falsely_supported = [w for w in wrong if w[2] == "supported"]
    assert falsely_supported == []
    assert len(labels) - len(wrong) >= LABELLED_FLOOR, wrong


def test_the_form_measurement_runs_and_agrees(tmp_path: Path) -> None:
    """benchmarks/table_forms.py, which chose the form, still runs, and measures the chosen form
    with the table's context as the scan reads the labelled draft."""
    script = Path(__file__).parent.parent / "benchmarks" / "table_forms.py"
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    chosen = next(line for line in done.stdout.splitlines() if "(chosen" in line and "table's context" in line)
    right, _, false_supports = (int(cell) for cell in chosen.strip("|").split("|")[2:])
    assert right >= LABELLED_FLOOR and false_supports == 0


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Partner: Russia — Comprehensive strategic partnership since: 2012", "Russia: comprehensive strategic partnership since 2012."),
        ("Protest: Pentagon encirclement — Duration: 23 hours", "Pentagon encirclement: duration 23 hours."),
        ("Country: Vietnam | WTO accession: 2007", "Vietnam: WTO accession 2007."),
        ("Event: Vietnam admitted to ASEAN; Date: 28 July 1996.", "Vietnam admitted to ASEAN: date 28 July 1996."),
        ("Wartime visitors: Tom Hayden | Jane Fonda", None),
        ("Vietnam joined ASEAN in 1995 — a year after: the US", None),
        ("Note: Vietnam joined ASEAN in 1995.", None),
        ("Vietnam joined ASEAN in 1995.", None),
    ],
    ids=["dash-between-fields", "a-label-is-no-name", "bar-between-fields", "semicolon-between-fields", "a-field-without-a-label",
         "a-sentence-with-a-colon", "one-labelled-field", "a-sentence"],
)
def test_a_record_on_one_line_reads_as_a_row(text: str, expected: str | None) -> None:
    assert record_sentence(text) == expected


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("Partner: Russia — Comprehensive strategic partnership since: 2012", "supported"),
        ("Partner: Russia — Comprehensive strategic partnership since: 2013", "conflicting"),
        ("Country: Vietnam — WTO accession: 2007", "supported"),
    ],
)
def test_a_record_is_checked_as_its_row(corpus: Corpus, claim: str, verdict: str) -> None:
    assert corpus.checker.check(claim).verdict.value == verdict


@pytest.mark.parametrize(
    "text, expected",
    [
        ("| Partner | Since |\n| Russia | 2012 |", ["Russia: Since 2012."]),
        ("| Partner | Since |\n|---|---|\n| Russia | 2012 |\n| India | 2016 |", ["Russia: Since 2012.", "India: Since 2016."]),
        ("| Partner | Since | | Russia | 2012 | | India | 2016 |", ["Russia: Since 2012.", "India: Since 2016."]),
        ("| Partner | Since | |:---|---:| | Russia | 2012 |", ["Russia: Since 2012."]),
        ("| A | B | C | | x | | z |", ["x: C z."]),
        ("| Partner | Since |", None),
        ("| India | 2014 |", None),
        ("| Partner | Since |\n| Russia | 2012 | extra |", None),
        ("Partner | Since | Russia | 2012", None),
    ],
    ids=["lines", "lines-with-rule", "run-together", "run-together-with-rule", "an-empty-cell", "a-header-alone", "a-row-alone",
         "rows-of-other-widths", "no-outer-bars"],
)
def test_a_table_given_as_one_claim_reads_row_by_row(text: str, expected: list[str] | None) -> None:
    assert table_sentences(text) == expected


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("| Partner | Comprehensive strategic partnership since | | Russia | 2012 | | India | 2016 |", "supported"),
        ("| Partner | Comprehensive strategic partnership since | | Russia | 2012 | | India | 2014 |", "conflicting"),
        ("| Milestone | Date |\n| US–Vietnam diplomatic relations | 12 July 1995 |\n| Ambassadors exchanged | May 1997 |", "supported"),
    ],
    ids=["every-row-stated", "one-row-wrong", "a-label-with-a-verb-is-the-subject"],
)
def test_a_table_claim_is_checked_row_by_row(corpus: Corpus, claim: str, verdict: str) -> None:
    assert corpus.checker.check(claim).verdict.value == verdict
