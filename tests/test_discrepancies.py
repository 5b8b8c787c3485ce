"""`factcheck discrepancies`: the sources checked against each other. The checker finds the
differences a curator grouped by hand, and a new document's, and the bundled sources scanned
against their own claims file conflict nowhere else."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.curation.discrepancies import find
from factcheck.drafts.scan import scan_text
from factcheck.engine.corpus import Corpus, bundled_claims
from factcheck.engine.verdicts import Verdict

BUNDLED = bundled_claims()

DEFENCE_2025 = """\
---
title: Defence review 2025
date: "2025-06"
---
Vietnam now has defence relations with more than 120 countries.
"""


def run(*args: str, width: int = 80):
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": str(width)}, catch_exceptions=False)


def copy_project(root: Path, without_fact_keys: bool = False) -> Path:
    """The bundled claims file and its sources in `root`; `without_fact_keys`: every `fact:`
    line taken out, as if no curator had grouped anything."""
    shutil.copytree(BUNDLED.parent / "sources", root / "sources")
    text = BUNDLED.read_text(encoding="utf-8")
    if without_fact_keys:
        text = re.sub(r"(?m)^\s+fact: .*\n", "", text)
    (root / "claims.yaml").write_text(text, encoding="utf-8")
    return root / "claims.yaml"


def pairs(found: list[dict], kinds: set[str]) -> set[tuple[frozenset[str], str]]:
    return {(frozenset(s["entry_id"] for s in d["sides"]), d["kind"]) for d in found if d["kind"] in kinds}


def test_every_value_precision_and_name_group_is_found_without_fact_keys(tmp_path: Path) -> None:
    grouped = json.loads(run("discrepancies", "--format", "json").stdout)
    claims = copy_project(tmp_path, without_fact_keys=True)
    assert "fact:" not in claims.read_text(encoding="utf-8")
    found = json.loads(run("discrepancies", "--claims", str(claims), "--format", "json").stdout)
    wanted = pairs(grouped, {"value", "precision", "name"})
    assert len(wanted) == 6  # 4 dates at two precisions, the defence relations count, "Four No’s"
    assert wanted <= pairs(found, {"value", "precision", "name"})
    assert not any(d["grouped"] for d in found)


# The differences the checker finds in the bundled sources, each with whether a curator grouped
# it. The last is no real difference, and is kept here so that a change shows: two articles'
# own publication dates, which the checker reads as one publication dated twice ("No. 910
# (August 2018)", "No. 1025 (November, 2023)": the issue numbers are not compared). For the
# judging on main to fix.
BUNDLED_FOUND = [
    ("fall-of-south-vietnam-1975", "precision", True),
    ("drv-independence-1945", "precision", True),
    ("soviet-bloc-recognition-1950", "precision", True),
    ("vietnam-cambodia-1978", "precision", True),
    ("defence-relations-count", "value", True),
    ("foreign-relations-article-publication / why-vietnam-does-not-take-sides-publication", "account", False),
    ("four-nos-policy", "name", False),
]


def test_the_bundled_differences() -> None:
    found = json.loads(run("discrepancies", "--format", "json").stdout)
    assert [(d["fact"], d["kind"], d["grouped"]) for d in found if d["found"]] == BUNDLED_FOUND
    assert [(d["fact"], d["kind"]) for d in found if not d["found"]] == [
        ("start-of-socialist-aid", "account"), ("cambodia-international-reaction", "account"),
    ]  # two accounts of one event: a difference no value shows, for a curator to group


def test_a_new_document_is_checked_against_both_earlier_figures(tmp_path: Path) -> None:
    claims = copy_project(tmp_path)
    (tmp_path / "sources" / "defence-review-2025.md").write_text(DEFENCE_2025, encoding="utf-8")
    result = run("discrepancies", "--claims", str(claims), "--source", str(tmp_path / "sources" / "defence-review-2025.md"))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "2 differences between sources\n"
        "\n"
        "defence-relations-more-than-100-countries / defence-review-2025:5: value, time\n"
        "explains it\n"
        "  different figures: more than 120 countries and more than 100 countries; the\n"
        "  later source (2025-06) may supersede the earlier\n"
        "  found by the checker; no fact: key groups it\n"
        "  earlier: more than 100 countries (2024)\n"
        "    sources/enhancing-international-integration-and-defence-diplomacy.md:32\n"
        "  later: more than 120 (2025-06)\n"
        "    sources/defence-review-2025.md:5\n"
        "\n"
        "defence-relations-more-than-80-countries / defence-review-2025:5: value, time\n"
        "explains it\n"
        "  different figures: more than 120 countries and more than 80 countries; the\n"
        "  later source (2025-06) may supersede the earlier\n"
        "  found by the checker; no fact: key groups it\n"
        "  earlier: more than 80 countries (2018-08)\n"
        "    sources/foreign-relations-for-peace-cooperation-and-development.md:73\n"
        "  later: more than 120 (2025-06)\n"
        "    sources/defence-review-2025.md:5\n"
    )
    found = json.loads(run("discrepancies", "--claims", str(claims), "--format", "json", "--source",
                           str(tmp_path / "sources" / "defence-review-2025.md")).stdout)
    assert [[(s["value"], s["date"]) for s in d["sides"]] for d in found] == [
        [("more than 100 countries", "2024"), ("more than 120", "2025-06")],
        [("more than 80 countries", "2018-08"), ("more than 120", "2025-06")],
    ]


def test_one_documents_differences_are_those_of_the_whole_that_it_takes_part_in() -> None:
    whole = json.loads(run("discrepancies", "--format", "json").stdout)
    path = str(BUNDLED.parent / "sources" / "foreign-relations-for-peace-cooperation-and-development.md")
    one = json.loads(run("discrepancies", "--format", "json", "--source", path).stdout)
    assert one == [d for d in whole if any(s["source"].endswith("/foreign-relations-for-peace-cooperation-and-development.md") for s in d["sides"])]
    assert [d["fact"] for d in one] == ["defence-relations-count", BUNDLED_FOUND[5][0]]


@pytest.mark.parametrize(
    "source, error",
    [
        ("nope.md", "Error: nope.md: no such file\n"),
        ("{claims}", "Error: {claims}: not a .md file of the sources folder {sources} (copy it there first: evidence names a source by its file name)\n"),
        ("\x1b[2Jnope.md", "Error: nope.md: no such file\n"),  # the escape sequence removed
    ],
)
def test_a_source_that_cannot_be_compared_is_one_line_and_exit_2(source: str, error: str) -> None:
    claims, sources = str(BUNDLED), str(BUNDLED.parent / "sources")
    result = run("discrepancies", "--source", source.format(claims=claims))
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error.format(claims=claims, sources=sources))


def test_scanning_the_sources_against_their_own_claims_file_conflicts_only_where_they_differ() -> None:
    """Each sentence of a bundled source is supported, unverified, or conflicting only where the
    sources really differ: where `discrepancies` lists it, against the entry it lists."""
    corpus = Corpus.load(BUNDLED)
    listed = {(side.source, side.line, other.entry_id) for d in find(corpus) for side in d.sides for other in d.sides if other is not side}
    conflicts = []
    for path in sorted((BUNDLED.parent / "sources").glob("*.md")):
        shown = f"sources/{path.name}"
        for f in scan_text(corpus.checker, shown, path.read_text(encoding="utf-8"), markdown=True):
            if f.verdict is Verdict.CONFLICTING and not any((shown, f.sentence.line, m.entry.id) in listed for m in f.result.matches if m.verdict is Verdict.CONFLICTING):
                conflicts.append(f"{shown}:{f.sentence.line}: {f.sentence.text}")
    assert conflicts == []


def test_extract_marks_what_a_new_document_agrees_and_differs_with(tmp_path: Path) -> None:
    claims = copy_project(tmp_path)
    doc = tmp_path / "sources" / "defence-review-2025.md"
    doc.write_text(DEFENCE_2025 + "\nVietnam became a member of ASEAN on 28 July 1995.\n", encoding="utf-8")
    result = run("extract", "--claims", str(claims), str(doc), width=200)
    assert result.exit_code == 0
    comments = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith("#")]
    assert comments == [
        "# sources/defence-review-2025.md:5",
        "# differs from defence-relations-more-than-100-countries (sources/enhancing-international-integration-and-defence-diplomacy.md:32, 2024): "
        "different figures: more than 120 countries and more than 100 countries",
        "# differs from defence-relations-more-than-80-countries (sources/foreign-relations-for-peace-cooperation-and-development.md:73, 2018-08): "
        "different figures: more than 120 countries and more than 80 countries",
        "# sources/defence-review-2025.md:7",
        "# agrees with vietnam-asean-membership-1995 (sources/why-vietnam-does-not-take-sides.md:48, 2023-11)",
    ]
    assert result.stderr == "2 entries proposed; 1 differs from entries of other sources, 1 agrees with them\n"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Vietnam has joined a military alliance.", [
            ("four-nos-no-military-alliances / oped-2025:5", "polarity"),
            ("no-military-alliances-with-great-powers / oped-2025:5", "polarity"),
        ]),
        ("Vietnam joined ASEAN in 1997.", [("vietnam-asean-membership-1995 / oped-2025:5", "account")]),
        ("The United States became a comprehensive strategic partner of Vietnam in 2021.", [
            ("comprehensive-strategic-partnership-united-states-2023 / oped-2025:5", "account"),
        ]),
        ("The Vietnamese victory at Dien Bien Phu came in May 1954.", [("dien-bien-phu-may-1954 / oped-2025:5", "name")]),
        ("The Vietnamese victory at Điện Biên Phủ came in May 1954.", []),  # as the source writes it
        ("Vietnam joined ASEAN on 28 July 1995.", []),  # agrees
        ("The weather in Hanoi was pleasant.", []),  # about nothing the sources say
    ],
)
def test_what_a_new_document_differs_in(tmp_path: Path, sentence: str, expected: list[tuple[str, str]]) -> None:
    claims = copy_project(tmp_path)
    doc = tmp_path / "sources" / "oped-2025.md"
    doc.write_text(f'---\ntitle: Op-ed\ndate: "2025-01"\n---\n{sentence}\n', encoding="utf-8")
    found = json.loads(run("discrepancies", "--claims", str(claims), "--format", "json", "--source", str(doc)).stdout)
    assert [(d["fact"], d["kind"]) for d in found] == expected


# What SAME_FACT keeps out: matches the checker calls conflicting once a statement's own
# entries are out of its reach, about another fact. Each is for the judging on main to fix
# (then delete its line here): the Russian Federation's founding is not Russia's partnership, an
# ambassador's posting not a guerrilla action in Caracas, one article's date not another's.
# Lists that a statement's words are not members of ("US" among Tonkin, Annam, Cochinchina)
# conflict too, and carry no figure to list.
KEPT_OUT = [
    ("russian-federation-founded-1991", "comprehensive-strategic-partnership-russia-2012"),
    ("russian-federation-founded-1991", "comprehensive-strategic-partnerships-five-countries"),
    ("us-vietnam-ambassadors-may-1997", "caracas-guerrillas-nguyen-van-troi-1964"),
    ("why-vietnam-does-not-take-sides-publication", "foreign-relations-article-publication"),
    ("resistance-war-party-viewpoints", "vietnam-divided-three-segments-french-indochina"),
    ("defence-diplomacy-combat-alliance-laos-cambodia", "vietnam-divided-three-segments-french-indochina"),
]


def test_what_the_threshold_keeps_out() -> None:
    from factcheck.curation.discrepancies import RANKS, SAME_FACT, Others, statements_of

    corpus = Corpus.load(BUNDLED)
    others = Others(corpus)
    kept_out = []
    for e in corpus.claims.entries:
        for s in statements_of(corpus, e):
            excluded = frozenset({ev.source for ev in e.evidence} | {s.source})
            for m in others.checker(excluded).check(s.text, shown=RANKS).matches[:RANKS]:
                if m.verdict is Verdict.CONFLICTING and (m.missing_names or m.closeness < SAME_FACT):
                    kept_out.append((e.id, m.entry.id))
    assert list(dict.fromkeys(kept_out)) == KEPT_OUT
