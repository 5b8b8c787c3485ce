"""The schema exists once: `factcheck schema` prints the very schema that validate and the
loader walk, and a standard JSON Schema validator agrees with them on what breaks it."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claimsfile import schema
from factcheck.cli import cli
from factcheck.curation.validate import validate
from factcheck.engine.corpus import bundled_claims

ENTRY = {
    "id": "aid-1950-1954", "statement": "Aid totalled 34 million US dollars.", "topic": "aid",
    "parties": ["China"], "polarity": "positive",
    "values": [{"kind": "money", "value": 34000000, "unit": "USD", "text": "34 million US dollars"}],
    "list": {"closed": True, "members": ["China", {"name": "Soviet Union", "aliases": ["USSR"]}]},
    "evidence": [{"source": "aid", "quote": "Aid was 34 million US dollars."}],
}


def printed() -> dict:
    result = CliRunner().invoke(cli, ["schema"], catch_exceptions=False)
    assert result.exit_code == 0
    return json.loads(result.output)


def jsonschema_paths(data: object) -> list[str]:
    """Where a standard validator finds the data breaks the printed schema, as factcheck writes paths."""
    validator = jsonschema.Draft202012Validator(printed())
    return sorted(_path(e.absolute_path) for e in validator.iter_errors(data))


def _path(parts) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def test_the_printed_schema_is_a_valid_json_schema_without_factchecks_own_keywords() -> None:
    document = printed()
    jsonschema.Draft202012Validator.check_schema(document)
    assert document == schema.json_schema()
    assert "x-expected" not in json.dumps(document)


def test_the_bundled_claims_file_passes_the_printed_schema() -> None:
    data = yaml.safe_load(bundled_claims().read_text(encoding="utf-8"))
    assert jsonschema_paths(data) == []


@pytest.mark.parametrize(
    "change, where, message",
    [
        (lambda e: e.update(colour="red"), "claims[0].colour", "unknown key"),
        (lambda e: e.update(statment="x"), "claims[0].statment", "unknown key (did you mean 'statement'?)"),
        (lambda e: e.pop("topic"), "claims[0]", "missing key 'topic'"),
        (lambda e: e.update(id="Aid 1950"), "claims[0].id", "'Aid 1950' is not kebab-case (a-z, 0-9, single hyphens)"),
        (lambda e: e.update(polarity="neutral"), "claims[0].polarity", "expected one of positive, negative, found 'neutral'"),
        (lambda e: e.update(parties="China"), "claims[0].parties", "expected a list of non-empty strings, found a string"),
        (lambda e: e.update(evidence=[]), "claims[0].evidence", "expected a non-empty list of {source, quote}"),
        (lambda e: e["values"][0].update(kind="cash"), "claims[0].values[0].kind", "expected one of money, count"),
        (lambda e: e["values"][0].update(qualifier="roughly"), "claims[0].values[0].qualifier", "expected one of exact, about"),
        (lambda e: e["values"][0].update(value="many"), "claims[0].values[0].value", "expected a number, found a string"),
        (lambda e: e["values"][0].pop("unit"), "claims[0].values[0]", "missing key 'unit' for a money value"),
        (lambda e: e["values"][0].update(part="early"), "claims[0].values[0].part", "unknown key for a money value (expected kind, text, value, unit, qualifier)"),
        (lambda e: e["values"].append({"kind": "measure", "value": 3, "unit": "furlong", "text": "3 furlongs"}), "claims[0].values[1].unit", "unknown unit 'furlong'"),
        (lambda e: e["list"].update(closed="yes"), "claims[0].list.closed", "expected true or false, found a string"),
        (lambda e: e["list"].update(members=["China"]), "claims[0].list.members", "expected a list of at least two members"),
        (lambda e: e["list"]["members"].append(3), "claims[0].list.members[2]", "expected a name or a mapping with 'name', found a number"),
        (lambda e: e["evidence"][0].update(source="../secret"), "claims[0].evidence[0].source", "'../secret' is not a source id"),
        (lambda e: e["evidence"][0].pop("quote"), "claims[0].evidence[0]", "missing key 'quote'"),
    ],
)
def test_validate_and_a_standard_validator_agree_on_what_breaks_the_schema(tmp_path: Path, change, where: str, message: str) -> None:
    entry = copy.deepcopy(ENTRY)
    change(entry)
    data = {"sources": "sources", "claims": [entry]}
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "aid.md").write_text("Aid was 34 million US dollars. China and the USSR gave it.\n", encoding="utf-8")
    problems = [p for p in validate(path) if p.where.startswith(where)]
    assert [p.message[: len(message)] for p in problems] == [message]
    assert all(p.line > 0 and p.column > 0 for p in problems)
    found = jsonschema_paths(data)
    assert found and all(where.startswith(f) for f in found)


def test_top_level_keys(tmp_path: Path) -> None:
    data = {"claims": [ENTRY], "topics": ["aid", "aid"], "colour": "red"}
    assert [(f.where, f.message) for f in schema.check(data)] == [
        ("colour", "unknown key (expected sources, topics, claims, vocabulary)"),
        ("topics[1]", "'aid' listed twice"),
    ]
    assert jsonschema_paths(data) == ["", "topics"]


SOMETHING = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**9) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["kind", "value", "text", "name", "x"]), inner, max_size=3),
    max_leaves=6,
)
PLACES = [("id",), ("topic",), ("parties",), ("values",), ("values", 0), ("values", 0, "value"), ("values", 0, "kind"),
          ("list",), ("list", "members"), ("list", "members", 1), ("evidence",), ("evidence", 0), ("evidence", 0, "source")]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(PLACES), SOMETHING)
def test_the_walk_and_a_standard_validator_agree_on_any_value_anywhere(place: tuple, value: object) -> None:
    entry = copy.deepcopy(ENTRY)
    target = entry
    for step in place[:-1]:
        target = target[step]
    target[place[-1]] = value
    data = {"claims": [entry]}
    assert bool(schema.check(data)) == bool(jsonschema_paths(data))


def test_the_schema_copy_beside_the_bundled_file_is_current() -> None:
    """claims.schema.json, which the bundled file's first line names for editors, is the printed schema."""
    copy_beside = bundled_claims().with_name("claims.schema.json")
    if not copy_beside.exists():
        pytest.skip("installed from a wheel: the copy is not packaged")
    assert json.loads(copy_beside.read_text(encoding="utf-8")) == printed()


DOC = (Path(__file__).parent.parent / "docs" / "claims-schema.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name",
    sorted({*schema.SCHEMA["properties"], *schema.SCHEMA["$defs"]["entry"]["properties"], *schema.VERDICTS,
            *(branch["properties"]["kind"]["const"] for branch in schema.SCHEMA["$defs"]["value"]["oneOf"]),
            *(key for branch in schema.SCHEMA["$defs"]["value"]["oneOf"] for key in branch["properties"])}),
)
def test_every_key_and_kind_of_the_schema_is_documented(name: str) -> None:
    assert f"`{name}`" in DOC
