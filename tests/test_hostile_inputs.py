"""Hostile inputs (issue #6): factcheck reads files written by other people.

Whatever a claims file, a source or a draft holds, factcheck must not crash, hang, leak a
traceback, let the input inject anything into its output, or read outside the folders it
was given. Times are CPU seconds of this process (`time.process_time`), so that a busy
machine slows a test down without failing it; bounds are generous.
"""

from __future__ import annotations

import copy
import json
import os
import re
import signal
import subprocess
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, head_one_line, write_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import cli as cli_module
from factcheck.claimsfile.claims import MAX_CLAIMS_BYTES, ClaimsError, load_claims, parse_claims
from factcheck.cli import cli
from factcheck.curation.validate import validate
from factcheck.drafts.discover import MAX_BYTES, read_draft
from factcheck.drafts.documents import DraftError, read_sentences
from factcheck.engine.corpus import Corpus, bundled_claims
from factcheck.language.normalise import tokens
from factcheck.language.quantities import parse
from factcheck.language.sentences import split_sentences

SECONDS = 2.0  # the bound for any one adversarial input
CONFLICT = "Vietnam joined ASEAN in 1990."  # conflicts with ASEAN_ENTRY: a finding in every format
# What must never reach a terminal: C0 controls but the line feed, DEL, C1 controls, bidi overrides.
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def invoke(*args: str, input: str | bytes | None = None, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), input=input, env=env)


def assert_no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def assert_one_line_error(result, *names: object) -> str:
    """Exit 2 and one line that names what was wrong; returns the line."""
    assert_no_traceback(result)
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    for name in names:
        assert str(name) in lines[0]
    return lines[0]


def cpu_seconds(function, *args) -> float:
    started = time.process_time()
    function(*args)
    return time.process_time() - started


def factcheck(*args: str, input: bytes | None = None, cwd: Path | None = None, timeout: float = 60, **kw):
    """`python -m factcheck ARGS` as a user runs it, through cli.main."""
    return subprocess.run([sys.executable, "-m", "factcheck", *args], input=input, capture_output=True, cwd=cwd, timeout=timeout, **kw)


_OPENED: list[list[str]] = []  # while a test records: every path this process opens


def _record_opens(event: str, args: tuple) -> None:
    if event == "open" and _OPENED and isinstance(args[0], (str, bytes, os.PathLike)):
        _OPENED[-1].append(os.fsdecode(args[0]))


sys.addaudithook(_record_opens)  # cannot be removed: inert when no test records


@pytest.fixture
def opened():
    _OPENED.append([])
    yield _OPENED[-1]
    _OPENED.pop()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})


@pytest.fixture(scope="module")
def checker():
    return Corpus.load(bundled_claims()).checker


# --- claims files -------------------------------------------------------------------------------


def claims_file(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "claims.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def refused(path: Path) -> str:
    """The claims file is refused by load_claims, validate and the CLI alike, each time on one
    line naming the file; returns the message."""
    with pytest.raises(ClaimsError) as error:
        load_claims(path)
    assert "\n" not in str(error.value)
    assert validate(path), "validate finds no problem"
    return assert_one_line_error(invoke("check", "--claims", str(path), "x"), path)


BILLION_LAUGHS = (
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    + "".join(f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))
    + "claims: *i\n"
)


@pytest.mark.parametrize(
    "text, message",
    [
        pytest.param("claims:\n  - id: [unclosed\n", r":3:1: YAML syntax error: ", id="syntax error"),
        pytest.param("claims: []\nsources: sources\nclaims: []\n", r":3:1: duplicate key 'claims' \(first on line 1\)", id="duplicate key"),
        pytest.param("claims:\n\t- id: x\n", r":2:1: YAML syntax error: ", id="tab indent"),
        pytest.param("", r":1:1: the file is empty", id="empty"),
        pytest.param("# only a comment\n\n", r":1:1: the file is empty", id="only a comment"),
        pytest.param(BILLION_LAUGHS, r":1:4: YAML anchor &a is not allowed: write the value out where it is used$", id="billion laughs"),
        pytest.param("x: &x 1\nclaims: [" + ", ".join(["*x"] * 200) + "]\n", r":1:4: YAML anchor &x is not allowed: ", id="many aliases"),
        # refused by PyYAML's parser or by ours, depending on the PyYAML installed: test_yamlfile
        pytest.param("claims: " + "[" * 100_000 + "]" * 100_000 + "\n", r"claims\.yaml:1:\d+: ", id="deep flow"),
        pytest.param("claims:\n" + "- " * 100_000 + "x\n", r"YAML nested more than 32 levels deep", id="deep block"),
        pytest.param("claims: " + "9" * 5000 + "\n", r"YAML error: an integer of more than 1000 characters", id="5000 digits"),
        pytest.param("claims:\n  - {id: x, statement: s, topic: aid, evidence: [{source: doc, quote: q}], values: [{kind: count, value: 1.0e+400, text: x}]}\n",
                     r":2:99: claims\[0\]\.values\[0\]\.value: expected a finite number, found inf", id="1e400"),
        pytest.param("claims: [1, 2]\n\x00\n", r":2:1: YAML error: unacceptable character #x0000: control characters are not allowed", id="NUL"),
    ],
)
def test_a_bad_claims_file_is_refused_on_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = claims_file(tmp_path, text)
    started = time.process_time()
    assert re.search(message, refused(path))
    assert time.process_time() - started < SECONDS


