"""Check results for people: the verdict, why, and the passage that proves it.

Every string from a claim, a claims file or a source is untrusted, so lines are built as rich
`Text` (never markup) from `clean`ed pieces. Wrapping is done here, at the console's width,
so that output is the same in a pipe as in a test and wrapped lines keep their indent.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.text import Text

from ..claimsfile.sources import QUOTE_CHARS
from ..engine.corpus import Cited, Corpus
from ..engine.verdicts import CheckResult, Comparison, Match, Verdict, deciding
from ..language.quantities import Agreement
from .safe import clean

VERDICT_STYLE = {Verdict.SUPPORTED: "bold green", Verdict.CONFLICTING: "bold red", Verdict.UNVERIFIED: "bold yellow"}
VERDICT_WIDTH = max(len(v.value) for v in Verdict) + 1
MIN_WIDTH = 20  # narrower consoles still get words, not one letter a line


class TextRenderer:
    def __init__(self, corpus: Corpus, top: int = 3, console: Console | None = None):
        self.corpus = corpus
        self.top = top
        self.console = console or Console()
        self._printed = False
        self._titled: set[str] = set()  # sources whose title has been shown: once is enough

    def print_result(self, result: CheckResult) -> None:
        """A few lines per claim; a blank line between claims."""
        if self._printed:
            self.console.print()
        self._printed = True
        self.emit(Text(clean(result.claim)), lead=verdict_text(result.verdict))
        decided = result.verdict is not Verdict.UNVERIFIED
        self.emit(Text(clean(result.reason) if decided or result.partial else "No entry states this."), indent=2)
        for part in result.parts:
            self.emit(Text(clean(part.claim.strip())), indent=4, lead=verdict_text(part.verdict))
        if decided or result.partial:
            self.print_deciding(result, reasons=not result.partial)
        else:
            self.print_nearest(result.matches[: self.top])

    def print_deciding(self, result: CheckResult, reasons: bool = True) -> None:
        """The entry that decided the verdict (or that states the claim in part), and its evidence
        with the compared figures in bold; `reasons`: its reasons besides the verdict's."""
        inner, match = deciding(result)
        if match is None:
            return
        for reason in match.reasons if reasons else ():
            if reason != inner.reason:
                self.emit(Text(clean(reason)), indent=2)
        self.emit(Text.assemble((clean(match.entry.id), "bold"), ": ", clean(match.entry.statement)), indent=2)
        cited = unique(self.corpus.cite(match.entry))
        if not cited:
            self.emit(Text("its evidence quote is not in its source", style="dim"), indent=2)
        for c in cited:
            self.emit(self.citation(c), indent=2)
            self.emit(passage_text(c, match), indent=4)

    def print_nearest(self, matches: tuple[Match, ...]) -> None:
        """Entries near the claim, each on one line: they are leads, not evidence."""
        if not matches:
            return
        self.emit(Text("nearest, not matching:", style="dim"), indent=2)
        for m in matches:
            line = Text.assemble((clean(m.entry.id), "bold"), f" ({m.score:.1f}): {clean(m.entry.statement)}", style="dim")
            line.truncate(max(MIN_WIDTH, self.console.width - 6), overflow="ellipsis")
            self.emit(line, indent=4, lead=Text("- ", style="dim"))
            if m.reasons:
                self.emit(Text(clean(m.reasons[0]), style="dim italic"), indent=6, lead=Text("\u2014 ", style="dim"))

    def citation(self, c: Cited) -> Text:
        """`file:line`, and the source's title and date the first time the source is cited."""
        where = Text(clean(f"{self.corpus.display_path(c.source)}:{c.passage.line}"), style="cyan")
        if c.source.id in self._titled:
            return where
        self._titled.add(c.source.id)
        return Text.assemble(where, "  ", clean(c.source.title), (f" ({clean(c.source.published)})", "dim"))

    def emit(self, text: Text, indent: int = 0, lead: Text | None = None) -> None:
        """Print text wrapped to the console at `indent`; wrapped lines align after `lead`."""
        lead = lead or Text()
        width = max(MIN_WIDTH, self.console.width - indent - lead.cell_len)
        for i, line in enumerate(text.wrap(self.console, width)):
            line.rstrip()
            head = lead if i == 0 else Text(" " * lead.cell_len)
            self.console.print(Text(" " * indent) + head + line, soft_wrap=True)


def verdict_text(verdict: Verdict) -> Text:
    word = verdict.value.upper()
    return Text.assemble((word, VERDICT_STYLE[verdict]), " " * (VERDICT_WIDTH - len(word)))


def unique(cited: list[Cited]) -> list[Cited]:
    """Two quotes of one sentence are one passage to show."""
    seen: set[tuple[str, int, str]] = set()
    out = []
    for c in cited:
        key = (c.source.id, c.passage.line, c.passage.sentence)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def passage_text(c: Cited, match: Match) -> Text:
    """The passage in quotes, each compared source figure in bold; after it, for a conflict,
    what the claim says instead."""
    sentence = clean(c.passage.sentence)
    text = Text("\u201c" + sentence + "\u201d")
    quoted = clean(" ".join(c.source.text[c.passage.start:c.passage.end].split()))
    at = sentence.find(quoted)
    region = (at, at + len(quoted)) if quoted and at >= 0 else (0, len(sentence))
    contradicted = []
    for comp in match.comparisons:
        spans = figure_spans(sentence, comp, region)
        for start, end in spans:
            text.stylize("bold", start + 1, end + 1)
        if spans and comp.agreement is Agreement.CONFLICT:
            contradicted.append(comp.claim)
    for q in contradicted:
        text.append(" \u2014 the claim says ")
        text.append(clean(q.text), style="bold red")
    return text


def figure_spans(sentence: str, comp: Comparison, region: tuple[int, int]) -> list[tuple[int, int]]:
    """Where the source's figure is written in the sentence: inside the quote if it is there,
    else anywhere; case, whitespace and quote style aside."""
    if comp.source is None:
        return []
    needle = " ".join(clean(comp.source.text).translate(QUOTE_CHARS).split())
    if not needle:
        return []
    before = r"(?<!\w)" if needle[0].isalnum() else ""  # "4" is not the 4 of "2014"
    after = r"(?!\w)" if needle[-1].isalnum() else ""
    pattern = re.compile(before + re.escape(needle) + after, re.IGNORECASE)
    haystack = sentence.translate(QUOTE_CHARS)
    inside = [m.span() for m in pattern.finditer(haystack, *region)]
    return inside or [m.span() for m in pattern.finditer(haystack)]
