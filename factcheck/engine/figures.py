"""The claim's figures against an entry's: its values, its list members' values, its list's
size and its members' ranks by date, the proportions and shares its figures imply; each claim
figure paired with the entry figure of the same kind that answers it."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from ..claimsfile.claims import Entry, ListSpec, Member
from ..language import quantities
from ..language.normalise import fold, keys, stem, tokens
from ..language.quantities import Agreement, Kind, Qualifier, Quantity, Span, comparable, compare, ordinal, parse
from .match import Candidate, without_figures
from .members import Lists
from .reading import ReadClaim
from .verdicts import Comparison

AROUND = 40  # characters either side of a figure whose words say what it is of
# A source's publication date vouches for a state it reports ("has relations with 80 countries")
# only when it is known to the year or closer
AS_OF_DAYS = 366


class Figures:
    """Compares claims' figures with the entries'; the last claim's comparisons kept, by entry."""

    def __init__(self, lists: Lists, as_of: Mapping[str, Span]):
        self.lists = lists
        self.as_of = as_of
        self._compared: tuple[str, dict[str, list[Comparison]]] = ("", {})  # the last claim's, by entry id

    def compare_all(self, said: ReadClaim, cand: Candidate) -> list[Comparison]:
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
            mentioned = self.lists.mentioned_members(said.all_keys, e)
            for m in mentioned:
                values += list(m.values)
            if len(mentioned) == 1 and _ranked_member(said.text, mentioned[0], said.qs):
                values += _rank_by_date(e.list, mentioned[0])
            if e.list.closed and (mentioned or self.lists.names_list(said.keys, e)):
                values.append(_list_count(e.list))  # "seven countries, Benin and Guinea among them"
        compared = self._compared[1][e.id] = pair(said.text, qs, e, values, lambda q: self.compare_as_of(q, e))
        return compared

    def compare_as_of(self, q: Quantity, e: Entry) -> Comparison:
        """A state the source reports ("has defence relations with more than 80 countries")
        holds at least when the source was written."""
        for ev in e.evidence:
            span = self.as_of.get(ev.source)
            if span and q.span and q.relation in {"", "by", "since"} and q.span.contains(span) and span.days <= AS_OF_DAYS:
                return Comparison(q, Quantity(Kind.DATE, f"as of {span.first.year}", span=span), Agreement.AGREE)
        return Comparison(q, None, None)


def pair(claim: str, qs: list[Quantity], e: Entry, values: list[Quantity],
         fallback: Callable[[Quantity], Comparison]) -> list[Comparison]:
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


def _closeness(claim: str, q: Quantity, e: Entry, v: Quantity) -> int:
    """Words shared by the surroundings of a claim figure and of an entry figure."""
    around_claim = words_around(claim, q.start, q.end)
    for text in (e.statement, *(ev.quote for ev in e.evidence)):
        at = fold_once(text).find(fold(v.text))
        if at >= 0:
            return len(around_claim & words_around(text, at, at + len(v.text)))
    return 0


@lru_cache(maxsize=4096)
def fold_once(text: str) -> str:
    """`fold`, cached: an entry's statement is folded for each claim figure it is compared with."""
    return fold(text)


@lru_cache(maxsize=4096)
def words_around(text: str, start: int, end: int, reach: int = AROUND) -> frozenset[str]:
    """The words either side of a figure at text[start:end], less figures."""
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
    written = fold_once(statement)
    at_a, at_b = written.find(fold(a.text)), written.find(fold(b.text))
    if at_a < 0 or at_b < 0:
        return False
    cut = max(at_a, at_b)
    first, second = (frozenset(keys(tokens(without_figures(t)))) for t in (statement[:cut], statement[cut:]))
    return bool((first - second) & claim_keys) and bool((second - first) & claim_keys)


def with_wholes(claim: str, qs: list[Quantity]) -> list[Quantity]:
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


def _list_count(listed: ListSpec) -> Quantity:
    """A closed list's size, a count of whatever the claim counts ("seven countries")."""
    n = len(listed.members)
    return Quantity(Kind.COUNT, f"{n} members of its list", value=float(n), unit=LIST_SIZE, half_unit=0.5)



_COPULA = re.compile(r"\b(?:was|is|were|are|became|remains)\b")


def _ranked_member(claim: str, member: Member, qs: list[Quantity]) -> bool:
    """Whether the claim ranks the member it names: the member written before its rank ("Russia
    was Vietnam's first ...") or after it across "was" ("the first partner was Russia"), not a
    rank of something else ("the first partnership and the one with the US")."""
    folded = fold(claim)
    ranks = [q.start for q in qs if q.kind is Kind.ORDINAL]
    at = [m.start() for name in (member.name, *member.aliases) for m in re.finditer(rf"\b{re.escape(fold(name))}\b", folded)]
    return any(a < r or _COPULA.search(folded, r, a) for a in at for r in ranks)  # "first partner was Russia"


def _rank_by_date(listed: ListSpec, member: Member) -> list[Quantity]:
    """A member's place in a dated list ("China (2008), Russia (2012)": Russia is second)."""
    dated = [(span, m) for m in listed.members if (span := next((v.span for v in m.values if v.span), None))]
    if len(dated) < len(listed.members):
        return []
    mine = next(span for span, m in dated if m is member)
    rank = 1 + sum(1 for span, m in dated if m is not member and span.last < mine.first)
    return [Quantity(Kind.ORDINAL, f"{ordinal(rank)} by date", value=float(rank), unit="")]


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

