"""Who does what to whom: two names the claim puts round a shared word the other way from the
source make the claim another one, never supported."""

from __future__ import annotations

import pytest

from factcheck.engine.corpus import Corpus, bundled_claims
from factcheck.engine.match import Index
from factcheck.engine.roles import Swap, quote_reordered, quotes_swapped, swapped


@pytest.fixture(scope="module")
def index() -> Index:
    """The names the bundled claims file knows: countries, parties, people, organisations."""
    return Corpus.load(bundled_claims()).checker.index


@pytest.mark.parametrize(
    "claim, source, expected",
    [
        ("US exports to Vietnam topped $1 billion.", "Vietnamese exports to the US topped $1 billion.", [Swap("usa", "export", "vietnam"), Swap("usa", "to", "vietnam")]),
        ("The Viet Minh helped Japanese forces fight the Americans.", "The Viet Minh assisted American forces against the Japanese.",
         [Swap("japan", "forc", "usa")]),
        ("Vietnamese exports to the US topped $1 billion.", "Vietnamese exports to the US topped $1 billion.", []),
        ("Exports to the US from Vietnam topped $1 billion.", "Vietnamese exports to the US topped $1 billion.", []),
        ("Vietnam was recognised by China in 1950.", "China recognised Vietnam in 1950.", []),
        ("China recognised Vietnam in 1950.", "China recognised Vietnam, and Vietnam recognised China.", []),
        ("The revolution led to the DRV.", "The DRV was the outcome of the revolution.", []),
        ("Aid from socialist countries to the United States during the war against Vietnam.",
         "Aid from socialist countries to Vietnam during the war against the United States.",
         [Swap("usa", "war", "vietnam"), Swap("usa", "against", "vietnam")]),
        ("Vietnam liberated the Khmer Rouge from Cambodia.", "Vietnam liberated Cambodia from the Khmer Rouge.",
         [Swap("khmer roug", "from", "cambodia")]),
        ("Under Gorbachev, Cambodia encouraged a withdrawal from Moscow.", "Under Gorbachev, Moscow encouraged a withdrawal from Cambodia.",
         [Swap("cambodia", "encourag", "ussr"), Swap("cambodia", "withdraw", "ussr"), Swap("cambodia", "from", "ussr")]),
        ("China helped Vietnam.", "Vietnam received help from China.", []),
        ("Vietnam was admitted to the WTO.", "Vietnam joined the WTO in 2007, after which investors shifted to Vietnam.", []),
        ("Aid to the US during the war against Vietnam, far below US war spending in Vietnam.",
         "Aid to Vietnam during the war against the US, far below US war spending in Vietnam.",
         [Swap("usa", "war", "vietnam"), Swap("usa", "against", "vietnam")]),
        ("Vietnam has joined the ASEAN Chiefs of Police.", "The ASEAN Chiefs of Police has joined Vietnam.", [Swap("vietnam", "join", "asean")]),
        ("Moscow and Beijing increased their ties, at Hanoi's expense.", "Moscow and Hanoi increased their ties at Beijing's expense.",
         [Swap("china", "increas", "vietnam"), Swap("china", "relat", "vietnam")]),
        ("Period: US war - Socialist aid to Vietnam: 7 billion USD", "Aid to Vietnam during the war against the US.", []),
        ("The DRV came into being as the outcome of the August Revolution.", "The August Revolution led to the foundation of the DRV.", []),
    ],
    ids=["exports-the-other-way", "helped-the-other-side", "the-same-order", "no-word-between-in-the-claim", "passive-voice",
         "both-orders-in-the-source", "not-countries", "names-of-several-words", "a-word-that-says-which-way",
         "names-further-apart", "received-from-turns-it-round", "not-across-a-comma", "said-twice-reversed-once",
         "a-name-inside-a-longer-name",
         "a-claim-pauses-at-a-comma", "not-across-a-record-s-fields", "the-outcome-of-turns-it-round"],
)
def test_swapped(index: Index, claim: str, source: str, expected: list[Swap]) -> None:
    assert swapped(claim, [source], index) == expected


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("During the Second World War the Viet Minh helped Japanese forces fight the Americans in Indochina.", "unverified"),
        ("US exports to Vietnam topped $1 billion in 2001.", "unverified"),
        ("Vietnamese exports to the US topped $1 billion in 2001.", "supported"),
        ("Vietnam faced international isolation for its role in liberating the Khmer Rouge from Cambodia.", "unverified"),
        ("Under Mikhail Gorbachev, Cambodia encouraged a Vietnamese withdrawal from Moscow.", "unverified"),
        ("Sophie Quinn-Judge's Ho Chi Minh: The Missing Years was published in 2003.", "supported"),
        ("Ho Chi Minh's Sophie Quinn-Judge: The Missing Years was published in 2003.", "unverified"),
        ("The Mozambique project in Viettel is reducing telecommunication usage costs by half.", "unverified"),
        ("The Viettel project in Mozambique is reducing telecommunication usage costs by half.", "supported"),
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


@pytest.mark.parametrize(
    "claim, source, expected",
    [
        ("Vietnam aims to keep 'calm inside, warm outside'.", 'The Party keeps "warm inside, calm outside".', "calm inside, warm outside"),
        ("Vietnam aims to keep 'warm inside, calm outside'.", 'The Party keeps "warm inside, calm outside".', None),
        ('The motto "warm outside, calm inside" guides it.', 'The Party keeps "warm inside, calm outside".', "warm outside, calm inside"),
        ("Vietnam aims to keep 'inside warm, outside calm'.", "No such words here.", None),
        ("The 'Four Nos' policy is old.", "The Four Nos policy is old.", None),
        ('He stressed the "need to seek support from others before helping ourselves".',
         "He stressed the need to help ourselves before seeking support from others.", "need to seek support from others before helping ourselves"),
    ],
    ids=["halves-swapped", "as-quoted", "pairs-swapped", "words-the-source-lacks", "a-name-in-quotes", "word-for-word-stop-words-too"],
)
def test_quote_reordered(claim: str, source: str, expected: str | None) -> None:
    assert quote_reordered(claim, [source]) == expected
