"""Which sentence a table row should be read as: each form measured on a labelled table draft.

    python benchmarks/table_forms.py

A row ("| India | 2014 |" under "| Partner | Since |") is made into a sentence in one of several
forms, checked against the bundled claims file as `scan` checks it, and its verdict compared
with the label of tests/data/tables-labels.jsonl. Three readings: as a scan reads a row (with
the table's context: its heading and caption, or its header when it has neither; alone, a row
may conflict but not be supported), and as a scan reads prose (alone, then with the previous
row when unverified), and alone. Prints a Markdown table of rows with the labelled verdict,
right rows flagged conflicting (false conflicts) and wrong rows supported (false supports), for
the draft and again for the draft without its headings and its caption. `cells apart` is how
rows were read before: each cell a sentence of its own, the row conflicting if any cell is,
supported if any is.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from factcheck.drafts.documents import read_sentences
from factcheck.drafts.scan import scan_sentences
from factcheck.engine.checker import Checker
from factcheck.engine.corpus import Corpus, bundled_claims
from factcheck.engine.verdicts import Verdict
from factcheck.language.sentences import Sentence
from factcheck.language.tables import cell_text, row_sentence

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


@dataclass(frozen=True)
class Row:
    line: int
    heading: str
    header: tuple[str, ...]
    cells: tuple[str, ...]


def rows(text: str) -> list[Row]:
    """The body rows of a draft's tables, with their header and the heading over them."""
    found, heading, header, cells, in_head, line = [], "", (), [], False, 0
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    for i, token in enumerate(tokens):
        if token.type == "inline" and tokens[i - 1].type == "heading_open":
            heading = token.content
        elif token.type in ("thead_open", "thead_close"):
            in_head = token.type == "thead_open"
        elif token.type == "tr_open":
            cells, line = [], token.map[0] + 1
        elif token.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            cells.append(token.content)
        elif token.type == "tr_close" and in_head:
            header = tuple(cells)
        elif token.type == "tr_close":
            found.append(Row(line, heading, header, tuple(cells)))
    return found


def _others(row: Row, between: str = " ") -> list[str]:
    """Each cell after the first, after its column's header."""
    return [f"{cell_text(h)}{between}{cell_text(c)}" for h, c in zip(row.header[1:], row.cells[1:]) if c.strip()]


def _all(row: Row, between: str) -> list[str]:
    """Every cell after its column's header."""
    return [f"{cell_text(h)}{between}{cell_text(c)}" for h, c in zip(row.header, row.cells) if c.strip()]


FORMS: dict[str, Callable[[Row], str]] = {
    "India: Since 2014. (chosen: factcheck.language.tables)": lambda row: row_sentence(row.header, row.cells),
    "Partner: India; Since: 2014.": lambda row: "; ".join(_all(row, ": ")) + ".",
    "Partner: India, Since: 2014.": lambda row: ", ".join(_all(row, ": ")) + ".",
    "Partner India, Since 2014.": lambda row: ", ".join(_all(row, " ")) + ".",
    "India: <heading>, Since 2014.": lambda row: f"{cell_text(row.cells[0])}: {row.heading}, {', '.join(_others(row))}.",
    "Since 2014: India.": lambda row: f"{', '.join(_others(row))}: {cell_text(row.cells[0])}.",
    "India, 2014.": lambda row: ", ".join(cell_text(c) for c in row.cells if c.strip()) + ".",
}


def verdict(checker: Checker, text: str, context: str = "", previous: str = "") -> Verdict:
    sentence = Sentence(text, 1, 1, 1, 1, context=context)
    return next(scan_sentences(checker, "-", [sentence], previous=previous)).verdict


def cells_apart(checker: Checker, row: Row) -> Verdict:
    """The row as it was read before: cell by cell, each leaning on the one before it (the
    first on the header's last)."""
    verdicts, previous = [], ""
    for cell in (*row.header, *row.cells):
        verdicts.append(verdict(checker, cell, previous=previous))
        previous = cell
    verdicts = verdicts[len(row.header):]  # the header's cells are no claim of the row's
    for v in (Verdict.CONFLICTING, Verdict.SUPPORTED):
        if v in verdicts:
            return v
    return Verdict.UNVERIFIED


def score(results: Sequence[tuple[str, Verdict]]) -> tuple[int, int, int]:
    right = sum(label == v.value for label, v in results)
    false_conflicts = sum(label != "conflicting" and v is Verdict.CONFLICTING for label, v in results)
    false_supports = sum(label != "supported" and v is Verdict.SUPPORTED for label, v in results)
    return right, false_conflicts, false_supports


def measure(checker: Checker, text: str, label: dict[int, str]) -> None:
    """One line per form and reading of the labelled rows of a draft."""
    table_rows = [r for r in rows(text) if r.line in label]
    contexts = {s.line: s.context for s in read_sentences(text) if s.context}
    print("| form | reading | right | false conflicts | false supports |")
    print("|---|---|---|---|---|")
    results = [(label[r.line], cells_apart(checker, r)) for r in table_rows]
    print(f"| cells apart (before) | previous cell | {' | '.join(map(str, score(results)))} |")
    for name, form in FORMS.items():
        for reading in ("table's context", "previous row", "alone"):
            results, previous = [], ""
            for r in table_rows:
                sentence = form(r)
                context = contexts[r.line] if reading == "table's context" else ""
                before = previous if reading == "previous row" else ""
                results.append((label[r.line], verdict(checker, sentence, context, before)))
                previous = sentence
            print(f"| {name} | {reading} | {' | '.join(map(str, score(results)))} |")


def main(draft: Path = DATA / "tables.md", labels: Path = DATA / "tables-labels.jsonl") -> None:
    text = draft.read_text(encoding="utf-8")
    label = {d["line"]: d["verdict"] for d in map(json.loads, labels.read_text(encoding="utf-8").splitlines())}
    checker = Corpus.load(bundled_claims()).checker
    print(f"{len(label)} labelled rows of {draft.name}\n")
    measure(checker, text, label)
    print("\nWithout headings and captions (every line that is neither a table's nor blank, blanked)\n")
    measure(checker, "\n".join(line if line.startswith("|") else "" for line in text.splitlines()), label)


if __name__ == "__main__":
    main(*map(Path, sys.argv[1:]))
