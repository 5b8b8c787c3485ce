"""factcheck.claimsfile.yamlfile: what load makes of a YAML document, as a table.

Each document's expected outcome was recorded from the loader that composed PyYAML's whole
node tree before building anything; the loader built from the parser's events must give the
same, to the line and column, except that tags, anchors and aliases are refused where they
stand, with the reason. Data is shown with its lines: {L| key@K: value} is a LineDict
that begins on line L with a key on line K, [L| ...] a LineList.
"""

from __future__ import annotations

import tracemalloc
from typing import NamedTuple

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.scanner import ScannerError

from factcheck.claimsfile import yamlfile
from factcheck.claimsfile.yamlfile import LineDict, LineList, YamlError, load

BILLION_LAUGHS = (
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    + "".join(f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))
    + "claims: *i\n"
)


class Loaded(NamedTuple):
    data: str  # as shown()
    problems: list[tuple[int, int, str]]


class Refused(NamedTuple):
    line: int
    column: int
    message: str


def outcome(text: str) -> Loaded | Refused:
    try:
        data, problems = load(text)
    except YamlError as error:
        return Refused(error.problem.line, error.problem.column, error.problem.message)
    return Loaded(shown(data), [(p.line, p.column, p.message) for p in problems])


def shown(value: object) -> str:
    """The data with its lines; sets in a stable order."""
    if isinstance(value, LineDict):
        return "{%d| %s}" % (value.line, ", ".join(f"{shown(k)}@{value.key_lines[k]}: {shown(v)}" for k, v in value.items()))
    if isinstance(value, LineList):
        return "[%d| %s]" % (value.line, ", ".join(shown(v) for v in value))
    if isinstance(value, set):
        return "{%s}" % ", ".join(sorted(shown(v) for v in value))
    if isinstance(value, list):
        return "[%s]" % ", ".join(shown(v) for v in value)
    if isinstance(value, tuple):
        return "(%s)" % ", ".join(shown(v) for v in value)
    return repr(value)


