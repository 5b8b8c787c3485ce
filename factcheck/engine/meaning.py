"""What a claim asserts beyond its words: whether it affirms or denies, and whether it says
the opposite of what an entry says ("severed" for "established", "every" for "almost all").
Shared words say which entry a claim is about; these decide whether it says the same."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..language.knowledge import Contrast, Knowledge, bundled, merged, parse_equivalents
from ..language.normalise import fold, heads, keys, tokens, use_equivalents


@dataclass(frozen=True)
class Opposed:
    """A claim saying one side of a contrast where the entry says the other."""

    claim_says: str
    source_says: str


NEAR = 5  # words either side of a contrast's word that say what it is said of
SUBJECT_WEIGHT = 2  # a word before it (its subject: "UN members condemned") counts twice one after
_YEAR = re.compile(r"\b1\d{3}\b|\b20\d{2}\b")  # a year near a contrast's word says which it is


@dataclass(frozen=True)
class Said:
    """One side of a contrast as a text says it: (contrast, side), the form, and the words
    before it (what it is said of) and after it (what it is said about)."""

    where: tuple[int, int]
    form: str
    before: frozenset[str]
    after: frozenset[str]

    def shared(self, other: Said) -> int:
        return SUBJECT_WEIGHT * len(self.before & other.before) + len(self.after & other.after)


def _canon(form: str) -> str:
    return " ".join(re.split(r"[\s-]+", form.strip()))


def _pattern_of(form: str) -> str:
    """A form as a pattern: a space or a hyphen between its words matches either ("upper
    middle income" is "upper-middle income")."""
    return r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", form))


def _words_near(text: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """The keys (and years) of the NEAR whole words before `start` and after `end`."""
    before = text[max(0, start - 30 * NEAR):start].split()
    if start - 30 * NEAR > 0:
        before = before[1:]  # the first may be cut
    after = text[end:end + 30 * NEAR].split()
    if end + 30 * NEAR < len(text):
        after = after[:-1]
    return _keyed(" ".join(before[-NEAR:])), _keyed(" ".join(after[:NEAR]))


def _keyed(words: str) -> frozenset[str]:
    return frozenset(keys(tokens(words))) | frozenset(_YEAR.findall(words))


class Contrasts:
    """Finds the sides of contrasts a text says, longest form first ("almost all" is not
    "all")."""

    def __init__(self, contrasts: Iterable[Contrast]):
        self._where: dict[str, list[tuple[int, int]]] = {}
        for i, c in enumerate(contrasts):
            for side, forms in enumerate(c.sides):
                for form in forms:
                    if (i, side) not in (where := self._where.setdefault(_canon(form), [])):
                        where.append((i, side))
        longest_first = sorted(self._where, key=len, reverse=True)
        body = "|".join(map(_pattern_of, longest_first))
        self._find = re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])") if longest_first else None

    @lru_cache(maxsize=8192)
    def said(self, text: str) -> tuple[Said, ...]:
        """Each side of a contrast a text says, where, with the words around it."""
        if self._find is None:
            return ()
        folded = fold(text)
        out = []
        for m in self._find.finditer(folded):
            before, after = _words_near(folded, m.start(), m.end())
            out += [Said(where, m.group(), before, after) for where in self._where[_canon(m.group())]]
        return tuple(out)

    def opposed(self, claim: str, entry_texts: Iterable[str]) -> list[Opposed]:
        """The sides the claim says where the entry says the other among the same words
        ("allies opposed Vietnam's occupation" against "allies supported Vietnam's occupation";
        "high income by 2030" against "upper-middle income by 2030, high income by 2045"). A
        contrast word the entry says of something else ("leaving behind its low-income status"
        against "began joining UN peacekeeping") opposes nothing."""
        claim_said = self.said(claim)
        if not claim_said:
            return []
        entry_said = [x for text in entry_texts for x in self.said(text)]
        out = []
        for c in claim_said:
            (i, side) = c.where
            same = [e for e in entry_said if e.where[0] == i]
            if not same:
                continue
            overlap = max(e.shared(c) for e in same)
            closest = [e for e in same if e.shared(c) == overlap]
            if overlap and all(e.where[1] != side for e in closest):  # a tie with this side: not opposed
                out.append(Opposed(c.form, closest[0].form))
        return out


@lru_cache(maxsize=8)
def contrasts(known: Knowledge | None = None) -> Contrasts:
    return Contrasts((known or bundled()).contrasts)


def denies(scopes: list[frozenset[str]], about: frozenset[str], bare: bool = False) -> bool:
    """Whether one of a text's denials denies something `about` speaks of. `bare`: a denial
    with nothing in its scope counts too (a claim's "was not 168 billion" denies its figure)."""
    return any(scope & about or (bare and not scope) for scope in scopes)


