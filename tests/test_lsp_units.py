"""The language server's parts that need no editor: positions in each encoding, the sources'
figure in the writer's words, where an ignore comment goes, and what an edit costs."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, WTO_ENTRY, write_corpus
from hypothesis import given
from hypothesis import strategies as st

from factcheck.drafts.documents import read_sentences
from factcheck.drafts.fixes import figure_fixes, in_claims_words
from factcheck.engine.corpus import Corpus
from factcheck.lsp.document import Memo, check_document
from factcheck.lsp.edits import ignore_edit
from factcheck.lsp.messages import escape_markdown
from factcheck.lsp.positions import UTF8, UTF16, UTF32, Lines, Point
from factcheck.lsp.project import Projects, ServerOptions


@pytest.mark.parametrize(
    ("text", "point", "units"),
    [
        # "Điện" is 4 code points: 4 UTF-16 units, 7 UTF-8 bytes (ệ is 3 bytes, Đ 2)
        ("Điện Biên Phủ", Point(0, 4), {UTF16: 4, UTF8: 7, UTF32: 4}),
        ("a🎉b", Point(0, 2), {UTF16: 3, UTF8: 5, UTF32: 2}),
        ("河内 x", Point(0, 3), {UTF16: 3, UTF8: 7, UTF32: 3}),
        ("one\r\ntwo🎉\rthree", Point(1, 4), {UTF16: 5, UTF8: 7, UTF32: 4}),
    ],
)
def test_columns_in_each_encoding_and_back(text: str, point: Point, units: dict[str, int]) -> None:
    for encoding, expected in units.items():
        lines = Lines(text, encoding)
        assert lines.units(point) == expected
        assert lines.point(point.line, expected) == point


def test_a_client_column_inside_a_character_or_past_the_line_is_clamped() -> None:
    lines = Lines("a🎉b\nc", UTF16)
    assert lines.point(0, 2) == Point(0, 1)  # between the emoji's two units: the emoji
    assert lines.point(0, 99) == Point(0, 4 - 1)  # past the end: the end of the line
    assert lines.offset(Point(1, 0)) == len("a🎉b\n")


def test_a_bom_shifts_the_first_line_only() -> None:
    lines = Lines("\ufeffOne.\nTwo.")
    assert lines.from_factcheck(1, 1) == Point(0, 1)
    assert lines.from_factcheck(2, 1) == Point(1, 0)


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        ("43 million US dollars", "34 million US dollars", "34 million US dollars"),
        ("$43m", "34 million US dollars", "$34m"),
        ("2014", "2016", "2016"),
        ("28 July 1996", "July 28, 1995", "28 July 1995"),
        ("28 June 1995", "July 28, 1995", "July 28, 1995"),  # the month differs: the source's words
        ("forty-three million", "34 million", "34 million"),  # no digits to swap
        ("from 1950 to 1954", "1951", "1951"),  # not the same shape
    ],
)
def test_the_sources_figure_in_the_claims_words(claim: str, source: str, expected: str) -> None:
    assert in_claims_words(claim, source) == expected


def test_only_a_conflicting_figure_gets_a_fix(tmp_path: Path) -> None:
    corpus = Corpus.load(write_corpus(tmp_path, ASEAN_ENTRY + WTO_ENTRY, {"doc": PATH_TO_THE_WORLD}))
    check = corpus.checker.check
    assert [(f.found, f.replacement) for f in figure_fixes(check("Vietnam joined ASEAN on 28 July 1996."))] == [
        ("28 July 1996", "28 July 1995")]
    assert figure_fixes(check("Vietnam joined ASEAN on 28 July 1995.")) == []
    assert figure_fixes(check("Vietnam left the WTO in 2007.")) == []  # no figure in conflict


@pytest.mark.parametrize(
    ("text", "index", "markdown", "expected"),
    [
        ("One. Two. Three.", 1, True, "One. <!-- factcheck: ignore --> Two. Three."),
        ("One.\nTwo. Three.", 1, True, "One. <!-- factcheck: ignore -->\nTwo. Three."),
        ("One.\n\nTwo.", 1, True, "One.\n\n<!-- factcheck: ignore -->\nTwo."),
        ("One.\n\nTwo. Three.", 1, True, "One. <!-- factcheck: ignore -->\n\nTwo. Three."),  # not the whole block
        ("- One.\n- Two.", 1, True, "- One. <!-- factcheck: ignore -->\n- Two."),
        ("> One.\n> Two.", 1, True, "> One. <!-- factcheck: ignore -->\n> Two."),
        ("Two. Three.", 0, True, None),  # nothing before it in a block of two: no sure place
        ("Two.", 0, True, "<!-- factcheck: ignore -->\nTwo."),
        ("One. Two.", 1, False, "One. <!-- factcheck: ignore --> Two."),
        ("One.\n\nTwo. Three.", 1, False, "One.\n\n<!-- factcheck: ignore -->\nTwo. Three."),  # plain text has no HTML blocks
    ],
)
def test_the_ignore_comment_goes_where_the_scan_skips_that_sentence_alone(
    text: str, index: int, markdown: bool, expected: str | None
) -> None:
    sentences = read_sentences(text, markdown=markdown)
    edit = ignore_edit(Lines(text), markdown, sentences, index)
    changed = None if edit is None else text[: edit.start] + edit.text + text[edit.end :]
    assert changed == expected
    if changed is not None:
        assert [s.text for s in read_sentences(changed, markdown=markdown)] == [
            s.text for i, s in enumerate(sentences) if i != index]


def test_markdown_is_escaped_and_kept_on_one_line() -> None:
    assert escape_markdown("[x](y) <b>*\n# z") == "\\[x\\]\\(y\\) \\<b\\>\\* \\# z"


def test_an_edit_rechecks_only_the_sentences_it_touched(tmp_path: Path) -> None:
    write_corpus(tmp_path, ASEAN_ENTRY + WTO_ENTRY, {"doc": PATH_TO_THE_WORLD})
    project, _ = Projects(ServerOptions()).for_folder(tmp_path)
    memo = Memo()
    text = "Intro. Vietnam joined ASEAN on 28 July 1996. Middle. It joined the WTO in 2007. End.\n"
    first = check_document(project.scan, "d.md", text, True, memo)
    assert first.rechecked == 5 and [f.sentence.text for f in first.findings] == ["Vietnam joined ASEAN on 28 July 1996."]
    # a sentence added at the top: the rest moved, and only it and the one after it are checked again
    second = check_document(project.scan, "d.md", "New. " + text, True, memo)
    assert second.rechecked == 2
    assert [(f.sentence.text, f.sentence.column) for f in second.findings] == [("Vietnam joined ASEAN on 28 July 1996.", 13)]
    assert check_document(project.scan, "d.md", text, True, memo, cancelled=lambda: True) is None


def test_a_project_is_loaded_again_when_a_source_changes(tmp_path: Path) -> None:
    write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    projects = Projects(ServerOptions())
    first, _ = projects.for_folder(tmp_path)
    assert projects.for_folder(tmp_path)[0] is first
    (tmp_path / "sources" / "doc.md").write_text(PATH_TO_THE_WORLD + "\nOne more line.\n", encoding="utf-8")
    assert projects.for_folder(tmp_path)[0] is not first


@given(st.text(alphabet=st.sampled_from(list("ab \n\r\u2028\x0cĐệ河🎉")), max_size=40))
def test_every_position_round_trips_in_every_encoding(text: str) -> None:
    """Offset → point → client units → point → offset is the identity, whatever the text."""
    for encoding in (UTF8, UTF16, UTF32):
        lines = Lines(text, encoding)
        for offset in range(len(text) + 1):
            if offset and text[offset - 1] == "\r" and text[offset : offset + 1] == "\n":
                continue  # between the two characters of one line break: no LSP position
            point = lines.point_at(offset)
            assert lines.offset(lines.point(point.line, lines.units(point))) == offset


def test_show_comes_from_the_settings_file_as_in_scan(tmp_path: Path) -> None:
    write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    (tmp_path / ".factcheck.yaml").write_text("show: [unverified]\n", encoding="utf-8")
    project, _ = Projects(ServerOptions()).for_folder(tmp_path / "drafts" / "deeper")
    assert project.scan.show == {"unverified"}
    assert project.claims_path == (tmp_path / "claims.yaml").resolve()
    assert Projects(ServerOptions(show=("supported",))).for_folder(tmp_path)[0].scan.show == {"supported"}
