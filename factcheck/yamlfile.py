"""Safe YAML loading that keeps line numbers and refuses what PyYAML would silently accept.

PyYAML keeps the last of two duplicate keys, expands aliases without limit and crashes on
deep nesting; a claims file edited in a pull request deserves better: duplicates are reported
with their line, and alias bombs and deep nesting are refused before anything is built.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

try:  # the C parser is several times faster on large files
    _Base = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader

MAX_ALIASES = 100
MAX_ALIAS_NODES = 10_000  # values that aliases may add, all of them expanded
MAX_DEPTH = 32  # a claims file nests 8 deep
MAX_INT_CHARS = 1000


class LineDict(dict):
    """A mapping that remembers the line of each key (1-based) and its own line."""

    line: int = 0
    key_lines: dict


class LineList(list):
    line: int = 0


@dataclass(frozen=True)
class YamlProblem:
    line: int
    column: int
    message: str


class YamlError(Exception):
    def __init__(self, problem: YamlProblem):
        super().__init__(problem.message)
        self.problem = problem


class _Loader(_Base):  # type: ignore[misc, valid-type]
    def __init__(self, stream):
        super().__init__(stream)
        self.problems: list[YamlProblem] = []
        self.aliases = 0

    def construct_mapping(self, node, deep=False):  # noqa: D102 - PyYAML hook
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                self.problems.append(YamlProblem(key_node.start_mark.line + 1, key_node.start_mark.column + 1, "a mapping key must be a plain value"))
                continue
            if key in mapping:
                self.problems.append(YamlProblem(
                    key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    f"duplicate key {key!r} (first on line {mapping.key_lines[key]})",
                ))
                continue
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    def construct_sequence(self, node, deep=False):  # noqa: D102 - PyYAML hook
        seq = LineList(self.construct_object(child, deep=True) for child in node.value)
        seq.line = node.start_mark.line + 1
        return seq

    def construct_yaml_int(self, node):  # noqa: D102 - PyYAML hook
        # int() itself refuses thousands of digits, with a ValueError that has no position
        if len(node.value) > MAX_INT_CHARS:
            raise yaml.constructor.ConstructorError(None, None, f"an integer of more than {MAX_INT_CHARS} characters", node.start_mark)
        return super().construct_yaml_int(node)


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)


def load(text: str) -> tuple[object, list[YamlProblem]]:
    """Parse YAML text; raise YamlError on a syntax error, return soft problems beside the data."""
    _refuse_bombs(text)
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = (exc.problem or exc.context or "syntax error").strip()
        kind = "YAML error" if isinstance(exc, yaml.constructor.ConstructorError) else "YAML syntax error"
        raise YamlError(YamlProblem(line, col, f"{kind}: {what}")) from None
    except yaml.reader.ReaderError as exc:
        raise _unacceptable(text, exc) from None
    except yaml.YAMLError as exc:
        raise YamlError(YamlProblem(1, 1, "YAML error: " + " ".join(str(exc).split()))) from None
    finally:
        loader.dispose()
    return data, loader.problems


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


def _refuse_bombs(text: str) -> None:
    """Walk the parser's events, before anything is built, and refuse deep nesting and aliases
    that expand too far: libyaml builds nested nodes by recursion (a few thousand levels crash
    the interpreter) and a billion laughs fits in a kilobyte. Stops at the first excess, so
    the cost stays linear whatever the input."""
    sizes: dict[str, int] = {}  # anchor -> nodes it stands for, aliases expanded
    open_sizes = [0]  # nodes so far in each collection being read, the document first
    open_anchors: list[str | None] = [None]
    aliases = added = 0
    try:
        for event in yaml.parse(text, Loader=_Base):
            if isinstance(event, yaml.AliasEvent):
                aliases += 1
                size = sizes.get(event.anchor, 1)
                added += size
                open_sizes[-1] += size
                if aliases > MAX_ALIASES:
                    _refuse(event, f"more than {MAX_ALIASES} YAML aliases: refused (alias bomb?)")
                if added > MAX_ALIAS_NODES:
                    _refuse(event, f"YAML aliases expand to more than {MAX_ALIAS_NODES:,} values: refused (alias bomb?)")
            elif isinstance(event, yaml.ScalarEvent):
                open_sizes[-1] += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.CollectionStartEvent):
                if len(open_sizes) > MAX_DEPTH:
                    _refuse(event, f"YAML nested more than {MAX_DEPTH} levels deep: refused")
                open_sizes.append(1)
                open_anchors.append(event.anchor)
            elif isinstance(event, yaml.CollectionEndEvent):
                size, anchor = open_sizes.pop(), open_anchors.pop()
                if anchor:
                    sizes[anchor] = size
                open_sizes[-1] += size
    except yaml.YAMLError:
        pass  # the loader reports the syntax error with its position


def _refuse(event: yaml.Event, message: str) -> None:
    mark = event.start_mark
    raise YamlError(YamlProblem(mark.line + 1, mark.column + 1, message))
