"""The command line as a specification: verdicts, exit codes, formats and errors."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ASEAN_ENTRY, write_corpus

from factcheck.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")

AID_ENTRY = """\
  - id: aid-1950-1954
    statement: Aid from China and the USSR to Vietnam from June 1950 to June 1954 was 34 million US dollars.
    topic: aid
    parties: [China, Soviet Union, Vietnam]
    values:
      - {kind: money, value: 34000000, unit: USD, text: 34 million US dollars}
      - {kind: period, from: 1950-06, to: 1954-06, text: June 1950 to June 1954}
    evidence:
      - source: doc
        quote: The total amount of aid from China and the USSR to Vietnam from June 1950 to June 1954 was 34 million US dollars (USD).
"""
DOC = """\
---
title: A test document
published: Test Review No. 1, May 2020
date: 2020-05
---
The total amount of aid from China and the USSR to Vietnam from June 1950 to June 1954 was 34 million US dollars (USD). It helped.
The flag marks the anniversary of Vietnam’s ASEAN membership (July 28, 1995 - July 28, 2023).
"""


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    return write_corpus(tmp_path, ASEAN_ENTRY + AID_ENTRY, {"doc": DOC})


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def check_json(claims: Path, *claim: str):
    result = run("check", "--claims", str(claims), "--format", "json", *claim)
    return result, [json.loads(line) for line in result.output.splitlines()]


@pytest.mark.parametrize(
    "claim, verdict, code",
    [
        ("Vietnam joined ASEAN on 28 July 1995.", "supported", 0),
        ("Vietnam joined ASEAN in 1995.", "supported", 0),
        ("Vietnam joined ASEAN on 28 July 1997.", "conflicting", 1),
        ("Aid from China and the USSR in 1950-54 was USD 34,000,000.", "supported", 0),
        ("Aid from China and the USSR in 1950-1954 was 43 million US dollars.", "conflicting", 1),
        ("Vietnam opened an embassy in Mozambique in 2006.", "unverified", 3),
    ],
)
def test_verdicts_and_exit_codes(claims, claim, verdict, code):
    result, answers = check_json(claims, claim)
    assert [a["verdict"] for a in answers] == [verdict]
    assert result.exit_code == code


def test_any_conflict_exits_1_and_unverified_without_conflict_exits_3(claims):
    assert check_json(claims, "Vietnam joined ASEAN in 1995.", "Vietnam joined ASEAN in 1990.", "Laos joined the WTO in 2013.")[0].exit_code == 1
    assert check_json(claims, "Vietnam joined ASEAN in 1995.", "Laos joined the WTO in 2013.")[0].exit_code == 3


def test_json_lines_carry_matches_and_evidence(claims):
    _, [answer] = check_json(claims, "Vietnam joined ASEAN on 28 July 1997.")
    assert answer["claim"] == "Vietnam joined ASEAN on 28 July 1997."
    assert answer["reason"] == "the claim says 28 July 1997; the source says 28 July 1995"
    best = answer["matches"][0]
    assert best["id"] == "asean-membership-1995"
    assert best["verdict"] == "conflicting"
    assert 0 <= best["score"] <= 100
    assert best["evidence"] == [{
        "source": "sources/doc.md",
        "line": 7,
        "text": "The flag marks the anniversary of Vietnam’s ASEAN membership (July 28, 1995 - July 28, 2023).",
    }]


def test_evidence_text_is_the_whole_sentence(claims):
    _, [answer] = check_json(claims, "Aid from China and the USSR in 1950-54 was USD 34,000,000.")
    [evidence] = answer["matches"][0]["evidence"]
    assert evidence["text"] == "The total amount of aid from China and the USSR to Vietnam from June 1950 to June 1954 was 34 million US dollars (USD)."
    assert evidence["line"] == 6


def test_claims_from_standard_input_one_per_line_in_order(claims):
    result = run("check", "--claims", str(claims), "--format", "json", "-", input="Vietnam joined ASEAN in 1995.\n\nVietnam joined ASEAN in 1990.\n")
    assert [json.loads(line)["verdict"] for line in result.output.splitlines()] == ["supported", "conflicting"]


def test_text_output_for_a_conflict(claims):
    result = run("check", "--claims", str(claims), "Vietnam joined ASEAN on 28 July 1997.")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "CONFLICTING Vietnam joined ASEAN on 28 July 1997."
    assert lines[1] == "  the claim says 28 July 1997; the source says 28 July 1995"
    assert "  sources/doc.md:7  A test document (Test Review No. 1, May 2020)" in lines


def test_text_output_for_unverified_shows_nearest_entries_as_not_matching(claims):
    result = run("check", "--claims", str(claims), "Laos joined the WTO in 2013.")
    assert result.exit_code == 3
    assert "No entry states this." in result.output
    assert "nearest, not matching:" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "--claims", "missing.yaml", "x"], "Error: missing.yaml: no such file\n"),
        (["check", "--claims", ".", "x"], "Error: .: is a folder, not a file\n"),
        (["show", "--claims", "{claims}", "no-such-id"], "Error: no entry with id 'no-such-id' (see 'factcheck claims')\n"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(claims, args, message):
    result = CliRunner().invoke(cli, [a.replace("{claims}", str(claims)) for a in args])
    assert result.exit_code == 2
    assert result.output == message


def test_a_broken_claims_file_is_one_line_with_its_position(tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text("claims:\n  - id: [unclosed\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--claims", str(path), "x"])
    assert result.exit_code == 2
    assert re.fullmatch(rf"Error: {re.escape(str(path))}:3:1: YAML syntax error: .*\n", result.output)


def test_a_claims_file_that_is_not_a_mapping(tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--claims", str(path), "x"])
    assert result.exit_code == 2
    assert result.output == f"Error: {path}:1:1: expected a mapping with a 'claims' list, found a list\n"


def test_empty_claim_is_a_usage_error(claims):
    result = CliRunner().invoke(cli, ["check", "--claims", str(claims), "  "])
    assert result.exit_code == 2
    assert "a claim is empty" in result.output


def test_validate_clean_and_with_problems(claims):
    clean = CliRunner().invoke(cli, ["validate", "--claims", str(claims)])
    assert clean.exit_code == 0
    assert clean.stdout == ""
    assert clean.stderr == f"{claims}: OK (2 entries)\n"
    claims.write_text(claims.read_text(encoding="utf-8").replace("34 million US dollars (USD)", "43 million US dollars (USD)"), encoding="utf-8")
    broken = CliRunner().invoke(cli, ["validate", "--claims", str(claims)])
    assert broken.exit_code == 1
    assert "quote not found in sources/doc.md" in broken.output


def test_claims_lists_and_show_cites(claims):
    listed = run("claims", "--claims", str(claims), "--topic", "aid")
    assert "aid-1950-1954" in listed.output and "asean-membership-1995" not in listed.output
    shown = run("show", "--claims", str(claims), "asean-membership-1995")
    assert "sources/doc.md:7  A test document, Test Review No. 1, May 2020" in shown.output


def test_no_arguments_shows_help_with_examples():
    result = run()
    assert result.exit_code == 0
    assert "Usage: factcheck" in result.output and "Examples:" in result.output


def test_version():
    assert re.fullmatch(r"factcheck, version \d+\.\d+\.\d+\n", run("--version").output)


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_with_an_example_and_is_in_the_readme(name):
    result = run(name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"factcheck {name}" in README


def test_the_readme_opens_with_the_two_commands():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert blocks[0].startswith("pip install . && factcheck check ")
    assert blocks[1] == 'pip install ".[test]" && python -m pytest -q'


def test_ci_runs_the_readmes_test_command_in_a_fresh_virtual_environment():
    """What the README tells a new machine to run, in a virtual environment made for the run:
    installed into the machine's Python, the tests ran against what it already had."""
    ci = Path(__file__).parent.parent / ".ci" / "run"
    if not ci.exists():
        pytest.skip("not a checkout: no .ci folder")
    lines = ci.read_text(encoding="utf-8").splitlines()
    install, test = re.findall(r"```sh\n(.*?)\n```", README, re.S)[1].split(" && ")
    steps = [lines.index('python3 -m venv "$tmp/venv"'), lines.index('. "$tmp/venv/bin/activate"'),
             lines.index(install), next(i for i, line in enumerate(lines) if line.startswith(test + " "))]
    assert steps == sorted(steps)
    assert "../shared" not in "\n".join(lines)


def test_bundled_data_is_the_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", "--format", "json", "India became a comprehensive strategic partner of Vietnam in 2016.")
    assert json.loads(result.output)["verdict"] == "supported"
    assert result.exit_code == 0


def test_a_claims_file_in_a_parent_folder_wins_over_the_bundled_one(claims, monkeypatch):
    inner = claims.parent / "drafts" / "deep"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    result = run("check", "--format", "json", "Vietnam joined ASEAN in 1990.")
    assert json.loads(result.output)["matches"][0]["id"] == "asean-membership-1995"


def test_discrepancies_json_on_the_bundled_file():
    result = run("discrepancies", "--format", "json")
    found = json.loads(result.output)
    defence = next(d for d in found if d["fact"] == "defence-relations-count")
    assert [s["value"] for s in defence["sides"]] == ["more than 80 countries", "more than 100 countries"]
    assert defence["explained_by_time"] is True
    assert any(d["kind"] == "name" and d["fact"] == "four-nos-policy" for d in found)
