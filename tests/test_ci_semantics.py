"""What CI is told is exact: exit codes, the summary's counts, SARIF paths and fixes, the job
summary, the concise format and the pre-commit hook as the README shows it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.engine.corpus import bundled_claims
from factcheck.render.stepsummary import md

ROOT = Path(__file__).parent.parent
SAMPLE = Path(__file__).parent / "data" / "sample.md"
SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
README = (ROOT / "README.md").read_text(encoding="utf-8")
AID = "Aid from China and the USSR to Vietnam from June 1950 to June 1954 was *43 million US dollars*.\n"
MARS = "# Plans\n\nVietnam sent 5,000 soldiers to Mars in 1999.\n\nThe weather was fine.\n"


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder of drafts, without a claims file: the bundled one is used, from outside it."""
    shutil.copy(SAMPLE, tmp_path / "sample.md")
    (tmp_path / "aid.md").write_text(AID, encoding="utf-8")
    (tmp_path / "mars.md").write_text(MARS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def scan(*args: str):
    return CliRunner().invoke(cli, ["scan", *args], catch_exceptions=False)


@pytest.mark.parametrize(
    "args, code, summary",
    [
        (["mars.md"], 0, "1 file, 3 sentences: 0 conflicting, 3 unverified (1 check-worthy), 0 supported"),
        (["--fail-on", "unverified", "mars.md"], 1, None),  # not shown, still fails
        (["--fail-on", "unverified", "--show", "unverified", "mars.md"], 1, None),
        (["--fail-on", "never", "sample.md"], 0, "1 file, 10 sentences: 1 conflicting, 2 unverified (0 check-worthy), 7 supported"),
        (["sample.md"], 1, None),
        (["--fail-on", "unverified", "sample.md"], 1, None),
        (["--fail-on", "unverified", "-"], 0, None),  # the weather: unverified, not check-worthy
    ],
)
def test_fail_on_and_the_summary_count_every_verdict_reached(drafts, args, code, summary):
    result = CliRunner().invoke(cli, ["scan", "--format", "jsonl", *args], input="The weather was fine.\n", catch_exceptions=False)
    assert result.exit_code == code
    if summary:
        assert result.stderr == f"factcheck: {summary}\n"
        assert result.stdout.count("\n") == (1 if "sample" in args[-1] else 0)


def test_the_text_summary_table_counts_every_verdict(drafts):
    result = scan("sample.md", "mars.md")
    assert result.stdout.endswith(
        "file        conflicting   unverified   check-worthy   supported   sentences\n"
        "───────────────────────────────────────────────────────────────────────────\n"
        "mars.md               0            3              1           0           3\n"
        "sample.md             1            2              0           7          10\n"
        "───────────────────────────────────────────────────────────────────────────\n"
        "total                 1            5              1           7          13\n"
    )


def test_concise_is_one_line_a_finding(drafts):
    result = scan("--format", "concise", "--show", "unverified", "sample.md", "aid.md", "mars.md")
    assert result.stdout == (
        "aid.md:1:1: conflicting: the claim says 43 million USD; the source says 34 million USD"
        " (sources/internationalism-in-vietnam-then-and-now.md:58)\n"
        "mars.md:3:1: unverified: no entry states this (nearest, un-peacekeeping-first-deployment-may-2014:"
        " the entry does not mention “Mars”)\n"
        "sample.md:7:1: conflicting: the claim says 2021; the source says 2022"
        " (sources/why-vietnam-does-not-take-sides.md:88)\n"
    )
    assert result.exit_code == 1


def test_concise_lines_are_clean(drafts):
    (drafts / "x\x1b[2J::warning::x.md").write_text("Vietnam joined ASEAN in 1990.\n", encoding="utf-8")
    result = scan("--format", "concise", "x\x1b[2J::warning::x.md")
    assert result.stdout == ("x: :warning: :x.md:1:1: conflicting: the claim says 1990; the source says 28 July 1995"
                             " (sources/why-vietnam-does-not-take-sides.md:48)\n")


def sarif(*args: str) -> dict:
    log = json.loads(scan("--format", "sarif", *args).stdout)
    errors = list(jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).iter_errors(log))
    assert errors == []
    return log


def test_sarif_paths_are_relative_never_the_installed_package(drafts):
    log = sarif(str(drafts / "sample.md"), "aid.md")  # one named by its absolute path
    (run,) = log["runs"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]] == [
        {"uri": "aid.md", "uriBaseId": "%SRCROOT%"}, {"uri": "sample.md", "uriBaseId": "%SRCROOT%"}]  # drafts in order of name
    related = [loc["physicalLocation"]["artifactLocation"] for r in run["results"] for loc in r["relatedLocations"]]
    assert related == [{"uri": "sources/internationalism-in-vietnam-then-and-now.md", "uriBaseId": "CLAIMSROOT"},
                       {"uri": "sources/why-vietnam-does-not-take-sides.md", "uriBaseId": "CLAIMSROOT"}]
    assert set(run["originalUriBaseIds"]) == {"CLAIMSROOT"}
    text = json.dumps(log)
    assert str(bundled_claims().parent) not in text and str(drafts) not in text and "file:" not in text


def test_sarif_sources_inside_the_working_folder_are_relative_to_it(drafts, monkeypatch):
    monkeypatch.chdir(bundled_claims().parent)  # the claims file and its sources below the working folder
    log = sarif(str(drafts / "aid.md"))
    (result,) = log["runs"][0]["results"]
    assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "sources/internationalism-in-vietnam-then-and-now.md", "uriBaseId": "%SRCROOT%"}
    assert "originalUriBaseIds" not in log["runs"][0]


