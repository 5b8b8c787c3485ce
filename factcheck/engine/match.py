"""Which entries a claim is about: an inverted index of normalised terms, weighted by rarity.

A claim's words are weighed by how rare they are among the entries (IDF), so "Laos" or
"coffee" counts for more than "Vietnam" or "relations". An entry scores by how much of that
weight its own words cover. Names (countries, organisations, people, list members) are also
kept apart: an entry may only contradict a claim whose named subjects it knows.
"""

from __future__ import annotations

import heapq
import math
import re
import sys
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property, lru_cache
from operator import itemgetter

from rapidfuzz import fuzz, process

from ..claimsfile.claims import ClaimsFile, Entry
from ..language.knowledge import parse_equivalents
from ..language.normalise import (
    LIGHT_WORDS,
    NAMES,
    Token,
    Tokens,
    headline_cased,
    keys,
    lengths_by_first_word,
    name_keys,
    negation_scopes,
    stem,
    tokens,
    use_equivalents,
)
from ..language.quantities import parse
from .postings import Postings

# Named things every entry is about, or that no claim is about alone.
IMPLICIT_NAMES = frozenset({("vietnam",), ("drv",), ("vietminh",)})
CONTEXT_WEIGHT = 0.5
# A word no entry uses is as telling as a word three entries use, no more: paraphrase brings in
# new words too, and a misspelt one must not outweigh the words the claim shares with its entry.
UNKNOWN_AS_USED_BY = 3
# A word of a source's author or publisher that no entry uses: a claim citing them ("says Vu Van
# Hien") names no missing subject, so the word is light, not the weight of an unknown word.
ATTRIBUTION_WEIGHT = 0.3
POLICY_NAME_WEIGHT = 3.0  # an alias this weighty names a policy: a sentence naming it is worth a look
_SENTENCE_END = re.compile(r"[.!?:;\"“]\s*$").search  # between two words: the second starts a sentence
FEW_HITS = 5000  # below this many postings, adding up every hit is quicker than skipping some
# numpy's import costs a check about 60 ms, which a scan earns back within a few dozen claims
# of many hits: one check scores its claim in Python, a scan switches to numpy (scoring.py)
CLAIMS_BEFORE_NUMPY = 16
_PLACES = """
laos, cambodia, cuba, india, japan, chile, thailand, burma, myanmar, france, germany, italy,
spain, algeria, morocco, mozambique, sierra leone, nigeria, sudan, south sudan, liberia, benin,
guinea, indonesia, philippines, malaysia, singapore, australia, new zealand, canada, sweden,
norway, venezuela, nicaragua, palestine, israel, ukraine, brazil, mexico, egypt, iran, iraq,
pakistan, taiwan, mongolia, brunei, asean, interpol, nato, africa, europe, asia, latin america
"""
COUNTRY_NAMES = frozenset(
    tuple(v.split()) for v in NAMES.values() if v not in {"defence", "organisation", "organisations", "peacekeeping", "nos", "fta"}
) | frozenset(name_keys(p) for p in _PLACES.split(",") if p.strip())


@dataclass(frozen=True)
class Prepared:
    """An entry with its words and names ready for comparison."""

    entry: Entry
    vocab: frozenset[str]  # words of the statement, aliases, rewordings, parties, members and quotes
    core: frozenset[str]  # words of the statement, aliases, rewordings (supported examples) and list members only
    names: frozenset[tuple[str, ...]]
    denies: tuple[frozenset[str], ...]  # what the denials of its statement and rewordings deny (negation scopes)
    statement_text: str  # folded plain text, for rapidfuzz tie-breaks


@dataclass(frozen=True)
class Hits:
    """What a claim's words alone say of the entries: each word's weight, their total, and the
    entries covering most of that weight with what they cover, most first."""

    weighted: dict[str, float]
    total: float
    ranked: list[tuple[int, float]]


@dataclass(frozen=True)
class Candidate:
    prepared: Prepared
    covered: float  # weight of the claim's words found among the entry's words
    covered_core: float  # ... among the words of its statement, aliases and members
    total: float  # weight of all the claim's words
    ratio: float  # rapidfuzz token_set_ratio of claim and statement, 0..1
    missing_names: tuple[tuple[str, ...], ...]  # claim names the entry does not know

    @property
    def coverage(self) -> float:
        return self.covered / self.total if self.total else 0.0

    @cached_property
    def score(self) -> float:
        return score_of(self.covered, self.total, self.ratio)

    @property
    def entry(self) -> Entry:
        return self.prepared.entry