DOCUMENTS = [
    # scalars resolve as PyYAML's SafeLoader resolves them (YAML 1.1)
    pytest.param("a: 1\nb: [x, {c: 2}]\n", Loaded("{1| 'a'@1: 1, 'b'@2: [2| 'x', {2| 'c'@2: 2}]}", []), id='plain mapping'),
    pytest.param('[~, null, Null, NULL, \'\', "", nul]', Loaded(data="[1| None, None, None, None, '', '', 'nul']", problems=[]), id='nulls'),
    pytest.param("a:\nb:\nc: [x, ]\n", Loaded("{1| 'a'@1: None, 'b'@2: None, 'c'@3: [3| 'x']}", []), id='empty values'),
    pytest.param("[yes, Yes, YES, no, No, NO, true, True, TRUE, false, False, FALSE, on, On, ON, off, Off, OFF, y, n, Y, N, yEs]", Loaded("[1| True, True, True, False, False, False, True, True, True, False, False, False, True, True, True, False, False, False, 'y', 'n', 'Y', 'N', 'yEs']", []), id='bools'),
    pytest.param("[0, -0, +12, 012, 0o17, 0b1010, -0b11, 0x1F, 0xff_ff, 1_000, 190:20:30, -1:30, 08, 09, 0_7]", Loaded("[1| 0, 0, 12, 10, '0o17', 10, -3, 31, 65535, 1000, 685230, -90, '08', '09', 7]", []), id='ints'),
    pytest.param("[1.5, -.5, +.5, 1e3, 1.0e+3, 6.8523015e+5, 685.230_15e+03, 190:20:30.15, .inf, -.Inf, +.INF, 1., 1_0.5, 0.1e-2]", Loaded("[1| 1.5, '-.5', '+.5', '1e3', 1000.0, 685230.15, 685230.15, 685230.15, inf, -inf, inf, 1.0, 10.5, 0.001]", []), id='floats'),
    pytest.param("x: .NaN", Loaded("{1| 'x'@1: nan}", []), id='not a number'),
    pytest.param("a: 1.0e+400", Loaded("{1| 'a'@1: inf}", []), id='a float too large is infinite'),
    pytest.param("[2001-12-14, 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10 -5, 2001-12-15T02:59:43.1Z, 2002-12-14 12:00:00, 2001-1-2, 2001-12-14 21:59:43.1234567]", Loaded("[1| datetime.date(2001, 12, 14), datetime.datetime(2001, 12, 14, 21, 59, 43, 100000, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400))), datetime.datetime(2001, 12, 14, 21, 59, 43, 100000, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400))), datetime.datetime(2001, 12, 15, 2, 59, 43, 100000, tzinfo=datetime.timezone.utc), datetime.datetime(2002, 12, 14, 12, 0), '2001-1-2', datetime.datetime(2001, 12, 14, 21, 59, 43, 123456)]", []), id='timestamps'),
    pytest.param("- '1'\n- \"yes\"\n- '~'\n- \"2001-12-14\"\n- '0x1F'\n- \"1.5\"\n- |\n  1\n- >-\n  true\n", Loaded("[1| '1', 'yes', '~', '2001-12-14', '0x1F', '1.5', '1\\n', 'true']", []), id='quoted and block scalars are strings'),
    pytest.param("a: |\n  line 1\n  line 2\nb: >\n  folded\n  text\n\nc: |-\n  x\n", Loaded("{1| 'a'@1: 'line 1\\nline 2\\n', 'b'@4: 'folded text\\n', 'c'@8: 'x'}", []), id='block scalars'),
    pytest.param("a: \"\\u00e9\\U0001F600\\x41\\t\"\nb: x\ty\n", Loaded("{1| 'a'@1: 'é😀A\\t', 'b'@2: 'x\\ty'}", []), id='escapes'),
    pytest.param("a: 1\n<<: {b: 2}\n", Refused(2, 1, "YAML error: could not determine a constructor for the tag 'tag:yaml.org,2002:merge'"), id='a merge key is refused'),
    pytest.param("a: =", Refused(1, 4, "YAML error: could not determine a constructor for the tag 'tag:yaml.org,2002:value'"), id='a value key is refused'),
    # explicit tags construct as the SafeConstructor does
    pytest.param("a: !!binary aGVsbG8=\nb: !!binary |\n  aGVs\n  bG8=\nc: !!binary \"$$\"\n", Refused(1, 4, 'YAML tag !!binary is not allowed: a factcheck file holds plain mappings, lists and values'), id='binary'),
    pytest.param("!!set {a, b, ? c}", Refused(1, 1, 'YAML tag !!set is not allowed: a factcheck file holds plain mappings, lists and values'), id='set'),
    pytest.param("!!omap [{a: 1}, {b: 2}, {a: 3}]", Refused(1, 1, 'YAML tag !!omap is not allowed: a factcheck file holds plain mappings, lists and values'), id='omap'),
    pytest.param("x: !!pairs [{a: 1}, {a: [2]}, {[1]: 3}]", Refused(1, 4, 'YAML tag !!pairs is not allowed: a factcheck file holds plain mappings, lists and values'), id='pairs'),
    pytest.param("a: !foo 1", Refused(1, 4, 'YAML tag !foo is not allowed: a factcheck file holds plain mappings, lists and values'), id='an unknown tag'),
    pytest.param("a: !foo [1]", Refused(1, 4, 'YAML tag !foo is not allowed: a factcheck file holds plain mappings, lists and values'), id='an unknown tag on a list'),
    pytest.param("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n", Refused(3, 4, 'YAML tag !<tag:example.com,2000:x> is not allowed: a factcheck file holds plain mappings, lists and values'), id='a tag directive'),
    pytest.param("!<tag:yaml.org,2002:value> [1]", Refused(1, 1, 'YAML tag !!value is not allowed: a factcheck file holds plain mappings, lists and values'), id='value tag on a list'),
    pytest.param("- !!python/object/apply:os.system [echo]", Refused(1, 3, 'YAML tag !!python/object/apply:os.system is not allowed: a factcheck file holds plain mappings, lists and values'), id='python tags are unknown'),
    # duplicate and unhashable keys are problems: the later one is skipped, its value never built
    pytest.param("a: 1\nb: 2\na: 3\n", Loaded("{1| 'a'@1: 1, 'b'@2: 2}", [(3, 1, "duplicate key 'a' (first on line 1)")]), id='duplicate key'),
    pytest.param("a:\n  b: 1\n  b: 2\nc: {d: 1, d: 2}\n", Loaded("{1| 'a'@1: {2| 'b'@2: 1}, 'c'@4: {4| 'd'@4: 1}}", [(3, 3, "duplicate key 'b' (first on line 2)"), (4, 11, "duplicate key 'd' (first on line 4)")]), id='nested duplicates'),
    pytest.param("1: a\n1.0: b\ntrue: c\n~: d\nnull: e\n", Loaded("{1| 1@1: 'a', None@4: 'd'}", [(2, 1, 'duplicate key 1.0 (first on line 1)'), (3, 1, 'duplicate key True (first on line 1)'), (5, 1, 'duplicate key None (first on line 4)')]), id='keys equal across types'),
    pytest.param("{a: 1, a: 2, b: 3}", Loaded("{1| 'a'@1: 1, 'b'@1: 3}", [(1, 8, "duplicate key 'a' (first on line 1)")]), id='duplicates in flow'),
    pytest.param("a: 1\na: {b: 1, b: 2}\n", Loaded("{1| 'a'@1: 1}", [(2, 1, "duplicate key 'a' (first on line 1)")]), id="problems in a duplicate's value are not reported"),
    pytest.param('a: 1\na: 2020-02-30\n', Loaded(data="{1| 'a'@1: 1}", problems=[(2, 1, "duplicate key 'a' (first on line 1)")]), id="errors in a duplicate's value are not raised"),
    pytest.param('a: 1\na: 99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999\n', Loaded(data="{1| 'a'@1: 1}", problems=[(2, 1, "duplicate key 'a' (first on line 1)")]), id="a bad int in a duplicate's value is not read"),
    pytest.param('{a: 1, a: 2, b: 2020-02-30}', Refused(1, 17, "YAML error: '2020-02-30' is not a valid timestamp"), id='an error after a duplicate'),
    pytest.param('a: 1\na: {b: 1, b: 2}\nc: {b: 1, b: 2}\n', Loaded(data="{1| 'a'@1: 1, 'c'@3: {3| 'b'@3: 1}}", problems=[(2, 1, "duplicate key 'a' (first on line 1)"), (3, 11, "duplicate key 'b' (first on line 3)")]), id="problems in a duplicate's value are not reported, elsewhere they are"),
    pytest.param("- {a: 1, a: 2}\n- {a: 1, a: 2}\n", Loaded("[1| {1| 'a'@1: 1}, {2| 'a'@2: 1}]", [(1, 10, "duplicate key 'a' (first on line 1)"), (2, 10, "duplicate key 'a' (first on line 2)")]), id='duplicates in each item'),
    pytest.param("{[1]: 2, a: 1}", Loaded("{1| 'a'@1: 1}", [(1, 2, 'a mapping key must be a plain value')]), id='a list key'),
    pytest.param("? [1, 2]\n: x\n? {a: 1}\n: y\nb: 1\n", Loaded("{1| 'b'@5: 1}", [(1, 3, 'a mapping key must be a plain value'), (3, 3, 'a mapping key must be a plain value')]), id='complex keys'),
    pytest.param("? {a: 1, a: 2}\n: x\n", Loaded('{1| }', [(1, 10, "duplicate key 'a' (first on line 1)"), (1, 3, 'a mapping key must be a plain value')]), id='a duplicate inside an unhashable key'),
    pytest.param('2001-12-14: d\n1.5: f\n', Loaded(data="{1| datetime.date(2001, 12, 14)@1: 'd', 1.5@2: 'f'}", problems=[]), id='hashable keys of other types'),
    # anchors and aliases: an alias is the object its anchor built
    pytest.param("a: &x 1\nb: *x\nc: &m {k: v}\nd: *m\ne: &s [1, 2]\nf: *s\n", Refused(1, 4, 'YAML anchor &x is not allowed: write the value out where it is used'), id='anchors'),
    pytest.param("a: &k key\n*k : v\n", Refused(1, 4, 'YAML anchor &k is not allowed: write the value out where it is used'), id='an alias key stands where its anchor is'),
    pytest.param("&a {k: *a}", Refused(1, 1, 'YAML anchor &a is not allowed: write the value out where it is used'), id='an alias of its own collection'),
    pytest.param("a: *x", Refused(1, 4, 'YAML alias *x is not allowed: write the value out where it is used'), id='an undefined alias'),
    # documents: one, or none
    pytest.param("", Loaded('None', []), id='empty'),
    pytest.param("# only a comment\n\n", Loaded('None', []), id='only a comment'),
    pytest.param("---\n", Loaded('None', []), id='an empty explicit document'),
    pytest.param("---\n...\n", Loaded('None', []), id='an explicit document end'),
    pytest.param("---\na: 1\n...\n", Loaded("{2| 'a'@2: 1}", []), id='one explicit document'),
    pytest.param("--- !!str\n", Refused(1, 5, 'YAML tag !!str is not allowed: a factcheck file holds plain mappings, lists and values'), id='an empty document with a tag'),
    pytest.param("a: 1\n---\nb: 2\n", Refused(2, 1, 'YAML syntax error: but found another document'), id='two documents'),
    pytest.param('a: 2020-02-30\n---\nb: 2\n', Refused(2, 1, 'YAML syntax error: but found another document'), id='a second document before an error in the first'),
    pytest.param("a: 1\n--- [\n", Refused(2, 1, 'YAML syntax error: but found another document'), id='a second document before its syntax error'),
    pytest.param("a: 1\n...\n---\n", Refused(3, 1, 'YAML syntax error: but found another document'), id='a second document after an end'),
    pytest.param("a: 1\n...\nb: [\n", Refused(3, 1, 'YAML syntax error: did not find expected <document start>'), id='content after a document end'),
    pytest.param("a: &x 1\n---\nb: &x 2\n", Refused(1, 4, 'YAML anchor &x is not allowed: write the value out where it is used'), id='a duplicate anchor across documents'),
    # syntax errors, with their position
    pytest.param("a: [1, 2", Refused(2, 1, "YAML syntax error: did not find expected ',' or ']'"), id='unclosed flow list'),
    pytest.param("a: b: c", Refused(1, 5, 'YAML syntax error: mapping values are not allowed in this context'), id='nested mapping on one line'),
    pytest.param("- a\nb: c\n", Refused(2, 1, "YAML syntax error: did not find expected '-' indicator"), id='list then mapping'),
    pytest.param("claims:\n\t- id: x\n", Refused(2, 1, 'YAML syntax error: found character that cannot start any token'), id='a tab indent'),
    pytest.param("a: \"unterminated", Refused(1, 17, 'YAML syntax error: found unexpected end of stream'), id='unterminated double quote'),
    pytest.param("a: 'x", Refused(1, 6, 'YAML syntax error: found unexpected end of stream'), id='unterminated single quote'),
    pytest.param("claims:\n  - id: [unclosed\n", Refused(3, 1, "YAML syntax error: did not find expected ',' or ']'"), id='unclosed in a claims file'),
    pytest.param("a: *", Refused(1, 5, 'YAML syntax error: did not find expected alphabetic or numeric character'), id='an empty alias'),
    pytest.param("a: &", Refused(1, 5, 'YAML syntax error: did not find expected alphabetic or numeric character'), id='an empty anchor'),
    pytest.param("a: !<> x", Refused(1, 6, 'YAML syntax error: did not find expected tag URI'), id='an empty verbatim tag'),
    pytest.param("%YAML 2.0\n---\na: 1\n", Refused(1, 1, 'YAML syntax error: found incompatible YAML document'), id='YAML 2.0'),
    pytest.param("%FOO bar\n---\na: 1\n", Refused(1, 5, 'YAML syntax error: found unknown directive name'), id='an unknown directive'),
    pytest.param("a: \"\\q\"", Refused(1, 5, 'YAML syntax error: found unknown escape character'), id='an unknown escape'),
    pytest.param("a: \"\\ud800\"", Refused(1, 7, 'YAML syntax error: found invalid Unicode character escape code'), id='a surrogate escape'),
    pytest.param("a:\n  b: 1\n c: 2\n", Refused(3, 2, 'YAML syntax error: did not find expected key'), id='bad indentation'),
    pytest.param("a: 1\n\ufeffb: 2\n", Refused(2, 2, 'YAML syntax error: did not find expected key'), id='a BOM inside'),
    pytest.param("a: [, ]\n", Refused(1, 5, 'YAML syntax error: did not find expected node content'), id='an empty flow item'),
    pytest.param('a: 2020-02-30\nb: [\n', Refused(3, 1, 'YAML syntax error: did not find expected node content'), id='a syntax error after an error constructing'),
    pytest.param("a: 1\na: 2\nb: [\n", Refused(4, 1, 'YAML syntax error: did not find expected node content'), id='a syntax error after a duplicate'),
    pytest.param("a: " + "9" * 1001 + "\nb: [\n", Refused(3, 1, 'YAML syntax error: did not find expected node content'), id='a syntax error after a huge int'),
    # limits: refused before anything large is built; no alias can repeat anything
    pytest.param(BILLION_LAUGHS, Refused(1, 4, 'YAML anchor &a is not allowed: write the value out where it is used'), id='billion laughs'),
    pytest.param("claims:\n" + "- " * 100_000 + "x\n", Refused(2, 63, 'YAML nested more than 32 levels deep: refused'), id='deep block'),
    pytest.param("[" * 32 + "]" * 32, Loaded('[1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| [1| ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]', []), id='32 deep'),
    pytest.param("[" * 33 + "]" * 33, Refused(1, 33, 'YAML nested more than 32 levels deep: refused'), id='33 deep'),
    pytest.param("a: [\n" + BILLION_LAUGHS, Refused(2, 4, 'YAML anchor &a is not allowed: write the value out where it is used'), id='an anchor before a syntax error'),
    pytest.param('q: 2020-02-30\na: &a [lol]\n', Refused(2, 4, 'YAML anchor &a is not allowed: write the value out where it is used'), id='an anchor after an error constructing'),
    pytest.param("a: *x\nb: " + "[" * 40 + "]" * 40 + "\n", Refused(1, 4, 'YAML alias *x is not allowed: write the value out where it is used'), id='an alias before deep nesting'),
    pytest.param("claims: " + "9" * 5000 + "\n", Refused(1, 9, 'YAML error: an integer of more than 1000 characters'), id='5000 digits'),
    pytest.param("a: " + "1" * 1000 + "\n", Loaded("{1| 'a'@1: 1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111}", []), id='1000 digits'),
    pytest.param("a: " + "1" * 1001 + "\n", Refused(1, 4, 'YAML error: an integer of more than 1000 characters'), id='1001 digits'),
    # characters
    pytest.param("claims: [1, 2]\n\x00\n", Refused(2, 1, 'YAML error: unacceptable character #x0000: control characters are not allowed'), id='NUL'),
    pytest.param("é: [ü, 2]\nb: x\x00\n", Refused(2, 5, 'YAML error: unacceptable character #x0000: control characters are not allowed'), id='NUL after accented letters'),
    pytest.param("a: \"x\x07\"\n", Refused(1, 6, 'YAML error: unacceptable character #x0007: control characters are not allowed'), id='BEL in quotes'),
    pytest.param("\x00", Refused(1, 1, 'YAML error: unacceptable character #x0000: control characters are not allowed'), id='NUL alone'),
    pytest.param("a: \ufffe\n", Refused(1, 4, 'YAML error: unacceptable character #xfffe: control characters are not allowed'), id='a non-character'),
    pytest.param("\ufeffa: 1\n", Loaded("{1| 'a'@1: 1}", []), id='a leading BOM'),
    pytest.param("a: x\x85y\nb: x\u2028y\n", Refused(3, 1, "YAML syntax error: could not find expected ':'"), id='NEL and line separator'),
    pytest.param("a: 1\r\nb:\r\n  - 2\r\n", Loaded("{1| 'a'@1: 1, 'b'@2: [3| 2]}", []), id='CRLF'),
    # lines of keys and collections
    pytest.param("a: 1\n\nb:\n  c: 2\n\n  d: [1,\n    2]\ne:\n- f: 1\n  g: 2\n", Loaded("{1| 'a'@1: 1, 'b'@3: {4| 'c'@4: 2, 'd'@6: [6| 1, 2]}, 'e'@8: [9| {9| 'f'@9: 1, 'g'@10: 2}]}", []), id='lines'),
    pytest.param("? a\n: 1\n?\n  b\n: 2\n", Loaded("{1| 'a'@1: 1, 'b'@4: 2}", []), id='explicit keys'),
    pytest.param("{a: 1,\n b: 2,\n c: {d: 3,\n  e: 4}}", Loaded("{1| 'a'@1: 1, 'b'@2: 2, 'c'@3: {3| 'd'@3: 3, 'e'@4: 4}}", []), id='flow mapping lines'),
    pytest.param("claims:\n  - id: x\n    values:\n      - {kind: date, value: 1995-07-28, text: x}\n", Loaded("{1| 'claims'@1: [2| {2| 'id'@2: 'x', 'values'@3: [4| {4| 'kind'@4: 'date', 'value'@4: datetime.date(1995, 7, 28), 'text'@4: 'x'}]}]}", []), id='a claims entry'),
]


