"""A sentence as the assertions it makes: the frame around them ("It is false that ...",
"..., a spokesperson said") taken off, and one sentence of several clauses cut into them.
Each assertion is checked on its own; the frame says how their verdicts make the sentence's."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..language.knowledge import Knowledge, bundled
from ..language.normalise import STOPWORDS, fold, headline_cased, keys, tokens
from ..language.quantities import MONTHS, parse

MIN_CLAUSE_WORDS = 2  # a side with fewer content words is a phrase of the other, not a clause
SHORTEST_SENTENCE = 5  # words: a shorter text ending in a full stop ("In the country.") is looked at for its verb
_QUOTES = "\"“”"


@dataclass(frozen=True)
class Framed:
    """What a sentence asserts, and whether its frame denies it."""

    text: str
    denied: bool = False
    frame: str = ""  # the words of the frame, as written
    reports: tuple[str, ...] = ()  # reports the sources speak of, whole: assertions of their own


def unframe(sentence: str, speaks_of: Callable[[str], bool] = lambda frame: False, known: Knowledge | None = None,
            lead_in: bool = True) -> Framed:
    """The assertion inside a denial or a report; the sentence itself when it has no frame.
    `speaks_of(frame)`: whether the sources speak of a report's frame ("Pham Minh Chinh told
    CSIS in May 2023 that ..."), which is then an assertion of its own. `lead_in`: whether a
    label before a colon may lead in ("Fun fact: ..."); in a table row it is the subject."""
    known = known or bundled()
    text, denied, frame, reports = _untagged(sentence), False, [], []
    title_case = headline_cased(sentence)
    while True:  # "It is false that Y said that ..." peels one frame a round
        reported = False  # only a report's frame has a subject that the framed clause may leave out
        m = next((m for p in known.deny_frames if (m := p.match(text))), None)
        if m:
            denied = not denied
        elif m := next((m for p in known.assert_frames if (m := p.match(text))), None):
            pass
        elif m := next((m for p in known.reported_before if (m := p.match(text))), None):
            reported = True
            if speaks_of(_THAT_END.sub("", text[:m.end()].strip())):
                reports.append(text.strip())  # who said it, with what they said
        elif (m := _LEAD_IN.match(text)) and (not lead_in or speaks_of(m.group(1)) or not has_predicate(text[m.end():], known, sentence_end=False)):
            m = None  # "Countries with strategic partnerships: 16": a label, of a value  # "Vietnam's CSP club: China '08, ...": the label is part of the claim
        if not m or m.end() >= len(text.rstrip()):
            denied = denied != bool(m and m.re in known.deny_frames)  # a frame of nothing frames nothing
            break
        frame.append(text[:m.end()].strip())
        rest = text[m.end():].strip()
        # "Hanoi insists that it ...": a report lends its subject; in Title Case its capitals tell no subject
        subject = subject_of(frame[-1]) if reported and not title_case else ""
        peeled = _with_subject(rest, subject, pronouns=True)
        text = peeled if len(peeled) < len(text) else rest  # each round peels, whatever the subject
    if quoted := _quoted(text, known):
        if speaks_of(quoted[1]):
            reports.append(text.strip())  # '"X," Y told CSIS in May 2022': who said it, with what
        text = quoted[0]
    if (m := next((m for p in known.reported_end if (m := p.search(text))), None)) and not speaks_of(text[m.start():]):
        text = text[:m.start()] + "."
    return Framed(text, denied, " ".join(frame), tuple(reports))


# "Fun fact:", "Crazy stat:", "Reminder:": a short label before a colon, naming nothing the
# sources know and giving no figure, before a clause with a verb, leads in to the claim and
# asserts nothing itself
_LEAD_IN = re.compile(r"\s*((?:[A-Za-z][\w'’-]*\s+){0,3}[A-Za-z][\w'’-]*)\s*:\s+(?=\S)")
_TAG = re.compile(r"(?<![\w&])#(?=[A-Za-z])")
_TAG_WORD = re.compile(r"[#@][\w-]+[.!?]?")


def _untagged(post: str) -> str:
    """A social post's hashtags and mentions at its end dropped, a tag within it read as its
    word ("Vietnam joins #ASEAN" is "Vietnam joins ASEAN"), and a thread's count ("1/") dropped."""
    text = _THREAD_MARK.sub("", post).rstrip()
    for _ in range(MAX_TAGS):
        parts = text[-(2 * MAX_TAG_LENGTH):].rsplit(None, 1)
        if len(parts) < 2 or not _TAG_WORD.fullmatch(parts[1]):
            break
        text = text[:len(text) - len(parts[1])].rstrip()
    return _TAG.sub("", text)


