"""A naive peer for the scan benchmark: for each sentence of a draft, rapidfuzz's best match
among the sentences of a claims file's sources (token_set_ratio, as factcheck ranks with).

    python benchmarks/peer.py CLAIMS_FILE DRAFT

The draft is cut into sentences as `factcheck scan` cuts it, so both count the same sentences.
It gives no verdict, compares no figure and reads no claims: it is the least a fuzzy search
over the sources does, and the bar factcheck's scan must clear by far. Ends with
"N sentences" on stderr, as `factcheck scan` does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from factcheck.drafts.documents import read_sentences

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402 - the benchmark's own helper, beside this file


def main(claims: str, draft: str) -> int:
    claims_path = Path(claims)
    data = yaml.safe_load(claims_path.read_text(encoding="utf-8"))
    folder = claims_path.parent / data.get("sources", "sources")
    pool = [s for src in sorted(folder.glob("*.md")) for s in generate._sentences(generate._body(src.read_text(encoding="utf-8")))]
    sentences = [s.text for s in read_sentences(Path(draft).read_text(encoding="utf-8"))]  # the scan's sentences
    found = 0
    for sentence in sentences:
        best = process.extractOne(sentence, pool, scorer=fuzz.token_set_ratio, processor=str.lower)
        found += best is not None and best[1] >= 80
    print(f"peer: {len(sentences)} sentences, {found} with a close source sentence", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
