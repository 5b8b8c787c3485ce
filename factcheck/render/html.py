"""Scan findings as one self-contained HTML page, for reviewers: each draft shown whole with its
reported sentences highlighted by verdict, the reason and the source passage on hover, focus or
click, and a summary at the top that links to every finding.

The page loads nothing (no script, font, image or style sheet from anywhere) and runs no script
at all: hover and click are CSS (`:hover`, `:focus`, `:target`), and a Content-Security-Policy
forbids scripts, so even a bug in the escaping below could not run one.

Every string from a draft, a file name, a claims file or a source is untrusted. `text` makes it
plain (escape sequences, control characters and bidi overrides dropped, as on a terminal), then
escapes it for HTML, quotes included, so that it is safe in an attribute too. Printed to a CI log
the page must not carry a workflow command either: the ":" of every "::" and the "#" of every
"##[" are written as character references, which a browser shows as the very same characters.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence

from ..drafts.scan import Finding, Tally
from ..engine.corpus import Corpus
from ..language.sentences import as_positioned
from .safe import plain
from .scantext import COLUMNS, evidence, explanation
from .summary import plural

_MARKER = re.compile(r":(?=:)|#(?=#\[)")
_NEWLINE = re.compile("\n")
PREVIEW = 120  # characters of a sentence shown in the summary's list of findings

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 2rem 12rem; color: #1d1d1f; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
table.counts { border-collapse: collapse; } table.counts th, table.counts td { padding: .1rem .7rem; text-align: right; }
table.counts th:first-child, table.counts td:first-child { text-align: left; } table.counts tfoot td { font-weight: bold; border-top: 1px solid #999; }
ol.findings { padding-left: 1.5rem; } ol.findings a { font-family: ui-monospace, monospace; }
.verdict { font-weight: bold; text-transform: uppercase; font-size: .8rem; letter-spacing: .03em; }
pre.draft { white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.6 ui-monospace, monospace; background: #fafafa; border: 1px solid #ddd; padding: 1rem; }
mark { position: relative; color: inherit; border-radius: 3px; cursor: help; outline: none; }
mark.conflicting { background: #ffd2cc; border-bottom: 2px solid #c62828; }
mark.unverified { background: #fff1b8; border-bottom: 2px dashed #b8860b; }
mark.supported { background: #d7f5dc; border-bottom: 2px solid #2e7d32; }
li.conflicting .verdict { color: #c62828; } li.unverified .verdict { color: #8a6500; } li.supported .verdict { color: #2e7d32; }
mark .tip { display: none; position: absolute; left: 0; top: 100%; z-index: 10; width: min(36rem, 80vw); margin-top: .3rem;
  padding: .6rem .8rem; background: #fff; border: 1px solid #888; border-radius: 4px; box-shadow: 0 3px 12px rgba(0,0,0,.2);
  white-space: normal; font: 14px/1.45 system-ui, sans-serif; cursor: auto; }
mark:hover .tip, mark:focus .tip, mark:target .tip { display: block; }
mark:focus, mark:target { box-shadow: 0 0 0 2px #1565c0; }
.tip .where { display: block; font-family: ui-monospace, monospace; font-size: .85rem; color: #1565c0; margin-top: .4rem; }
.tip .title { display: block; font-style: italic; color: #555; }
.tip .passage { display: block; margin: .3rem 0 0; padding-left: .6rem; border-left: 3px solid #bbb; }
.none { color: #555; font-style: italic; }
"""


def text(value: object) -> str:
    """Untrusted text as HTML, in an element or a quoted attribute (see the module's docstring)."""
    escaped = html.escape(plain(str(value), keep_lines=True), quote=True)
    return _MARKER.sub(lambda m: f"&#{ord(m.group())};", escaped)


