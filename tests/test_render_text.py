"""Specification of the text renderer and of factcheck.render.safe: what a person sees for each
verdict, and that nothing from a claim or a source can drive the terminal."""

from __future__ import annotations

import io
import json
import re
import time

import pytest
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, WTO_ENTRY, write_corpus
from rich.console import Console

from factcheck.engine.corpus import Corpus
from factcheck.render.safe import clean, plain
from factcheck.render.text import TextRenderer


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("claims")
    (root / "sources").mkdir()
    marked = "joined the WTO [bold red]in[/] 2007"  # markup in a quote and its source prints literally
    write_corpus(root, ASEAN_ENTRY + WTO_ENTRY.replace("joined the WTO in 2007", marked),
                 {"doc": PATH_TO_THE_WORLD.replace("joined the WTO in 2007", marked)})
    return Corpus.load(root / "claims.yaml")


def render(corpus: Corpus, *claims: str, top: int = 3, width: int = 100) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False)
    renderer = TextRenderer(corpus, top=top, console=console)
    for claim in claims:
        renderer.print_result(corpus.checker.check(claim))
    return out.getvalue()


# --- verdicts -----------------------------------------------------------------------------------


def test_supported_shows_reason_entry_citation_and_passage(corpus: Corpus) -> None:
    assert render(corpus, "Vietnam joined ASEAN on 28 July 1995") == (
        "SUPPORTED   Vietnam joined ASEAN on 28 July 1995\n"
        "  the claim says 28 July 1995; the source says 28 July 1995\n"
        "  asean-membership-1995: Vietnam joined ASEAN on 28 July 1995.\n"
        "  sources/doc.md:8  Vietnam's path to the world (2020-05-01)\n"
        "    “Since Vietnam’s ASEAN membership (July 28, 1995), the country has deepened its regional ties.”\n"
    )


def test_conflicting_shows_the_claims_figure_beside_the_passage(corpus: Corpus) -> None:
    lines = render(corpus, "Vietnam joined the WTO in 2005").splitlines()
    assert lines[0] == "CONFLICTING Vietnam joined the WTO in 2005"
    assert lines[1] == "  the claim says 2005; the source says 2007"
    assert lines[2] == "  wto-membership-2007: Vietnam became a member of the WTO in 2007."
    assert lines[3] == "  sources/doc.md:9  Vietnam's path to the world (2020-05-01)"
    assert lines[4].endswith("2007, after long talks.” — the claim says 2005")


def test_unverified_lists_nearest_entries_as_not_matching(corpus: Corpus) -> None:
    lines = render(corpus, "Vietnam joined NATO in 1949", top=1).splitlines()
    assert lines[0] == "UNVERIFIED  Vietnam joined NATO in 1949"
    assert lines[1] == "  No entry states this."
    assert lines[2] == "  nearest, not matching:"
    assert len(lines) == 5  # top=1: one entry, one reason
    assert lines[3].startswith("    - ")
    assert lines[4] == "      — the entry is not about “NATO”"  # why it is not a conflict comes first
    assert "sources/" not in "\n".join(lines)  # a near entry is not evidence


def test_claim_of_several_parts_shows_each_part_and_the_deciding_one(corpus: Corpus) -> None:
    lines = render(corpus, "Vietnam joined ASEAN in 1995 and the WTO in 2005").splitlines()
    assert lines[0].startswith("CONFLICTING ")
    assert "SUPPORTED   Vietnam joined ASEAN in 1995" in [line.strip() for line in lines]
    assert "CONFLICTING Vietnam joined WTO in 2005" in [line.strip() for line in lines]
    assert "  wto-membership-2007: Vietnam became a member of the WTO in 2007." in lines


def test_claims_are_separated_by_one_blank_line(corpus: Corpus) -> None:
    out = render(corpus, "Vietnam joined ASEAN on 28 July 1995", "Vietnam joined the WTO in 2007")
    blocks = out.split("\n\n")
    assert len(blocks) == 2
    assert blocks[1].startswith("SUPPORTED   Vietnam joined the WTO in 2007\n")
    assert not out.endswith("\n\n")


