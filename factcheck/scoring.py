"""The entries covering most of a claim's weight, added up by numpy over integer postings.

A claim of fifteen words against 100,000 entries touches millions of postings when its common
words ("vietnam", "relations") are read in full. The rarest words are read first, into one
dense array of scores; once the n best entries are sure to stay ahead of anything the unread
words could add, only the entries still in reach are looked up in the common words' postings
(a binary search each, all at once). The ranking is the one of adding up every hit in the
claim's word order: the same sums, bit for bit, and ties in order of first hit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

SLACK = 1e-9  # sums added in another order may differ in their last bits: never cut that close


def most_covered(lists: Sequence[np.ndarray], weights: Sequence[float], n: int, size: int) -> list[tuple[int, float]]:
    """The n entries (numbered below `size`) whose words carry most of the weight, with that
    weight, ranked by weight, then by the first word (in the claim's order) they have, then by
    number. Every weight must be positive; each list ascends."""
    in_reach = _in_reach(lists, weights, n, size)
    if not len(in_reach):
        return []
    covered = np.zeros(len(in_reach))
    first = np.full(len(in_reach), len(lists))
    for j, (entries, w) in enumerate(zip(lists, weights)):  # in the claim's order, as adding up would
        if not len(entries):
            continue
        at = np.searchsorted(entries, in_reach)
        hit = entries[np.minimum(at, len(entries) - 1)] == in_reach
        covered += np.where(hit, w, 0.0)  # x + 0.0 is x: the sums are those of adding every hit
        first = np.where(hit & (first > j), j, first)
    best = np.lexsort((in_reach, first, -covered))[:n]
    return [(int(i), float(c)) for i, c in zip(in_reach[best], covered[best])]


def _in_reach(lists: Sequence[np.ndarray], weights: Sequence[float], n: int, size: int) -> np.ndarray:
    """The entries that may be among the n best (ascending): those hit by the rarest words whose
    partial score the unread words could still lift to the n-th best."""
    order = sorted(range(len(lists)), key=lambda j: -weights[j])
    unread_weight = sum(weights[j] for j in order if len(lists[j]))
    unread_hits = sum(len(entries) for entries in lists)
    scores = np.zeros(size)
    read: list[np.ndarray] = []
    read_hits = 0
    for step, j in enumerate(order):
        entries = lists[j]
        if not len(entries):
            continue
        scores[entries] += weights[j]  # no entry twice in one list: plain fancy indexing adds right
        read.append(entries)
        read_hits += len(entries)
        unread_hits -= len(entries)
        unread_weight -= weights[j]
        if unread_hits <= read_hits:
            continue  # reading the rest costs less than trying to skip it
        seen = np.unique(np.concatenate(read))
        if len(seen) < n:
            continue
        partial = scores[seen]
        nth = np.partition(partial, len(partial) - n)[len(partial) - n]
        if nth > unread_weight + SLACK:  # no entry unseen so far can reach the n best
            return seen[partial >= nth - unread_weight - SLACK]
    return np.unique(np.concatenate(read)) if read else np.zeros(0, dtype=np.int64)
