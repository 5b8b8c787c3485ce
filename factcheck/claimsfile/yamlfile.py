"""Safe YAML loading that keeps line numbers and refuses what PyYAML would silently accept.

PyYAML keeps the last of two duplicate keys, expands aliases without limit and crashes on
deep nesting; a claims file edited in a pull request deserves better: duplicates are reported
with their line, and deep nesting is refused before anything is built.

A factcheck file is plain mappings, lists and values, so tags (!!omap, !!set, !!binary...)
and anchors and aliases are refused, each with the place and the reason: none of factcheck's
files needs them, an alias bomb cannot happen without them, and supporting them as PyYAML does
took more code than all the rest.

Objects are built straight from the parser's events, in one pass: PyYAML's own loader first
composes the whole document as a tree of nodes, several times the size of what it then builds.
Scalars resolve and construct as PyYAML's SafeLoader does, with its resolver and constructors,
and fail with its messages (a value its constructors choke on is an error at the value, not an
exception). The value of a duplicate key is skipped, never built, as PyYAML never builds it.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import NoReturn, Protocol

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import Node, ScalarNode

_Base: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
try:  # the C parser is several times faster on large files
    _Base = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader
# _MARK_TWINS: libyaml's marks are twins of PyYAML's (index, line, column, snippet), which PyYAML's
# errors and nodes take; its stubs name PyYAML's alone, so those arguments are `type: ignore`d.

MAX_DEPTH = 32  # a claims file nests 8 deep
TOO_DEEP = f"YAML nested more than {MAX_DEPTH} levels deep: refused"
# libyaml 0.2.6 (in PyYAML's wheels since 6.0.4) refuses nesting past 1,000 levels itself, and
# its scanner, reading ahead, can get there before the parser hands over the 33rd level: that
# refusal is ours too, said in our words, whichever PyYAML is installed.
_PARSER_TOO_DEEP = "maximum nesting depth"
MAX_INT_CHARS = 1000

_STR, _INT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int"
_YAML_TAG = "tag:yaml.org,2002:"
PLAIN_ONLY = "a factcheck file holds plain mappings, lists and values"
WRITE_OUT = "write the value out where it is used"


class Mark(Protocol):
    """A place in the text (0-based), as PyYAML's marks and libyaml's (their twins) both give it."""

    index: int
    line: int
    column: int


class _Loader(Protocol):
    """What the builder asks of a loader: SafeLoader, or CSafeLoader, its twin."""

    def get_event(self) -> Event | None: ...  # None only past the stream's end

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str: ...

    def construct_document(self, node: Node) -> object: ...


class LineDict(dict):
    """A mapping that remembers the line and column of each key (1-based) and its own."""

    __slots__ = ("line", "column", "marks")  # a claims file holds a million of them
    line: int
    column: int
    marks: array  # each key's line and column, two numbers a key, in the order of the keys: not two dicts a mapping

    def position(self, key: object) -> tuple[int, int]:
        """Where `key` is written; where the mapping starts, for a key it does not have."""
        for i, k in enumerate(self):
            if k == key:
                return self.marks[2 * i], self.marks[2 * i + 1]
        return self.line, self.column

    @property
    def key_lines(self) -> dict:
        """Each key's line."""
        return {k: self.marks[2 * i] for i, k in enumerate(self)}


class LineList(list):
    """A list that remembers its line and column, and each item's (in `marks`, two numbers an item)."""

    __slots__ = ("line", "column", "marks")
    line: int
    column: int
    marks: array

    def position(self, i: int) -> tuple[int, int]:
        if 2 * i + 1 < len(self.marks):
            return self.marks[2 * i], self.marks[2 * i + 1]
        return self.line, self.column


@dataclass(frozen=True)
class YamlProblem:
    line: int
    column: int
    message: str


class YamlError(Exception):
    def __init__(self, problem: YamlProblem):
        super().__init__(problem.message)
        self.problem = problem