def test_sarif_conflicting_figures_carry_fixes(drafts):
    aid, korea = sarif("aid.md", "sample.md")["runs"][0]["results"]
    (fix,) = aid["fixes"]
    assert fix["description"]["text"] == "Replace “43 million US dollars” with the sources' “34 million US dollars”"
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "aid.md", "uriBaseId": "%SRCROOT%"}
    (replacement,) = change["replacements"]
    region = replacement["deletedRegion"]
    assert AID.splitlines()[region["startLine"] - 1][region["startColumn"] - 1 : region["endColumn"] - 1] == "43 million US dollars"
    assert replacement["insertedContent"] == {"text": "34 million US dollars"}
    assert korea["fixes"][0]["artifactChanges"][0]["replacements"] == [
        {"deletedRegion": {"startLine": 7, "startColumn": 44, "endLine": 7, "endColumn": 48}, "insertedContent": {"text": "2022"}}]


def test_sarif_no_fix_where_the_figure_is_not_written_as_read(drafts):
    (drafts / "em.md").write_text(AID.replace("*43 million US dollars*", "43 million *US* dollars"), encoding="utf-8")
    (result,) = sarif("em.md")["runs"][0]["results"]
    assert result["level"] == "error" and "fixes" not in result


def test_github_writes_a_job_summary(drafts, monkeypatch):
    summary = drafts / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    (drafts / "x|y.md").write_text("Vietnam joined ASEAN in 1990.\n\nA <b>[link](http://e.x)</b> | ok\n", encoding="utf-8")
    result = scan("--format", "github", "x|y.md", "sample.md")
    assert result.exit_code == 1
    assert summary.read_text(encoding="utf-8") == (
        "earlier step\n"
        "## factcheck\n\n"
        "2 files, 12 sentences: 2 conflicting, 3 unverified (0 check-worthy), 7 supported\n\n"
        "| file | conflicting | unverified | check-worthy | supported | sentences |\n"
        "|---|---:|---:|---:|---:|---:|\n"
        "| sample\\.md | 1 | 2 | 0 | 7 | 10 |\n"
        "| x\\|y\\.md | 1 | 1 | 0 | 0 | 2 |\n"
        "| **total** | **2** | **3** | **0** | **7** | **12** |\n\n"
        "| where | verdict | sentence | why | source |\n"
        "|---|---|---|---|---|\n"
        "| sample\\.md\\:7\\:1 | conflicting | The Republic of Korea joined that group in 2021\\. | the claim says 2021;"
        " the source says 2022 | sources/why\\-vietnam\\-does\\-not\\-take\\-sides\\.md\\:88 |\n"
        "| x\\|y\\.md\\:1\\:1 | conflicting | Vietnam joined ASEAN in 1990\\. | the claim says 1990; the source says 28 July 1995"
        " | sources/why\\-vietnam\\-does\\-not\\-take\\-sides\\.md\\:48 |\n\n"
    )


def test_no_job_summary_without_the_variable_or_for_other_formats(drafts, monkeypatch):
    scan("--format", "github", "sample.md")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(drafts / "summary.md"))
    scan("--format", "jsonl", "sample.md")
    assert not (drafts / "summary.md").exists()


def test_a_job_summary_that_cannot_be_written_is_one_line(drafts, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(drafts / "missing" / "summary.md"))
    result = scan("--format", "github", "sample.md")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: GITHUB_STEP_SUMMARY: cannot write {drafts}/missing/summary.md: No such file or directory"


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("a | b", "a \\| b"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert\\(1\\)&gt;"),
        ("[x](http://e.x) *y* `z`", "\\[x\\]\\(http\\://e\\.x\\) \\*y\\* \\`z\\`"),
        ("it's & that\nline", "it's &amp; that line"),
    ],
)
def test_job_summary_text_is_literal_markdown(raw, escaped):
    assert md(raw) == escaped


def test_the_hook_reads_markdown_only():
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "types: [markdown]" in hooks and "text" not in re.findall(r"types\w*: \[(.*)\]", hooks)[0]


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_the_readmes_pre_commit_example_works_as_written(tmp_path):
    """The README's `.pre-commit-config.yaml`, its repository this checkout: pre-commit installs
    the hook (pip, from the package index) and fails on the conflicting Markdown draft, never
    reading a YAML file."""
    pytest.importorskip("pre_commit", reason="pre-commit is a test dependency: pip install '.[test]'")
    hook = tmp_path / "factcheck"
    for name in ("factcheck", "sources"):
        shutil.copytree(ROOT / name, hook / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "claims.yaml", "claims.schema.json", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, hook / name)
    git(hook, "init", "-q", "-b", "main")
    git(hook, "add", "-A")
    git(hook, "commit", "-qm", "factcheck")
    config = re.search(r"pre-commit \(`\.pre-commit-config\.yaml` of another repository\):\n\n```yaml\n(.*?)```", README, re.S).group(1)
    writer = tmp_path / "writer"
    writer.mkdir()
    (writer / ".pre-commit-config.yaml").write_text(config.replace("https://github.com/OWNER/factcheck", str(hook)), encoding="utf-8")
    shutil.copy(SAMPLE, writer / "sample.md")
    (writer / "notes.yaml").write_text("note: Vietnam joined ASEAN in 1990.\n", encoding="utf-8")
    git(writer, "init", "-q", "-b", "main")
    git(writer, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    run = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=writer, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "7:1     CONFLICTING The Republic of Korea joined that group in 2021." in run.stdout
    assert "notes.yaml" not in run.stdout
    assert "factcheck: 1 file, 10 sentences: 1 conflicting" in run.stdout


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True, capture_output=True)