def score_of(covered: float, total: float, ratio: float) -> float:
    """0..100, for ranking and display: mostly how much of the claim's weight the entry
    covers, a little how alike the texts read."""
    return 100 * (0.8 * (covered / total if total else 0.0) + 0.2 * ratio)


_ACRONYM = re.compile(r"[A-Z]{2,}").fullmatch


class Index:
    """The claims file prepared for matching; built once per file."""

    def __init__(self, claims: ClaimsFile, passages: dict[str, list[str]] | None = None, attributions: Sequence[str] = ()):
        """`passages`: each entry's evidence sentences; `attributions`: the sources' authors and
        publishers, whom a claim may cite ("Tran Dac Loi argues") without changing the fact."""
        self.begin(claims)
        self.prepared: Sequence[Prepared] = [self.prepare(e, (passages or {}).get(e.id, [])) for e in claims.entries]
        self.finish(Postings.of(p.vocab for p in self.prepared), attributions)

    @classmethod
    def begun(cls, claims: ClaimsFile) -> Index:
        """An index ready for its entries to be prepared (prepare) and then finished (finish)."""
        index = cls.__new__(cls)
        index.begin(claims)
        return index

    def begin(self, claims: ClaimsFile) -> None:
        """What preparing an entry needs: the names of the claims file (its parties and list
        members), known before any entry is read. Building in steps (begin, prepare each entry,
        finish) lets worker processes prepare the entries (build.py)."""
        self.claims = claims
        use_equivalents(parse_equivalents("\n".join(claims.vocabulary.equivalents)))  # before any entry is read
        names: set[tuple[str, ...]] = set(COUNTRY_NAMES)
        for e in claims.entries:
            # list members are names when written as names ("Chile"), not as phrases ("aid")
            for name in (*e.parties, *(m for m in _member_names(e) if m[:1].isupper())):
                if k := name_keys(name):
                    names.add(k)
        self.names: AbstractSet[tuple[str, ...]] = names
        # of the names each word starts: an entry's words are looked up only at those lengths
        self.name_lengths: Mapping[str, Sequence[int]] = lengths_by_first_word(names)
        self._spans_of: Sequence[Token] | None = None  # the token list name_spans last answered, and its answer
        self._spans: list[tuple[tuple[str, ...], int, int]] = []

    def prepare(self, e: Entry, sentences: Sequence[str]) -> Prepared:
        """An entry ready for comparison; `sentences`: the whole sentences its quotes sit in."""
        member_names = _member_names(e)
        tokenised: dict[str, Tokens] = {}  # each text once: the core's texts are among all the texts

        def words(texts: Sequence[str]) -> list[Token]:
            return [t for text in texts for t in tokenised.get(text) or tokenised.setdefault(text, tokens(without_figures(text)))]

        core_texts = [e.statement, *e.aliases, *e.rewordings]
        toks = words([*core_texts, *e.parties, *(q.quote for q in e.evidence), *sentences, *member_names])
        core_toks = words([*core_texts, *member_names])
        ent_names = frozenset(self.find_names(core_toks)) | {name_keys(p) for p in e.parties if name_keys(p)}
        ent_names |= {name_keys(m) for m in member_names}
        statement_toks = tokens(e.statement)
        # what its rewordings deny, it denies too: their words are in its core
        denies = tuple(negation_scopes(e.statement, statement_toks)) + tuple(
            scope for text in e.rewordings for scope in negation_scopes(text, tokens(text)))
        return Prepared(e, frozenset(keys(toks)), frozenset(keys(core_toks)), ent_names, denies, " ".join(keys(statement_toks)))

    def finish(self, postings: Postings, attributions: Sequence[str]) -> None:
        """Word weights, the sources' authors and publishers, and policy names, once every
        entry's words are in `postings`."""
        self.postings = postings
        self._by_id: Mapping[str, Prepared] = {p.entry.id: p for p in self.prepared}
        self.entry_count = n = max(len(self.claims.entries), 1)
        # a word's weight follows from how many entries use it (weight()); these are the exceptions
        self.idf: dict[str, float] = {}
        self.unknown_idf = math.log((n + 1) / (UNKNOWN_AS_USED_BY + 0.5))  # as _rarity() weighs a used word
        for word in LIGHT_WORDS:
            self.idf[stem(word)] = min(self._rarity(stem(word), 1.0), 0.5)
        # whom a claim may cite: never a missing subject, and light where no entry uses the words
        # a name cited without its titles ("Vu Van Hien" for "Prof. Vu Van Hien") still counts
        self.attribution_names: AbstractSet[tuple[str, ...]] = frozenset(ks[i:] for a in attributions if (ks := name_keys(a)) for i in range(len(ks) - 1 or 1))
        self.names = self.names | self.attribution_names
        self.attribution = frozenset(k for a in attributions for k in keys(tokens(a)))
        for k in self.attribution:
            if k not in self.postings:
                self.idf[k] = ATTRIBUTION_WEIGHT
        self.start_memos()  # the weights are settled
        self.name_lengths = lengths_by_first_word(self.names)
        self.policy_names = self._policy_names()

    def _policy_names(self) -> dict[str, list[tuple[str, ...]]]:
        """Entry aliases weighty enough to name a policy ("the Four Nos"), by their first word:
        worked out as the index is built and kept with it, as working them out from the cache
        would read every entry (13 s at 100,000 entries)."""
        out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for e in self.claims.entries:
            for alias in e.aliases:
                k = name_keys(alias)
                if k and sum(self.weight(x) for x in k) >= POLICY_NAME_WEIGHT:
                    out[k[0]].append(k)
        return dict(out)

    @cached_property
    def statements(self) -> Sequence[str]:
        """Each entry's statement_text, by number: ranking reads them before it reads the
        entries (a cache stores them apart: strtable.Texts)."""
        return [p.statement_text for p in self.prepared]

    @cached_property
    def entry_ids(self) -> Sequence[str]:
        """Each entry's id, by number: ranking breaks ties by id before it reads the entries
        (a cache stores them apart: strtable.Texts)."""
        return [p.entry.id for p in self.prepared]

    def prepared_for(self, entry_id: str) -> Prepared:
        return self._by_id[entry_id]

    def without_attributions(self, toks: Tokens) -> Tokens:
        """The claim's words less the sources' authors and publishers it cites ("according to
        the Communist Review"): who said it is not what was said."""
        cited = [(a, b) for n, a, b in self.name_spans(toks) if n in self.attribution_names]
        if not cited:
            return toks  # the same tokens, whose names name_spans has just found
        return tuple(t for t in toks if not any(a <= t.start and t.end <= b for a, b in cited))

    def unknown_proper_nouns(self, claim: str, toks: Sequence[Token]) -> list[str]:
        """Capitalised words no entry knows ("Pete Peterson", "Angola"): a claim naming them
        is about something the claims file does not cover."""
        out: list[str] = []
        out_start = out_end = 0  # the span of out's last name, grown while capitalised words follow
        if headline_cased(claim):
            return out  # in Title Case every word is capitalised: none is known to be a name
        first = next((t.start for t in toks), 0)
        sentence_starts = {first} | {t.start for prev, t in zip(toks, toks[1:]) if _SENTENCE_END(claim, prev.end, t.start)}
        for t in toks:
            word = claim[t.start:t.end]
            if t.negator or not word[:1].isupper() or (t.start in sentence_starts and not _ACRONYM(word)):
                continue  # a sentence's first word is capitalised anyway, but "VUFO" is a name
            if t.key in self.postings or t.key in self.attribution or (t.key,) in self.names:
                continue
            if out and claim[out_end:t.start].strip() == "":
                out[-1] = claim[out_start:t.end]
                out_end = t.end
                continue
            out.append(word)
            out_start, out_end = t.start, t.end
        return out

    def shown_names(self, claim: str, toks: Sequence[Token], names: tuple[tuple[str, ...], ...]) -> list[str]:
        """Names as the claim writes them, for reasons."""
        spans = {n: claim[a:b] for n, a, b in self.name_spans(toks)}
        return [spans.get(n, " ".join(n)) for n in names]

    def find_names(self, toks: Sequence[Token]) -> list[tuple[str, ...]]:
        return [name for name, _, _ in self.name_spans(toks)]

    def name_spans(self, toks: Sequence[Token]) -> list[tuple[tuple[str, ...], int, int]]:
        """Known names in a token list with their character spans, longest first, no overlaps.
        A check asks this of the same token list once per candidate entry, so the last answer
        is kept (a token list is never changed once made)."""
        if self._spans_of is toks:
            return list(self._spans)
        content = [t for t in toks if not t.negator]
        found = []
        lengths = self.name_lengths
        i = 0
        while i < len(content):
            room = len(content) - i
            if content[i].key not in lengths:  # only the lengths of the names a word starts are tried
                i += 1
                continue
            tried = [n for n in lengths[content[i].key] if n <= room]
            for length in tried:
                cand = tuple(t.key for t in content[i:i + length])
                if cand in self.names:
                    found.append((cand, content[i].start, content[i + length - 1].end))
                    i += length
                    break
            else:
                i += 1
        self._spans_of, self._spans = toks, found
        return list(found)

    def start_memos(self) -> None:
        """What a process learns as it checks (never stored in the cache, MEMOS): each word's
        weight, worked out once, as a scan asks it of the same words thousands of times."""
        self.many_hits = 0
        self.weights: dict[str, float] = {}

    MEMOS = ("many_hits", "weights")

    def weight(self, key: str) -> float:
        w = self.weights.get(key)
        if w is None:
            exception = self.idf.get(key)
            w = self.weights[key] = self._rarity(key, self.unknown_idf) if exception is None else exception
        return w

    def _rarity(self, key: str, unknown: float) -> float:
        """IDF: the rarer among the entries, the weightier."""
        used = self.postings.count(key)
        return math.log((self.entry_count + 1) / (used + 0.5)) if used else unknown

    def covering(self, claim_toks: Sequence[Token], limit: int = 20, context: Sequence[Token] = ()) -> Hits:
        """The entries sharing most of the claim's weight, before any text is compared. Words
        of the context (the sentence before, in a draft) count half."""
        weighted = {k: self.weight(k) for k in dict.fromkeys(keys(claim_toks))}
        claim_words = len(weighted)
        for k in dict.fromkeys(keys(context)):
            weighted.setdefault(k, CONTEXT_WEIGHT * self.weight(k))
        lists = [self.postings.get(k) for k in weighted]
        ranked = []
        if claim_words:
            many = sum(map(len, lists)) >= FEW_HITS
            self.many_hits += many
            compiled = many and ("numpy" in sys.modules or self.many_hits > CLAIMS_BEFORE_NUMPY)
            ranked = most_covered(lists, list(weighted.values()), limit * 3, len(self.prepared) if compiled else None)
        return Hits(weighted, sum(weighted.values()), ranked)

    def candidates(self, claim_toks: Sequence[Token], hits: Hits, limit: int = 20) -> list[Candidate]:
        """The entries of `hits` best matching the claim, best first."""
        weighted, total, ranked = hits.weighted, hits.total, hits.ranked
        if not ranked:
            return []
        claim_names = [n for n in self.find_names(claim_toks) if n not in IMPLICIT_NAMES and n not in self.attribution_names]
        claim_text = " ".join(dict.fromkeys(keys(claim_toks)))
        scored = []
        best: list[float] = []  # the `limit` best scores so far (a heap)
        statements, ids = self.statements, self.entry_ids
        # one call for all the hits, scored only as far as the loop reads (the query is
        # prepared once, not once per entry), their statements read as far too; an entry is
        # read (from the cache) only once it is among the best
        ratios = process.extract_iter(claim_text, (statements[i] for i, _ in ranked), scorer=fuzz.token_set_ratio, processor=None)
        for (i, covered), (_, ratio, _) in zip(ranked, ratios):
            if len(best) == limit and total > 0 and score_of(covered, total, 1.0) < best[0] - 1e-9:
                break  # not even a perfect ratio lifts this entry, or any after it, among the best
            ratio /= 100
            score = score_of(covered, total, ratio)
            scored.append((-score, ids[i], i, covered, ratio))
            (heapq.heappush if len(best) < limit else heapq.heappushpop)(best, score)
        scored.sort(key=itemgetter(0, 1))
        out = []
        for _, _, i, covered, ratio in scored[:limit]:
            p = self.prepared[i]
            core = math.fsum(map(weighted.__getitem__, p.core.intersection(weighted)))
            missing = tuple(n for n in claim_names if n not in p.names and not _name_in_vocab(n, p.core)) if claim_names else ()
            out.append(Candidate(p, covered, core, total, ratio, missing))
        return out


