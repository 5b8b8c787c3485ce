"""The claims file as typed data: entries, their values, lists and evidence.

Loading checks the file against its schema (schema.py, the one definition) and the rules a
schema cannot state, and reports every problem with its path (`claims[12].values[0].kind`),
line and column; `validate` adds the checks that need the sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..language import knowledge, quantities
from ..language.quantities import Kind, Quantity
from .files import NotUTF8, TooLarge, Version, decode_utf8, read_version

if TYPE_CHECKING:  # a check served from the cache parses no YAML, and imports no PyYAML
    from .yamlfile import LineDict

MAX_CLAIMS_BYTES = 1024 * 1024 * 1024  # some 1,900,000 entries (issue 15 asks for 1,000,000); loading takes about 6 bytes a byte


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
class Example:
    """A claim with the verdict it must get: the entry tests itself (validate runs it), and a
    supported one is a known rewording that helps matching find the entry."""

    verdict: str  # supported, conflicting or unverified
    claim: str


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
    examples: tuple[Example, ...] = ()

    @property
    def rewordings(self) -> tuple[str, ...]:
        """The claims its examples say it supports."""
        return tuple(x.claim for x in self.examples if x.verdict == "supported")

    def all_values(self) -> tuple[Quantity, ...]:
        members = tuple(v for m in self.list.members for v in m.values) if self.list else ()
        return self.values + members


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
    entries: Sequence[Entry]  # a tuple, or read from the cache as used (cache.Entries)
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
        return decode_utf8(raw)
    except NotUTF8 as exc:
        raise ClaimsError([Problem(str(path), 0, 0, "", str(exc))]) from None


def read_text(path: Path, max_bytes: int = MAX_CLAIMS_BYTES) -> str:
    return decode(read_file(path, max_bytes)[0], path)


def load_claims(path: Path) -> ClaimsFile:
    """Parse and type-check a claims file. Raises ClaimsError listing every schema problem."""
    return read_claims(path)[0]


def read_claims(path: Path, parse: Callable[[str, Path], ClaimsFile] | None = None) -> tuple[ClaimsFile, Version]:
    """The claims file, and the version of it that was parsed: the file is read once, and the
    bytes parsed are the bytes hashed, so that an edit landing during the parse can never be
    taken for what was parsed. `parse`: parse_claims, or a function giving what it gives."""
    raw, version = read_file(path)
    text = decode(raw, path)
    del raw  # not held through the parse: at 100,000 entries it is 50 MB of the peak
    return (parse or parse_claims)(text, path), version


def parse_claims(text: str, path: Path) -> ClaimsFile:
    from .yamlfile import YamlError, load  # a check served from the cache parses no YAML

    shown = str(path)
    try:
        data, yaml_problems = load(text)
    except YamlError as exc:
        p = exc.problem
        raise ClaimsError([Problem(shown, p.line, p.column, "", p.message)]) from None
    read = build(data, path, [Problem(shown, p.line, p.column, "", p.message) for p in yaml_problems], consume=True)
    if read.problems:
        raise ClaimsError(sorted(read.problems, key=lambda p: (p.line, p.column)))
    return ClaimsFile(path=path, sources_dir=read.sources_dir, entries=tuple(e for _, e in read.entries),
                      vocabulary=read.vocabulary, topics=read.topics)


@dataclass
class Read:
    """What a claims file's data holds: its well-formed entries (with their index in `claims`),
    and every problem found, by the schema (schema.py) and by the rules it cannot state."""

    entries: list[tuple[int, Entry]]
    sources_dir: Path
    vocabulary: Vocabulary
    topics: tuple[str, ...]
    problems: list[Problem]


def build(data: object, path: Path, problems: list[Problem], consume: bool = False) -> Read:
    """Check `data` against the schema, then build the typed entries of those that pass it.
    With `consume`, each raw entry is dropped from `data` once built: the parsed data of a large
    claims file is several times the size of its entries, and would otherwise be held beside
    them all, the peak of a first run."""
    from . import schema

    shown = str(path)

    def add(at: tuple[int, int], where: str, message: str) -> None:
        problems.append(Problem(shown, at[0], at[1], where, message))

    bad: set[int] = set()  # entries with a problem: left out, the others still built
    for found in schema.check(data):
        problems.append(Problem(shown, found.line, found.column, found.where, found.message))
        if m := _ENTRY_AT.match(found.where):
            bad.add(int(m[1]))
    root = data if isinstance(data, dict) else {}
    sources = root.get("sources")
    sources_dir = path.parent / (sources if isinstance(sources, str) and sources.strip() else "sources")
    topics = tuple(root["topics"]) if not any(p.where.startswith("topics") for p in problems) and "topics" in root else ()
    claims: list = root["claims"] if isinstance(root.get("claims"), list) else []
    entries: list[tuple[int, Entry]] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(claims):
        if consume:
            claims[i] = None
        if i in bad:
            continue
        where = f"claims[{i}]"
        entry = entry_of(raw, where, add)
        if entry is None:
            continue
        if topics and entry.topic not in topics:
            add(raw.position("topic"), f"{where}.topic", f"unknown topic {_shown(entry.topic)} (the file's topics: {', '.join(topics)})")
            continue
        if entry.id in seen:
            add(raw.position("id"), f"{where}.id", f"duplicate id {_shown(entry.id)} (first on line {seen[entry.id]})")
            continue
        seen[entry.id] = entry.line
        entries.append((i, entry))
    vocabulary = _vocabulary(root.get("vocabulary"), add) if not any(p.where.startswith("vocabulary") for p in problems) else Vocabulary()
    return Read(entries, sources_dir, vocabulary, topics, problems)


_ENTRY_AT = re.compile(r"claims\[(\d+)\]")


def entry_of(raw: LineDict, where: str, add) -> Entry | None:
    """An entry the schema passed; None when a rule it cannot state fails (a date that does not
    exist, a list member given twice)."""
    ok = True
    values = []
    for j, v in enumerate(raw.get("values") or []):
        q = _value(v, f"{where}.values[{j}]", raw["values"].position(j), add)
        if q is None:
            ok = False
        else:
            values.append(q)
    list_spec = None
    if "list" in raw:
        members = []
        names: dict[str, int] = {}
        raw_members = raw["list"]["members"]
        for k, m in enumerate(raw_members):
            mw = f"{where}.list.members[{k}]"
            if isinstance(m, str):
                member = Member(m.strip())
            else:
                read = [_value(v, f"{mw}.values[{j}]", m["values"].position(j), add) for j, v in enumerate(m.get("values") or [])]
                member_values = tuple(q for q in read if q is not None)
                ok = ok and len(member_values) == len(read)
                member = Member(m["name"].strip(), tuple(a.strip() for a in m.get("aliases") or ()), member_values)
            if member.name.lower() in names:
                add(raw_members.position(k), mw, f"member {_shown(member.name)} listed twice")
                ok = False
            names[member.name.lower()] = k
            members.append(member)
        list_spec = ListSpec(tuple(members), bool(raw["list"].get("closed", False)))
    if not ok:
        return None
    return Entry(
        id=raw["id"], statement=raw["statement"].strip(), topic=raw["topic"],
        evidence=tuple(Evidence(ev["source"], ev["quote"].strip(), line=ev.position("quote")[0]) for ev in raw["evidence"]),
        parties=tuple(p.strip() for p in raw.get("parties") or ()), values=tuple(values), list=list_spec,
        polarity=raw.get("polarity", "positive"), aliases=tuple(a.strip() for a in raw.get("aliases") or ()),
        fact=raw.get("fact", ""), line=raw.line,
        examples=tuple(Example(verdict, claim.strip()) for verdict, claims in (raw.get("examples") or {}).items() for claim in claims),
    )


def _value(raw: dict, where: str, at: tuple[int, int], add) -> Quantity | None:
    fields = dict(raw)
    if Kind(fields["kind"]) in (Kind.DATE, Kind.PERIOD):
        for key in ("value", "from", "to"):
            if key in fields:
                fields[key] = str(fields[key])
    try:
        return quantities.from_fields(fields)
    except (ValueError, OverflowError) as exc:
        add(at, where, str(exc))
        return None


def _vocabulary(raw: object, add) -> Vocabulary:
    """`vocabulary:` of the claims file: for each kind, a list of lines as its bundled
    knowledge file writes them; each line is parsed as that file's are."""
    if not isinstance(raw, dict):
        return Vocabulary()
    found: dict[str, tuple[str, ...]] = {}
    for key, lines in raw.items():
        for n, line in enumerate(lines):
            try:
                knowledge.PARSERS[key](line)
            except ValueError as error:
                add(lines.position(n), f"vocabulary.{key}[{n}]", str(error))
        found[key] = tuple(lines)
    return Vocabulary(**found)


def _shown(value: object, limit: int = 60) -> str:
    """A value from the file in a one-line message: escaped and shortened."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