@pytest.mark.parametrize("text, expected", DOCUMENTS)
def test_a_document_loads_or_is_refused_as_recorded(text: str, expected: Loaded | Refused) -> None:
    assert outcome(text) == expected


# Deeper than libyaml's own limit (1,000 levels, in PyYAML's wheels since 6.0.4): which parser
# refuses first, and at which column, depends on the PyYAML installed; the refusal is ours.
DEEP_FLOW = "claims: " + "[" * 100_000 + "]" * 100_000 + "\n"


@pytest.mark.parametrize("pure_python", [False, True], ids=["installed parser", "pure-Python parser"])
def test_deep_flow_nesting_is_refused_in_our_words(monkeypatch, pure_python: bool) -> None:
    if pure_python:
        monkeypatch.setattr(yamlfile, "_Base", yaml.SafeLoader)
    refused = outcome(DEEP_FLOW)
    assert isinstance(refused, Refused)
    assert (refused.line, refused.message) == (1, "YAML nested more than 32 levels deep: refused")


def test_the_parser_refusing_deep_nesting_itself_is_our_refusal(monkeypatch) -> None:
    """As libyaml 0.2.6 words it; at the place the parser gave up."""

    class Refusing(yaml.SafeLoader):
        def get_event(self):
            mark = yaml.Mark("<unicode string>", 1007, 0, 1007, None, None)
            raise ScannerError("while increasing flow level", mark, "exceeded maximum nesting depth", mark)

    monkeypatch.setattr(yamlfile, "_Base", Refusing)
    assert outcome("claims: []\n") == Refused(1, 1008, "YAML nested more than 32 levels deep: refused")


