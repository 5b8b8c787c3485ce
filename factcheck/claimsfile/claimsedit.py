"""Adding entries to a claims file as text, so that its comments, order and style stay as the
curator wrote them: the file is never read into data and dumped again.

Only where the `claims` list ends is read from the YAML (its parser's events carry their
positions); the new entries go there, indented as the existing ones are.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .files import NotUTF8
from .yamlfile import Mark, YamlError, load

DEFAULT_INDENT = 2


class EditError(Exception):
    """The claims file cannot be added to as text; the message says why."""


@dataclass(frozen=True)
class _Place:
    offset: int  # where the new items go
    indent: int  # of their "- "
    replace: tuple[int, int] | None = None  # an empty flow list "[]" to take out first
    key_needed: bool = False  # the file has no `claims` key yet


def append_entries(text: str, block: Callable[[int], str]) -> str:
    """The claims file's text with entries added at the end of its `claims` list; `block(indent)`
    gives the entries as list items at that indentation."""
    if text and not text.endswith("\n"):
        text += "\n"
    place = _place(text)
    edited = _edited(text, place, block(place.indent))
    try:
        data, _ = load(edited)
    except YamlError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        raise EditError("the entries cannot be added as text here; the file is left as it was")
    return edited


def _edited(text: str, place: _Place, items: str) -> str:
    if place.key_needed:
        return text + "claims:\n" + items
    head, tail = text[:place.offset], text[place.offset:]
    if place.replace:
        a, b = place.replace
        head = text[:a].rstrip(" ") + text[b:place.offset]
    if not head.endswith("\n"):
        head += "\n"
    separator = "\n" if head.strip() and not head.endswith("\n\n") and not head.rstrip("\n").endswith(":") else ""
    return head + separator + items + tail


def _place(text: str) -> _Place:
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        return _Place(len(text), DEFAULT_INDENT, key_needed=True)
    try:
        load(text)  # refuses what the claims loader refuses, before PyYAML reads it again
    except YamlError as exc:
        raise EditError(f"line {exc.problem.line}: {exc.problem.message}") from None
    events = iter(yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    root = next(e for e in events if not isinstance(e, (yaml.StreamStartEvent, yaml.DocumentStartEvent)))
    if isinstance(root, yaml.ScalarEvent) and root.value in ("", "~", "null"):
        return _Place(len(text), DEFAULT_INDENT, key_needed=True)
    if not isinstance(root, yaml.MappingStartEvent):
        raise EditError("the claims file is not a mapping with a 'claims' key")
    if root.flow_style:
        raise EditError("the claims file is written in flow style ({...}): add the entries by hand")
    for key in events:
        if isinstance(key, yaml.MappingEndEvent):
            break
        if isinstance(key, yaml.ScalarEvent) and key.value == "claims":
            return _claims_value(text, events, key)
        _skip_node(events)
    return _Place(len(text), DEFAULT_INDENT, key_needed=True)


def _skip_node(events: Iterator[yaml.Event]) -> None:
    """Past the next node, however deep."""
    depth = 0
    for event in events:
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if depth == 0:
            return


def _claims_value(text: str, events: Iterator[yaml.Event], key: yaml.Event) -> _Place:
    value = next(events)
    if isinstance(value, yaml.ScalarEvent):
        if value.value not in ("", "~", "null"):
            raise EditError(f"line {_start(value).line + 1}: 'claims' is not a list")
        line_end = _line_end(text, _end(key).index)
        return _Place(line_end, DEFAULT_INDENT, replace=(_start(value).index, _end(value).index) if value.value else None)
    if not isinstance(value, yaml.SequenceStartEvent):
        raise EditError(f"line {_start(value).line + 1}: 'claims' is not a list")
    depth = 1
    first_item: yaml.Event | None = None
    for event in events:
        if first_item is None and depth == 1 and not isinstance(event, yaml.SequenceEndEvent):
            first_item = event
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
            if depth == 0:
                end = event
                break
    else:
        raise EditError("the 'claims' list does not end")
    if value.flow_style:
        if first_item is not None:
            raise EditError(f"line {_start(value).line + 1}: the 'claims' list is written in flow style ([...]): add the entries by hand")
        return _Place(_line_end(text, _end(end).index), DEFAULT_INDENT, replace=(_start(value).index, _end(end).index))
    indent = _start(value).column
    return _Place(_back_over_trailing(text, _start(end).index), indent)


def _start(event: yaml.Event) -> Mark:
    assert event.start_mark is not None  # the parser places every event it emits
    return event.start_mark


def _end(event: yaml.Event) -> Mark:
    assert event.end_mark is not None  # the parser places every event it emits
    return event.end_mark


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end + 1


def _back_over_trailing(text: str, offset: int) -> int:
    """Where a block list really ends: before the blank lines and the comments at the margin
    that lead to the next key, which belong to that key."""
    start = text.rfind("\n", 0, offset) + 1 if offset < len(text) else len(text)
    if offset >= len(text):
        return len(text)
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev:start - 1]
        if line.strip() == "" or line.startswith("#"):
            start = prev
        else:
            break
    return start


def append_to_file(path: Path, block: Callable[[int], str]) -> None:
    """`append_entries` on the file at `path` (created when missing), written in one step;
    every failure is an EditError."""
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        write_atomically(path, append_entries(text, block))
    except UnicodeDecodeError as exc:  # the message every command gives, with the byte and its line
        raise EditError(NotUTF8(exc.object, exc.start).with_line()) from None
    except OSError as exc:
        raise EditError(f"cannot write: {exc.strerror or exc}") from None


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step: a reader never sees half of it, a failure leaves it whole."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
