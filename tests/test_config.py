"""Specification of factcheck.drafts.config: where scan settings come from, and what wins."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.drafts.config import ConfigError, ScanConfig, load_config, merge


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_no_settings_anywhere_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path) == (ScanConfig(), None)
    assert ScanConfig() == ScanConfig(None, ("*.md", "*.markdown", "*.txt"), (), "conflicting", ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ScanConfig()),
        ("# only a comment\n", ScanConfig()),
        ("include: '*.md'\n", ScanConfig(include=("*.md",))),
        ("include: ['*.md', '*.mdx']\nexclude: [node_modules, drafts/old/*]\n", ScanConfig(include=("*.md", "*.mdx"), exclude=("node_modules", "drafts/old/*"))),
        ("fail-on: unverified\n", ScanConfig(fail_on="unverified")),
        ("fail_on: never\n", ScanConfig(fail_on="never")),
        ("show: supported\n", ScanConfig(show=("supported",))),
        ("show: [supported, unverified]\n", ScanConfig(show=("supported", "unverified"))),
        ("exclude: []\n", ScanConfig(exclude=())),
        ("\ufefffail-on: never\n", ScanConfig(fail_on="never")),
    ],
)
def test_yaml_settings(tmp_path: Path, text: str, expected: ScanConfig) -> None:
    path = write(tmp_path, ".factcheck.yaml", text)
    assert load_config(tmp_path) == (expected, path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[tool.factcheck]\n", ScanConfig()),
        ('[tool.factcheck]\nfail-on = "never"\nshow = ["unverified"]\n', ScanConfig(fail_on="never", show=("unverified",))),
        ('[tool.factcheck]\ninclude = "*.md"\nexclude = ["vendor"]\n', ScanConfig(include=("*.md",), exclude=("vendor",))),
        ('tool.factcheck.fail_on = "unverified"\n', ScanConfig(fail_on="unverified")),
    ],
)
def test_pyproject_settings(tmp_path: Path, text: str, expected: ScanConfig) -> None:
    path = write(tmp_path, "pyproject.toml", text + "\n[project]\nname = 'x'\n")
    assert load_config(tmp_path) == (expected, path)


def test_claims_path_is_resolved_against_the_settings_folder(tmp_path: Path) -> None:
    write(tmp_path, ".factcheck.yaml", "claims: data/claims.yaml\n")
    (tmp_path / "drafts" / "deep").mkdir(parents=True)
    config, _ = load_config(tmp_path / "drafts" / "deep")
    assert config.claims == str(tmp_path / "data" / "claims.yaml")
    write(tmp_path, ".factcheck.yaml", "claims: ../shared/claims.yaml\n")
    assert load_config(tmp_path)[0].claims == str(tmp_path.parent / "shared" / "claims.yaml")
    write(tmp_path, ".factcheck.yaml", "claims: /etc/claims.yaml\n")
    assert load_config(tmp_path)[0].claims == "/etc/claims.yaml"


def test_relative_start_is_taken_from_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "pyproject.toml", '[tool.factcheck]\nclaims = "claims.yaml"\n')
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path / "drafts")
    assert load_config(Path(".")) == (ScanConfig(claims=str(tmp_path / "claims.yaml")), tmp_path / "pyproject.toml")


def test_start_may_be_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, ".factcheck.yaml", "fail-on: never\n")
    draft = write(tmp_path / "drafts", "a.md", "A.")
    assert load_config(draft) == (ScanConfig(fail_on="never"), path)


# --- precedence ---------------------------------------------------------------------------------


def test_factcheck_yaml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.factcheck]\nfail-on = "never"\n')
    own = write(tmp_path, ".factcheck.yaml", "fail-on: unverified\n")
    assert load_config(tmp_path) == (ScanConfig(fail_on="unverified"), own)


def test_nearer_folder_wins_whole(tmp_path: Path) -> None:
    write(tmp_path, ".factcheck.yaml", "fail-on: never\nexclude: [vendor]\n")
    near = write(tmp_path / "sub", "pyproject.toml", '[tool.factcheck]\nshow = "supported"\n')
    assert load_config(tmp_path / "sub" / "deeper" / "missing-is-fine") == (ScanConfig(show=("supported",)), near)


def test_pyproject_without_a_factcheck_table_is_passed_over(tmp_path: Path) -> None:
    far = write(tmp_path, ".factcheck.yaml", "fail-on: never\n")
    write(tmp_path / "sub", "pyproject.toml", '[project]\nname = "x"\n[tool.ruff]\nline-length = 120\n')
    assert load_config(tmp_path / "sub") == (ScanConfig(fail_on="never"), far)


def test_a_folder_named_like_the_settings_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "sub" / ".factcheck.yaml").mkdir(parents=True)
    far = write(tmp_path, ".factcheck.yaml", "fail-on: never\n")
    assert load_config(tmp_path / "sub") == (ScanConfig(fail_on="never"), far)


@pytest.mark.parametrize(
    ("cli", "expected"),
    [
        ({}, ScanConfig(claims="/p/claims.yaml", exclude=("vendor",), fail_on="never")),
        ({"claims": None, "fail_on": None, "include": None}, ScanConfig(claims="/p/claims.yaml", exclude=("vendor",), fail_on="never")),
        ({"fail_on": "unverified"}, ScanConfig(claims="/p/claims.yaml", exclude=("vendor",), fail_on="unverified")),
        ({"claims": "mine.yaml", "show": ["supported"]}, ScanConfig(claims="mine.yaml", exclude=("vendor",), fail_on="never", show=("supported",))),
        ({"exclude": ("old",), "include": ("*.txt",)}, ScanConfig(claims="/p/claims.yaml", include=("*.txt",), exclude=("old",), fail_on="never")),
    ],
)
def test_command_line_wins_over_the_file(cli: dict, expected: ScanConfig) -> None:
    assert merge(ScanConfig(claims="/p/claims.yaml", exclude=("vendor",), fail_on="never"), **cli) == expected


def test_merge_refuses_unknown_settings() -> None:
    with pytest.raises(TypeError):
        merge(ScanConfig(), colour="red")


# --- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fail-on: never\ncolour: red\n", r":2: unknown key 'colour'$"),
        ("fail-onn: never\n", r":1: unknown key 'fail-onn' \(did you mean 'fail-on'\?\)$"),
        ("1: x\n", r":1: unknown key '1'$"),
        ("fail-on: never\nfail_on: never\n", r":2: 'fail-on' is set twice \(as 'fail-on' and 'fail_on'\)$"),
        ("fail-on: always\n", r":1: 'fail-on' must be one of conflicting, unverified, never, not 'always'$"),
        ("fail_on: no\n", r":1: 'fail_on' must be one of conflicting, unverified, never, not a boolean \(false\)$"),
        ("show: all\n", r":1: 'show' takes supported, unverified, not 'all'$"),
        ("show: [supported, 3]\n", r":1: 'show' must list strings, not a number \(3\)$"),
        ("include: {a: b}\n", r":1: 'include' must be a string or a list of strings, not a mapping$"),
        ("exclude:\n", r":1: 'exclude' must be a string or a list of strings, not an empty value$"),
        ("claims: ''\n", r":1: 'claims' must be a path, not an empty string$"),
        ("claims: [a]\n", r":1: 'claims' must be a path, not a list$"),
        ("- fail-on\n", r": expected a mapping of settings, not a list$"),
        ("just words\n", r": expected a mapping of settings, not 'just words'$"),
        ("fail-on: never\nfail-on: never\n", r":2: duplicate key 'fail-on' \(first on line 1\)$"),
        ("fail-on: [never\n", r":2: YAML syntax error: .+$"),
        ("show:\n  - supported\n bad: indent\n", r":3: YAML syntax error: .+$"),
    ],
)
def test_yaml_errors(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, ".factcheck.yaml", text)
    with pytest.raises(ConfigError, match=rf"^{path}{message}"):
        load_config(tmp_path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[tool.factcheck]\ncolour = "red"\n', r": unknown key 'colour' in \[tool.factcheck\]$"),
        ('[tool.factcheck]\nfail-on = true\n', r": 'fail-on' must be one of conflicting, unverified, never, not a boolean \(true\) in \[tool.factcheck\]$"),
        ('[tool.factcheck]\nfail-on = "never"\nfail_on = "never"\n', r": 'fail-on' is set twice \(as 'fail-on' and 'fail_on'\) in \[tool.factcheck\]$"),
        ('[tool.factcheck]\ninclude = 3\n', r": 'include' must be a string or a list of strings, not a number \(3\) in \[tool.factcheck\]$"),
        ('[tool.factcheck]\nexclude = [1.5]\n', r": 'exclude' must list strings, not a number \(1.5\) in \[tool.factcheck\]$"),
        ('[tool.factcheck]\nclaims = {path = "x"}\n', r": 'claims' must be a path, not a mapping in \[tool.factcheck\]$"),
        ('[tool]\nfactcheck = "on"\n', r": \[tool.factcheck\] must be a table, not 'on'$"),
        ('[tool.factcheck]\nfail-on = \n', r":2: invalid TOML: Invalid value$"),
        ('[tool.factcheck\n', r":1: invalid TOML: .+$"),
        ('[project]\nname = "x"\nname = "y"\n', r":3: invalid TOML: .+$"),
    ],
)
def test_pyproject_errors(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "pyproject.toml", text)
    with pytest.raises(ConfigError, match=rf"^{path}{message}"):
        load_config(tmp_path)


@pytest.mark.parametrize(("content", "offset"), [(b"fail-on: \xff\n", 9), (b"\xef\xbb\xbffail-on: \xff\n", 12)])
def test_settings_file_that_is_not_utf8(tmp_path: Path, content: bytes, offset: int) -> None:
    path = tmp_path / ".factcheck.yaml"
    path.write_bytes(content)
    with pytest.raises(ConfigError, match=rf"^{path}: not UTF-8 text \(invalid byte 0xff at offset {offset}\)$"):
        load_config(tmp_path)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_settings_file(tmp_path: Path) -> None:
    path = write(tmp_path, ".factcheck.yaml", "fail-on: never\n")
    path.chmod(0)
    with pytest.raises(ConfigError, match=r": cannot read: Permission denied$"):
        load_config(tmp_path)
