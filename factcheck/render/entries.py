"""Browsing the claims file: a table of entries, and one entry with its evidence."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..claims import Entry
from ..corpus import Corpus
from ..discrepancies import Discrepancy, Side
from ..normalise import fold
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


def discrepancy_table(found: list[Discrepancy]) -> Table:
    """Each difference between sources: both sides with value, source and date."""
    table = Table(title=f"{len(found)} differences between sources", expand=True, show_lines=True)
    table.add_column("fact", style="cyan", overflow="fold", ratio=2)
    table.add_column("difference", ratio=3)
    table.add_column("earlier source", ratio=3)
    table.add_column("later source", ratio=3)
    table.add_column("time explains it", ratio=1)
    for d in found:
        sides = [_side_text(s) for s in d.sides[:2]]
        kind = Text.assemble((d.kind, "bold"), "\n", (clean(d.note), "dim"))
        table.add_row(Text(clean(d.fact)), kind, *sides, Text("yes" if d.explained_by_time else "no"))
    return table


def _side_text(side: Side) -> Text:
    return Text.assemble((clean(side.value), "bold"), "\n", (clean(f"{side.source}:{side.line}"), "green"), "\n", (clean(side.date or side.published), "dim"))
