"""The claims file's schema, written once: `SCHEMA` is a JSON Schema (draft 2020-12), and both
`factcheck schema` (which prints it, for editors and pre-commit) and `validate` and the loader
(which walk the YAML with it) read it. A document beside a hand-written checker drifts; this
cannot.

The walk reports every problem with its path (`claims[12].values[0].kind`), line and column,
in factcheck's words: a few `x-` keywords, dropped from the printed schema, say what a value
should be ("a folder path") where the type alone says too little. What JSON Schema cannot say
(duplicate ids, topics the file declares, dates that do not exist) claims.py checks after.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from dataclasses import dataclass

from ..language import units
from ..language.quantities import Kind, Qualifier

DRAFT = "https://json-schema.org/draft/2020-12/schema"
KEBAB = "^[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE = r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{3}0s|C\d{1,2})$"
MAX_LISTED_KEYS = 6  # an unknown key's message lists the keys expected when there are this few
VOCABULARY_KEYS = ("equivalents", "contrasts", "restrictive", "distinct")
VERDICTS = ("supported", "conflicting", "unverified")

_TEXT = {"type": "string", "pattern": r"\S", "x-expected": "a non-empty string"}
_KEBAB = {"type": "string", "pattern": KEBAB, "x-pattern": "is not kebab-case (a-z, 0-9, single hyphens)"}
_TEXTS = {"type": "array", "items": {"$ref": "#/$defs/text"}, "x-expected": "a list of non-empty strings"}
_NUMBER = {"type": "number"}
_DATE = {
    "type": ["string", "integer"], "pattern": DATE, "x-date": True,
    "x-expected": "a date (YYYY, YYYY-MM, YYYY-MM-DD, YYYYs or Cnn)",
    "description": "YYYY, YYYY-MM, YYYY-MM-DD, YYYYs for a decade, Cnn for a century",
}
_FIELDS = {
    "value": _NUMBER,
    "of": {**_NUMBER, "description": "a ratio's whole"},
    "unit": {**_TEXT, "description": "currency code (USD), counted noun (countries), duration unit (years) or ranked noun"},
    "qualifier": {"enum": [q.value for q in Qualifier], "description": "how the quote bounds the figure (default: exact)"},
    "part": {"enum": ["early", "mid", "late"]},
    "relation": {"enum": ["after", "before", "since", "by", "until"]},
    "from": _DATE,
    "to": _DATE,
}
# each kind's keys besides kind and text: (required, optional)
_KIND_KEYS = {
    Kind.MONEY: (("value", "unit"), ("qualifier",)),
    Kind.COUNT: (("value",), ("unit", "qualifier")),
    Kind.PERCENT: (("value",), ("qualifier",)),
    Kind.RATIO: (("value", "of"), ("unit", "qualifier")),
    Kind.MULTIPLE: (("value",), ("qualifier",)),
    Kind.ORDINAL: (("value",), ("unit",)),
    Kind.DURATION: (("value", "unit"), ("qualifier",)),
    Kind.MEASURE: (("value", "unit"), ("qualifier",)),
    Kind.DATE: (("value",), ("part", "relation")),
    Kind.PERIOD: (("from", "to"), ()),
}


def _value_schema(kind: Kind) -> dict:
    required, optional = _KIND_KEYS[kind]
    properties: dict[str, object] = {
        "kind": {"const": kind.value},
        "text": {**_TEXT, "x-expected": "the figure as the quote writes it", "description": "the figure exactly as the quote writes it"},
    }
    for key in (*required, *optional):
        properties[key] = _FIELDS[key]
    if kind is Kind.DATE:
        properties["value"] = _DATE
    if kind is Kind.MEASURE:
        properties["unit"] = {"enum": list(units.names()), "x-unknown": "unit", "description": "a unit of factcheck/language/knowledge/units.txt"}
    return {
        "type": "object", "title": f"a {kind.value} value", "x-for": f"a {kind.value} value", "required": ["kind", "text", *required],
        "properties": properties, "additionalProperties": False,
    }


def _entry_keys() -> dict:
    """The keys of one entry."""
    return {
        "id": {**_KEBAB, "description": "stable identifier, unique in the file"},
        "statement": {**_TEXT, "description": "the fact as one plain sentence, with the source's own figures"},
        "topic": {**_KEBAB, "description": "one of the file's topics, when it declares them"},
        "parties": {**_TEXTS, "description": "the named subjects the fact is about"},
        "values": {"type": "array", "items": {"$ref": "#/$defs/value"}, "x-expected": "a list of values", "description": "every figure of the fact"},
        "list": {"$ref": "#/$defs/list"},
        "polarity": {"enum": ["positive", "negative"], "description": "negative for a denial or prohibition"},
        "aliases": {**_TEXTS, "description": "other names a writer may use for this fact or its subject"},
        "fact": {**_KEBAB, "pattern": KEBAB, "x-pattern": "is not kebab-case", "description": "shared by entries giving the same fact from different sources"},
        "evidence": {
            "type": "array", "minItems": 1, "items": {"$ref": "#/$defs/evidence"},
            "x-expected": "a non-empty list of {source, quote}",
        },
        "examples": {
            "type": "object", "x-expected": f"a mapping of {', '.join(VERDICTS)}", "additionalProperties": False,
            "description": "claims with the verdict each must get; validate checks them, and supported ones are known rewordings",
            "properties": {verdict: {**_TEXTS, "description": f"claims that must be {verdict}"} for verdict in VERDICTS},
        },
    }


def _build() -> dict:
    return {
        "$schema": DRAFT,
        "title": "factcheck claims file",
        "description": "Checkable facts of the documents in a sources folder. See docs/claims-schema.md.",
        "type": "object",
        "x-expected": "a mapping with a 'claims' list",
        "required": ["claims"],
        "properties": {
            "sources": {**_TEXT, "x-expected": "a folder path", "description": "folder of the source documents, relative to this file (default: sources)"},
            "topics": {
                "type": "array", "minItems": 1, "uniqueItems": True, "items": _KEBAB,
                "x-expected": "a list of kebab-case topics", "description": "the topics entries may have; without it, any kebab-case topic",
            },
            "claims": {"type": "array", "items": {"$ref": "#/$defs/entry"}, "x-expected": "a list of entries"},
            "vocabulary": {
                "type": "object", "x-expected": f"a mapping of {', '.join(VOCABULARY_KEYS)}", "additionalProperties": False,
                "properties": {key: {"type": "array", "items": {"type": "string"}, "x-expected": "a list of lines (strings)"} for key in VOCABULARY_KEYS},
            },
        },
        "additionalProperties": False,
        "$defs": _definitions(),
    }


def _definitions() -> dict:
    """What the schema refers to: an entry, and the values, lists and evidence inside one."""
    return {
        "text": _TEXT,
        "entry": {
            "type": "object", "x-expected": "a mapping", "required": ["id", "statement", "topic", "evidence"],
            "properties": _entry_keys(), "additionalProperties": False,
        },
        "value": {
            "type": "object", "x-expected": "a mapping with 'kind' and 'text'", "x-discriminator": "kind",
            "oneOf": [_value_schema(kind) for kind in Kind],
        },
        "list": {
            "type": "object", "x-expected": "a mapping with 'members' and 'closed'", "required": ["members"],
            "properties": {
                "members": {"type": "array", "minItems": 2, "items": {"$ref": "#/$defs/member"}, "x-expected": "a list of at least two members"},
                "closed": {"type": "boolean", "x-expected": "true or false", "description": "true when the source gives the whole list"},
            },
            "additionalProperties": False,
        },
        "member": {
            "x-expected": "a name or a mapping with 'name'",
            "anyOf": [
                {"$ref": "#/$defs/text"},
                {
                    "type": "object", "required": ["name"], "additionalProperties": False,
                    "properties": {"name": _TEXT, "aliases": _TEXTS, "values": {"type": "array", "items": {"$ref": "#/$defs/value"}, "x-expected": "a list of values"}},
                },
            ],
        },
        "evidence": {
            "type": "object", "x-expected": "a mapping with 'source' and 'quote'", "required": ["source", "quote"], "additionalProperties": False,
            "properties": {
                "source": {
                    "type": "string", "pattern": KEBAB, "x-pattern": "is not a source id (a file name in the sources folder, without .md)",
                    "description": "a file name in the sources folder, without .md",
                },
                "quote": {**_TEXT, "description": "verbatim from the source (whitespace and quote style aside)"},
            },
        },
    }


SCHEMA = _build()


def json_schema() -> dict:
    """The schema as published: without factcheck's own `x-` keywords."""

    def clean(node: object) -> object:
        if isinstance(node, dict):
            return {k: clean(v) for k, v in node.items() if not k.startswith("x-")}
        if isinstance(node, list):
            return [clean(v) for v in node]
        return node

    return clean(SCHEMA)  # type: ignore[return-value]


