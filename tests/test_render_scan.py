"""Specification of the scan renderers: JSON and JSON Lines, GitHub annotations, SARIF and
text, on one draft with a supported, a conflicting, an unverified and a plain sentence.

Positions are 1-based with the end inclusive, in code points: the draft's first line has
"Đà Nẵng" before the supported sentence so that a byte count would show.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, WTO_ENTRY, write_corpus
from rich.console import Console

from factcheck.drafts.scan import Finding, Scan, Tally, reported, scan_text
from factcheck.engine.corpus import Corpus
from factcheck.language.sentences import Sentence
from factcheck.render.github import annotation, escape_data, escape_property, github_lines
from factcheck.render.jsonout import dump_findings, dumps, finding_dict
from factcheck.render.sarif import fingerprint, message_text, sarif_log
from factcheck.render.scantext import ScanTextRenderer, plain_message

SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"

DRAFT = """\
The weather in Đà Nẵng was pleasant. Vietnam joined ASEAN on 28 July 1995.
Vietnam joined the WTO in 2005.

Vietnam joined NATO in 1949.
"""

SUPPORTED_MESSAGE = (
    "“Vietnam joined ASEAN on 28 July 1995.” — the claim says 28 July 1995; the source says 28 July 1995"
    " (sources/doc.md:8)"
)
CONFLICTING_MESSAGE = "“Vietnam joined the WTO in 2005.” — the claim says 2005; the source says 2007 (sources/doc.md:9)"
UNVERIFIED_MESSAGE = (
    "“Vietnam joined NATO in 1949.” — no entry states this (nearest, wto-membership-2007: the entry is not about “NATO”)"
)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("claims")
    write_corpus(root, ASEAN_ENTRY + WTO_ENTRY, {"doc": PATH_TO_THE_WORLD})
    return root


@pytest.fixture(scope="module")
def corpus(root: Path) -> Corpus:
    return Corpus.load(root / "claims.yaml")


def scan(corpus: Corpus, text: str = DRAFT, path: str = "draft.md") -> list[Finding]:
    return list(scan_text(corpus.checker, path, text, markdown=True))


def shown(corpus: Corpus, findings: list[Finding]) -> list[Finding]:
    """What `factcheck scan --show supported,unverified` reports."""
    return [f for f in findings if reported(f, {"supported", "unverified"}, corpus.index)]


@pytest.fixture(scope="module")
def findings(corpus: Corpus) -> list[Finding]:
    found = shown(corpus, scan(corpus))
    assert [f.verdict.value for f in found] == ["supported", "conflicting", "unverified"]  # not the weather
    return found


def finding(corpus: Corpus, text: str, path: str = "draft.md") -> Finding:
    """A finding for a sentence no draft reader would produce: control characters and all."""
    return Finding(path, Sentence(text, 3, 5, 3, 5 + len(text) - 1), corpus.checker.check(text))


# --- JSON and JSON Lines ------------------------------------------------------------------------


def test_jsonl_is_one_finding_a_line_with_exact_positions(corpus: Corpus, findings: list[Finding]) -> None:
    out = io.StringIO()
    dump_findings((finding_dict(corpus, f, 1) for f in findings), "jsonl", out)
    lines = out.getvalue().split("\n")
    assert len(lines) == 4 and lines[-1] == ""
    score = round(findings[1].result.matches[0].score, 1)  # the engine's business, not the renderer's
    assert lines[1] == (
        '{"path": "draft.md", "line": 2, "column": 1, "end_line": 2, "end_column": 31, '
        '"text": "Vietnam joined the WTO in 2005.", "verdict": "conflicting", '
        '"reason": "the claim says 2005; the source says 2007", "matches": [{"id": "wto-membership-2007", '
        '"statement": "Vietnam became a member of the WTO in 2007.", "verdict": "conflicting", '
        f'"score": {score}, "reasons": ["the claim says 2005; the source says 2007"], '
        '"figures": [{"claim": "2005", "source": "2007", "agreement": "conflict"}], "evidence": '
        '[{"source": "sources/doc.md", "line": 9, "text": "It later joined the WTO in 2007, after long talks."}]}]}'
    )
    first = json.loads(lines[0])
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (1, 38, 1, 74)
    assert json.loads(lines[2])["verdict"] == "unverified"


def test_json_is_one_indented_array_with_check_matches(corpus: Corpus, findings: list[Finding]) -> None:
    out = io.StringIO()
    dump_findings([finding_dict(corpus, f, 3) for f in findings], "json", out)
    text = out.getvalue()
    assert text.startswith('[\n  {\n    "path": "draft.md",\n    "line": 1,\n    "column": 38,\n')
    assert text.endswith("\n]\n")
    data = json.loads(text)
    assert [list(d)[:9] for d in data] == [
        ["path", "line", "column", "end_line", "end_column", "text", "verdict", "reason", "matches"]
    ] * 3
    from factcheck.render.jsonout import result_dict

    for d, f in zip(data, findings):
        assert d["matches"] == result_dict(corpus, f.result, 3)["matches"]  # exactly as `check` gives them


def test_json_lines_cannot_be_broken_by_unicode_line_separators(corpus: Corpus) -> None:
    out = io.StringIO()
    f = finding(corpus, "Vietnam joined ASEAN\u2028in 1995\x85 and\u2029the WTO\nin 2007.")
    dump_findings([finding_dict(corpus, f, 1)], "jsonl", out)
    assert out.getvalue().count("\n") == 1 and len(out.getvalue().splitlines()) == 1
    assert json.loads(out.getvalue())["text"] == f.sentence.text


def test_json_escapes_the_bracket_of_an_old_style_workflow_command(corpus: Corpus) -> None:
    """GitHub Actions runs "##[warning]x" found anywhere in a line; "##\\u005b" is the same JSON."""
    out = io.StringIO()
    f = finding(corpus, "Vietnam joined the WTO in 2005. ##[warning]x ###[y")
    dump_findings([finding_dict(corpus, f, 1)], "jsonl", out)
    assert "##[" not in out.getvalue() and '##\\u005bwarning]x ###\\u005by' in out.getvalue()
    assert json.loads(out.getvalue())["text"] == f.sentence.text


# --- GitHub annotations --------------------------------------------------------------------------


def test_github_annotations_golden(corpus: Corpus, findings: list[Finding]) -> None:
    assert "".join(line + "\n" for line in github_lines(findings, corpus)) == (
        "::notice file=draft.md,line=1,col=38,endLine=1,endColumn=74,title=factcheck%3A supported::"
        + SUPPORTED_MESSAGE + "\n"
        "::error file=draft.md,line=2,col=1,endLine=2,endColumn=31,title=factcheck%3A conflicting::"
        + CONFLICTING_MESSAGE + "\n"
        "::warning file=draft.md,line=4,col=1,endLine=4,endColumn=28,title=factcheck%3A unverified::"
        + UNVERIFIED_MESSAGE + "\n"
    )


def test_github_data_escaping() -> None:
    assert escape_data("100%") == "100%25"
    assert escape_data("a\rb") == "a%0Db"
    assert escape_data("a\nb") == "a%0Ab"
    assert escape_data("%0A") == "%250A"  # an escape in the text stays text
    assert escape_data("a:b,c") == "a:b,c"  # only property values escape these


def test_github_property_escaping() -> None:
    assert escape_property("a:b") == "a%3Ab"
    assert escape_property("a,b") == "a%2Cb"
    assert escape_property("50%,\r\n:") == "50%25%2C%0D%0A%3A"


def test_github_path_with_separators_is_one_property(corpus: Corpus) -> None:
    line = annotation(corpus, finding(corpus, "Vietnam joined the WTO in 2005.", path="notes\\a,b:c 100%.md"))
    assert line.startswith("::error file=notes/a%2Cb%3Ac 100%25.md,line=3,col=5,endLine=3,endColumn=35,")


def test_github_multiline_sentence_has_no_columns(corpus: Corpus) -> None:
    f = shown(corpus, scan(corpus, "Vietnam joined the WTO\nin 2005.\n"))[0]
    assert annotation(corpus, f).startswith("::error file=draft.md,line=1,endLine=2,title=factcheck%3A conflicting::")


@pytest.mark.parametrize(
    "payload",
    [
        "\n::set-output name=x::y",
        "\r::add-mask::secret",
        "\r\n::stop-commands::token",
        "\x85::error::fake\u2028::warning::fake\u2029::notice::fake",
        "\x1b]8;;http://evil\x1b\\::debug::x",
        "%0A::set-env name=A::b",
    ],
)
def test_github_draft_text_cannot_inject_a_command(corpus: Corpus, payload: str) -> None:
    (line,) = github_lines([finding(corpus, "Vietnam joined the WTO in 2005." + payload)], corpus)
    assert len(line.splitlines()) == 1 and not any(c in line for c in "\n\r\x1b\x85\u2028\u2029")
    assert re.match(r"::(error|warning|notice) file=draft\.md,line=3,col=5,endLine=3,endColumn=\d+,title=factcheck%3A \w+::“", line)
    assert line.count("::") == 2  # the command's own two; the text's are broken, ": :"
    assert "%0A::" not in line  # an escaped line break in the text is printed as text: %250A


# --- SARIF ---------------------------------------------------------------------------------------


@pytest.fixture
def log(corpus: Corpus, root: Path, findings: list[Finding], monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.chdir(root)
    return sarif_log(findings, corpus, "1.2.3")


def test_sarif_is_valid_against_the_official_schema(log: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def test_sarif_schema_rejects_what_it_should() -> None:
    """The stored schema is the real one, not a permissive stand-in."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"level": "fatal"}]}]}
    assert not jsonschema.Draft7Validator(schema).is_valid(bad)


