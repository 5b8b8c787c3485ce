"""The cache can be trusted: never stale, never someone else's, never a hang, never litter.

Each test plays out, deterministically, what was once reproduced with the installed package.
The planted cache files are what someone else would make: built by factcheck for the same
claims file and signed with their own key, but their first pickle creates a marker file when
it is loaded. Nothing may create it.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, WTO_ENTRY

from factcheck.claimsfile import claims
from factcheck.cli import cli
from factcheck.engine import cache
from factcheck.engine.corpus import Corpus
from factcheck.render.jsonout import result_dict

CLAIMS = "sources: sources\nclaims:\n" + ASEAN_ENTRY + WTO_ENTRY
EDITED = CLAIMS.replace('"1995-07-28"', '"1997-07-28"').replace("July 28, 1995", "July 28, 1997")
SOURCE_EDITED = PATH_TO_THE_WORLD.replace("(July 28, 1995)", "(July 28, 1997)")
CLAIM = "Vietnam joined ASEAN on 28 July 1995"
ANOTHER_USER = 54321
as_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file to another user")


@pytest.fixture
def claims_path(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    root = tmp_path / "project"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "doc.md").write_text(PATH_TO_THE_WORLD, encoding="utf-8")
    path = root / "claims.yaml"
    path.write_text(CLAIMS, encoding="utf-8")
    return path


def answers(corpus: Corpus) -> list[dict]:
    return [result_dict(corpus, corpus.checker.check(c), 3) for c in (CLAIM, "Vietnam joined ASEAN in 1997")]


def fresh(path: Path, monkeypatch) -> list[dict]:
    with monkeypatch.context() as m:
        m.setenv("FACTCHECK_NO_CACHE", "1")
        return answers(Corpus.load(path))


def move_into_place(path: Path, text: str) -> None:
    """Replace a file as an editor or `git checkout` does: a new file renamed over the old."""
    new = path.with_name(path.name + ".new")
    new.write_text(text, encoding="utf-8")
    os.replace(new, path)


def cache_file(claims_path: Path) -> Path:
    return cache.Cache.of(claims_path).file


# --- finding 2: an edit landing during a build ---------------------------------------------------


def test_an_edit_landing_while_the_claims_file_is_parsed_is_not_cached_as_the_new_file(claims_path, monkeypatch):
    """The bytes parsed are the bytes hashed: version A, parsed while B was moved into place,
    is stored as A, and the next check reads B."""
    real_parse = claims.parse_claims

    def edited_meanwhile(text, path):
        move_into_place(claims_path, EDITED)
        return real_parse(text, path)

    with monkeypatch.context() as m:
        m.setattr(claims, "parse_claims", edited_meanwhile)
        built = Corpus.load(claims_path)
        before = answers(built)  # builds and stores the index of version A
    after = answers(Corpus.load(claims_path))
    assert after == fresh(claims_path, monkeypatch)
    assert after != before


def test_an_edit_landing_just_after_a_source_is_read_is_not_cached_as_the_new_source(claims_path, monkeypatch):
    real_read = claims.read_version

    def edited_meanwhile(path, limit):
        read = real_read(path, limit)
        if Path(path).name == "doc.md" and "1997" not in Path(path).read_text(encoding="utf-8"):
            move_into_place(Path(path), SOURCE_EDITED)
        return read

    with monkeypatch.context() as m:
        m.setattr(claims, "read_version", edited_meanwhile)
        before = answers(Corpus.load(claims_path))
    after = answers(Corpus.load(claims_path))
    assert after == fresh(claims_path, monkeypatch)
    assert after != before


# --- finding 3: a planted cache file ---------------------------------------------------------------


def planted(claims_path: Path, tmp_path: Path, monkeypatch, marker: Path) -> bytes:
    """A cache file for this claims file as someone else makes it: with their own factcheck,
    cache folder and key, its first pickle doctored to create `marker` when it is loaded."""
    theirs = tmp_path / "theirs"
    with monkeypatch.context() as m:
        m.setenv("FACTCHECK_CACHE_DIR", str(theirs / "cache"))
        m.setenv("XDG_CACHE_HOME", str(theirs / "home"))
        m.setattr(cache.Inputs, "__reduce__", lambda self: (Path.touch, (marker,)), raising=False)
        Corpus.load(claims_path).index
    [file] = (theirs / "cache").glob("*.pickle")
    return file.read_bytes()


def check(claims_path: Path):
    return CliRunner().invoke(cli, ["check", "--claims", str(claims_path), CLAIM], catch_exceptions=False)


def test_a_cache_folder_shipped_in_a_repository_is_not_trusted(claims_path, tmp_path, monkeypatch):
    """Its files are the user's own after a checkout, but not signed with the user's key, which
    never leaves the user's cache folder: rebuilt, quietly, and nothing in it is unpickled."""
    marker = tmp_path / "marker"
    shipped = claims_path.parent / ".factcheck-cache"
    shipped.mkdir()
    data = planted(claims_path, tmp_path, monkeypatch, marker)
    (shipped / cache_file(claims_path).name).write_bytes(data)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(shipped))
    assert answers(Corpus.load(claims_path)) == fresh(claims_path, monkeypatch)
    result = check(claims_path)
    assert (result.exit_code, result.stderr) == (0, "")
    assert not marker.exists()


def world_writable_folder(folder: Path, file: Path) -> str:
    folder.chmod(0o777)
    return f"{folder}: cache folder can be written by other users (mode 0777): ignored"


def group_writable_folder(folder: Path, file: Path) -> str:
    folder.chmod(0o770)
    return f"{folder}: cache folder can be written by other users (mode 0770): ignored"


def another_users_folder(folder: Path, file: Path) -> str:
    os.chown(folder, ANOTHER_USER, -1)
    return f"{folder}: cache folder belongs to another user (uid {ANOTHER_USER}): ignored"


