"""Where the sources themselves differ: the same fact with other values, precision, names or
polarity.

Two ways find them. A curator groups entries that give one fact from different sources under a
shared `fact` key; and the checker finds them itself: each source's statements (its entries'
statements and quotes) are checked against the entries whose evidence comes from *other*
sources, and every match about the same fact whose figures differ is a difference (an entry
quoted from several sources may also name the same thing differently). A new document is
checked the same way, its facts read as `extract` reads them.
Each difference says whether time explains it: a later source reporting a larger count of
a state ("more than 80 countries" in 2018, "more than 100" in 2024) supersedes the earlier;
two accounts of one event with different dates are not explained by time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from ..claimsfile.claims import ClaimsError, Entry
from ..engine.checker import Checker
from ..engine.corpus import Corpus
from ..engine.figures import same_unit
from ..engine.match import Index
from ..engine.verdicts import SHOWN, Match, Verdict
from ..language.normalise import fold, name_keys
from ..language.quantities import Agreement, Kind, Quantity, comparable, compare


class DiscrepancyError(Exception):
    """A document that cannot be compared with the sources; the message says which and why."""


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
    kind: str  # value, precision, name, account, polarity
    sides: tuple[Side, ...]
    explained_by_time: bool
    note: str
    grouped: bool = True  # a curator grouped both sides under one `fact` key
    found: bool = False  # the checker found it, from the values the sources give


def find(corpus: Corpus, others: Others | None = None) -> list[Discrepancy]:
    """Every difference between sources: those the claims file records (`fact` groups, in file
    order), each marked when the checker finds it too, then those only the checker finds."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for e in corpus.claims.entries:
        if e.fact:
            groups[e.fact].append(e)
    curated = [d for fact, entries in groups.items() if len(entries) > 1 for d in _group(corpus, fact, entries)]
    names = [d for e in corpus.claims.entries for d in _names(corpus, e)]
    others = others or Others(corpus)
    found = differences(corpus, [r for e in corpus.claims.entries for s in statements_of(corpus, e) for r in others.relations(s)])
    return merge(curated, found) + names


def of_source(corpus: Corpus, path: Path) -> list[Discrepancy]:
    """One document's differences with the other sources: those of the entries that quote it,
    and those of its facts that no entry quotes yet, read as `extract` reads them (a document
    just added to the sources folder has only these)."""
    from .extract import ExtractError, new_facts, source_id_of

    try:
        sid = source_id_of(path, corpus.claims.sources_dir)
        facts = new_facts(corpus.claims, sid)
    except ExtractError as exc:
        raise DiscrepancyError(str(exc)) from None
    try:
        shown = corpus.display_path(corpus.library.get(sid))
    except ClaimsError as exc:
        raise DiscrepancyError(str(exc)) from None
    others = Others(corpus)
    known = [d for d in find(corpus, others) if any(side.source == shown for side in d.sides)]
    return known + differences(corpus, [r for text, line in facts for r in others.relations(Statement(text, sid, line))])


@dataclass(frozen=True)
class Standing:
    """How a fact proposed from a document stands with one entry of another source."""

    agrees: bool
    entry_id: str
    where: str  # sources/FILE.md:LINE of the entry's quote
    date: str  # of the entry's source
    note: str


def standings(corpus: Corpus, facts: list[tuple[str, str, int]]) -> list[tuple[Standing, ...]]:
    """For `extract`: each (source id, quote, line) against the entries of the other sources,
    those it agrees with and those it differs from, each entry once."""
    others = Others(corpus)
    out = []
    for source_id, text, line in facts:
        marks: dict[tuple[str, bool], Standing] = {}
        for r in others.relations(Statement(text, source_id, line)):
            side = _side(corpus, r.entry, r.theirs)
            marks.setdefault((r.entry.id, r.agrees), Standing(r.agrees, r.entry.id, f"{side.source}:{side.line}", side.date or side.published, r.note))
        out.append(tuple(marks.values()))
    return out


