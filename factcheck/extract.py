"""Draft entries from a source document: one for each fact of each checkable sentence that no
entry of the claims file quotes yet.

A drafted entry is meant to be reviewed, not retyped: its quote is verbatim, every figure of
the quote is a structured value whose `text` is the figure as written, and the whole passes
`validate` as it is. What cannot be read from the text (which topic, whether a list is
whole) is guessed conservatively and marked for the curator.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import claims as claims_module
from .checkable import SourceSentence, cues, overlaps, quoted_spans, reasons, source_sentences, states_figure
from .claims import ClaimsError, ClaimsFile, load_claims, read_text
from .clauses import clauses, has_predicate, subject_of
from .knowledge import FOLDER
from .normalise import STOPWORDS, negated, tokens
from .quantities import Kind, Qualifier, Quantity, Span, parse, span_of
from .sources import Source, SourceLibrary, source_path

TOPICS_FILE = FOLDER / "topics.txt"
KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # ids, topics and source names, as the schema has them
UNDECIDED_TOPIC = "undecided"  # where any topic will do and no cue suggests one: the curator decides
ID_WORDS = 6  # content words of the statement an id is made of: enough to tell entries apart
ID_LENGTH = 72  # characters at most, so that ids stay readable in `factcheck claims`
MOST_PARTIES = 8  # names listed in `parties`; a longer run is a list, kept in `list`
MEMBER_WORDS = 8  # a list member longer than this is a clause, not a name
MEMBER_CHARS = 200  # the same in characters, checked first
_FOOTNOTE = re.compile(r"\s{0,3}\(\d{1,2}\)(?=[\s.,;:]|$)")  # "(1)", "(2)": footnote marks and numbered points


class ExtractError(Exception):
    """A source or claims file that cannot be drafted from; the message says which and why."""


@dataclass(frozen=True)
class Member:
    name: str
    values: tuple[dict, ...] = ()
    aliases: tuple[str, ...] = ()  # an acronym the source gives beside it: "European Union (EU)"


@dataclass(frozen=True)
class ProposedList:
    members: tuple[Member, ...]
    closed: bool


@dataclass(frozen=True)
class Proposal:
    """One drafted entry, with where its quote sits and how sure the guesses are."""

    id: str
    statement: str
    topic: str
    topic_guessed: bool  # no cue suggested the topic: the curator decides
    parties: tuple[str, ...]
    values: tuple[dict, ...]  # claims-file value mappings: kind, value..., text
    list: ProposedList | None
    polarity: str
    source: str
    quote: str
    line: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Extraction:
    claims_path: Path
    sources_dir: Path
    proposals: tuple[Proposal, ...]
    skipped: int = 0  # checkable facts that an entry already quotes
    sources: tuple[Path, ...] = field(default=())


# --- the claims file and the sources -----------------------------------------------------------


def read_claims_or_empty(path: Path) -> ClaimsFile:
    """The claims file; one with no YAML in it yet (empty, or comments only) has no entries and
    its sources in `sources/` beside it, so that a curator can start from an empty file."""
    text = read_text(path) if path.exists() else ""
    if not _has_yaml(text):
        return ClaimsFile(path=path, sources_dir=path.parent / "sources", entries=())
    return load_claims(path)


def _has_yaml(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def source_id_of(path: Path, sources_dir: Path) -> str:
    """A SOURCE argument as a source id: a file of the claims file's sources folder (or its id)."""
    if not path.exists() and KEBAB.fullmatch(str(path)) and (sources_dir / f"{path}.md").is_file():
        return str(path)
    if not path.is_file():
        raise ExtractError(f"{path}: no such file")
    try:
        inside = path.resolve().parent == sources_dir.resolve()
    except OSError as exc:
        raise ExtractError(f"{path}: cannot resolve: {exc}") from None
    if not inside or path.suffix != ".md":
        raise ExtractError(f"{path}: not a .md file of the sources folder {sources_dir} (copy it there first: evidence names a source by its file name)")
    if not KEBAB.fullmatch(path.stem):
        raise ExtractError(f"{path}: the file name {path.stem!r} is not kebab-case (a-z, 0-9, single hyphens): rename it, evidence names a source by it")
    return path.stem