def test_long_lines_wrap_at_the_console_width_keeping_their_indent(corpus: Corpus) -> None:
    lines = render(corpus, "Vietnam joined ASEAN on 28 July 1995", width=40).splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert lines[0] == "SUPPORTED   Vietnam joined ASEAN on 28"
    assert lines[1] == "            July 1995"
    passage = lines[lines.index("  sources/doc.md:8  Vietnam's path to") + 2:]
    assert passage[0].startswith("    “Since") and all(line.startswith("    ") for line in passage)


def test_compared_source_figure_is_bold_in_colour(corpus: Corpus) -> None:
    out = io.StringIO()
    console = Console(file=out, width=100, color_system="standard", force_terminal=True)
    TextRenderer(corpus, console=console).print_result(corpus.checker.check("Vietnam joined ASEAN in 1997"))
    text = out.getvalue()
    assert "\x1b[1;31mCONFLICTING" in text
    assert "(\x1b[1mJuly 28, 1995\x1b[0m)" in text
    assert "the claim says \x1b[1;31m1997\x1b[0m" in text


# --- untrusted text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "shown"),
    [
        ("[bold red]x[/] Vietnam joined ASEAN", "[bold red]x[/] Vietnam joined ASEAN"),
        ("\x1b[31mred Vietnam joined ASEAN", "red Vietnam joined ASEAN"),
        ("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ Vietnam joined ASEAN", "link Vietnam joined ASEAN"),
        ("[link=http://evil]x[/link] Vietnam joined ASEAN", "[link=http://evil]x[/link] Vietnam joined ASEAN"),
        ("Vietnam\r\nFAKE joined ASEAN", "Vietnam  FAKE joined ASEAN"),
    ],
)
def test_claim_text_is_printed_literally_and_cleaned(corpus: Corpus, claim: str, shown: str) -> None:
    out = render(corpus, claim)
    first = out.splitlines()[0]
    assert first.split(None, 1)[1] == shown
    assert "\x1b" not in out and "\r" not in out


def test_markup_in_a_source_passage_is_printed_literally(corpus: Corpus) -> None:
    out = render(corpus, "Vietnam joined the WTO in 2007")
    assert "    “It later joined the WTO [bold red]in[/] 2007, after long talks.”\n" in out


def test_markup_in_a_claim_stays_literal_in_colour_too(corpus: Corpus) -> None:
    out = io.StringIO()
    console = Console(file=out, width=100, color_system="truecolor", force_terminal=True)
    TextRenderer(corpus, console=console).print_result(corpus.checker.check("[bold red]x[/] \x1b[5mVietnam joined ASEAN"))
    assert "[bold red]x[/]" in out.getvalue()
    assert "\x1b[5m" not in out.getvalue()


@pytest.mark.parametrize(
    ("raw", "one_line", "lines"),
    [
        ("plain text", "plain text", "plain text"),
        ("Việt Nam – “quoted” ’s", "Việt Nam – “quoted” ’s", "Việt Nam – “quoted” ’s"),
        ("\x1b[31mred\x1b[0m", "red", "red"),
        ("\x1b[1;38;2;255;0;0mrgb", "rgb", "rgb"),
        ("a\x1b[2Jb\x1b[Hc", "abc", "abc"),  # erase screen, cursor home
        ("\x9b31mred", "red", "red"),  # 8-bit CSI
        ("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link", "link"),  # hyperlink, ST
        ("\x1b]0;title\x07text", "text", "text"),  # window title, BEL
        ("\x9d0;title\x9ctext", "text", "text"),  # 8-bit OSC and ST
        ("\x1bPq#0;1\x1b\\x", "x", "x"),  # DCS (sixel)
        ("\x1bcreset", "reset", "reset"),  # full reset
        ("\x1b(Bascii", "ascii", "ascii"),  # charset
        ("lone \x1b escape", "lone  escape", "lone  escape"),
        ("unterminated \x1b[31", "unterminated 31", "unterminated 31"),
        ("unterminated \x1b]8;;http://x", "unterminated 8;;http://x", "unterminated 8;;http://x"),
        ("bell\x07 back\x08space nul\x00 del\x7f", "bell backspace nul del", "bell backspace nul del"),
        ("c1\x85next\x80\x9f", "c1 next", "c1\nnext"),
        ("safe\rEVIL", "safe EVIL", "safe\nEVIL"),
        ("a\r\nb", "a  b", "a\nb"),
        ("a\nb\tc", "a b c", "a\nb\tc"),
        ("line\u2028sep", "line sep", "line\nsep"),
        ("20\u202e21\u202c", "2021", "2021"),  # a bidi override would show "2012"
        ("[bold red]x[/]", "[bold red]x[/]", "[bold red]x[/]"),  # markup is not clean's business
        # GitHub Actions workflow commands: "::" starting a line, "##[" anywhere
        ("::warning::x", ": :warning: :x", ": :warning: :x"),
        ("a\n::add-mask::x", "a : :add-mask: :x", "a\n: :add-mask: :x"),
        (":::", ": : :", ": : :"),
        ("##[error]x", "# #[error]x", "# #[error]x"),
        ("###[x", "## #[x", "## #[x"),
        (":\x07:warning:\x1b[0m:x", ": :warning: :x", ": :warning: :x"),  # controls dropped first
        ("10:30, #1, [x], ## x", "10:30, #1, [x], ## x", "10:30, #1, [x], ## x"),
    ],
)
def test_clean(raw: str, one_line: str, lines: str) -> None:
    assert clean(raw) == one_line
    assert clean(raw, keep_lines=True) == lines


