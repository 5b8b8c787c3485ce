"""`factcheck coverage`: the sentences of the sources that state a figure, a date or a named
policy and that no entry quotes, as FILE:LINE; exit 1 when there are any."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, WTO_ENTRY, write_corpus
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import cli
from factcheck.curation.checkable import coverage_reasons, reasons

ROOT = Path(__file__).parent.parent


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize(("sentence", "why"), [
    ("Vietnam joined ASEAN on 28 July 1995.", ("figure", "membership")),
    ("Vietnam pursues the \"Four Nos\" defence policy.", ("policy",)),
    ("The Doi Moi policy was launched to reform the economy.", ("policy",)),
    ("Vietnam's foreign policy is independent.", ()),  # an owner names no policy
    ("This requires Vietnam to determine principles, interests, and behaviour.", ()),
    ("Both countries signed a treaty of friendship.", ("treaty",)),
    ("Fidel Castro was the first foreign leader to visit Quang Tri.", ("figure", "first")),
    ("He visited many countries, including France and China.", ("list",)),
    ("Gaiduk, Ilya. (1996).", ("figure",)),  # a reference: dated, no verb
    ("See also Southeast Asia Treaty Organization ; Southeast Asian Americans .", ()),  # points elsewhere
    ("The sea was rough.", ()),
    ("Comprehensive strategic partner since", ()),  # no verb, no figure
    ("One of the reasons is clear.", ()),  # an idiom, not a figure
])
def test_what_makes_a_sentence_checkable(sentence, why):
    assert reasons(sentence) == why


def test_coverage_asks_for_figures_dates_and_named_policies_only():
    assert coverage_reasons("Both countries signed a treaty of friendship.") == ()
    assert coverage_reasons("Vietnam joined ASEAN on 28 July 1995.") == ("figure",)


def test_lists_each_sentence_no_entry_quotes(tmp_path: Path):
    path = write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    result = run("coverage", "--claims", str(path))
    assert result.exit_code == 1
    assert result.stdout == "sources/doc.md:9: figure: It later joined the WTO in 2007, after long talks.\n"
    assert result.stderr == "1 sentence not quoted by any entry\n"


def test_exit_0_when_every_such_sentence_is_quoted(tmp_path: Path):
    path = write_corpus(tmp_path, ASEAN_ENTRY + WTO_ENTRY, {"doc": PATH_TO_THE_WORLD})
    result = run("coverage", "--claims", str(path))
    assert (result.exit_code, result.stdout) == (0, "")


def test_a_claims_file_that_does_not_load_is_exit_2(tmp_path: Path):
    path = tmp_path / "claims.yaml"
    path.write_text("claims: 3\n", encoding="utf-8")
    result = run("coverage", "--claims", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")


BUNDLED_UNCOVERED = [
    # it restates, as advice, the motto that the entry from the sentence before it quotes
    "sources/enhancing-international-integration-and-defence-diplomacy.md:44: policy: It is vital to ensure our principles in defence cooperation",
]


def test_the_bundled_file_leaves_only_the_sentences_named_in_the_readme():
    result = run("coverage", "--claims", str(ROOT / "claims.yaml"))
    lines = result.stdout.splitlines()
    assert len(lines) == len(BUNDLED_UNCOVERED)
    assert all(line.startswith(expected) for line, expected in zip(lines, BUNDLED_UNCOVERED))
    assert result.exit_code == 1


LINES = st.sampled_from([
    "# A heading with 1995", "Saigon fell on 30 April 1975.", "*A caption, 2024.*", "- A list item of 12 ships.",
    "| a | table |", "```", "code 1999", "", "  ", "Two sentences. The second in 2001!", "> A quote of 5 men.",
    "Über 3 Männer.", "\t", "1. First of 3.",
])


@given(st.lists(LINES, max_size=20).map("\n".join))
def test_a_sentence_is_the_source_as_written_at_its_line(body):
    from factcheck.claimsfile.sources import Source
    from factcheck.curation.checkable import source_sentences

    text = "---\ntitle: t\n---\n" + body
    source = Source("doc", Path("doc.md"), text, body_start=len("---\ntitle: t\n---\n"))
    for s in source_sentences(source):
        assert text[s.start:s.end].replace("\n", " ") == s.text and s.text.strip() == s.text
        assert source.line_of(s.start) == s.line
        assert not s.text.startswith(("#", "|"))


def test_a_paragraph_is_its_consecutive_lines():
    from factcheck.claimsfile.sources import Source
    from factcheck.curation.checkable import source_sentences

    text = "The tower was opened\non 31 March 1889. It is tall.\n*A caption, 2024.*\n\n- One item of 1990.\n- Another of 1991.\n"
    assert [(s.line, s.text) for s in source_sentences(Source("doc", Path("doc.md"), text))] == [
        (1, "The tower was opened on 31 March 1889."), (2, "It is tall."), (3, "A caption, 2024."),
        (5, "One item of 1990."), (6, "Another of 1991.")]


def test_headings_tables_and_code_are_not_prose():
    from factcheck.claimsfile.sources import Source
    from factcheck.curation.checkable import source_sentences

    text = "# In 1995\n\n| 1995 | x |\n```\ncode of 1999\n```\n*Saigon fell on 30 April 1975.*\n- Ships: 12.\n"
    assert [(s.line, s.text) for s in source_sentences(Source("doc", Path("doc.md"), text))] == [
        (7, "Saigon fell on 30 April 1975."), (8, "Ships: 12.")]
