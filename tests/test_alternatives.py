"""A claim that names one thing and rules out another is two claims: its choice, checked as any
claim is, and the alternative in the choice's place, which must not be what the sources state."""

from __future__ import annotations

import pytest

from factcheck.engine.alternatives import Alternative, alternative
from factcheck.engine.corpus import Corpus, bundled_claims


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("It was Nguyen Phu Trong, not Pham Minh Chinh, who spoke at CSIS.",
         Alternative("It was Nguyen Phu Trong who spoke at CSIS.", "It was Pham Minh Chinh who spoke at CSIS.", "Nguyen Phu Trong", "Pham Minh Chinh")),
        ("Hanoi relied on Beijing rather than Moscow for aid.",
         Alternative("Hanoi relied on Beijing for aid.", "Hanoi relied on Moscow for aid.", "Beijing", "Moscow")),
        ("In the 1970s China, rather than the Soviet Union, obtained access to Cam Ranh Bay.",
         Alternative("In the 1970s China obtained access to Cam Ranh Bay.", "In the 1970s the Soviet Union obtained access to Cam Ranh Bay.",
                     "China", "the Soviet Union")),
        ("The USSR wanted the war settled politically rather than militarily.",
         Alternative("The USSR wanted the war settled politically.", "The USSR wanted the war settled militarily.", "politically", "militarily")),
        ("Vietnam joined ASEAN in 1995.", None),
        ("Vietnam did not join ASEAN in 1994.", None),
    ],
    ids=["x-not-y", "x-rather-than-y", "x-rather-than-y-between-commas", "rather-than-of-words", "no-alternative", "a-plain-denial"],
)
def test_alternative(claim: str, expected: Alternative | None) -> None:
    assert alternative(claim) == expected


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("It was Nguyen Phu Trong, not Pham Minh Chinh, who declared at CSIS in May 2022 that Vietnam picks no side.", "conflicting"),
        ("It was Pham Minh Chinh, not Nguyen Phu Trong, who declared at CSIS in May 2022 that Vietnam picks no side.", "supported"),
        ("Vietnam joined ASEAN in 1995 rather than 1996.", "supported"),
        ("Vietnam joined ASEAN in 1996 rather than 1995.", "conflicting"),
    ],
    ids=["the-sources-state-the-alternative", "the-sources-state-the-choice", "a-year-rather-than-another", "the-year-ruled-out-is-stated"],
)
def test_a_claim_that_rules_something_out(claim: str, verdict: str) -> None:
    assert Corpus.load(bundled_claims()).checker.check(claim).verdict.value == verdict
