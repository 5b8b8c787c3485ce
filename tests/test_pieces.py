"""A large claims file parsed in pieces (claimsfile/pieces.py, build.parse_in_parallel): the
same claims file as parsed whole, positions and all, or, for anything unusual or wrong, the
file parsed whole, with the same problems reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.claimsfile import pieces
from factcheck.claimsfile.claims import ClaimsError, parse_claims
from factcheck.engine import build, processes
from factcheck.engine.corpus import bundled_claims

BUNDLED = bundled_claims().read_text(encoding="utf-8")


def in_pieces(text: str, size: int = 25):
    """The file as read from its pieces, here; None where it would be parsed whole."""
    path = Path("claims.yaml")
    split = pieces.split(text)
    read = pieces.skeleton_read(split, path) if split else None
    return pieces.joined(read, [pieces.parse_piece(text, p) for p in split.cut(text, size)], path) if split and read else None


def outdented(text: str) -> str:
    """The bundled file with its items at the start of lines, as PyYAML writes them."""
    head, items = text.split("\nclaims:\n", 1)
    return head + "\nclaims:\n" + "\n".join(line[2:] if line.startswith("  ") else line for line in items.split("\n"))


@pytest.mark.parametrize("text", [BUNDLED, outdented(BUNDLED), BUNDLED.replace("\nclaims:\n", "\nclaims:  # the facts\n\n# first\n")
                                  + "vocabulary:\n  equivalents: []\n"], ids=["indented", "outdented", "comments and a key after"])
def test_the_pieces_make_the_file_parsed_whole(text):
    whole = parse_claims(text, Path("claims.yaml"))
    got = in_pieces(text)
    assert got == whole and len(got.entries) > 200
    assert [(e.line, [ev.line for ev in e.evidence]) for e in got.entries] == [(e.line, [ev.line for ev in e.evidence]) for e in whole.entries]


def first_item(text: str, of: str) -> str:
    """`text` with the `of` of the 100th item's first line as the only change."""
    at = pieces.split(text).items[100]
    end = text.index("\n", at)
    return text[:at] + text[at:end].replace("id: ", of, 1) + text[end:]


@pytest.mark.parametrize("change", [
    lambda t: first_item(t, "id: &a "),  # an anchor
    lambda t: first_item(t, "id: [x] #"),  # a wrong type
    lambda t: first_item(t, "idd: "),  # an unknown key
    lambda t: first_item(t, "id: fall-of-saigon-30-april-1975 #"),  # a duplicate id
    lambda t: first_item(t, "id: 'broken "),  # a syntax error
    lambda t: t.replace("\nclaims:\n", "\nclaims: [\n", 1),  # flow style
    lambda t: t + "claims: []\n",  # a second claims key
], ids=["anchor", "type", "key", "duplicate id", "syntax", "flow", "two claims keys"])
def test_anything_unusual_or_wrong_is_parsed_whole(change):
    text = change(BUNDLED)
    assert in_pieces(text) is None
    with pytest.raises(ClaimsError):
        parse_claims(text, Path("claims.yaml"))


@pytest.mark.skipif(not processes.can_fork(), reason="the pieces are parsed by forked workers")
def test_a_wrong_file_parsed_in_parallel_reports_what_the_whole_file_does(monkeypatch):
    monkeypatch.setattr(build, "MIN_ENTRIES", 0)
    monkeypatch.setattr(build, "CHUNK", 40)
    monkeypatch.setattr(build, "available_cpus", lambda: 2)
    path = Path("claims.yaml")
    assert build.parse_in_parallel(BUNDLED, path) == parse_claims(BUNDLED, path)
    wrong = first_item(BUNDLED, "id: fall-of-saigon-30-april-1975 #")
    with pytest.raises(ClaimsError) as whole:
        parse_claims(wrong, path)
    with pytest.raises(ClaimsError) as parallel:
        build.parse_in_parallel(wrong, path)
    assert str(parallel.value) == str(whole.value) and ":" in str(whole.value)
