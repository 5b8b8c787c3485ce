"""What a drafted entry is called and filed under: the names it is about, its id, its topic.
A topic is a guess from cue words (knowledge/topics.txt) among the topics the file allows."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..claimsfile import claims as claims_module
from ..claimsfile.claims import ClaimsFile
from ..language.knowledge import FOLDER
from ..language.normalise import STOPWORDS

TOPICS_FILE = FOLDER / "topics.txt"
KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # ids, topics and source names, as the schema has them
UNDECIDED_TOPIC = "undecided"  # where any topic will do and no cue suggests one: the curator decides
ID_WORDS = 6  # content words of the statement an id is made of: enough to tell entries apart
ID_LENGTH = 72  # characters at most, so that ids stay readable in `factcheck claims`
MOST_PARTIES = 8  # names listed in `parties`; a longer run is a list, kept in `list`


_WORD = re.compile(r"[^\W_][\w’'.&-]*")
_JOINERS = frozenset({"of", "the", "for", "de", "and"})
_NOT_PARTIES = frozenset({"i", "first", "second", "third", "fourth", "fifth", "finally", "however", "moreover",
                          "furthermore", "therefore", "thus", "meanwhile", "currently", "today", "yet", "up"})


def parties_of(text: str) -> tuple[str, ...]:
    """The names a statement is about: runs of capitalised words ("Republic of Korea"), not
    the sentence's first word when it is an ordinary one, nor months."""
    from ..language.quantities import MONTHS

    words = [(m.group(), m.start()) for m in _WORD.finditer(text)]
    runs: list[list[str]] = []
    current: list[str] = []
    for i, (word, at) in enumerate(words):
        upper = word[:1].isupper() and word.lower().rstrip(".") not in MONTHS
        if current and text[words[i - 1][1] + len(words[i - 1][0]):at].strip():
            runs.append(current)  # a comma or a bracket ends a name
            current = []
        if upper and not (i == 0 and (word.lower() in STOPWORDS or word.lower() in _NOT_PARTIES or word.endswith("ly"))):
            current.append(word)
        elif current and word in _JOINERS - {"and"} and i + 1 < len(words) and words[i + 1][0][:1].isupper():
            current.append(word)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    names = []
    for run in runs:
        name = re.sub(r"[’']s$", "", " ".join(run)).rstrip(".")
        ordinary = name.lower() in STOPWORDS and not name.isupper()  # "The", not "US"
        if not ordinary and name.lower() not in _NOT_PARTIES and len(name) > 1:
            names.append(name)
    return tuple(dict.fromkeys(names))[:MOST_PARTIES]


def make_id(statement: str, taken: set[str]) -> str:
    """A kebab-case id from the statement's first content words, more of them while it is
    taken (the entries of one list differ at their end), then -2, -3 ..."""
    plain = re.sub(r"[’']s\b", "", statement.replace("đ", "d").replace("Đ", "D"))  # "Eiffel's company"
    ascii_text = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_text) if w not in STOPWORDS] or ["entry"]
    base = ""
    for count in range(1, len(words) + 1):
        longer = "-".join(words[:count])
        if len(longer) > ID_LENGTH:
            break
        base = longer
        if count >= ID_WORDS and base not in taken:
            return base
    base = base or words[0][:ID_LENGTH]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def allowed_topics(claims_file: ClaimsFile) -> tuple[str, ...] | None:
    """The topics an entry may take: the file's own `topics:` list where the loader reads one,
    else the fixed list where the loader fixes one; None when any kebab-case topic will do.
    Read with getattr so that this works with either loader."""
    declared = tuple(getattr(claims_file, "topics", ()) or ())
    if declared:
        return declared
    fixed = getattr(claims_module, "TOPICS", None)
    return tuple(fixed) if fixed else None


@lru_cache(maxsize=1)
def topic_cues() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for raw in TOPICS_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#") and " | " in line:
            topic, words = line.split(" | ", 1)
            out[topic.strip()] = tuple(w.strip().lower() for w in words.split(",") if w.strip())
    return out


MIN_SHARED_WORDS = 2  # content words a text must share with a topic's entries for them to suggest it


@dataclass(frozen=True)
class Topics:
    """What a drafted entry's topic is guessed among: the topics the file allows (None: any),
    those its entries use, and the words of its entries' statements by topic."""

    allowed: tuple[str, ...] | None = None
    used: tuple[str, ...] = ()
    words: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, claims_file: ClaimsFile) -> Topics:
        by_topic: dict[str, set[str]] = {}
        for entry in claims_file.entries:
            by_topic.setdefault(entry.topic, set()).update(_content_words(entry.statement))
        return cls(allowed_topics(claims_file), tuple(by_topic), {t: frozenset(w) for t, w in by_topic.items()})

    def guess(self, text: str) -> tuple[str, bool]:
        """(topic, guessed): the candidate whose cue words the text says most often, else the
        one whose entries share most words with it; without either, `undecided` where any
        topic will do, else the first allowed one, marked as guessed."""
        candidates = self.allowed or self.used or tuple(topic_cues())
        folded = " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "
        scores: Counter[str] = Counter()
        for topic in candidates:
            name = topic.replace("-", " ")
            words = (*topic_cues().get(topic, ()), name, name.removesuffix("s"))  # "lighthouses": "lighthouse" too
            scores[topic] = sum(folded.count(f" {w} ") for w in words)
        best = max(candidates, key=lambda t: scores[t], default=None)
        if best is not None and scores[best] > 0:
            return best, False
        mine = _content_words(text)
        shared = {t: len(mine & self.words.get(t, frozenset())) for t in candidates}
        nearest = max(candidates, key=lambda t: shared[t], default=None)
        if nearest is not None and shared[nearest] >= MIN_SHARED_WORDS:
            return nearest, False
        if self.allowed:
            return self.allowed[0], True
        return UNDECIDED_TOPIC, True


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3 and w not in STOPWORDS}


def guess_topic(text: str, allowed: tuple[str, ...] | None) -> tuple[str, bool]:
    """A topic guessed for a file of no entries that allows `allowed` (None: any)."""
    return Topics(allowed).guess(text)