def most_covered(lists: Sequence[Sequence[int]], weights: list[float], n: int, size: int | None = None) -> list[tuple[int, float]]:
    """The n entries whose words carry most of the claim's weight, with that weight, ranked as
    a Counter of every hit would rank them (ties in order of first hit), without adding up
    every hit: the rarest words are read first, and once n entries are sure to stay ahead of
    anything the remaining words could lift, the common words ("vietnam" is in nearly every
    entry) are only looked up for the entries already found, and each word looked up drops the
    entries it leaves out of reach. `lists`: each word's entries,
    in ascending order. `size`: the number of entries, to score with numpy (scoring.py), the
    same ranking in compiled code."""
    if sum(len(entries) for entries in lists) < FEW_HITS or any(w <= 0 for w, entries in zip(weights, lists) if len(entries)):
        return _count_all(lists, weights, n)
    if size is not None:
        import numpy as np

        from . import scoring

        return scoring.most_covered([np.asarray(e, dtype=np.int32) for e in lists], weights, n, size)
    order = sorted(range(len(lists)), key=lambda j: -weights[j])
    after = [0.0] * (len(order) + 1)  # weight of the words after each step
    for step in range(len(order) - 1, -1, -1):
        after[step] = after[step + 1] + (weights[order[step]] if lists[order[step]] else 0.0)
    words, partial, step = _first_words(lists, weights, n, order, after)
    for step in range(step, len(order)):
        j = order[step]
        for i in _among(lists[j], words):
            words[i] |= 1 << j
            partial[i] += weights[j]
        if len(words) > n:  # as the first words did: what the rest cannot lift to the n-th best is out
            floor = heapq.nlargest(n, map(partial.__getitem__, words))[-1] - after[step + 1] - 1e-9
            words = {i: bits for i, bits in words.items() if partial[i] >= floor}
    covered = {}
    for i, bits in words.items():
        total = 0.0
        for j, w in enumerate(weights):  # in the claim's order, as the Counter would add
            if bits >> j & 1:
                total += w
        covered[i] = total
    ranked = heapq.nsmallest(n, words, key=lambda i: (-covered[i], (words[i] & -words[i]).bit_length(), i))
    return [(i, covered[i]) for i in ranked]