def extract(claims_path: Path, source_args: list[Path]) -> Extraction:
    """Proposed entries for every checkable fact of the sources that no entry quotes yet."""
    try:
        claims_file = read_claims_or_empty(claims_path)
    except ClaimsError as exc:
        raise ExtractError(str(exc)) from None
    library = SourceLibrary(claims_file.sources_dir)
    ids = [source_id_of(Path(a), claims_file.sources_dir) for a in source_args]
    quoted = quoted_spans(claims_file.entries, lambda sid: _readable(library, sid))
    allowed = allowed_topics(claims_file)
    taken = {e.id for e in claims_file.entries}
    proposals: list[Proposal] = []
    skipped = 0
    for sid in dict.fromkeys(ids):
        try:
            source = library.get(sid)
        except ClaimsError as exc:
            raise ExtractError(str(exc)) from None
        for sentence in source_sentences(source):
            if sentence.text.rstrip("\"'”’)").endswith("?") or not reasons(sentence.text):
                continue  # a question asserts nothing
            for start, end, statement in facts(sentence.text):
                if overlaps((sentence.start + start, sentence.start + end), quoted.get(sid, ())):
                    skipped += 1
                    continue
                proposals += propose(sentence, start, end, statement, allowed, taken)
    return Extraction(claims_path, claims_file.sources_dir, tuple(proposals), skipped,
                      tuple(source_path(claims_file.sources_dir, sid) for sid in dict.fromkeys(ids)))


def _readable(library: SourceLibrary, source_id: str) -> Source | None:
    try:
        return library.get(source_id)
    except ClaimsError:
        return None


# --- facts of a sentence -----------------------------------------------------------------------


def facts(sentence: str) -> list[tuple[int, int, str]]:
    """The facts of a sentence as (start, end, statement): where the sentence separates them
    into clauses that are each checkable ("...; ...", "..., after which ..."), one a clause,
    each clause quoted as written and stated with the subject it leaves out; else one. A
    clause that leaves out its verb ("..., and comprehensive partnerships with 10 countries")
    is stated with it."""
    out = []
    for start, end, statement in _clauses(sentence):
        out += gapped(sentence[start:end], start) or [(start, end, statement)]
    return out


def _clauses(sentence: str) -> list[tuple[int, int, str]]:
    whole = [(0, len(sentence), statement_of(sentence))]
    parts = clauses(sentence)
    if len(parts) < 2:
        return whole
    subject = subject_of(parts[0])
    out = []
    at = 0
    for i, part in enumerate(parts):
        written = part[len(subject) + 1:] if i and subject and part.startswith(subject + " ") and sentence.find(part, at) < 0 else part
        start = sentence.find(written, at)
        if start < 0 or not _checkable_part(part):
            return whole  # the clauses were reworded ("later that same year"), or one states nothing
        out.append((start, start + len(written), statement_of(part)))
        at = start + len(written)
    return out


_GAP = re.compile(r",\s+and\s+|;\s+(?:and\s+)?")
_PHRASE_END = re.compile(r"[,;]\s")
MIN_PARALLEL = 3  # words a gapped clause must share with the full one, its figure among them


