"""Scan findings for people: grouped by file, each with its verdict, why, and the passage
that proves it; then a table of counts.

Also the one-line message every machine format (GitHub annotations, SARIF) gives a finding,
so that all of them say the same thing. Draft sentences, reasons and passages are untrusted:
they reach the console only as `clean`ed rich `Text`, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..drafts.scan import Finding, Tally
from ..engine.corpus import Cited, Corpus
from ..engine.verdicts import CheckResult, Match, Verdict, deciding
from .safe import clean
from .text import TextRenderer, passage_text, unique, verdict_text

POSITION_WIDTH = 8  # "1234:56" and a space: verdicts line up in files of thousands of lines


def evidence(corpus: Corpus, result: CheckResult) -> tuple[Match, list[Cited]] | None:
    """The entry that decided a supported or conflicting verdict and its passages, best first.
    None for an unverified sentence: a near entry is a lead, not evidence."""
    if result.verdict is Verdict.UNVERIFIED:
        return None
    _, match = deciding(result)
    if match is None:
        return None
    return match, unique(corpus.cite(match.entry))


def explanation(result: CheckResult) -> str:
    """Why the verdict; for an unverified sentence, which entry came nearest and why it does not say so."""
    if result.verdict is not Verdict.UNVERIFIED or not result.matches:
        return result.reason
    inner, match = deciding(result)
    assert match is not None  # deciding gives the first match of a result that has any
    return f"no entry states this (nearest, {match.entry.id}: {inner.reason})"


def plain_message(corpus: Corpus, finding: Finding) -> str:
    """The sentence, why, and where the proof is, on one clean line."""
    message = f"\u201c{finding.sentence.text}\u201d \u2014 {explanation(finding.result)}"
    found = evidence(corpus, finding.result)
    if found and found[1]:
        message += f" ({citation_path(corpus, found[1][0])})"
    return clean(message)


def citation_path(corpus: Corpus, c: Cited) -> str:
    return f"{corpus.display_path(c.source)}:{c.passage.line}"


COLUMNS = (("conflicting", "conflicting"), ("unverified", "unverified"), ("worthy", "check-worthy"),
           ("supported", "supported"), ("sentences", "sentences"))


class ScanTextRenderer:
    """Findings under a header per file; findings of one file must come together, in order."""

    def __init__(self, corpus: Corpus, console: Console, top: int = 3):
        self.corpus = corpus
        self.console = console
        self.top = top
        self.text = TextRenderer(corpus, top=top, console=console)
        self._path: str | None = None

    def print_findings(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            if finding.path != self._path:
                self.print_header(finding.path)
            self.print_finding(finding)

    def print_header(self, path: str) -> None:
        """The file's path, after a blank line unless it is the first thing printed."""
        if self._path is not None:
            self.console.print()
        self._path = path
        self.console.print(Text(clean(path), style="bold underline"), soft_wrap=True)

    def print_finding(self, finding: Finding) -> None:
        """LINE:COL, verdict and sentence; then why, and the best passage with its source."""
        s, result = finding.sentence, finding.result
        lead = Text(f"{s.line}:{s.column}".ljust(POSITION_WIDTH), style="dim") + verdict_text(result.verdict)
        self.text.emit(Text(clean(s.text)), lead=lead)
        if result.verdict is Verdict.UNVERIFIED:
            self.text.emit(Text("No entry states this."), indent=2)
            self.text.print_nearest(result.matches[: self.top])
            return
        self.text.emit(Text(clean(result.reason)), indent=2)
        found = evidence(self.corpus, result)
        if found is None:
            return
        match, cited = found
        if not cited:
            self.text.emit(Text("its evidence quote is not in its source", style="dim"), indent=2)
            return
        self.text.emit(self.text.citation(cited[0]), indent=2)
        self.text.emit(passage_text(cited[0], match), indent=4)

    def print_summary(self, counts: Mapping[str, Tally]) -> None:
        """One row per file and a total: every verdict reached, reported or not."""
        if self._path is not None:
            self.console.print()
        self.console.print(summary_table(counts))


def summary_table(counts: Mapping[str, Tally]) -> Table:
    table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False, show_footer=True)
    table.add_column("file", footer="total", overflow="fold")
    for key, title in COLUMNS:
        table.add_column(title, footer=str(sum(getattr(c, key) for c in counts.values())), justify="right")
    for path, c in counts.items():
        table.add_row(Text(clean(path)), *(str(getattr(c, key)) for key, _ in COLUMNS))
    return table