# Where the pure-Python parser words a syntax error, or reads the text, its own way.
PARSER_OWN_WAY = {
    "empty values", "content after a document end", "unclosed flow list", "nested mapping on one line", "list then mapping",
    "a tab indent", "unclosed in a claims file", "an empty alias", "an empty anchor", "an empty verbatim tag", "YAML 2.0",
    "an unknown directive", "an unknown escape", "a surrogate escape", "bad indentation", "a BOM inside", "an empty flow item",
    "a syntax error after an error constructing", "a syntax error after a duplicate", "a syntax error after a huge int",
    "an anchor before a syntax error", "NUL", "NUL after accented letters", "BEL in quotes", "NUL alone", "a non-character",
    "escapes",
}


@pytest.mark.parametrize("text, expected", [p for p in DOCUMENTS if p.id not in PARSER_OWN_WAY])
def test_without_libyaml_documents_load_the_same(monkeypatch, text: str, expected: Loaded | Refused) -> None:
    monkeypatch.setattr(yamlfile, "_Base", yaml.SafeLoader)
    assert outcome(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # PyYAML's constructors trust the value: these escaped the loader as a ValueError,
        # KeyError, IndexError or AttributeError, an "internal error" for the user
        pytest.param("a: 2020-02-30", Refused(1, 4, "YAML error: '2020-02-30' is not a valid timestamp"), id="30 February"),
        pytest.param("a: 2020-13-01", Refused(1, 4, "YAML error: '2020-13-01' is not a valid timestamp"), id="month 13"),
    ],
)
def test_what_the_node_tree_loader_got_wrong(text: str, expected: Refused) -> None:
    assert outcome(text) == expected


