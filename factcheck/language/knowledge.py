"""What the checker knows of English besides the claims file: how a claim may be framed,
which words cannot both be true of one thing, which say the same, which name one country, and
which deny. Kept in plain data files under knowledge/ so that a curator can read and extend
them without touching code; each is read once, when first needed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).with_name("knowledge")


@dataclass(frozen=True)
class Contrast:
    """Two sides that cannot both be true of the same thing: each side's forms, folded."""

    sides: tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class Knowledge:
    deny_frames: tuple[re.Pattern[str], ...]  # "It is false that ...": at the start of a claim
    assert_frames: tuple[re.Pattern[str], ...]  # "Contrary to popular belief, ...": the same
    reported_after: tuple[re.Pattern[str], ...]  # "..., a spokesperson said.": after a quotation
    reported_before: tuple[re.Pattern[str], ...]  # "Y said that ...": at the start
    reported_end: tuple[re.Pattern[str], ...]  # "..., Y wrote.": at the end
    clause_breaks: tuple[re.Pattern[str], ...]  # where one sentence makes two assertions
    figure_clause_breaks: tuple[re.Pattern[str], ...]  # the same, where both sides state a figure
    causal_breaks: tuple[re.Pattern[str], ...]  # "because": two assertions and that one is why
    same_time: tuple[tuple[re.Pattern[str], int], ...]  # "later that same year": the year before, plus N
    contrasts: tuple[Contrast, ...]
    equivalents: tuple[tuple[str, ...], ...]  # each set's forms, the one they become first
    restrictive: tuple[tuple[str, ...], ...]  # sets of words a support must account for ("jointly")
    distinct: tuple[tuple[tuple[str, ...], ...], ...]  # sets of things, each in its forms, not one another
    verbs: frozenset[str]  # words that are always verbs ("was", "became")
    not_verbs_ed: frozenset[str]  # words ending in -ed that are not verbs ("hundred")
    noun_endings: tuple[str, ...]  # endings of words in -s that are nouns ("-ers", "-ions")
    determiners: frozenset[str]  # a lower-case word before one is a verb ("include no ...")
    not_verbs: frozenset[str]  # words never verbs, though before an article ("across the")
    headline_verbs: frozenset[str] = frozenset()  # verbs a headline writes in the base form ("Sign")


def _lines(text: str) -> list[str]:
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]


def _sections(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = ""
    for line in _lines(text):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out.setdefault(current, [])
        else:
            out.setdefault(current, []).append(line)
    return out


def _folded(form: str) -> str:
    """A form as checked text is: accents, case and spaces folded."""
    if form.isascii():  # nearly every form: nothing to take off, and NFKD on each of some 900 took 2 ms at import
        return " ".join(form.lower().split())
    plain = unicodedata.normalize("NFKD", form)
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).lower().split())


def _forms(side: str, line: str = "") -> tuple[str, ...]:
    forms = tuple(f for part in side.split(",") if (f := _folded(part)))
    if not forms or "|" in side:
        raise ValueError(f"each side names one form or more, split by ',' (sides by ' | '): {line or side!r}")
    return forms


def parse_contrasts(text: str) -> tuple[Contrast, ...]:
    out = []
    for line in _lines(text):
        left, sep, right = line.partition(" | ")
        if not sep or " | " in right:
            raise ValueError(f"a contrast has two sides split by ' | ': {line!r}")
        out.append(Contrast((_forms(left, line), _forms(right, line))))
    return tuple(out)


