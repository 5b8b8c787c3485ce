"""The README's "Your own sources", end to end, on a subject of this test's own: a folder made
by hand, extract, review, validate, check, scan and coverage, as a curator runs them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
LIGHTHOUSE = """\
---
title: Skerryvore, a lighthouse history
published: 2019-09-01
date: 2019-09
---
# Skerryvore

The Skerryvore lighthouse was first lit on 1 February 1844.
Its tower is 48 metres tall, and about 4,300 tonnes of granite went into it.
Alan Stevenson designed the lighthouse; its construction took six years.
The station had four keepers at a time: two on the rock and two ashore.
The keepers were withdrawn in 1994, when the light became automatic.
Storms are frequent there.
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The hand-made start: an empty claims file, one document in sources/."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "skerryvore.md").write_text(LIGHTHOUSE, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text("sources: sources\ntopics: [keepers, lighthouses]\nclaims: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_from_a_document_to_checked_drafts(folder: Path):
    # extract: what would be drafted, then appended
    shown = run("extract", "sources/skerryvore.md")
    assert shown.exit_code == 0
    proposed = yaml.safe_load(shown.stdout)["claims"]
    assert "Storms are frequent there." not in [e["evidence"][0]["quote"] for e in proposed]
    topics = {e["evidence"][0]["quote"][:31]: e["topic"] for e in proposed}
    assert set(topics.values()) <= {"keepers", "lighthouses"}  # the file's own topics
    assert topics["The Skerryvore lighthouse was f"] == "lighthouses", topics
    written = run("extract", "--write", "sources/skerryvore.md")
    assert written.exit_code == 0
    assert f"{len(proposed)} entries proposed; appended to" in written.stderr
    claims = folder / "claims.yaml"
    assert yaml.safe_load(claims.read_text(encoding="utf-8"))["claims"] == proposed

    # review: the curator rewords one statement and keeps the rest
    text = claims.read_text(encoding="utf-8")
    reviewed = text.replace("statement: The Skerryvore lighthouse was first lit on 1 February 1844.",
                            "statement: Skerryvore lighthouse was first lit on 1 February 1844.")
    assert reviewed != text
    claims.write_text(reviewed, encoding="utf-8")

    assert run("validate").exit_code == 0

    conflicting = run("check", "The Skerryvore lighthouse was first lit in 1854.")
    assert conflicting.exit_code == 1
    assert conflicting.stdout.startswith("CONFLICTING")
    assert "sources/skerryvore.md:8" in conflicting.stdout
    supported = run("check", "Skerryvore lighthouse was first lit in February 1844.")
    assert supported.exit_code == 0, supported.stdout

    (folder / "draft.md").write_text("# Notes\n\nThe Skerryvore lighthouse was first lit on 1 February 1844. "
                                     "About 43,000 tonnes of granite went into its tower.\n", encoding="utf-8")
    scanned = run("scan", "draft.md")
    assert scanned.exit_code == 1
    assert re.search(r"^3:\d+ +CONFLICTING About 43,000 tonnes", scanned.stdout, re.M)

    covered = run("coverage")
    assert (covered.exit_code, covered.stdout) == (0, "")

    # the document grows: only the new sentence is drafted
    with (folder / "sources" / "skerryvore.md").open("a", encoding="utf-8") as f:
        f.write("A museum opened at Hynish in 1959.\n")
    assert run("coverage").exit_code == 1
    again = run("extract", "--write", "sources/skerryvore.md")
    assert "1 entry proposed" in again.stderr
    assert run("validate").exit_code == 0
    assert run("coverage").exit_code == 0


def test_the_readme_walks_through_these_steps():
    section = README[README.index("## Your own sources"):]
    for step in ("factcheck extract sources/", "factcheck extract --write", "factcheck validate",
                 "factcheck check", "factcheck scan", "factcheck coverage", "**Review**"):
        assert step in section


def test_the_readmes_output_is_what_extract_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The README shows real output: its document, drafted again, gives the entries it shows."""
    section = README[README.index("## Your own sources"):]
    document = section.split("<<'END'\n", 1)[1].split("\nEND\n", 1)[0] + "\n"
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "eiffel-tower.md").write_text(document, encoding="utf-8")
    claims = section.split("printf '", 1)[1].split("' > claims.yaml", 1)[0].replace("\\n", "\n")
    (tmp_path / "claims.yaml").write_text(claims, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("extract", "sources/eiffel-tower.md")
    shown = section.split("$ factcheck extract sources/eiffel-tower.md\n", 1)[1].split("$ factcheck extract --write", 1)[0]
    head, tail = shown.split("  ...\n")
    output = _any_topic(result.stdout + result.stderr)
    assert output.startswith(_any_topic(head))
    assert output.endswith(_any_topic(tail))


def _any_topic(text: str) -> str:
    """The output with its guessed topics blanked: which topics a file allows depends on the
    loader (a fixed list, or the file's own), the rest of the output does not."""
    return re.sub(r"(topic: |decide \()[a-z-]+", r"\1TOPIC", text)