def merge(curated: list[Discrepancy], found: list[Discrepancy]) -> list[Discrepancy]:
    """The curated groups, each marked found when the checker found a difference between the
    same entries, then the differences no group records."""
    pairs = {_entries(d) for d in found}
    out = [replace(d, found=_entries(d) in pairs) for d in curated]
    grouped = {_entries(d) for d in curated}
    return out + [d for d in found if _entries(d) not in grouped]


def _entries(d: Discrepancy) -> frozenset[str]:
    return frozenset(s.entry_id for s in d.sides)


def differences(corpus: Corpus, relations: list[Relation]) -> list[Discrepancy]:
    """The relations that differ, as discrepancies, each pair once (the checker finds most
    from both sides), in the order found."""
    owners = _owners(corpus)
    out: dict[tuple, Discrepancy] = {}
    for r in relations:
        if r.agrees:
            continue
        owner = _owner(r, owners)
        ours = _side_at(corpus, r.statement, owner, r.ours)
        theirs = _side(corpus, r.entry, r.theirs)
        key = (frozenset({ours.entry_id or f"{ours.source}:{ours.line}", theirs.entry_id}), r.kind, r.said)
        if key in out:
            continue
        sides = tuple(sorted((ours, theirs), key=lambda s: s.date))
        timed = r.kind == "value" and r.quantities_timed and sides[0].date != sides[1].date
        note = r.note + (f"; the later source ({sides[1].published}) may supersede the earlier" if timed else "")
        grouped = bool(owner and owner.fact and owner.fact == r.entry.fact)
        label = r.entry.fact if grouped else " / ".join(s.entry_id or f"{r.statement.source}:{s.line}" for s in sides)
        out[key] = Discrepancy(label, r.kind, sides, timed, note, grouped=grouped, found=True)
    return list(out.values())


def _owners(corpus: Corpus) -> dict[tuple[str, int], list[Entry]]:
    """The entries that quote each line of each source."""
    out: dict[tuple[str, int], list[Entry]] = defaultdict(list)
    for e in corpus.claims.entries:
        for c in corpus.cite(e):
            out[(c.source.id, c.passage.line)].append(e)
    return out


def _owner(r: Relation, owners: dict[tuple[str, int], list[Entry]]) -> Entry | None:
    """Whose figure a statement's differing value is: a quote's sentence may hold the facts of
    several entries ("more than 80 countries ...; signed 50 agreements"), each its own."""
    mine = r.statement.entry
    if mine is None or r.figure is None or r.statement.text == mine.statement or _gives(mine, r.ours):
        return mine
    return next((e for e in owners.get((r.statement.source, r.statement.line), ()) if _gives(e, r.ours)), mine)


def _gives(e: Entry, text: str) -> bool:
    return any(fold(v.text) == fold(text) or fold(text) in fold(v.text) for v in e.all_values())


def _side_at(corpus: Corpus, statement: Statement, owner: Entry | None, value: str) -> Side:
    """A statement's side: where in its source it is said, and which entry says it."""
    entry_id = owner.id if owner else ""
    try:
        source = corpus.library.get(statement.source)
    except ClaimsError:
        return Side(entry_id, value, "?", statement.line, "?", "")
    return Side(entry_id, value, corpus.display_path(source), statement.line, source.published, source.date)


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
            if written is None:
                continue
            cited = corpus.cite_one(ev)
            if cited is not None:
                by_source.setdefault(ev.source, Side(e.id, written, corpus.display_path(cited.source), cited.passage.line, cited.source.published, cited.source.date))
        if len(by_source) > 1 and len({s.value.casefold() for s in by_source.values()}) > 1:
            sides = tuple(sorted(by_source.values(), key=lambda s: s.date))
            note = "the same name written differently: " + " / ".join(s.value for s in sides)
            return [Discrepancy(e.id, "name", sides, False, note, grouped=False, found=True)]
    return []