def test_sarif_run_tool_and_rules(log: dict) -> None:
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == (
        "factcheck", "1.2.3", "https://pypi.org/project/factcheck/")
    rules = driver["rules"]
    assert [(r["id"], r["defaultConfiguration"]["level"]) for r in rules] == [
        ("factcheck/conflicting", "error"), ("factcheck/unverified", "warning"), ("factcheck/supported", "note")]
    for r in rules:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]


def test_sarif_results_levels_messages_and_regions(log: dict) -> None:
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("factcheck/supported", "note"), ("factcheck/conflicting", "error"), ("factcheck/unverified", "warning")]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert [r["message"]["text"] for r in results] == [SUPPORTED_MESSAGE, CONFLICTING_MESSAGE, UNVERIFIED_MESSAGE]
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "draft.md", "uriBaseId": "%SRCROOT%"}
    # SARIF's endColumn is the column after the region
    assert location["region"] == {"startLine": 1, "startColumn": 38, "endLine": 1, "endColumn": 75,
                                  "snippet": {"text": "Vietnam joined ASEAN on 28 July 1995."}}
    assert results[1]["locations"][0]["physicalLocation"]["region"]["endColumn"] == 32


def test_sarif_related_locations_are_the_evidence_passages(log: dict) -> None:
    supported, conflicting, unverified = log["runs"][0]["results"]
    assert conflicting["relatedLocations"] == [{
        "id": 1,
        "physicalLocation": {
            "artifactLocation": {"uri": "sources/doc.md", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 9, "startColumn": 10, "endLine": 9, "endColumn": 32},  # the quote
        },
        "message": {"text": "It later joined the WTO in 2007, after long talks."},
    }]
    assert supported["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 8
    assert "relatedLocations" not in unverified  # a near entry is not evidence


def test_sarif_fingerprints_survive_lines_inserted_above(corpus: Corpus, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    before = sarif_log(shown(corpus, scan(corpus)), corpus, "1")["runs"][0]["results"]
    moved = shown(corpus, scan(corpus, "# Notes\n\nAn opening paragraph.\n\n" + DRAFT))
    after = sarif_log(moved, corpus, "1")["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [5, 6, 8]
    prints = [r["partialFingerprints"]["factcheck/v1"] for r in before]
    assert [r["partialFingerprints"]["factcheck/v1"] for r in after] == prints
    assert len(set(prints)) == 3 and all(len(p) == 32 and int(p, 16) >= 0 for p in prints)


def test_sarif_fingerprint_depends_on_rule_path_words_and_repeat(corpus: Corpus) -> None:
    base = fingerprint("factcheck/conflicting", "draft.md", "Vietnam joined the WTO in 2005.")
    assert fingerprint("factcheck/conflicting", "draft.md", "Vietnam joined the WTO in 2005.") == base
    assert fingerprint("factcheck/supported", "draft.md", "Vietnam joined the WTO in 2005.") != base
    assert fingerprint("factcheck/conflicting", "other.md", "Vietnam joined the WTO in 2005.") != base
    assert fingerprint("factcheck/conflicting", "draft.md", "Vietnam joined the WTO in 2005.", occurrence=1) != base
    twice = sarif_log(shown(corpus, scan(corpus, "Vietnam joined the WTO in 2005.\n\nVietnam  joined the WTO\nin 2005.\n")),
                      corpus, "1")["runs"][0]["results"]
    assert [r["partialFingerprints"]["factcheck/v1"] for r in twice] == [
        base, fingerprint("factcheck/conflicting", "draft.md", "Vietnam joined the WTO in 2005.", occurrence=1)]


def test_sarif_paths_become_uris(corpus: Corpus, tmp_path: Path) -> None:
    def uri(path: str) -> dict:
        log = sarif_log([finding(corpus, "Vietnam joined the WTO in 2005.", path=path)], corpus, "1")
        return log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]

    assert uri("drafts\\my draft [v2].md") == {"uri": "drafts/my%20draft%20%5Bv2%5D.md", "uriBaseId": "%SRCROOT%"}
    assert uri(str(tmp_path / "a b.md")) == {"uri": (tmp_path / "a b.md").as_uri()}


@pytest.mark.parametrize(
    "name, uri",
    [
        ("::error title=x::y.md", "%3A%3Aerror%20title%3Dx%3A%3Ay.md"),
        ("##[warning]x.md", "%23%23%5Bwarning%5Dx.md"),
        ("café.md", "caf%C3%A9.md"),
        (os.fsdecode(b"caf\xe9.md"), "caf%E9.md"),  # Latin-1, not UTF-8: its byte kept as a lone surrogate
    ],
)
def test_sarif_uris_are_the_file_names_bytes_percent_encoded(corpus: Corpus, tmp_path: Path, name: str, uri: str) -> None:
    schema = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for path, expected in ((name, {"uri": uri, "uriBaseId": "%SRCROOT%"}),
                           (str(tmp_path / name), {"uri": f"{tmp_path.as_uri()}/{uri}"})):
        log = sarif_log([finding(corpus, "Vietnam joined the WTO in 2005.", path=path)], corpus, "1")
        result = log["runs"][0]["results"][0]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"] == expected
        assert list(schema.iter_errors(json.loads(dumps(log, indent=2)))) == []
    assert fingerprint("r", name, "t") != fingerprint("r", "caf\ufffd.md", "t")


def test_sarif_messages_cannot_form_links_or_placeholders(corpus: Corpus) -> None:
    assert message_text("see [here](https://evil.example) {0} \\") == "see \\[here\\](https://evil.example) {{0}} \\\\"
    text = sarif_log([finding(corpus, "Vietnam joined the WTO in 2005 [x](1) {0}\x1b[2J.")], corpus, "1")[
        "runs"][0]["results"][0]["message"]["text"]
    assert "\\[x\\](1) {{0}}" in text and "\x1b" not in text


# --- text ----------------------------------------------------------------------------------------


def render(corpus: Corpus, *batches: list[Finding], width: int = 100, top: int = 1) -> tuple[str, ScanTextRenderer]:
    out = io.StringIO()
    renderer = ScanTextRenderer(corpus, Console(file=out, width=width, color_system=None, force_terminal=False), top)
    for batch in batches:
        renderer.print_findings(batch)
    return out.getvalue(), renderer


def test_text_findings_golden(corpus: Corpus, findings: list[Finding]) -> None:
    text, _ = render(corpus, findings)
    assert text == (
        "draft.md\n"
        "1:38    SUPPORTED   Vietnam joined ASEAN on 28 July 1995.\n"
        "  the claim says 28 July 1995; the source says 28 July 1995\n"
        "  sources/doc.md:8  Vietnam's path to the world (2020-05-01)\n"
        "    “Since Vietnam’s ASEAN membership (July 28, 1995), the country has deepened its regional ties.”\n"
        "2:1     CONFLICTING Vietnam joined the WTO in 2005.\n"
        "  the claim says 2005; the source says 2007\n"
        "  sources/doc.md:9\n"  # its title was shown with its first passage
        "    “It later joined the WTO in 2007, after long talks.” — the claim says 2005\n"
        "4:1     UNVERIFIED  Vietnam joined NATO in 1949.\n"
        "  No entry states this.\n"
        "  nearest, not matching:\n"
        f"    - wto-membership-2007 ({findings[2].result.matches[0].score:.1f}): Vietnam became a member of the WTO in 2007.\n"
        "      — the entry is not about “NATO”\n"
    )


def test_text_groups_by_file_across_calls(corpus: Corpus) -> None:
    a = shown(corpus, scan(corpus, "Vietnam joined the WTO in 2005.\n", path="a.md"))
    b = shown(corpus, scan(corpus, "Vietnam joined the WTO in 2005.\n", path="b.md"))
    text, _ = render(corpus, a, a, b)
    lines = text.splitlines()
    assert [line for line in lines if line.endswith(".md")] == ["a.md", "b.md"]
    assert lines[lines.index("b.md") - 1] == ""  # a blank line between files, none inside one
    assert lines.count("") == 1


def test_text_wraps_at_console_width_under_the_sentence(corpus: Corpus, findings: list[Finding]) -> None:
    text, _ = render(corpus, findings, width=40)
    lines = text.splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert lines[1] == "1:38    SUPPORTED   Vietnam joined ASEAN"
    assert lines[2] == "                    on 28 July 1995."


def test_text_untrusted_text_is_literal_and_clean(corpus: Corpus) -> None:
    text, _ = render(corpus, [finding(corpus, "[bold red]Vietnam[/] joined the WTO in 2005.\x1b[2J", path="[i]x\x07.md")])
    assert text.splitlines()[0] == "[i]x.md"
    assert text.splitlines()[1][20:] == "[bold red]Vietnam[/] joined the WTO in 2005."
    assert "\x1b" not in text and "\x07" not in text


def test_summary_table(corpus: Corpus, findings: list[Finding]) -> None:
    """Every verdict the scan reached, reported or not, as the CLI counts it."""
    from factcheck.drafts.documents import read_sentences

    checked = Scan(corpus.checker, corpus.index, frozenset(), 1).check("draft.md", read_sentences(DRAFT))
    counts = {"draft.md": checked.tally, "notes/empty.md": Tally()}
    text, renderer = render(corpus, findings)
    out = io.StringIO()
    renderer.console.file = out
    renderer.print_summary(counts)
    assert out.getvalue() == (
        "\n"
        "file             conflicting   unverified   check-worthy   supported   sentences\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        "draft.md                   1            2              1           1           4\n"
        "notes/empty.md             0            0              0           0           0\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        "total                      1            2              1           1           4\n"
    )


def test_summary_alone_has_no_leading_blank_line(corpus: Corpus) -> None:
    _, renderer = render(corpus)
    out = io.StringIO()
    renderer.console.file = out
    renderer.print_summary({"draft.md": Tally(sentences=2, unverified=2)})
    assert out.getvalue().startswith("file ")


def test_plain_message_is_one_clean_line(corpus: Corpus) -> None:
    message = plain_message(corpus, finding(corpus, "Vietnam joined\nthe WTO in 2005.\u202e7002"))
    assert message.startswith("“Vietnam joined the WTO in 2005.7002” — ")
    assert "\n" not in message and "\u202e" not in message
