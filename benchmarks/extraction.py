"""How close `factcheck extract` comes to the hand-made claims file.

Runs extract over the bundled sources into an empty claims file (in a temporary folder, or
--keep DIR), then compares the structured values of both files as (source, kind, value):

- recall: the share of the bundled file's values that extraction found;
- precision: the share of the extracted values that the bundled file has too; the others are
  listed, to be judged (real figures the bundled file lacks, or misreadings).

    python benchmarks/extraction.py [--keep DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from factcheck.claimsfile.claims import ClaimsFile, load_claims
from factcheck.claimsfile.claimsedit import append_entries
from factcheck.curation.extract import extract
from factcheck.language.quantities import Kind, Quantity
from factcheck.render.proposals import entries_block

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Comparison:
    bundled: frozenset[tuple]
    extracted: frozenset[tuple]
    entries: int  # extracted entries

    @property
    def found(self) -> frozenset[tuple]:
        return self.bundled & self.extracted

    @property
    def recall(self) -> float:
        return len(self.found) / len(self.bundled) if self.bundled else 1.0

    @property
    def precision(self) -> float:
        return len(self.found) / len(self.extracted) if self.extracted else 1.0

    @property
    def missed(self) -> list[tuple]:
        return sorted(self.bundled - self.extracted, key=str)

    @property
    def extra(self) -> list[tuple]:
        return sorted(self.extracted - self.bundled, key=str)


def value_key(q: Quantity) -> tuple:
    """A value as compared: its kind and what it means, not how it is written."""
    if q.kind is Kind.DATE:
        return ("date", str(q.span.first), str(q.span.last))
    if q.kind is Kind.PERIOD:
        return ("period", str(q.span.first), str((q.span_to or q.span).last))
    whole = (round(q.of, 6),) if q.kind is Kind.RATIO and q.of is not None else ()
    return (q.kind.value, round(q.value or 0.0, 6), *whole)


def keys(claims: ClaimsFile) -> frozenset[tuple]:
    return frozenset((ev.source, *value_key(q)) for e in claims.entries for q in e.all_values() for ev in e.evidence)


def extract_into(folder: Path, sources: Path) -> Path:
    """An empty claims file in `folder` with a copy of the sources, filled by extract as
    `factcheck extract --write` fills it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(sources, folder / "sources", dirs_exist_ok=True)
    path = folder / "claims.yaml"
    path.write_text("# drafted by factcheck extract from the bundled sources\nclaims: []\n", encoding="utf-8")
    found = extract(path, sorted((folder / "sources").glob("*.md")))
    shown = lambda sid: f"sources/{sid}.md"  # noqa: E731
    path.write_text(append_entries(path.read_text(encoding="utf-8"), lambda indent: entries_block(found.proposals, shown, indent)), encoding="utf-8")
    return path


def compare(bundled_path: Path, folder: Path) -> Comparison:
    extracted_path = extract_into(folder, bundled_path.parent / "sources")
    extracted = load_claims(extracted_path)
    return Comparison(keys(load_claims(bundled_path)), keys(extracted), len(extracted.entries))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build the extracted claims file in this folder and keep it")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        result = compare(ROOT / "claims.yaml", args.keep or Path(tmp))
    if args.json:
        print(json.dumps({"recall": result.recall, "precision": result.precision, "bundled": len(result.bundled),
                          "extracted": len(result.extracted), "found": len(result.found), "entries": result.entries,
                          "extra": [list(k) for k in result.extra], "missed": [list(k) for k in result.missed]}, indent=1))
        return 0
    print(f"extracted entries: {result.entries}")
    print(f"bundled values found: {len(result.found)}/{len(result.bundled)} = {result.recall:.3f}")
    print(f"extracted values in the bundled file: {len(result.found)}/{len(result.extracted)} = {result.precision:.3f}")
    print("extracted, not in the bundled file:")
    for key in result.extra:
        print("  ", *key)
    print("in the bundled file, not extracted:")
    for key in result.missed:
        print("  ", *key)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
