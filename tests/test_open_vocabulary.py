"""A claims file about any subject: its own topics, and measures compared across units."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.curation.validate import validate

TOWER = """\
---
title: A guide to Paris
date: 2021-03-01
---
The Eiffel Tower is 330 m tall.
"""

ENTRY = """\
  - id: eiffel-tower-height
    statement: The Eiffel Tower is 330 metres tall.
    topic: landmarks
    parties: [Eiffel Tower]
    values:
      - {kind: measure, value: 330, unit: m, text: 330 m}
    evidence:
      - source: paris
        quote: The Eiffel Tower is 330 m tall.
"""


def write(tmp_path: Path, head: str = "", entry: str = ENTRY) -> Path:
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "paris.md").write_text(TOWER, encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(f"sources: sources\n{head}claims:\n{entry}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "head, entry, expected",
    [
        pytest.param("", ENTRY, [], id="no topics declared: any kebab-case topic"),
        pytest.param("topics: [landmarks, museums]\n", ENTRY, [], id="a declared topic"),
        pytest.param("topics: [museums]\n", ENTRY, ["claims[0].topic: unknown topic 'landmarks' (the file's topics: museums)"], id="an undeclared topic"),
        pytest.param("", ENTRY.replace("topic: landmarks", "topic: Land Marks"), ["claims[0].topic: 'Land Marks' is not kebab-case (a-z, 0-9, single hyphens)"], id="a topic not kebab-case"),
        pytest.param("", ENTRY.replace("unit: m,", "unit: furlong,"), ["claims[0].values[0].unit: unknown unit 'furlong' (one of: m, km,"], id="an unknown unit"),
        pytest.param("", ENTRY.replace("value: 330,", "value: 331,"), ["claims[0].values[0].text: \"330 m\" does not parse as 331 m: it reads 330 m"], id="a measure its text does not say"),
    ],
)
def test_topics_and_measures_in_validate(tmp_path: Path, head: str, entry: str, expected: list[str]) -> None:
    problems = [f"{p.where}: {p.message}" for p in validate(write(tmp_path, head, entry))]
    assert [p[: len(e)] for p, e in zip(problems, expected)] == expected
    assert len(problems) == len(expected)


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("The Eiffel Tower is 330 m tall.", "supported"),
        ("The Eiffel Tower is 330 metres tall.", "supported"),
        ("The Eiffel Tower is about 1,083 feet tall.", "supported"),
        ("The Eiffel Tower is 0.33 km tall.", "supported"),
        ("The Eiffel Tower is 400 metres tall.", "conflicting"),
        ("The Eiffel Tower is about 1,500 feet tall.", "conflicting"),
    ],
)
def test_a_measure_is_checked_in_any_unit(tmp_path: Path, claim: str, verdict: str) -> None:
    path = write(tmp_path, "topics: [landmarks]\n")
    result = CliRunner().invoke(cli, ["check", "--claims", str(path), "--format", "json", claim], catch_exceptions=False)
    assert json.loads(result.output)["verdict"] == verdict


def test_the_bundled_file_declares_its_topics() -> None:
    from factcheck.claimsfile.claims import load_claims
    from factcheck.engine.corpus import bundled_claims

    claims = load_claims(bundled_claims())
    assert set(claims.topics) == {e.topic for e in claims.entries}


def test_the_topics_and_a_measure_come_back_from_the_cache(tmp_path: Path) -> None:
    from factcheck.engine.cache import Entries
    from factcheck.engine.corpus import Corpus

    path = write(tmp_path, "topics: [landmarks, museums]\n")
    built = Corpus.load(path)
    built.index  # builds and stores the cache
    cached = Corpus.load(path)
    assert isinstance(cached.claims.entries, Entries)  # served from the cache
    assert cached.claims.topics == ("landmarks", "museums")
    assert cached.checker.check("The Eiffel Tower is about 1,083 feet tall.").verdict.value == "supported"
