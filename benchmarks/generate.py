"""Inputs for the benchmark, made from the bundled claims and sources, never committed.

Large claims files are "parallel worlds" of the bundled one: variant v renames every party and
list member (consistently, in the entries and in copies of the sources) and moves every year
back by a decade or two, so each entry stays valid (its quote is verbatim in its source, its
figures occur in the quote) while the vocabulary, the names and the figures grow with the file.
"""

from __future__ import annotations

import datetime
import random
import re
from collections import Counter
from pathlib import Path

import yaml

YEAR = re.compile(r"(?<![\d.$])(?<!\d,)(1[6-9]\d\d|20[0-4]\d)(?!\d|,\d)")
ID_WORDS, SOURCE_WORDS = 4, 2  # variants' ids are shortened: 100,000 entries fit the size limit
SYLLABLES = "ka lor ve mi tan ro sel du na bri zan te quo fa ril mo sa vin ge ul ar est pol cai".split()
# Names every entry is about, or words that are not names of a party: never renamed.
KEPT = re.compile(r"Viet|ASEAN|United Nations|UN\b|Party|Communist", re.I)
SUBJECTS = ["The delegates", "Our team", "Several participants", "The reviewers", "A local journalist",
            "The organisers", "Most readers", "The guests", "The students", "The editor"]
VERBS = ["spent the afternoon discussing", "took photographs of", "wrote a short note about",
         "walked along the river to", "asked many questions about", "found it hard to reach",
         "had lunch near", "heard a lecture on", "talked at length about", "visited"]
OBJECTS = ["the old town", "the conference hall", "the second chapter", "the guest house garden",
           "the museum", "the harbour", "the new library", "the market", "the appendix", "the film"]
TIMES = ["in the morning", "after the rain", "before dinner", "on the last day", "during the break",
         "late in the evening", "once again", "without a guide", "at the weekend", "for an hour"]