def load(text: str, lines_before: int = 0) -> tuple[object, list[YamlProblem]]:
    """Parse YAML text; raise YamlError on a syntax error, return soft problems beside the data.
    `lines_before`: where the text is a piece of a file (claimsfile/pieces.py), the lines before
    it, so that the data's positions are the file's; errors place themselves in the piece, and
    are reported by parsing the file whole."""
    loader = None
    try:
        loader = _Base(text)
        return _Builder(loader, lines_before + 1).run()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = (exc.problem or exc.context or "syntax error").strip()
        kind = "YAML error" if isinstance(exc, ConstructorError) else "YAML syntax error"
        message = TOO_DEEP if _PARSER_TOO_DEEP in what else f"{kind}: {what}"
        raise YamlError(YamlProblem(line, col, message)) from None
    except yaml.reader.ReaderError as exc:
        raise _unacceptable(text, exc) from None
    except yaml.YAMLError as exc:
        raise YamlError(YamlProblem(1, 1, "YAML error: " + " ".join(str(exc).split()))) from None
    finally:
        if loader is not None:
            loader.dispose()


def _unacceptable(text: str, exc: yaml.reader.ReaderError) -> YamlError:
    """A character YAML forbids (NUL, BEL...), placed by line and column: libyaml counts bytes,
    PyYAML's own reader characters."""
    if _Base is yaml.SafeLoader:
        before = text[: exc.position]
    else:
        before = text.encode("utf-8", "surrogatepass")[: exc.position].decode("utf-8", "ignore")
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    character = exc.character if isinstance(exc.character, int) else ord(exc.character)
    return YamlError(YamlProblem(line, column, f"YAML error: unacceptable character #x{character:04x}: {exc.reason}"))


def _refuse(event: Event, message: str) -> NoReturn:
    mark = event.start_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    raise YamlError(YamlProblem(line, column, message))


def _refused(event: ScalarEvent | CollectionStartEvent | AliasEvent) -> str | None:
    """Why a node's event is refused: a tag, or an anchor or alias, as written."""
    if isinstance(event, AliasEvent):
        return f"YAML alias *{event.anchor} is not allowed: {WRITE_OUT}"
    if event.anchor is not None:
        return f"YAML anchor &{event.anchor} is not allowed: {WRITE_OUT}"
    if event.tag is not None:
        tag = event.tag
        shown = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag if tag.startswith("!") else f"!<{tag}>"
        return f"YAML tag {shown} is not allowed: {PLAIN_ONLY}"
    return None


_NO_KEY, _SKIPPED = object(), object()


class _Mapping:
    __slots__ = ("data", "mark", "key", "key_line", "key_column")

    def __init__(self, mark: Mark, first_line: int):
        self.data = LineDict()
        self.data.line, self.data.column, self.data.marks = mark.line + first_line, mark.column + 1, array("I")
        self.mark = mark
        self.key: object = _NO_KEY
        self.key_line = self.key_column = 0


class _Sequence:
    __slots__ = ("data", "mark")

    def __init__(self, mark: Mark, first_line: int):
        self.data = LineList()
        self.data.line, self.data.column, self.data.marks = mark.line + first_line, mark.column + 1, array("I")
        self.mark = mark


