"""Safe YAML loading that keeps line numbers and refuses what PyYAML would silently accept.

PyYAML keeps the last of two duplicate keys and expands aliases without limit; a claims file
edited in a pull request deserves better: both are reported, with their line.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

try:  # the C parser is several times faster on large files
    _Base = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader

MAX_ALIASES = 100


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


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)


def load(text: str) -> tuple[object, list[YamlProblem]]:
    """Parse YAML text; raise YamlError on a syntax error, return soft problems beside the data."""
    if text.count("*") and _alias_count(text) > MAX_ALIASES:
        raise YamlError(YamlProblem(1, 1, f"more than {MAX_ALIASES} YAML aliases: refused (alias bomb?)"))
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = (exc.problem or exc.context or "syntax error").strip()
        raise YamlError(YamlProblem(line, col, f"YAML syntax error: {what}")) from None
    except yaml.YAMLError as exc:
        raise YamlError(YamlProblem(1, 1, f"YAML error: {exc}")) from None
    finally:
        loader.dispose()
    return data, loader.problems


def _alias_count(text: str) -> int:
    """Aliases as the scanner sees them: cheap, and enough to refuse a billion laughs."""
    count = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AliasToken):
                count += 1
                if count > MAX_ALIASES:
                    break
    except yaml.YAMLError:
        pass  # the loader reports the syntax error with its position
    return count
