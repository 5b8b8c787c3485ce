"""Text output people read: a source's title once, `discrepancies` whole at any width, and
errors that say what would have worked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

SAMPLE = Path(__file__).parent / "data" / "sample.md"
TITLE = "Why doesn’t Vietnam “take"  # the title, as far as its first line goes


def run(*args: str, width: int = 80, input: str | None = None):
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": str(width)}, input=input, catch_exceptions=False)


def test_a_sources_title_is_shown_once_in_a_scan():
    out = run("scan", "--show", "supported", str(SAMPLE)).stdout
    assert out.count("sources/why-vietnam-does-not-take-sides.md:") == 4  # four findings cite it
    assert out.count(TITLE) == 1
    assert out.count("Internationalism in") == 1
    first = out.index("sources/why-vietnam-does-not-take-sides.md:78  Why doesn’t Vietnam “take")
    assert first < out.index("sources/why-vietnam-does-not-take-sides.md:72\n")  # later: file:line alone


def test_a_sources_title_is_shown_once_in_a_check():
    claims = "India became a comprehensive strategic partner of Vietnam in 2016.\nRussia became a comprehensive strategic partner of Vietnam in 2012.\n"
    out = run("check", "-", input=claims).stdout
    assert out.count("sources/why-vietnam-does-not-take-sides.md:88") == 2
    assert out.count(TITLE) == 1


@pytest.mark.parametrize("width", [40, 80, 200])
def test_discrepancies_never_cut_a_file_and_line(width):
    sides = [f"{s['source']}:{s['line']}" for d in json.loads(run("discrepancies", "--format", "json").stdout) for s in d["sides"]]
    assert len(sides) >= 16
    lines = run("discrepancies", width=width).stdout.splitlines()
    assert [line.strip() for line in lines if line.strip().startswith("sources/")] == sides
    assert all(len(line) <= width for line in lines if not line.strip().startswith("sources/"))


def test_discrepancies_text():
    out = run("discrepancies", width=80).stdout
    assert out.startswith("9 differences between sources\n\n")
    assert (
        "defence-relations-count: value, time explains it\n"
        "  different figures: more than 80 countries and more than 100 countries; the\n"
        "  later source (undated; 2024 from internal evidence) may supersede the earlier\n"
        "  found by the checker; grouped by a fact: key\n"
        "  earlier: more than 80 countries (2018-08)\n"
        "    sources/foreign-relations-for-peace-cooperation-and-development.md:73\n"
        "  later: more than 100 countries (2024)\n"
        "    sources/enhancing-international-integration-and-defence-diplomacy.md:32\n"
    ) in out


def test_check_takes_jsonl_as_json():
    claim = "Vietnam joined ASEAN in 1990."
    jsonl, json_ = run("check", "--format", "jsonl", claim), run("check", "--format", "json", claim)
    assert jsonl.stdout == json_.stdout and json.loads(jsonl.stdout)["verdict"] == "conflicting"
    assert jsonl.exit_code == json_.exit_code == 1


@pytest.mark.parametrize(
    "entry_id, error",
    [
        ("four-no-policy", "Error: no entry with id 'four-no-policy' (did you mean four-nos-policy?)\n"),
        ("Four-Nos-Policy", "Error: no entry with id 'Four-Nos-Policy' (did you mean four-nos-policy?)\n"),
        ("aid-china-ussr-1950-1955", "Error: no entry with id 'aid-china-ussr-1950-1955' (did you mean aid-china-ussr-1950-1954?)\n"),
        ("zzz", "Error: no entry with id 'zzz' (see 'factcheck claims')\n"),
        ("\x1b[2Jfour-no-policy", "Error: no entry with id '\\x1b[2Jfour-no-policy' (did you mean four-nos-policy?)\n"),
    ],
)
def test_show_suggests_close_ids(entry_id, error):
    result = run("show", entry_id)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error)


def test_claims_with_an_unknown_topic_lists_the_known_ones():
    result = run("claims", "--topic", "aids")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: unknown topic 'aids'; the topics are: aid, defence, diplomacy, economy, history, organisations,"
        " partnerships, policy, solidarity\n"
    )
    assert run("claims", "--topic", "aid").exit_code == 0
