"""Everything wrong with a claims file, the schema and the evidence, in one pass.

Loading stops a command at the first bad file; validating is for the author fixing it, so it
reports every problem, and still checks the evidence of the entries that are well formed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..claimsfile.claims import ClaimsError, ClaimsFile, Entry, Problem, Read, build, read_text
from ..claimsfile.files import shown_path
from ..claimsfile.sources import SourceLibrary
from ..claimsfile.yamlfile import LineDict, YamlError, load
from ..language.normalise import fold
from ..language.quantities import TIME_KINDS, Kind, Qualifier, Quantity, describe, parse

MAX_LISTED_SOURCES = 10


@dataclass(frozen=True)
class _Located:
    """A well-formed entry with where it sits: its index in `claims` and its YAML mapping."""

    index: int
    entry: Entry
    raw: LineDict

    @property
    def where(self) -> str:
        return f"claims[{self.index}]"


def validate(path: Path) -> list[Problem]:
    """Every problem of the claims file at `path`, in file order; [] when it is clean."""
    shown = str(path)
    try:
        data, yaml_problems = load(read_text(path))
    except ClaimsError as exc:
        return exc.problems
    except YamlError as exc:
        return [Problem(shown, exc.problem.line, exc.problem.column, "", exc.problem.message)]
    # the same schema and rules as claims.parse_claims, which raises instead of going on
    read = build(data, path, [Problem(shown, p.line, p.column, "", p.message) for p in yaml_problems])
    located = [_Located(i, entry, data["claims"][i]) for i, entry in read.entries] if isinstance(data, dict) else []  # else none were read
    report = _Report(shown)
    _check_sources(report, located, read.sources_dir, path.parent, data)
    for item in located:
        _check_values(report, item)
        _check_list(report, item)
    _check_facts(report, located)
    _check_examples(report, located, read, path)
    return sorted(read.problems + report.problems, key=lambda p: (p.line, p.column))


class _Report:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, at: tuple[int, int], where: str, message: str) -> None:
        self.problems.append(Problem(self.file, at[0], at[1], where, message))


# --- sources and quotes ----------------------------------------------------------------------


def _check_sources(report: _Report, located: list[_Located], sources_dir: Path, base: Path, data: object) -> None:
    if not sources_dir.is_dir():
        at = data.position("sources") if isinstance(data, LineDict) and "sources" in data else (1, 1)
        report.add(at, "sources", f"no sources folder {shown_path(sources_dir, base)}")
        return
    library = SourceLibrary(sources_dir)
    for item in located:
        for j, ev in enumerate(item.entry.evidence):
            where = f"{item.where}.evidence[{j}]"
            raw = item.raw["evidence"][j]
            path = sources_dir / f"{ev.source}.md"
            if not (path.exists() or path.is_symlink()):
                report.add(raw.position("source"), f"{where}.source", f"unknown source {ev.source!r}: no {shown_path(path, base)} ({_available(library)})")
                continue
            try:
                source = library.get(ev.source)
            except ClaimsError as exc:
                report.add(raw.position("source"), f"{where}.source", f"{shown_path(path, base)}: {exc.problems[0].message}")
                continue
            if source.find(ev.quote) is None:
                line, nearest = source.nearest(ev.quote)
                found = f"; nearest (line {line}): {_quoted(nearest)}" if nearest else " (it has no text)"
                report.add(raw.position("quote"), f"{where}.quote", f"quote not found in {shown_path(path, base)}{found}")


def _available(library: SourceLibrary) -> str:
    ids = library.available()
    if not ids:
        return "the sources folder has no .md files"
    more = f", and {len(ids) - MAX_LISTED_SOURCES} more" if len(ids) > MAX_LISTED_SOURCES else ""
    return "sources: " + ", ".join(ids[:MAX_LISTED_SOURCES]) + more



# --- values and the figures of the quotes ----------------------------------------------------


def _check_values(report: _Report, item: _Located) -> None:
    quotes = [ev.quote for ev in item.entry.evidence]
    per_quote = [parse(quote) for quote in quotes]
    figures = [f for fs in per_quote for f in fs]
    values = list(_values(item))
    named: list[Quantity] = []  # figures that a wrong value's problem already accounts for
    for where, at, value in values:
        hits = [f for f in figures if _same(value, f)]
        text_occurs = any(_occurs(value.text, quote) for quote in quotes)
        if any(_alike(value, f) for f in hits):
            if not text_occurs:
                report.add(at, f"{where}.text", f"{_quoted(value.text)} does not occur in {_the_quote(quotes)}")
        elif not hits and text_occurs and not any(_same(value, f) for f in parse(value.text)):
            named += [f for f in figures if _occurs(f.text, value.text)]
            read = _join(describe(f) for f in parse(value.text))
            report.add(at, f"{where}.text", f"{_quoted(value.text)} does not parse as {describe(value)}: " + (f"it reads {read}" if read else "no figure in it"))
        else:
            near = hits or [f for f in figures if _kind_fits(value, f)]
            named += near
            has = "the quote has" if len(quotes) == 1 else "the quotes have"
            found = f"{has}: {_join(describe(f) for f in near)}" if near else f"{has} no {value.kind} figure"
            report.add(at, where, f"{describe(value)} does not occur in {_the_quote(quotes)} ({found})")
    carried = [value for _, _, value in values]
    for j, (ev, fs) in enumerate(zip(item.entry.evidence, per_quote)):
        for f in fs:
            if not f.weak and f not in named and not any(_same(v, f) for v in carried):
                report.add(item.raw["evidence"][j].position("quote"), f"{item.where}.evidence[{j}].quote", f"the figure {_quoted(f.text)} ({describe(f)}) is not among the entry's values")


def _values(item: _Located) -> Iterator[tuple[str, tuple[int, int], Quantity]]:
    """(where, (line, column), value) of every value, the entry's and its list members'."""
    for j, value in enumerate(item.entry.values):  # an entry with values has them in its mapping
        yield f"{item.where}.values[{j}]", item.raw["values"].position(j), value
    if item.entry.list is None:
        return
    raw_members = item.raw["list"]["members"]
    for k, member in enumerate(item.entry.list.members):
        for j, value in enumerate(member.values):  # a member with values is a mapping
            yield f"{item.where}.list.members[{k}].values[{j}]", raw_members[k]["values"].position(j), value


def _kind_fits(value: Quantity, figure: Quantity) -> bool:
    """A money value may parse as a count when the quote leaves the currency elsewhere."""
    if value.kind in TIME_KINDS:
        return figure.kind in TIME_KINDS
    return figure.kind is value.kind or (value.kind is Kind.MONEY and figure.kind is Kind.COUNT)


def _same(value: Quantity, figure: Quantity) -> bool:
    """Whether a figure parsed from a quote is this value: same number, or same span (a date
    may be one end of a period: the quote may write them apart, or the claim only one end)."""
    if not _kind_fits(value, figure):
        return False
    if value.kind in TIME_KINDS:
        ends = {figure.span, figure.span_to} - {None}
        if value.kind is Kind.PERIOD:
            return (value.span, value.span_to) == (figure.span, figure.span_to) or (figure.kind is Kind.DATE and figure.span in {value.span, value.span_to})
        return value.span in ends
    if value.kind is Kind.MONEY and figure.kind is Kind.MONEY and value.unit != figure.unit:
        return False
    return _close(value.value, figure.value) and (value.kind is not Kind.RATIO or _close(value.of, figure.of))


def _alike(value: Quantity, figure: Quantity) -> bool:
    """"more than 100" is not "100": numbers must agree on their qualifier too."""
    return value.kind in TIME_KINDS or value.qualifier is figure.qualifier


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)


def _occurs(needle: str, text: str) -> bool:
    """Whether `needle` is in `text` as whole words, ignoring case, accents, quote style, spacing."""
    n, t = _squash(needle), _squash(text)
    if not n:
        return False
    pattern = (r"(?<!\w)" if n[0].isalnum() else "") + re.escape(n) + (r"(?!\w)" if n[-1].isalnum() else "")
    return re.search(pattern, t) is not None


def _squash(text: str) -> str:
    return " ".join(fold(text).split())


def _join(items) -> str:
    return ", ".join(dict.fromkeys(items))


def _the_quote(quotes: list[str]) -> str:
    return "the quote" if len(quotes) == 1 else "its quotes"


def _quoted(text: str) -> str:
    """Text from the file inside a one-line message."""
    return '"' + " ".join(text.split()) + '"'


# --- lists and fact groups ---------------------------------------------------------------------


def _check_list(report: _Report, item: _Located) -> None:
    spec = item.entry.list
    if spec is None:
        return
    raw_list = item.raw["list"]
    # a closed list is all of it: its size is exact, so "more than 400 experts" counts something else
    counts = [v for v in item.entry.values if v.kind is Kind.COUNT and v.qualifier is Qualifier.EXACT]
    if spec.closed and counts and not any(v.value == len(spec.members) for v in counts):
        said = _join(_quoted(v.text) for v in counts)
        report.add(raw_list.position("members"), f"{item.where}.list.members", f"the closed list has {len(spec.members)} members, but the entry counts {said}")
    quotes = [ev.quote for ev in item.entry.evidence]
    raw_members = raw_list["members"]
    for k, member in enumerate(spec.members):
        names = (member.name, *member.aliases)
        if not any(_occurs(name, quote) for name in names for quote in quotes):
            also = f" (nor {_join(_quoted(a) for a in member.aliases)})" if member.aliases else ""
            report.add(raw_members.position(k), f"{item.where}.list.members[{k}]", f"member {_quoted(member.name)}{also} does not occur in {_the_quote(quotes)}")


def _check_facts(report: _Report, located: list[_Located]) -> None:
    uses = Counter(item.entry.fact for item in located if item.entry.fact)
    for item in located:
        if uses[item.entry.fact] == 1:
            report.add(item.raw.position("fact"), f"{item.where}.fact", f"fact {item.entry.fact!r} is used by no other entry: only entries that give the same fact share a fact key")


# --- examples: entries that test themselves ---------------------------------------------------


def _check_examples(report: _Report, located: list[_Located], read: Read, path: Path) -> None:
    """Check every example claim with the real checker, against the well-formed entries; each
    one that does not get its verdict, from its own entry, is a problem at its line."""
    if not any(item.entry.examples for item in located) or not read.sources_dir.is_dir():
        return
    from ..engine.corpus import Corpus  # the checker: only a file with examples needs it

    claims = ClaimsFile(path, read.sources_dir, tuple(e for _, e in read.entries), vocabulary=read.vocabulary, topics=read.topics)
    checker = Corpus(claims).checker
    for item in located:
        for verdict, raw_claims in (item.raw.get("examples") or {}).items():
            for n, claim in enumerate(raw_claims):
                problem = _example_problem(checker.check(claim.strip()), item.entry.id, verdict)
                if problem:
                    report.add(raw_claims.position(n), f"{item.where}.examples.{verdict}[{n}]", problem)


def _example_problem(result, entry_id: str, verdict: str) -> str | None:
    """What is wrong with an example's result: another verdict, or the right one from another entry."""
    said = _quoted(result.claim)
    if result.verdict.value != verdict:
        return f"{said} is {result.verdict.value}, not {verdict}: {' '.join(result.reason.split())}"
    if verdict == "unverified" or _decided_by(result, entry_id):
        return None
    other = next((m.entry.id for m in result.matches if m.verdict.value == verdict), "another entry")
    return f"{said} is {verdict} by {other!r}, not by this entry"


def _decided_by(result, entry_id: str) -> bool:
    """Whether the entry gives the result its verdict, itself or in one of its parts."""
    if any(m.entry.id == entry_id and m.verdict is result.verdict for m in result.matches):
        return True
    return any(_decided_by(part, entry_id) for part in result.parts if part.verdict is result.verdict)
