"""Where the sources themselves differ: the same fact with other values, precision or names.

Entries that give one fact from different sources share a `fact` key in the claims file;
an entry quoted from several sources may show that they name the same thing differently.
Each difference says whether time explains it: a later source reporting a larger count of
a state ("more than 80 countries" in 2018, "more than 100" in 2024) supersedes the earlier;
two accounts of one event with different dates are not explained by time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .claims import Entry
from .corpus import Corpus
from .normalise import fold, name_keys
from .quantities import Agreement, Kind, Quantity, comparable, compare
from .verdict import same_unit


@dataclass(frozen=True)
class Side:
    entry_id: str
    value: str  # the value as the source writes it
    source: str  # sources/FILE.md
    line: int
    published: str
    date: str  # the source's date, as sortable as the front matter allows


@dataclass(frozen=True)
class Discrepancy:
    fact: str
    kind: str  # value, precision, name, account
    sides: tuple[Side, ...]
    explained_by_time: bool
    note: str


def find(corpus: Corpus) -> list[Discrepancy]:
    """Every difference between sources that the claims file records, in file order."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for e in corpus.claims.entries:
        if e.fact:
            groups[e.fact].append(e)
    out = [d for fact, entries in groups.items() if len(entries) > 1 for d in _group(corpus, fact, entries)]
    out += [d for e in corpus.claims.entries for d in _names(corpus, e)]
    return out


def _side(corpus: Corpus, e: Entry, value: str) -> Side:
    cited = corpus.cite(e)
    if not cited:
        return Side(e.id, value, "?", 0, "?", "")
    c = cited[0]
    return Side(e.id, value, corpus.display_path(c.source), c.passage.line, c.source.published, c.source.date)


def _group(corpus: Corpus, fact: str, entries: list[Entry]) -> list[Discrepancy]:
    """Entries of one fact: each kind of value they give differently is one discrepancy."""
    first, rest = entries[0], entries[1:]
    out = []
    for other in rest:
        for a in first.values:
            for b in other.values:
                if not comparable(a, b) or a.kind is not b.kind or not same_unit(a, b):
                    continue
                agreement = compare(a, b)
                if agreement is Agreement.AGREE and compare(b, a) is Agreement.AGREE:
                    continue
                sides = tuple(sorted((_side(corpus, first, a.text), _side(corpus, other, b.text)), key=lambda s: s.date))
                kind, note = _kind_of_difference(a, b, agreement)
                timed = kind == "value" and a.kind not in (Kind.DATE, Kind.PERIOD) and sides[0].date != sides[1].date
                if timed:
                    note += f"; the later source ({sides[1].published}) may supersede the earlier"
                out.append(Discrepancy(fact, kind, sides, timed, note))
        if not out and first.statement != other.statement:
            sides = tuple(sorted((_side(corpus, first, first.statement), _side(corpus, other, other.statement)), key=lambda s: s.date))
            out.append(Discrepancy(fact, "account", sides, False, "two accounts of the same fact"))
    return out


def _kind_of_difference(a: Quantity, b: Quantity, agreement: Agreement) -> tuple[str, str]:
    if agreement is Agreement.CONFLICT:
        if a.kind in (Kind.DATE, Kind.PERIOD):
            return "account", f"different dates for one event: {a.describe()} and {b.describe()}"
        return "value", f"different figures: {a.describe()} and {b.describe()}"
    if a.kind in (Kind.DATE, Kind.PERIOD):
        return "precision", f"the same date at different precision: {a.describe()} and {b.describe()}"
    return "value", f"figures that do not confirm each other: {a.describe()} and {b.describe()}"


def _names(corpus: Corpus, e: Entry) -> list[Discrepancy]:
    """One entry quoted from several sources that write its name differently ("Four nos",
    "Four No’s")."""
    if len({ev.source for ev in e.evidence}) < 2:
        return []
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for alias in (*e.aliases, *e.parties):
        if keys := name_keys(alias):
            groups[keys].append(alias)
    for aliases in groups.values():
        by_source: dict[str, Side] = {}
        for ev in e.evidence:
            written = next((w for a in aliases if (w := _written_form(ev.quote, a))), None)
            cited = corpus.cite_one(ev) if written else None
            if cited is not None:
                by_source.setdefault(ev.source, Side(e.id, written, corpus.display_path(cited.source), cited.passage.line, cited.source.published, cited.source.date))
        if len(by_source) > 1 and len({s.value for s in by_source.values()}) > 1:
            sides = tuple(sorted(by_source.values(), key=lambda s: s.date))
            return [Discrepancy(e.id, "name", sides, False, "the same name written differently: " + " / ".join(s.value for s in sides))]
    return []


def _written_form(quote: str, alias: str) -> str | None:
    """How a quote writes an alias, found case-, accent- and quote-style-insensitively."""
    at = fold(quote).find(fold(alias))
    return quote[at:at + len(alias)] if at >= 0 else None