def test_an_alias_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = claims_file(tmp_path, BILLION_LAUGHS)
    tracemalloc.start()
    try:
        with pytest.raises(ClaimsError, match="YAML anchor &a is not allowed"):
            load_claims(path)
        assert validate(path)[0].message == "YAML anchor &a is not allowed: write the value out where it is used"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:os.system ['touch {marker}']",
        "!!python/object/apply:subprocess.check_call [['touch', '{marker}']]",
        "!!python/name:os.system",
        "!!python/module:os",
        "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
    ],
)
def test_tags_that_construct_objects_are_refused_and_nothing_runs(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    path = claims_file(tmp_path, f"claims:\n  - {tag.format(marker=marker)}\n")
    assert "is not allowed: a factcheck file holds plain mappings, lists and values" in refused(path)
    assert not marker.exists()


def test_bom_crlf_and_tabs_in_values_read_like_plain_text(corpus: Path) -> None:
    plain = load_claims(corpus).entries
    text = corpus.read_text(encoding="utf-8").replace("Vietnam joined", "Vietnam\tjoined")
    corpus.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    [entry] = load_claims(corpus).entries
    assert entry.statement == "Vietnam\tjoined ASEAN on 28 July 1995."
    assert (entry.values, entry.evidence, entry.line) == (plain[0].values, plain[0].evidence, plain[0].line)
    assert validate(corpus) == []


def test_non_utf8_bytes_are_refused_with_their_offset(corpus: Path) -> None:
    raw = corpus.read_bytes()
    at = raw.index(b"ASEAN on")
    corpus.write_bytes(raw[:at] + b"\xff" + raw[at:])
    assert f"not UTF-8 text (invalid byte 0xff at offset {at})" in refused(corpus)


def test_a_100_mb_claims_file_is_refused_by_its_size_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    with path.open("wb") as file:
        file.truncate(MAX_CLAIMS_BYTES + 1)  # sparse: the size is real, the disk is spared
    tracemalloc.start()
    try:
        started = time.process_time()
        line = refused(path)
        elapsed = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert f"too large ({MAX_CLAIMS_BYTES + 1:,} bytes; the limit is" in line
    assert elapsed < SECONDS and peak < 5_000_000


def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every source file factcheck opens, recorded."""
    import factcheck.claimsfile.sources

    opened: list[Path] = []
    original = factcheck.claimsfile.sources.read_file

    def spy(path, *args, **kwargs):
        opened.append(Path(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(factcheck.claimsfile.sources, "read_file", spy)
    return opened


def test_a_source_symlinked_outside_the_sources_folder_is_refused_and_never_read(tmp_path: Path, monkeypatch) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(PATH_TO_THE_WORLD + "\nTOP SECRET: the launch codes.\n", encoding="utf-8")
    path = write_corpus(tmp_path / "project", ASEAN_ENTRY, {})
    (path.parent / "sources" / "doc.md").symlink_to(secret)
    opened = reads(monkeypatch)
    problems = [str(p) for p in validate(path)]
    assert any("leads outside the sources folder" in p for p in problems), problems
    for command in (["show", "asean-membership-1995"], ["check", CONFLICT], ["check", "--format", "json", CONFLICT]):
        result = invoke(command[0], "--claims", str(path), *command[1:])
        assert_no_traceback(result)
        assert "SECRET" not in result.output and "path to the world" not in result.output
    assert secret not in [p.resolve() for p in opened]


def test_no_command_opens_a_file_outside_the_folders_given(tmp_path: Path, opened: list[str]) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = write_corpus(tmp_path / "project", ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    (path.parent / "sources" / "leak.md").symlink_to(secret)
    opened.clear()  # the test's own writing of the secret does not count
    for command in (["check", CONFLICT], ["show", "asean-membership-1995"], ["claims"], ["validate"]):
        assert_no_traceback(invoke(command[0], "--claims", str(path), *command[1:]))
    assert secret not in {Path(p).resolve() for p in opened}


def endless(path: Path, kind: str) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(kind)


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_a_claims_file_or_source_that_never_ends_is_refused(tmp_path: Path, kind: str) -> None:
    """A FIFO nobody writes to reads as empty; /dev/zero is too large, or outside the sources."""
    from factcheck.claimsfile.sources import SourceLibrary

    path = write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    endless(tmp_path / "sources" / "endless.md", kind)
    if kind == "fifo":
        assert SourceLibrary(tmp_path / "sources").get("endless").text == ""
    else:
        with pytest.raises(ClaimsError, match="leads outside the sources folder"):
            SourceLibrary(tmp_path / "sources").get("endless")
    path.unlink()
    endless(path, kind)
    assert re.search("the file is empty" if kind == "fifo" else rf"too large \(over {MAX_CLAIMS_BYTES:,} bytes\)", refused(path))


def test_a_fifo_in_the_sources_folder_does_not_hang_a_check(tmp_path: Path) -> None:
    path = write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    os.mkfifo(tmp_path / "sources" / "pipe.md")
    assert factcheck("check", "--claims", str(path), CONFLICT, timeout=5).returncode == 1


def test_a_source_id_cannot_name_a_path(tmp_path: Path) -> None:
    (tmp_path / "secret.md").write_text("TOP SECRET", encoding="utf-8")
    path = write_corpus(tmp_path / "project", ASEAN_ENTRY.replace("source: doc", "source: ../../secret"), {"doc": PATH_TO_THE_WORLD})
    problems = [str(p) for p in validate(path)]
    assert any("'../../secret' is not a source id" in p for p in problems), problems
    assert "'../../secret' is not a source id" in refused(path)


def test_a_missing_source_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = write_corpus(tmp_path, ASEAN_ENTRY.replace("source: doc", "source: gone"), {"doc": PATH_TO_THE_WORLD})
    assert any("unknown source 'gone': no sources/gone.md (sources: doc)" in str(p) for p in validate(path))
    shown = invoke("show", "--claims", str(path), "asean-membership-1995")
    assert_no_traceback(shown)
    assert "gone: quote not found" in shown.output
    checked = invoke("check", "--claims", str(path), CONFLICT)
    assert_no_traceback(checked)
    assert checked.exit_code in (1, 3)


def test_a_large_source_is_searched_in_bounded_memory(tmp_path: Path) -> None:
    """Quotes are found in a 10 MB source without a map of every character's offset (that took 500 MB)."""
    path = write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD + "Filler text about nothing much. " * 330_000})
    tracemalloc.start()
    try:
        started = time.process_time()
        assert Corpus.load(path).checker.check(CONFLICT).verdict.value == "conflicting"
        elapsed = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < SECONDS and peak < 100_000_000