_THREAD_MARK = re.compile(r"^\s*\(?\d{1,2}/(?:\d{1,2})?\)?\s+|(?<!\s)\s+(?:\(\d{1,2}/\d{1,2}\)|\d{1,2}/\d{1,2}(?=\s*🧵))")  # "1/ ...", "... (2/5)": a thread's count
MAX_TAGS, MAX_TAG_LENGTH = 20, 60  # a post ends in a few tags; a longer run is not a post's


_QUOTATION = re.compile(r'"[^"]*"|“[^”]*”')  # a quotation is one assertion, whatever its commas
_THAT_END = re.compile(r"\s+that$", re.IGNORECASE)


def _quoted(text: str, known: Knowledge) -> tuple[str, str] | None:
    """'"X," a spokesperson told reporters in 2023.' -> ('X', 'a spokesperson told ...')."""
    stripped = text.strip()
    if not stripped or stripped[0] not in _QUOTES:
        return None
    close = max(stripped.rfind(q) for q in _QUOTES[0] + _QUOTES[2])
    if close <= 0:
        return None
    inner, after = stripped[1:close].strip(), stripped[close + 1:]
    if inner and any(p.search(after) for p in known.reported_after):
        return inner.rstrip(","), after.strip(" ,.")
    return None


def clauses(sentence: str, known: Knowledge | None = None) -> list[str]:
    """The sentence cut where it makes a second assertion ("…, after which …", "…; …", "X, which
    …, did …")."""
    known = known or bundled()
    sentence = " ".join(sentence.split())  # one space between words: no pattern backtracks over a run
    if embedded := _embedded(sentence, known):
        return [part for inner in embedded for part in clauses(inner, known)]
    sentence = _dated(sentence, known)
    folded = fold(sentence)
    if not _may_match(known.clause_breaks + known.causal_breaks + known.figure_clause_breaks, folded):
        return [whole] if (whole := sentence.strip()) else []  # no cut: as below, most sentences
    quoted = [m.span() for m in _QUOTATION.finditer(folded)]
    found = {(m.start(), m.end(), False) for p in known.clause_breaks + known.causal_breaks for m in p.finditer(folded)}
    found |= {(m.start(), m.end(), True) for p in known.figure_clause_breaks for m in p.finditer(folded)}
    cuts = sorted(c for c in found if not any(a < c[0] < b for a, b in quoted))
    parts: list[str] = []
    at = 0
    for start, end, needs_figures in cuts:
        if start < at:
            continue
        head, tail = sentence[max(at, start - _NEAR):start], sentence[end:end + _NEAR]
        if needs_figures and not (_states_figure(head) and _states_figure(tail)):
            continue
        if (_words(head) >= MIN_CLAUSE_WORDS and _words(tail) >= MIN_CLAUSE_WORDS
                and has_predicate(sentence[at:start], known, sentence_end=False)
                and has_predicate(_with_subject(_clause_at(sentence, end), subject_of(sentence[at:start])), known, sentence_end=False)):
            parts.append(sentence[at:start].strip())
            at = end
    parts.append(sentence[at:].strip())
    parts = [p for p in parts if p]
    subject = subject_of(parts[0]) if len(parts) > 1 else ""
    return parts[:1] + [_with_subject(p, subject) for p in parts[1:]]


# "Vietnam, which has been a member of Interpol since 1990, also takes part in ...": a clause
# inside the sentence, about its subject; "The Russian Federation, founded in 1991, inherited
# ...": a participle's phrase, the same
_EMBEDDED = re.compile(r"(?P<subject>[A-Z][^,\"“”]{1,80}?),\s(?:(?P<pronoun>which|who)\s)?(?P<inner>[^,\"“”]{3,120}?),\s(?P<main>[^\"“”]+)")
_PARTICIPLE = re.compile(r"(?:\w+ly\s)?\w+(?:ed|en)\s(?:in|on|by|at|from|as|with|under)\b")
_SUBJECT_START = frozenset("the a an".split())  # a subject may start with these stop words, and no other