def gapped(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """"Vietnam has established strategic partnerships with 16 countries, and comprehensive
    partnerships with 10 countries": a later clause leaves out the verb the first has. Each
    becomes a fact of its own, a later one stated with the words it leaves out. [] when the
    text has no such clauses."""
    out: list[tuple[int, int, str]] = []
    first, head = "", None
    for m in _GAP.finditer(text):
        if out and m.start() < out[-1][1] - offset:
            continue
        right = _gapped_clause(text, m.end())
        if not states_figure(right) or has_predicate(right, sentence_end=False):
            if out:
                break
            continue
        if not out:
            left = text[:m.start()]
            if not states_figure(left):
                continue
            head = _shared_head(left, right)
            if _restored(left, right, head) is None:
                continue
            first = left
            out.append((offset, offset + m.start(), statement_of(left)))
        full = _restored(first, right, head)
        if full is None:
            break
        out.append((offset + m.end(), offset + m.end() + len(right), statement_of(full)))
    if out and any(not q.weak for q in parse(text[out[-1][1] - offset:])):
        return []  # a figure after the last gapped clause would belong to no fact
    return out


def _gapped_clause(text: str, start: int) -> str:
    """The clause from `start`: up to a semicolon, and on past commas while it has no verb
    ("a developed, high-income country by 2045", not "..., heightened its profile")."""
    end = text.find(";", start)
    end = len(text) if end < 0 else end
    clause = ""
    for piece in text[start:end].split(","):
        longer = f"{clause},{piece}" if clause else piece
        if clause and has_predicate(longer, sentence_end=False):
            break
        clause = longer
    return clause.rstrip(" .")


def _shared_head(full: str, gapped_clause: str) -> list[str] | None:
    """The full clause's words before where the gapped one starts as it does ("... to become"
    before "a developing country"): its first two words written in the full clause."""
    a, b = full.split(), [_bare(w) for w in gapped_clause.split()[:2]]
    for p in range(len(a) - 1):
        if len(b) == 2 and [_bare(w) for w in a[p:p + 2]] == b:
            return a[:p]
    return None


def _bare(word: str) -> str:
    return word.strip(".,;:").lower()


def _restored(full: str, gapped_clause: str, head: list[str] | None = None) -> str | None:
    """The gapped clause with the words it leaves out: after the full clause's `head` where it
    starts as the full one does, else where the two end alike word for word (a figure
    parallels any figure)."""
    b = gapped_clause.split()
    if head:
        return " ".join(head + b)
    a = full.split()
    same = 0
    while same < min(len(a), len(b)) and _parallel(a[-1 - same], b[-1 - same]):
        same += 1
    own = len(b) - same  # the gapped clause's own words before the parallel ones
    keep = len(a) - same - own
    if same < MIN_PARALLEL or keep < 1 or not states_figure(" ".join(b[own:])):
        return None
    return " ".join(a[:keep] + b)


def _parallel(x: str, y: str) -> bool:
    x, y = x.strip(".,;:").lower(), y.strip(".,;:").lower()
    return x == y or (any(c.isdigit() for c in x) and any(c.isdigit() for c in y))


def _checkable_part(text: str) -> bool:
    return states_figure(text) or bool(reasons(text.rstrip(" ,;:") + "."))


def statement_of(text: str) -> str:
    """A quote as one plain sentence: footnote marks and numbered points dropped, a capital
    first and a full stop last; its words and figures as the source writes them."""
    text = _FOOTNOTE.sub("", text).strip()
    text = re.sub(r"^\(\d{1,2}\)\s*", "", text)
    text = text.rstrip(" ,;:–—-")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if not text.endswith((".", "!", ".”", '."', ".’", ")")) or text.endswith(")") and not text.endswith(".)"):
        text += "."
    return text


def propose(sentence: SourceSentence, start: int, end: int, statement: str,
            allowed: tuple[str, ...] | None, taken: set[str]) -> list[Proposal]:
    """The entry for one fact; a list whose members carry figures ("China (2008), Russia
    (2012)") separates one fact a member, each an entry of its own too."""
    quote = sentence.text[start:end].strip().rstrip(",;:")
    figures = parse(quote)
    listed = find_list(quote, figures)
    in_members = {id(q) for m in (listed.members if listed else ()) for q in m[1]}
    carried = [q for q in figures if _carried(q) and id(q) not in in_members]
    values = tuple(f for q in carried for f in (value_fields(q), *map(value_fields, period_ends(q))) if f)
    proposed_list = ProposedList(tuple(Member(m[0], _fields(m[1]), _acronyms(quote[m[2]:m[3]], m[0])) for m in listed.members), listed.closed) if listed else None
    out = [_proposal(sentence, quote, statement, values, proposed_list, allowed, taken)]
    for name, member_figures, a, b in (listed.members if listed and listed.head else ()):
        fields = _fields(member_figures)
        if fields and len(fields) == len(member_figures):
            said = " and ".join(f"in {f['text']}" if f["kind"] == "date" and "relation" not in f else f"({f['text']})" for f in fields)
            out.append(_proposal(sentence, quote[a:b].strip(), statement_of(f"{listed.head} {name} {said}"), fields, None, allowed, taken))
    return out


_JOINER = re.compile(r"\s*(?:[-–—]|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*")


def period_ends(q: Quantity) -> list[Quantity]:
    """The two ends of a period written as two days ("August 8, 1967 - August 8, 2023"), as
    dates of their own: each is an event's date ("ASEAN was founded on August 8, 1967"), which
    a claim of it is then confirmed by, not only consistent with."""
    if q.kind is not Kind.PERIOD:
        return []
    sides = _JOINER.split(q.text, maxsplit=1)
    if len(sides) != 2:
        return []
    ends = [next((d for d in parse(side) if d.kind is Kind.DATE and d.span == span), None)
            for side, span in zip(sides, (q.span, q.span_to))]
    days = all(d is not None and d.span.days == 0 and not d.relation for d in ends)
    return [d for d in ends if d is not None] if days else []


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&.]{1,9})\)")


