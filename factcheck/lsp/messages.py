"""What the editor shows of a finding: the diagnostic's one line and the hover's few.

The same words as `factcheck scan` (see `render.scantext`). Reasons, passages and titles come
from drafts, claims files and sources, which anyone may write: in a Markdown hover, every mark of
theirs that could start markup is escaped, so that none becomes a link, an image, HTML or a heading.
"""

from __future__ import annotations

import re

from ..claimsfile.sources import Source
from ..drafts.scan import Finding
from ..engine.corpus import Corpus
from ..engine.verdicts import Verdict
from ..render.safe import plain
from ..render.scantext import citation_path, evidence, explanation

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")  # what can start markup, inline or at a line's start


def escape_markdown(text: str) -> str:
    """Text shown as itself in Markdown: one line, controls dropped, punctuation escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain(text))


def diagnostic_message(corpus: Corpus, finding: Finding) -> str:
    """Why, and where the proof is: "the claim says 2014; the source says 2016 (sources/x.md:12)"."""
    message = explanation(finding.result)
    found = evidence(corpus, finding.result)
    if found and found[1]:
        message += f" ({citation_path(corpus, found[1][0])})"
    return plain(message)


def hover_text(corpus: Corpus, finding: Finding, markdown: bool) -> str:
    """The verdict and why; then the passage that proves it, with its source's title and place."""
    verdict = finding.verdict.value
    reason = explanation(finding.result)
    found = evidence(corpus, finding.result)
    cited = found[1][0] if found and found[1] else None
    title = _title(cited.source) if cited is not None else ""
    if not markdown:
        lines = [f"factcheck: {verdict}: {plain(reason)}"]
        if cited is not None:
            lines += ["", f"\u201c{plain(cited.passage.sentence)}\u201d",
                      f"\u2014 {plain(title)}, {plain(citation_path(corpus, cited))}"]
        return "\n".join(lines)
    lines = [f"**factcheck: {verdict}**: {escape_markdown(reason)}"]
    if cited is not None:
        lines += ["", f"> {escape_markdown(cited.passage.sentence)}", "",
                  f"\u2014 *{escape_markdown(title)}*, {escape_markdown(citation_path(corpus, cited))}"]
    elif finding.verdict is Verdict.CONFLICTING:
        lines += ["", "its evidence quote is not in its source"]
    return "\n".join(lines)


def _title(source: Source) -> str:
    """The source's title, and when it was published, as `factcheck check` shows them."""
    return f"{source.title} ({source.published})" if source.published else source.title
