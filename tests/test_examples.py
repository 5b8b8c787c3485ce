"""Entries that test themselves: `examples` are claims with the verdict each must get; validate
runs every one with the real checker, and supported ones help matching as known rewordings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.claimsfile.claims import load_claims
from factcheck.cli import cli
from factcheck.curation.validate import validate
from factcheck.engine.corpus import Corpus, bundled_claims

TOWER = "---\ntitle: A guide to Paris\ndate: \"2021-03-01\"\n---\n# Paris\n\nThe Eiffel Tower is 330 m tall.\n\nThe Louvre opened in 1793.\n"

ENTRIES = """\
claims:
  - id: eiffel-tower-height
    statement: The Eiffel Tower is 330 metres tall.
    topic: landmarks
    parties: [Eiffel Tower]
    values: [{kind: measure, value: 330, unit: m, text: 330 m}]
    examples:
      supported:
        - The Eiffel Tower is about 1,083 feet tall.
      conflicting:
        - The Eiffel Tower is 400 metres tall.
      unverified:
        - The Eiffel Tower was painted in 2019.
    evidence:
      - source: paris
        quote: The Eiffel Tower is 330 m tall.
  - id: louvre-opened-1793
    statement: The Louvre opened in 1793.
    topic: museums
    parties: [Louvre]
    values: [{kind: date, value: "1793", text: "1793"}]
    evidence:
      - source: paris
        quote: The Louvre opened in 1793.
"""


def write(tmp_path: Path, claims: str) -> Path:
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "paris.md").write_text(TOWER, encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(claims, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "old, new, expected",
    [
        pytest.param("", "", [], id="every example gets its verdict"),
        pytest.param("- The Eiffel Tower is 400 metres tall.", "- The Eiffel Tower is 330 metres tall.",
                     [(11, 11, "claims[0].examples.conflicting[0]", '"The Eiffel Tower is 330 metres tall." is supported, not conflicting: the claim says 330 m; the source says 330 m')],
                     id="a conflicting example the checker supports"),
        pytest.param("- The Eiffel Tower was painted in 2019.", "- The Eiffel Tower is 1,500 feet tall.",
                     [(13, 11, "claims[0].examples.unverified[0]", '"The Eiffel Tower is 1,500 feet tall." is conflicting, not unverified: the claim says 1,500 ft; the source says 330 m')],
                     id="an unverified example the checker finds conflicting"),
        pytest.param("- The Eiffel Tower is about 1,083 feet tall.", "- The Louvre opened in 1793.",
                     [(9, 11, "claims[0].examples.supported[0]", "\"The Louvre opened in 1793.\" is supported by 'louvre-opened-1793', not by this entry")],
                     id="supported, but by another entry"),
        pytest.param("      unverified:\n", "      unverifed:\n",
                     [(12, 7, "claims[0].examples.unverifed", "unknown key (did you mean 'unverified'?)")],
                     id="a verdict misspelt"),
    ],
)
def test_validate_runs_every_example(tmp_path: Path, old: str, new: str, expected: list) -> None:
    assert old in ENTRIES
    path = write(tmp_path, ENTRIES.replace(old, new))
    assert [(p.line, p.column, p.where, p.message) for p in validate(path)] == expected


def test_validate_counts_the_examples(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--claims", str(write(tmp_path, ENTRIES))], catch_exceptions=False)
    assert (result.exit_code, result.stderr.split(": ")[-1]) == (0, "OK (2 entries, 3 examples)\n")


@pytest.mark.parametrize(
    "claim, with_example, without",
    [
        ("The Iron Lady of Paris is 1,083 feet tall.", "supported", "unverified"),
        ("The Iron Lady of Paris is 400 metres tall.", "conflicting", "unverified"),
    ],
)
def test_a_supported_example_is_a_known_rewording(tmp_path: Path, claim: str, with_example: str, without: str) -> None:
    rewording = ENTRIES.replace("- The Eiffel Tower is about 1,083 feet tall.", "- The Iron Lady of Paris stands 330 m high.")
    verdicts = []
    for claims in (rewording, rewording.replace("- The Iron Lady of Paris stands 330 m high.", "- The Eiffel Tower is about 1,083 feet tall.")):
        path = write(tmp_path, claims)
        assert validate(path) == []
        result = CliRunner().invoke(cli, ["check", "--claims", str(path), "--format", "json", claim], catch_exceptions=False)
        verdicts.append(json.loads(result.output)["verdict"])
    assert verdicts == [with_example, without]


BUNDLED = load_claims(bundled_claims())
EXAMPLES = [(e.id, x.verdict, x.claim) for e in BUNDLED.entries for x in e.examples]


def test_the_bundled_file_has_examples_where_a_reader_expects_them() -> None:
    ids = {entry_id for entry_id, _, _ in EXAMPLES}
    assert {"four-nos-policy", "comprehensive-strategic-partnership-india-2016", "aid-china-ussr-1950-1954", "vietnam-does-not-take-sides"} <= ids
    assert {verdict for _, verdict, _ in EXAMPLES} == {"supported", "conflicting", "unverified"}
    assert len(EXAMPLES) >= 50


def test_every_bundled_example_passes() -> None:
    """validate runs them all: the bundled file is clean only if every one gets its verdict."""
    assert [str(p) for p in validate(bundled_claims()) if ".examples." in p.where] == []


@pytest.fixture(scope="module")
def checker():
    return Corpus(BUNDLED).checker


@pytest.mark.parametrize("frame", ["It is false that {}", "It is not true that {}"])
def test_the_denial_of_a_supported_example_is_never_supported(checker, frame: str) -> None:
    """Rewordings feed matching: they must not make their own denial supported."""
    claims = [frame.format(claim[0].lower() + claim[1:]) for _, verdict, claim in EXAMPLES if verdict == "supported"]
    assert [c for c in claims if checker.check(c).verdict.value == "supported"] == []