def _first_words(lists: Sequence[Sequence[int]], weights: list[float], n: int, order: list[int],
                 after: list[float]) -> tuple[dict[int, int], dict[int, float], int]:
    """Every hit of the rarest words, until n entries are sure to stay ahead of anything the
    remaining words could lift: then only those entries, with the bits of the words each has,
    their weight so far, and the step reached."""
    unread = sum(len(entries) for entries in lists)
    words: dict[int, int] = {}  # entry -> bits of the words it has
    partial: dict[int, float] = {}
    step = 0
    while step < len(order):
        j = order[step]
        bit, w = 1 << j, weights[j]
        if words:
            for i in lists[j]:
                words[i] = words.get(i, 0) | bit
                partial[i] = partial.get(i, 0.0) + w
        else:  # the first word found: each of its entries, at once
            words, partial = dict.fromkeys(lists[j], bit), dict.fromkeys(lists[j], w)
        unread -= len(lists[j])
        step += 1
        if n <= len(partial) < unread and (nth := heapq.nlargest(n, partial.values())[-1]) > after[step] + 1e-9:
            # an entry that the remaining words cannot lift to the n-th best is out
            floor = nth - after[step] - 1e-9
            return {i: bits for i, bits in words.items() if partial[i] >= floor}, partial, step
    return words, partial, step


