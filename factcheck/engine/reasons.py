"""How an entry's reasons are worded: a figure against a figure, names in quotation marks."""

from __future__ import annotations

from ..language.quantities import Kind, Quantity
from .verdicts import Comparison

_KIND_WORDS = {Kind.DATE: "date", Kind.PERIOD: "period", Kind.MONEY: "amount", Kind.COUNT: "count",
               Kind.PERCENT: "percentage", Kind.RATIO: "proportion", Kind.MULTIPLE: "multiple",
               Kind.ORDINAL: "rank", Kind.DURATION: "duration", Kind.MEASURE: "measure"}


def says(c: Comparison) -> str:
    source = c.source.describe() if c.source else "nothing of the kind"
    return f"the claim says {c.claim.describe()}; the source says {source}"


def unconfirmed(c: Comparison) -> str:
    """Why a figure of the claim is not confirmed by the entry, in plain words."""
    if c.agreement is None or c.source is None:
        return f"the entry gives no {kind_word(c.claim)} to compare with the claim's {c.claim.describe()}"
    if c.more_precise:
        return f"the claim says {c.claim.describe()}; the source says only {c.source.describe()}: the claim is more precise than the source"
    return f"{says(c)}, which does not confirm it"


def kind_word(q: Quantity) -> str:
    return _KIND_WORDS[q.kind]


def quoted(items: list[str]) -> str:
    """Items in quotation marks, joined: “a”, “b” and “c”."""
    items = [f"\u201c{i}\u201d" for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