@dataclass(frozen=True)
class Found:
    """A problem the schema finds: where in the file, and what."""

    line: int
    column: int
    where: str
    message: str


def check(data: object) -> list[Found]:
    """Every way `data` (from yamlfile.load, with its positions) breaks the schema."""
    if data is None:
        return [Found(1, 1, "", "the file is empty: expected a mapping with a 'claims' list")]
    walker = _Walker()
    walker.node(data, SCHEMA, "", (1, 1))
    return walker.found


def check_entry(data: object, where: str, at: tuple[int, int]) -> list[Found]:
    """Every way one item of the `claims` list breaks the schema: as check() finds them, where
    the item is a piece's (pieces.py)."""
    walker = _Walker()
    walker.node(data, SCHEMA["properties"]["claims"]["items"], where, at)
    return walker.found


class _Walker:
    def __init__(self) -> None:
        self.found: list[Found] = []

    def add(self, at: tuple[int, int], where: str, message: str) -> None:
        self.found.append(Found(at[0], at[1], where, message))

    def node(self, value: object, schema: dict, where: str, at: tuple[int, int]) -> None:
        schema = _resolve(schema)
        if "anyOf" in schema:
            branch = next((b for b in map(_resolve, schema["anyOf"]) if _fits(value, b)), None)
            if branch is None:
                self.add(at, where, f"expected {schema['x-expected']}, found {type_name(value)}")
                return
            schema = branch
        if "enum" in schema:
            if value not in schema["enum"] or isinstance(value, bool):
                allowed = ", ".join(map(str, schema["enum"]))
                unknown = schema.get("x-unknown")
                self.add(at, where, f"unknown {unknown} {shown(value)} (one of: {allowed})" if unknown else f"expected one of {allowed}, found {shown(value)}")
            return
        if not _fits(value, schema):
            number = "number" in _types(schema) and isinstance(value, (int, float)) and not isinstance(value, bool)
            expected = "a finite number" if number else schema.get("x-expected") or _expected(schema)
            self.add(at, where, f"expected {expected}, found {shown(value) if number else type_name(value)}")
            return
        if isinstance(value, dict):
            self.mapping(value, schema, where, at)
        elif isinstance(value, list):
            self.sequence(value, schema, where, at)
        elif isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
            if "x-pattern" in schema:
                self.add(at, where, f"{shown(value)} {schema['x-pattern']}")
            else:
                self.add(at, where, f"expected {schema.get('x-expected') or _expected(schema)}, found {shown(value)}")

    def mapping(self, value: dict, schema: dict, where: str, at: tuple[int, int]) -> None:
        if "x-discriminator" in schema:
            key = schema["x-discriminator"]
            branches = {b["properties"][key]["const"]: b for b in schema["oneOf"]}
            chosen = value.get(key)
            if not isinstance(chosen, str) or chosen not in branches:
                self.add(_position(value, key), f"{where}.{key}", f"expected one of {', '.join(branches)}, found {shown(chosen)}")
                return
            schema = branches[chosen]
        properties = schema.get("properties", {})
        title = f" for {schema['x-for']}" if "x-for" in schema else ""
        for key in value:
            if key not in properties and schema.get("additionalProperties") is False:
                self.add(_position(value, key), _join(where, key_name(key)), f"unknown key{title}{_expected_keys(key, properties)}")
        for key in schema.get("required", ()):
            if key not in value:
                self.add(_own_position(value, at), where, f"missing key '{key}'{title}")
        for key, sub in properties.items():
            if key in value and "const" not in sub:
                self.node(value[key], sub, _join(where, key), _position(value, key))

    def sequence(self, value: list, schema: dict, where: str, at: tuple[int, int]) -> None:
        if len(value) < schema.get("minItems", 0):
            self.add(at, where, f"expected {schema.get('x-expected') or _expected(schema)}")
            return
        seen: set = set()
        for i, item in enumerate(value):
            item_at = value.position(i) if hasattr(value, "position") else at
            if schema.get("uniqueItems") and isinstance(item, str):
                if item in seen:
                    self.add(item_at, f"{where}[{i}]", f"{shown(item)} listed twice")
                seen.add(item)
            if "items" in schema:
                self.node(item, schema["items"], f"{where}[{i}]", item_at)


