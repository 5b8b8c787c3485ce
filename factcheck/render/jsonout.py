"""Check results as JSON: one object per claim, the evidence passages with file and line.

Scan findings likewise, one object per sentence with its place in the draft.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from ..engine.corpus import Corpus
from ..engine.verdicts import CheckResult, Match

if TYPE_CHECKING:  # a check has no draft: the scan's modules (and markdown-it) stay unloaded
    from ..drafts.scan import Finding


def match_dict(corpus: Corpus, m: Match) -> dict:
    return {
        "id": m.entry.id,
        "statement": m.entry.statement,
        "verdict": m.verdict.value,
        "score": round(m.score, 1),
        "reasons": list(m.reasons),
        "figures": [{"claim": c.claim.describe(), "source": c.source.describe() if c.source else None,
                     "agreement": c.agreement.value if c.agreement else "absent"} for c in m.comparisons if not c.claim.weak],
        "evidence": [
            {"source": corpus.display_path(c.source), "line": c.passage.line, "text": c.passage.sentence}
            for c in corpus.cite(m.entry)
        ],
    }


def result_dict(corpus: Corpus, result: CheckResult, top: int) -> dict:
    out: dict[str, object] = {
        "claim": result.claim,
        "verdict": result.verdict.value,
        "reason": result.reason,
        "matches": [match_dict(corpus, m) for m in result.matches[:top]],
    }
    if result.partial:
        out["partial"] = True
    if result.parts:
        out["parts"] = [{"claim": p.claim.strip(), "verdict": p.verdict.value, "reason": p.reason} for p in result.parts]
    return out


def dumps(data: object, indent: int | None = None) -> str:
    """JSON, one line unless indented: control characters in input text are escaped, so they
    cannot break lines nor, printed to a terminal, drive it. No line starts with input, so none
    is a "::" workflow command; the "##[" that GitHub Actions reads anywhere in a line is written
    with its bracket escaped, the same JSON (see `safe`)."""
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(_UNSAFE).replace("##[", "##\\u005b")


def finding_dict(corpus: Corpus, finding: Finding, top: int) -> dict:
    """A sentence's place (1-based, end inclusive) and its result, matches as `check` gives them."""
    s = finding.sentence
    checked = result_dict(corpus, finding.result, top)
    del checked["claim"]
    return {"path": finding.path, "line": s.line, "column": s.column, "end_line": s.end_line,
            "end_column": s.end_column, "text": s.text, **checked}


# JSON leaves these unescaped, yet str.splitlines() and some editors break lines at them (NEL,
# U+2028, U+2029), terminals obey them (DEL, C1 controls such as the 8-bit CSI) or they reorder
# what is shown (bidi controls), or they would be written as raw bytes (lone surrogates).
# Escaped, the JSON means the same.
_UNSAFE = {
    cp: f"\\u{cp:04x}"
    for cp in (*range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029, *range(0xD800, 0xE000))
}


def dump_findings(findings: Iterable[dict], fmt: str, stream: TextIO) -> None:
    """`json`: one array, indented; `jsonl`: one finding a line, written as it comes."""
    if fmt == "jsonl":
        for f in findings:
            stream.write(dumps(f) + "\n")
    elif fmt == "json":
        stream.write(dumps(list(findings), indent=2) + "\n")
    else:
        raise ValueError(f"unknown JSON format {fmt!r}")