def test_plain_keeps_workflow_command_markers() -> None:
    """What is read as input (a claim) keeps its text; only what is printed is broken."""
    assert plain("::warning::x ##[error]y\x1b[2J\x07") == "::warning::x ##[error]y"


@pytest.mark.parametrize(
    "raw",
    ["\x1b[" + "0" * 200_000, "\x1b]" + "x" * 200_000, "\x9d" * 200_000, "\x1b[;" * 100_000, "\x1b]\x9b" * 100_000],
)
def test_clean_is_linear(raw: str) -> None:
    """CPU seconds, so that a busy machine does not fail it: quadratic would take minutes."""
    started = time.process_time()
    assert not re.search("[\x00-\x1f\x7f-\x9f]", clean(raw))
    assert time.process_time() - started < 2.0


def test_escapes_in_a_claims_file_and_source_never_reach_the_terminal(tmp_path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "bad.md").write_text(
        '---\ntitle: "\\e]8;;http://evil\\e\\\\Evil\\e]8;;\\e\\\\ [red]title[/red]"\npublished: "\\e[2J2021"\n---\n'
        "Vietnam signed the \x1b[8mhidden\x1b[0m pact in 2021.\x07\x9b2J\n",
        encoding="utf-8",
    )
    (tmp_path / "claims.yaml").write_text(
        "claims:\n"
        "  - id: pact-2021\n"
        '    statement: "Vietnam signed the \\e[31mpact in 2021 [blink]now[/blink]."\n'
        "    topic: diplomacy\n"
        "    values:\n"
        '      - {kind: date, value: "2021", text: "2021"}\n'
        "    evidence:\n"
        "      - source: bad\n"
        '        quote: "pact in 2021"\n',
        encoding="utf-8",
    )
    out = render(Corpus.load(tmp_path / "claims.yaml"), "Vietnam signed the pact in 2021")
    assert out == (
        "SUPPORTED   Vietnam signed the pact in 2021\n"
        "  the claim says 2021; the source says 2021\n"
        "  pact-2021: Vietnam signed the pact in 2021 [blink]now[/blink].\n"
        "  sources/bad.md:5  Evil [red]title[/red] (2021)\n"
        "    “Vietnam signed the hidden pact in 2021.”\n"
    )


def test_a_claim_more_precise_than_its_source_is_partly_stated():
    """Unverified, with what agreed and what the sources lack, the entry and its passage shown;
    JSON marks it partial and lists each figure compared."""
    from click.testing import CliRunner

    from factcheck.cli import cli

    text = CliRunner().invoke(cli, ["check", "Vietnam joined the WTO in January 2007."]).output
    assert text.splitlines()[:3] == [
        "UNVERIFIED  Vietnam joined the WTO in January 2007.",
        "  partly stated: the claim says January 2007; the source says only 2007: the",
        "  claim is more precise than the source",
    ]
    assert "wto-accession-2007: Vietnam joined the World Trade Organization (WTO) in 2007," in text
    out = CliRunner().invoke(cli, ["check", "--format", "json", "Vietnam joined the WTO in January 2007."]).output
    answer = json.loads(out)
    assert (answer["verdict"], answer["partial"]) == ("unverified", True)
    assert answer["matches"][0]["figures"] == [{"claim": "January 2007", "source": "2007", "agreement": "open"}]
