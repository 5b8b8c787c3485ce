"""Check results as JSON: one object per claim, the evidence passages with file and line."""

from __future__ import annotations

import json

from ..corpus import Corpus
from ..verdict import CheckResult, Match


def match_dict(corpus: Corpus, m: Match) -> dict:
    return {
        "id": m.entry.id,
        "statement": m.entry.statement,
        "verdict": m.verdict.value,
        "score": round(m.score, 1),
        "reasons": list(m.reasons),
        "evidence": [
            {"source": corpus.display_path(c.source), "line": c.passage.line, "text": c.passage.sentence}
            for c in corpus.cite(m.entry)
        ],
    }


def result_dict(corpus: Corpus, result: CheckResult, top: int) -> dict:
    out = {
        "claim": result.claim,
        "verdict": result.verdict.value,
        "reason": result.reason,
        "matches": [match_dict(corpus, m) for m in result.matches[:top]],
    }
    if result.parts:
        out["parts"] = [{"claim": p.claim.strip(), "verdict": p.verdict.value, "reason": p.reason} for p in result.parts]
    return out


def dumps(data: object) -> str:
    """One line of JSON: control characters in input text are escaped, so they cannot break lines."""
    return json.dumps(data, ensure_ascii=False)
