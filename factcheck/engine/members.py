"""A claim against an entry's list: the members it names, whether it calls the list by its
name ("the Four Nos"), and what it names that the list does not have."""

from __future__ import annotations

from dataclasses import dataclass

from ..claimsfile.claims import Entry, ListSpec, Member
from ..language.normalise import keys, name_keys, tokens
from .match import IMPLICIT_NAMES, Candidate, Index
from .reading import TELLING, ReadClaim, claims_membership

MEMBER_MATCH = 0.6  # share of a descriptive list member's words a claim must contain
# A list's name the claim gives must weigh like two telling words: "the Four Nos" names a list,
# a common word of one of its aliases ("partners") does not
LIST_NAME_WEIGHT = 2.0


@dataclass(frozen=True)
class ListWords:
    """An entry's list, in words: each member's name forms, all members' words, the words of
    what the entry says besides (statement, aliases, parties), and both together."""

    forms: tuple[tuple[Member, tuple[tuple[str, ...], ...]], ...]  # each member and its names' keys
    members: frozenset[str]
    said: frozenset[str]
    known: frozenset[str]


class Lists:
    """The entries' lists, as claims name them; each list's words worked out once."""

    def __init__(self, index: Index):
        self.index = index
        self._words: dict[str, ListWords] = {}

    def words(self, e: Entry) -> ListWords:
        """The words of an entry's list members and of what the entry says around them;
        worked out once per entry."""
        if (words := self._words.get(e.id)) is None:
            assert e.list is not None
            forms = tuple((m, tuple(f for n in (m.name, *m.aliases) if (f := name_keys(n)))) for m in e.list.members)
            members = frozenset(k for _, fs in forms for f in fs for k in f)
            said = frozenset(keys(tokens(" ".join((e.statement, *e.aliases, *e.parties)))))
            words = self._words[e.id] = ListWords(forms, members, said, said | members)
        return words

    def mentioned_members(self, claim_keys: frozenset[str], e: Entry) -> list[Member]:
        """The list members a claim names, by name or alias (most of a long one's words)."""
        return [m for m, forms in self.words(e).forms
                if any(sum(k in claim_keys for k in f) >= max(1, MEMBER_MATCH * len(f)) for f in forms)]

    def names_list(self, claim_keys: frozenset[str], e: Entry) -> bool:
        """Whether the claim calls the list by one of its names ("the Four Nos")."""
        for alias in e.aliases:
            k = name_keys(alias)
            if k and set(k) <= claim_keys and sum(self.index.weight(x) for x in k) >= LIST_NAME_WEIGHT:
                return True
        return False

    def names_closed_list(self, claim_keys: frozenset[str], e: Entry) -> bool:
        """Whether the entry has a closed list and the claim calls it by its name: it may then
        exclude a claimed item whatever else the claim says."""
        return bool(e.list and e.list.closed and self.names_list(claim_keys, e))

    def outsiders(self, said: ReadClaim, e: Entry) -> list[str]:
        """The names a claim gives that are not members of the entry's list (known names,
        and proper nouns no entry knows: "Angola"), or the descriptive item it claims."""
        assert e.list is not None
        claim, toks = said.text, said.toks
        words = self.words(e)
        outsiders = [claim[a:b] for n, a, b in self.index.name_spans(toks)
                     if n not in IMPLICIT_NAMES and not set(n) <= words.members and not set(n) <= words.said]
        outsiders += said.strangers
        if not outsiders and e.list.closed and claims_membership(claim) and not self.mentioned_members(said.keys, e) and self.names_list(said.keys, e):
            # a descriptive item the list does not have: "no participation in UN peacekeeping"
            rest = [t for t in toks if not t.negator and t.key not in words.known and self.index.weight(t.key) > TELLING]
            if rest and _shaped_like_members(e.list, {t.key for t in rest}, said.denials):
                outsiders = [claim[rest[0].start:rest[-1].end]]
        return outsiders


def only_outsiders_missing(cand: Candidate, outsiders: list[str]) -> bool:
    """Whether the names the entry lacks are all among the claimed items its list lacks."""
    shown = {name_keys(o) for o in outsiders}
    return all(n in shown or any(set(n) <= set(o) for o in shown) for n in cand.missing_names)


def _shaped_like_members(listed: ListSpec, rest: set[str], denials: list[frozenset[str]]) -> bool:
    """A claimed item takes the form of the list's items: where every item is a denial
    ("no military alliances"), so must the claimed one be."""
    if all(any(t.negator for t in tokens(m.name)[:1]) for m in listed.members):
        return any(scope & rest for scope in denials)
    return True
