"""Metamorphic tests of the engine on the bundled claims file: each entry's statement, changed
so that it asserts something else, is never supported; reworded so that it asserts the same,
it stays supported.

Each family below turns one entry into variants, deterministically, from the entry itself and
the data files in factcheck/knowledge/. The tables give each family's floor, as measured on the
engine when it was set: for a denial, how many variants may still check as supported (the goal
is none); for a rewording, the share that must check as supported (the goal is all). Tighten a
floor when the engine improves; never loosen one to let a change in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import pytest

from factcheck.claimsfile.claims import Entry, load_claims
from factcheck.engine.corpus import Corpus, bundled_claims
from factcheck.language.knowledge import bundled
from factcheck.language.quantities import Kind

Family = Callable[[Entry], Iterable[str]]

SHOWN = 10  # offending variants listed in a failure message


def whole(form: str, case: bool = False) -> re.Pattern[str]:
    """A word or phrase as a whole: not part of a longer word or of a hyphenated one, any
    spacing between its words, any case unless `case`."""
    words = r"\s+".join(map(re.escape, form.split()))
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", 0 if case else re.IGNORECASE)


def written_like(old: str, new: str) -> str:
    """`new` with a capital where `old` had one: "More than" becomes "Fewer than"."""
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def replaced(text: str, match: re.Match[str], new: str) -> str:
    return text[:match.start()] + written_like(match.group(), new) + text[match.end():]


def replaced_all(text: str, pattern: re.Pattern[str], new: str) -> str:
    return pattern.sub(lambda m: written_like(m.group(), new), text)


# --- denials: each variant asserts something the entry does not ------------------------------

TITLES = {"Dr", "Prof.", "Sr.", "President", "Prime"}  # a name's first word, though no party's


@cache
def name_words() -> frozenset[str]:
    """The capitalised words of every party, alias and list member of the bundled claims file."""
    names = set()
    for entry in load_claims(bundled_claims()).entries:
        members = [n for m in entry.list.members for n in (m.name, *m.aliases)] if entry.list else []
        for name in (*entry.parties, *entry.aliases, *members):
            names.update(w for w in re.findall(r"[\w.'-]+", name) if w[:1].isupper())
    return frozenset(names | TITLES)


def embedded(statement: str) -> str:
    """The statement as the object of "It is false that ...": its first letter lowered, unless
    its first word begins a name ("Vietnam", "Ho Chi Minh", "China's", "President Bill Clinton")."""
    first = re.match(r"[\w.'-]+", statement).group().removesuffix("'s")
    return statement if first in name_words() else statement[:1].lower() + statement[1:]


def it_is_false_that(entry: Entry) -> Iterator[str]:
    """Saigon fell on 30 April 1975. -> It is false that Saigon fell on 30 April 1975."""
    yield "It is false that " + embedded(entry.statement)


def it_is_not_true_that(entry: Entry) -> Iterator[str]:
    """The USSR ... -> It is not true that the USSR ..."""
    yield "It is not true that " + embedded(entry.statement)


def some_wrongly_claim_that(entry: Entry) -> Iterator[str]:
    """Saigon fell ... -> Some wrongly claim that saigon fell ...: the first letter lowered as
    a hasty writer lowers it, names too."""
    yield "Some wrongly claim that " + entry.statement[:1].lower() + entry.statement[1:]


def no_historian_believes_that(entry: Entry) -> Iterator[str]:
    """The USSR ... -> No serious historian believes that the USSR ..."""
    yield "No serious historian believes that " + embedded(entry.statement)


def contrary_to_what_is_said_it_is_not_the_case_that(entry: Entry) -> Iterator[str]:
    """Two frames, one asserting, one denying: Contrary to what is often said, it is not the
    case that ..."""
    yield "Contrary to what is often said, it is not the case that " + embedded(entry.statement)


FAILED_TO = {"joined": "join", "established": "establish", "signed": "sign", "sent": "send", "provided": "provide",
             "supported": "support", "recognised": "recognise", "recognized": "recognize", "became": "become",
             "visited": "visit", "helped": "help", "won": "win", "launched": "launch", "adopted": "adopt",
             "upgraded": "upgrade", "founded": "found", "reached": "reach", "gave": "give", "opened": "open",
             "hosted": "host", "declared": "declare", "created": "create"}
PAST = re.compile(r"\b(?:" + "|".join(FAILED_TO) + r")\b")


def failed_to(entry: Entry) -> Iterator[str]:
    """The first of some common verbs in the past, said to have failed: Vietnam joined ASEAN
    -> Vietnam failed to join ASEAN."""
    if found := PAST.search(entry.statement):
        yield entry.statement[:found.start()] + "failed to " + FAILED_TO[found.group()] + entry.statement[found.end():]


AUXILIARY = re.compile(r"\b(?:is|was|are|were|has|have|had|did|does|will|can)\b(?!['’])")


def not_after_the_first_auxiliary(entry: Entry) -> Iterator[str]:
    """Vietnam has established ... -> Vietnam has not established ..."""
    if found := AUXILIARY.search(entry.statement):
        yield entry.statement[:found.end()] + " not" + entry.statement[found.end():]


def opposite_words(entry: Entry) -> Iterator[str]:
    """For each form of a contrast's side (knowledge/contrasts.txt) in the statement, its first
    occurrence replaced by the other side's first form: joined -> left, more than -> fewer than.
    An occurrence inside a longer form is that form's: "all" in "almost all" is not replaced."""
    opposites = [(form, other[0]) for contrast in bundled().contrasts
                 for side, other in (contrast.sides, contrast.sides[::-1]) for form in side]
    spans = {m.span() for form, _ in opposites for m in whole(form).finditer(entry.statement)}
    for form, opposite in opposites:
        for found in whole(form).finditer(entry.statement):
            start, end = found.span()
            if not any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans):
                yield replaced(entry.statement, found, opposite)
                break


