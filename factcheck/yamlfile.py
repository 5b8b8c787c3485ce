"""Safe YAML loading that keeps line numbers and refuses what PyYAML would silently accept.

PyYAML keeps the last of two duplicate keys, expands aliases without limit and crashes on
deep nesting; a claims file edited in a pull request deserves better: duplicates are reported
with their line, and alias bombs and deep nesting are refused before anything is built.

Objects are built straight from the parser's events, in one pass: PyYAML's own loader first
composes the whole document as a tree of nodes, several times the size of what it then builds.
Scalars resolve and construct as PyYAML's SafeLoader does, with its resolver and constructors,
and fail with its messages, in its order (a value its constructors choke on is an error at
the value, not an exception). What PyYAML composes but never constructs (the value of a
duplicate key, a collection whose tag it refuses) is kept as events, built only if an alias
asks for it, as PyYAML would.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError
from yaml.events import (AliasEvent, CollectionEndEvent, CollectionStartEvent, DocumentEndEvent, DocumentStartEvent, Event,
                         MappingStartEvent, ScalarEvent, SequenceStartEvent, StreamEndEvent)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

try:  # the C parser is several times faster on large files
    _Base = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader

MAX_ALIASES = 100
MAX_ALIAS_NODES = 10_000  # values that aliases may add, all of them expanded
MAX_DEPTH = 32  # a claims file nests 8 deep
TOO_DEEP = f"YAML nested more than {MAX_DEPTH} levels deep: refused"
# libyaml 0.2.6 (in PyYAML's wheels since 6.0.4) refuses nesting past 1,000 levels itself, and
# its scanner, reading ahead, can get there before the parser hands over the 33rd level: that
# refusal is ours too, said in our words, whichever PyYAML is installed.
_PARSER_TOO_DEEP = "maximum nesting depth"
MAX_INT_CHARS = 1000

_STR, _INT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int"
_MAP, _SEQ, _SET = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, "tag:yaml.org,2002:set"


class LineDict(dict):
    """A mapping that remembers the line and column of each key (1-based) and its own."""

    __slots__ = ("line", "column", "key_lines", "key_columns")  # a claims file holds a million of them
    line: int
    column: int
    key_lines: dict
    key_columns: dict

    def position(self, key: object) -> tuple[int, int]:
        """Where `key` is written; where the mapping starts, for a key it does not have."""
        if key in self.key_lines:
            return self.key_lines[key], self.key_columns[key]
        return self.line, self.column


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


def load(text: str) -> tuple[object, list[YamlProblem]]:
    """Parse YAML text; raise YamlError on a syntax error, return soft problems beside the data."""
    loader = None
    try:
        loader = _Base(text)
        return _Builder(loader).run()
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


class _Limits:
    """Refuses deep nesting and aliases that expand too far, event by event, before anything
    is built of them: whoever walks the data recurses (a few thousand levels crash the
    interpreter), and a billion laughs fits in a kilobyte, its aliases sharing objects that
    every walk expands. Sees every event of the stream, all documents, as far as it parses."""

    def __init__(self) -> None:
        self.sizes: dict[str, int] = {}  # anchor -> nodes it stands for, aliases expanded
        self.open_sizes = [0]  # nodes so far in each collection being read, the document first
        self.open_anchors: list[str | None] = [None]
        self.aliases = self.added = 0

    def see(self, event: Event) -> None:
        kind = type(event)
        if kind is ScalarEvent:
            self.open_sizes[-1] += 1
            if event.anchor:
                self.sizes[event.anchor] = 1
        elif kind is AliasEvent:
            self.aliases += 1
            size = self.sizes.get(event.anchor, 1)
            self.added += size
            self.open_sizes[-1] += size
            if self.aliases > MAX_ALIASES:
                _refuse(event, f"more than {MAX_ALIASES} YAML aliases: refused (alias bomb?)")
            if self.added > MAX_ALIAS_NODES:
                _refuse(event, f"YAML aliases expand to more than {MAX_ALIAS_NODES:,} values: refused (alias bomb?)")
        elif isinstance(event, CollectionStartEvent):
            if len(self.open_sizes) > MAX_DEPTH:
                _refuse(event, TOO_DEEP)
            self.open_sizes.append(1)
            self.open_anchors.append(event.anchor)
        elif isinstance(event, CollectionEndEvent):
            size, anchor = self.open_sizes.pop(), self.open_anchors.pop()
            if anchor:
                self.sizes[anchor] = size
            self.open_sizes[-1] += size


def _refuse(event: Event, message: str) -> None:
    mark = event.start_mark
    raise YamlError(YamlProblem(mark.line + 1, mark.column + 1, message))


class _Pending:
    """An anchor whose node is not built (yet)."""

    __slots__ = ()


class _Open(_Pending):
    """An anchored collection being built: an alias inside it cannot be constructed."""

    __slots__ = ("mark",)

    def __init__(self, mark: yaml.Mark):
        self.mark = mark


class _Recorded(_Pending):
    """An anchored node composed but not constructed: events[start:end] build it when an
    alias asks for it."""

    __slots__ = ("events", "start", "end")

    def __init__(self, events: list[Event], start: int):
        self.events, self.start, self.end = events, start, start + 1


class _Recording:
    """The events of a node that is not built as it is read, and what it stands for once
    they are all in."""

    __slots__ = ("events", "open", "finish")

    def __init__(self, finish: Callable[[list[Event]], object]):
        self.events: list[Event] = []
        self.open: list[_Recorded | None] = []  # the collections begun, with their anchors
        self.finish = finish


def _nothing(events: list[Event]) -> None:
    return None


_NO_KEY, _SKIPPED = object(), object()


class _Mapping:
    __slots__ = ("data", "mark", "anchor", "is_set", "key", "key_line", "key_column")

    def __init__(self, event: CollectionStartEvent, is_set: bool):
        self.data = LineDict()
        self.data.line, self.data.column, self.data.key_lines, self.data.key_columns = event.start_mark.line + 1, event.start_mark.column + 1, {}, {}
        self.mark, self.anchor, self.is_set = event.start_mark, event.anchor, is_set
        self.key: object = _NO_KEY
        self.key_line = self.key_column = 0

    def close(self) -> object:
        return set(self.data) if self.is_set else self.data


class _Sequence:
    __slots__ = ("data", "mark", "anchor")

    def __init__(self, event: CollectionStartEvent):
        self.data = LineList()
        self.data.line, self.data.column, self.data.marks = event.start_mark.line + 1, event.start_mark.column + 1, array("I")
        self.mark, self.anchor = event.start_mark, event.anchor

    def close(self) -> object:
        return self.data


class _Capture:
    """Holds the one value built from a run of events: the document, or a recorded node."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value: object = None