def _embedded(sentence: str, known: Knowledge) -> list[str] | None:
    """The two assertions of a sentence whose subject is followed by a clause of its own, each
    with the subject; None for any other sentence."""
    m = _EMBEDDED.fullmatch(sentence)
    if not m:
        return None
    subject, inner, main = m["subject"], m["inner"], m["main"]
    first = subject.split()[0].lower()
    if (first in STOPWORDS and first not in _SUBJECT_START) or has_predicate(subject, known, sentence_end=False):
        return None
    if not (m["pronoun"] or _PARTICIPLE.match(inner)) or not has_predicate(inner, known, sentence_end=False):
        return None
    if not _starts_with_verb(main.split(), known) and not has_predicate(" ".join(main.split()[:3]), known, sentence_end=False):
        return None
    return [f"{subject} {inner}.", f"{subject} {main}"]


_DETERMINERS = frozenset("the a an it its they their this that these those he she his her we our there".split())
_SUBJECT_JOINERS = frozenset("and of the 's".split())


def subject_of(clause: str) -> str:
    """The capitalised words a clause starts with ("The USSR and Vietnam"), its subject as a
    later clause of the sentence may leave it out."""
    words = clause.replace(",", " , ").split()
    start = 0
    while start < len(words) and _fronted(words[start]):
        start += 1  # "In 1995 Vietnam joined ...": a fronted time or place is not the subject
    n = start
    while n < len(words) and (words[n][:1].isupper() or words[n] in _SUBJECT_JOINERS):
        n += 1
    while n > start and words[n - 1] in _SUBJECT_JOINERS:
        n -= 1
    if start < n < len(words) and words[n - 1].endswith(("'s", "’s")) and words[n][:1].islower():
        n += 1  # "Vietnam's government"
    subject = words[start:n]
    return " ".join(subject) if any(w.lower() not in _DETERMINERS for w in subject) else ""


def _fronted(word: str) -> bool:
    low = word.lower()
    return word == "," or low[:1].isdigit() or (low in STOPWORDS and low not in _DETERMINERS) or low in MONTHS


def _with_subject(clause: str, subject: str, pronouns: bool = False) -> str:
    """"…, and then sent troops": a clause starting with its verb gets the first one's subject;
    with `pronouns`, one starting with "it" or "they" too ("Hanoi insists that it ...")."""
    words = clause.split()
    first = words[0] if words else ""
    if subject and pronouns and first.lower() in _PRONOUNS:
        return f"{subject} {clause[len(first):].lstrip()}"
    if not subject or not first[:1].islower() or not _starts_with_verb(words, bundled()):
        return clause  # "ambassadors were not exchanged": a subject of its own
    return f"{subject} {clause}"


def _starts_with_verb(words: list[str], known: Knowledge) -> bool:
    """"then sent troops", "has since become", "first sent": the clause's verb comes first."""
    for word in words[:2]:
        low = word.lower().strip(",")
        if low in known.verbs or (low.endswith("ed") and low not in known.not_verbs_ed):
            return True
        if low.endswith("s") and not low.endswith(known.noun_endings) and low not in known.not_verbs:
            return True  # "but chooses righteousness"
        if not low.endswith("ly") and low not in {"first", "then", "later", "also", "since"}:
            return False
    return False


_PRONOUNS = frozenset({"it", "they"})


_NEAR = 200  # characters either side of a cut in which its sides must show their words


_YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")


def _dated(sentence: str, known: Knowledge) -> str:
    """"… in July 1995 and exchanged ambassadors later that same year": "… in 1995" for the
    later clause, from the year written before it."""
    if not _may_match(tuple(pattern for pattern, _ in known.same_time), sentence):
        return sentence
    for pattern, later in known.same_time:
        for m in reversed(list(pattern.finditer(sentence))):
            if years := _YEAR.findall(sentence, 0, m.start()):
                sentence = f"{sentence[:m.start()]}in {int(years[-1]) + later}{sentence[m.end():]}"
    return sentence