def parse_distinct(text: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    out = []
    for line in _lines(text):
        things = tuple(_forms(part, line) for part in line.split(" | "))
        if len(things) < 2:
            raise ValueError(f"a set of distinct things names two or more split by ' | ': {line!r}")
        out.append(things)
    return tuple(out)


def parse_equivalents(text: str) -> tuple[tuple[str, ...], ...]:
    out = []
    for line in _lines(text):
        forms = tuple(_folded(part) for part in line.split(" | "))
        if not all(forms) or any("|" in f for f in forms):
            raise ValueError(f"a set names one form or more split by ' | ': {line!r}")
        out.append(forms)
    return tuple(out)


FRAME_SECTIONS = ("deny", "assert", "reported-after", "reported-before", "reported-end", "clause", "causal", "clause-with-figures")


def parse_frames(text: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    """Each section's patterns; those of a frame at a claim's start are anchored there."""
    sections = _sections(text)
    sections.pop("same-time", None)  # parse_same_time's
    if "" in sections:
        raise ValueError(f"a pattern before any [section]: {sections[''][0]!r}")
    if unknown := set(sections) - set(FRAME_SECTIONS):
        raise ValueError(f"unknown section [{sorted(unknown)[0]}]; known: {', '.join(FRAME_SECTIONS)}")
    return {name: tuple(_pattern(p, anchored=name in ("deny", "assert", "reported-before")) for p in sections.get(name, []))
            for name in FRAME_SECTIONS}


def _pattern(line: str, anchored: bool) -> re.Pattern[str]:
    """A frame's pattern; a frame at a claim's start is anchored there."""
    try:
        return re.compile((r"^\s*(?:" + line + r")\s*") if anchored else line, re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"not a regular expression ({error}): {line!r}") from None


def parse_same_time(text: str) -> tuple[tuple[re.Pattern[str], int], ...]:
    """[same-time] of frames.txt: "pattern = years later" lines."""
    out = []
    for line in _sections(text).get("same-time", []):
        pattern, sep, years = line.rpartition(" = ")
        if not sep or not years.strip().lstrip("-").isdigit():
            raise ValueError(f"a same-time line is 'pattern = years later': {line!r}")
        out.append((re.compile(r"\b(?:" + pattern + r")\b", re.IGNORECASE), int(years)))
    return tuple(out)


PREDICATE_SECTIONS = ("verbs", "not-verbs-ending-in-ed", "not-verbs", "determiners", "noun-endings", "headline-verbs")


def parse_predicates(text: str) -> dict[str, frozenset[str]]:
    return _section_words(text, PREDICATE_SECTIONS)


WORD_SECTIONS = ("stopwords", "light", "numbers", "figures", "converse", "directional")


def parse_words(text: str) -> dict[str, frozenset[str]]:
    """words.txt: each section's words."""
    return dict.fromkeys(WORD_SECTIONS, frozenset()) | _section_words(text, WORD_SECTIONS)


def _section_words(text: str, known: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The words of each section present, lower case; a section not `known`, or a word before
    the first section, is refused."""
    return {name: _words_of(lines) for name, lines in _known_sections(text, known).items()}


def _known_sections(text: str, known: tuple[str, ...]) -> dict[str, list[str]]:
    """Each section's lines; a section not `known`, or a line before the first section, is refused."""
    sections = _sections(text)
    if "" in sections:
        raise ValueError(f"words before any [section]: {sections[''][0]!r}; known: {', '.join(known)}")
    if unknown := set(sections) - set(known):
        raise ValueError(f"unknown section [{sorted(unknown)[0]}]; known: {', '.join(known)}")
    return sections


def _words_of(lines: list[str]) -> frozenset[str]:
    return frozenset(w for line in lines for w in line.lower().split())


def _to_first(lines: list[str]) -> dict[str, str]:
    """Each form of a set (a line as equivalents.txt writes it) to the set's first form."""
    return {form: forms[0] for forms in parse_equivalents("\n".join(lines)) for form in forms[1:]}


NAME_SECTIONS = ("names", "spellings")


def parse_names(text: str) -> dict[str, dict[str, str]]:
    """names.txt: each section's forms, each to the name it is read as."""
    sections = _known_sections(text, NAME_SECTIONS)
    return {name: _to_first(sections.get(name, [])) for name in NAME_SECTIONS}


def parse_synonyms(text: str) -> dict[str, str]:
    """synonyms.txt: each word to the word it is read as. The tokeniser looks words up one at a
    time, so a form of several words could never be met, and is refused."""
    read = _to_first(_lines(text))
    if phrase := next((f for f in [*read, *read.values()] if " " in f), None):
        raise ValueError(f"a synonym is one word: {phrase!r}")
    return read


@dataclass(frozen=True)
class Negations:
    """negations.txt: the words and phrases that deny what follows them."""

    words: frozenset[str]  # "not", "refused"
    plain: frozenset[str]  # of those, the ones that say nothing but the denial ("not")
    not_after: frozenset[str]  # words after which a denial denies nothing ("not only")
    phrases: dict[tuple[str, str], str]  # two words read as one denial, to its key ("ruled out")


NEGATION_SECTIONS = ("words", "plain", "not-after", "phrases")


def parse_negations(text: str) -> Negations:
    """negations.txt: [words], [plain] and [not-after] as words; [phrases] as sets whose forms
    are two words each."""
    sections = _known_sections(text, NEGATION_SECTIONS)
    phrases = {}
    for form, key in _to_first(sections.get("phrases", [])).items():
        pair = form.split()
        if len(pair) != 2 or " " in key:
            raise ValueError(f"a denying phrase is two words, its key one: {key} | {form}")
        phrases[pair[0], pair[1]] = key
    return Negations(words=_words_of(sections.get("words", [])), plain=_words_of(sections.get("plain", [])),
                     not_after=_words_of(sections.get("not-after", [])), phrases=phrases)


def _read(name: str) -> str:
    return (FOLDER / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """Words by how much they say (words.txt), read once at import by normalise."""
    return parse_words(_read("words.txt"))


@lru_cache(maxsize=1)
def names() -> dict[str, dict[str, str]]:
    """names.txt, read once at import by normalise."""
    return parse_names(_read("names.txt"))


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """synonyms.txt, read once at import by normalise."""
    return parse_synonyms(_read("synonyms.txt"))


@lru_cache(maxsize=1)
def negations() -> Negations:
    """negations.txt, read once at import by normalise."""
    return parse_negations(_read("negations.txt"))


@lru_cache(maxsize=1)
def bundled() -> Knowledge:
    frames_text = _read("frames.txt")
    frames = parse_frames(frames_text)
    predicates = parse_predicates(_read("predicates.txt"))
    return Knowledge(
        deny_frames=frames["deny"],
        assert_frames=frames["assert"],
        reported_after=frames["reported-after"],
        reported_before=frames["reported-before"],
        reported_end=frames["reported-end"],
        clause_breaks=frames["clause"],
        figure_clause_breaks=frames["clause-with-figures"],
        causal_breaks=frames["causal"],
        same_time=parse_same_time(frames_text),
        contrasts=parse_contrasts(_read("contrasts.txt")),
        equivalents=parse_equivalents(_read("equivalents.txt")),
        restrictive=parse_equivalents(_read("restrictive.txt")),
        distinct=parse_distinct(_read("distinct.txt")),
        verbs=predicates.get("verbs", frozenset()),
        not_verbs_ed=predicates.get("not-verbs-ending-in-ed", frozenset()),
        noun_endings=tuple(sorted(predicates.get("noun-endings", frozenset()), key=len, reverse=True)),
        determiners=predicates.get("determiners", frozenset()),
        not_verbs=predicates.get("not-verbs", frozenset()),
        headline_verbs=predicates.get("headline-verbs", frozenset()),
    )


PARSERS = {"equivalents": parse_equivalents, "contrasts": parse_contrasts, "restrictive": parse_equivalents,
           "distinct": parse_distinct}  # a claims file's vocabulary, line by line


@lru_cache(maxsize=8)
def merged(vocabulary) -> Knowledge:
    """The bundled knowledge with a claims file's own vocabulary (claims.Vocabulary) added."""
    known = bundled()
    if not any((vocabulary.equivalents, vocabulary.contrasts, vocabulary.restrictive, vocabulary.distinct)):
        return known
    return replace(
        known,
        equivalents=known.equivalents + parse_equivalents("\n".join(vocabulary.equivalents)),
        contrasts=known.contrasts + parse_contrasts("\n".join(vocabulary.contrasts)),
        restrictive=known.restrictive + parse_equivalents("\n".join(vocabulary.restrictive)),
        distinct=known.distinct + parse_distinct("\n".join(vocabulary.distinct)),
    )
