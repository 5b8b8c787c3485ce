"""Drafted entries as claims-file YAML, written in the bundled file's own style.

The text comes from source documents, which are untrusted: every string is written plain only
when it cannot mean anything else to YAML, and double-quoted with escapes otherwise, so that no
source text can add a key, end the list or hide a line break, nor drive a terminal or a CI log
(an escape sequence, "::error::" and "##[" are written as YAML escapes, and read back as written).
"""

from __future__ import annotations

import re

from ..curation.extract import Proposal

ITEM_INDENT = 2  # "  - id: ...": the bundled file's indentation of its entries
_PLAIN = re.compile(r"[^\W\d_][\w .’'()/&-]*", re.UNICODE)
_RESERVED = frozenset("y n yes no on off true false null".split())
_BREAKS = frozenset("\x85\u2028\u2029")  # line breaks to YAML, though printable to Python
_COMMAND_MARKER = re.compile(r":(?=:)|#(?=#\[)")  # of a GitHub workflow command: "::error::", "##[warning]"


def scalar(text: str, flow: bool = False) -> str:
    """A string as a YAML scalar that reads back as exactly this string: plain when safe in
    its context (block, or `flow` inside [...] and {...}), else double-quoted with every
    non-printable character escaped."""
    if _plain(text, flow):
        return text
    out = []
    for i, c in enumerate(text):
        if c in '"\\':
            out.append("\\" + c)
        elif _COMMAND_MARKER.match(text, i):
            out.append(f"\\x{ord(c):02x}")  # no CI log reads a workflow command in it
        elif c.isprintable() and c not in _BREAKS:
            out.append(c)
        elif ord(c) <= 0xFF:
            out.append(f"\\x{ord(c):02x}")
        elif ord(c) <= 0xFFFF:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(f"\\U{ord(c):08x}")
    return '"' + "".join(out) + '"'


def _plain(text: str, flow: bool) -> bool:
    """Plain only what YAML cannot read otherwise: a letter first, no ": " nor " #", nothing
    that ends a flow collection inside one, no YAML keyword, no odd spacing."""
    if (not _PLAIN_START.match(text) or text != text.strip() or "  " in text or text.lower() in _RESERVED
            or _COMMAND_MARKER.search(text)):
        return False
    if flow:
        return bool(_PLAIN.fullmatch(text))
    return (all(c.isprintable() and c not in _BREAKS for c in text) and ": " not in text and " #" not in text
            and not text.endswith(":") and "#" not in text[:1])


_PLAIN_START = re.compile(r"[^\W\d_]", re.UNICODE)


def _value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        text = repr(v)
        return text if "e" not in text else f"{v:.15f}".rstrip("0")
    return scalar(str(v), flow=True) if not _date_like(str(v)) else f'"{v}"'


def _date_like(text: str) -> bool:
    """Dates and years are quoted: a bare 2008 is a number to YAML, and 1995-07-12 a date."""
    return bool(re.fullmatch(r"\d{4}(?:-\d{2}){0,2}|\d{4}s|C\d{1,2}", text))


def flow(fields: dict) -> str:
    return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in fields.items()) + "}"


def entry_lines(p: Proposal, shown_path: str) -> list[str]:
    """One entry as lines, unindented, the first starting with "- "; a comment before it says
    where its quote is and what the curator must decide."""
    lines = [f"# {_comment(shown_path)}:{p.line}" + (f"; topic guessed, decide ({p.topic})" if p.topic_guessed else "")]
    lines += [_comment(f"# {'agrees with' if o.agrees else 'differs from'} {o.entry_id} ({o.where}, {o.date})"
                       + ("" if o.agrees else f": {o.note}")) for o in p.others]
    lines += [f"- id: {p.id}", f"  statement: {scalar(p.statement)}", f"  topic: {p.topic}"]
    if p.parties:
        lines.append("  parties: [" + ", ".join(scalar(n, flow=True) for n in p.parties) + "]")
    if p.values:
        lines.append("  values:")
        lines += [f"    - {flow(v)}" for v in p.values]
    if p.list:
        lines += ["  list:", f"    closed: {'true' if p.list.closed else 'false'}", "    members:"]
        for m in p.list.members:
            if m.values or m.aliases:
                aliases = f", aliases: [{', '.join(scalar(a, flow=True) for a in m.aliases)}]" if m.aliases else ""
                values = f", values: [{', '.join(flow(v) for v in m.values)}]" if m.values else ""
                lines.append(f"      - {{name: {scalar(m.name, flow=True)}{aliases}{values}}}")
            else:
                lines.append(f"      - {scalar(m.name)}")
    lines.append(f"  polarity: {p.polarity}")
    lines += ["  evidence:", f"    - source: {p.source}", f"      quote: {scalar(p.quote)}"]
    return lines


def _comment(text: str) -> str:
    """A path inside a comment: one line, whatever it holds, no workflow command in it."""
    from .safe import clean

    return clean(text)


def entries_block(proposals: list[Proposal] | tuple[Proposal, ...], shown_path, indent: int = ITEM_INDENT) -> str:
    """The entries as a block of list items at `indent`, a blank line between entries.
    `shown_path(source_id)`: how a comment names a source's file."""
    pad = " " * indent
    chunks = ["\n".join(pad + line for line in entry_lines(p, shown_path(p.source))) + "\n" for p in proposals]
    return "\n".join(chunks)


def document(proposals, shown_path) -> str:
    """A claims file of the proposals alone, for standard output."""
    if not proposals:
        return "claims: []\n"
    return "claims:\n" + entries_block(proposals, shown_path)