def another_users_file(folder: Path, file: Path) -> str:
    os.chown(file, ANOTHER_USER, -1)
    return f"{file}: cache file belongs to another user (uid {ANOTHER_USER}): ignored"


def a_file_others_can_write(folder: Path, file: Path) -> str:
    file.chmod(0o666)
    return f"{file}: cache file can be written by other users (mode 0666): ignored"


@as_root
@pytest.mark.parametrize("make_untrusted", [
    world_writable_folder, group_writable_folder, another_users_folder, another_users_file, a_file_others_can_write,
])
def test_a_cache_someone_else_could_have_written_is_ignored_with_one_warning_and_left_as_it_is(
        claims_path, tmp_path, monkeypatch, make_untrusted):
    marker = tmp_path / "marker"
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o700)
    file = folder / cache_file(claims_path).name
    file.write_bytes(planted(claims_path, tmp_path, monkeypatch, marker))
    file.chmod(0o600)
    warning = make_untrusted(folder, file)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    planted_bytes = file.read_bytes()
    for _ in range(2):
        result = check(claims_path)
        assert (result.exit_code, result.stderr) == (0, f"warning: {warning}\n")
    assert answers(Corpus.load(claims_path)) == fresh(claims_path, monkeypatch)
    assert not marker.exists()
    assert file.read_bytes() == planted_bytes  # for its owner to look at


def test_a_cache_signed_with_another_key_is_rebuilt_and_never_unpickled(claims_path, tmp_path, monkeypatch):
    marker = tmp_path / "marker"
    data = planted(claims_path, tmp_path, monkeypatch, marker)
    Corpus.load(claims_path).index  # the user's own cache, and key
    cache_file(claims_path).write_bytes(data)
    assert answers(Corpus.load(claims_path)) == fresh(claims_path, monkeypatch)
    assert not marker.exists()


def test_the_cache_folder_is_made_private_whatever_the_umask(claims_path, tmp_path, monkeypatch):
    """Under umask 000 it was made drwxrwxrwx, and another user could replace its pickle."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "new" / "cache"))
    before = os.umask(0)
    try:
        Corpus.load(claims_path).index
    finally:
        os.umask(before)
    file = cache_file(claims_path)
    for made in (tmp_path / "new", file.parent, tmp_path / "home", tmp_path / "home" / "factcheck"):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700
    for written in (file, tmp_path / "home" / "factcheck" / "key"):
        assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_the_key_stays_in_the_users_cache_folder_when_the_cache_is_moved(claims_path, tmp_path):
    Corpus.load(claims_path).index
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [cache_file(claims_path).name]
    assert (tmp_path / "home" / "factcheck" / "key").stat().st_size == 32


@as_root
def test_a_key_others_can_read_is_ignored_with_one_warning(claims_path, tmp_path):
    Corpus.load(claims_path).index
    key = tmp_path / "home" / "factcheck" / "key"
    key.chmod(0o644)
    result = check(claims_path)
    assert (result.exit_code, result.stderr) == (0, f"warning: {key}: cache key can be read or written by other users (mode 0644): ignored\n")


# --- finding 6: a FIFO at the cache file's path -----------------------------------------------------


def run_factcheck(claims_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--claims", str(claims_path), CLAIM],
        capture_output=True, text=True, timeout=30,
    )


def test_a_fifo_at_the_cache_files_path_does_not_hang_a_check(claims_path):
    file = cache_file(claims_path)
    file.parent.mkdir(mode=0o700)
    os.mkfifo(file)
    for _ in range(2):
        done = run_factcheck(claims_path)
        assert (done.returncode, done.stderr) == (0, "")
    assert stat.S_ISREG(file.stat().st_mode)  # replaced by the cache


def test_a_fifo_at_the_keys_path_does_not_hang_a_check(claims_path, tmp_path):
    (tmp_path / "home" / "factcheck").mkdir(parents=True, mode=0o700)
    os.mkfifo(tmp_path / "home" / "factcheck" / "key")
    for _ in range(2):
        done = run_factcheck(claims_path)
        assert (done.returncode, done.stderr) == (0, "")


# --- finding 7: temporary files -------------------------------------------------------------------


def temporary_files(tmp_path: Path) -> list[Path]:
    return sorted(tmp_path.rglob("*.tmp"))


def test_ctrl_c_while_the_cache_is_written_leaves_no_temporary_file(claims_path, tmp_path, monkeypatch):
    Corpus.load(claims_path).index  # the key is there: the next write is the cache file's
    claims_path.write_text(EDITED, encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        Corpus.load(claims_path).index
    assert temporary_files(tmp_path) == []


KILLED_WHILE_WRITING = """
import os, signal, sys
from pathlib import Path
from factcheck.engine.corpus import Corpus

os.replace = lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL)
Corpus.load(Path(sys.argv[1])).index
"""


def test_a_temporary_file_left_by_a_killed_writer_is_removed_by_a_later_writer(claims_path, tmp_path):
    Corpus.load(claims_path).index  # the key is there: the next write is the cache file's
    claims_path.write_text(EDITED, encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", KILLED_WHILE_WRITING, str(claims_path)], capture_output=True, timeout=60)
    assert killed.returncode == -signal.SIGKILL
    [left] = temporary_files(tmp_path)
    an_hour_ago = time.time() - 3600
    os.utime(left, (an_hour_ago, an_hour_ago))
    writing = left.with_name(cache_file(claims_path).name + ".still-writing.tmp")  # a writer at work
    writing.write_bytes(b"half a cache")
    Corpus.load(claims_path).index  # the killed writer's edit is still to be stored
    assert temporary_files(tmp_path) == [writing]