ENTRY = {
    "id": "aid-1950-1954", "statement": "Aid was 34 million US dollars from June 1950 to June 1954.", "topic": "aid",
    "parties": ["China", "Vietnam"], "aliases": ["the aid"], "polarity": "positive", "fact": "aid-total",
    "values": [
        {"kind": "money", "value": 34000000, "unit": "USD", "text": "34 million US dollars", "qualifier": "exact"},
        {"kind": "period", "from": "1950-06", "to": "1954-06", "text": "June 1950 to June 1954"},
        {"kind": "ratio", "value": 1, "of": 2, "text": "one in two"},
        {"kind": "date", "value": "1954", "part": "mid", "relation": "after", "text": "after mid-1954"},
    ],
    "list": {"closed": True, "members": ["China", {"name": "USSR", "aliases": ["Soviet Union"], "values": [{"kind": "count", "value": 3, "text": "three"}]}]},
    "evidence": [{"source": "doc", "quote": "Aid was 34 million US dollars from June 1950 to June 1954."}],
}


def _places(node: object, at: tuple = ()):
    """Every place in a document: each key's value and each list item."""
    yield at
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield from _places(child, (*at, key))


PLACES = list(_places({"claims": [ENTRY]}))
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.dates() | st.binary(max_size=4)
KEYS = st.text(max_size=6) | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
ANYTHING = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3), max_leaves=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(place=st.sampled_from(PLACES), value=ANYTHING)
def test_any_value_anywhere_gives_problems_never_an_exception(tmp_path: Path, place: tuple, value: object) -> None:
    document: object = copy.deepcopy({"claims": [ENTRY]})
    if place:
        parent = document
        for key in place[:-1]:
            parent = parent[key]
        parent[place[-1]] = value
    else:
        document = value
    path = write_corpus(tmp_path, "", {"doc": ENTRY["evidence"][0]["quote"] + "\n"})
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    try:
        parse_claims(path.read_text(encoding="utf-8"), path)
    except ClaimsError as error:
        assert error.problems and "\n" not in str(error)
    for problem in validate(path):
        assert "\n" not in str(problem)


def test_a_wrong_type_through_the_cli_is_one_line(tmp_path: Path) -> None:
    document = {"claims": [dict(ENTRY, values=[{"kind": ["money"], "text": {"a": 1}}])]}
    path = write_corpus(tmp_path, "", {"doc": ENTRY["evidence"][0]["quote"] + "\n"})
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    assert "claims[0].values[0].kind: expected one of money" in refused(path)


def test_a_key_with_escape_sequences_is_reported_escaped(tmp_path: Path) -> None:
    path = claims_file(tmp_path, 'claims: []\n"\\e]8;;http://evil\\a\\e[2J": 1\n')
    line = refused(path)
    assert not FORBIDDEN.search(line)
    assert "'\\x1b]8;;http://evil\\x07\\x1b[2J': unknown key" in line


# --- drafts -------------------------------------------------------------------------------------


def scan(*args: str, input: str | bytes | None = None, env: dict | None = None):
    return invoke("scan", *args, input=input, env=env)


