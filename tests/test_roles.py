"""Who does what to whom: two countries the claim puts round a shared word the other way from
the source make the claim another one, never supported."""

from __future__ import annotations

import pytest

from factcheck.engine.corpus import Corpus, bundled_claims
from factcheck.engine.match import COUNTRY_NAMES
from factcheck.engine.roles import Swap, quotes_swapped, swapped


def is_country(key: str) -> bool:
    return (key,) in COUNTRY_NAMES


@pytest.mark.parametrize(
    "claim, source, expected",
    [
        ("US exports to Vietnam topped $1 billion.", "Vietnamese exports to the US topped $1 billion.", [Swap("usa", "export", "vietnam")]),
        ("The Viet Minh helped Japanese forces fight the Americans.", "The Viet Minh assisted American forces against the Japanese.",
         [Swap("japan", "forc", "usa")]),
        ("Vietnamese exports to the US topped $1 billion.", "Vietnamese exports to the US topped $1 billion.", []),
        ("Exports to the US from Vietnam topped $1 billion.", "Vietnamese exports to the US topped $1 billion.", []),
        ("Vietnam was recognised by China in 1950.", "China recognised Vietnam in 1950.", []),
        ("China recognised Vietnam in 1950.", "China recognised Vietnam, and Vietnam recognised China.", []),
        ("The revolution led to the DRV.", "The DRV was the outcome of the revolution.", []),
    ],
    ids=["exports-the-other-way", "helped-the-other-side", "the-same-order", "no-word-between-in-the-claim", "passive-voice",
         "both-orders-in-the-source", "not-countries"],
)
def test_swapped(claim: str, source: str, expected: list[Swap]) -> None:
    assert swapped(claim, [source], is_country) == expected


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("During the Second World War the Viet Minh helped Japanese forces fight the Americans in Indochina.", "unverified"),
        ("US exports to Vietnam topped $1 billion in 2001.", "unverified"),
        ("Vietnamese exports to the US topped $1 billion in 2001.", "supported"),
    ],
)
def test_a_swap_is_never_supported(claim: str, verdict: str) -> None:
    assert Corpus.load(bundled_claims()).checker.check(claim).verdict.value == verdict


@pytest.mark.parametrize(
    "claim, source, expected",
    [
        ("The formula moved from 'ready to be a friend' to 'wants to be a friend'.",
         'The formula evolved from "wants to be a friend" and "ready to be a friend" to more.', ("ready to be a friend", "wants to be a friend")),
        ("The formula moved from 'wants to be a friend' to 'ready to be a friend'.",
         'The formula evolved from "wants to be a friend" and "ready to be a friend" to more.', None),
        ("Vietnam's formula 'wants to be a friend' is old.", 'The formula "wants to be a friend" is old.', None),
        ("The motto 'more friends, fewer enemies' and 'warm inside, calm outside'.", "No quotation here.", None),
    ],
    ids=["the-other-order", "the-same-order", "an-apostrophe-is-no-quote", "quotes-the-source-lacks"],
)
def test_quotes_swapped(claim: str, source: str, expected: tuple[str, str] | None) -> None:
    assert quotes_swapped(claim, [source]) == expected
