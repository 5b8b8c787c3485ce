"""A table row as the sentence it asserts, built from its header and its cells.

"| India | 2014 |" under "| Partner | Since |" says nothing cell by cell: "2014" is a figure
about nothing, and "India" a name. Read with its header, the row says "India: Since 2014.",
which the engine checks like any sentence (2014 against the sources' 2016: conflicting). A header
row alone asserts nothing, and is never a sentence.

The form was chosen by measurement (benchmarks/table_forms.py, on the 50 labelled rows of
tests/data/tables.md): the first cell as the subject, then each other cell after its column's
header, read 43 right, with no false support (40 with the draft's headings and caption taken
out). "Partner: India; Since: 2014." read 30: the semicolons cut a row into clauses checked
apart ("Event: Vietnam joined ASEAN" and "Year: 1995"). The cells without their headers
("India, 2016.") read 41 and supported a row that its header makes false ("India" under
"Diplomatic relations since" is no partnership). Read cell by cell, as before, 10, with six
false supports ("Vietnam joined the WTO" beside 2006).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SUBJECT = ": "  # after the first cell, the row's subject
_PAIR = ", "  # between the other cells, each after its header: a comma cuts no clause
_END = "."  # a row is an assertion: it ends as a sentence does, and so is read as having a verb


def cell_text(text: str) -> str:
    """A cell's words on one line, without the punctuation that would end or cut the sentence it
    becomes part of ("India;" would end a clause); a dotted abbreviation keeps its last dot."""
    text = " ".join(text.split())
    return text if _is_abbreviation(text) else text.rstrip(".;:,")


def _is_abbreviation(text: str) -> bool:
    """"U.S.", "e.g.": a last word with a dot inside."""
    last = text.rsplit(" ", 1)[-1]
    return last.endswith(".") and "." in last[:-1]


def row_sentence(header: Sequence[str], cells: Sequence[str]) -> str:
    """"India: Since 2014.": the first cell, then each other non-empty cell after its column's
    header (alone under an empty header). A row with only its first cell says "Partner: India.";
    a row without a first cell, "Since 2014.". Empty when every cell is empty."""
    texts = [cell_text(cell) for cell in cells]
    labels = [cell_text(header[i]) if i < len(header) else "" for i in range(len(texts))]
    if not any(texts):
        return ""
    rest = _PAIR.join(f"{label} {text}" if label else text for label, text in zip(labels[1:], texts[1:]) if text)
    subject = texts[0]
    if subject and rest:
        sentence = subject + _SUBJECT + rest
    elif subject:
        sentence = (labels[0] + _SUBJECT if labels[0] else "") + subject
    else:
        sentence = rest
    return sentence if sentence.endswith(_END) else sentence + _END  # "U.S." ends it already


def table_context(heading: str, caption: str, header: Sequence[str]) -> str:
    """What every row of a table is read with: the heading over the table and the sentence
    right before it (its caption); for a table with neither, its header's words. Most of the
    header is in each row's sentence already; as context as well, words that no entry says
    ("Event", "Value") weigh against the row, which then reads fewer rows right."""
    around = " ".join(part for part in (heading, caption) if part)
    return around or " ".join(filter(None, map(cell_text, header)))


_RULE = re.compile(r":?-{3,}:?")  # a cell of the row under a header: "---", ":--:"
MIN_COLUMNS = 2  # a header of one cell is a title, not a table's


def table_sentences(text: str) -> list[str] | None:
    """A Markdown table given as one claim, each row read under its header (`row_sentence`);
    None for text that is not a header and a row or more. Its rows may be on lines of their
    own or, where the line breaks were lost on the way (a form field, a CSV cell, a JSON
    string read as one line), one after the other: "| Partner | Since | | India | 2014 |"."""
    text = text.strip()
    if not (text.startswith("|") and text.endswith("|")):
        return None
    lines = text.splitlines()
    rows = [_cells(line) for line in lines] if len(lines) > 1 else _rows_of(_cells(text))
    rows = [row for row in rows if not all(_RULE.fullmatch(cell) for cell in row)]
    if len(rows) < 2 or len(rows[0]) < MIN_COLUMNS or any(len(row) != len(rows[0]) for row in rows):
        return None
    return [sentence for row in rows[1:] if (sentence := row_sentence(rows[0], row))]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().removeprefix("|").removesuffix("|").split("|")]


def _rows_of(cells: list[str]) -> list[list[str]]:
    """Rows run together on one line, each end and start making an empty cell between them: the
    narrowest width at which every such cell is empty."""
    for width in range(MIN_COLUMNS, (len(cells) + 1) // 2):
        rows, rest = divmod(len(cells) + 1, width + 1)
        if not rest and all(not cells[i] for i in range(width, len(cells), width + 1)):
            return [cells[i:i + width] for i in range(0, len(cells), width + 1)]
    return [cells]


_FIELDS = re.compile(r"(?<!\s)\s+[—–|]\s+|;\s+")  # between a record's fields; (?<!\s): a run of spaces is tried once
_LABELLED = re.compile(r"([^:]{1,60}?)\s*:\s+(\S.*)")  # "Since: 2016"
RECORD_FIELDS = 2  # a record has at least this many labelled fields: one "X: Y" may be a title


def record_sentence(text: str) -> str | None:
    """A record written on one line, "Partner: Russia — Since: 2012", read as a table row is
    ("Russia: Since 2012."); None for text that is not one: every field must be labelled."""
    fields = _FIELDS.split(text.strip().rstrip("."))
    if len(fields) < RECORD_FIELDS:
        return None
    pairs = [m for f in fields if (m := _LABELLED.fullmatch(f.strip()))]
    if len(pairs) < len(fields):
        return None
    return row_sentence([_label(m.group(1)) for m in pairs], [m.group(2) for m in pairs])


def _label(text: str) -> str:
    """A field's label as a word of the sentence: "Duration" is no name ("duration 23 hours"),
    but "WTO accession" keeps its acronym."""
    first, _, rest = text.partition(" ")
    if first[:1].isupper() and first[1:].islower():
        first = first.lower()
    return f"{first} {rest}" if rest else first
