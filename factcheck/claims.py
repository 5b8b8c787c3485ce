"""The claims file as typed data: entries, their values, lists and evidence.

Loading checks the schema and reports every problem with its path (`claims[12].values[0].kind`)
and line; `validate` adds the checks that need the sources.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import knowledge, quantities
from .files import TooLarge, Version, read_version
from .quantities import Kind, Quantity

ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_CLAIMS_BYTES = 200 * 1024 * 1024  # some 300,000 entries; loading takes about 6 bytes a byte

ENTRY_KEYS = {"id", "statement", "topic", "parties", "values", "list", "polarity", "aliases", "fact", "evidence"}
REQUIRED_KEYS = ("id", "statement", "topic", "evidence")
VALUE_KEYS = {
    Kind.MONEY: ({"value", "unit"}, {"qualifier"}),
    Kind.COUNT: ({"value"}, {"unit", "qualifier"}),
    Kind.PERCENT: ({"value"}, {"qualifier"}),
    Kind.RATIO: ({"value", "of"}, {"unit", "qualifier"}),
    Kind.MULTIPLE: ({"value"}, {"qualifier"}),
    Kind.ORDINAL: ({"value"}, {"unit"}),
    Kind.DURATION: ({"value", "unit"}, {"qualifier"}),
    Kind.MEASURE: ({"value", "unit"}, {"qualifier"}),
    Kind.DATE: ({"value"}, {"part", "relation"}),
    Kind.PERIOD: ({"from", "to"}, set()),
}
ENUMS = {
    "qualifier": tuple(q.value for q in quantities.Qualifier),
    "part": ("early", "mid", "late"),
    "relation": ("after", "before", "since", "by", "until"),
    "polarity": ("positive", "negative"),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a claims file, located as precisely as known."""

    file: str
    line: int
    column: int
    where: str  # path inside the file, e.g. claims[3].evidence[0].quote, or ""
    message: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        at = f":{self.line}:{self.column}" if self.line else ""
        return f"{self.file}{at}:{where} {self.message}"


