"""Scan settings from the nearest `.factcheck.yaml`, or `[tool.factcheck]` table of a pyproject.toml.

A project keeps its settings beside its drafts, so the search starts at the scanned folder and goes
up; the first folder with settings wins, whole (settings of farther folders are not merged in).
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypedDict, cast

from ..claimsfile.files import NotUTF8, decode_utf8
from .discover import DEFAULT_INCLUDE

CONFIG_FILE = ".factcheck.yaml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("conflicting", "unverified", "never")
SHOWABLE = ("supported", "unverified")


class ConfigError(Exception):
    """A settings file cannot be used; the message names the file and, where known, the line."""


@dataclass(frozen=True)
class ScanConfig:
    """What a scan reads, how strict it is and how many processes check it (None: one per CPU);
    `claims` is already resolved against its file's folder."""

    claims: str | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    fail_on: str = "conflicting"
    show: tuple[str, ...] = ()
    jobs: int | None = None


class _Fields(TypedDict, total=False):
    """ScanConfig's fields by name, for the settings that set some of them."""

    claims: str | None
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    fail_on: str
    show: tuple[str, ...]
    jobs: int | None


def load_config(start: Path) -> tuple[ScanConfig, Path | None]:
    """Return the settings of the nearest folder at or above `start` that has any, and their file."""
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return _from_yaml(own), own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file():
            table = _factcheck_table(pyproject)
            if table is not None:
                return _settings(table, pyproject, lambda key: None, " in [tool.factcheck]"), pyproject
    return ScanConfig(), None


def merge(config: ScanConfig, **cli_values: object) -> ScanConfig:
    """Settings with the command line's values (those not None) taking precedence over the file's."""
    given = {key: tuple(value) if isinstance(value, list) else value for key, value in cli_values.items()}
    # the caller names ScanConfig's fields and gives each its own type (a list for a tuple)
    return replace(config, **cast(_Fields, {key: value for key, value in given.items() if value is not None}))


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        return decode_utf8(data)
    except NotUTF8 as error:
        raise ConfigError(f"{path}: {error}") from None


def _from_yaml(path: Path) -> ScanConfig:
    from ..claimsfile import yamlfile  # PyYAML only for a project that has this file

    try:
        data, problems = yamlfile.load(_read(path))
    except yamlfile.YamlError as error:
        raise ConfigError(f"{path}:{error.problem.line}: {error.problem.message}") from None
    if problems:
        raise ConfigError(f"{path}:{problems[0].line}: {problems[0].message}")
    if data is None:
        return ScanConfig()
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings, not {_kind(data)}")
    key_lines = getattr(data, "key_lines", {})
    return _settings(data, path, key_lines.get, "")


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)$")


def _factcheck_table(path: Path) -> Mapping[object, object] | None:
    """The [tool.factcheck] table of a pyproject.toml, or None when it has none."""
    try:
        data = tomllib.loads(_read(path))
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        if position is None:
            raise ConfigError(f"{path}: invalid TOML: {message}") from None
        raise ConfigError(f"{path}:{position.group(1)}: invalid TOML: {message[: position.start()]}") from None
    tool = data.get("tool")
    if not isinstance(tool, dict) or "factcheck" not in tool:
        return None
    if not isinstance(tool["factcheck"], dict):
        raise ConfigError(f"{path}: [tool.factcheck] must be a table, not {_kind(tool['factcheck'])}")
    return tool["factcheck"]


# each key a file may hold -> the ScanConfig field it sets
_KEYS = {
    "claims": "claims",
    "include": "include",
    "exclude": "exclude",
    "fail-on": "fail_on",
    "fail_on": "fail_on",
    "show": "show",
    "jobs": "jobs",
}


def _settings(
    table: Mapping[object, object], path: Path, line_of: Callable[[object], int | None], section: str
) -> ScanConfig:
    """Validate a table of settings read from `path` (`line_of` gives a key's line when known)."""

    def error(key: object, message: str) -> ConfigError:
        line = line_of(key)
        return ConfigError(f"{path}{f':{line}' if line else ''}: {message}")

    values: dict[str, object] = {}
    for key, value in table.items():
        if not isinstance(key, str) or key not in _KEYS:
            close = difflib.get_close_matches(str(key), _KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise error(key, f"unknown key {str(key)!r}{section}{hint}")
        name = _KEYS[key]
        if name in values:
            raise error(key, f"'fail-on' is set twice (as 'fail-on' and 'fail_on'){section}")
        try:
            values[name] = _value(name, key, value)
        except ValueError as problem:
            raise error(key, f"{problem}{section}") from None
    claims = values.get("claims")
    if isinstance(claims, str):  # always, when given: _value checked it
        values["claims"] = os.path.normpath(path.parent / claims)
    return ScanConfig(**cast(_Fields, values))  # _value checked each value against its field's type


def _value(name: str, key: str, value: object) -> str | int | tuple[str, ...]:
    """Check one setting's type and vocabulary (ValueError says what is wrong); a single pattern or
    word may stand for a list of one."""
    if name == "claims":
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"'claims' must be a path, not {_kind(value)}")
        return value
    if name == "fail_on":
        if not isinstance(value, str) or value not in FAIL_ON:
            raise ValueError(f"{key!r} must be one of {', '.join(FAIL_ON)}, not {_kind(value)}")
        return value
    if name == "jobs":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"'jobs' must be a whole number of 1 or more, not {_kind(value)}")
        return value
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ValueError(f"{key!r} must be a string or a list of strings, not {_kind(value)}")
    for item in items:
        if not isinstance(item, str):
            raise ValueError(f"{key!r} must list strings, not {_kind(item)}")
        if name == "show" and item not in SHOWABLE:
            raise ValueError(f"'show' takes {', '.join(SHOWABLE)}, not {_kind(item)}")
    return tuple(items)


def _kind(value: object) -> str:
    """How a YAML or TOML value reads to someone who wrote it."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"{value!r}" if value.strip() else "an empty string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"

