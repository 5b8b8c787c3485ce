"""Output printed in a CI log (issue "Trust", findings 4 and 5).

A GitHub Actions runner reads every line a step prints, on standard output and standard error,
and runs it as a workflow command when, after any leading white space, it starts with "::"
(`::add-mask::x`, `::error file=a::b`), or when it holds "##[" anywhere (the older form,
`##[warning]x`). Text output wraps at 80 columns when it is not on a terminal, so any word of a
claim, a source, a claims file or a draft, and any file name, may start a line. Whatever they
hold, only `--format github` prints commands, and only the annotations it means to.

Every format also takes any file name the file system gives, bytes that are not UTF-8 included.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote_to_bytes

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD

from factcheck.cli import cli

HOSTILE = "::warning::injected ##[error]injected"
CLAIMS = "::warning::claims.yaml"  # validate starts each problem's line with this name
SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"

# Two entries of one fact, so that `discrepancies` prints both statements; the second quotes
# what its source does not say, so that `validate` prints a problem.
ENTRY = ASEAN_ENTRY.replace(
    "statement: Vietnam joined ASEAN on 28 July 1995.",
    f'statement: "Vietnam joined ASEAN on 28 July 1995. {HOSTILE}"\n    fact: asean-membership\n    aliases: ["{HOSTILE}"]',
)
ACCOUNT = f"""\
  - id: asean-membership-account
    statement: "{HOSTILE} Vietnam became a member of ASEAN."
    topic: diplomacy
    parties: [Vietnam, ASEAN]
    fact: asean-membership
    evidence:
      - source: doc
        quote: "Vietnam’s ASEAN membership"
      - source: doc
        quote: "{HOSTILE} is not in the source"
