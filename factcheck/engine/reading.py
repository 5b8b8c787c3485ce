"""How a claim is read before any entry judges it: its words, figures, denials and what it
says of its subjects; a claim of several (name, figure) facts split into one per fact; a frame
that may itself be about the claims file."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..language.normalise import Token, Tokens, fold, keys, negation_scopes, tokens
from ..language.quantities import Kind, Quantity, parse
from .match import CONTEXT_WEIGHT, IMPLICIT_NAMES, Index, without_figures
from .meaning import Distinct

# A word at least this rare among the entries (IDF: used by fewer than about a third of them) tells
# something of what a claim is about; a commoner one ("Vietnam", "relations") does not
TELLING = 1.0
MIN_WORDS = 3  # a claim with no figure must say at least this much to be supported, or to say an entry's opposite
# How far a figure may stand after the name it goes with, in characters: "China (since 2008)"
FIGURE_REACH = 12
# How far before a name its title may begin, in characters: "Deputy Prime Minister"
TITLE_REACH = 60


@dataclass(frozen=True)
class ReadClaim:
    """What a claim says, as every candidate entry is judged against it."""

    text: str
    toks: Tokens  # its words, less figures and the authors it cites
    qs: list[Quantity]
    figures: int  # of qs, those that are not weak
    keys: frozenset[str]  # of toks
    all_keys: frozenset[str]  # of all its words but figures (list members may be cited authors)
    strangers: list[str]  # proper nouns no entry knows
    denials: list[frozenset[str]]  # what its denials deny
    tangled: bool  # two denials side by side ("not not"): what it asserts is unclear
    predicate: dict[str, float]  # what it says of its subjects, weighed
    telling_words: int  # words that are not common among the entries (TELLING)


class Reader:
    """Reads claims against the names and word weights of one prepared claims file."""

    def __init__(self, index: Index, distinct: Distinct):
        self.index = index
        self.distinct = distinct

    def read(self, claim: str, toks: Sequence[Token], qs: list[Quantity], context_keys: set[str]) -> ReadClaim:
        """What a claim says, worked out once for all its candidate entries."""
        claim_keys = frozenset(keys(toks))
        return ReadClaim(
            text=claim, toks=tuple(toks), qs=qs, figures=sum(not q.weak for q in qs), keys=claim_keys,
            all_keys=frozenset(keys(tokens(without_figures(claim)))),
            strangers=self.index.unknown_proper_nouns(claim, toks),
            denials=negation_scopes(claim, toks),  # the words of its figures too: "not ... until May 1997"
            tangled=any(a.negator and b.negator for a, b in zip(toks, toks[1:])),
            predicate=self.predicate_weights(claim, toks, context_keys),
            telling_words=sum(self.index.weight(k) >= TELLING for k in claim_keys),
        )

    def predicate_weights(self, claim: str, toks: Sequence[Token], context_keys: set[str]) -> dict[str, float]:
        """What the claim says of its subjects: its words outside its names (and the titles
        written with them, "General Secretary"), weighed; in a draft, the sentence before may
        say what "joined that group" means. Computed once per claim, in one sweep."""
        spans: list[tuple[int, int]] = []
        for _, a, b in self.index.name_spans(toks):
            if spans and a < spans[-1][1]:
                continue  # inside a name already grown over its title
            spans.append(_with_title(claim, a, b))
        rest: set[str] = set()
        at = 0
        for t in toks:
            while at < len(spans) and spans[at][1] <= t.start:
                at += 1
            if not t.negator and not (at < len(spans) and spans[at][0] <= t.start):
                rest.add(t.key)
        weights = {k: self.index.weight(k) for k in rest}
        weights.update({k: CONTEXT_WEIGHT * self.index.weight(k) for k in context_keys if k not in weights})
        return weights

    def split(self, claim: str) -> list[str]:
        """"with China in 2008, Russia in 2012 and India in 2016": one fact per (name, figure)."""
        qs = [q for q in parse(claim) if not q.weak]
        if len(qs) < 2:
            return [claim]  # one figure at most: one fact, whatever it names
        toks = tokens(without_figures(claim))
        names: list[_Named] = [(n[0], n[1], n[2], _JOINERS) for n in self.index.name_spans(toks) if n[0] not in IMPLICIT_NAMES]
        # and kinds of thing: "comprehensive partnerships with 16 countries and strategic partnerships with 10"
        names += [(form, start, end, _THING_JOINERS) for start, end, form in self.distinct.spans(claim)]
        names.sort(key=lambda n: n[1])
        pairs = []
        for q in qs:
            before = [n for n in names if n[2] <= q.start and q.start - n[2] <= FIGURE_REACH and _only_joiners(claim[n[2]:q.start], n[3])]
            if before:
                n = before[-1]
                pairs.append((n[1], q.end, n[0]))
        if len(pairs) < 2 or len({p[2] for p in pairs}) < len(pairs):
            return [claim]
        head, tail = claim[:pairs[0][0]], claim[pairs[-1][1]:]
        return [head + claim[a:b] + tail for a, b, _ in pairs]

    def speaks_of(self, frame: str) -> bool:
        """Whether the claims file may speak of a report's frame: a figure ("the 15th Party
        Congress asserted"), or a name it knows besides the sources' own authors ("Pham Minh
        Chinh told CSIS in May 2023 that ..."). A date alone ("a spokesperson told reporters in
        2023") dates the report and names no one the sources speak of."""
        if any(not q.weak and q.kind is not Kind.DATE for q in parse(frame)):
            return True
        names = self.index.find_names(tokens(without_figures(frame)))
        return any(n not in IMPLICIT_NAMES and n not in self.index.attribution_names for n in names)


