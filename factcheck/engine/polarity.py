"""What an entry makes of what a claim asserts besides its figures: whether one denies what the
other affirms, or says the opposite word ("leave" where the source says "joins"); and the names
a claim gives as the objects of what an entry denies of all ("takes sides with China")."""

from __future__ import annotations

from dataclasses import dataclass

from ..language.normalise import LIGHT_KEYS, heads, keys, tokens
from .match import Candidate, Index
from .meaning import Contrasts, Opposed, denies, unmatched_denial
from .reading import MIN_WORDS, ReadClaim

OBJECT_REACH = 4  # words from a predicate to a name that is its object ("sides with Washington")


@dataclass(frozen=True)
class Polarity:
    """What an entry makes of what a claim asserts besides its figures."""

    flipped: bool  # one denies what the other affirms
    opposed: tuple[Opposed, ...]  # the claim's words whose opposite the entry says
    polarity_differs: bool  # flipped, and otherwise the same: a conflict
    says_opposite: bool  # opposed, and otherwise the same: a conflict
    reasons: tuple[str, ...]


def polarity(said: ReadClaim, cand: Candidate, contrasts: Contrasts,
             same_otherwise: bool, figures_differ: bool, near_otherwise: bool) -> Polarity:
    """What the entry makes of what the claim asserts besides its figures: a denial of what
    it affirms (or the reverse), or the opposite of one of its words. `same_otherwise`: the
    claim otherwise says what the entry says, figures agreeing; `near_otherwise`: about as
    much, which is enough where the claim says the opposite word."""
    e, p = cand.entry, cand.prepared
    flipped = unmatched_denial(said.denials, p.core, p.denies, said.keys)
    opposed = tuple(contrasts.opposed(said.text, (e.statement, *e.aliases)))
    reasons: list[str] = []
    if flipped and opposed and all(denies_word(said, o.claim_says) for o in opposed) and not p.denies:
        # "Moscow did not discourage the withdrawal" against "encouraged it": what the
        # source says rules out what the claim denies
        flipped, opposed = False, ()
    if flipped and opposed:  # "did not sever" where the source denies something too: not the same, not the opposite
        reasons.append(f"the claim denies “{opposed[0].claim_says}” where the source says “{opposed[0].source_says}”")
    polarity_differs = flipped and not opposed and same_otherwise
    if polarity_differs:
        claim_denies = denies(said.denials, p.core, bare=True)
        reasons.append("the claim denies what the source affirms" if claim_denies else "the claim affirms what the source denies")
    enough_to_oppose = len(said.keys - LIGHT_KEYS) >= MIN_WORDS  # "After The War Was Over." (a title) says too little
    says_opposite = bool(opposed) and not flipped and not figures_differ and (same_otherwise or near_otherwise) and enough_to_oppose
    if says_opposite:
        reasons += [f"the claim says “{o.claim_says}”; the source says “{o.source_says}”" for o in opposed]
    elif opposed and not flipped:
        reasons.append(f"the claim says “{opposed[0].claim_says}” where the source says “{opposed[0].source_says}”")
    return Polarity(flipped, opposed, polarity_differs, says_opposite, tuple(reasons))


def denies_word(said: ReadClaim, word: str) -> bool:
    """Whether the claim's denials deny `word` (a contrast's form, as the claim writes it),
    a form that is no denial itself ("refused to recognise" is one)."""
    toks = tokens(word)
    wanted = set(keys(toks))
    return bool(wanted) and not any(t.negator for t in toks) and any(wanted <= scope for scope in said.denials)


def sides_taken(said: ReadClaim, cand: Candidate) -> set[tuple[str, ...]]:
    """The names the entry lacks that the claim gives as the objects of what the entry
    denies without naming any ("takes sides with China against the US" against "does not
    take sides"): within OBJECT_REACH words after a word the entry's denial denies first,
    which the claim affirms."""
    named = {k for name in cand.prepared.names for k in name}
    denied = {k for scope in cand.prepared.denies if not scope & named for k in heads(scope)}
    affirmed = [i for i, t in enumerate(said.toks) if t.key in denied and not any(t.key in scope for scope in said.denials)]
    out = set()
    for name in cand.missing_names:
        at = [i for i, t in enumerate(said.toks) if t.key == name[0]]
        if any(0 < j - i <= OBJECT_REACH for i in affirmed for j in at):
            out.add(name)
    return out


def sides_weight(said: ReadClaim, sides: set[tuple[str, ...]], index: Index, counted: frozenset[str]) -> float:
    """The weight of the names a claim gives as the objects of a predicate an entry denies,
    but for words `counted` already."""
    return sum(index.weight(k) for k in {k for name in sides for k in name} if k in said.keys and k not in counted)