"""
SOURCE = PATH_TO_THE_WORLD.replace("title: Vietnam's path to the world", f'title: "{HOSTILE}"').replace(
    "deepened its regional ties.", f"deepened its regional ties {HOSTILE}."
)

# Sentences that wrap, at 80 columns, just before "::warning::wrap": the line after the wrap
# would start with it. A check's text is 68 columns wide, after "CONFLICTING "; a scan's 60,
# after "1:1     CONFLICTING ".
WRAPPED_CLAIM = "Vietnam joined ASEAN in 1990, as every reader of the regional press ::warning::wrap"
WRAPPED_SENTENCE = "Vietnam joined ASEAN in 1990, as every reader of the papers ::warning::wrap knows."
DRAFT = f"# {HOSTILE}\n\nVietnam joined ASEAN {HOSTILE} in 1990.\n\n{WRAPPED_SENTENCE}\n"

# Drafts named to start a line of the text report (its headers and its summary table).
NAMES = {
    "command": "::error title=x::name.md",
    "old command": "##[warning]name.md",
    "space first": " ::notice::name.md",
    "ideographic space first": "\u3000::warning::name.md",  # the runner trims every Unicode space
}
UNDECODABLE = b"\xff::warning::name.md"


def workflow_commands(output: str) -> list[str]:
    """The lines of `output` a GitHub Actions runner would take for workflow commands, whatever
    their name (as the runner's ActionCommand.TryParseV2 and TryParse read a line)."""
    return [line for line in re.split(r"\r\n|\r|\n", output) if re.match(r"\s*::.*::", line) or re.search(r"##\[.*\]", line)]


@pytest.mark.parametrize(
    "line, command",
    [
        ("::warning::x", True),
        ("   \t::add-mask::x", True),
        ("\u3000::error file=a::b", True),
        ("text ##[warning]x", True),
        ("text ::warning::x", False),  # "::" only counts at the start
        (": :warning: :x", False),
        ("# #[warning]x", False),
        ("::warning", False),  # no second "::": no command
    ],
)
def test_what_the_runner_takes_for_a_command(line: str, command: bool) -> None:
    assert workflow_commands(line) == ([line] if command else [])


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A claims file, its source and drafts, all hostile, in the working folder, so that every
    path is printed as its bare name."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "doc.md").write_text(SOURCE, encoding="utf-8")
    (tmp_path / CLAIMS).write_text("sources: sources\nclaims:\n" + ENTRY + ACCOUNT, encoding="utf-8")
    for name in NAMES.values():
        (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": "80"})


SHOW_ALL = ("--show", "supported", "--show", "unverified")


@pytest.mark.parametrize(
    "args, code",
    [
        pytest.param(["check", f"Vietnam joined ASEAN {HOSTILE} in 1990."], 1, id="check"),
        pytest.param(["check", WRAPPED_CLAIM], 1, id="check, wrapped"),
        pytest.param(["scan", *SHOW_ALL, "."], 1, id="scan"),
        pytest.param(["scan", "--format", "html", *SHOW_ALL, "."], 1, id="scan html"),
        pytest.param(["discrepancies"], 0, id="discrepancies"),
        pytest.param(["validate"], 1, id="validate"),
        pytest.param(["claims"], 0, id="claims"),
        pytest.param(["claims", "injected"], 0, id="claims TEXT"),
        pytest.param(["show", "asean-membership-1995"], 0, id="show"),
        pytest.param(["show", "asean-membership-account"], 0, id="show, quote not found"),
    ],
)
def test_no_text_output_holds_a_workflow_command(hostile: Path, args: list[str], code: int) -> None:
    result = invoke(args[0], "--claims", CLAIMS, *args[1:])
    assert result.exit_code == code, result.output
    assert "injected" in result.stdout or "wrap" in result.stdout  # the input was printed
    assert workflow_commands(result.stdout) == []
    assert workflow_commands(result.stderr) == []


@pytest.mark.parametrize(
    "args, lines",
    [
        pytest.param(["check", "--format", "json", f"Vietnam joined ASEAN {HOSTILE} in 1990."], True, id="check"),
        pytest.param(["scan", "--format", "json", *SHOW_ALL, "."], False, id="scan json"),
        pytest.param(["scan", "--format", "jsonl", *SHOW_ALL, "."], True, id="scan jsonl"),
        pytest.param(["discrepancies", "--format", "json"], False, id="discrepancies"),
    ],
)
def test_json_holds_input_as_it_is_and_no_workflow_command(hostile: Path, args: list[str], lines: bool) -> None:
    """JSON starts no line with input, and writes the "[" of "##[" as "\\u005b": the same JSON."""
    result = invoke(args[0], "--claims", CLAIMS, *args[1:])
    assert workflow_commands(result.stdout) == []
    assert workflow_commands(result.stderr) == []
    assert "##\\u005b" in result.stdout
    data = [json.loads(line) for line in result.stdout.splitlines()] if lines else json.loads(result.stdout)
    assert HOSTILE in json.dumps(data, ensure_ascii=False)


def test_concise_lines_hold_no_workflow_command(hostile: Path) -> None:
    """Each line starts with a draft's name, the hostile ones too."""
    result = invoke("scan", "--claims", CLAIMS, "--format", "concise", *SHOW_ALL, ".")
    assert len(result.stdout.splitlines()) >= len(NAMES)
    assert ": :warning: :" in result.stdout  # a name that was a command, printed
    assert workflow_commands(result.stdout) == []
    assert workflow_commands(result.stderr) == []


def test_the_job_summary_holds_no_workflow_command(hostile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a log, but a step may print it: it holds input, escaped for Markdown, and no command."""
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(hostile / "summary.txt"))
    invoke("scan", "--claims", CLAIMS, "--format", "github", *SHOW_ALL, ".")
    summary = (hostile / "summary.txt").read_text(encoding="utf-8")
    assert "injected" in summary
    assert workflow_commands(summary) == []


def test_sarif_messages_hold_no_workflow_command(hostile: Path) -> None:
    """Its messages are the text report's, and so is their text: ": :" for "::"."""
    result = invoke("scan", "--claims", CLAIMS, "--format", "sarif", *SHOW_ALL, ".")
    messages = [r["message"]["text"] for r in json.loads(result.stdout)["runs"][0]["results"]]
    assert any("“Vietnam joined ASEAN : :warning: :injected # #\\[error\\]injected in 1990.”" in m for m in messages)
    assert workflow_commands(result.stdout) == []


def test_github_annotations_are_the_only_commands_and_name_their_files(hostile: Path) -> None:
    found = json.loads(invoke("scan", "--claims", CLAIMS, "--format", "json", *SHOW_ALL, ".").stdout)
    result = invoke("scan", "--claims", CLAIMS, "--format", "github", *SHOW_ALL, ".")
    lines = result.stdout.splitlines()
    assert workflow_commands(result.stdout) == lines and len(lines) == len(found)
    assert workflow_commands(result.stderr) == []
    files = []
    for line in lines:
        command, data = re.fullmatch(r"::(?:error|warning|notice) ([^:]*)::(.*)", line).groups()
        assert "::" not in data and "##[" not in data
        files.append(unescape_property(dict(p.split("=", 1) for p in command.split(","))["file"]))
    assert files == [f["path"] for f in found]  # as the runner reads the property: the file's own name
    assert set(NAMES.values()) <= set(files)


def unescape_property(value: str) -> str:
    """A property value as the runner reads it."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, char)
    return value


@pytest.mark.parametrize(
    "args, line",
    [
        pytest.param(["check", WRAPPED_CLAIM], "            : :warning: :wrap", id="check"),
        pytest.param(["scan", "wrapped.md"], "                    : :warning: :wrap knows.", id="scan"),
    ],
)
def test_a_command_at_a_wrap_point_is_broken(hostile: Path, args: list[str], line: str) -> None:
    """Before, the line after the wrap was "::warning::wrap": a command."""
    (hostile / "wrapped.md").write_text(WRAPPED_SENTENCE + "\n", encoding="utf-8")
    lines = invoke(args[0], "--claims", CLAIMS, *args[1:]).stdout.splitlines()
    assert line in lines
    assert len(lines[lines.index(line) - 1] + " :") > 80  # not even ":" fits after it: the wrap is there


LONG = "Vietnam joined ASEAN in 1990, as every reader of the regional press of that decade will recall."


def variants(sentence: str, marker: str) -> list[str]:
    """The sentence with the marker before each of its words, and after the last."""
    words = sentence.split()
    return [" ".join([*words[:i], marker, *words[i:]]) for i in range(len(words) + 1)]


@pytest.mark.parametrize("command", ["check", "scan"])
def test_a_command_anywhere_in_a_sentence_starts_no_line(hostile: Path, command: str) -> None:
    """One of the places is the first word after a wrap: that line starts with what is left of
    the command, which is no longer one."""
    texts = variants(LONG, "::warning::x") + variants(LONG, "##[error]x")
    if command == "check":
        result = CliRunner().invoke(cli, ["check", "--claims", CLAIMS, "-"], input="\n".join(texts), env={"COLUMNS": "80"})
    else:
        (hostile / "variants.md").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
        result = invoke("scan", "--claims", CLAIMS, *SHOW_ALL, "variants.md")
    assert result.stdout.count("x") >= len(texts)
    assert workflow_commands(result.stdout) == []
    assert any(line.lstrip().startswith((": :warning: :x", ":warning: :x")) for line in result.stdout.splitlines())


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_a_file_name_never_starts_a_line_with_a_command(hostile: Path, name: str) -> None:
    result = invoke("scan", "--claims", CLAIMS, name)
    lines = result.stdout.splitlines()
    header = name.replace("::", ": :").replace("##[", "# #[")
    assert lines[0] == header
    assert workflow_commands(result.stdout) == []  # nor its row in the summary table


@pytest.mark.parametrize(
    "args, line",
    [
        pytest.param(["check", "--claims", "##[error]missing.yaml", "x"],
                     "Error: # #[error]missing.yaml: no such file", id="claims file"),
        pytest.param(["scan", "##[error]missing.md"],
                     "Error: no such file or folder: # #[error]missing.md", id="draft"),
    ],
)
def test_an_error_naming_a_hostile_file_holds_no_command(tmp_path: Path, monkeypatch, args: list[str], line: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(line)
    assert workflow_commands(result.stderr) == []


def test_warnings_and_errors_naming_hostile_drafts_hold_no_command(hostile: Path) -> None:
    (hostile / "##[warning]binary.md").write_bytes(b"\x00\x01binary")
    (hostile / "##[warning]latin1.md").write_bytes("Café.\n".encode("latin-1"))
    result = invoke("scan", "--claims", CLAIMS, ".")
    assert result.exit_code == 2
    assert "warning: # #[warning]binary.md: binary file, skipped" in result.stderr.splitlines()
    assert any(line.startswith("error: # #[warning]latin1.md: not UTF-8") for line in result.stderr.splitlines())
    assert workflow_commands(result.stderr) == []


# --- file names that are not UTF-8 --------------------------------------------------------------


def factcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`python -m factcheck ARGS`: the file system's names reach it as they are."""
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, cwd=cwd, timeout=120,
                          env={**os.environ, "COLUMNS": "80"})


@pytest.fixture
def undecodable(hostile: Path) -> bytes:
    """A draft whose name is not UTF-8, beside the others; its name as bytes."""
    try:
        (hostile / os.fsdecode(UNDECODABLE)).write_text(DRAFT, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    return UNDECODABLE


def sarif_uris(log: dict) -> list[str]:
    return [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "github", "sarif"])
def test_every_format_takes_a_file_name_that_is_not_utf8(hostile: Path, undecodable: bytes, fmt: str) -> None:
    done = factcheck("scan", "--claims", CLAIMS, "--format", fmt, ".", cwd=hostile)
    assert done.returncode == 1, done.stderr
    out = done.stdout.decode("utf-8")  # strict: no raw byte of the name
    assert done.stderr.decode("utf-8").splitlines()[-1].startswith("factcheck: 6 files, ")
    assert workflow_commands(out) == ([] if fmt != "github" else out.splitlines())
    if fmt == "text":
        assert "\ufffd: :warning: :name.md" in out.splitlines()
    elif fmt in ("json", "jsonl"):
        found = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
        assert undecodable in [os.fsencode(f["path"]) for f in found]  # the name's bytes, escaped as JSON allows
    elif fmt == "github":
        assert "::error file=\ufffd%3A%3Awarning%3A%3Aname.md," in out
    else:
        log = json.loads(out)
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        assert list(jsonschema.Draft7Validator(schema).iter_errors(log)) == []
        uris = sarif_uris(log)
        assert all(re.fullmatch(r"[A-Za-z0-9\-._~/%]+", uri) for uri in uris), uris  # RFC 3986, percent-encoded
        assert "%FF%3A%3Awarning%3A%3Aname.md" in uris
        assert undecodable in [unquote_to_bytes(uri) for uri in uris]  # the very file