def _resolve(schema: dict) -> dict:
    while "$ref" in schema:
        schema = SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _types(schema: dict) -> tuple[str, ...]:
    kind = schema.get("type", ())
    return (kind,) if isinstance(kind, str) else tuple(kind)


_SPECS: dict[int, tuple[frozenset[str], bool]] = {}  # a schema's types and whether it takes a date: worked out once
# (keyed by id: only the schemas of SCHEMA, which live as long as the module, are ever looked up)


def _spec(schema: dict) -> tuple[frozenset[str], bool]:
    spec = _SPECS.get(id(schema))
    if spec is None:
        spec = _SPECS[id(schema)] = (frozenset(_types(schema)), bool(schema.get("x-date")))
    return spec


def _fits(value: object, schema: dict) -> bool:
    """Whether the value is of a type the schema allows; a number must be finite."""
    names, takes_date = _spec(_resolve(schema))
    if not names:
        return True
    if isinstance(value, bool):
        return "boolean" in names
    if isinstance(value, int):
        return "integer" in names or "number" in names and _finite(value)
    if isinstance(value, float):
        return "number" in names and _finite(value)
    if isinstance(value, str):
        return "string" in names
    if isinstance(value, dict):
        return "object" in names
    if isinstance(value, list):
        return "array" in names
    return takes_date and isinstance(value, datetime.date)  # YAML reads 2007-01-11 as a date