def _acronyms(item: str, name: str) -> tuple[str, ...]:
    return tuple(a for a in _ACRONYM.findall(item) if a != name)


def _fields(figures) -> tuple[dict, ...]:
    return tuple(f for q in figures if (f := value_fields(q)))


def _proposal(sentence: SourceSentence, quote: str, statement: str, values: tuple[dict, ...],
              listed: ProposedList | None, allowed: tuple[str, ...] | None, taken: set[str]) -> Proposal:
    topic, guessed = guess_topic(statement, allowed)
    proposal = Proposal(
        id=make_id(statement, taken), statement=statement, topic=topic, topic_guessed=guessed,
        parties=parties_of(statement), values=values, list=listed,
        polarity="negative" if negated(tokens(quote)) else "positive",
        source=sentence.source, quote=quote, line=sentence.line, reasons=reasons(sentence.text),
    )
    taken.add(proposal.id)
    return proposal


def _carried(q: Quantity) -> bool:
    """Every figure but the idioms ("one of", "first of all"); a number that names a doctrine
    ("the Four Nos") is carried, so that "Five Nos" conflicts with it."""
    return not q.weak or (q.kind is Kind.COUNT and (q.value or 0) >= NAMED_COUNT_FLOOR)


NAMED_COUNT_FLOOR = 2  # "one" is an idiom ("one of the"); "Four Nos", "Three Withs" name things


# --- lists -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Listed:
    members: tuple[tuple[str, tuple[Quantity, ...], int, int], ...]  # name, the figures written with it, its span
    closed: bool
    head: str  # what the list is of, without its count: "Vietnam has established a ... partnership with"


_PARENTHESES = re.compile(r"\s{0,3}\([^()]{0,200}\)")  # bounded: source text is untrusted


