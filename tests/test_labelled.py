"""Accuracy on the local labelled claims, as a floor that changes must not break.

The sets were written from the sources alone, by people who saw neither the claims file nor
the code. Supported claims must not be called supported when they are not: that is the
error that matters most.
"""

import json
from pathlib import Path

import pytest

from factcheck.corpus import Corpus, bundled_claims

DATA = Path(__file__).parent / "data"
CORPUS = Corpus.load(bundled_claims())


@pytest.mark.parametrize("name, floor", [("labelled.jsonl", 0.88), ("labelled-holdout.jsonl", 0.90)])
def test_accuracy_and_false_support(name, floor):
    cases = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    right = false_support = not_supported = 0
    for case in cases:
        accept = case.get("accept") or [case["label"]]
        got = CORPUS.checker.check(case["claim"]).verdict.value
        right += got in accept
        if "supported" not in accept:
            not_supported += 1
            false_support += got == "supported"
    assert right / len(cases) >= floor
    assert false_support / not_supported <= 0.02


@pytest.mark.parametrize("name", ["labelled.jsonl", "labelled-holdout.jsonl"])
def test_judging_only_candidates_that_may_sway_changes_no_verdict(name):
    """A check judges the candidates it shows and those that could sway the verdict; judging
    all twenty best candidates gives the same verdict, reason and first match."""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)["claim"]
        quick, full = CORPUS.checker.check(claim, shown=1), CORPUS.checker.check(claim, shown=20)
        assert (quick.verdict, quick.reason) == (full.verdict, full.reason), claim
        assert [m.entry.id for m in quick.matches[:1]] == [m.entry.id for m in full.matches[:1]], claim
