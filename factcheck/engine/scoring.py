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
SPARSE = 8  # hits read below 1/SPARSE of the entries: sort them to find who was hit, not scan all scores


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
        hit = _members(in_reach, entries)
        covered += np.where(hit, w, 0.0)  # x + 0.0 is x: the sums are those of adding every hit
        first[hit & (first > j)] = j
    best = np.lexsort((in_reach, first, -covered))[:n]
    return [(int(i), float(c)) for i, c in zip(in_reach[best], covered[best])]


def _members(sorted_ids: np.ndarray, entries: np.ndarray) -> np.ndarray:
    """Which of `sorted_ids` are in `entries` (both ascending, no repeats): a binary search of
    the shorter in the longer."""
    if len(sorted_ids) <= len(entries):
        at = np.minimum(np.searchsorted(entries, sorted_ids), len(entries) - 1)
        return entries[at] == sorted_ids
    at = np.minimum(np.searchsorted(sorted_ids, entries), len(sorted_ids) - 1)
    hit = np.zeros(len(sorted_ids), dtype=bool)
    hit[at[sorted_ids[at] == entries]] = True
    return hit


def _in_reach(lists: Sequence[np.ndarray], weights: Sequence[float], n: int, size: int) -> np.ndarray:
    """The entries that may be among the n best (ascending): those hit by the rarest words whose
    partial score the unread words could still lift to the n-th best."""
    order = [j for j in sorted(range(len(lists)), key=lambda j: -weights[j]) if len(lists[j])]
    read_weight, unread_weight = 0.0, sum(weights[j] for j in order)
    unread_hits = sum(len(lists[j]) for j in order)
    scores = np.zeros(size)  # positive weights only: an entry is seen when its score is above 0
    read: list[np.ndarray] = []
    read_hits = 0
    for j in order:
        entries = lists[j]
        scores[entries] += weights[j]  # no entry twice in one list: plain fancy indexing adds right
        read.append(entries)
        read_hits += len(entries)
        unread_hits -= len(entries)
        read_weight += weights[j]
        unread_weight -= weights[j]
        if unread_hits <= read_hits or read_weight <= unread_weight + SLACK:
            continue  # reading the rest costs less than trying to skip it, or no entry can be ahead yet
        seen = _seen(read, scores, read_hits)
        if len(seen) < n:
            continue
        partial = scores[seen]
        nth = np.partition(partial, len(partial) - n)[len(partial) - n]
        if nth > unread_weight + SLACK:  # no entry unseen so far can reach the n best
            return seen[partial >= nth - unread_weight - SLACK]
    return _seen(read, scores, read_hits) if read else np.zeros(0, dtype=np.int64)


def _seen(read: list[np.ndarray], scores: np.ndarray, hits: int) -> np.ndarray:
    """The entries hit so far, ascending."""
    if hits * SPARSE >= len(scores):
        return np.flatnonzero(scores)
    ids = np.sort(np.concatenate(read))
    return ids[np.concatenate(([True], ids[1:] != ids[:-1]))]
