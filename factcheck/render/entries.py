"""Browsing the claims file: a table of entries, and one entry with its evidence."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..claimsfile.claims import Entry
from ..curation.discrepancies import Discrepancy
from ..engine.corpus import Corpus
from ..language.normalise import fold
from .safe import clean


def select(corpus: Corpus, topic: str | None, text: str | None) -> list[Entry]:
    """Entries of a topic whose id, statement, aliases or parties contain the text."""
    needle = fold(text or "").strip()
    out = []
    for e in corpus.claims.entries:
        if topic and e.topic != topic:
            continue
        hay = fold(" ".join((e.id, e.statement, *e.aliases, *e.parties)))
        if needle and needle not in hay:
            continue
        out.append(e)
    return out


def topics(corpus: Corpus) -> list[str]:
    """The topics of the claims file's entries, sorted."""
    return sorted({e.topic for e in corpus.claims.entries})


CLOSE_SCORE = 80  # out of 100 (rapidfuzz ratio): "four-no-policy" to "four-nos-policy" scores 97, "asean" to it 10
CLOSE_IDS = 3


def close_ids(corpus: Corpus, wanted: str) -> list[str]:
    """Up to three ids spelt like `wanted` (a typo, a missing letter), closest first."""
    from rapidfuzz import fuzz, process

    ids = [e.id for e in corpus.claims.entries]
    found = process.extract(wanted.lower(), ids, scorer=fuzz.ratio, limit=CLOSE_IDS, score_cutoff=CLOSE_SCORE)
    return [clean(entry_id) for entry_id, _, _ in found]


def entries_table(entries: list[Entry]) -> Table:
    table = Table(show_lines=False, expand=True)
    table.add_column("id", style="cyan", overflow="fold", ratio=2)
    table.add_column("statement", ratio=5)
    table.add_column("sources", style="dim", overflow="fold", ratio=2)
    for e in entries:
        table.add_row(Text(clean(e.id)), Text(clean(e.statement)), Text(clean(", ".join(dict.fromkeys(ev.source for ev in e.evidence)))))
    return table


def print_entry(console: Console, corpus: Corpus, e: Entry) -> None:
    """One entry: its statement, values, list, and each evidence passage cited as file:line."""
    console.print(Text.assemble((clean(e.id), "bold cyan"), "  ", (f"[{clean(e.topic)}]", "dim")))
    console.print(Text(clean(e.statement)))
    if e.polarity == "negative":
        console.print(Text("polarity: negative (a denial or prohibition)", style="dim"))
    for q in e.values:
        console.print(Text.assemble(("  value ", "dim"), (clean(q.kind.value), "dim"), " ", (clean(q.describe()), "bold"), ("  as written: ", "dim"), clean(q.text)))
    if e.list:
        kind = "closed list" if e.list.closed else "open list (examples)"
        console.print(Text(f"  {kind} of {len(e.list.members)}:", style="dim"))
        for m in e.list.members:
            extra = "".join(f" ({clean(v.describe())})" for v in m.values)
            console.print(Text(f"    - {clean(m.name)}{extra}"))
    if e.aliases:
        console.print(Text("  aliases: " + clean(", ".join(e.aliases)), style="dim"))
    if e.fact:
        console.print(Text("  same fact as other entries: " + clean(e.fact), style="dim"))
    for ev in e.evidence:
        c = corpus.cite_one(ev)
        if c is None:
            console.print(Text(f"  {clean(ev.source)}: quote not found (run factcheck validate)", style="red"))
            continue
        where = f"{corpus.display_path(c.source)}:{c.passage.line}"
        console.print(Text.assemble("  ", (clean(where), "green"), "  ", (clean(c.source.title), "italic"), ", ", clean(c.source.published)))
        console.print(Text("    " + clean(c.passage.sentence)))


def print_discrepancies(console: Console, found: list[Discrepancy]) -> None:
    """Each difference between sources as a few lines: the fact, the kind and whether time
    explains it; the note; then each side's value and date, and its `file:line` on a line of its
    own, printed whole at any width (a table cut it off at every width)."""
    console.print(Text(f"{len(found)} difference{'' if len(found) == 1 else 's'} between sources", style="bold"))
    for d in found:
        console.print()
        time = "time explains it" if d.explained_by_time else "time does not explain it"
        _wrapped(console, Text.assemble((clean(d.fact), "bold cyan"), f": {d.kind}, {time}"), 0)
        _wrapped(console, Text(clean(d.note), style="dim"), 2)
        _wrapped(console, Text(_provenance(d), style="dim"), 2)
        labels = ("earlier", "later") if len(d.sides) == 2 else ("source",) * len(d.sides)
        for label, side in zip(labels, d.sides):
            _wrapped(console, Text.assemble(f"{label}: ", (clean(side.value), "bold"), (f" ({clean(side.date or side.published)})", "dim")), 2)
            console.print(Text("    " + clean(f"{side.source}:{side.line}"), style="green"), soft_wrap=True)


def _provenance(d: Discrepancy) -> str:
    """Who found a difference: the checker, a curator's `fact:` group, or both."""
    if d.kind == "name" and len({s.entry_id for s in d.sides}) == 1:
        return "found by the checker in the quotes of one entry"
    if d.found and d.grouped:
        return "found by the checker; grouped by a fact: key"
    if d.found:
        return "found by the checker; no fact: key groups it"
    return "grouped by a fact: key; the checker does not find it"


def _wrapped(console: Console, text: Text, indent: int) -> None:
    """Text wrapped to the console's width, each line at `indent`."""
    for line in text.wrap(console, max(20, console.width - indent)):
        line.rstrip()
        console.print(Text(" " * indent) + line, soft_wrap=True)
