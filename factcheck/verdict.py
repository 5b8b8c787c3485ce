"""The verdict: does an entry support a claim, contradict it, or say nothing about it?

Fuzzy matching (match.py) finds which entries a claim is about; this module compares what the
claim says with what each entry says, as values: figures, dates, list members, polarity.
A false "supported" is the worst error a fact checker can make, so every path that is not
sure ends in "unverified".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from . import quantities
from .clauses import causal, clauses, has_predicate, subject_of, unframe
from .alternatives import Alternative, alternative
from .roles import quotes_swapped, swapped
from .tables import record_sentence, table_sentences
from .timeline import Ordered, describe, ordered, relation_holds
from .claims import Entry, Member
from .meaning import Opposed, contrasts, denies, distinct, own_knowledge, restrictive, unmatched_denial
from .match import CONTEXT_WEIGHT, COUNTRY_NAMES, IMPLICIT_NAMES, Candidate, Hits, Index, Prepared, without_figures
from .normalise import LIGHT_KEYS, Token, Tokens, fold, heads, headline_cased, keys, name_keys, negation_scopes, stem, tokens, visible
from .quantities import Agreement, Kind, Qualifier, Quantity, Span, comparable, compare, ordinal, parse, span_of
from .verdicts import SHOWN, CheckResult, Comparison, Match, Verdict, combine

# Coverage thresholds: the share of the claim's rarity-weighted words (figures counted in)
# that an entry covers. Measured on the labelled sets; see the README.
SUPPORT_WITH_VALUES = 0.66  # a claim whose figures all agree
SUPPORT_WORDS_ONLY = 0.75  # a claim with no figure: the words must carry it
SUPPORT_CORE = 0.40  # of a supported claim, the entry's own statement must cover this much
CONFLICT = 0.50  # a claim whose figure differs, about an entry that knows all its names
POLARITY = 0.70  # a claim that denies what an entry affirms must otherwise say the same
OPPOSITE, OPPOSITE_CORE = 0.50, 0.45  # one that says the opposite word, about as much: the word itself is the telling part
OBJECT_REACH = 4  # words from a predicate to a name that is its object ("sides with Washington")
CONFLICT_MARGIN = 4.0  # a conflict beats a support only when its entry matches clearly better
VALUE_WEIGHT = 3.0  # a figure weighs like a rare word: agreeing counts fully, differing half
MEMBER_MATCH = 0.6  # share of a descriptive list member's words a claim must contain
SUPPORT_WORDS_ALONE = 0.5  # of a supported claim, the words without the figures' credit
MIN_WORDS = 3  # a claim with no figure must say at least this much to be supported
PREDICATE = 0.34  # a conflict needs the entry to speak of what the claim says of its names
PREDICATE_MIN_WEIGHT = 2.0  # below this, the claim says too little besides names to tell
DIRECT = 0.8  # a claim saying this much of an entry's statement (weighed) restates it: short
# claims ("Vietnam does not take sides") are supported by it, and it is not outvoted by an
# entry the claim says less of


@dataclass(frozen=True)
class Said:
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
    telling_words: int  # words that are not common among the entries


@dataclass(frozen=True)
class Reading:
    """What an entry makes of what a claim asserts besides its figures."""

    flipped: bool  # one denies what the other affirms
    opposed: tuple[Opposed, ...]  # the claim's words whose opposite the entry says
    polarity_differs: bool  # flipped, and otherwise the same: a conflict
    says_opposite: bool  # opposed, and otherwise the same: a conflict
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ListWords:
    """An entry's list, in words: each member's name forms, all members' words, the words of
    what the entry says besides (statement, aliases, parties), and both together."""

    forms: tuple[tuple[Member, tuple[tuple[str, ...], ...]], ...]  # each member and its names' keys
    members: frozenset[str]
    said: frozenset[str]
    known: frozenset[str]


class Checker:
    """Checks claims against one prepared claims file."""

    def __init__(self, index: Index, as_of: dict[str, Span] | None = None):
        self.index = index
        self.known = own_knowledge(index.claims.vocabulary)
        # looked up once: a Knowledge hashes all its sets, so a cached lookup per claim costs
        self.distinct, self.contrasts = distinct(self.known), contrasts(self.known)
        self.restrictive = restrictive(self.known)
        self.as_of = as_of or {}
        self._list_words: dict[str, ListWords] = {}
        self._compared: tuple[str, dict[str, list[Comparison]]] = ("", {})  # the last claim's, by entry id

    def check(self, claim: str, context: str = "", shown: int = SHOWN, unverified_matches: bool = True) -> CheckResult:
        """The verdict on a claim; `context` is text the claim leans on (the previous sentence
        of a draft), whose words help find the entry but whose figures are not checked.
        `shown`: how many matches the caller shows; the result's first `shown` matches are
        the best candidates, judged, and past them only entries that could sway the verdict
        (the parts of a split claim show SHOWN each). `unverified_matches=False`: the caller
        reports only other verdicts, so an unverified result may come without its matches.
        A frame ("It is false that ...", "..., a spokesperson said") is taken off and what it
        frames is checked; each clause of a sentence of several is checked on its own.
        Invisible format characters are dropped first (`visible`): the claim checked, and
        shown, is the claim as it reads."""
        claim, context = visible(claim), visible(context)
        if alt := alternative(claim):
            # "X, not Y, ...": X, and not Y; unless an entry says as much ("a political rather than a military settlement")
            whole = self.read_claim(claim, claim, context, shown, unverified_matches, record=False)
            return whole if whole.verdict is Verdict.SUPPORTED else self.check_alternative(claim, alt, context, shown, unverified_matches)
        if (rows := table_sentences(claim)) and len(rows) > 1:  # a table: each row is a claim
            results = tuple(self.read_claim(row, row, context, SHOWN, unverified_matches, record=True) for row in rows)
            return CheckResult(claim, combine([r.verdict for r in results]), _merge_matches(results), results)
        record = rows[0] if rows else record_sentence(claim)  # "Partner: Russia — Since: 2012" is a table row
        return self.read_claim(claim, record or claim, context, shown, unverified_matches, record=record is not None)

    def check_alternative(self, claim: str, alt: Alternative, context: str, shown: int, unverified_matches: bool) -> CheckResult:
        """A claim that rules one thing out: conflicting where the sources state what it rules
        out and not what it chose; else the verdict on its choice."""
        said = self.check(alt.said, context, shown, unverified_matches)
        denied = self.check(alt.denied, context, shown, unverified_matches)
        if denied.verdict is not Verdict.SUPPORTED:
            return replace(said, claim=claim)
        if said.verdict is Verdict.SUPPORTED:  # the sources' words fit both: they tell neither
            return CheckResult(claim, Verdict.UNVERIFIED, said.matches, (said, denied),
                               f"the sources' words fit both “{alt.choice}” and “{alt.other}”: {said.reason}")
        return CheckResult(claim, Verdict.CONFLICTING, denied.matches, (said, denied),
                           f"the sources say “{alt.other}”, not “{alt.choice}”: {denied.reason}")

    def read_claim(self, claim: str, read: str, context: str, shown: int, unverified_matches: bool, record: bool) -> CheckResult:
        """`check` of a claim as `read` (a table row as its sentence); `record`: a row, whose
        label before a colon is its subject, never a lead-in."""
        framed = unframe(read, self.speaks_of, lead_in=not record)
        if (events := ordered(framed.text, subject_of(framed.text))) and (timed := self.check_order(claim, events)):
            return _denied(timed, framed.frame) if framed.denied else timed
        parts = [*framed.reports, *(p for c in clauses(framed.text) for p in (self.split(c) if not context else [c]))]
        if len(parts) > 1:
            results = tuple(self.check_one(p, context=context, unverified_matches=unverified_matches) for p in parts)
            result = CheckResult(claim, combine([r.verdict for r in results]), _merge_matches(results), results)
            said_whole = framed.reports[0] if framed.reports else framed.text
            if result.verdict is Verdict.SUPPORTED and causal(framed.text):
                result = self._restated(said_whole, context, shown) or replace(result, verdict=Verdict.UNVERIFIED, summary=(
                    "each part is stated, but the sources do not say that one is why the other: " + result.reason))
            elif result.verdict is Verdict.UNVERIFIED and not framed.reports and (whole := self._restated(said_whole, context, shown)):
                result = replace(whole, claim=claim)
            elif result.verdict is Verdict.UNVERIFIED and not unverified_matches:
                result = CheckResult(claim, Verdict.UNVERIFIED, ())  # as for a claim of one part
        else:
            result = replace(self.check_one(parts[0], context=context, shown=shown, unverified_matches=unverified_matches), claim=claim)
        if result.verdict is not Verdict.UNVERIFIED and not has_predicate(read) and not (
                result.verdict is Verdict.CONFLICTING and _figure_conflict(result)):
            # a heading asserts nothing: never supported, contradicted only by a figure it gives
            result = CheckResult(claim, Verdict.UNVERIFIED, result.matches, result.parts,
                                 f"“{claim.strip()}” asserts nothing (a heading or fragment, no verb): {result.reason}")
        return _denied(result, framed.frame) if framed.denied else result

    # -- two events in order ------------------------------------------------------------------

    def check_order(self, claim: str, events: Ordered) -> CheckResult | None:
        """"A before B", "A, less than two years after B": both events dated by the entries
        that state them, their order (and gap) worked out; None when either is not dated, or
        the dates allow both readings."""
        first, first_span = self.event(events.first)
        second, second_span = self.event(events.second)
        if first.verdict is Verdict.CONFLICTING and any(c.agreement is Agreement.CONFLICT for c in first.matches[0].comparisons):
            return CheckResult(claim, Verdict.CONFLICTING, first.matches, (first, second))  # "in 1975, right after ..."
        if first_span is None or second_span is None:
            return None
        holds = relation_holds(first_span, second_span, events.order, events.gap)
        if holds is None:
            return None
        said = f"{events.gap} {events.order}".strip()
        summary = (f"the sources date “{events.first}” to {describe(first_span)} and “{events.second}” to "
                   f"{describe(second_span)}: the first {'is' if holds else 'is not'} {said} the second")
        verdict = Verdict.SUPPORTED if holds else Verdict.CONFLICTING
        return CheckResult(claim, verdict, (first.matches[0], second.matches[0]), (first, second), summary)

    def event(self, text: str) -> tuple[CheckResult, Span | None]:
        """An event as the claims file dates it: the date of the entry that states it (its
        own figures agreeing), or of the best entry about the same subjects that does not
        contradict it."""
        result = self.check_one(text)
        named = any(n not in IMPLICIT_NAMES for n in self.index.find_names(tokens(without_figures(text))))
        for i, m in enumerate(result.matches[:SHOWN]):
            if m.verdict is Verdict.CONFLICTING or m.missing_names or not (m.verdict is Verdict.SUPPORTED or m.strong):
                continue
            if not named and i:
                break  # "diplomatic ties established": about whom? Only the best entry may say
            # not "by 2002"; "a member since 1990" dates its joining
            dates = [v for v in m.entry.values if v.kind is Kind.DATE and v.span and v.relation in ("", "since")]
            if date := _date_of(text, m.entry, dates):
                return result, date
        return result, None

    def _restated(self, text: str, context: str, shown: int) -> CheckResult | None:
        """A sentence of several clauses that one entry states whole, figures agreeing ("Vietnam
        chooses peace because it endured prolonged wars ...") is supported by it."""
        whole = self.check_one(text, context=context, shown=shown)
        if whole.verdict is Verdict.SUPPORTED and whole.matches and whole.matches[0].closeness >= DIRECT:
            return whole
        return None

    def speaks_of(self, frame: str) -> bool:
        """Whether the claims file may speak of a report's frame: a figure ("the 15th Party
        Congress asserted"), or a name it knows besides the sources' own authors ("Pham Minh
        Chinh told CSIS in May 2023 that ..."). A date alone ("a spokesperson told reporters in
        2023") dates the report and names no one the sources speak of."""
        if any(not q.weak and q.kind is not Kind.DATE for q in parse(frame)):
            return True
        names = self.index.find_names(tokens(without_figures(frame)))
        return any(n not in IMPLICIT_NAMES and n not in self.index.attribution_names for n in names)

    # -- several facts in one claim --------------------------------------------------------

    def split(self, claim: str) -> list[str]:
        """"with China in 2008, Russia in 2012 and India in 2016": one fact per (name, figure)."""
        toks = tokens(without_figures(claim))
        names = [(n[0], n[1], n[2], _JOINERS) for n in self.index.name_spans(toks) if n[0] not in IMPLICIT_NAMES]
        # and kinds of thing: "comprehensive partnerships with 16 countries and strategic partnerships with 10"
        names += [(form, start, end, _THING_JOINERS) for start, end, form in self.distinct.spans(claim)]
        names.sort(key=lambda n: n[1])
        qs = [q for q in parse(claim) if not q.weak]
        pairs = []
        for q in qs:
            before = [n for n in names if n[2] <= q.start and q.start - n[2] <= 12 and _only_joiners(claim[n[2]:q.start], n[3])]
            if before:
                n = before[-1]
                pairs.append((n[1], q.end, n[0]))
        if len(pairs) < 2 or len({p[2] for p in pairs}) < len(pairs):
            return [claim]
        head, tail = claim[:pairs[0][0]], claim[pairs[-1][1]:]
        return [head + claim[a:b] + tail for a, b, _ in pairs]

    # -- one fact ----------------------------------------------------------------------------

    def check_one(self, claim: str, limit: int = 20, context: str = "", shown: int = SHOWN, unverified_matches: bool = True) -> CheckResult:
        toks = self.index.without_attributions(tokens(without_figures(claim)))
        qs = _with_wholes(claim, parse(claim))
        context_toks = tokens(without_figures(context)) if context else ()
        hits = self.index.covering(toks, limit=limit, context=context_toks)
        if not unverified_matches and not self.any_may_sway(toks, qs, hits):
            return CheckResult(claim, Verdict.UNVERIFIED, ())  # as judging its candidates would end
        candidates = self.index.candidates(toks, hits, limit=limit)
        if _claims_membership(claim):
            candidates += self.named_lists(toks, hits, {c.entry.id for c in candidates})
        if not candidates:
            return CheckResult(claim, Verdict.UNVERIFIED, ())
        said = self.said(claim, toks, qs, set(keys(context_toks)))
        candidates = [c for i, c in enumerate(candidates) if i < shown or self.may_sway(said, c)]
        compared = [self.compare_all(said, c) for c in candidates]
        kept = [i < shown or self.may_sway(said, c, comps) for i, (c, comps) in enumerate(zip(candidates, compared))]
        candidates = [c for c, keep in zip(candidates, kept) if keep]
        compared = [comps for comps, keep in zip(compared, kept) if keep]
        # figures that an entry about the same subjects confirms
        confirmed = [(x.claim, c.score) for c, comps in zip(candidates, compared)
                     if not c.missing_names and _coverages(c, comps)[1] >= CONFLICT and not self.elsewhere(claim, c.entry)
                     for x in comps if x.agreement is Agreement.AGREE]
        matches = [
            self.judge(said, c, comps, {q for q, score in confirmed if score >= c.score - CONFLICT_MARGIN})
            for c, comps in zip(candidates, compared)
        ]
        verdict, ordered = decide(matches)
        if verdict is Verdict.UNVERIFIED and not said.strangers and (joint := _joint_support(self.index, toks, matches, qs)):
            ordered = joint + [m for m in matches if m not in joint]
            agreed = [c for m in joint for c in m.comparisons if c.agreement is Agreement.AGREE]
            summary = "; ".join(dict.fromkeys(_says(c) for c in agreed)) + f" (stated across {len(joint)} entries)"
            return CheckResult(claim, Verdict.SUPPORTED, tuple(ordered), summary=summary)
        if verdict is Verdict.UNVERIFIED and ordered and (partly := _partly(ordered[0])):
            return CheckResult(claim, verdict, tuple(ordered), summary=partly, partial=True)
        return CheckResult(claim, verdict, tuple(ordered))

    def named_lists(self, toks: Tokens, hits: Hits, known: set[str]) -> list[Candidate]:
        """The closed lists a claim of membership names ("The Four Nos include ..."), among the
        entries its words cover, though they rank below the best: a list's long statement reads
        little like a short claim."""
        claim_keys = frozenset(keys(toks))
        named = [(i, covered) for i, covered in hits.ranked if (p := self.index.prepared[i]).entry.id not in known
                 and p.entry.list and p.entry.list.closed and self.names_list(claim_keys, p.entry)]
        return self.index.candidates(toks, Hits(hits.weighted, hits.total, named), limit=len(named)) if named else []

    def said(self, claim: str, toks: Sequence[Token], qs: list[Quantity], context_keys: set[str]) -> Said:
        """What a claim says, worked out once for all its candidate entries."""
        claim_keys = frozenset(keys(toks))
        return Said(
            text=claim, toks=toks, qs=qs, figures=sum(not q.weak for q in qs), keys=claim_keys,
            all_keys=frozenset(keys(tokens(without_figures(claim)))),
            strangers=self.index.unknown_proper_nouns(claim, toks),
            denials=negation_scopes(claim, toks),  # the words of its figures too: "not ... until May 1997"
            tangled=any(a.negator and b.negator for a, b in zip(toks, toks[1:])),
            predicate=self.predicate_weights(claim, toks, context_keys),
            telling_words=sum(self.index.weight(k) >= 1.0 for k in claim_keys),
        )

    def any_may_sway(self, toks: Tokens, qs: list[Quantity], hits: Hits) -> bool:
        """Whether any entry covering the claim may sway its verdict (`may_sway` before figures
        are compared), from what the claim's words cover alone: an entry covers no more of the
        claim's core words than of all its words, and each figure at best agrees. Most sentences
        of a draft are about nothing in the claims file; ranking their candidates by how alike
        the texts read and judging them is most of a check's time."""
        figures = sum(not q.weak for q in qs)
        if figures >= 2 or hits.total <= 0 or any(w <= 0 for w in hits.weighted.values()):
            return True
        if not hits.ranked:
            return False
        best = VALUE_WEIGHT * figures
        if (hits.ranked[0][1] + best) / (hits.total + best) >= min(CONFLICT, SUPPORT_CORE) - 1e-9:
            return True
        claim_keys = frozenset(keys(toks))
        return any((e := self.index.prepared[i].entry).list and e.list.closed and self.names_list(claim_keys, e) for i, _ in hits.ranked)

    def may_sway(self, said: Said, cand: Candidate, comparisons: list[Comparison] | None = None) -> bool:
        """Whether judging this entry could change the verdict (before its figures are
        compared, and after). Judging is most of a check's time, and most candidates share
        only a word or two with the claim. An entry sways a verdict by deciding it, by
        vouching for a figure, or by agreeing on one figure of a claim of several (a joint
        support); a closed list the claim names may exclude a claimed item whatever else it
        covers; otherwise the entry must know the claim's names and cover what a support or
        a conflict needs of the claim, with every figure agreeing."""
        figures = said.figures
        if figures >= 2 and (comparisons is None or any(c.agreement is Agreement.AGREE for c in comparisons)):
            return True
        e = cand.entry
        if e.list and e.list.closed and self.names_list(said.keys, e):
            return True
        if cand.missing_names:
            return False
        best = VALUE_WEIGHT * figures
        total = cand.total + best
        core = (cand.covered_core + best) / total if total else 0.0
        return core >= CONFLICT or (core >= SUPPORT_CORE and cand.coverage >= SUPPORT_WORDS_ALONE)

    def compare_all(self, said: Said, cand: Candidate) -> list[Comparison]:
        """The claim's figures against the entry's: its values, its named list members',
        their rank by date; a date the entry lacks may be confirmed (never denied) by the
        source's date. They depend on the claim alone, not its context: a draft's sentence
        checked again with the one before it compares its figures once."""
        e = cand.entry
        qs = said.qs + _every_of(said.text, e, said.qs)
        if not qs:
            return []
        if self._compared[0] != said.text:
            self._compared = (said.text, {})
        if (known := self._compared[1].get(e.id)) is not None:
            return known
        values = list(e.values) + _unlisted(e) + _wholes(e) + _shares(e, qs, said.keys)
        if e.list:
            mentioned = self.mentioned_members(said.all_keys, e)
            for m in mentioned:
                values += list(m.values)
            if len(mentioned) == 1 and _ranked_member(said.text, mentioned[0], said.qs):
                values += _rank_by_date(e, mentioned[0])
            if e.list.closed and (mentioned or self.names_list(said.keys, e)):
                values.append(_list_count(e))  # "seven countries, Benin and Guinea among them"
        compared = self._compared[1][e.id] = pair(said.text, qs, e, values, lambda q: self.compare_as_of(q, e))
        return compared

    def judge(self, said: Said, cand: Candidate, comparisons: list[Comparison], vouched: set[Quantity]) -> Match:
        """One entry's verdict on the claim, with reasons in plain words."""
        e = cand.entry
        claim, toks, strangers = said.text, said.toks, said.strangers
        outsiders = self.list_mentions(said, e) if e.list else []
        full, core = _coverages(cand, comparisons)
        closeness = self.closeness(said, e)
        elsewhere = self.elsewhere(claim, e)
        if cand.missing_names and (sides := self.sides_taken(said, cand)):
            # "aligned itself with Washington against Beijing" against "does not take sides": the
            # names are whom it takes sides with, and the entry denies it of all
            p, index = cand.prepared, self.index
            cand = replace(cand, missing_names=tuple(n for n in cand.missing_names if n not in sides),
                           covered=cand.covered + sides_weight(said, sides, index, p.vocab),
                           covered_core=cand.covered_core + sides_weight(said, sides, index, p.core))
            full, core = _coverages(cand, comparisons)
        known = not cand.missing_names and not strangers and not elsewhere
        reasons: list[str] = []

        # a figure that an entry about the same subjects, matching about as well, confirms
        # is not what this one denies
        conflicts = [c for c in comparisons if c.agreement is Agreement.CONFLICT and c.claim not in vouched]
        strong_values = [c for c in comparisons if not c.claim.weak]
        if len(conflicts) >= 2 and not any(c.agreement is Agreement.AGREE or c.claim in vouched for c in strong_values):
            # every figure compared differs: more likely another event than wrong figures
            reasons.append("every figure differs (another event?): " + "; ".join(_says(c) for c in conflicts))
            conflicts = []
        predicate = _predicate_coverage(said.predicate, cand)
        if conflicts and predicate < PREDICATE:
            # "Nguyen Phu Trong died in July 2024" is not about his 2022 speech
            reasons.append("the entry speaks of another event: " + "; ".join(_says(c) for c in conflicts))
            conflicts = []
        reasons += [_says(c) for c in conflicts]
        claim_keys = said.keys
        figures_agree = all(c.agreement is Agreement.AGREE for c in strong_values)
        reading = self.read(said, cand, same_otherwise=figures_agree and full >= POLARITY and core >= SUPPORT_WITH_VALUES,
                            figures_differ=bool(conflicts),
                            near_otherwise=figures_agree and full >= OPPOSITE and core >= OPPOSITE_CORE and predicate >= OPPOSITE)
        reasons += reading.reasons
        flipped, opposed = reading.flipped, reading.opposed
        polarity_differs, says_opposite = reading.polarity_differs, reading.says_opposite
        closed_out = bool(outsiders and e.list and e.list.closed)
        if closed_out:
            reasons.append(
                f"the source's list has exactly {len(e.list.members)} members ({', '.join(m.name for m in e.list.members)}); "
                f"{_join(outsiders)} {'is' if len(outsiders) == 1 else 'are'} not among them"
            )
        if cand.missing_names:
            reasons.append("the entry is not about " + _join(self.index.shown_names(claim, toks, cand.missing_names)))
        if elsewhere:
            reasons.append(f"the entry is about {_join([elsewhere[1]])}, not {_join([elsewhere[0]])}")
        if strangers and not closed_out:
            reasons.append("the entry does not mention " + _join(strangers))
        named_item = closed_out and self.names_list(claim_keys, e) and _claims_membership(claim) and _only_outsiders_missing(cand, outsiders)
        # "Date: May 1997" shares only a light word with an entry "dated 26 February 2024": it
        # says nothing of what its figure dates, and contradicts no entry
        shares_content = bool((said.keys - LIGHT_KEYS) & cand.prepared.core)
        can_conflict = shares_content and (
            (known and core >= CONFLICT) or named_item or (closed_out and not cand.missing_names and core >= CONFLICT))
        if (conflicts or polarity_differs or says_opposite or closed_out) and can_conflict:
            only_item = not conflicts and not polarity_differs and not says_opposite
            by_meaning = polarity_differs and not conflicts and not closed_out and not says_opposite
            return Match(e, Verdict.CONFLICTING, cand.score, tuple(reasons), tuple(comparisons), True, only_list_item=only_item,
                         closeness=closeness, by_meaning=by_meaning, opposite=tuple(o.claim_says for o in opposed) if says_opposite else ())

        unconfirmed = [c for c in comparisons if c.agreement is not Agreement.AGREE and not (c.claim.weak and c.agreement is None)]
        reasons += [_unconfirmed(c) for c in unconfirmed]
        if outsiders and e.list and not e.list.closed:
            reasons.append(f"the source's list is not closed and does not name {_join(outsiders)}")
        narrower = self.restrictive.unaccounted(claim, (e.statement, *e.aliases, *(ev.quote for ev in e.evidence)))
        narrower = [w for w in narrower if not any(w in fold(c.claim.text) for c in comparisons if c.agreement is Agreement.AGREE)]  # "three times": a figure agreed
        if narrower:
            reasons.append(f"the source does not say {_join(narrower)}")
        if unnamed := self.unnamed(claim, toks, cand.prepared):
            reasons.append(f"the entry does not name {_join(unnamed)}")
        agreed = [c for c in comparisons if c.agreement is Agreement.AGREE]
        needed = SUPPORT_WITH_VALUES if agreed else SUPPORT_WORDS_ONLY
        says_enough = agreed or said.telling_words >= MIN_WORDS or closeness >= DIRECT
        words_alone = cand.coverage >= SUPPORT_WORDS_ALONE  # figures cannot carry a claim about something else
        supportable = (says_enough and words_alone and not said.tangled and not narrower and not unnamed and not unconfirmed and not outsiders
                       and not flipped and not opposed and known and full >= needed and core >= SUPPORT_CORE)
        if supportable and (swaps := self.swaps(said, e)):
            reasons.append(f"the claim has {_join(swaps)} the other way round from the source")
        elif supportable:
            reasons += [_says(c) for c in agreed] or ["the entry states this"]
            return Match(e, Verdict.SUPPORTED, cand.score, tuple(reasons), tuple(comparisons), True, closeness=closeness)
        if not reasons:
            reasons.append(f"the entry only partly matches the claim ({full:.0%} of its words)")
        # why it is not a conflict comes first: another subject
        reasons.sort(key=lambda r: not r.startswith(("the entry is not about", "the entry does not mention", "the entry is about")))
        return Match(e, Verdict.UNVERIFIED, cand.score, tuple(reasons), tuple(comparisons), core >= CONFLICT and not elsewhere, cand.missing_names,
                     closeness=closeness, differs=bool(flipped or opposed))

    def sides_taken(self, said: Said, cand: Candidate) -> set[tuple[str, ...]]:
        """The names the entry lacks that the claim gives as the objects of what the entry
        denies without naming any ("takes sides with China against the US" against "does not
        take sides"): within OBJECT_REACH words after a word the entry's denial denies first,
        which the claim affirms."""
        named = {k for name in cand.prepared.names for k in name}
        denied = {k for scope in cand.prepared.denies if not scope & named for k in heads(scope)}
        affirmed = [i for i, t in enumerate(said.toks) if t.key in denied and not any(t.key in scope for scope in said.denials)]
        out = set()
        for name in cand.missing_names:
            at = [i for i, t in enumerate(said.toks) if t.key == name[0]]
            if any(0 < j - i <= OBJECT_REACH for i in affirmed for j in at):
                out.add(name)
        return out

    def swaps(self, said: Said, e: Entry) -> list[str]:
        """Two names the claim puts round a word the other way from the entry ("helped Japanese
        forces fight the Americans" against "assisted American forces against the Japanese"),
        or two quotations it gives in the other order; empty when there are none."""
        texts = (e.statement, *e.aliases, *e.rewordings, *(ev.quote for ev in e.evidence))
        if quotes := quotes_swapped(said.text, texts):
            return list(quotes)
        if swaps := swapped(said.text, texts, lambda key: (key,) in COUNTRY_NAMES):
            return [self.word_of(said, swaps[0].first), self.word_of(said, swaps[0].second)]
        return []

    @staticmethod
    def word_of(said: Said, key: str) -> str:
        """The claim's own word for a key."""
        return next((said.text[t.start:t.end] for t in said.toks if t.key == key), key)

    def elsewhere(self, claim: str, e: Entry) -> tuple[str, str] | None:
        """What the claim names and the entry names another of instead ("strategic partnership"
        for "comprehensive partnership")."""
        return self.distinct.other(claim, (e.statement, *e.aliases))

    def read(self, said: Said, cand: Candidate, same_otherwise: bool, figures_differ: bool, near_otherwise: bool) -> Reading:
        """What the entry makes of what the claim asserts besides its figures: a denial of what
        it affirms (or the reverse), or the opposite of one of its words. `same_otherwise`: the
        claim otherwise says what the entry says, figures agreeing; `near_otherwise`: about as
        much, which is enough where the claim says the opposite word."""
        e, p = cand.entry, cand.prepared
        flipped = unmatched_denial(said.denials, p.core, p.denies, said.keys)
        opposed = tuple(self.contrasts.opposed(said.text, (e.statement, *e.aliases)))
        reasons: list[str] = []
        if flipped and opposed and all(self.denies_word(said, o.claim_says) for o in opposed) and not p.denies:
            # "Moscow did not discourage the withdrawal" against "encouraged it": what the
            # source says rules out what the claim denies
            flipped, opposed = False, ()
        if flipped and opposed:  # "did not sever" where the source denies something too: not the same, not the opposite
            reasons.append(f"the claim denies “{opposed[0].claim_says}” where the source says “{opposed[0].source_says}”")
        polarity_differs = flipped and not opposed and same_otherwise
        if polarity_differs:
            claim_denies = denies(said.denials, p.core, bare=True)
            reasons.append("the claim denies what the source affirms" if claim_denies else "the claim affirms what the source denies")
        enough_to_oppose = len(said.keys - LIGHT_KEYS) >= MIN_WORDS  # "After The War Was Over." (a title) says too little
        says_opposite = bool(opposed) and not flipped and not figures_differ and (same_otherwise or near_otherwise) and enough_to_oppose
        if says_opposite:
            reasons += [f"the claim says “{o.claim_says}”; the source says “{o.source_says}”" for o in opposed]
        elif opposed and not flipped:
            reasons.append(f"the claim says “{opposed[0].claim_says}” where the source says “{opposed[0].source_says}”")
        return Reading(flipped, opposed, polarity_differs, says_opposite, tuple(reasons))

    @staticmethod
    def denies_word(said: Said, word: str) -> bool:
        """Whether the claim's denials deny `word` (a contrast's form, as the claim writes it),
        a form that is no denial itself ("refused to recognise" is one)."""
        toks = tokens(word)
        wanted = set(keys(toks))
        return bool(wanted) and not any(t.negator for t in toks) and any(wanted <= scope for scope in said.denials)

    def unnamed(self, claim: str, toks: Sequence[Token], p: Prepared) -> list[str]:
        """Capitalised words inside a name the claim gives ("the 11th Military Party Congress")
        that the entry never uses: the claim names something else."""
        out: list[str] = []
        if headline_cased(claim):
            return out  # in Title Case, capitals mark no name
        for t in toks:
            word = claim[t.start:t.end]
            if not word[:1].isupper() or t.negator or t.key in p.vocab:
                continue
            before = _WORD_BEFORE.search(claim, max(0, t.start - 40), t.start)
            if before and _IN_A_NAME.fullmatch(before.group(1)):
                out.append(word)
        return out

    def closeness(self, said: Said, e: Entry) -> float:
        """The share of the entry's statement, or of one of its aliases, that the claim says
        (words weighed by rarity)."""
        best = 0.0
        for text in (e.statement, *e.aliases):
            words = set(keys(tokens(without_figures(text))))
            if all((k,) in self.index.names for k in words):
                continue  # an alias that is a name ("Russia") is said by every claim naming it
            if total := sum(self.index.weight(k) for k in words):
                best = max(best, sum(self.index.weight(k) for k in words if k in said.all_keys) / total)
        return best

    def compare_as_of(self, q: Quantity, e: Entry) -> Comparison:
        """A state the source reports ("has defence relations with more than 80 countries")
        holds at least when the source was written."""
        for ev in e.evidence:
            span = self.as_of.get(ev.source)
            if span and q.span and q.relation in {"", "by", "since"} and q.span.contains(span) and span.days <= 366:
                return Comparison(q, Quantity(Kind.DATE, f"as of {span.first.year}", span=span), Agreement.AGREE)
        return Comparison(q, None, None)

    def list_mentions(self, said: Said, e: Entry) -> list[str]:
        """The names a claim gives that are not members of the entry's list (known names,
        and proper nouns no entry knows: "Angola"), or the descriptive item it claims."""
        assert e.list is not None
        claim, toks = said.text, said.toks
        words = self.list_words(e)
        outsiders = [claim[a:b] for n, a, b in self.index.name_spans(toks)
                     if n not in IMPLICIT_NAMES and not set(n) <= words.members and not set(n) <= words.said]
        outsiders += said.strangers
        if not outsiders and e.list.closed and _claims_membership(claim) and not self.mentioned_members(said.keys, e) and self.names_list(said.keys, e):
            # a descriptive item the list does not have: "no participation in UN peacekeeping"
            rest = [t for t in toks if not t.negator and t.key not in words.known and self.index.weight(t.key) > 1.0]
            if rest and _shaped_like_members(e, {t.key for t in rest}, said.denials):
                outsiders = [claim[rest[0].start:rest[-1].end]]
        return outsiders

    def list_words(self, e: Entry) -> ListWords:
        """The words of an entry's list members and of what the entry says around them;
        worked out once per entry."""
        if (words := self._list_words.get(e.id)) is None:
            assert e.list is not None
            forms = tuple((m, tuple(f for n in (m.name, *m.aliases) if (f := name_keys(n)))) for m in e.list.members)
            members = frozenset(k for _, fs in forms for f in fs for k in f)
            said = frozenset(keys(tokens(" ".join((e.statement, *e.aliases, *e.parties)))))
            words = self._list_words[e.id] = ListWords(forms, members, said, said | members)
        return words

    def mentioned_members(self, claim_keys: frozenset[str], e: Entry) -> list[Member]:
        """The list members a claim names, by name or alias (most of a long one's words)."""
        return [m for m, forms in self.list_words(e).forms
                if any(sum(k in claim_keys for k in f) >= max(1, MEMBER_MATCH * len(f)) for f in forms)]

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

    def names_list(self, claim_keys: frozenset[str], e: Entry) -> bool:
        """Whether the claim calls the list by one of its names ("the Four Nos")."""
        for alias in e.aliases:
            k = name_keys(alias)
            if k and set(k) <= claim_keys and sum(self.index.weight(x) for x in k) >= 2.0:
                return True
        return False


def pair(claim: str, qs: list[Quantity], e: Entry, values: list[Quantity], fallback) -> list[Comparison]:
    """Each claim figure against the entry figure of the same kind; one entry figure answers
    one claim figure ("7 billion ... far below 168 billion" against an entry giving 7 billion
    leaves 168 billion unanswered). Agreeing pairs first; among pairs of one kind, those whose
    figures stand among the same words ("exchanged ambassadors in May 1999" and "exchanged
    ambassadors in May 1997")."""
    compared = [(i, v, compare(q, v)) for i, q in enumerate(qs) for v in _options(q, values)]
    taken: set[int] = set()
    found: dict[int, Comparison] = {}
    for wanted in (Agreement.AGREE, Agreement.OPEN, Agreement.CONFLICT):
        pairs = [(i, v) for i, v, agreement in compared if agreement is wanted and i not in found]
        if len(pairs) > 1:
            pairs.sort(key=lambda iv: -_closeness(claim, qs[iv[0]], e, iv[1]))
        for i, v in pairs:
            if i not in found and id(v) not in taken:
                found[i] = Comparison(qs[i], v, wanted)
                taken.add(id(v))
    out = []
    for i, q in enumerate(qs):
        if i in found:
            out.append(found[i])
        elif q.kind is Kind.DATE and not any(v.kind in quantities.TIME_KINDS for v in values):
            out.append(fallback(q))
        else:
            out.append(Comparison(q, None, None))
    return out


def _date_of(event: str, e: Entry, dates: list[Quantity]) -> Span | None:
    """Of an entry's dates, the one its statement writes among the event's words ("joined
    ASEAN on July 28, 1995, and marked the 28th anniversary ... on July 28, 2023")."""
    if len(dates) <= 1:
        return dates[0].span if dates else None
    words = frozenset(keys(tokens(without_figures(event))))
    statement = _folded(e.statement)
    near = sorted(((len(words & _around(e.statement, at, at + len(v.text))), v.span) for v in dates
                   if (at := statement.find(fold(v.text))) >= 0), key=lambda x: -x[0])
    if not near or (len(near) > 1 and near[0][0] == near[1][0]):
        return None
    return near[0][1]


def _closeness(claim: str, q: Quantity, e: Entry, v: Quantity) -> int:
    """Words shared by the surroundings of a claim figure and of an entry figure."""
    around_claim = _around(claim, q.start, q.end)
    for text in (e.statement, *(ev.quote for ev in e.evidence)):
        at = _folded(text).find(fold(v.text))
        if at >= 0:
            return len(around_claim & _around(text, at, at + len(v.text)))
    return 0


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return fold(text)


@lru_cache(maxsize=4096)
def _around(text: str, start: int, end: int, reach: int = 40) -> frozenset[str]:
    return frozenset(keys(tokens(without_figures(text[max(0, start - reach):start] + " " + text[end:end + reach]))))


def _options(q: Quantity, values: list[Quantity]) -> list[Quantity]:
    """The entry figures a claim figure may be compared with: of the same kind if any
    (a date with a date before a period), else of a comparable kind."""
    fitting = [v for v in values if comparable(q, v) and same_unit(q, v) and (v.unit != WHOLE or q.kind is Kind.RATIO)]
    own = [v for v in fitting if v.unit != LIST_SIZE] or [v for v in fitting if _counts_things(q)]  # a list's size
    # only where no figure of the entry counts what the claim counts, and the claim counts things ("seven countries")
    same_kind = [v for v in own if v.kind is q.kind]
    return same_kind or own or _bare_money(q, values)


def _bare_money(q: Quantity, values: list[Quantity]) -> list[Quantity]:
    """"7bn" with the currency left out still compares with an amount."""
    if q.kind is Kind.COUNT and not q.unit:
        return [v for v in values if v.kind is Kind.MONEY]
    return []


@lru_cache(maxsize=4096)
def _unlisted_of(statement: str, listed: frozenset[str]) -> tuple[Quantity, ...]:
    return tuple(q for q in parse(statement) if not q.weak and q.kind is Kind.ORDINAL and fold(q.text) not in listed)


def _unlisted(e: Entry) -> list[Quantity]:
    """Ranks the statement writes but the entry's values leave out ("The 11th National Party
    Congress ..."): a claim's "11th" is compared with them, not found wanting."""
    return list(_unlisted_of(e.statement, frozenset(fold(v.text) for v in e.values)))


def _shares(e: Entry, qs: Sequence[Quantity], claim_keys: frozenset[str]) -> list[Quantity]:
    """The share one sum of an entry is of the other ("about 7 billion" of "168 billion"), for a
    claim that gives a share ("less than a twentieth of US war spending") where the entry gives
    two sums and no share of its own."""
    sums = [v for v in e.values if v.kind is Kind.MONEY and v.value]
    if len(sums) != 2 or sums[0].unit != sums[1].unit or any(v.kind in (Kind.PERCENT, Kind.RATIO) for v in e.values):
        return []
    if not any(q.kind in (Kind.PERCENT, Kind.RATIO) for q in qs):
        return []
    part, whole = sorted(sums, key=lambda v: v.value or 0.0)
    if not _each_said(claim_keys, e.statement, part, whole):
        return []  # "168 billion USD, 1.38 trillion in 2019 dollars": one sum twice, not a part of a whole
    return [Quantity(Kind.RATIO, f"{part.text} of {whole.text}", value=part.value, of=whole.value, qualifier=part.qualifier)]


def _each_said(claim_keys: frozenset[str], statement: str, a: Quantity, b: Quantity) -> bool:
    """Whether the claim says a word of what each of two sums is of: the statement cut between
    them, a word of one side only for each."""
    folded = _folded(statement)
    at_a, at_b = folded.find(fold(a.text)), folded.find(fold(b.text))
    if at_a < 0 or at_b < 0:
        return False
    cut = max(at_a, at_b)
    first, second = (frozenset(keys(tokens(without_figures(t)))) for t in (statement[:cut], statement[cut:]))
    return bool((first - second) & claim_keys) and bool((second - first) & claim_keys)


def _with_wholes(claim: str, qs: list[Quantity]) -> list[Quantity]:
    """A claim's "all 193 UN member states" is every one of them: a proportion, which "192 out
    of 193" is not."""
    folded = fold(claim)
    return [Quantity(Kind.RATIO, f"all {q.text}", value=q.value, of=q.value, unit=q.unit, half_unit=q.half_unit,
                     start=q.start, end=q.end) if q.kind is Kind.COUNT and not q.weak and (q.value or 0) > 1
            and q.qualifier is Qualifier.EXACT and folded[:q.start].endswith("all ") else q for q in qs]


_EVERY = re.compile(r"\b(?:every|all|each)\s+(?!but\b)(?:(?:one\s+)?of\s+)?(?:the\s+|its\s+)?((?:[\w'’-]+\s*){1,4})")
_PROPORTION_NOUNS = 4  # the words after "192 out of 193" that say of what


def _every_of(claim: str, e: Entry, qs: Sequence[Quantity] = ()) -> list[Quantity]:
    """"Relations with every UN member state" against the entry's "192 out of 193 United
    Nations member states": the claim says all of them, a proportion (193 of 193). Not where
    the claim gives a figure there itself (`qs`)."""
    ratios = [v for v in e.values if v.kind is Kind.RATIO and v.of and (v.value or 0) < v.of]
    if not ratios:
        return []
    folded, statement = fold(claim), fold(e.statement)
    out = []
    for v in ratios:
        at = statement.find(fold(v.text))
        nouns = statement[at + len(v.text):].split()[:_PROPORTION_NOUNS] if at >= 0 else []
        stems = {stem(quantities.plural_key(w.strip(".,;"))) for w in nouns}
        for m in _EVERY.finditer(folded):
            if any(q.start < m.end() and m.start() < q.end for q in qs):
                continue  # "all 193 UN member states" gives its own figure
            if stems & {stem(quantities.plural_key(w)) for w in m.group(1).split()}:
                out.append(Quantity(Kind.RATIO, claim[m.start():m.end()], value=v.of, of=v.of, start=m.start(), end=m.end()))
                break
    return out


WHOLE = "(all of them)"  # the unit of "all five ...", compared only with a claim's proportion ("three of the five")


@lru_cache(maxsize=4096)
def _wholes_of(statement: str, counts: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    folded = fold(statement)
    return tuple(Quantity(Kind.RATIO, f"all {v.text}", value=v.value, of=v.value, unit=WHOLE, half_unit=v.half_unit)
                 for v in counts if re.search(r"\ball (?:the |of the )?" + re.escape(fold(v.text)), folded))


def _wholes(e: Entry) -> list[Quantity]:
    """"all five permanent members": five of five, against which "three of the five" is
    another proportion."""
    return list(_wholes_of(e.statement, tuple(v for v in e.values if v.kind is Kind.COUNT and v.value)))


LIST_SIZE = "members in its list"  # the unit of a closed list's size, compared with a count only where no figure counts it


def _counts_things(q: Quantity) -> bool:
    return q.kind is Kind.COUNT and q.unit.endswith("s") and q.unit.islower()


def _list_count(e: Entry) -> Quantity:
    """A closed list's size, a count of whatever the claim counts ("seven countries")."""
    n = len(e.list.members)
    return Quantity(Kind.COUNT, f"{n} members of its list", value=float(n), unit=LIST_SIZE, half_unit=0.5)


_WORD_BEFORE = re.compile(r"(\S+) +$")
_IN_A_NAME = re.compile(r"[A-Z][\w'’-]*|\d+(?:st|nd|rd|th)")  # a capitalised word or a rank before: "11th Military Party"
_COPULA = re.compile(r"\b(?:was|is|were|are|became|remains)\b")


def _ranked_member(claim: str, member: Member, qs: list[Quantity]) -> bool:
    """Whether the claim ranks the member it names: the member written before its rank ("Russia
    was Vietnam's first ...") or after it across "was" ("the first partner was Russia"), not a
    rank of something else ("the first partnership and the one with the US")."""
    folded = fold(claim)
    ranks = [q.start for q in qs if q.kind is Kind.ORDINAL]
    at = [m.start() for name in (member.name, *member.aliases) for m in re.finditer(rf"\b{re.escape(fold(name))}\b", folded)]
    return any(a < r or _COPULA.search(folded, r, a) for a in at for r in ranks)  # "first partner was Russia"


def _rank_by_date(e: Entry, member) -> list[Quantity]:
    """A member's place in a dated list ("China (2008), Russia (2012)": Russia is second)."""
    dated = [(next((v.span for v in m.values if v.span), None), m) for m in e.list.members]
    if any(span is None for span, _ in dated):
        return []
    mine = next(span for span, m in dated if m is member)
    rank = 1 + sum(1 for span, m in dated if m is not member and span.last < mine.first)
    return [Quantity(Kind.ORDINAL, f"{ordinal(rank)} by date", value=float(rank), unit="")]


def _unconfirmed(c: Comparison) -> str:
    """Why a figure of the claim is not confirmed by the entry, in plain words."""
    if c.agreement is None:
        return f"the entry gives no {_kind_word(c.claim)} to compare with the claim's {c.claim.describe()}"
    if _more_precise(c):
        return f"the claim says {c.claim.describe()}; the source says only {c.source.describe()}: the claim is more precise than the source"
    return f"{_says(c)}, which does not confirm it"


def _more_precise(c: Comparison) -> bool:
    """"January 2007" where the source says 2007: within it, and narrower."""
    a, b = c.claim.span, c.source.span if c.source else None
    return bool(a and b and b.contains(a) and a.days < b.days)


def _partly(m: Match) -> str:
    """Why an entry that agrees on every figure it gives, and matches closely, still does not
    support the claim: what agreed, and what the sources lack."""
    strong = [c for c in m.comparisons if not c.claim.weak]
    if not m.strong or m.missing_names or m.verdict is not Verdict.UNVERIFIED or not strong:
        return ""
    if any(c.agreement is Agreement.CONFLICT for c in strong) or not any(c.agreement is not Agreement.AGREE for c in strong):
        return ""
    agreed = [f"{c.claim.describe()} agrees" for c in strong if c.agreement is Agreement.AGREE]
    lacking = [r for r in m.reasons if not r.startswith("the claim says") or "more precise" in r or "does not confirm" in r]
    return "partly stated: " + "; ".join([*agreed, *lacking])


def _says(c: Comparison) -> str:
    return f"the claim says {c.claim.describe()}; the source says {c.source.describe()}"


def sides_weight(said: Said, sides: set[tuple[str, ...]], index: Index, counted: frozenset[str]) -> float:
    """The weight of the names a claim gives as the objects of a predicate an entry denies,
    but for words `counted` already."""
    return sum(index.weight(k) for k in {k for name in sides for k in name} if k in said.keys and k not in counted)


def _coverages(cand: Candidate, comparisons: list[Comparison]) -> tuple[float, float]:
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


_MEMBERSHIP = re.compile(r"\b(?:one of|among|includes?|included|including|consists? of|comprises?|part of)\b")


_TITLE_BEFORE = re.compile(r"\b([A-Z][\w.'’-]{0,40})\s{1,3}$")
_TITLE_AFTER = re.compile(r"\s{1,3}([A-Z][\w.'’-]{0,40})")


def _predicate_coverage(weights: dict[str, float], cand: Candidate) -> float:
    """How much of what the claim says of its subjects the entry speaks of; 1.0 when the
    claim says too little besides names to tell."""
    total = sum(weights.values())
    if total < PREDICATE_MIN_WEIGHT:
        return 1.0
    return sum(w for k, w in weights.items() if k in cand.prepared.vocab) / total


def _with_title(claim: str, a: int, b: int) -> tuple[int, int]:
    """A name's span grown over the capitalised words written with it ("Prime Minister")."""
    while m := _TITLE_BEFORE.search(claim, max(0, a - 60), a):
        a = m.start(1)
    while m := _TITLE_AFTER.match(claim, b):
        b = m.end(1)
    return a, b


def _shaped_like_members(e: Entry, rest: set[str], denials: list[frozenset[str]]) -> bool:
    """A claimed item takes the form of the list's items: where every item is a denial
    ("no military alliances"), so must the claimed one be."""
    if all(any(t.negator for t in tokens(m.name)[:1]) for m in e.list.members):
        return any(scope & rest for scope in denials)
    return True


def _claims_membership(claim: str) -> bool:
    """"One of the Four Nos is ...", "the partners include ...", "the five partners are China,
    ...": the claim names a list item ("is the only country" names none)."""
    return bool(_MEMBERSHIP.search(fold(claim)) or _NAMES_FOLLOW.search(claim))


# "The Four Nos are: No alliances, ...": names follow; after a bare colon only a list of them
# ("Aug 1953: 82%" in a row is a label and its value)
_NAMES_FOLLOW = re.compile(r"\b(?:are|is)\s*:?\s+[A-Z]|:\s+[A-Z][^.;:]*(?:,|\band\b)")


def _only_outsiders_missing(cand: Candidate, outsiders: list[str]) -> bool:
    shown = {name_keys(o) for o in outsiders}
    return all(n in shown or any(set(n) <= set(o) for o in shown) for n in cand.missing_names)


def same_unit(a: Quantity, b: Quantity) -> bool:
    """Counts and ranks compare only when they count the same thing ("100 countries", not
    "4 Nos"; "the first field hospital", not "Rotation 6")."""
    if a.kind not in (Kind.COUNT, Kind.ORDINAL) or a.kind is not b.kind or not a.nouns or not b.nouns:
        return True
    return bool(_noun_keys(a) & _noun_keys(b))


def _noun_keys(q: Quantity) -> frozenset[str]:
    return _keys_of_nouns(q.nouns)


@lru_cache(maxsize=4096)
def _keys_of_nouns(nouns: tuple[str, ...]) -> frozenset[str]:
    """The stems of what a figure counts, and their known equivalents' ("invaded" three times:
    "invasions")."""
    words = {w.removesuffix("'s").removesuffix("’s") for noun in nouns for w in noun.split()}
    return frozenset({stem(quantities.plural_key(w)) for w in words} | {stem(w) for w in words} | set(keys(tokens(" ".join(nouns)))))


_JOINERS = frozenset({"in", "(", ")", ",", "on", "at", "since", "from", "-"})  # between a name and its figure: "China in 2008"
_THING_JOINERS = _JOINERS | {"with"}  # between a kind of relation and its figure: "partnerships with 16 countries"


def _only_joiners(text: str, joiners: frozenset[str] = _JOINERS) -> bool:
    return all(w in joiners for w in text.replace("(", " ( ").replace(",", " , ").split())


def _kind_word(q: Quantity) -> str:
    return {Kind.DATE: "date", Kind.PERIOD: "period", Kind.MONEY: "amount", Kind.COUNT: "count",
            Kind.PERCENT: "percentage", Kind.RATIO: "proportion", Kind.MULTIPLE: "multiple",
            Kind.ORDINAL: "rank", Kind.DURATION: "duration", Kind.MEASURE: "measure"}[q.kind]


def _join(items: list[str]) -> str:
    items = [f"\u201c{i}\u201d" for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def decide(matches: list[Match]) -> tuple[Verdict, list[Match]]:
    """The claim's verdict from its entries' verdicts; the deciding entry first."""
    support = next((m for m in matches if m.verdict is Verdict.SUPPORTED), None)
    # the conflicts that stand, those that also confirm some figure of the claim first
    conflicts = [m for m in matches if m.verdict is Verdict.CONFLICTING and not _consistent_elsewhere(m, matches)]
    conflicts.sort(key=lambda m: not any(c.agreement is Agreement.AGREE for c in m.comparisons))
    conflict = conflicts[0] if conflicts else None
    if conflict and (same := _states_it_more_loosely(matches)) and same.closeness > conflict.closeness and not support:
        # the entry that states the claim finds it only more precise; a related entry is about another fact
        return Verdict.UNVERIFIED, _first(same, matches)
    if conflict and support and conflict.only_list_item:
        conflict = None  # an entry stating the claim outweighs a list that seems to lack it
    if conflict and support and conflict.by_meaning and support.closeness >= DIRECT and support.closeness > conflict.closeness:
        conflict = None  # a direct statement of the claim is not outvoted by a related entry
    if conflict and support and support.entry.fact and support.entry.fact == conflict.entry.fact:
        conflict = None  # the sources differ on this fact, and the claim follows one of them
    if conflict and (support is None or conflict.score > support.score + CONFLICT_MARGIN or _answers_what_support_skipped(conflict, support)
                     or _opposes_what_support_skipped(conflict, support)):
        return Verdict.CONFLICTING, _first(conflict, matches)
    if support:
        return Verdict.SUPPORTED, _first(support, matches)
    return Verdict.UNVERIFIED, matches


def _states_it_more_loosely(matches: list[Match]) -> Match | None:
    """An entry that restates the claim (DIRECT) and finds its figures agreeing or only more
    precise than its own ("December 1991" against "1991")."""
    return next((m for m in matches if m.verdict is Verdict.UNVERIFIED and m.strong and not m.missing_names and not m.differs
                 and m.closeness >= DIRECT and m.comparisons
                 and all(c.agreement is Agreement.AGREE or _more_precise(c) for c in m.comparisons)), None)


def _joint_support(index: Index, toks: Sequence[Token], matches: list[Match], qs: list[Quantity]) -> list[Match]:
    """A claim of several figures stated across neighbouring entries ("$34 million ...,
    less than one percent of US aid"): each figure agreed by an entry, none denied by an
    entry about the same thing, and the entries together covering the claim's words."""
    needed = [q for q in qs if not q.weak]
    if len(needed) < 2:
        return []
    used: list[Match] = []
    for q in needed:
        # the best-matching strong entry that speaks of this figure decides it
        deciding = [m for m in matches if any(c.claim == q and c.agreement is not None for c in m.comparisons)]
        found = next((m for m in deciding if (m.strong and not m.missing_names) or any(c.claim == q and c.agreement is Agreement.AGREE for c in m.comparisons)), None)
        if found is None or not any(c.claim == q and c.agreement is Agreement.AGREE for c in found.comparisons):
            return []
        if found not in used:
            used.append(found)
    if len(used) < 2 or any(_disagrees(m) or m.differs for m in used):
        return []
    # the entries must come from one document: a claim joins facts of one passage
    if not set.intersection(*({ev.source for ev in m.entry.evidence} for m in used)):
        return []
    if set.intersection(*(set(m.missing_names) for m in used)):
        return []
    vocab = set().union(*(index.prepared_for(m.entry.id).vocab for m in used))
    ks = list(dict.fromkeys(keys(toks)))
    credit = VALUE_WEIGHT * len(needed)
    total = sum(index.weight(k) for k in ks) + credit
    covered = sum(index.weight(k) for k in ks if k in vocab) + credit
    return used if covered / total >= SUPPORT_WITH_VALUES else []


def _disagrees(m: Match) -> bool:
    return any(c.agreement is Agreement.OPEN for c in m.comparisons)


def _answers_what_support_skipped(conflict: Match, support: Match) -> bool:
    """"Russia was the first partner": the Russia entry says nothing of ranks, the dated list
    of partners says Russia was second."""
    skipped = {c.claim for c in support.comparisons if c.agreement is None}
    return any(c.claim in skipped for c in conflict.comparisons if c.agreement is Agreement.CONFLICT)


def _opposes_what_support_skipped(conflict: Match, support: Match) -> bool:
    """"Vietnam leave no military alliances": the Four Nos entry says nothing of leaving or
    joining, the entry on alliances says "joins"."""
    if not conflict.opposite:
        return False
    e = support.entry
    said = fold(" ".join((e.statement, *e.aliases, *(ev.quote for ev in e.evidence))))
    return not any(re.search(rf"(?<![\w-]){re.escape(fold(w))}(?![\w-])", said) for w in conflict.opposite)


def _consistent_elsewhere(conflict: Match, matches: list[Match]) -> bool:
    """A better-matching entry finds the same figures consistent ("late 1970s" for January
    1979), or an entry matching about as well states them: the conflicting entry is then
    likely about another event."""
    disputed = [c.claim for c in conflict.comparisons if c.agreement is Agreement.CONFLICT]
    if not disputed:
        return False
    for m in matches:
        if m is conflict or not m.strong or m.missing_names:
            continue
        agreed = {c.claim for c in m.comparisons if c.agreement is Agreement.AGREE}
        fine = agreed | {c.claim for c in m.comparisons if c.agreement is Agreement.OPEN}
        if m.score > conflict.score + CONFLICT_MARGIN and all(q in fine for q in disputed):
            return True
        # another entry, matching about as well, states the disputed figure
        if m.score >= conflict.score - CONFLICT_MARGIN and any(q in agreed for q in disputed):
            return True
    return False


def _first(best: Match, matches: list[Match]) -> list[Match]:
    return [best] + [m for m in matches if m is not best]


def _figure_conflict(result: CheckResult) -> bool:
    return any(c.agreement is Agreement.CONFLICT for m in result.matches[:1] for c in m.comparisons)


def _denied(result: CheckResult, frame: str) -> CheckResult:
    """A claim framed as a denial ("It is false that X"): X supported makes it conflicting; X
    that the source denies ("It is false that Vietnam hosts foreign military bases") makes it
    supported; X whose figure the source contradicts leaves it unverified (the sources state
    another figure, not the denial)."""
    if result.verdict is Verdict.SUPPORTED:
        return CheckResult(result.claim, Verdict.CONFLICTING, result.matches, result.parts,
                           f"\u201c{frame}\u201d denies what the source states: {result.reason}")
    if result.verdict is Verdict.CONFLICTING and result.matches and result.matches[0].by_meaning and not result.parts:
        return CheckResult(result.claim, Verdict.SUPPORTED, result.matches, result.parts,
                           f"\u201c{frame}\u201d denies what the source denies: {result.reason}")
    if result.verdict is Verdict.CONFLICTING:
        return CheckResult(result.claim, Verdict.UNVERIFIED, result.matches, result.parts,
                           f"\u201c{frame}\u201d denies a statement the sources contradict ({result.reason}); "
                           "the sources do not state the denial itself")
    return result


def _merge_matches(results: tuple[CheckResult, ...]) -> tuple[Match, ...]:
    seen: dict[str, Match] = {}
    for r in results:
        for m in r.matches[:SHOWN]:
            seen.setdefault(m.entry.id, m)
    return tuple(seen.values())


def as_of_spans(dates: dict[str, str]) -> dict[str, Span]:
    """Source ids to the span of their publication date, where it parses."""
    out = {}
    for sid, d in dates.items():
        try:
            out[sid] = span_of(d)
        except ValueError:
            continue
    return out
