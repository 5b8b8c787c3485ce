"""A scan's one-line summary, for standard error: every verdict the scan reached, reported or not."""

from __future__ import annotations

from ..drafts.scan import Tally


def summary_line(files: int, total: Tally, failed: int = 0) -> str:
    """`factcheck: 1 file, 10 sentences: 1 conflicting, 2 unverified (0 check-worthy), 7 supported`."""
    line = (
        f"factcheck: {plural(files, 'file')}, {plural(total.sentences, 'sentence')}: "
        f"{total.conflicting} conflicting, {total.unverified} unverified ({total.worthy} check-worthy), "
        f"{total.supported} supported"
    )
    return line + (f"; {plural(failed, 'file')} could not be read" if failed else "")


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
