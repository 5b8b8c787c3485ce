"""One entry's verdict on a claim: conflicting where the entry is about what the claim is about
and a figure, the polarity, a word or a list item differs; supported where nothing differs and
the entry says all the claim says; else unverified, with the reasons why.

A false "supported" is the worst error a fact checker can make, so every path that is not sure
ends in "unverified".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..claimsfile.claims import Entry
from ..language.normalise import LIGHT_KEYS, Token, fold, headline_cased, keys, tokens
from ..language.quantities import Agreement, Quantity
from .match import Candidate, Index, Prepared, without_figures
from .meaning import Contrasts, Distinct, Restrictive
from .members import Lists, only_outsiders_missing
from .polarity import Polarity, polarity, sides_taken, sides_weight
from .reading import MIN_WORDS, ReadClaim, claims_membership
from .reasons import quoted, says, unconfirmed
from .roles import quote_reordered, quotes_swapped, swapped
from .verdicts import Comparison, Match, Verdict

# Coverage thresholds: the share of the claim's rarity-weighted words (figures counted in)
# that an entry covers. Measured on the labelled sets; see the README.
SUPPORT_WITH_VALUES = 0.66  # a claim whose figures all agree
SUPPORT_WORDS_ONLY = 0.75  # a claim with no figure: the words must carry it
SUPPORT_CORE = 0.40  # of a supported claim, the entry's own statement must cover this much
SUPPORT_WORDS_ALONE = 0.5  # of a supported claim, the words without the figures' credit: figures cannot carry a claim about something else
CONFLICT = 0.50  # a claim whose figure differs, about an entry that knows all its names
POLARITY = 0.70  # a claim that denies what an entry affirms must otherwise say the same
OPPOSITE, OPPOSITE_CORE = 0.50, 0.45  # one that says the opposite word, about as much: the word itself is the telling part
VALUE_WEIGHT = 3.0  # a figure weighs like a rare word: agreeing counts fully, differing half
PREDICATE = 0.34  # a conflict needs the entry to speak of what the claim says of its names
PREDICATE_MIN_WEIGHT = 2.0  # below this, the claim says too little besides names to tell
DIRECT = 0.8  # a claim saying this much of an entry's statement (weighed) restates it: short
# claims ("Vietnam does not take sides") are supported by it, and it is not outvoted by an
# entry the claim says less of


@dataclass(frozen=True)
class Findings:
    """What an entry finds of a claim before it decides: how much it covers, what differs,
    and the reasons so far."""

    cand: Candidate  # the names whose sides the claim takes counted as covered
    full: float  # coverage of all the claim's words, figures counted in
    core: float  # ... by the entry's own statement, aliases and members
    closeness: float  # how much of the entry's statement the claim says
    elsewhere: tuple[str, str] | None  # the claim names one thing, the entry another of its kind
    known: bool  # the entry knows every name the claim gives, and names nothing else instead
    outsiders: list[str]  # what the claim names that the entry's list does not have
    closed_out: bool  # ... and the list is closed
    conflicts: list[Comparison]  # figures that differ, and tell
    polarity: Polarity
    reasons: tuple[str, ...]


class Judge:
    """Judges candidate entries against a claim, with reasons in plain words."""

    def __init__(self, index: Index, lists: Lists, distinct: Distinct, contrasts: Contrasts, restrictive: Restrictive,
                 sentences: Callable[[Entry], Sequence[str]] | None = None):
        self.index = index
        self.lists = lists
        self.distinct, self.contrasts, self.restrictive = distinct, contrasts, restrictive
        self.sentences = sentences or (lambda e: ())  # the whole sentences its quotes sit in
        self.weighed: dict[str, list[tuple[frozenset[str], float]]] = {}  # by entry id: see weighed_texts

    def judge(self, said: ReadClaim, cand: Candidate, comparisons: list[Comparison], vouched: set[Quantity]) -> Match:
        """One entry's verdict on the claim. `vouched`: figures of the claim that an entry
        about the same subjects, matching about as well, confirms: not what this one denies."""
        found = self.findings(said, self.with_sides(said, cand), comparisons, vouched)
        return self.conflict(said, found, comparisons) or self.support(said, found, comparisons)

    def with_sides(self, said: ReadClaim, cand: Candidate) -> Candidate:
        """"aligned itself with Washington against Beijing" against "does not take sides": the
        names are whom it takes sides with, and the entry denies it of all; they count as the
        entry's, not as names it lacks."""
        if not cand.missing_names or not (sides := sides_taken(said, cand)):
            return cand
        p, index = cand.prepared, self.index
        return replace(cand, missing_names=tuple(n for n in cand.missing_names if n not in sides),
                       covered=cand.covered + sides_weight(said, sides, index, p.vocab),
                       covered_core=cand.covered_core + sides_weight(said, sides, index, p.core))

    def findings(self, said: ReadClaim, cand: Candidate, comparisons: list[Comparison], vouched: set[Quantity]) -> Findings:
        e = cand.entry
        full, core = coverages(cand, comparisons)
        predicate = predicate_coverage(said.predicate, cand)
        conflicts, reasons = disputed(comparisons, vouched, predicate)
        figures_agree = all(c.agreement is Agreement.AGREE for c in comparisons if not c.claim.weak)
        read = polarity(said, cand, self.contrasts,
                        same_otherwise=figures_agree and full >= POLARITY and core >= SUPPORT_WITH_VALUES,
                        figures_differ=bool(conflicts),
                        near_otherwise=figures_agree and full >= OPPOSITE and core >= OPPOSITE_CORE and predicate >= OPPOSITE)
        outsiders = self.lists.outsiders(said, e) if e.list else []
        closed_out = bool(outsiders and e.list and e.list.closed)
        elsewhere = self.elsewhere(said.text, e)
        reasons += read.reasons
        reasons += self.not_about(said, cand, outsiders, closed_out, elsewhere)
        known = not cand.missing_names and not said.strangers and not elsewhere
        return Findings(cand, full, core, self.closeness(said, e), elsewhere, known, outsiders, closed_out,
                        conflicts, read, tuple(reasons))

    def not_about(self, said: ReadClaim, cand: Candidate, outsiders: list[str], closed_out: bool,
                  elsewhere: tuple[str, str] | None) -> list[str]:
        """Why the entry may not be about what the claim is about: its closed list lacks the
        claimed item, it lacks a name the claim gives, or names another thing of the kind."""
        e, reasons = cand.entry, []
        if closed_out and e.list:
            reasons.append(
                f"the source's list has exactly {len(e.list.members)} members ({', '.join(m.name for m in e.list.members)}); "
                f"{quoted(outsiders)} {'is' if len(outsiders) == 1 else 'are'} not among them"
            )
        if cand.missing_names:
            reasons.append("the entry is not about " + quoted(self.index.shown_names(said.text, said.toks, cand.missing_names)))
        if elsewhere:
            reasons.append(f"the entry is about {quoted([elsewhere[1]])}, not {quoted([elsewhere[0]])}")
        if said.strangers and not closed_out:
            reasons.append("the entry does not mention " + quoted(said.strangers))
        return reasons

    def conflict(self, said: ReadClaim, f: Findings, comparisons: list[Comparison]) -> Match | None:
        """The entry contradicts the claim: a figure, its polarity, the opposite word, or an
        item its closed list lacks; where the entry is about what the claim is about."""
        cand, e, read = f.cand, f.cand.entry, f.polarity
        if not (f.conflicts or read.polarity_differs or read.says_opposite or f.closed_out):
            return None
        named_item = (f.closed_out and self.lists.names_list(said.keys, e) and claims_membership(said.text)
                      and only_outsiders_missing(cand, f.outsiders))
        # "Date: May 1997" shares only a light word with an entry "dated 26 February 2024": it
        # says nothing of what its figure dates, and contradicts no entry
        shares_content = bool((said.keys - LIGHT_KEYS) & cand.prepared.core)
        if not (shares_content and (
                (f.known and f.core >= CONFLICT) or named_item or (f.closed_out and not cand.missing_names and f.core >= CONFLICT))):
            return None
        only_item = not f.conflicts and not read.polarity_differs and not read.says_opposite
        by_meaning = read.polarity_differs and not f.conflicts and not f.closed_out and not read.says_opposite
        return Match(e, Verdict.CONFLICTING, cand.score, f.reasons, tuple(comparisons), True, only_list_item=only_item,
                     closeness=f.closeness, by_meaning=by_meaning,
                     opposite=tuple(o.claim_says for o in read.opposed) if read.says_opposite else ())

    def support(self, said: ReadClaim, f: Findings, comparisons: list[Comparison]) -> Match:
        """Supported where nothing stands in the way and the entry says all the claim says;
        else unverified, why it is not a conflict first (another subject)."""
        cand, e = f.cand, f.cand.entry
        blocking = self.unsupported(said, f, comparisons)
        reasons = [*f.reasons, *blocking]
        agreed = [c for c in comparisons if c.agreement is Agreement.AGREE]
        if not blocking and self.says_all(said, f, agreed):
            if swaps := self.swaps(said, e):
                reasons.append(f"the claim has {quoted(swaps)} the other way round from the source")
            else:
                reasons += [says(c) for c in agreed] or ["the entry states this"]
                return Match(e, Verdict.SUPPORTED, cand.score, tuple(reasons), tuple(comparisons), True, closeness=f.closeness)
        if not reasons:
            reasons.append(f"the entry only partly matches the claim ({f.full:.0%} of its words)")
        reasons.sort(key=lambda r: not r.startswith(("the entry is not about", "the entry does not mention", "the entry is about")))
        return Match(e, Verdict.UNVERIFIED, cand.score, tuple(reasons), tuple(comparisons), f.core >= CONFLICT and not f.elsewhere,
                     cand.missing_names, closeness=f.closeness, differs=bool(f.polarity.flipped or f.polarity.opposed))

    def unsupported(self, said: ReadClaim, f: Findings, comparisons: list[Comparison]) -> list[str]:
        """What the claim says that the entry does not: figures it does not confirm, an item
        its open list does not name, a word that narrows the claim, a name it never uses."""
        e = f.cand.entry
        reasons = [unconfirmed(c) for c in comparisons
                   if c.agreement is not Agreement.AGREE and not (c.claim.weak and c.agreement is None)]
        if f.outsiders and e.list and not e.list.closed:
            reasons.append(f"the source's list is not closed and does not name {quoted(f.outsiders)}")
        narrower = self.restrictive.unaccounted(said.text, (e.statement, *e.aliases, *(ev.quote for ev in e.evidence)))
        narrower = [w for w in narrower if not any(w in fold(c.claim.text) for c in comparisons if c.agreement is Agreement.AGREE)]  # "three times": a figure agreed
        if narrower:
            reasons.append(f"the source does not say {quoted(narrower)}")
        if unnamed := self.unnamed(said.text, said.toks, f.cand.prepared):
            reasons.append(f"the entry does not name {quoted(unnamed)}")
        return reasons

    @staticmethod
    def says_all(said: ReadClaim, f: Findings, agreed: list[Comparison]) -> bool:
        """Whether the entry, which knows the claim's names and differs in nothing, covers
        enough of the claim (its figures agreeing, or its words alone), and the claim says
        enough to be supported at all."""
        needed = SUPPORT_WITH_VALUES if agreed else SUPPORT_WORDS_ONLY
        says_enough = bool(agreed) or said.telling_words >= MIN_WORDS or f.closeness >= DIRECT
        words_alone = f.cand.coverage >= SUPPORT_WORDS_ALONE  # figures cannot carry a claim about something else
        return (says_enough and words_alone and not said.tangled and not f.outsiders and not f.polarity.flipped
                and not f.polarity.opposed and f.known and f.full >= needed and f.core >= SUPPORT_CORE)

    def swaps(self, said: ReadClaim, e: Entry) -> list[str]:
        """Two names the claim puts round a word the other way from the entry ("helped Japanese
        forces fight the Americans" against "assisted American forces against the Japanese"),
        two quotations it gives in the other order, or a quotation whose words it reorders;
        empty when there are none. The quotes' whole sentences count, as they count for what
        the entry covers."""
        texts = (e.statement, *e.aliases, *e.rewordings, *(ev.quote for ev in e.evidence), *self.sentences(e))
        if quotes := quotes_swapped(said.text, texts):
            return list(quotes)
        if quote := quote_reordered(said.text, texts):
            return [quote]
        if swaps := swapped(said.text, texts, self.index):
            names = (tuple(swaps[0].first.split()), tuple(swaps[0].second.split()))
            return self.index.shown_names(said.text, said.toks, names)
        return []

    def elsewhere(self, claim: str, e: Entry) -> tuple[str, str] | None:
        """What the claim names and the entry names another of instead ("strategic partnership"
        for "comprehensive partnership")."""
        return self.distinct.other(claim, (e.statement, *e.aliases))

    @staticmethod
    def unnamed(claim: str, toks: Sequence[Token], p: Prepared) -> list[str]:
        """Capitalised words inside a name the claim gives ("the 11th Military Party Congress")
        that the entry never uses: the claim names something else."""
        out: list[str] = []
        if headline_cased(claim):
            return out  # in Title Case, capitals mark no name
        for t in toks:
            word = claim[t.start:t.end]
            if not word[:1].isupper() or t.negator or t.key in p.vocab:
                continue
            before = _WORD_BEFORE.search(claim, max(0, t.start - NAME_REACH), t.start)
            if before and _IN_A_NAME.fullmatch(before.group(1)):
                out.append(word)
        return out

    def closeness(self, said: ReadClaim, e: Entry) -> float:
        """The share of the entry's statement, or of one of its aliases, that the claim says
        (words weighed by rarity)."""
        best = 0.0
        for words, total in self.weighed_texts(e):
            best = max(best, sum(self.index.weight(k) for k in words if k in said.all_keys) / total)
        return best

    def weighed_texts(self, e: Entry) -> list[tuple[frozenset[str], float]]:
        """The words of the entry's statement and aliases, each text's with their total weight,
        worked out once an entry: a scan judges the same entries again and again."""
        if (known := self.weighed.get(e.id)) is None:
            known = self.weighed[e.id] = []
            for text in (e.statement, *e.aliases):
                words = frozenset(keys(tokens(without_figures(text))))
                if all((k,) in self.index.names for k in words):
                    continue  # an alias that is a name ("Russia") is said by every claim naming it
                if total := sum(self.index.weight(k) for k in words):
                    known.append((words, total))
        return known


