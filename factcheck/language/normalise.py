"""One spelling for one thing: accents, case, quote styles, country names, and word forms.

Claims and entries go through the same steps, so "Viet Nam" meets "Vietnam", "USSR" meets
"Soviet Union", "Four No's" meets "Four Nos", and "demonstrations" meets "demonstration".
Folding keeps every character's offset, so matches can be shown in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import Stemmer  # PyStemmer, in C: snowballstemmer's stems, without importing its 36 languages' stemmers

from .knowledge import names, negations, synonyms, words

_STEMMER = Stemmer.Stemmer("english")

# Several spellings, one name (knowledge/names.txt). Keys are folded word sequences; values, the canonical tokens.
NAMES: dict[str, str] = names()["names"] | names()["spellings"]
# A canonical name written as such stays itself ("France" and "French" both become "france").
for _canon in list(NAMES.values()):
    for _word in _canon.split():
        NAMES.setdefault(_word, _word)

SYNONYMS = synonyms()  # ordinary paraphrase, mapped to one word before stemming
_WORDS = words()
STOPWORDS = _WORDS["stopwords"]
LIGHT_WORDS = _WORDS["light"]  # they weigh little when matching
_NUMBER_WORDS = _WORDS["numbers"]
# Figures are compared as values, not as words ("five" and "5" are the same figure).
_QUANTITY_WORDS = _NUMBER_WORDS | _WORDS["figures"]
_NEGATIONS = negations()
NEGATORS = _NEGATIONS.words
NEGATING_PHRASES = _NEGATIONS.phrases  # two-word denials, read as one negator
_NOT_NEGATING_AFTER = _NEGATIONS.not_after


def fold_char(c: str) -> str:
    """One character, accent-free and lower case, still one character."""
    if c.isascii():
        return c.lower()
    if c in "đĐ":
        return "d"
    if c in "‘’´`′":
        return "'"
    if c in "“”„″":
        return '"'
    if c in "–—‐‑−":
        return "-"
    base = unicodedata.normalize("NFKD", c)[:1] or c
    low = base.lower()
    return low if len(low) == 1 else base


class _FoldedChars(dict):
    """fold_char by code point, for str.translate: each character is worked out once."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = fold_char(chr(code))
        return folded


_FOLDED = _FoldedChars()


def fold(text: str) -> str:
    """Accents, case, quote and dash styles folded, keeping offsets (len(fold(t)) == len(t))."""
    return text.lower() if text.isascii() else text.translate(_FOLDED)


class _Invisible(dict):
    """For str.translate: format characters (Unicode category Cf) to nothing, any other to
    itself; each character is looked up once."""

    def __missing__(self, code: int) -> str | None:
        self[code] = kept = None if unicodedata.category(chr(code)) == "Cf" else chr(code)
        return kept


_INVISIBLE = _Invisible()


_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
HEADLINE_WORDS = 3  # capitalised longer words after the first: "Vietnam Joins ASEAN" is too short to tell


@lru_cache(maxsize=4096)
def headline_cased(text: str) -> bool:
    """Whether a text is written in Title Case ("Hanoi and Seoul Upgrade Ties in 2022"), where
    capitals mark neither names nor a sentence's start: every longer word capitalised but
    function words ("with", "from"). Text in capitals is not: it is read as a headline
    elsewhere. Remembered: a check asks it of its claim once for each entry it judges."""
    words = _LONG_WORD.findall(text)[1:]
    if text.isupper() or any(w[0].islower() and w.lower() not in STOPWORDS for w in words):
        return False
    return sum(w[0].isupper() for w in words) >= HEADLINE_WORDS


def visible(text: str) -> str:
    """Text without invisible format characters: a soft hyphen, zero-width space or joiner,
    word joiner, BOM or directional mark shows nothing, yet one in a word or a figure hid a
    conflict from matching and figure parsing."""
    return text if text.isascii() else text.translate(_INVISIBLE)


def _invisible_in(text: str) -> str:
    """The distinct invisible format characters of a text."""
    return "" if text.isascii() else "".join(c for c in set(text) if _INVISIBLE[ord(c)] is None)


_UNEVEN_SPACE = re.compile(r"\s{2,}|[^\S ]")  # whitespace that respacing does not keep as it is
_SPACE = re.compile(r"\s+")