def _finite(number: float) -> bool:
    """NaN, the infinities and integers beyond a float's range compare with nothing."""
    try:
        return math.isfinite(number)
    except OverflowError:
        return False


def _expected(schema: dict) -> str:
    return {"string": "a string", "number": "a number", "integer": "a whole number", "boolean": "true or false",
            "object": "a mapping", "array": "a list"}.get(_types(schema)[0] if _types(schema) else "", "a value")


def _expected_keys(key: object, properties: dict) -> str:
    """What an unknown key was likely meant to be: the closest known key, or all of them when few."""
    close = difflib.get_close_matches(str(key), list(properties), n=1, cutoff=0.75)
    if close:
        return f" (did you mean '{close[0]}'?)"
    if len(properties) <= MAX_LISTED_KEYS:
        return f" (expected {', '.join(properties)})"
    return ""


def _position(mapping: object, key: object) -> tuple[int, int]:
    position = getattr(mapping, "position", None)
    return position(key) if position else (0, 0)


def _own_position(node: object, at: tuple[int, int]) -> tuple[int, int]:
    line = getattr(node, "line", 0)
    return (line, getattr(node, "column", 1)) if line else at


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def key_name(key: object) -> str:
    """A key from the file in a problem's path: as written, or escaped and shortened."""
    text = str(key)
    return text if text.isprintable() and len(text) <= 60 else shown(text)


def shown(value: object, limit: int = 60) -> str:
    """A value from the file in a one-line message: escaped and shortened; a collection is
    named by its type, never printed (it may be megabytes)."""
    if value is None or not isinstance(value, (str, int, float)):
        return type_name(value)
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def type_name(value: object) -> str:
    for kind, name in ((type(None), "nothing"), (bool, "a boolean"), (dict, "a mapping"), (list, "a list"), (str, "a string"), ((int, float), "a number")):
        if isinstance(value, kind):
            return name
    return type(value).__name__