def _spelt_otherwise(a: str, b: str) -> bool:
    """Two forms of a name spelt differently ("Four No’s", "Four nos"), not only in case, which
    follows the sentence ("the Vietnam war", "the Vietnam War"), nor in the style of an
    apostrophe, which follows the typesetting."""
    return a.casefold().translate(_APOSTROPHES) != b.casefold().translate(_APOSTROPHES)


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def _written_form(quote: str, alias: str) -> str | None:
    """How a quote writes an alias, found case-, accent- and quote-style-insensitively."""
    at = fold(quote).find(fold(alias))
    return quote[at:at + len(alias)] if at >= 0 else None


# --- differences the checker finds ----------------------------------------------------------

SAME_FACT = 0.5  # of an entry's statement (words weighed by rarity) a statement must say to be
# about the same fact: below it, "The Russian Federation came into being in 1991" is "about"
# Russia's 2012 partnership; the pairs of today's `fact:` groups say 0.55 to 1.0 of each other
SAME_DATE = 0.35  # the same, for one date within the other (see WIDEST_DATE_DAYS): the dates tie
# the two together, and two accounts of one event word it differently ("He proclaimed the
# independence of the DRV in September 1945", "the foundation of the DRV on 2 September 1945":
# 0.39); the closest unrelated pair of dates in the bundled file says 0.24
WIDEST_DATE_DAYS = 3653  # a date given less precisely spans at most a decade ("the late
# 1970s"); "the twentieth century" is an era, and every date of it falls in it
RANKS = SHOWN  # the matches of a statement looked at: those a check would show


@dataclass(frozen=True)
class Statement:
    """What one source says, checked against the entries of the other sources: an entry's
    statement or quote, or a fact of a document no entry quotes yet."""

    text: str
    source: str  # the source id
    line: int
    entry: Entry | None = None  # the entry it comes from; None for a document not yet extracted


@dataclass(frozen=True)
class Relation:
    """A statement against one entry of another source: the same fact, agreeing or not."""

    statement: Statement
    entry: Entry
    agrees: bool
    kind: str  # agrees, value, precision, account, polarity
    ours: str  # the statement's value as written (its text, for polarity)
    theirs: str
    note: str
    figure: Quantity | None = None  # the statement's figure compared
    their_figure: Quantity | None = None

    @property
    def said(self) -> frozenset[str]:
        """Both values in plain words, however written: "more than 80" is "more than 80 countries"."""
        if self.figure is None or self.their_figure is None:
            return frozenset({self.ours, self.theirs})
        return frozenset({self.figure.describe(), self.their_figure.describe()})

    @property
    def quantities_timed(self) -> bool:
        """Whether time may explain the difference: a count or an amount of a state, which a
        later source may report grown; never two dates of one event."""
        return self.figure is not None and self.figure.kind not in (Kind.DATE, Kind.PERIOD)