def test_equal_strings_are_one_object() -> None:
    data, _ = load("- {kind: count, text: ten}\n- {kind: count, text: ten}\n")
    assert data[0]["text"] is data[1]["text"]
    assert next(iter(data[0])) is next(iter(data[1])) is next(iter(data[0].key_lines))


TEXT = st.characters(codec="utf-8", exclude_characters="\x85\u2028\u2029")  # PyYAML writes these line breaks bare in a key, to read back as a space
PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**50), 10**50) | st.floats(allow_nan=False) | st.text(TEXT),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(TEXT, max_size=10), inner, max_size=5),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(PLAIN, st.booleans(), st.booleans())
def test_what_safe_dump_writes_loads_back(data: object, flow: bool, unicode: bool) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=unicode)
    assert load(text) == (data, [])


def test_loading_holds_little_beyond_what_it_returns() -> None:
    """No tree of nodes first: the peak is what is built, and the text the parser reads."""
    text = "claims:\n" + "".join(
        f"  - id: entry-{i}\n    statement: Entry {i} is about {i} things.\n    topic: aid\n    parties: [Vietnam, China]\n"
        f"    values:\n      - {{kind: count, value: {i}, text: '{i}'}}\n    evidence:\n      - {{source: doc, quote: \"quote {i}\"}}\n"
        for i in range(3000)
    )
    tracemalloc.start()
    try:
        data, _ = load(text)
        built, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(data["claims"]) == 3000
    assert peak < 1.5 * built