def claims_membership(claim: str) -> bool:
    """"One of the Four Nos is ...", "the partners include ...", "the five partners are China,
    ...": the claim names a list item ("is the only country" names none)."""
    return bool(_MEMBERSHIP.search(fold(claim)) or _NAMES_FOLLOW.search(claim))


_MEMBERSHIP = re.compile(r"\b(?:one of|among|includes?|included|including|consists? of|comprises?|part of)\b")
# "The Four Nos are: No alliances, ...", "its first such partner is Russia": a name follows "is"
# or "are". A bare copula is enough because the test is only asked where the claim also names a
# closed list of the claims file ("the capital is Hanoi" names none, so it claims no membership).
# After a bare colon, only a list of names counts ("Aug 1953: 82%" in a row is a label and its value).
_NAMES_FOLLOW = re.compile(r"\b(?:are|is)\s*:?\s+[A-Z]|:\s+[A-Z][^.;:]*(?:,|\band\b)")

_TITLE_BEFORE = re.compile(r"\b([A-Z][\w.'’-]{0,40})\s{1,3}$")
_TITLE_AFTER = re.compile(r"\s{1,3}([A-Z][\w.'’-]{0,40})")


def _with_title(claim: str, a: int, b: int) -> tuple[int, int]:
    """A name's span grown over the capitalised words written with it ("Prime Minister")."""
    while m := _TITLE_BEFORE.search(claim, max(0, a - TITLE_REACH), a):
        a = m.start(1)
    while m := _TITLE_AFTER.match(claim, b):
        b = m.end(1)
    return a, b


_Named = tuple[tuple[str, ...] | str, int, int, frozenset[str]]  # a name or a kind of thing, its span, what may join it to a figure
_JOINERS = frozenset({"in", "(", ")", ",", "on", "at", "since", "from", "-"})  # between a name and its figure: "China in 2008"
_THING_JOINERS = _JOINERS | {"with"}  # between a kind of relation and its figure: "partnerships with 16 countries"


def _only_joiners(text: str, joiners: frozenset[str] = _JOINERS) -> bool:
    return all(w in joiners for w in text.replace("(", " ( ").replace(",", " , ").split())