def load_bundled(claims_path: Path) -> dict:
    with open(claims_path, encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def write_claims(claims_path: Path, out_dir: Path, entries: int) -> Path:
    """A claims file of `entries` entries in out_dir, with its sources folder; returns its path."""
    data = load_bundled(claims_path)
    sources_dir = claims_path.parent / data.get("sources", "sources")
    base = [_plain(e) for e in data["claims"]]
    names = _names(base)
    ids = [e["id"] for e in base]
    out_sources = out_dir / "sources"
    out_sources.mkdir(parents=True, exist_ok=True)
    path = out_dir / "claims.yaml"
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# {entries} generated entries (benchmarks/generate.py)\nsources: sources\nclaims:\n")
        written, v = 0, 0
        while written < entries:
            world = World(v, names, ids)
            for src in sorted(sources_dir.glob("*.md")):
                text = world.text(src.read_text(encoding="utf-8"))
                (out_sources / f"{world.source_id(src.stem)}.md").write_text(text, encoding="utf-8")
            chunk = _whole_facts([world.entry(e) for e in base[: entries - written]])
            yaml.dump(chunk, f, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                      default_flow_style=None, width=10**9, allow_unicode=True, sort_keys=False)
            written += len(chunk)
            v += 1
    return path


def _whole_facts(chunk: list[dict]) -> list[dict]:
    """A fact key shared with an entry the file stops before is left out (it would be alone)."""
    uses = Counter(e.get("fact") for e in chunk)
    for e in chunk:
        if "fact" in e and uses[e["fact"]] == 1:
            del e["fact"]
    return chunk


class World:
    """Variant v of the bundled claims: v == 0 is the bundled file itself."""

    def __init__(self, v: int, names: list[str], ids: list[str]):
        self.v = v
        shorts = Counter(_short(i, ID_WORDS, v) for i in ids)
        self.ids = {i: s if shorts[s] == 1 else f"{i}-v{v}" for i in ids if (s := _short(i, ID_WORDS, v))}
        self.shift = 10 * (1 + v % 2)
        self.renames = _invent_all(v, names) if v else {}
        self.pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b") if v else None

    def text(self, s: str) -> str:
        if not self.v:
            return s
        s = self.pattern.sub(lambda m: self.renames[m.group()], s)
        return YEAR.sub(lambda m: str(int(m.group()) - self.shift), s)

    def source_id(self, sid: str) -> str:
        return _short(sid, SOURCE_WORDS, self.v)

    def entry(self, e: dict) -> dict:
        if not self.v:
            return e
        out = _walk(e, self.text)
        out["id"] = self.ids[e["id"]]
        if "fact" in e:
            out["fact"] = f"{e['fact']}-v{self.v}"
        out.pop("aliases", None)  # keeps 100,000 entries under the claims file size limit
        out["evidence"] = [{"source": self.source_id(ev["source"]), "quote": self.text(ev["quote"])} for ev in e["evidence"]]
        return out


def write_draft(claims_path: Path, path: Path, sentences: int, seed: int = 5) -> Path:
    """A Markdown draft of distinct sentences: 40% from the sources, 30% entries' statements
    with their figures changed, 30% ordinary prose. Distinct, so that nothing a check
    remembers from one sentence makes a repeat of it cheaper than a real draft's."""
    data = load_bundled(claims_path)
    sources_dir = claims_path.parent / data.get("sources", "sources")
    from_sources = [s for src in sorted(sources_dir.glob("*.md")) for s in _sentences(_body(src.read_text(encoding="utf-8")))]
    statements = [_plain(e)["statement"] for e in data["claims"]]
    rng = random.Random(seed)
    rng.shuffle(from_sources)
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < sentences:
        roll = rng.random()
        if roll < 0.4:
            s = from_sources[len(out) % len(from_sources)]
            s = s if s not in seen else _change_figures(s, rng)
        elif roll < 0.7:
            s = _change_figures(rng.choice(statements), rng)
        else:
            s = _prose(rng)
        if s not in seen:
            seen.add(s)
            out.append(s)
    paragraphs = [" ".join(out[i:i + 5]) for i in range(0, len(out), 5)]
    path.write_text("# Generated draft\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def _prose(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TIMES)}."


def _change_figures(s: str, rng: random.Random) -> str:
    return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.choice((1, 2, 10))), s)


def _body(text: str) -> str:
    return re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)


def _sentences(body: str) -> list[str]:
    """Prose lines of a source cut at sentence ends: rough, but only the draft's mix depends on it."""
    out = []
    for line in body.splitlines():
        if not line.strip() or line.lstrip().startswith(("#", "|", ">", "-", "*")):
            continue
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line) if len(s.split()) >= 5]
    return out


def _short(ident: str, words: int, v: int) -> str:
    return f"{'-'.join(ident.split('-')[:words])}-v{v}" if v else ident


def _names(entries: list[dict]) -> list[str]:
    found = set()
    for e in entries:
        found.update(e.get("parties", []))
        for m in (e.get("list") or {}).get("members", []):
            found.update([m] if isinstance(m, str) else [m["name"], *m.get("aliases", [])])
    return sorted(n for n in found if not KEPT.search(n) and len(n) > 2)


def _invent_all(v: int, names: list[str]) -> dict[str, str]:
    """A distinct made-up name for each real one, with as many capitalised words."""
    rng = random.Random(v)
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        while (made := _invent(rng, name)) in taken:
            pass
        out[name] = made
        taken.add(made)
    return out


def _invent(rng: random.Random, name: str) -> str:
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() if w[:1].isupper() else w
        for w in name.split()
    )


def _plain(value):
    """YAML data with dates as the strings they were written as."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def _walk(value, change):
    """Every string of the entry changed, keys and kinds left alone; date values too."""
    if isinstance(value, dict):
        return {k: (v if k in ("kind", "topic", "polarity", "qualifier", "part", "relation", "closed") else _walk(v, change)) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, change) for v in value]
    if isinstance(value, str):
        return change(value)
    return value