class Others:
    """The checker over the entries of every source but some: a statement is checked against
    what the *other* sources say, so that its own entry does not answer for it."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self._checkers: dict[frozenset[str], Checker] = {}

    def checker(self, excluded: frozenset[str]) -> Checker:
        """The checker without the entries citing `excluded`; the corpus's own (its index
        perhaps from the cache) when none does, as for a document just added: an index takes
        0.4 to 0.7 ms an entry to build (README, Performance), 70 s for 100,000 entries."""
        if excluded not in self._checkers:
            entries = tuple(e for e in self.corpus.claims.entries if not excluded & _sources_of(e))
            if len(entries) == len(self.corpus.claims.entries):
                self._checkers[excluded] = self.corpus.checker
                return self.corpus.checker
            claims = replace(self.corpus.claims, entries=entries)
            passages = {e.id: self.corpus.sentences(e) for e in entries}
            self._checkers[excluded] = Checker(Index(claims, passages), self.corpus.as_of, self.corpus.sentences)
        return self._checkers[excluded]

    def relations(self, statement: Statement) -> list[Relation]:
        """Each entry of another source that the statement is about, agreeing or differing."""
        excluded = _sources_of(statement.entry) if statement.entry else frozenset({statement.source})
        result = self.checker(excluded | {statement.source}).check(statement.text, shown=RANKS)
        out = []
        for m in result.matches[:RANKS]:
            if m.missing_names or m.closeness < SAME_DATE:
                continue  # about something else
            out += [r for r in _relations(statement, m) if m.closeness >= (SAME_DATE if r.kind == "precision" else SAME_FACT)]
        return out


def _relations(statement: Statement, m: Match) -> list[Relation]:
    """What the checker made of a statement against one entry, as agreements and differences.
    A figure conflict counts only where the checker calls the match conflicting: where it does
    not (the entry "speaks of another event", "every figure differs") it is another fact."""
    compared = [(c.claim, source, agreement) for c in m.comparisons
                if (source := c.source) is not None and (agreement := c.agreement) is not None
                and c.claim.kind is source.kind and same_unit(c.claim, source)]
    conflicts = [agreement for _, _, agreement in compared if agreement is Agreement.CONFLICT]
    if m.verdict is Verdict.CONFLICTING and m.by_meaning:
        note = "one denies what the other affirms"
        return [Relation(statement, m.entry, False, "polarity", statement.text, m.entry.statement, note)]
    if conflicts and m.verdict is not Verdict.CONFLICTING:
        return []
    out = []
    for claim, source, agreement in compared:
        if agreement is Agreement.AGREE and compare(source, claim) is Agreement.AGREE:
            out.append(Relation(statement, m.entry, True, "agrees", claim.text, source.text, f"both say {claim.describe()}", claim, source))
            continue
        kind, note = _kind_of_difference(claim, source, agreement)
        if kind == "precision" and not _less_precisely(claim, source):
            continue  # "1930" and "the twentieth century": not one date at two precisions
        out.append(Relation(statement, m.entry, False, kind, claim.text, source.text, note, claim, source))
    if m.verdict is Verdict.SUPPORTED and not out:
        out.append(Relation(statement, m.entry, True, "agrees", statement.text, m.entry.statement, "the entry states this"))
    if m.verdict is not Verdict.CONFLICTING:
        out += _spellings(statement, m.entry)
    return out


def _spellings(statement: Statement, e: Entry) -> list[Relation]:
    """A name of the entry that the statement writes otherwise than the entry's quotes do
    ("Four No’s", "Four nos"): case, accents and quote styles aside, the same name."""
    out = []
    for name in (*e.aliases, *e.parties):
        ours = _written_form(statement.text, name)
        theirs = {w for ev in e.evidence if (w := _written_form(ev.quote, name))}
        if ours and theirs and all(_spelt_otherwise(ours, w) for w in theirs):
            written = sorted(theirs)[0]
            out.append(Relation(statement, e, False, "name", ours, written, f"the same name written differently: {ours} / {written}"))
    return out


def _less_precisely(a: Quantity, b: Quantity) -> bool:
    """One date within the other, neither a bound ("by 2002", "since 2014"), the wider at most
    a decade long."""
    if a.relation or b.relation or not a.span or not b.span:
        return False
    wide, narrow = (a.span, b.span) if a.span.days >= b.span.days else (b.span, a.span)
    return wide.contains(narrow) and wide.days <= WIDEST_DATE_DAYS


def _sources_of(e: Entry) -> frozenset[str]:
    return frozenset(ev.source for ev in e.evidence)


def statements_of(corpus: Corpus, e: Entry) -> list[Statement]:
    """What a source says in an entry: its statement, and each quote's sentence, which may say
    what the statement rewords away ("He proclaimed ... in September 1945")."""
    cited = corpus.cite(e)
    first = cited[0] if cited else None
    out = [Statement(e.statement, first.source.id if first else "", first.passage.line if first else 0, e)]
    out += [Statement(c.passage.sentence, c.source.id, c.passage.line, e) for c in cited]
    return out
