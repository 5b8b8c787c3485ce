"""A check served from the cache starts quickly: it imports none of the libraries that only
building the cache or other output needs, each tens of milliseconds to import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, write_corpus

import factcheck

SLOW = ("yaml", "rich", "markdown_it", "importlib.metadata", "snowballstemmer", "factcheck.claimsfile.schema", "pydantic", "jsonschema", "pygls", "lsprotocol")

# Runs the CLI as `factcheck check` would, then reports which of SLOW it imported.
CHECK = f"""
import sys
from factcheck.cli import main
try:
    main()
except SystemExit:
    pass
print("imported:", *sorted(m for m in {SLOW!r} if m in sys.modules), file=sys.stderr)
"""


def check(claims: Path, fmt: str) -> tuple[str, list[str]]:
    """One cold `factcheck check` in a fresh interpreter: its output and the slow modules it imported."""
    return run(["check", "--format", fmt, "--claims", str(claims), "Vietnam joined ASEAN on 28 July 1995"], claims.parent)


def run(args: list[str], cwd: Path) -> tuple[str, list[str]]:
    env = {**os.environ, "PYTHONPATH": str(Path(factcheck.__file__).parent.parent), "COLUMNS": "100"}
    env.pop("FACTCHECK_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", CHECK, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("imported:"), done.stderr
    return done.stdout, last.split()[1:]


def test_a_json_check_from_the_cache_imports_no_slow_library(tmp_path: Path) -> None:
    claims = write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    built, imported = check(claims, "json")
    assert "yaml" in imported  # building reads the YAML: the test sees what a check imports
    cached, imported = check(claims, "json")
    assert imported == []
    assert cached == built
    assert json.loads(cached)["matches"][0]["evidence"][0]["line"] == 8


def test_text_from_the_cache_shows_the_sources_front_matter_without_parsing_yaml(tmp_path: Path) -> None:
    claims = write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    built, imported = check(claims, "text")
    assert "yaml" in imported
    cached, imported = check(claims, "text")
    assert imported == ["rich"]  # the title and date come from the cache
    assert cached == built
    assert "Vietnam's path to the world (2020-05-01)" in cached


def test_a_jsonl_scan_from_the_cache_imports_neither_yaml_nor_rich(tmp_path: Path) -> None:
    claims = write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    (tmp_path / "draft.md").write_text("Vietnam joined ASEAN on 28 July 1996.\n", encoding="utf-8")
    scan = ["scan", "--format", "jsonl", "--claims", str(claims), "draft.md"]
    built, imported = run(scan, tmp_path)
    assert "yaml" in imported
    cached, imported = run(scan, tmp_path)
    assert imported == ["markdown_it"]  # drafts are Markdown
    assert cached == built
    assert json.loads(cached)["verdict"] == "conflicting"


def test_a_title_edited_in_the_source_is_the_title_shown(tmp_path: Path) -> None:
    claims = write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    check(claims, "text")
    source = tmp_path / "sources" / "doc.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Vietnam's path to the world", "The road out"), encoding="utf-8")
    shown, imported = check(claims, "text")
    assert "yaml" in imported  # the source changed: the cache is built afresh
    assert "The road out (2020-05-01)" in shown and "path to the world" not in shown