def findings(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_binary_draft_is_skipped_with_a_warning(corpus: Path, tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (drafts / "good.md").write_text(CONFLICT + "\n", encoding="utf-8")
    result = scan("--claims", str(corpus), "--format", "jsonl", str(drafts))
    assert_no_traceback(result)
    assert result.exit_code == 1
    assert [Path(f["path"]).name for f in findings(result)] == ["good.md"]
    assert f"warning: {drafts / 'image.md'}: binary file, skipped" in result.stderr.splitlines()


def test_a_non_utf8_draft_is_one_error_naming_it_and_the_others_are_still_scanned(corpus: Path, tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a-latin1.md").write_bytes("Café au lait.\n".encode("latin-1"))
    (drafts / "b-good.md").write_text(CONFLICT + "\n", encoding="utf-8")
    result = scan("--claims", str(corpus), "--format", "jsonl", str(drafts))
    assert_no_traceback(result)
    assert result.exit_code == 2
    assert [Path(f["path"]).name for f in findings(result)] == ["b-good.md"]
    [error] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert error == f"error: {drafts / 'a-latin1.md'}: not UTF-8 text (invalid byte 0xe9 at offset 3, line 1)"


@pytest.mark.parametrize(
    "raw, line, column",
    [
        pytest.param(b"\xef\xbb\xbf" + CONFLICT.encode(), 1, 1, id="BOM"),
        pytest.param(b"# Title\r\n\r\nIntro here. " + CONFLICT.encode() + b"\r\n", 3, 13, id="CRLF"),
        pytest.param(b"# Title\r\rIntro here. " + CONFLICT.encode() + b"\r", 3, 13, id="lone CR"),
        pytest.param(b"\xef\xbb\xbf# Title\r\n\rIntro\r\nhere. " + CONFLICT.encode(), 4, 7, id="BOM and mixed"),
    ],
)
def test_boms_and_line_endings_keep_lines_and_columns(corpus: Path, tmp_path: Path, raw: bytes, line: int, column: int) -> None:
    draft = tmp_path / "draft.md"
    draft.write_bytes(raw)
    [finding] = findings(scan("--claims", str(corpus), "--format", "jsonl", str(draft)))
    assert (finding["line"], finding["column"], finding["text"]) == (line, column, CONFLICT)


@pytest.mark.parametrize("char", ["\u00ad", "\u200b", "\u200d", "\u2060", "\ufeff", "\u200e", "\u202e"],
                         ids=["soft hyphen", "zero-width space", "zero-width joiner", "word joiner", "BOM", "LTR mark", "RTL override"])
def test_invisible_characters_hide_no_conflict_and_positions_stay_in_the_draft(corpus: Path, tmp_path: Path, char: str) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(f"# Title\n\nIntro{char} here. Vietnam joined ASE{char}AN in 19{char}90.\n", encoding="utf-8")
    result = scan("--claims", str(corpus), "--format", "jsonl", str(draft))
    [finding] = findings(result)
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (3, 14, 3, 44)
    assert (finding["text"], finding["verdict"], result.exit_code) == (CONFLICT, "conflicting", 1)
    checked = invoke("check", "--claims", str(corpus), "--format", "json", f"Vietnam joined ASE{char}AN in 19{char}90.")
    assert (json.loads(checked.stdout)["verdict"], checked.exit_code) == ("conflicting", 1)


def test_a_one_megabyte_line_without_punctuation_is_read_quickly() -> None:
    line = "the delegation visited the province and met the people there " * 16_400
    for markdown in (True, False):
        started = time.process_time()
        [sentence] = read_sentences(line, markdown=markdown)
        assert time.process_time() - started < SECONDS
        assert len(sentence.text) == len(line.strip())


def test_a_100_kb_line_without_punctuation_is_scanned(tmp_path: Path) -> None:
    """Against the bundled claims; a megabyte takes ten times as long (4-5 s)."""
    draft = tmp_path / "long.txt"
    draft.write_text("the delegation visited the province and met the people there " * 1640, encoding="utf-8")
    started = time.process_time()
    result = scan("--claims", str(bundled_claims()), "--format", "jsonl", str(draft))
    assert_no_traceback(result)
    assert result.exit_code == 0
    assert time.process_time() - started < SECONDS


def test_a_draft_over_the_size_limit_is_refused_before_it_is_read(corpus: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(b"Vietnam joined ASEAN in 1990. " * 700_000)  # 21 MB of text
    tracemalloc.start()
    try:
        with pytest.raises(DraftError, match=rf"^{re.escape(str(big))}: too large \(over {MAX_BYTES} bytes\), skipped$"):
            read_draft(str(big))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000
    (tmp_path / "good.md").write_text(CONFLICT + "\n", encoding="utf-8")
    result = scan("--claims", str(corpus), "--format", "jsonl", str(big), str(tmp_path / "good.md"))
    assert result.exit_code == 2
    assert len(findings(result)) == 1
    assert f"error: {big}: too large (over {MAX_BYTES} bytes), skipped" in result.stderr.splitlines()


@pytest.mark.parametrize(
    "draft",
    [
        pytest.param("> " * 10_000 + CONFLICT, id="10,000 blockquotes"),
        pytest.param("- " * 10_000 + CONFLICT, id="10,000 list levels"),
        pytest.param("".join(">" * i + " x\n" for i in range(0, 10_000, 7)), id="growing quotes"),
        pytest.param("1. " * 10_000 + CONFLICT, id="10,000 ordered levels"),
        pytest.param("*" * 10_000 + CONFLICT + "*" * 10_000, id="10,000 emphasis"),
        pytest.param("[" * 10_000 + CONFLICT + "](x)" * 10_000, id="10,000 links"),
        pytest.param("<div>" * 10_000 + CONFLICT, id="10,000 html"),
    ],
)
def test_deeply_nested_markdown_does_not_recurse(draft: str) -> None:
    started = time.process_time()
    read_sentences(draft)
    assert time.process_time() - started < SECONDS


@pytest.mark.parametrize("raw", [b"", b"\n\n\n", b"\xef\xbb\xbf", b"   \r\n\t\r\n", b"---\n---\n"])
def test_empty_drafts(corpus: Path, tmp_path: Path, raw: bytes) -> None:
    draft = tmp_path / "empty.md"
    draft.write_bytes(raw)
    result = scan("--claims", str(corpus), str(draft))
    assert_no_traceback(result)
    assert result.exit_code == 0
    assert result.stderr.endswith("1 file, 0 sentences: 0 conflicting, 0 unverified (0 check-worthy), 0 supported\n")


def test_a_folder_of_3000_files(corpus: Path, tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    for i in range(3000):
        folder = drafts / f"part{i % 30:02}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"d{i:04}.md").write_text(CONFLICT if i == 1234 else "Hello." if i % 2 else "", encoding="utf-8")
    result = scan("--claims", str(corpus), "--format", "jsonl", str(drafts))
    assert_no_traceback(result)
    assert result.exit_code == 1
    assert [Path(f["path"]).name for f in findings(result)] == ["d1234.md"]
    assert "3000 files, 1501 sentences: 1 conflicting" in result.stderr


def test_files_that_cannot_be_read_are_passed_over(corpus: Path, tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "folder.md").mkdir()
    os.mkfifo(drafts / "fifo.md")
    (drafts / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (drafts / "good.md").write_text(CONFLICT + "\n", encoding="utf-8")
    result = scan("--claims", str(corpus), "--format", "jsonl", str(drafts))
    assert_no_traceback(result)
    assert result.exit_code == 1
    assert [Path(f["path"]).name for f in findings(result)] == ["good.md"]
    warnings = result.stderr.splitlines()
    assert f"warning: {drafts / 'fifo.md'}: not a regular file, skipped" in warnings
    assert f"warning: {drafts / 'dangling.md'}: broken symbolic link, skipped" in warnings


def test_a_fifo_named_on_the_command_line_without_a_writer_does_not_hang(corpus: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.md")
    result = factcheck("scan", "--claims", str(corpus), str(tmp_path / "fifo.md"), timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode().endswith("1 file, 0 sentences: 0 conflicting, 0 unverified (0 check-worthy), 0 supported\n")


def test_a_directory_or_a_dangling_link_named_on_the_command_line(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "folder.md").mkdir()
    result = scan("--claims", str(corpus), str(tmp_path / "folder.md"))
    assert_no_traceback(result)
    assert result.exit_code == 0
    assert "no draft files" in result.stderr
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    assert_one_line_error(scan("--claims", str(corpus), str(tmp_path / "dangling.md")), "dangling.md")


@pytest.mark.parametrize("stdin", ["empty", "closed"])
def test_an_empty_or_closed_standard_input(corpus: Path, stdin: str) -> None:
    kwargs = {"input": b""} if stdin == "empty" else {"stdin": subprocess.DEVNULL, "preexec_fn": lambda: os.close(0)}
    scanned = factcheck("scan", "--claims", str(corpus), "-", **kwargs)
    assert scanned.returncode == 0, scanned.stderr
    assert scanned.stderr.decode() == "factcheck: 1 file, 0 sentences: 0 conflicting, 0 unverified (0 check-worthy), 0 supported\n"
    checked = factcheck("check", "--claims", str(corpus), "-", **kwargs)
    assert checked.returncode == 2
    assert checked.stderr.decode() == "Error: no claim given (standard input was empty) (see 'factcheck check --help')\n"


# --- injection and output safety ----------------------------------------------------------------

MARKUP = "[red]FAKE[/red] [/] [link=https://evil.example]here[/link] [bold]"
CONTROLS = "\x1b[2J\x1b]8;;https://evil.example\x07link\x1b]8;;\x07 \x9b31m \x07\x08\x7f\x85 \u202eevil\u202c \x90dcs\x9c"
HOSTILE_ENTRY = ASEAN_ENTRY.replace(
    "statement: Vietnam joined ASEAN on 28 July 1995.",
    'statement: "Vietnam joined ASEAN on 28 July 1995. ' + MARKUP + ' \\e[2J\\e]8;;x\\a\\x9b31m\\x85\\u202e"',
).replace("parties: [Vietnam, ASEAN]", 'parties: [Vietnam, ASEAN]\n    aliases: ["' + MARKUP + '\\e[31m"]')
HOSTILE_SOURCE = PATH_TO_THE_WORLD.replace(
    "title: Vietnam's path to the world", 'title: "' + MARKUP + ' \\e[31mred\\a"'
).replace("deepened its regional ties.", "deepened its regional ties " + MARKUP + " " + CONTROLS + ".")
HOSTILE_DRAFT = f"# {MARKUP} {CONTROLS}\n\n{CONFLICT} {MARKUP} {CONTROLS}\n\n{MARKUP}. Vietnam joined ASEAN in 1995. {CONTROLS}\n"


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    claims = write_corpus(tmp_path, HOSTILE_ENTRY, {"doc": HOSTILE_SOURCE})
    assert load_claims(claims).entries[0].aliases[0].startswith("[red]")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "draft.md").write_text(HOSTILE_DRAFT, encoding="utf-8")
    (drafts / "a,b:c\n::error::name=\x1b[31m.md").write_text(CONFLICT + " %0A::set-env name=X::y\n\n" + CONFLICT + "\n::error::injected\n", encoding="utf-8")
    return claims, drafts


def assert_safe(result) -> None:
    assert_no_traceback(result)
    out = result.stdout_bytes.decode("utf-8")  # strict: no raw undecodable byte either
    assert not FORBIDDEN.search(out), repr(FORBIDDEN.search(out))
    assert not FORBIDDEN.search(result.stderr)


WIDE = {"COLUMNS": "300"}  # no wrapping inside the markup being looked for


@pytest.mark.parametrize(
    "args",
    [
        ["check", CONFLICT + " " + MARKUP + " " + CONTROLS],
        ["check", "--format", "json", CONFLICT + " " + CONTROLS],
        ["show", "asean-membership-1995"],
        ["claims"],
        ["claims", "--topic", "diplomacy", "FAKE"],
        ["discrepancies"],
        ["validate"],
    ],
    ids=["check", "check-json", "show", "claims", "claims-search", "discrepancies", "validate"],
)
def test_markup_and_controls_in_claims_sources_and_claims_print_literally(hostile, args: list[str]) -> None:
    claims, _ = hostile
    result = invoke(args[0], "--claims", str(claims), *args[1:], env=WIDE)
    assert_safe(result)
    if args[0] in ("check", "show", "claims"):
        assert "[red]FAKE[/red]" in result.stdout and "[link=https://evil.example]here[/link]" in result.stdout
    if args[:3] == ["check", "--format", "json"]:
        assert json.loads(result.stdout)["verdict"] == "conflicting"


def test_markup_and_controls_in_drafts_print_literally(hostile) -> None:
    claims, drafts = hostile
    result = scan("--claims", str(claims), "--show", "supported", "--show", "unverified", str(drafts), env=WIDE)
    assert_safe(result)
    assert result.exit_code == 1
    assert "[red]FAKE[/red]" in result.stdout and "[link=https://evil.example]here[/link]" in result.stdout


def test_command_line_arguments_with_undecodable_bytes_never_reach_stdout_raw(corpus: Path) -> None:
    result = factcheck("check", "--claims", str(corpus), os.fsdecode(CONFLICT.encode() + b" \x9b31m \xff\x1b[2J"))
    assert result.returncode in (1, 3)
    result.stdout.decode("utf-8")  # strict
    assert b"\x9b" not in result.stdout and b"\x1b" not in result.stdout


def test_draft_text_cannot_inject_github_workflow_commands(hostile) -> None:
    claims, drafts = hostile
    as_json = scan("--claims", str(claims), "--format", "json", "--show", "supported", "--show", "unverified", str(drafts))
    result = scan("--claims", str(claims), "--format", "github", "--show", "supported", "--show", "unverified", str(drafts))
    assert_no_traceback(result)
    lines = result.stdout.split("\n")
    assert lines.pop() == ""
    assert len(lines) == len(json.loads(as_json.stdout)) >= 4
    for line in lines:
        assert re.match(r"::(error|warning|notice) file=[^,:]*,line=\d+", line), line
        assert not FORBIDDEN.search(line)
        assert "::error::injected" not in line.split("::", 2)[1]  # only inside the message
    assert "%250A: :set-env" in result.stdout  # the runner unescapes it to the text "%0A", not a line break


def test_json_jsonl_and_sarif_always_parse(hostile) -> None:
    claims, drafts = hostile
    shown = ("--show", "supported", "--show", "unverified")
    as_json = scan("--claims", str(claims), "--format", "json", *shown, str(drafts))
    found = json.loads(as_json.stdout)
    jsonl = scan("--claims", str(claims), "--format", "jsonl", *shown, str(drafts))
    assert len(jsonl.stdout.splitlines()) == len(jsonl.stdout.split("\n")) - 1 == len(found) >= 4
    assert [json.loads(line) for line in jsonl.stdout.splitlines()] == found
    sarif = json.loads(scan("--claims", str(claims), "--format", "sarif", *shown, str(drafts)).stdout)
    assert len(sarif["runs"][0]["results"]) == len(found)
    assert any("\n" in f["path"] for f in found)  # the file name with a line break came through, escaped


# --- parsers on adversarial inputs --------------------------------------------------------------

ADVERSARIAL = {
    "1,1,1": "1,", "digits": "1", "((((": "(", "spaces": " ", "$$$$": "$", "----": "-",
    "a.a.a.": "a.", "No. No.": "No. ", "1 1 1": "1 ", "1%1%": "1%", "[[[[": "[", "\\r\\r": "a\r",
}


def adversarial(unit: str, size: int) -> str:
    return "x" + (unit * (size // len(unit) + 1))[:size] + "x"


PARSERS = {
    "quantities.parse": parse,
    "normalise.tokens": tokens,
    "drafts.split_sentences": split_sentences,
    "drafts.read_sentences": read_sentences,
    "drafts.read_sentences(plain)": lambda text: read_sentences(text, markdown=False),
}


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("name", ["1,1,1", "digits", "((((", "spaces", "$$$$", "----", "a.a.a.", "No. No."])
def test_parsers_run_in_linear_time_on_a_megabyte(parser: str, name: str) -> None:
    """Under 2 s, or else linear: a megabyte costs at most 25 times a tenth of it (quadratic
    would be 100 times). markdown-it and the figure tokenizer spend 1-3 us on each punctuation
    character, 1.5-3 s for a megabyte of them on a busy machine."""
    big = cpu_seconds(PARSERS[parser], adversarial(ADVERSARIAL[name], 1_000_000))
    if big >= SECONDS:
        # the best of three of each: a collection of the garbage of earlier tests lands in one run
        big = min(big, *(cpu_seconds(PARSERS[parser], adversarial(ADVERSARIAL[name], 1_000_000)) for _ in range(2)))
        small = min(cpu_seconds(PARSERS[parser], adversarial(ADVERSARIAL[name], 100_000)) for _ in range(3))
        assert big < max(25 * small, 0.5) and big < 5 * SECONDS, (big, small)


@pytest.mark.parametrize("name", ["1 1 1", "1%1%"])
def test_figure_dense_text_parses_in_linear_time(name: str) -> None:
    """A figure every two characters is a figure to build every two characters, some 10 us
    apiece: a megabyte of them takes 5-10 s. It must grow linearly."""
    small = cpu_seconds(parse, adversarial(ADVERSARIAL[name], 10_000))
    big = cpu_seconds(parse, adversarial(ADVERSARIAL[name], 100_000))
    assert big < max(25 * small, 0.5), (big, small)


@pytest.mark.parametrize("name", ["1,1,1", "digits", "((((", "spaces", "$$$$", "----", "a.a.a.", "No. No.", "[[[[", "\\r\\r"])
def test_the_full_check_on_100_kb(checker, name: str) -> None:
    """As above, a tenth of the size: the checker runs the parsers several times over a claim."""
    started = time.process_time()
    assert checker.check(adversarial(ADVERSARIAL[name], 100_000)).verdict.value == "unverified"
    big = time.process_time() - started
    if big >= SECONDS:
        small = cpu_seconds(checker.check, adversarial(ADVERSARIAL[name], 10_000))
        assert big < max(25 * small, 0.5) and big < 5 * SECONDS, (big, small)


def test_the_full_check_is_linear_in_the_names_of_a_claim(checker) -> None:
    assert cpu_seconds(checker.check, "ASEAN " * 200) < 0.25


@pytest.mark.parametrize(
    "claim",
    [
        "Aid from China and the USSR was 1e308 US dollars.",
        "Aid from China and the USSR was " + "9" * 400 + " US dollars.",
        "Aid from China and the USSR was -34 million US dollars.",
        "Aid from China and the USSR was NaN US dollars in inf years.",
        "Aid from China and the USSR was 10^1000 US dollars.",
        "Vietnam joined ASEAN on 99 July 99999 and 0/0/0000 and 31/02/1995.",
        "More than 1" + "0" * 308 + " countries, or 1.7976931348623157e309 percent, since the 10000000000s.",
    ],
)
def test_absurd_figures_do_not_crash_check(claim: str) -> None:
    result = invoke("check", "--format", "json", claim)
    assert_no_traceback(result)
    assert result.exit_code in (0, 1, 3)
    assert json.loads(result.stdout)["claim"] == claim


def test_absurd_values_in_a_claims_file_are_problems(tmp_path: Path) -> None:
    values = ["1.0e+308", ".inf", "-.inf", ".nan", "9" * 400, "-34000000", "0x" + "f" * 100, "1e308"]
    entries = "".join(
        ASEAN_ENTRY.replace("asean-membership-1995", f"entry-{i}").replace(
            '{kind: date, value: "1995-07-28", text: "July 28, 1995"}', f"{{kind: count, value: {v}, text: '1995'}}")
        for i, v in enumerate(values)
    )
    path = write_corpus(tmp_path, entries, {"doc": PATH_TO_THE_WORLD})
    problems = validate(path)
    assert {p.where.split(".")[0] for p in problems} >= {f"claims[{i}]" for i in range(len(values))}


# --- signals and errors, as a user sees them ----------------------------------------------------


def wait_until_blocked(pid: int, limit: float = 10.0) -> None:
    """Until the process sleeps without using CPU (blocked on its input), where /proc tells."""
    stat = Path(f"/proc/{pid}/stat")
    if not stat.exists():
        time.sleep(2)
        return
    deadline, before = time.monotonic() + limit, None
    while time.monotonic() < deadline:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        now = (fields[0], int(fields[11]) + int(fields[12]))  # state, utime + stime
        if now[0] == "S" and now == before:
            return
        before = now
        time.sleep(0.3)


def test_ctrl_c_while_waiting_on_a_pipe_exits_130_with_one_line(corpus: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "check", "--claims", str(corpus), "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        process.stdin.write(b"Vietnam joined ASEAN in 1995.\n")
        process.stdin.flush()
        wait_until_blocked(process.pid)  # started, and reading the pipe we keep open
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130
    assert out == b""
    assert err.decode().strip().splitlines() == ["factcheck: interrupted"]  # click ends the ^C line first


@pytest.mark.parametrize(
    "args",
    [["claims"], ["check", "--format", "json", "-"]],
    ids=["claims", "check-json"],
)
def test_a_closed_pipe_exits_quietly(args: list[str]) -> None:
    claims = "\n".join(["Vietnam joined ASEAN in 1995."] * 300).encode()
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck", *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "40"},
    )
    if "-" in args:
        process.stdin.write(claims)
    process.stdin.close()
    err = head_one_line(process)
    assert err == b""
    assert process.returncode in (0, -signal.SIGPIPE)  # the default SIGPIPE action: a quiet end


@pytest.mark.parametrize(
    "args, stdin, line",
    [
        (["check", "--claims", "missing.yaml", "x"], b"", "Error: missing.yaml: no such file"),
        (["check", "--claims", "bad.yaml", "x"], b"", "Error: bad.yaml:2:1: YAML syntax error: "),
        (["check", "--claims", "bomb.yaml", "x"], b"", "Error: bomb.yaml:"),
        (["check", "--claims", "deep.yaml", "x"], b"", "Error: deep.yaml:2:"),
        (["scan", "no-such-folder"], b"", "Error: no such file or folder: no-such-folder"),
        (["check", "--no-such-option"], b"", "Error: No such option '--no-such-option'."),
        (["show", "no-such-id"], b"", "Error: no entry with id 'no-such-id'"),
        (["check", "-"], b"\n \n", "Error: no claim given (standard input was empty)"),
    ],
)
def test_every_error_is_one_line_and_exit_2(tmp_path: Path, args: list[str], stdin: bytes, line: str) -> None:
    (tmp_path / "bad.yaml").write_text("claims: [unclosed\n", encoding="utf-8")
    (tmp_path / "bomb.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    (tmp_path / "deep.yaml").write_text("claims:\n" + "- " * 200_000 + "x\n", encoding="utf-8")  # crashed libyaml
    result = factcheck(*args, input=stdin, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == b""
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(line), lines


def test_debug_shows_the_traceback_of_an_unexpected_error(monkeypatch, capsys, corpus: Path) -> None:
    """No input is known to cause an unexpected error any more: one is simulated."""

    def broken(path):
        raise RuntimeError("simulated")

    monkeypatch.setattr(Corpus, "load", broken)
    monkeypatch.setattr(sys, "argv", ["factcheck", "check", "--claims", str(corpus), "x"])
    with pytest.raises(SystemExit) as exit:
        cli_module.main()
    assert exit.value.code == 2
    assert capsys.readouterr().err == "Error: internal error: RuntimeError: simulated (run with --debug for the traceback)\n"
    monkeypatch.setattr(sys, "argv", ["factcheck", "--debug", "check", "--claims", str(corpus), "x"])
    with pytest.raises(RuntimeError, match="simulated"):
        cli_module.main()


# --- properties ---------------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DATE_STYLES = [
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.year}-{d.month:02}-{d.day:02}",
    lambda d: f"{d.day}/{d.month}/{d.year}",
]


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2199, 12, 31)), st.sampled_from(DATE_STYLES), st.sampled_from(DATE_STYLES))
def test_a_date_written_in_any_style_parses_to_the_same_day(day: date, style_a, style_b) -> None:
    [a], [b] = parse(f"It happened on {style_a(day)}."), parse(f"It happened on {style_b(day)}.")
    assert a.span == b.span and a.span.first == a.span.last == day


@settings(max_examples=300)
@given(st.lists(st.characters(blacklist_categories=["Cs"]) | st.sampled_from(["\r", "\r\n", "\ufeff", "\x00", "\u2028", "[", "*", "> ", "- ", ". "]), max_size=80).map("".join), st.booleans())
def test_any_text_reads_without_error_and_positions_stay_in_the_file(text: str, markdown: bool) -> None:
    lines = re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))
    for s in read_sentences(text, markdown=markdown):
        assert 1 <= s.line <= s.end_line <= len(lines)
        assert 1 <= s.column <= len(lines[s.line - 1]) and 1 <= s.end_column <= len(lines[s.end_line - 1])
