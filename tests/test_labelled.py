"""Accuracy on the local labelled claims, as a floor that changes must not break.

The sets were written from the sources alone, by people who saw neither the claims file nor
the code. Supported claims must not be called supported when they are not: that is the
error that matters most.
"""

import json
from pathlib import Path

import pytest

from factcheck.engine.corpus import Corpus, bundled_claims

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def corpus():
    return Corpus.load(bundled_claims())


@pytest.mark.parametrize("name, floor", [("labelled.jsonl", 0.88), ("labelled-holdout.jsonl", 0.90)])
def test_accuracy_and_no_false_support(corpus, name, floor):
    """The README reports the accuracy of each set (above its floor) and no false support."""
    cases = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    right = 0
    falsely_supported = []
    for case in cases:
        accept = case.get("accept") or [case["label"]]
        got = corpus.checker.check(case["claim"]).verdict.value
        right += got in accept
        if got == "supported" and "supported" not in accept:
            falsely_supported.append(case["claim"])
    assert right / len(cases) >= floor
    assert falsely_supported == []


@pytest.mark.parametrize("name, floor, most_falsely_supported", [
    ("labelled-styles.jsonl", 0.67, 1),  # 140 headlines, posts, op-ed and textbook sentences
    ("labelled-meaning.jsonl", 0.67, 6),  # 150 paraphrases, denials, contrasts, lists, time logic
    ("labelled-styles2.jsonl", 0.66, 2),  # 150 headlines, posts, op-eds, textbook, quotations, table rows (session 6)
    ("labelled-adversarial2.jsonl", 0.60, 4),  # 150 paraphrases, polarity, antonyms, roles, quantifiers, time, derived figures
    ("labelled-roles.jsonl", 0.54, 12),  # 90 who-does-what-to-whom: reversed roles, the same order said otherwise, mixed styles (session 10)
])
def test_the_meaning_sets_hold_their_measured_floors(corpus, name, floor, most_falsely_supported):
    """Two later sets, written blind like the others but looked at while the meaning work was
    done (README): their accuracy and false supports as measured, so that no change loses them."""
    cases = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    got = [corpus.checker.check(case["claim"]).verdict.value for case in cases]
    accepted = [case.get("accept") or [case["label"]] for case in cases]
    right = sum(g in a for g, a in zip(got, accepted))
    falsely_supported = [c["claim"] for c, g, a in zip(cases, got, accepted) if g == "supported" and "supported" not in a]
    assert right / len(cases) >= floor
    assert len(falsely_supported) <= most_falsely_supported, falsely_supported


@pytest.mark.parametrize("name", ["labelled.jsonl", "labelled-holdout.jsonl"])
def test_judging_only_candidates_that_may_sway_changes_no_verdict(corpus, name):
    """A check judges the candidates it shows and those that could sway the verdict; judging
    all twenty best candidates gives the same verdict, reason and first match."""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)["claim"]
        quick, full = corpus.checker.check(claim, shown=1), corpus.checker.check(claim, shown=20)
        assert (quick.verdict, quick.reason) == (full.verdict, full.reason), claim
        assert [m.entry.id for m in quick.matches[:1]] == [m.entry.id for m in full.matches[:1]], claim


def _claims_and_source_sentences() -> list[str]:
    from factcheck.drafts.documents import read_sentences

    texts = [json.loads(line)["claim"] for name in ("labelled.jsonl", "labelled-holdout.jsonl")
             for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    for source in sorted(bundled_claims().parent.joinpath("sources").glob("*.md")):
        texts += [s.text for s in read_sentences(source.read_text(encoding="utf-8"))]
    return texts


def test_an_unverified_verdict_without_matches_is_the_verdict_judging_gives(corpus):
    """A scan that reports only conflicts (and supports) lets a check skip ranking and judging
    the candidates of a claim none of whose entries could sway its verdict: on the labelled
    claims and every sentence of the sources, it gives the verdict the full check gives, alone
    and with the sentence before as context."""
    texts = _claims_and_source_sentences()
    skipped = 0
    for before, claim in zip(["", *texts], texts):
        for context in ("", before):
            quick = corpus.checker.check(claim, context=context, unverified_matches=False)
            full = corpus.checker.check(claim, context=context)
            assert quick.verdict == full.verdict, (claim, context)
            if quick.matches != full.matches:
                assert quick.verdict.value == "unverified" and not quick.matches, claim
                skipped += 1
    assert skipped > len(texts) / 10  # the quick way is taken, not only allowed
