"""The facts of a sentence: where one sentence states several ("…; …", "…, after which …",
a clause that leaves out its verb), each as the words it is quoted by and a plain statement."""

from __future__ import annotations

import re

from ..engine.clauses import clauses, has_predicate, subject_of
from ..language.quantities import parse
from .checkable import reasons, states_figure

_FOOTNOTE = re.compile(r"\s{0,3}\(\d{1,2}\)(?=[\s.,;:]|$)")  # "(1)", "(2)": footnote marks and numbered points
_GAP = re.compile(r",\s+and\s+|;\s+(?:and\s+)?")
MIN_PARALLEL = 3  # words a gapped clause must share with the full one, its figure among them


def facts(sentence: str) -> list[tuple[int, int, str]]:
    """The facts of a sentence as (start, end, statement): where the sentence separates them
    into clauses that are each checkable ("...; ...", "..., after which ..."), one a clause,
    each clause quoted as written and stated with the subject it leaves out; else one. A
    clause that leaves out its verb ("..., and comprehensive partnerships with 10 countries")
    is stated with it."""
    out = []
    for start, end, statement in _clauses(sentence):
        out += gapped(sentence[start:end], start) or [(start, end, statement)]
    return out


def _clauses(sentence: str) -> list[tuple[int, int, str]]:
    whole = [(0, len(sentence), statement_of(sentence))]
    parts = clauses(sentence)
    if len(parts) < 2:
        return whole
    subject = subject_of(parts[0])
    out = []
    at = 0
    for i, part in enumerate(parts):
        written = part[len(subject) + 1:] if i and subject and part.startswith(subject + " ") and sentence.find(part, at) < 0 else part
        start = sentence.find(written, at)
        if start < 0 or not _checkable_part(part):
            return whole  # the clauses were reworded ("later that same year"), or one states nothing
        out.append((start, start + len(written), statement_of(part)))
        at = start + len(written)
    return out


def gapped(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """"Vietnam has established strategic partnerships with 16 countries, and comprehensive
    partnerships with 10 countries": a later clause leaves out the verb the first has. Each
    becomes a fact of its own, a later one stated with the words it leaves out. [] when the
    text has no such clauses."""
    out: list[tuple[int, int, str]] = []
    first, head = "", None
    for m in _GAP.finditer(text):
        if out and m.start() < out[-1][1] - offset:
            continue
        right = _gapped_clause(text, m.end())
        if not states_figure(right) or has_predicate(right, sentence_end=False):
            if out:
                break
            continue
        if not out:
            left = text[:m.start()]
            if not states_figure(left):
                continue
            head = _shared_head(left, right)
            if _restored(left, right, head) is None:
                continue
            first = left
            out.append((offset, offset + m.start(), statement_of(left)))
        full = _restored(first, right, head)
        if full is None:
            break
        out.append((offset + m.end(), offset + m.end() + len(right), statement_of(full)))
    if out and any(not q.weak for q in parse(text[out[-1][1] - offset:])):
        return []  # a figure after the last gapped clause would belong to no fact
    return out


def _gapped_clause(text: str, start: int) -> str:
    """The clause from `start`: up to a semicolon, and on past commas while it has no verb
    ("a developed, high-income country by 2045", not "..., heightened its profile")."""
    end = text.find(";", start)
    end = len(text) if end < 0 else end
    clause = ""
    for piece in text[start:end].split(","):
        longer = f"{clause},{piece}" if clause else piece
        if clause and has_predicate(longer, sentence_end=False):
            break
        clause = longer
    return clause.rstrip(" .")


def _shared_head(full: str, gapped_clause: str) -> list[str] | None:
    """The full clause's words before where the gapped one starts as it does ("... to become"
    before "a developing country"): its first two words written in the full clause."""
    a, b = full.split(), [_bare(w) for w in gapped_clause.split()[:2]]
    for p in range(len(a) - 1):
        if len(b) == 2 and [_bare(w) for w in a[p:p + 2]] == b:
            return a[:p]
    return None


def _bare(word: str) -> str:
    return word.strip(".,;:").lower()


def _restored(full: str, gapped_clause: str, head: list[str] | None = None) -> str | None:
    """The gapped clause with the words it leaves out: after the full clause's `head` where it
    starts as the full one does, else where the two end alike word for word (a figure
    parallels any figure)."""
    b = gapped_clause.split()
    if head:
        return " ".join(head + b)
    a = full.split()
    same = 0
    while same < min(len(a), len(b)) and _parallel(a[-1 - same], b[-1 - same]):
        same += 1
    own = len(b) - same  # the gapped clause's own words before the parallel ones
    keep = len(a) - same - own
    if same < MIN_PARALLEL or keep < 1 or not states_figure(" ".join(b[own:])):
        return None
    return " ".join(a[:keep] + b)


def _parallel(x: str, y: str) -> bool:
    x, y = x.strip(".,;:").lower(), y.strip(".,;:").lower()
    return x == y or (any(c.isdigit() for c in x) and any(c.isdigit() for c in y))


def _checkable_part(text: str) -> bool:
    return states_figure(text) or bool(reasons(text.rstrip(" ,;:") + "."))


def statement_of(text: str) -> str:
    """A quote as one plain sentence: footnote marks and numbered points dropped, a capital
    first and a full stop last; its words and figures as the source writes them."""
    text = " ".join(_FOOTNOTE.sub("", text).split())
    text = re.sub(r"^\(\d{1,2}\)\s*", "", text)
    text = text.rstrip(" ,;:–—-")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if not text.endswith((".", "!", ".”", '."', ".’", ")")) or text.endswith(")") and not text.endswith(".)"):
        text += "."
    return text