class ClaimsError(Exception):
    """The claims file cannot be used; `problems` says why, all of it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = str(problems[0]) if problems else "invalid claims file"
        more = f" (and {len(problems) - 1} more problems: run 'factcheck validate')" if len(problems) > 1 else ""
        super().__init__(first + more)


@dataclass(frozen=True)
class Evidence:
    source: str
    quote: str
    line: int = 0  # of the quote in claims.yaml


@dataclass(frozen=True)
class Member:
    name: str
    aliases: tuple[str, ...] = ()
    values: tuple[Quantity, ...] = ()


@dataclass(frozen=True)
class ListSpec:
    members: tuple[Member, ...]
    closed: bool


@dataclass(frozen=True)
class Entry:
    id: str
    statement: str
    topic: str
    evidence: tuple[Evidence, ...]
    parties: tuple[str, ...] = ()
    values: tuple[Quantity, ...] = ()
    list: ListSpec | None = None
    polarity: str = "positive"
    aliases: tuple[str, ...] = ()
    fact: str = ""
    line: int = 0

    def all_values(self) -> tuple[Quantity, ...]:
        members = tuple(v for m in self.list.members for v in m.values) if self.list else ()
        return self.values + members


VOCABULARY_KEYS = ("equivalents", "contrasts", "restrictive", "distinct")


@dataclass(frozen=True)
class Vocabulary:
    """A claims file's own knowledge of its domain's words, next to its entries: lines written
    as in the bundled files of factcheck/knowledge/ of the same names ("landmark | monument")."""

    equivalents: tuple[str, ...] = ()
    contrasts: tuple[str, ...] = ()
    restrictive: tuple[str, ...] = ()
    distinct: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimsFile:
    path: Path
    sources_dir: Path
    entries: tuple[Entry, ...]
    soft_problems: tuple[Problem, ...] = field(default=())
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    topics: tuple[str, ...] = ()  # declared by the file; () when any kebab-case topic will do

    def by_id(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


def read_file(path: Path, max_bytes: int = MAX_CLAIMS_BYTES) -> tuple[bytes, Version]:
    """A claims or source file's bytes and their version; every failure becomes one ClaimsError line.

    Whatever the path is, at most `max_bytes` are read (a link to /dev/zero is refused, not
    swallowed) and a FIFO nobody writes to reads as empty instead of hanging."""
    shown = str(path)
    try:
        if path.is_dir():
            raise ClaimsError([Problem(shown, 0, 0, "", "is a folder, not a file")])
        return read_version(path, max_bytes)
    except TooLarge as exc:
        size = f"{exc.size:,} bytes; the limit is {max_bytes:,}" if exc.size is not None else f"over {max_bytes:,} bytes"
        raise ClaimsError([Problem(shown, 0, 0, "", f"too large ({size})")]) from None
    except FileNotFoundError:
        raise ClaimsError([Problem(shown, 0, 0, "", "no such file")]) from None
    except OSError as exc:
        raise ClaimsError([Problem(shown, 0, 0, "", f"cannot read: {exc.strerror or exc}")]) from None


def decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ClaimsError([Problem(str(path), 0, 0, "", f"not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at offset {exc.start})")]) from None


def read_text(path: Path, max_bytes: int = MAX_CLAIMS_BYTES) -> str:
    return decode(read_file(path, max_bytes)[0], path)


def load_claims(path: Path) -> ClaimsFile:
    """Parse and type-check a claims file. Raises ClaimsError listing every schema problem."""
    return read_claims(path)[0]


def read_claims(path: Path) -> tuple[ClaimsFile, Version]:
    """The claims file, and the version of it that was parsed: the file is read once, and the
    bytes parsed are the bytes hashed, so that an edit landing during the parse can never be
    taken for what was parsed."""
    raw, version = read_file(path)
    return parse_claims(decode(raw, path), path), version


def parse_claims(text: str, path: Path) -> ClaimsFile:
    from .yamlfile import YamlError, load  # a check served from the cache parses no YAML

    shown = str(path)
    try:
        data, yaml_problems = load(text)
    except YamlError as exc:
        p = exc.problem
        raise ClaimsError([Problem(shown, p.line, p.column, "", p.message)]) from None
    problems = [Problem(shown, p.line, p.column, "", p.message) for p in yaml_problems]
    checker = _Checker(shown, problems)
    entries, sources_dir = checker.document(data, path)
    vocabulary = checker.vocabulary(data.get("vocabulary") if isinstance(data, dict) else None, data)
    if checker.problems:
        raise ClaimsError(checker.problems)
    return ClaimsFile(path=path, sources_dir=sources_dir, entries=tuple(entries), vocabulary=vocabulary, topics=checker.topics)


class _Checker:
    """Walks the loaded YAML, building entries and collecting every problem."""

    def __init__(self, file: str, problems: list[Problem]):
        self.file = file
        self.problems = problems
        self.topics: tuple[str, ...] = ()

    def add(self, node: object, where: str, message: str, line: int | None = None) -> None:
        ln = line if line is not None else getattr(node, "line", 0)
        self.problems.append(Problem(self.file, ln, 1 if ln else 0, where, message))

    def document(self, data: object, path: Path) -> tuple[list[Entry], Path]:
        if data is None:
            self.add(data, "", "the file is empty: expected a mapping with a 'claims' list", line=1)
            return [], path.parent / "sources"
        if not isinstance(data, dict):
            self.add(data, "", f"expected a mapping with a 'claims' list, found {_type_name(data)}", line=1)
            return [], path.parent / "sources"
        for key in data:
            if key not in {"claims", "sources", "topics", "vocabulary"}:
                self.add(data, _name(key), "unknown key (expected 'claims', and optionally 'sources', 'topics' and 'vocabulary')",
                         line=_key_line(data, key))
        self.topics = self.declared_topics(data)
        sources = data.get("sources", "sources")
        if not isinstance(sources, str) or not sources.strip():
            self.add(data, "sources", f"expected a folder path, found {_type_name(sources)}", line=_key_line(data, "sources"))
            sources = "sources"
        claims = data.get("claims")
        if claims is None:
            self.add(data, "claims", "missing key 'claims'", line=1)
            return [], path.parent / sources
        if not isinstance(claims, list):
            self.add(claims, "claims", f"expected a list of entries, found {_type_name(claims)}", line=_key_line(data, "claims"))
            return [], path.parent / sources
        entries = []
        seen: dict[str, int] = {}
        for i, raw in enumerate(claims):
            entry = self.entry(raw, f"claims[{i}]")
            if entry is None:
                continue
            if entry.id in seen:
                self.add(raw, f"claims[{i}].id", f"duplicate id {_shown(entry.id)} (first on line {seen[entry.id]})")
                continue
            seen[entry.id] = entry.line
            entries.append(entry)
        return entries, path.parent / sources

    def declared_topics(self, data: dict) -> tuple[str, ...]:
        """`topics:`, the file's own list of topics; without one, any kebab-case topic will do."""
        raw = data.get("topics")
        if raw is None:
            return ()
        if not isinstance(raw, list) or not raw or not all(isinstance(t, str) and ID_RE.fullmatch(t) for t in raw):
            self.add(data, "topics", "expected a list of kebab-case topics", line=_key_line(data, "topics"))
            return ()
        return tuple(dict.fromkeys(raw))

    def vocabulary(self, raw: object, data: object) -> Vocabulary:
        """`vocabulary:` of the claims file: for each kind, a list of lines as its bundled
        knowledge file writes them; each line is parsed as that file's are."""
        if raw is None:
            return Vocabulary()
        if not isinstance(raw, dict):
            self.add(raw, "vocabulary", f"expected a mapping of {', '.join(VOCABULARY_KEYS)}, found {_type_name(raw)}",
                     line=_key_line(data, "vocabulary"))
            return Vocabulary()
        found: dict[str, tuple[str, ...]] = {}
        for key, lines in raw.items():
            where = f"vocabulary.{_name(key)}"
            if key not in VOCABULARY_KEYS:
                self.add(raw, where, f"unknown key (expected {', '.join(VOCABULARY_KEYS)})", line=_key_line(raw, key))
            elif not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
                self.add(raw, where, "expected a list of lines (strings)", line=_key_line(raw, key))
            else:
                for n, line in enumerate(lines):
                    try:
                        knowledge.PARSERS[key](line)
                    except ValueError as error:
                        self.add(lines, f"{where}[{n}]", str(error), line=_key_line(raw, key))
                found[key] = tuple(lines)
        return Vocabulary(**found)

    def entry(self, raw: object, where: str) -> Entry | None:
        if not isinstance(raw, dict):
            self.add(raw, where, f"expected a mapping, found {_type_name(raw)}")
            return None
        before = len(self.problems)
        for key in raw:
            if key not in ENTRY_KEYS:
                self.add(raw, f"{where}.{_name(key)}", "unknown key", line=_key_line(raw, key))
        for key in REQUIRED_KEYS:
            if key not in raw:
                self.add(raw, f"{where}", f"missing key '{key}'")
        entry_id = self.string(raw, "id", where)
        if entry_id and not ID_RE.fullmatch(entry_id):
            self.add(raw, f"{where}.id", f"{_shown(entry_id)} is not kebab-case (a-z, 0-9, single hyphens)", line=_key_line(raw, "id"))
        statement = self.string(raw, "statement", where)
        topic = self.string(raw, "topic", where)
        if topic and self.topics and topic not in self.topics:
            self.add(raw, f"{where}.topic", f"unknown topic {_shown(topic)} (the file's topics: {', '.join(self.topics)})", line=_key_line(raw, "topic"))
        elif topic and not ID_RE.fullmatch(topic):
            self.add(raw, f"{where}.topic", f"{_shown(topic)} is not kebab-case (a-z, 0-9, single hyphens)", line=_key_line(raw, "topic"))
        parties = self.strings(raw, "parties", where)
        aliases = self.strings(raw, "aliases", where)
        polarity = self.string(raw, "polarity", where, required=False) or "positive"
        if polarity not in ENUMS["polarity"]:
            self.add(raw, f"{where}.polarity", f"expected positive or negative, found {_shown(polarity)}", line=_key_line(raw, "polarity"))
        fact = self.string(raw, "fact", where, required=False) or ""
        if fact and not ID_RE.fullmatch(fact):
            self.add(raw, f"{where}.fact", f"{_shown(fact)} is not kebab-case", line=_key_line(raw, "fact"))
        values = self.values(raw.get("values"), f"{where}.values", raw)
        list_spec = self.list_spec(raw.get("list"), f"{where}.list", raw)
        evidence = self.evidence(raw.get("evidence"), f"{where}.evidence", raw)
        if len(self.problems) > before:
            return None
        return Entry(
            id=entry_id, statement=statement, topic=topic, evidence=tuple(evidence),
            parties=tuple(parties), values=tuple(values), list=list_spec, polarity=polarity,
            aliases=tuple(aliases), fact=fact, line=getattr(raw, "line", 0),
        )

    def string(self, raw: dict, key: str, where: str, required: bool = True) -> str:
        """The stripped string at `key`; "" when absent. A required key written empty (`id:`) is
        a problem, or an entry without an id would slip through."""
        value = raw.get(key)
        if key not in raw or (value is None and not required):
            return ""
        if not isinstance(value, str) or not value.strip():
            self.add(raw, f"{where}.{key}", f"expected a non-empty string, found {_type_name(value)}", line=_key_line(raw, key))
            return ""
        return value.strip()

    def strings(self, raw: dict, key: str, where: str) -> list[str]:
        value = raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.add(raw, f"{where}.{key}", "expected a list of non-empty strings", line=_key_line(raw, key))
            return []
        return [v.strip() for v in value]

    def values(self, raw: object, where: str, parent: dict) -> list[Quantity]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.add(parent, where, f"expected a list of values, found {_type_name(raw)}", line=_key_line(parent, where.rsplit(".", 1)[-1]))
            return []
        out = []
        for i, item in enumerate(raw):
            q = self.value(item, f"{where}[{i}]", parent)
            if q is not None:
                out.append(q)
        return out

    def value(self, raw: object, where: str, parent: dict) -> Quantity | None:
        if not isinstance(raw, dict):
            self.add(parent if not hasattr(raw, "line") else raw, where, f"expected a mapping with 'kind' and 'text', found {_type_name(raw)}")
            return None
        kind_name = raw.get("kind")
        kinds = ", ".join(k.value for k in Kind)
        if not isinstance(kind_name, str) or kind_name not in {k.value for k in Kind}:
            self.add(raw, f"{where}.kind", f"expected one of {kinds}, found {_shown(kind_name)}")
            return None
        kind = Kind(kind_name)
        required, optional = VALUE_KEYS[kind]
        ok = True
        for key in raw:
            if key not in required | optional | {"kind", "text"}:
                self.add(raw, f"{where}.{_name(key)}", f"unknown key for a {kind} value", line=_key_line(raw, key))
                ok = False
        for key in sorted(required | {"text"}):
            if key not in raw:
                self.add(raw, where, f"missing key '{key}' for a {kind} value")
                ok = False
        if not ok:
            return None
        if not isinstance(raw["text"], str) or not raw["text"].strip():
            self.add(raw, f"{where}.text", "expected the figure as the quote writes it")
            return None
        for key in ("value", "of"):
            if key in raw and kind not in (Kind.DATE,) and (isinstance(raw[key], bool) or not isinstance(raw[key], (int, float))):
                self.add(raw, f"{where}.{key}", f"expected a number, found {_type_name(raw[key])}", line=_key_line(raw, key))
                ok = False
            elif key in raw and kind not in (Kind.DATE,) and not _finite(raw[key]):
                self.add(raw, f"{where}.{key}", f"expected a finite number, found {_shown(raw[key])}", line=_key_line(raw, key))
                ok = False
        for key, allowed in ENUMS.items():
            if key in raw and raw[key] not in allowed:
                self.add(raw, f"{where}.{key}", f"expected one of {', '.join(allowed)}, found {_shown(raw[key])}", line=_key_line(raw, key))
                ok = False
        for key in ("unit",):
            if key in raw and (not isinstance(raw[key], str) or not raw[key].strip()):
                self.add(raw, f"{where}.{key}", f"expected a non-empty string, found {_type_name(raw[key])}", line=_key_line(raw, key))
                ok = False
        if not ok:
            return None
        fields = dict(raw)
        for key in ("value", "from", "to"):
            if kind in (Kind.DATE, Kind.PERIOD) and key in fields:
                fields[key] = str(fields[key])
        try:
            return quantities.from_fields(fields)
        except (ValueError, OverflowError) as exc:
            self.add(raw, where, str(exc))
            return None

    def list_spec(self, raw: object, where: str, parent: dict) -> ListSpec | None:
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.add(parent, where, f"expected a mapping with 'members' and 'closed', found {_type_name(raw)}", line=_key_line(parent, "list"))
            return None
        for key in raw:
            if key not in {"members", "closed"}:
                self.add(raw, f"{where}.{_name(key)}", "unknown key (expected 'members' and 'closed')", line=_key_line(raw, key))
        closed = raw.get("closed", False)
        if not isinstance(closed, bool):
            self.add(raw, f"{where}.closed", f"expected true or false, found {_type_name(closed)}", line=_key_line(raw, "closed"))
        members_raw = raw.get("members")
        if not isinstance(members_raw, list) or len(members_raw) < 2:
            self.add(raw, f"{where}.members", "expected a list of at least two members")
            return None
        members = []
        names: set[str] = set()
        for i, m in enumerate(members_raw):
            mw = f"{where}.members[{i}]"
            if isinstance(m, str) and m.strip():
                member = Member(m.strip())
            elif isinstance(m, dict):
                for key in m:
                    if key not in {"name", "aliases", "values"}:
                        self.add(m, f"{mw}.{_name(key)}", "unknown key (expected name, aliases, values)", line=_key_line(m, key))
                name = self.string(m, "name", mw)
                if not name:
                    if "name" not in m:
                        self.add(m, mw, "missing key 'name'")
                    continue
                member = Member(name, tuple(self.strings(m, "aliases", mw)), tuple(self.values(m.get("values"), f"{mw}.values", m)))
            else:
                self.add(raw, mw, f"expected a name or a mapping with 'name', found {_type_name(m)}")
                continue
            if member.name.lower() in names:
                self.add(raw, mw, f"member {_shown(member.name)} listed twice")
            names.add(member.name.lower())
            members.append(member)
        return ListSpec(tuple(members), bool(closed))

    def evidence(self, raw: object, where: str, parent: dict) -> list[Evidence]:
        if raw is None:
            return []
        if not isinstance(raw, list) or not raw:
            self.add(parent, where, "expected a non-empty list of {source, quote}", line=_key_line(parent, "evidence"))
            return []
        out = []
        for i, item in enumerate(raw):
            ew = f"{where}[{i}]"
            if not isinstance(item, dict):
                self.add(raw, ew, f"expected a mapping with 'source' and 'quote', found {_type_name(item)}")
                continue
            for key in item:
                if key not in {"source", "quote"}:
                    self.add(item, f"{ew}.{_name(key)}", "unknown key (expected 'source' and 'quote')", line=_key_line(item, key))
            source = self.string(item, "source", ew)
            quote = self.string(item, "quote", ew)
            if not source or not quote:
                for key in ("source", "quote"):
                    if key not in item:
                        self.add(item, ew, f"missing key '{key}'")
                continue
            if not ID_RE.fullmatch(source):
                self.add(item, f"{ew}.source", f"{_shown(source)} is not a source id (a file name in the sources folder, without .md)", line=_key_line(item, "source"))
                continue
            out.append(Evidence(source, quote, line=_key_line(item, "quote")))
        return out


def _key_line(mapping: object, key: str) -> int:
    key_lines = getattr(mapping, "key_lines", None)  # a yamlfile.LineDict
    if key_lines is not None:
        return key_lines.get(key, mapping.line)
    return getattr(mapping, "line", 0)


def _finite(number: float) -> bool:
    """NaN, the infinities and integers beyond a float's range compare with nothing."""
    try:
        return math.isfinite(number)
    except OverflowError:
        return False


def _name(key: object) -> str:
    """A key from the file in a problem's path: as written, or escaped and shortened."""
    text = str(key)
    return text if text.isprintable() and len(text) <= 60 else _shown(text)


def _shown(value: object, limit: int = 60) -> str:
    """A value from the file in a one-line message: escaped and shortened; a collection is
    named by its type, never printed (it may be megabytes)."""
    if value is None or not isinstance(value, (str, int, float)):
        return _type_name(value)
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _type_name(value: object) -> str:
    for kind, name in ((type(None), "nothing"), (bool, "a boolean"), (dict, "a mapping"), (list, "a list"), (str, "a string"), ((int, float), "a number")):
        if isinstance(value, kind):
            return name
    return type(value).__name__
