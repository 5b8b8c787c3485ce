"""Drafted entries written as YAML: every string reads back as itself, and entries are added
to a claims file as text, its comments and order kept."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claimsfile.claimsedit import EditError, append_entries, append_to_file
from factcheck.render.proposals import scalar

ITEM = "- id: new-entry\n  statement: New.\n"


def block(indent: int) -> str:
    return "".join(" " * indent + line + "\n" for line in ITEM.splitlines())


@given(st.text())
def test_a_string_reads_back_as_itself_in_a_block(text):
    assert yaml.safe_load(f"key: {scalar(text)}\n") == {"key": text}


@given(st.text())
def test_a_string_reads_back_as_itself_in_a_flow_collection(text):
    assert yaml.safe_load(f"key: [{scalar(text, flow=True)}, {{k: {scalar(text, flow=True)}}}]\n") == {"key": [text, {"k": text}]}


@pytest.mark.parametrize(("text", "written"), [
    ("Saigon fell on 30 April 1975.", "Saigon fell on 30 April 1975."),
    ("China (2008)", "China (2008)"),
    ("with five countries: China", '"with five countries: China"'),
    ("no", '"no"'),
    ("2008", '"2008"'),
    ("line\u2028break", '"line\\u2028break"'),
    ("a # comment", '"a # comment"'),
    ('He said "no".', 'He said "no".'),
    ("::error::x", '"\\x3a:error\\x3a:x"'),  # no workflow command in a CI log
    ("see ##[warning]x", '"see \\x23#[warning]x"'),
    ("\x1b[31mred", '"\\x1b[31mred"'),
])
def test_plain_only_where_safe(text, written):
    assert scalar(text) == written


@pytest.mark.parametrize(("before", "after"), [
    ("", "claims:\n  - id: new-entry\n    statement: New.\n"),
    ("# only a comment\n", "# only a comment\nclaims:\n  - id: new-entry\n    statement: New.\n"),
    ("claims: []\n", "claims:\n  - id: new-entry\n    statement: New.\n"),
    ("sources: sources\nclaims:\n", "sources: sources\nclaims:\n  - id: new-entry\n    statement: New.\n"),
    ("sources: s  # the folder\n", "sources: s  # the folder\nclaims:\n  - id: new-entry\n    statement: New.\n"),
    # after the last entry, its comments kept, before the next key and the comment that leads to it
    ("claims:\n  - id: a  # first\n    statement: A.\n\n# words of our own\nvocabulary:\n  restrictive: [solely]\n",
     "claims:\n  - id: a  # first\n    statement: A.\n\n  - id: new-entry\n    statement: New.\n\n# words of our own\nvocabulary:\n  restrictive: [solely]\n"),
    # a list not indented under its key
    ("claims:\n- id: a\n  statement: A.\n", "claims:\n- id: a\n  statement: A.\n\n- id: new-entry\n  statement: New.\n"),
    # no newline at the end
    ("claims:\n  - id: a\n    statement: A.", "claims:\n  - id: a\n    statement: A.\n\n  - id: new-entry\n    statement: New.\n"),
])
def test_entries_are_appended_as_text(before, after):
    assert append_entries(before, block) == after
    assert yaml.safe_load(after)["claims"][-1] == {"id": "new-entry", "statement": "New."}


@pytest.mark.parametrize(("text", "message"), [
    ("{claims: []}\n", "flow style"),
    ("claims: [{id: a}]\n", "flow style"),
    ("- a\n- b\n", "not a mapping"),
    ("claims: 3\n", "'claims' is not a list"),
    ("claims: [\n", "line"),
])
def test_what_cannot_be_appended_to_says_why(text, message):
    with pytest.raises(EditError, match=message):
        append_entries(text, block)


def test_a_file_that_is_not_utf8_is_left_as_it_was_and_named_as_every_command_names_it(tmp_path):
    path = tmp_path / "claims.yaml"
    original = "claims:\n- id: caf\u00e9\n".encode("latin-1")
    path.write_bytes(original)
    with pytest.raises(EditError, match=r"^not UTF-8 text \(invalid byte 0xe9 at offset 17, line 2\)$"):
        append_to_file(path, lambda indent: "- id: more\n")
    assert path.read_bytes() == original
