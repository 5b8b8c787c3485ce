"""The claims file covers its sources: the sentences that state a figure are quoted."""

from factcheck.claimsfile.sources import fold_quote
from factcheck.engine.corpus import Corpus, bundled_claims
from factcheck.language.quantities import parse
from factcheck.language.sentences import split_sentences


def figure_sentences(corpus: Corpus) -> dict[str, list[str]]:
    """Each source's sentences that state a number, a year or a date, folded like quotes."""
    out = {}
    for source_id in corpus.library.available():
        source = corpus.library.get(source_id)
        body = source.text[source.body_start:]
        out[source_id] = [
            fold_quote(line[a:b])
            for line in body.split("\n")
            for a, b in split_sentences(line)
            if any(not q.weak for q in parse(line[a:b]))
        ]
    return out


def test_at_least_90_percent_of_sentences_with_figures_are_quoted():
    corpus = Corpus.load(bundled_claims())
    quotes: dict[str, list[str]] = {}
    for e in corpus.claims.entries:
        for ev in e.evidence:
            quotes.setdefault(ev.source, []).append(fold_quote(ev.quote))
    sentences = figure_sentences(corpus)
    total = sum(len(s) for s in sentences.values())
    covered = sum(
        1 for sid, found in sentences.items() for s in found
        if any(q in s or s in q for q in quotes.get(sid, []))
    )
    assert total > 100
    assert covered / total >= 0.9, f"{covered}/{total}"