def html_report(corpus: Corpus, findings: Sequence[Finding], counts: Mapping[str, Tally], texts: Mapping[str, str]) -> str:
    """The whole page: findings are numbered in order, `f1`, `f2`..., each linked from the summary."""
    numbered = list(enumerate(findings, 1))
    total = sum(counts.values(), Tally())
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<title>factcheck report</title>\n<style>", STYLE, "</style>\n</head>\n<body>\n",
        "<h1>factcheck report</h1>\n",
        f"<p class=\"totals\">{plural(len(counts), 'file')}, {plural(total.sentences, 'sentence')}: "
        f"{total.conflicting} conflicting, {total.unverified} unverified ({total.worthy} check-worthy), "
        f"{total.supported} supported.</p>\n",
        _counts_table(counts),
        _finding_list(numbered),
        "<p class=\"none\">Highlighted sentences show why, and the source passage, on hover or click.</p>\n",
    ]
    for i, path in enumerate(counts, 1):
        if path in texts:
            parts.append(_draft(corpus, i, path, texts[path], [(n, f) for n, f in numbered if f.path == path]))
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def _counts_table(counts: Mapping[str, Tally]) -> str:
    head = "".join(f"<th>{text(title)}</th>" for _, title in COLUMNS)
    rows = "".join(
        f"<tr><td><a href=\"#d{i}\">{text(path)}</a></td>" + "".join(f"<td>{getattr(c, key)}</td>" for key, _ in COLUMNS) + "</tr>\n"
        for i, (path, c) in enumerate(counts.items(), 1)
    )
    total = sum(counts.values(), Tally())
    foot = "<tr><td>total</td>" + "".join(f"<td>{getattr(total, key)}</td>" for key, _ in COLUMNS) + "</tr>"
    return f"<table class=\"counts\">\n<thead><tr><th>file</th>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n<tfoot>{foot}</tfoot>\n</table>\n"


def _finding_list(numbered: Iterable[tuple[int, Finding]]) -> str:
    items = []
    for n, f in numbered:
        s = f.sentence
        preview = s.text if len(s.text) <= PREVIEW else s.text[: PREVIEW - 1] + "\u2026"
        items.append(
            f"<li class=\"{f.verdict.value}\"><a href=\"#f{n}\">{text(f.path)}:{s.line}:{s.column}</a> "
            f"<span class=\"verdict\">{f.verdict.value}</span> {text(preview)}</li>\n"
        )
    if not items:
        return "<p class=\"none\">No finding to report.</p>\n"
    return "<h2>Findings</h2>\n<ol class=\"findings\">\n" + "".join(items) + "</ol>\n"


def _draft(corpus: Corpus, number: int, path: str, raw: str, numbered: list[tuple[int, Finding]]) -> str:
    """The draft as written, each finding's sentence a highlighted `mark` carrying its tip."""
    source = as_positioned(raw)
    starts = [0, *(m.end() for m in _NEWLINE.finditer(source))]

    def offset(line: int, column: int) -> int:
        return min(starts[min(line, len(starts)) - 1] + column - 1, len(source))

    spans = sorted((offset(f.sentence.line, f.sentence.column), offset(f.sentence.end_line, f.sentence.end_column) + 1, n, f) for n, f in numbered)
    out, at = [], 0
    for start, end, n, f in spans:
        if start < at:  # overlapping the finding before: its link leads there, where it is highlighted
            out.append(f"<span id=\"f{n}\"></span>")
            continue
        out.append(text(source[at:start]))
        out.append(
            f"<mark class=\"{f.verdict.value}\" id=\"f{n}\" tabindex=\"0\" data-verdict=\"{f.verdict.value}\">"
            f"<span class=\"s\">{text(source[start:end])}</span>{_tip(corpus, f)}</mark>"
        )
        at = end
    out.append(text(source[at:]))
    return f"<h2 id=\"d{number}\">{text(path)}</h2>\n<pre class=\"draft\">{''.join(out)}</pre>\n"


def _tip(corpus: Corpus, f: Finding) -> str:
    """Why the verdict, and the passage that proves it with its place and source."""
    parts = [f"<span class=\"verdict\">{f.verdict.value}</span> ", text(explanation(f.result))]
    found = evidence(corpus, f.result)
    if found and found[1]:
        c = found[1][0]
        parts.append(f"<span class=\"where\">{text(corpus.display_path(c.source))}:{c.passage.line}</span>")
        parts.append(f"<span class=\"title\">{text(c.source.title)} ({text(c.source.published)})</span>")
        parts.append(f"<span class=\"passage\">\u201c{text(c.passage.sentence)}\u201d</span>")
    return f"<span class=\"tip\" role=\"tooltip\">{''.join(parts)}</span>"