class Respaced:
    """A text with each whitespace run as one space and none at its start or end, and the way
    back to the offsets of the text as written. An offset is kept only where a run was not one
    space, not one per character (a list of every offset took some 40 bytes a character), and
    the text is not split into words (a string a word took some 50 bytes a word)."""

    def __init__(self, raw: str, start: int = 0, marks: dict[str, str] | None = None, drop_invisible: bool = False):
        """`raw` from `start`; `marks`: characters to write as others (quote styles), one for one;
        `drop_invisible`: invisible format characters go too (see `visible`), a run of them
        and whitespace being whitespace."""
        hidden = _invisible_in(raw) if drop_invisible else ""
        space, uneven = _SPACE, _UNEVEN_SPACE
        if hidden:
            space = re.compile(rf"[\s{re.escape(hidden)}]+")
            uneven = re.compile(rf"[\s{re.escape(hidden)}]{{2,}}|[^\S ]|[{re.escape(hidden)}]")
        end = len(raw)
        while end > start and (raw[end - 1].isspace() or raw[end - 1] in hidden):
            end -= 1
        lead = space.match(raw, start, end)
        at = lead.end() if lead else start
        self._at, self._raw_at = [0], [at]  # from these offsets on, the two run one to one
        pieces: list[str] = []
        removed = at
        for m in uneven.finditer(raw, at, end):
            gap = " " if m.group().strip(hidden) else ""  # invisible characters alone are nothing
            pieces += (raw[at:m.start()], gap)
            removed += m.end() - m.start() - len(gap)
            self._at.append(m.end() - removed)
            self._raw_at.append(m.end())
            at = m.end()
        pieces.append(raw[at:end])
        text = "".join(pieces)
        for mark, to in (marks or {}).items():  # str.translate takes a second for 10 MB
            if mark in text:
                text = text.replace(mark, to)
        self.text = text

    def raw_offset(self, index: int) -> int:
        k = bisect_right(self._at, index) - 1
        return self._raw_at[k] + index - self._at[k]


@dataclass(frozen=True)
class Token:
    key: str  # canonical, stemmed form used for comparison
    start: int  # offsets in the original text
    end: int
    negator: bool = False


Tokens = tuple[Token, ...]

_WORD = re.compile(r"[a-z0-9]+(?:['.][a-z]+)*\.?|\+")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = SYNONYMS.get(word, word)
    if word.endswith(("ize", "izes", "ized", "izing", "ization", "izations")):
        word = word.replace("iz", "is")
    return _STEMMER.stemWord(word)


_ABBREVIATION = re.compile(r"(?:[a-z]\.)+").fullmatch