class _Capture:
    """Holds the one value built: the document."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value: object = None


class _Builder:
    """Builds the first document from the parser's events, with a stack instead of recursion.
    Deep nesting is refused wherever it is in the stream, before the parser's own errors; then
    a tag, anchor or alias, a syntax error or a second document, whichever comes first; then
    the first error constructing a value."""

    def __init__(self, loader: _Loader, first_line: int = 1):
        self.loader = loader
        self.first_line = first_line  # the number of the text's first line
        self.problems: list[YamlProblem] = []
        self.error: ConstructorError | None = None
        self.fatal: ComposerError | None = None  # nothing more is built; nesting is still refused
        self.stack: list[_Mapping | _Sequence | _Capture] = [_Capture()]
        self.skipping = -1  # collections open in a duplicate key's value, which is skipped; -1: none is
        self.strings: dict[str, str] = {}  # equal strings are one object: keys and many values repeat in every entry
        self.documents = 0

    def run(self) -> tuple[object, list[YamlProblem]]:
        get_event = self.loader.get_event
        depth = 0
        try:
            while True:
                event = get_event()
                assert event is not None  # the loop stops at the stream's end, before any None
                kind = type(event)
                if kind is MappingStartEvent or kind is SequenceStartEvent:
                    if depth >= MAX_DEPTH:
                        _refuse(event, TOO_DEEP)
                    depth += 1
                elif isinstance(event, CollectionEndEvent):
                    depth -= 1
                elif kind is StreamEndEvent:
                    break
                if self.fatal is not None:
                    continue
                if isinstance(event, (ScalarEvent, CollectionStartEvent, AliasEvent)):
                    why = _refused(event)
                    if why is not None:
                        _refuse(event, why)
                    self.build(event)
                elif isinstance(event, CollectionEndEvent):
                    self.build(event)
                elif kind is DocumentStartEvent and self.documents:
                    self.fatal = ComposerError("expected a single document in the stream", None, "but found another document",
                                               event.start_mark)  # type: ignore[arg-type]  # _MARK_TWINS
                elif kind is DocumentEndEvent:
                    self.documents += 1
        except yaml.YAMLError:
            if self.fatal is None:
                raise  # nothing was composed wrong before the parser stopped
        if self.fatal is not None:
            raise self.fatal
        if self.error is not None:
            raise self.error
        document = self.stack[0]
        assert isinstance(document, _Capture)
        return document.value, self.problems

    def build(self, event: Event) -> None:
        kind = type(event)
        mark = event.start_mark
        assert mark is not None  # the parser places every event it emits
        if self.skipping >= 0:  # a duplicate key's value: read to its end, never built
            if kind is not ScalarEvent:
                self.skipping += 1 if isinstance(event, CollectionStartEvent) else -1
            if self.skipping == 0:
                self.skipping = -1
                self.add(None, mark)
            return
        if isinstance(event, ScalarEvent):
            self.add(self.scalar(event), mark)
        elif kind is MappingStartEvent:
            self.stack.append(_Mapping(mark, self.first_line))
        elif kind is SequenceStartEvent:
            self.stack.append(_Sequence(mark, self.first_line))
        else:
            frame = self.stack.pop()
            assert not isinstance(frame, _Capture)  # the document's, never popped: an end closes a collection
            self.add(frame.data, frame.mark)

    def add(self, value: object, mark: Mark) -> None:
        """Put a finished value in the collection being built."""
        frame = self.stack[-1]
        if isinstance(frame, _Sequence):
            frame.data.append(value)
            frame.data.marks.append(mark.line + self.first_line)
            frame.data.marks.append(mark.column + 1)
        elif isinstance(frame, _Capture):
            frame.value = value
        elif frame.key is _NO_KEY:
            self.add_key(frame, value, mark)
        else:
            if frame.key is not _SKIPPED:
                frame.data[frame.key] = value
                frame.data.marks.append(frame.key_line)
                frame.data.marks.append(frame.key_column)
            frame.key = _NO_KEY

    def add_key(self, frame: _Mapping, key: object, mark: Mark) -> None:
        try:
            hash(key)
        except TypeError:
            self.problems.append(YamlProblem(mark.line + self.first_line, mark.column + 1, "a mapping key must be a plain value"))
        else:
            if key not in frame.data:
                frame.key, frame.key_line, frame.key_column = key, mark.line + self.first_line, mark.column + 1
                return
            self.problems.append(YamlProblem(mark.line + self.first_line, mark.column + 1, f"duplicate key {key!r} (first on line {frame.data.position(key)[0]})"))
        frame.key = _SKIPPED
        self.skipping = 0  # and its value is read, never built

    def scalar(self, event: ScalarEvent) -> object:
        value = event.value
        tag = self.loader.resolve(ScalarNode, value, event.implicit)
        if tag == _STR:
            return self.strings.setdefault(value, value)
        try:
            if tag == _INT and len(value) > MAX_INT_CHARS:  # int() itself refuses them, with no position
                raise ConstructorError(None, None, f"an integer of more than {MAX_INT_CHARS} characters", event.start_mark)  # type: ignore[arg-type]  # _MARK_TWINS
            return self.loader.construct_document(ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))  # type: ignore[arg-type]  # _MARK_TWINS
        except ConstructorError as exc:
            self.fail(exc)
        except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError):  # PyYAML's constructors trust the value
            shown = value if len(value) <= 40 else value[:39] + "\u2026"
            self.fail(ConstructorError(None, None, f"{shown!r} is not a valid {tag.rsplit(':', 1)[-1]}", event.start_mark))  # type: ignore[arg-type]  # _MARK_TWINS
        return None

    def fail(self, error: ConstructorError) -> None:
        """Keep the first error constructing the document, and go on: nesting, a tag, the
        parser and the composer may still refuse the file first."""
        if self.error is None:
            self.error = error