def find_list(quote: str, figures: list[Quantity]) -> _Listed | None:
    """The names a quote lists after a colon or "including"/"such as": closed when the quote
    counts them ("with five countries: ..."), open when it says they are examples."""
    intro, intro_at, at = _list_start(quote)
    if intro is None:
        return _enumeration(quote, figures)
    body = quote[at:].rstrip(" .;")
    items: list[tuple[str, int, int]] = []  # each member as written, and its span in the quote
    pos = at
    for piece in body.split(","):
        start = quote.index(piece, pos)
        pos = start + len(piece)
        text = re.sub(r"^\s*(?:and|or)\s+", "", piece)
        a = start + (len(piece) - len(text))
        items.append((text.strip(), a, pos))
    if items and " and " in items[-1][0]:
        last, a, b = items.pop()
        cut = a + last.index(" and ")
        items += [(last[:cut - a], a, cut), (last[cut - a + len(" and "):], cut + len(" and "), b)]
    names = []
    for text, a, b in items:
        if len(text) > MEMBER_CHARS:
            return None
        name = _PARENTHESES.sub("", text).strip().strip("\"“”'’.")
        name = re.sub(r"^the\s+", "", name)
        if not name or len(name.split()) > MEMBER_WORDS:
            return None
        names.append((name, a, b))
    counted = [q for q in figures if q.kind is Kind.COUNT and q.qualifier is Qualifier.EXACT and q.end <= at and not q.weak]
    count_fits = any(q.value == len(names) for q in counted)
    capitalised = all(n[:1].isupper() for n, _, _ in names)
    if len(names) < 2 or len({n.lower() for n, _, _ in names}) < len(names) or not (capitalised or count_fits):
        return None
    members = tuple((n, tuple(q for q in figures if a <= q.start and q.end <= b and not q.weak), a, b) for n, a, b in names)
    head_end = next((q.start for q in counted if q.value == len(names)), intro_at)
    return _Listed(members, intro == ":" and count_fits, quote[:head_end].rstrip(" ,:"))


_ENUMERATED_AFTER = re.compile(r"(?<!\w)(?:with|to|in|from|between|by|of|visited)\s+")
MIN_ENUMERATED = 3  # names in a row, the last after "and", that make a list without a colon


def _enumeration(quote: str, figures: list[Quantity]) -> _Listed | None:
    """Names in a row after a preposition, the last after "and" ("signed FTAs with ASEAN,
    Japan, Chile, the EU and South Korea"): a list, open, for the source does not count it."""
    for m in _ENUMERATED_AFTER.finditer(quote):
        items = _names_in_a_row(quote, m.end())
        if len(items) >= MIN_ENUMERATED and len({n.lower() for n, _, _ in items}) == len(items):
            members = tuple((n, tuple(q for q in figures if a <= q.start and q.end <= b and not q.weak), a, b) for n, a, b in items)
            return _Listed(members, False, quote[:m.end()].rstrip())
    return None


def _names_in_a_row(quote: str, pos: int) -> list[tuple[str, int, int]]:
    """The names from `pos` separated by commas, up to the one after "and"; [] when the run
    does not end so."""
    items: list[tuple[str, int, int]] = []
    while pos < len(quote):
        end = min((i for i in (quote.find(",", pos), quote.find(";", pos)) if i >= 0), default=len(quote))
        piece = quote[pos:end]
        last = re.match(r"\s*and\s+", piece) if items else None
        joined = piece.find(" and ") if not last else -1
        if last or joined >= 0:
            pairs = [(pos + last.end(), end)] if last else [(pos, pos + joined), (pos + joined + len(" and "), end)]
            names = [(_member_name(quote[a:b]), a, b) for a, b in pairs]
            return items + names if all(n for n, _, _ in names) else []
        name = _member_name(piece)
        if not name or end == len(quote) or quote[end] != ",":
            return []
        items.append((name, pos, end))
        pos = end + 1
    return []


def _member_name(text: str) -> str:
    """A list item as a member's name: "the European Union (EU)" is "European Union"; "" for
    an item that is no name (lower case, or too long)."""
    if len(text) > MEMBER_CHARS:
        return ""
    name = re.sub(r"^the\s+", "", _PARENTHESES.sub("", text).strip().strip("\"“”'’.").strip())
    return name if name[:1].isupper() and len(name.split()) <= MEMBER_WORDS else ""


def _list_start(quote: str) -> tuple[str | None, int, int]:
    """How a list is introduced (":" or a cue), where that starts and where the list starts."""
    colon = quote.find(": ")
    if colon > 0:
        return ":", colon, colon + 2
    low = quote.lower()
    for cue in cues().list:
        m = re.search(r"(?<!\w)" + re.escape(cue) + r"\s+", low)
        if m:
            return cue, m.start(), m.end()
    return None, 0, 0


# --- values ------------------------------------------------------------------------------------