def _among(entries: Sequence[int], words: dict[int, int]) -> list[int]:
    """The entries of a word's list (ascending) that are among `words`: the shorter side is
    walked, the other looked up."""
    if len(entries) < len(words) * 4:
        return [i for i in entries if i in words]
    found = []
    for i in words:
        at = bisect_left(entries, i)
        if at < len(entries) and entries[at] == i:
            found.append(i)
    return found


def _count_all(lists: Sequence[Sequence[int]], weights: list[float], n: int) -> list[tuple[int, float]]:
    """Every hit added up; ranked as Counter.most_common ranks (ties in order of first hit)."""
    hits: dict[int, float] = {}
    get = hits.get
    for entries, w in zip(lists, weights):
        for i in entries:
            hits[i] = get(i, 0.0) + w
    return sorted(hits.items(), key=itemgetter(1), reverse=True)[:n]  # as nlargest ranks, quicker below FEW_HITS


@lru_cache(maxsize=4096)
def without_figures(text: str) -> str:
    """The text with its figures blanked out: they are compared as values, not as words
    (and "US" in "US dollars" names a currency, not a party)."""
    chars = list(text)
    for q in parse(text):
        chars[q.start:q.end] = " " * (q.end - q.start)
    return "".join(chars)


def _member_names(e: Entry) -> list[str]:
    if not e.list:
        return []
    return [n for m in e.list.members for n in (m.name, *m.aliases)]


def _name_in_vocab(name: tuple[str, ...], vocab: frozenset[str]) -> bool:
    return all(k in vocab for k in name)