def _may_match(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    """Whether any of the patterns may match in the text: one search of them all joined says
    no for most sentences, where a search with each in turn costs a dozen."""
    joined = _joined(patterns)
    return joined is None or joined.search(text) is not None


@lru_cache(maxsize=16)
def _joined(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """The patterns as one, matching where any of them does; None where they cannot be joined
    (flags that differ, verbose ones, whose comments run on, or groups: a claims file's own
    patterns may have them)."""
    if not patterns or len({p.flags for p in patterns}) != 1 or patterns[0].flags & re.VERBOSE or any(p.groups for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:  # a pattern's own global flags ("(?i)") stand only at the start
        return None


def _clause_at(sentence: str, start: int) -> str:
    """The text from `start` to the next clause break's punctuation (or the end)."""
    stop = _CLAUSE_END.search(sentence, start)
    return sentence[start:stop.start() if stop else len(sentence)]


_CLAUSE_END = re.compile(r"[;,]")


def _states_figure(text: str) -> bool:
    return any(not q.weak for q in parse(text))


def _words(text: str) -> int:
    return len(keys(tokens(text)))


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_BEFORE_ADJECTIVE = frozenset("the a an this that these those its their his her our my your".split())


_MONTH_MAY = re.compile(r"\bMay(?=\s+\d)|(?<=\d )May\b")  # "May 1997", "12 May": the month, not the verb


def has_predicate(text: str, known: Knowledge | None = None, sentence_end: bool = True) -> bool:
    """Whether a text has a verb, and so may assert something ("Comprehensive strategic partner
    since" does not). Read from word forms (knowledge/predicates.txt): a word that is always a
    verb; a lower-case word in -ed not right after an article ("the liberated province"); a
    lower-case word in -s after a capitalised word, not ending as nouns do ("Stalin agrees"); a
    lower-case word before an article or determiner ("include no"). `sentence_end`: a text
    ending as a sentence does is taken to have one."""
    known = known or bundled()
    stripped = text.strip().rstrip("\"'”’)]")
    ends = stripped.endswith((".", "!", "?", ";")) and sentence_end
    if ends and ": " in stripped:
        return True  # a label and its value (a table row read with its header: "India: Since 2016.")
    if ends and len(stripped.split()) >= SHORTEST_SENTENCE:
        return True  # a sentence: taken to have its verb
    if stripped.isupper() or headline_cased(stripped):
        return _headline_in_capitals(stripped, known)
    words = _WORD.findall(_MONTH_MAY.sub("", text))
    for i, word in enumerate(words):
        low = word.lower()
        before = words[i - 1] if i else ""
        if low in known.verbs:
            return True
        if not word[:1].islower():
            continue
        if low.endswith("ed") and low not in known.not_verbs_ed and before.lower() not in _BEFORE_ADJECTIVE:
            return True
        if low.endswith("s") and before[:1].isupper() and not low.endswith(known.noun_endings):
            return True
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        if after in known.determiners and low not in known.determiners and low not in STOPWORDS and low not in known.not_verbs:
            return True
    return False


def _headline_in_capitals(text: str, known: Knowledge) -> bool:
    """"RUSSIA INHERITS $10BN DEBT", "Russia Inherits $10bn Debt": in capitals or Title Case, a
    verb is a word always a verb, one in -ed, or one in -s after the first word, not ending as
    nouns do."""
    words = [w.lower() for w in _WORD.findall(text)]
    return any(w in known.verbs or (w.endswith("ed") and w not in known.not_verbs_ed)
               or (i and w in known.headline_verbs and words[i - 1] not in _BEFORE_ADJECTIVE and not words[i - 1].endswith(("'s", "’s")))
               or (0 < i < len(words) - 1 and w.endswith("s") and not w.endswith(known.noun_endings) and w not in known.not_verbs
                   and words[i + 1] not in _AFTER_A_NOUN)
               for i, w in enumerate(words))


_AFTER_A_NOUN = frozenset({"and", "or", "of"})  # "Soviet Arms and the ... Invasion": a plural noun, not a verb in -s


def causal(sentence: str, known: Knowledge | None = None) -> bool:
    """Whether a sentence says why ("X because Y"): a support must then state the cause too."""
    known = known or bundled()
    folded = fold(sentence)
    return any(p.search(folded) for p in known.causal_breaks)
