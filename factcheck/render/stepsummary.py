"""A scan as a GitHub Actions job summary: Markdown appended to the file `GITHUB_STEP_SUMMARY`
names, shown on the run's page. Counts per file, then one row per finding.

GitHub renders the summary as GitHub Flavored Markdown with some HTML, so every string from input
is made plain (one line, no controls), HTML-escaped, and then every character that Markdown reads
as markup is backslash-escaped: a sentence cannot end a table cell, open a link, or add HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from ..drafts.scan import Finding, Tally
from ..engine.corpus import Corpus
from .safe import plain
from .scantext import COLUMNS, citation_path, evidence, explanation
from .summary import plural

_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:@$])")


def md(text: str) -> str:
    """Untrusted text as literal Markdown inside a table cell."""
    return _MARKUP.sub(r"\\\1", html.escape(plain(text), quote=False))


def step_summary(corpus: Corpus, findings: Iterable[Finding], counts: Mapping[str, Tally]) -> str:
    total = sum(counts.values(), Tally())
    lines = [
        "## factcheck",
        "",
        f"{plural(len(counts), 'file')}, {plural(total.sentences, 'sentence')}: {total.conflicting} conflicting, "
        f"{total.unverified} unverified ({total.worthy} check-worthy), {total.supported} supported",
        "",
        "| file | " + " | ".join(title for _, title in COLUMNS) + " |",
        "|---|" + "---:|" * len(COLUMNS),
        *(f"| {md(path)} | " + " | ".join(str(getattr(c, key)) for key, _ in COLUMNS) + " |" for path, c in counts.items()),
        "| **total** | " + " | ".join(f"**{getattr(total, key)}**" for key, _ in COLUMNS) + " |",
    ]
    rows = [_row(corpus, f) for f in findings]
    if rows:
        lines += ["", "| where | verdict | sentence | why | source |", "|---|---|---|---|---|", *rows]
    return "\n".join(lines) + "\n\n"


def _row(corpus: Corpus, f: Finding) -> str:
    found = evidence(corpus, f.result)
    source = md(citation_path(corpus, found[1][0])) if found and found[1] else ""
    where = md(f"{f.path}:{f.sentence.line}:{f.sentence.column}")
    return f"| {where} | {f.verdict.value} | {md(f.sentence.text)} | {md(explanation(f.result))} | {source} |"