def _words(folded: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _WORD.finditer(folded):
        w = m.group()
        s, e = m.span()
        if w[-1] == "." and not _ABBREVIATION(w):
            w, e = w[:-1], e - 1
        if w.endswith("'s") and w != "no's":
            w, e = w[:-2], e - 2
        if w:
            out.append((w, s, e))
    return out


_NAME_KEYS = {tuple(k.split()): v for k, v in NAMES.items()}
# "Democratic Republic of Viet Nam" is the "Democratic Republic of Vietnam", "Viet Namese" "Vietnamese"
_NAME_KEYS.update({tuple(" ".join(k).replace("vietnam", "viet nam").split()): v for k, v in list(_NAME_KEYS.items())
                   if any("vietnam" in w for w in k) and k != ("vietnam",)})


def _equivalents(sets: Iterable[tuple[str, ...]] | None = None) -> dict[tuple[str, ...], str]:
    """Each form of knowledge/equivalents.txt (or of `sets`), as the words it is written in, to
    the keys of the first form of its set: read as one, like a name of several words."""
    from .knowledge import bundled

    out: dict[tuple[str, ...], str] = {}
    for forms in bundled().equivalents if sets is None else sets:
        canonical = " ".join(_content_key(w) or "" for w, _, _ in _words(forms[0])).split()
        for form in forms[1:]:
            words = tuple(w for w, _, _ in _words(form))
            if words not in _NAME_KEYS:
                out[words] = " ".join(canonical)
    return out



def lengths_by_first_word(names: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """The lengths of the names each word starts, longest first: a text's words are looked up
    as names only at those lengths."""
    lengths: dict[str, set[int]] = {}
    for name in names:
        if name:
            lengths.setdefault(name[0], set()).add(len(name))
    return {word: tuple(sorted(ns, reverse=True)) for word, ns in lengths.items()}


_NEGATING_FIRST = frozenset(k[0] for k in NEGATING_PHRASES)
# "US" the country, not "us" the pronoun: only the upper-case form counts
_US_UN_UPPER = {"US": "usa", "U.S": "usa", "U.S.": "usa", "UN": "un"}
_US_UN = frozenset(k.lower() for k in _US_UN_UPPER)


@lru_cache(maxsize=4096)
def tokens(text: str) -> Tokens:
    """Content tokens of a text: names made canonical, stop words dropped, words stemmed.

    Negators stay in the list, marked, so polarity can be read; comparisons skip them.
    Remembered, and so never changed: a check tokenises the same texts again and again (the
    claim at each step, an entry's statement for each claim it is a candidate for), and what is
    worked out of one token list (its names) is kept for the next step.
    """
    return tuple(_tokens(text))


def _tokens(text: str) -> list[Token]:
    folded = fold(text)
    words = _words(folded)
    out: list[Token] = []
    i = 0
    n = len(words)
    while i < n:
        w, s, e = words[i]
        if w in _US_UN and text[s:e] in _US_UN_UPPER:
            out.append(Token(_US_UN_UPPER[text[s:e]], s, e))
            i += 1
            continue
        name = next((name_key for length in _NAME_LENGTHS.get(w, ()) if length <= n - i
                     and (name_key := tuple(x[0] for x in words[i:i + length])) in _NAME_KEYS), None)
        if name:
            for part in _NAME_KEYS[name].split():  # an equivalent of stop words gives none
                out.append(Token(part, s, words[i + len(name) - 1][2]))
            i += len(name)
            continue
        if w in _NEGATING_FIRST and i + 1 < n and (w, words[i + 1][0]) in NEGATING_PHRASES:
            out.append(Token(NEGATING_PHRASES[(w, words[i + 1][0])], s, words[i + 1][2], negator=True))
            i += 2
            continue
        if w in NEGATORS or w.endswith("n't"):
            # "Four No's" is a name, "not only" is not a denial
            prev = words[i - 1][0] if i else ""
            nxt = words[i + 1][0] if i + 1 < n else ""
            numbered = w == "no" and nxt[:1].isdigit()  # "Communist Review No. 1025"
            if not (prev in _NUMBER_WORDS or prev.isdigit()) and nxt not in _NOT_NEGATING_AFTER and not numbered:
                out.append(Token(w, s, e, negator=True))
        elif (key := _content_key(w)) is not None:
            out.append(Token(key, s, e))
        i += 1
    return out


@lru_cache(maxsize=65536)
def _content_key(word: str) -> str | None:
    """The key of a word that says what a text is about; None for stop words and figures."""
    if word in STOPWORDS or word in _QUANTITY_WORDS or any(c.isdigit() for c in word):
        return None
    return stem(word)


_NAME_KEYS.update(_equivalents())
_NAME_LENGTHS = lengths_by_first_word(_NAME_KEYS)
_BUNDLED_KEYS = dict(_NAME_KEYS)
_in_use: tuple[tuple[str, ...], ...] = ()  # a claims file's own equivalents, read as the bundled ones


def use_equivalents(sets: tuple[tuple[str, ...], ...]) -> None:
    """Read a claims file's own equivalents with the bundled ones from now on (a process checks
    against one claims file at a time; remembered tokens are forgotten when they change)."""
    global _NAME_LENGTHS, _in_use
    if sets == _in_use:
        return
    _NAME_KEYS.clear()
    _NAME_KEYS.update(_BUNDLED_KEYS)
    _NAME_KEYS.update({k: v for k, v in _equivalents(sets).items() if k not in _BUNDLED_KEYS})
    _NAME_LENGTHS = lengths_by_first_word(_NAME_KEYS)
    _in_use = sets
    tokens.cache_clear()
    name_keys.cache_clear()


def negated(toks: Sequence[Token]) -> bool:
    """Whether a sentence denies. Coordinated denials ("no alliances, no bases") still deny;
    a double negation ("not without", "never refused") cancels."""
    idx = [i for i, t in enumerate(toks) if t.negator]
    if not idx:
        return False
    return not (len(idx) == 2 and idx[1] - idx[0] <= 2)


NOUN_SCOPE, CLAUSE_SCOPE = 3, 8  # content words a denial reaches at most
DOUBLE_REACH = 2  # content words at most between two denials that cancel each other
PLAIN_DENIALS = _NEGATIONS.plain  # deny what follows, say nothing
DENIED_BY = "~"  # in a scope, before the key of a denial that says something itself ("refused")
HEAD, HEAD_WORDS = "^", 2  # in a scope, before the keys of the first words denied


def heads(scope: frozenset[str]) -> frozenset[str]:
    """The keys of the words a denial denies first."""
    return frozenset(k[1:] for k in scope if k.startswith(HEAD))


_UNTIL = re.compile(r"\b(?:until|till|before)\b")  # "not exchanged until May 1997" says when, denies nothing
_FRONTED_UNTIL = re.compile(r"^\W*(?:until|till|before)\b[^,]{1,40},")  # "Before 1950, Moscow could not help" the same
_COORDINATED = re.compile(r"[^\w]*(?:(?:and|or|nor)\b[^\w]*)?")  # what stands between two denials of one list
_CLAUSE_BREAK = re.compile(r"[,;:.!?()]|\bbut\b(?! to\b)|\b(?:while|whereas|although|though|yet)\b")  # "no choice but to" goes on


def negation_scopes(text: str, toks: Sequence[Token]) -> list[frozenset[str]]:
    """What each denial denies: the words after a negator up to the end of its clause or the
    next denial. "does not host foreign bases or let its territory be used" denies all of it;
    "no military alliances, no siding ..., and no bases" is one denial of a list; two denials
    close together cancel ("not without", "never refused to", "No other countries are not
    allowed"), and neither is returned."""
    folded = fold(text)
    scopes: list[frozenset[str]] = []
    last: Token | None = None  # the previous denial's last token
    previous = ""  # and its word
    cancelled = -1  # a negator cancelled by the one before it
    for i, t in enumerate(toks):
        if not t.negator or i == cancelled:
            continue
        word = folded[t.start:t.end]
        listed = word == "no" == previous and last is not None and bool(_COORDINATED.fullmatch(folded, last.end, t.start))
        scope = set(scopes.pop()) if listed else set()
        if word not in PLAIN_DENIALS:
            scope.add(DENIED_BY + t.key)  # "refused to serve" and "refused to be drafted" deny alike
        reach = NOUN_SCOPE if word == "no" else CLAUSE_SCOPE  # "no" denies a noun phrase, a verb's denial its clause
        compound = folded[t.end:t.end + 1] == "-"  # "the no-sides stance" denies sides, not the stance
        last, added, previous = t, 0, word
        for j in range(i + 1, min(len(toks), i + 1 + reach)):
            if _CLAUSE_BREAK.search(folded, toks[j - 1].end, toks[j].start) or (compound and folded[toks[j - 1].end:toks[j].start] != "-"):
                break
            if toks[j].negator:
                if added <= DOUBLE_REACH:
                    cancelled = j
                break
            scope.add(toks[j].key)
            if added < HEAD_WORDS:
                scope.add(HEAD + toks[j].key)  # what is denied first: "take sides" in "not take sides in the rivalry"
            last, added = toks[j], added + 1
        if cancelled > i or _UNTIL.search(folded, t.end, last.end + 8) or _FRONTED_UNTIL.match(folded, 0, t.start):
            # "did not receive aid until after 1949" asserts when it came, it denies nothing
            if listed:
                scopes.append(frozenset(scope))
            continue
        scopes.append(frozenset(scope))
    return scopes


LIGHT_KEYS = frozenset(map(stem, LIGHT_WORDS))


def keys(toks: Iterable[Token]) -> list[str]:
    return [t.key for t in toks if not t.negator]


@lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, ...]:
    """A name (party, alias, list member) as the tuple of keys it turns into."""
    return tuple(keys(tokens(name)))
