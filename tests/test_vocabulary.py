"""A claims file teaches the checker its domain's words next to its entries (`vocabulary:`):
equivalents, contrasts, restrictive words and distinct things, written as the bundled
knowledge files write them, and checked by `validate` line by line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import write_corpus

from factcheck.cli import cli
from factcheck.language.normalise import use_equivalents

OPERA = """\
  - id: opera-house-1911
    statement: The Hanoi Opera House was inaugurated in 1911.
    topic: history
    parties: [Hanoi Opera House]
    values:
      - {kind: date, value: "1911", text: "1911"}
    evidence:
      - source: doc
        quote: The Hanoi Opera House opened in 1911.
  - id: opera-house-concerts
    statement: The Hanoi Opera House hosts classical concerts.
    topic: history
    parties: [Hanoi Opera House]
    evidence:
      - source: doc
        quote: It hosts classical concerts.
"""
SOURCE = {"doc": "---\ntitle: Landmarks of Hanoi\npublished: 2020-01-01\n---\n"
                 "The Hanoi Opera House opened in 1911. It hosts classical concerts.\n"}
VOCABULARY = """\
vocabulary:
  equivalents: ["hosts | stages", "classical concerts | symphonic recitals"]
  contrasts: ["inaugurated, opened | closed, demolished"]
  restrictive: ["lavishly | grandly"]
  distinct: ["opera house | concert hall"]
"""


@pytest.fixture(autouse=True)
def _bundled_equivalents_after():
    yield
    use_equivalents(())  # the next test's claims file starts from the bundled knowledge alone


def verdicts(tmp_path, vocabulary: str, *claims: str) -> list[str]:
    path = write_corpus(tmp_path, OPERA, SOURCE)
    path.write_text(vocabulary + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--claims", str(path), "--format", "json", *claims])
    return [json.loads(line)["verdict"] for line in result.output.splitlines()]


@pytest.mark.parametrize(
    "claim, without, with_vocabulary",
    [
        ("The Hanoi Opera House stages symphonic recitals.", "unverified", "supported"),
        ("The Hanoi Opera House was demolished in 1911.", "supported", "conflicting"),
        ("The Hanoi Opera House was lavishly inaugurated in 1911.", "supported", "unverified"),
        ("The Hanoi Opera House concert hall was inaugurated in 1911.", "supported", "unverified"),
        ("The Hanoi Opera House was inaugurated in 1912.", "conflicting", "conflicting"),
    ],
    ids=["an-equivalent-supports", "a-contrast-contradicts", "a-restrictive-word-is-not-accounted-for",
         "a-distinct-thing-is-another-thing", "figures-as-ever"],
)
def test_a_claims_files_vocabulary_changes_what_its_words_mean(tmp_path, claim, without, with_vocabulary):
    assert verdicts(tmp_path / "plain", "", claim) == [without]
    assert verdicts(tmp_path / "taught", VOCABULARY, claim) == [with_vocabulary]


def test_the_vocabulary_is_kept_in_the_cache(tmp_path):
    claims = ("The Hanoi Opera House stages symphonic recitals.", "The Hanoi Opera House was demolished in 1911.")
    first = verdicts(tmp_path, VOCABULARY, *claims)
    use_equivalents(())  # as a new process starts
    assert verdicts(tmp_path, VOCABULARY, *claims) == first == ["supported", "conflicting"]


@pytest.mark.parametrize(
    "vocabulary, problem",
    [
        ('vocabulary:\n  equivalents: ["inaugurated || opened"]\n',
         "2:17: vocabulary.equivalents[0]: a set names one form or more split by ' | ': 'inaugurated || opened'"),
        ('vocabulary:\n  contrasts: ["opened"]\n',
         "2:15: vocabulary.contrasts[0]: a contrast has two sides split by ' | ': 'opened'"),
        ('vocabulary:\n  synonyms: ["a | b"]\n',
         "2:3: vocabulary.synonyms: unknown key (expected equivalents, contrasts, restrictive, distinct)"),
        ('vocabulary:\n  distinct: "a | b"\n', "2:3: vocabulary.distinct: expected a list of lines (strings), found a string"),
        ("vocabulary: [a]\n", "1:1: vocabulary: expected a mapping of equivalents, contrasts, restrictive, distinct, found a list"),
    ],
    ids=["a-malformed-equivalence", "a-contrast-of-one-side", "an-unknown-kind", "not-a-list", "not-a-mapping"],
)
def test_validate_names_each_malformed_line(tmp_path, vocabulary, problem):
    path = write_corpus(tmp_path, OPERA, SOURCE)
    path.write_text(vocabulary + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--claims", str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{path}:{problem}"]
