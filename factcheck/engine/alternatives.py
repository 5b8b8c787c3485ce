"""A claim that names one thing and rules out another: "It was Nguyen Phu Trong, not Pham Minh
Chinh, who ...", "Hanoi relied on Beijing rather than Moscow".

Such a claim asserts its first choice and denies the other. Read as one bag of words it names
both, and matches an entry naming either. Read apart, it is two claims: the claim with its
choice, checked as any claim is, and the claim with the alternative in its place, which must
not be what the sources state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# every part bounded, and a name starting only where a word does: no pattern backtracks over a
# long run of text ("1,1,1,..." is no figure)
_WORD = r"(?:[A-Z][\w'’.-]{0,30}|\d[\d,.]{0,20})"
_NAME = rf"(?<![\w'’.,-]){_WORD}(?:\s(?:of\s|the\s|and\s)?{_WORD}){{0,4}}"
_OTHER = r"(?:(?:an?|the)\s)?(?:[\w'’.-]{1,30}\s){0,5}?[\w'’.-]{1,30}"
# "X, not Y,": a name or figure, and what it is not, between commas
_NOT = re.compile(rf"(?P<x>{_NAME}),\s{{1,3}}not\s{{1,3}}(?P<y>{_OTHER}),\s{{1,3}}")
# "X rather than Y", "X, rather than Y,", "X instead of Y"
_RATHER = re.compile(rf"(?P<x>{_NAME}|(?<![\w'’-])[a-z][\w'’-]{{0,30}}),?\s{{1,3}}(?:rather than|instead of)\s{{1,3}}(?P<y>(?:(?:an?|the)\s)?(?:{_NAME}|[a-z][\w'’-]{{0,30}}))(?P<comma>,\s+)?")


@dataclass(frozen=True)
class Alternative:
    said: str  # the claim with its choice alone
    denied: str  # the claim with the alternative in the choice's place
    choice: str
    other: str


def alternative(claim: str) -> Alternative | None:
    """The claim's choice and what it rules out; None for a claim that rules nothing out."""
    if "not" not in claim and "rather than" not in claim and "instead of" not in claim:
        return None  # the words each pattern needs: most claims have none, quicker found so
    for pattern in (_NOT, _RATHER):
        if m := pattern.search(claim):
            x, y = m["x"], m["y"]
            before, after = claim[:m.start()], claim[m.end():]
            # the commas around "not Y" are taken out with it, so a space goes back; "X rather
            # than Y for aid" keeps the space after Y
            gap = " " if after and (pattern is _NOT or m["comma"]) else ""
            said = f"{before}{x}{gap}{after}".strip()
            denied = f"{before}{y}{gap}{after}".strip()
            return Alternative(said, denied, x, y)
    return None
