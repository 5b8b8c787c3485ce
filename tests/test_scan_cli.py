"""`factcheck scan` end to end: the sample draft, exit codes, options and configuration."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

SAMPLE = Path(__file__).parent / "data" / "sample.md"


def scan(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["scan", *args], input=input, catch_exceptions=False)


def findings(result) -> list[tuple[int, str]]:
    return [(f["line"], f["verdict"]) for f in map(json.loads, result.stdout.splitlines())]


def test_the_sample_draft_reports_exactly_its_conflict_and_exits_1():
    result = scan("--format", "jsonl", str(SAMPLE))
    assert findings(result) == [(7, "conflicting")]
    assert result.exit_code == 1
    assert result.stderr == "factcheck: 1 file, 10 sentences: 1 conflicting, 2 unverified (0 check-worthy), 7 supported\n"


def test_the_sample_draft_with_everything_shown():
    result = scan("--format", "jsonl", "--show", "supported", "--show", "unverified", str(SAMPLE))
    assert findings(result) == [
        (3, "supported"), (4, "supported"), (6, "supported"), (7, "conflicting"),
        (9, "supported"), (16, "supported"), (17, "supported"), (18, "supported"),
    ]
    two_lines = next(f for f in map(json.loads, result.stdout.splitlines()) if f["line"] == 9)
    assert (two_lines["end_line"], two_lines["column"]) == (10, 1)


def test_code_blocks_and_plain_prose_are_never_reported():
    """Line 13, in a code block, is a conflict as prose; line 20 is not worth reporting, and
    line 1 a heading that states nothing: only line 7 is reported."""
    result = scan("--format", "jsonl", "--show", "unverified", str(SAMPLE))
    assert findings(result) == [(7, "conflicting")]
    assert "Vietnam joined ASEAN in 1990" in SAMPLE.read_text(encoding="utf-8").splitlines()[12]
    assert findings(scan("--format", "jsonl", "-", input="Vietnam joined ASEAN in 1990.\n")) == [(1, "conflicting")]


def test_a_clean_draft_exits_0(tmp_path):
    draft = tmp_path / "clean.md"
    draft.write_text("# Notes\n\nVietnam joined ASEAN on 28 July 1995.\n\nThe weather was fine.\n", encoding="utf-8")
    result = scan("--format", "jsonl", str(draft))
    assert result.exit_code == 0
    assert result.stdout == ""


def test_standard_input_is_a_draft():
    result = scan("--format", "jsonl", "-", input="Vietnam joined ASEAN in 1990.\n")
    assert findings(result) == [(1, "conflicting")]
    assert json.loads(result.stdout)["path"] == "-"


@pytest.mark.parametrize(
    "fail_on, code",
    [("conflicting", 0), ("unverified", 1), ("never", 0)],
)
def test_fail_on_levels(tmp_path, fail_on, code):
    draft = tmp_path / "d.md"
    draft.write_text("Vietnam opened an embassy in Mozambique in 2006.\n", encoding="utf-8")
    result = scan("--format", "jsonl", "--show", "unverified", "--fail-on", fail_on, str(draft))
    assert result.exit_code == code


def test_suppressions(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(
        "<!-- factcheck: ignore -->\n\nVietnam joined ASEAN in 1990.\n\n"
        "<!-- factcheck: off -->\n\nVietnam joined ASEAN in 1991.\n\n<!-- factcheck: on -->\n\n"
        "Vietnam joined ASEAN in 1992.\n",
        encoding="utf-8",
    )
    assert findings(scan("--format", "jsonl", str(draft))) == [(11, "conflicting")]


def test_folders_are_read_recursively_with_include_and_exclude(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text("Vietnam joined ASEAN in 1990.\n", encoding="utf-8")
    (tmp_path / "a" / "two.txt").write_text("Vietnam joined ASEAN in 1991.\n", encoding="utf-8")
    (tmp_path / "a" / "skip.rst").write_text("Vietnam joined ASEAN in 1992.\n", encoding="utf-8")
    paths = {Path(f["path"]).name for f in map(json.loads, scan("--format", "jsonl", str(tmp_path)).stdout.splitlines())}
    assert paths == {"one.md", "two.txt"}
    paths = {Path(f["path"]).name for f in map(json.loads, scan("--format", "jsonl", "--exclude", "*.txt", str(tmp_path)).stdout.splitlines())}
    assert paths == {"one.md"}


def test_configuration_file_and_command_line_precedence(tmp_path, monkeypatch):
    (tmp_path / ".factcheck.yaml").write_text("fail-on: never\nshow: [supported]\n", encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("Vietnam joined ASEAN in 1990.\n\nVietnam joined ASEAN in 1995.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    from_file = scan("--format", "jsonl", "d.md")
    assert findings(from_file) == [(1, "conflicting"), (3, "supported")]
    assert from_file.exit_code == 0  # fail-on: never, from the file
    assert scan("--format", "jsonl", "--fail-on", "conflicting", "d.md").exit_code == 1  # the option wins


def test_an_unreadable_draft_is_one_line_and_the_others_are_still_scanned(tmp_path):
    (tmp_path / "bad.md").write_bytes(b"Vietnam joined ASEAN in \xff1990.\n")
    (tmp_path / "good.md").write_text("Vietnam joined ASEAN in 1990.\n", encoding="utf-8")
    result = scan("--format", "jsonl", str(tmp_path))
    assert result.exit_code == 2
    assert [Path(f["path"]).name for f in map(json.loads, result.stdout.splitlines())] == ["good.md"]
    assert "bad.md: not UTF-8 text" in result.stderr


def test_a_missing_path_is_a_usage_error():
    result = CliRunner().invoke(cli, ["scan", "no-such-folder"])
    assert result.exit_code == 2
    assert result.output == "Error: no such file or folder: no-such-folder\n"


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "github", "sarif"])
def test_every_format_runs_on_the_sample(fmt):
    result = scan("--format", fmt, str(SAMPLE))
    assert result.exit_code == 1
    assert "2021" in result.stdout