YEAR_SHIFT = 3
YEAR = re.compile(r"(?<![\d,.])(?:1\d{3}|20\d{2})(?!\d|s\b)")  # not "1970s", not "1,100"


def year_shifted(entry: Entry) -> Iterator[str]:
    """For each date value's year written in the statement, that year (everywhere in the
    statement) three years later: in 1950 -> in 1953, May 23, 2018 -> May 23, 2021."""
    for value in entry.values:
        if value.kind is Kind.DATE:
            for year in YEAR.findall(value.text):
                at_year = re.compile(rf"(?<![\d,.]){year}(?!\d|s\b)")
                if at_year.search(entry.statement):
                    yield at_year.sub(str(int(year) + YEAR_SHIFT), entry.statement)


ROUNDING = re.compile(r"\b(?:about|almost|nearly|around|approximately|roughly)(?=\s+(?:US\$|\$)?\d)", re.IGNORECASE)


def rounding_insisted(entry: Entry) -> Iterator[str]:
    """A figure the statement rounds said to be exact: almost US$11 billion -> exactly US$11
    billion; about 7 billion -> exactly 7 billion."""
    if found := ROUNDING.search(entry.statement):
        yield replaced(entry.statement, found, "exactly")


NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
FIGURE = re.compile(r"\d[\d,.]*\d|\d|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


def times_ten(figure: str) -> str:
    """A figure as written, ten times over, in digits: three -> 30, 34 -> 340,
    200,000 -> 2,000,000, 0.86 -> 8.6, 1,38 (a decimal comma) -> 13,8."""
    if figure.lower() in NUMBER_WORDS:
        return str(NUMBER_WORDS[figure.lower()] * 10)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", figure):
        return f"{int(figure.replace(',', '')) * 10:,}"
    integer, point, fraction = re.fullmatch(r"(\d+)(?:([.,])(\d+))?", figure).groups()
    if not fraction:
        return integer + "0"
    digits = (integer + fraction[0]).lstrip("0") or "0"
    return digits + (point + fraction[1:] if fraction[1:] else "")


def figure_times_ten(entry: Entry) -> Iterator[str]:
    """For each count and sum of money whose text is in the statement, its figure ten times
    over: three invasions -> 30 invasions, 34 million US dollars -> 340 million US dollars."""
    for value in entry.values:
        if value.kind in (Kind.COUNT, Kind.MONEY) and (at := whole(value.text).search(entry.statement)):
            if figure := FIGURE.search(entry.statement, at.start(), at.end()):
                yield entry.statement[:figure.start()] + times_ten(figure.group()) + entry.statement[figure.end():]


OTHER_COUNTRIES = ("Brazil", "Norway", "Egypt", "Mexico")  # none is a party of the bundled file
HOME = "Vietnam"  # a party of almost every entry: the one subject never swapped


def another_country(entry: Entry) -> Iterator[str]:
    """The entry's first party (but Vietnam) written as such in the statement, everywhere,
    replaced by the first of OTHER_COUNTRIES the entry does not mention:
    Vietnam joined ASEAN ... -> Vietnam joined Brazil ...; China's ... -> Brazil's ..."""
    mentioned = " ".join((entry.statement, *entry.parties, *entry.aliases))
    party = next((p for p in entry.parties if p != HOME and whole(p, case=True).search(entry.statement)), None)
    country = next((c for c in OTHER_COUNTRIES if not whole(c).search(mentioned)), None)
    if party and country:
        yield whole(party, case=True).sub(country, entry.statement)


SYMMETRIC = re.compile(r"\b(?:and|with|between|or|nor|both|each|other|mutual|versus|vs)\b|[,;:()–—/-]", re.IGNORECASE)  # "Vietnam and China": either order
SWAP_REACH = 6  # words between the two names: further apart, they are rarely one relation


def parties_swapped(entry: Entry) -> Iterator[str]:
    """The first two of the entry's parties written in the statement, one after the other, not
    joined as equals ("and", "with", a comma), exchanged: China recognised Vietnam -> Vietnam
    recognised China; aid from the USSR to Vietnam -> aid from Vietnam to the USSR."""
    yield from _two_parties_exchanged(entry, lambda between: 0 < len(between.split()) <= SWAP_REACH and not SYMMETRIC.search(between))


def _two_parties_exchanged(entry: Entry, joined: Callable[[str], bool]) -> Iterator[str]:
    """The statement with its first two parties that the words between them join as `joined`
    says exchanged."""
    found = sorted((m.start(), m.end(), p) for p in dict.fromkeys(entry.parties)
                   if (m := whole(p, case=True).search(entry.statement)))
    for (a0, a1, first), (b0, b1, second) in zip(found, found[1:]):
        if a1 <= b0 and first != second and joined(between := entry.statement[a1:b0]):
            yield entry.statement[:a0] + second + between + first + entry.statement[b1:]
            return


# --- rewordings: each variant asserts what the entry does ------------------------------------


def equivalent_words(entry: Entry) -> Iterator[str]:
    """For each form of an equivalence set (knowledge/equivalents.txt) in the statement, its
    first occurrence replaced by the set's first form, or by its second where it is the first:
    established -> set up, became a member of -> joined, aid -> assistance."""
    for forms in bundled().equivalents:
        for form in forms:
            if found := whole(form).search(entry.statement):
                yield replaced(entry.statement, found, forms[1] if form == forms[0] else forms[0])


def renamed(old: str, new: str) -> Family:
    """Every occurrence of `old` written `new`: Vietnam -> Viet Nam, more than -> over."""
    def family(entry: Entry) -> Iterator[str]:
        pattern = whole(old, case=old[:1].isupper())
        if pattern.search(entry.statement):
            yield replaced_all(entry.statement, pattern, new)
    return family


def equals_exchanged(entry: Entry) -> Iterator[str]:
    """Two of the entry's parties joined by "and" exchanged: Vietnam and China normalised
    relations -> China and Vietnam normalised relations."""
    yield from _two_parties_exchanged(entry, lambda between: between == " and ")


# --- the tables ------------------------------------------------------------------------------

DENIALS = [
    # family, variants at least (so that none passes by generating nothing), may be supported
    pytest.param(it_is_false_that, 250, 0, id="it-is-false-that"),
    pytest.param(it_is_not_true_that, 250, 0, id="it-is-not-true-that"),
    pytest.param(some_wrongly_claim_that, 250, 0, id="some-wrongly-claim-that"),
    pytest.param(no_historian_believes_that, 250, 0, id="no-historian-believes-that"),
    pytest.param(contrary_to_what_is_said_it_is_not_the_case_that, 250, 0, id="contrary-then-not-the-case"),
    pytest.param(failed_to, 45, 1, id="failed-to"),
    pytest.param(not_after_the_first_auxiliary, 120, 1, id="not-after-the-first-auxiliary"),
    pytest.param(opposite_words, 150, 0, id="opposite-words"),
    pytest.param(year_shifted, 75, 0, id="year-shifted"),
    pytest.param(figure_times_ten, 30, 0, id="figure-times-ten"),
    pytest.param(another_country, 140, 0, id="another-country"),
    pytest.param(parties_swapped, 40, 2, id="parties-swapped"),
    pytest.param(rounding_insisted, 3, 0, id="rounding-insisted"),
]

REWORDINGS = [
    # family, variants at least, share supported at least
    pytest.param(equivalent_words, 35, 1.0, id="equivalent-words"),
    pytest.param(renamed("Vietnam", "Viet Nam"), 150, 0.994, id="Vietnam-Viet-Nam"),
    pytest.param(renamed("Soviet Union", "USSR"), 10, 1.0, id="Soviet-Union-USSR"),
    pytest.param(renamed("United States", "US"), 12, 1.0, id="United-States-US"),
    pytest.param(renamed("more than", "over"), 5, 1.0, id="more-than-over"),
    pytest.param(equals_exchanged, 10, 1.0, id="equals-exchanged"),
]


@dataclass(frozen=True)
class Checked:
    entry: Entry
    variant: str
    verdict: str

    def __str__(self) -> str:
        return f"  {self.entry.id} ({self.verdict}): {self.variant}"


@pytest.fixture(scope="module")
def corpus():
    return Corpus.load(bundled_claims())


def variants(corpus: Corpus, family: Family) -> list[tuple[Entry, str]]:
    """Every entry's variants in the family, each once, none the statement itself."""
    return [(entry, text) for entry in corpus.claims.entries
            for text in dict.fromkeys(family(entry)) if text != entry.statement]


def checked(corpus: Corpus, family: Family) -> list[Checked]:
    return [Checked(entry, text, corpus.checker.check(text).verdict.value) for entry, text in variants(corpus, family)]


def listed(results: list[Checked]) -> str:
    more = f"\n  ... and {len(results) - SHOWN} more" if len(results) > SHOWN else ""
    return "\n".join(map(str, results[:SHOWN])) + more


@pytest.mark.parametrize("family, at_least, may_be_supported", DENIALS)
def test_a_denied_statement_is_not_supported(corpus, family, at_least, may_be_supported):
    results = checked(corpus, family)
    supported = [r for r in results if r.verdict == "supported"]
    assert len(results) >= at_least, f"only {len(results)} variants"
    assert len(supported) <= may_be_supported, (
        f"{len(supported)} of {len(results)} denials supported, at most {may_be_supported} may be:\n{listed(supported)}")


@pytest.mark.parametrize("family, at_least, share", REWORDINGS)
def test_a_reworded_statement_stays_supported(corpus, family, at_least, share):
    results = checked(corpus, family)
    missed = [r for r in results if r.verdict != "supported"]
    assert len(results) >= at_least, f"only {len(results)} variants"
    supported = len(results) - len(missed)
    assert supported / len(results) >= share, (
        f"{supported} of {len(results)} rewordings supported ({supported / len(results):.3f}), at least {share} must be;"
        f" not supported:\n{listed(missed)}")


@pytest.mark.parametrize("figure, ten_times", [
    ("three", "30"), ("Two", "20"), ("34", "340"), ("200,000", "2,000,000"), ("1,100", "11,000"),
    ("0.86", "8.6"), ("1,38", "13,8"), ("1.5", "15"),
])
def test_times_ten_writes_the_figure_ten_times_over(figure, ten_times):
    assert times_ten(figure) == ten_times


@pytest.mark.parametrize("statement, opening", [
    ("The USSR sent experts.", "the USSR sent experts."),
    ("In 1967, the tribunal met.", "in 1967, the tribunal met."),
    ("Vietnam joined ASEAN.", "Vietnam joined ASEAN."),
    ("Ho Chi Minh travelled.", "Ho Chi Minh travelled."),
    ("China's aid grew.", "China's aid grew."),
    ("President Bill Clinton visited Vietnam.", "President Bill Clinton visited Vietnam."),
])
def test_a_statement_embedded_after_a_frame_keeps_the_capital_of_a_name(statement, opening):
    assert embedded(statement) == opening