def unmatched_denial(claim: list[frozenset[str]], entry_core: frozenset[str], entry: Sequence[frozenset[str]],
                     claim_keys: frozenset[str]) -> bool:
    """Whether one side denies what the other affirms: a claim denial of something the entry
    states (or of a bare figure) that no entry denial shares words with; or, where no denial
    of the claim meets one of the entry's, an entry denial of something the claim says. What
    a claim's denial is of is the words it denies first ("not take sides in the rivalry between
    great powers" is of taking sides, not of great powers); an entry's, all it denies ("does
    not host bases or let its territory be used"). A denial's scope ends at a comma: "rule
    out alliances, bases and the use of force" meets "no alliances, no bases and no use of
    force" in its first item only."""
    if any((heads(scope) & entry_core or not scope) and not any(scope & other for other in entry) for scope in claim):
        return True
    if any(scope & other for scope in claim for other in entry):
        return False
    return any(scope & claim_keys for scope in entry)


_BEFORE_FIGURE = re.compile(r"\s+(?:\d|\$|us\$|€|£|(?:an?\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                            r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|but)\b)")


class Restrictive:
    """Words that narrow what a claim says ("only", "jointly", "every"), each with the forms
    that account for it."""

    def __init__(self, sets: Iterable[tuple[str, ...]]):
        self._set_of = {_canon(form): i for i, forms in enumerate(sets) for form in forms}
        forms = sorted(self._set_of, key=len, reverse=True)
        body = "|".join(map(_pattern_of, forms))
        self._find = re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])") if forms else None

    @lru_cache(maxsize=8192)
    def said(self, text: str, emphasis: bool = True) -> dict[int, str]:
        """Each set a text says a form of, with the form; without `emphasis`, not the forms
        before a figure ("only 0.86%", "all five"), which stress the figure."""
        if self._find is None:
            return {}
        folded = fold(text)
        return {self._set_of[_canon(m.group())]: m.group() for m in self._find.finditer(folded)
                if emphasis or not _BEFORE_FIGURE.match(folded, m.end())}

    def unaccounted(self, claim: str, entry_texts: Iterable[str]) -> list[str]:
        """The claim's restrictive words of which the entry says no form."""
        claim_sets = self.said(claim, emphasis=False)
        if not claim_sets:
            return []
        entry_sets = {i for text in entry_texts for i in self.said(text)}
        return [form for i, form in claim_sets.items() if i not in entry_sets]


@lru_cache(maxsize=8)
def restrictive(known: Knowledge | None = None) -> Restrictive:
    return Restrictive((known or bundled()).restrictive)


class Distinct:
    """Names of things that are not one another ("strategic partnership", "comprehensive
    strategic partnership"): a claim about one is not about another."""

    def __init__(self, sets: Iterable[tuple[tuple[str, ...], ...]]):
        self._things_of: dict[str, list[tuple[int, int]]] = {}  # a form may name a thing of several sets
        for i, things in enumerate(sets):
            for j, forms in enumerate(things):
                for form in forms:
                    self._things_of.setdefault(_canon(form), []).append((i, j))
        longest_first = sorted(self._things_of, key=len, reverse=True)
        body = "|".join(map(_pattern_of, longest_first))
        self._find = re.compile(r"(?<![\w-])(" + body + r")(?:e?s)?(?![\w-])") if longest_first else None  # plurals name it too

    @lru_cache(maxsize=8192)
    def said(self, text: str) -> dict[tuple[int, int], str]:
        if self._find is None:
            return {}
        return {where: m.group() for m in self._find.finditer(fold(text)) for where in self._things_of[_canon(m.group(1))]}

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Where the text names one of the things: (start, end, the form's canonical text)."""
        if self._find is None:
            return []
        return [(m.start(), m.end(), _canon(m.group(1))) for m in self._find.finditer(fold(text))]

    def other(self, claim: str, entry_texts: Iterable[str]) -> tuple[str, str] | None:
        """(what the claim names, what the entry names instead), where the entry names another
        thing of the same set and not the claim's."""
        claim_things = self.said(claim)
        if not claim_things:
            return None
        entry_things: dict[tuple[int, int], str] = {}
        for text in entry_texts:
            entry_things.update(self.said(text))
        for (i, j), form in claim_things.items():
            instead = [f for (k, m), f in entry_things.items() if k == i and m != j]
            if instead and (i, j) not in entry_things:
                return form, instead[0]
        return None


@lru_cache(maxsize=8)
def distinct(known: Knowledge | None = None) -> Distinct:
    return Distinct((known or bundled()).distinct)


def own_knowledge(vocabulary) -> Knowledge:
    """The knowledge a claims file is checked with: the bundled files and its own vocabulary
    (claims.Vocabulary), its equivalents read by the tokeniser from now on."""
    known = merged(vocabulary)
    use_equivalents(parse_equivalents("\n".join(vocabulary.equivalents)))
    return known