NAME_REACH = 40  # characters before a capitalised word in which the word before it is looked for
_WORD_BEFORE = re.compile(r"(\S+) +$")
_IN_A_NAME = re.compile(r"[A-Z][\w'’-]*|\d+(?:st|nd|rd|th)")  # a capitalised word or a rank before: "11th Military Party"


def disputed(comparisons: list[Comparison], vouched: set[Quantity], predicate: float) -> tuple[list[Comparison], list[str]]:
    """The claim's figures the entry contradicts, and the reasons; none where every figure
    differs (another event, more likely than wrong figures), or where the entry does not speak
    of what the claim says of its names ("Nguyen Phu Trong died in July 2024" is not about his
    2022 speech)."""
    conflicts = [c for c in comparisons if c.agreement is Agreement.CONFLICT and c.claim not in vouched]
    strong_values = [c for c in comparisons if not c.claim.weak]
    reasons: list[str] = []
    if len(conflicts) >= 2 and not any(c.agreement is Agreement.AGREE or c.claim in vouched for c in strong_values):
        reasons.append("every figure differs (another event?): " + "; ".join(says(c) for c in conflicts))
        conflicts = []
    if conflicts and predicate < PREDICATE:
        reasons.append("the entry speaks of another event: " + "; ".join(says(c) for c in conflicts))
        conflicts = []
    return conflicts, reasons + [says(c) for c in conflicts]


def coverages(cand: Candidate, comparisons: list[Comparison]) -> tuple[float, float]:
    """How much of the claim an entry covers, its figures counted in: (all words, core words)."""
    got = weight = 0.0
    for c in comparisons:
        if c.claim.weak:
            continue
        weight += VALUE_WEIGHT
        if c.agreement is Agreement.AGREE:
            got += VALUE_WEIGHT
        elif c.agreement is not None:
            got += VALUE_WEIGHT / 2
    total = cand.total + weight
    if not total:
        return 0.0, 0.0
    return (cand.covered + got) / total, (cand.covered_core + got) / total


def predicate_coverage(weights: dict[str, float], cand: Candidate) -> float:
    """How much of what the claim says of its subjects the entry speaks of; 1.0 when the
    claim says too little besides names to tell."""
    total = sum(weights.values())
    if total < PREDICATE_MIN_WEIGHT:
        return 1.0
    return sum(w for k, w in weights.items() if k in cand.prepared.vocab) / total