class _Builder:
    """Builds the first document from the parser's events, with a stack instead of recursion,
    and fails as PyYAML's loader would: first on whatever _Limits refuses in the whole stream,
    then on a syntax error, an error composing the nodes or a second document, then on the
    first error constructing them."""

    def __init__(self, loader: yaml.SafeLoader):  # or CSafeLoader, its twin
        self.loader = loader
        self.problems: list[YamlProblem] = []
        self.error: ConstructorError | None = None
        self.fatal: ComposerError | None = None  # nothing more is built; the limits still count
        self.anchors: dict[str, object] = {}  # of the first document: the value, or _Pending
        self.marks: dict[str, yaml.Mark] = {}  # where each anchored node begins: its aliases stand there
        self.stack: list[_Mapping | _Sequence | _Capture] = [_Capture()]
        self.recording: _Recording | None = None
        self.strings: dict[str, str] = {}  # equal strings are one object: keys and many values repeat in every entry
        self.documents = 0

    def run(self) -> tuple[object, list[YamlProblem]]:
        limits = _Limits()
        get_event = self.loader.get_event
        try:
            while True:
                event = get_event()
                limits.see(event)
                kind = type(event)
                if kind is StreamEndEvent:
                    break
                if self.fatal is not None:
                    continue
                if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
                    if event.anchor is not None and event.anchor in self.anchors:
                        self.fatal = ComposerError("found duplicate anchor; first occurrence", None, "second occurrence", event.start_mark)
                    else:
                        self.build(event)
                elif kind is AliasEvent:
                    if event.anchor in self.anchors:
                        self.build(event)
                    else:
                        self.fatal = ComposerError(None, None, "found undefined alias", event.start_mark)
                elif isinstance(event, CollectionEndEvent):
                    self.build(event)
                elif kind is DocumentStartEvent and self.documents:
                    self.fatal = ComposerError("expected a single document in the stream", None, "but found another document", event.start_mark)
                elif kind is DocumentEndEvent:
                    self.documents += 1
        except yaml.YAMLError:
            if self.fatal is None:
                raise  # nothing was composed wrong before the parser stopped
        if self.fatal is not None:
            raise self.fatal
        if self.error is not None:
            raise self.error
        return self.stack[0].value, self.problems

    def build(self, event: Event) -> None:
        if self.recording is not None:
            self.record(event)
            return
        kind = type(event)
        if kind is ScalarEvent:
            value = self.scalar(event)
            if event.anchor is not None:
                self.anchors[event.anchor], self.marks[event.anchor] = value, event.start_mark
            self.add(value, event.start_mark)
        elif kind is AliasEvent:
            self.add(self.alias(event), self.marks[event.anchor])
        elif isinstance(event, CollectionStartEvent):
            self.begin(event)
        else:
            frame = self.stack.pop()
            value = frame.close()
            if frame.anchor is not None:
                self.anchors[frame.anchor] = value
            self.add(value, frame.mark)

    def add(self, value: object, mark: yaml.Mark) -> None:
        """Put a finished value in the collection being built."""
        frame = self.stack[-1]
        if type(frame) is _Sequence:
            frame.data.append(value)
            frame.data.marks.append(mark.line + 1)
            frame.data.marks.append(mark.column + 1)
        elif type(frame) is _Capture:
            frame.value = value
        elif frame.key is _NO_KEY:
            self.add_key(frame, value, mark)
        else:
            if frame.key is not _SKIPPED:
                frame.data[frame.key] = value
                frame.data.key_lines[frame.key] = frame.key_line
                frame.data.key_columns[frame.key] = frame.key_column
            frame.key = _NO_KEY

    def add_key(self, frame: _Mapping, key: object, mark: yaml.Mark) -> None:
        try:
            hash(key)
        except TypeError:
            self.problems.append(YamlProblem(mark.line + 1, mark.column + 1, "a mapping key must be a plain value"))
        else:
            if key not in frame.data:
                frame.key, frame.key_line, frame.key_column = key, mark.line + 1, mark.column + 1
                return
            self.problems.append(YamlProblem(mark.line + 1, mark.column + 1, f"duplicate key {key!r} (first on line {frame.data.key_lines[key]})"))
        frame.key = _SKIPPED  # and its value is composed, never constructed
        self.recording = _Recording(_nothing)

    def scalar(self, event: ScalarEvent) -> object:
        value, tag = event.value, event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(ScalarNode, value, event.implicit)
        if tag == _STR:
            return self.strings.setdefault(value, value)
        try:
            if tag == _INT and len(value) > MAX_INT_CHARS:  # int() itself refuses them, with no position
                raise ConstructorError(None, None, f"an integer of more than {MAX_INT_CHARS} characters", event.start_mark)
            return self.loader.construct_document(ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))
        except ConstructorError as exc:
            self.fail(exc)
        except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError):  # PyYAML's constructors trust the value
            shown = value if len(value) <= 40 else value[:39] + "\u2026"
            self.fail(ConstructorError(None, None, f"{shown!r} is not a valid {tag.rsplit(':', 1)[-1]}", event.start_mark))
        return None

    def alias(self, event: AliasEvent) -> object:
        entry = self.anchors[event.anchor]
        if type(entry) is _Open:
            self.fail(ConstructorError(None, None, "found unconstructable recursive node", entry.mark))
            return None
        if type(entry) is _Recorded:
            return self.replay(entry.events[entry.start:entry.end])
        return entry

    def begin(self, event: CollectionStartEvent) -> None:
        is_mapping = type(event) is MappingStartEvent
        tag = event.tag  # None or "!" is the default: SafeLoader has no path resolvers
        if tag is not None and tag != "!" and tag != (_MAP if is_mapping else _SEQ):
            # PyYAML's verdict, and message, on this tag for this kind of collection: its
            # constructor run on the collection without its items
            try:
                self.loader.construct_document((MappingNode if is_mapping else SequenceNode)(tag, [], event.start_mark, event.end_mark))
            except ConstructorError as exc:
                self.fail(exc)
                self.start_recording(event, _nothing)
                return
            if tag != _SET:  # !!omap or !!pairs
                self.start_recording(event, self.pairs)
                return
        if event.anchor is not None:
            self.anchors[event.anchor], self.marks[event.anchor] = _Open(event.start_mark), event.start_mark
        self.stack.append(_Mapping(event, tag == _SET) if is_mapping else _Sequence(event))

    def start_recording(self, event: Event, finish: Callable[[list[Event]], object]) -> None:
        self.recording = _Recording(finish)
        self.record(event)

    def record(self, event: Event) -> None:
        """Keep the event of a node that is not built now, and where its anchors are."""
        recording = self.recording
        events = recording.events
        entry = None
        if type(event) is not AliasEvent and getattr(event, "anchor", None) is not None and not self.built(event.anchor):
            entry = self.anchors[event.anchor] = _Recorded(events, len(events))
            self.marks[event.anchor] = event.start_mark
        events.append(event)
        if isinstance(event, CollectionStartEvent):
            recording.open.append(entry)
        elif isinstance(event, CollectionEndEvent):
            begun = recording.open.pop()
            if begun is not None:
                begun.end = len(events)
        if not recording.open:
            self.recording = None
            self.add(recording.finish(events), events[0].start_mark)

    def replay(self, events: list[Event]) -> object:
        """Build a recorded node now; what an alias built of it since is not built again."""
        self.stack.append(_Capture())
        i = 0
        while i < len(events):
            event = events[i]
            if self.recording is None and type(event) is not AliasEvent and self.built(getattr(event, "anchor", None)):
                self.add(self.anchors[event.anchor], event.start_mark)
                i = _node_end(events, i)
            else:
                self.build(event)
                i += 1
        return self.stack.pop().value

    def built(self, anchor: str | None) -> bool:
        return anchor in self.anchors and not isinstance(self.anchors[anchor], _Pending)

    def pairs(self, events: list[Event]) -> list[tuple[object, object]]:
        """!!omap and !!pairs: a list of (key, value) from mappings of one item each. Any
        other item is refused by PyYAML's own constructor, shown an item of that shape."""
        start = events[0]
        if start.anchor is not None:
            self.anchors[start.anchor] = _Open(start.start_mark)
        items: list[tuple[object, object]] = []
        for first, end in _nodes(events, first=1, end=len(events) - 1):
            child = events[first]
            if type(child) is AliasEvent:
                value = self.alias(child)
                if isinstance(value, dict) and len(value) == 1:
                    items.extend(value.items())
                    continue
                kind = MappingNode if isinstance(value, dict) else SequenceNode if isinstance(value, list) else ScalarNode
                shape = _shape(kind, len(value) if kind is MappingNode else 0, child.start_mark)
            else:
                inner = _nodes(events, first + 1, end - 1) if type(child) is MappingStartEvent else []
                if len(inner) == 2:
                    items.append((self.replay(events[slice(*inner[0])]), self.replay(events[slice(*inner[1])])))
                    continue
                kind = {MappingStartEvent: MappingNode, SequenceStartEvent: SequenceNode}.get(type(child), ScalarNode)
                shape = _shape(kind, len(inner) // 2, child.start_mark)
            try:
                self.loader.construct_document(SequenceNode(start.tag, [shape], start.start_mark, start.end_mark))
            except ConstructorError as exc:
                self.fail(exc)
            break
        if start.anchor is not None:
            self.anchors[start.anchor] = items
        return items

    def fail(self, error: ConstructorError) -> None:
        """Keep the first error constructing the document, and go on: the limits, the parser
        and the composer may still refuse the file first."""
        if self.error is None:
            self.error = error


def _node_end(events: list[Event], i: int) -> int:
    """Where the node that begins at events[i] ends: the index after its last event."""
    depth = 0
    while True:
        if isinstance(events[i], CollectionStartEvent):
            depth += 1
        elif isinstance(events[i], CollectionEndEvent):
            depth -= 1
        i += 1
        if depth == 0:
            return i


def _nodes(events: list[Event], first: int, end: int) -> list[tuple[int, int]]:
    """The (first, end) of each node of events[first:end], a run of whole nodes."""
    spans = []
    while first < end:
        spans.append((first, _node_end(events, first)))
        first = spans[-1][1]
    return spans


def _shape(kind: type[yaml.Node], items: int, mark: yaml.Mark) -> yaml.Node:
    """An empty node of this kind (a mapping with `items` empty items), for PyYAML's
    constructor to judge by its shape."""
    if kind is MappingNode:
        return MappingNode(_MAP, [(ScalarNode(_STR, ""), ScalarNode(_STR, ""))] * items, mark, mark)
    if kind is SequenceNode:
        return SequenceNode(_SEQ, [], mark, mark)
    return ScalarNode(_STR, "", mark, mark)
