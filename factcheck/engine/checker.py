"""The verdict on a claim: does an entry support it, contradict it, or say nothing about it?

Fuzzy matching (match.py) finds which entries a claim is about; the checker takes the claim
apart (a frame, a table row, clauses, one fact per name and figure, two events in order),
and for each fact compares what it says with what each entry says, as values: figures
(figures.py), polarity (polarity.py), list members (members.py); each entry judges it
(judge.py), and their verdicts decide it (decide.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from ..claimsfile.claims import Entry
from ..language.normalise import Tokens, keys, tokens, visible
from ..language.quantities import Agreement, Quantity, Span, parse, span_of
from ..language.tables import record_sentence, table_sentences
from .alternatives import Alternative, alternative
from .clauses import Framed, causal, clauses, has_predicate, subject_of, unframe
from .decide import CONFLICT_MARGIN, decide, joint_support, partly
from .figures import Figures, with_wholes
from .judge import CONFLICT, DIRECT, SUPPORT_CORE, SUPPORT_WORDS_ALONE, VALUE_WEIGHT, Judge, coverages
from .match import Candidate, Hits, Index, without_figures
from .meaning import contrasts, distinct, own_knowledge, restrictive
from .members import Lists
from .order import check_order
from .reading import ReadClaim, Reader, claims_membership
from .reasons import says
from .timeline import ordered
from .verdicts import SHOWN, CheckResult, Comparison, Match, Verdict, combine

CANDIDATES = 20  # entries ranked for one fact, before those that cannot sway its verdict are dropped
# Rounding slack when a best case is compared with a threshold: a claim exactly at it may sway
EPSILON = 1e-9


class Checker:
    """Checks claims against one prepared claims file."""

    def __init__(self, index: Index, as_of: Mapping[str, Span] | None = None, sentences: Callable[[Entry], Sequence[str]] | None = None):
        """`sentences`: the whole sentences an entry's quotes sit in, which it is matched on too."""
        self.index = index
        known = own_knowledge(index.claims.vocabulary)
        # looked up once: a Knowledge hashes all its sets, so a cached lookup per claim costs
        kinds = distinct(known)
        self.reader = Reader(index, kinds)
        self.lists = Lists(index)
        self.figures = Figures(self.lists, as_of or {})
        self.judge = Judge(index, self.lists, kinds, contrasts(known), restrictive(known), sentences)

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
        framed = unframe(read, self.reader.speaks_of, lead_in=not record)
        if (events := ordered(framed.text, subject_of(framed.text))) and (timed := check_order(claim, events, self.check_one, self.index)):
            return _denied(timed, framed.frame) if framed.denied else timed
        parts = [*framed.reports, *(p for c in clauses(framed.text) for p in (self.reader.split(c) if not context else [c]))]
        if len(parts) > 1:
            result = self.check_parts(claim, parts, framed, context, shown, unverified_matches)
        else:
            result = replace(self.check_one(parts[0], context=context, shown=shown, unverified_matches=unverified_matches), claim=claim)
        if result.verdict is not Verdict.UNVERIFIED and not has_predicate(read) and not (
                result.verdict is Verdict.CONFLICTING and _figure_conflict(result)):
            # a heading asserts nothing: never supported, contradicted only by a figure it gives
            result = CheckResult(claim, Verdict.UNVERIFIED, result.matches, result.parts,
                                 f"“{claim.strip()}” asserts nothing (a heading or fragment, no verb): {result.reason}")
        return _denied(result, framed.frame) if framed.denied else result

    def check_parts(self, claim: str, parts: list[str], framed: Framed, context: str, shown: int, unverified_matches: bool) -> CheckResult:
        """A claim of several facts, fact by fact; supported only where an entry states it
        whole if it says one fact is why another is."""
        results = tuple(self.check_one(p, context=context, unverified_matches=unverified_matches) for p in parts)
        result = CheckResult(claim, combine([r.verdict for r in results]), _merge_matches(results), results)
        said_whole = framed.reports[0] if framed.reports else framed.text
        if result.verdict is Verdict.SUPPORTED and causal(framed.text):
            return self.restated(said_whole, context, shown) or replace(result, verdict=Verdict.UNVERIFIED, summary=(
                "each part is stated, but the sources do not say that one is why the other: " + result.reason))
        if result.verdict is Verdict.UNVERIFIED and not framed.reports and (whole := self.restated(said_whole, context, shown)):
            return replace(whole, claim=claim)
        if result.verdict is Verdict.UNVERIFIED and not unverified_matches:
            return CheckResult(claim, Verdict.UNVERIFIED, ())  # as for a claim of one part
        return result

    def restated(self, text: str, context: str, shown: int) -> CheckResult | None:
        """A sentence of several clauses that one entry states whole, figures agreeing ("Vietnam
        chooses peace because it endured prolonged wars ...") is supported by it."""
        whole = self.check_one(text, context=context, shown=shown)
        if whole.verdict is Verdict.SUPPORTED and whole.matches and whole.matches[0].closeness >= DIRECT:
            return whole
        return None

    # -- one fact ----------------------------------------------------------------------------

    def check_one(self, claim: str, limit: int = CANDIDATES, context: str = "", shown: int = SHOWN,
                  unverified_matches: bool = True) -> CheckResult:
        """The verdict on one fact: the entries its words cover, those that may sway its
        verdict compared and judged, and their verdicts decided."""
        toks = self.index.without_attributions(tokens(without_figures(claim)))
        qs = with_wholes(claim, parse(claim))
        context_toks = tokens(without_figures(context)) if context else ()
        hits = self.index.covering(toks, limit=limit, context=context_toks)
        if not unverified_matches and not self.any_may_sway(toks, qs, hits):
            return CheckResult(claim, Verdict.UNVERIFIED, ())  # as judging its candidates would end
        candidates = self.index.candidates(toks, hits, limit=limit)
        if claims_membership(claim):
            candidates += self.named_lists(toks, hits, {c.entry.id for c in candidates})
        if not candidates:
            return CheckResult(claim, Verdict.UNVERIFIED, ())
        said = self.reader.read(claim, toks, qs, set(keys(context_toks)))
        return self.decided(said, self.judged(said, *self.compared(said, candidates, shown)))

    def compared(self, said: ReadClaim, candidates: list[Candidate], shown: int) -> tuple[list[Candidate], list[list[Comparison]]]:
        """The first `shown` candidates and those past them that may sway the verdict, each
        with its figures compared."""
        candidates = [c for i, c in enumerate(candidates) if i < shown or self.may_sway(said, c)]
        compared = [self.figures.compare_all(said, c) for c in candidates]
        kept = [i < shown or self.may_sway(said, c, comps) for i, (c, comps) in enumerate(zip(candidates, compared))]
        return [c for c, keep in zip(candidates, kept) if keep], [comps for comps, keep in zip(compared, kept) if keep]

    def judged(self, said: ReadClaim, candidates: list[Candidate], compared: list[list[Comparison]]) -> list[Match]:
        """Each candidate's verdict; a figure that an entry about the same subjects, matching
        about as well, confirms is vouched for against the others."""
        confirmed = [(x.claim, c.score) for c, comps in zip(candidates, compared)
                     if not c.missing_names and coverages(c, comps)[1] >= CONFLICT and not self.judge.elsewhere(said.text, c.entry)
                     for x in comps if x.agreement is Agreement.AGREE]
        return [
            self.judge.judge(said, c, comps, {q for q, score in confirmed if score >= c.score - CONFLICT_MARGIN})
            for c, comps in zip(candidates, compared)
        ]

    def decided(self, said: ReadClaim, matches: list[Match]) -> CheckResult:
        """The fact's verdict from its entries': one that decides it, a joint support, or an
        agreement in part."""
        claim = said.text
        verdict, ranked = decide(matches)
        if verdict is Verdict.UNVERIFIED and not said.strangers and (joint := joint_support(self.index, said.toks, matches, said.qs)):
            ranked = joint + [m for m in matches if m not in joint]
            agreed = [c for m in joint for c in m.comparisons if c.agreement is Agreement.AGREE]
            summary = "; ".join(dict.fromkeys(says(c) for c in agreed)) + f" (stated across {len(joint)} entries)"
            return CheckResult(claim, Verdict.SUPPORTED, tuple(ranked), summary=summary)
        if verdict is Verdict.UNVERIFIED and ranked and (partial := partly(ranked[0])):
            return CheckResult(claim, verdict, tuple(ranked), summary=partial, partial=True)
        return CheckResult(claim, verdict, tuple(ranked))

    def named_lists(self, toks: Tokens, hits: Hits, known: set[str]) -> list[Candidate]:
        """The closed lists a claim of membership names ("The Four Nos include ..."), among the
        entries its words cover, though they rank below the best: a list's long statement reads
        little like a short claim."""
        claim_keys = frozenset(keys(toks))
        named = [(i, covered) for i, covered in hits.ranked if (p := self.index.prepared[i]).entry.id not in known
                 and self.lists.names_closed_list(claim_keys, p.entry)]
        return self.index.candidates(toks, Hits(hits.weighted, hits.total, named), limit=len(named)) if named else []

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
        if (hits.ranked[0][1] + best) / (hits.total + best) >= min(CONFLICT, SUPPORT_CORE) - EPSILON:
            return True
        claim_keys = frozenset(keys(toks))
        return any(self.lists.names_closed_list(claim_keys, self.index.prepared[i].entry) for i, _ in hits.ranked)

    def may_sway(self, said: ReadClaim, cand: Candidate, comparisons: list[Comparison] | None = None) -> bool:
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
        if self.lists.names_closed_list(said.keys, cand.entry):
            return True
        if cand.missing_names:
            return False
        best = VALUE_WEIGHT * figures
        total = cand.total + best
        core = (cand.covered_core + best) / total if total else 0.0
        return core >= CONFLICT or (core >= SUPPORT_CORE and cand.coverage >= SUPPORT_WORDS_ALONE)


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
