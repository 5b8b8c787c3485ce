"""The cache of the parsed and indexed claims file: a shortcut that never changes an answer.

Every test points FACTCHECK_CACHE_DIR at its own folder, so none touches the user's cache;
the others share one of the session's (conftest.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, WTO_ENTRY, answers_built_in_memory
from conftest import answers as answers_of

from factcheck.claimsfile import files
from factcheck.engine import cache
from factcheck.engine.cache import Entries
from factcheck.engine.corpus import Corpus

CLAIMS = "sources: sources\nclaims:\n" + ASEAN_ENTRY + WTO_ENTRY
SOURCE = PATH_TO_THE_WORLD

CLAIMS_TO_CHECK = [
    "Vietnam joined ASEAN on 28 July 1995",
    "Vietnam joined ASEAN in 1997",
    "Vietnam became a WTO member in 2007",
    "Vietnam joined the WTO in 2005",
    "The weather in Hanoi was pleasant",
]


@pytest.fixture
def claims_path(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    root = tmp_path / "project"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "doc.md").write_text(SOURCE, encoding="utf-8")
    path = root / "claims.yaml"
    path.write_text(CLAIMS, encoding="utf-8")
    return path


def answers(corpus: Corpus) -> list[dict]:
    return answers_of(corpus, CLAIMS_TO_CHECK)


def fresh(path: Path, monkeypatch) -> list[dict]:
    return answers_built_in_memory(path, monkeypatch, CLAIMS_TO_CHECK)


def from_cache(corpus: Corpus) -> bool:
    return isinstance(corpus.claims.entries, Entries)


def cache_files(claims_path: Path) -> list[Path]:
    return sorted((claims_path.parent.parent / "cache").glob("*.pickle"))


def test_a_cached_claims_file_gives_the_answers_of_a_fresh_build(claims_path, monkeypatch):
    first = Corpus.load(claims_path)
    assert not from_cache(first)
    assert answers(first) == fresh(claims_path, monkeypatch)
    second = Corpus.load(claims_path)
    assert from_cache(second)
    assert answers(second) == fresh(claims_path, monkeypatch)
    assert [e.id for e in second.claims.entries] == ["asean-membership-1995", "wto-membership-2007"]
    assert second.claims.by_id("wto-membership-2007").statement == "Vietnam became a member of the WTO in 2007."
    assert second.index.prepared_for("asean-membership-1995").entry.id == "asean-membership-1995"


def test_the_cache_is_written_once_and_only_when_the_index_is_built(claims_path):
    Corpus.load(claims_path)
    assert cache_files(claims_path) == []  # listing or showing entries needs no index
    Corpus.load(claims_path).index
    assert len(cache_files(claims_path)) == 1


def test_changing_the_claims_file_rebuilds(claims_path, monkeypatch):
    Corpus.load(claims_path).index
    claims_path.write_text(CLAIMS.replace('"1995-07-28"', '"1997-07-28"').replace("July 28, 1995", "July 28, 1997"), encoding="utf-8")
    corpus = Corpus.load(claims_path)
    assert not from_cache(corpus)
    assert answers(corpus) == fresh(claims_path, monkeypatch)
    assert corpus.checker.check("Vietnam joined ASEAN in 1997").verdict.value != "conflicting"


def test_changing_a_source_rebuilds(claims_path, monkeypatch):
    before = answers(Corpus.load(claims_path))
    source = claims_path.parent / "sources" / "doc.md"
    source.write_text(SOURCE.replace("after long talks", "after years of talks"), encoding="utf-8")
    corpus = Corpus.load(claims_path)
    assert not from_cache(corpus)
    after = answers(corpus)
    assert after == fresh(claims_path, monkeypatch)
    assert after != before  # the evidence passage changed with its source


def test_a_source_changed_in_place_with_the_same_size_and_time_still_rebuilds(claims_path, monkeypatch):
    """Sizes and times stand in for reading a settled file again; a rewrite changes its ctime."""
    monkeypatch.setattr(files, "SETTLED_NS", 0)
    Corpus.load(claims_path).index
    assert from_cache(Corpus.load(claims_path))
    source = claims_path.parent / "sources" / "doc.md"
    st = source.stat()
    time.sleep(0.05)  # file times tick coarsely: a rewrite within the same tick would keep its ctime
    source.write_text(SOURCE.replace("long talks", "hard talks"), encoding="utf-8")
    os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert source.stat().st_size == st.st_size
    corpus = Corpus.load(claims_path)
    assert not from_cache(corpus)
    assert "hard talks" in str(answers(corpus))


def test_settled_files_are_not_read_again(claims_path, monkeypatch):
    monkeypatch.setattr(files, "SETTLED_NS", 0)
    Corpus.load(claims_path).index
    read = []
    real = files.read_bounded
    monkeypatch.setattr(files, "read_bounded", lambda path, limit: read.append(path) or real(path, limit))
    assert from_cache(Corpus.load(claims_path))
    assert read == []


def test_files_saved_just_before_a_build_are_not_read_again_once_settled(claims_path, monkeypatch):
    """Read within SETTLED_NS of being saved, a file's stamp cannot stand for its bytes yet; as
    the build ends (here, a few seconds later) each such file is hashed once more."""
    corpus = Corpus.load(claims_path)
    later = time.time_ns() + 3 * files.SETTLED_NS
    with monkeypatch.context() as m:
        m.setattr(files, "time", SimpleNamespace(time_ns=lambda: later))
        corpus.index
    read = []
    real = files.read_bounded
    monkeypatch.setattr(files, "read_bounded", lambda path, limit: read.append(path) or real(path, limit))
    assert from_cache(Corpus.load(claims_path))
    assert read == []


def test_another_factcheck_version_rebuilds(claims_path, monkeypatch):
    Corpus.load(claims_path).index
    monkeypatch.setattr(cache, "_code_hash", lambda: b"another version")
    assert not from_cache(Corpus.load(claims_path))


@pytest.mark.parametrize("damage", [
    lambda data: b"not a cache at all",
    lambda data: data[: len(data) // 2],
    lambda data: b"",
    lambda data: data.replace(cache.FORMAT, b"factcheck-cache 0\n"),
], ids=["garbage", "truncated", "empty", "other-format"])
def test_a_damaged_cache_is_rebuilt_never_an_error(claims_path, monkeypatch, damage):
    Corpus.load(claims_path).index
    [file] = cache_files(claims_path)
    file.write_bytes(damage(file.read_bytes()))
    assert answers(Corpus.load(claims_path)) == fresh(claims_path, monkeypatch)
    assert answers(Corpus.load(claims_path)) == fresh(claims_path, monkeypatch)


def test_an_entry_found_damaged_during_a_check_is_built_afresh(claims_path, monkeypatch):
    """Entries are read when first needed, after the cache was opened: too late to just
    ignore the cache, so that check builds everything afresh and drops the file."""
    entries = len(Corpus.load(claims_path).index.prepared)
    [file] = cache_files(claims_path)
    data = file.read_bytes()
    trailer = 8 * (entries + 1) + cache.RECORD_DIGEST_BYTES * entries  # the records' offsets and signatures end the file
    file.write_bytes(data[:-trailer - 200] + bytes(b ^ 0xFF for b in data[-trailer - 200:-trailer]) + data[-trailer:])
    corpus = Corpus.load(claims_path)
    assert from_cache(corpus)
    assert answers(corpus) == fresh(claims_path, monkeypatch)
    assert not file.exists()


def test_an_unwritable_cache_folder_means_no_cache(claims_path, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "cache"))
    corpus = Corpus.load(claims_path)
    assert answers(corpus) == fresh(claims_path, monkeypatch)
    assert not from_cache(Corpus.load(claims_path))
    assert list(tmp_path.rglob("*.tmp")) == []


def test_factcheck_no_cache_turns_it_off(claims_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    Corpus.load(claims_path).index
    assert cache_files(claims_path) == []
    assert not from_cache(Corpus.load(claims_path))


def test_the_tests_write_nothing_in_the_users_home(tmp_path: Path) -> None:
    """Test modules that built the bundled index as they were imported, and fixtures that
    built it for a whole module, came before the fixture that moved the cache: the user's
    cache folder got it. Two such tests, run with an empty home."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env |= {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    tests = Path(__file__).parent
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--basetemp={tmp_path / 'basetemp'}",
         f"{tests / 'test_matching.py'}::test_a_conflict_names_the_part_that_is_wrong",
         f"{tests / 'test_hostile_inputs.py'}::test_the_full_check_on_100_kb[spaces]"],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout
    assert list(home.rglob("*")) == []