UNITLESS_KINDS = frozenset({"percent", "multiple"})  # the claims file gives these no unit
UNIT_KINDS = frozenset({"money", "duration", "measure"})  # and these always one (by name: not every version has measures)


def value_fields(q: Quantity) -> dict | None:
    """A parsed figure as the claims file writes a value; None for one it cannot write."""
    if q.kind is Kind.DATE and q.span:
        value, part = date_value(q.span)
        fields: dict = {"kind": "date", "value": value}
        if part:
            fields["part"] = part
        if q.relation:
            fields["relation"] = q.relation
    elif q.kind is Kind.PERIOD and q.span and q.span_to:
        (start, p1), (end, p2) = date_value(q.span), date_value(q.span_to)
        if p1 or p2:
            return None  # a period's ends carry no part in the claims file
        fields = {"kind": "period", "from": start, "to": end}
    elif q.value is not None:
        fields = {"kind": q.kind.value, "value": _number(q.value)}
        if q.kind is Kind.RATIO:
            fields["of"] = _number(q.of or 0)
        if q.unit and q.kind.value not in UNITLESS_KINDS:
            fields["unit"] = q.unit
        elif q.kind.value in UNIT_KINDS:
            return None  # their unit is required
        if q.qualifier is not Qualifier.EXACT and q.kind is not Kind.ORDINAL:
            fields["qualifier"] = q.qualifier.value
    else:
        return None
    fields["text"] = q.text
    return fields


def _number(value: float) -> int | float:
    return int(value) if value == int(value) and abs(value) < 1e18 else value


def date_value(span: Span) -> tuple[str, str]:
    """A date's interval as the claims file writes it: (value, part), e.g. ("1995-07-12", ""),
    ("1946", "late"), ("1960s", ""), ("C13", "")."""
    y = span.first.year
    decade, century = y // 10 * 10, (y - 1) // 100 + 1
    candidates = [(f"{y:04d}-{span.first.month:02d}-{span.first.day:02d}", ""), (f"{y:04d}-{span.first.month:02d}", ""), (f"{y:04d}", "")]
    candidates += [(base, part) for base in (f"{y:04d}", f"{decade:04d}s", f"C{century}") for part in ("", "early", "mid", "late")]
    for value, part in candidates:
        try:
            if span_of(value, part) == span:
                return value, part
        except ValueError:
            continue
    return f"{y:04d}", ""  # not reached for a span the parser made


# --- names, ids and topics ---------------------------------------------------------------------

_WORD = re.compile(r"[^\W_][\w’'.&-]*")
_JOINERS = frozenset({"of", "the", "for", "de", "and"})
_NOT_PARTIES = frozenset({"i", "first", "second", "third", "fourth", "fifth", "finally", "however", "moreover",
                          "furthermore", "therefore", "thus", "meanwhile", "currently", "today", "yet", "up"})


def parties_of(text: str) -> tuple[str, ...]:
    """The names a statement is about: runs of capitalised words ("Republic of Korea"), not
    the sentence's first word when it is an ordinary one, nor months."""
    from .quantities import MONTHS

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


def guess_topic(text: str, allowed: tuple[str, ...] | None, used: tuple[str, ...] = ()) -> tuple[str, bool]:
    """(topic, guessed): the allowed topic whose cues the text says most often. Without a cue,
    `undecided` where any topic will do, else the first allowed one, marked as guessed."""
    candidates = allowed or used or tuple(topic_cues())
    folded = " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "
    scores = Counter()
    for topic in candidates:
        name = topic.replace("-", " ")
        words = (*topic_cues().get(topic, ()), name, name.removesuffix("s"))  # "lighthouses": "lighthouse" too
        scores[topic] = sum(folded.count(f" {w} ") for w in words)
    best = max(candidates, key=lambda t: scores[t], default=None)
    if best is not None and scores[best] > 0:
        return best, False
    if allowed:
        return allowed[0], True
    return UNDECIDED_TOPIC, True


__all__ = ["ExtractError", "Extraction", "Proposal", "extract", "facts", "value_fields", "date_value"]
