"""`factcheck extract`: entries drafted from a source pass `validate` as they are, keep the
claims file's text, and state every figure of their quote."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, write_corpus
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import cli
from factcheck.curation.facts import facts
from factcheck.curation.lists import find_list
from factcheck.curation.naming import allowed_topics, guess_topic, make_id, parties_of
from factcheck.curation.validate import validate
from factcheck.curation.valuefields import date_value, value_fields
from factcheck.language.quantities import Kind, parse, span_of

LIGHTHOUSE = """\
---
title: The Bell Rock Lighthouse
published: 2021-06-01
date: 2021-06
---
# Bell Rock

The Bell Rock Lighthouse was first lit on 1 February 1811.
It stands 35 metres tall and was built by Robert Stevenson.
The keepers left in 1988; the light has been automatic since then.
The lighthouse had three keepers at a time: a principal and two assistants.
Its builders worked for four summers, including Stevenson, Rennie and Skeen.
Is it the oldest sea-washed lighthouse?
The sea was rough.
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def lighthouse(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "bell-rock.md").write_text(LIGHTHOUSE, encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text("# my lighthouses\nsources: sources  # beside this file\nclaims: []\n", encoding="utf-8")
    return path


# --- what a sentence gives ------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "statements"), [
    ("Saigon fell on 30 April 1975.", ["Saigon fell on 30 April 1975."]),
    ("Vietnam has established strategic partnerships with 16 countries, and comprehensive partnerships with 10 countries.",
     ["Vietnam has established strategic partnerships with 16 countries.",
      "Vietnam has established comprehensive partnerships with 10 countries."]),
    ("The keepers left in 1988; the light was automated in 1987.",
     ["The keepers left in 1988.", "The light was automated in 1987."]),
    # a clause that states nothing to check stays with the one that does
    ("The keepers left in 1988; the light has been automatic since then.",
     ["The keepers left in 1988; the light has been automatic since then."]),
    ("(2) Vietnam joined ASEAN in 1995 (1).", ["Vietnam joined ASEAN in 1995."]),
    ("the tower was painted in 2019", ["The tower was painted in 2019."]),
])
def test_facts_of_a_sentence(sentence, statements):
    assert [s for _, _, s in facts(sentence)] == statements


def test_each_fact_quotes_its_own_words():
    sentence = "Vietnam has established strategic partnerships with 16 countries, and comprehensive partnerships with 10 countries."
    assert [sentence[a:b] for a, b, _ in facts(sentence)] == [
        "Vietnam has established strategic partnerships with 16 countries", "comprehensive partnerships with 10 countries"]


@pytest.mark.parametrize(("quote", "members", "closed"), [
    ("Vietnam has established a comprehensive strategic partnership with five countries: China (2008), Russia (2012), India (2016), the Republic of Korea (2022), and the US (2023).",
     ["China", "Russia", "India", "Republic of Korea", "US"], True),
    ("The firm had two founders: Ada Lovelace and Charles Babbage.", ["Ada Lovelace", "Charles Babbage"], True),
    ("He visited many countries, including France, the United Kingdom and China.", ["France", "United Kingdom", "China"], False),
    ("The firm had three founders: Ada Lovelace and Charles Babbage.", ["Ada Lovelace", "Charles Babbage"], False),
    ("So far, Vietnam has signed FTAs with the European Union (EU), Japan, Chile and South Korea", ["European Union", "Japan", "Chile", "South Korea"], False),
    ("He met leaders in Paris, London, and Rome.", ["Paris", "London", "Rome"], False),
    ("He went to Paris and Rome.", None, None),  # two names in a row are a pair, not a list
    ("It reads as follows: the sea was rough.", None, None),
    ("No list here, only 12 ships.", None, None),
])
def test_lists(quote, members, closed):
    found = find_list(quote, parse(quote))
    if members is None:
        assert found is None
    else:
        assert [m[0] for m in found.members] == members
        assert found.closed is closed


@pytest.mark.parametrize(("text", "fields"), [
    ("34 million US dollars", {"kind": "money", "value": 34000000, "unit": "USD", "text": "34 million US dollars"}),
    ("more than 100 countries", {"kind": "count", "value": 100, "unit": "countries", "qualifier": "more-than", "text": "more than 100"}),
    ("0.86 percent", {"kind": "percent", "value": 0.86, "text": "0.86 percent"}),
    ("192 out of 193", {"kind": "ratio", "value": 192, "of": 193, "text": "192 out of 193"}),
    ("12 July 1995", {"kind": "date", "value": "1995-07-12", "text": "12 July 1995"}),
    ("the end of 1946", {"kind": "date", "value": "1946", "part": "late", "text": "the end of 1946"}),
    ("after 1968", {"kind": "date", "value": "1968", "relation": "after", "text": "after 1968"}),
    ("the 1960s", {"kind": "date", "value": "1960s", "text": "1960s"}),
    ("the thirteenth century", {"kind": "date", "value": "C13", "text": "thirteenth century"}),
    ("June 1950 to June 1954", {"kind": "period", "from": "1950-06", "to": "1954-06", "text": "June 1950 to June 1954"}),
    ("nearly 40 years", {"kind": "duration", "value": 40, "unit": "years", "qualifier": "almost", "text": "nearly 40 years"}),
    ("the 13th National Party Congress", {"kind": "ordinal", "value": 13, "unit": "party", "text": "13th"}),
])
def test_a_figure_as_a_value(text, fields):
    assert value_fields(parse(text)[0]) == fields


DATES = st.one_of(
    st.builds(lambda y: f"{y:04d}", st.integers(1000, 2199)),
    st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(1000, 2199), st.integers(1, 12)),
    st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(1000, 2199), st.integers(1, 12), st.integers(1, 28)),
    st.builds(lambda d: f"{d * 10:04d}s", st.integers(100, 219)),
    st.builds(lambda c: f"C{c}", st.integers(2, 21)),  # the first century would start in year 0
)


@given(DATES, st.sampled_from(["", "early", "mid", "late"]))
def test_a_date_is_written_back_as_the_same_interval(value, part):
    part = "" if "-" in value else part  # a month or a day has no part
    span = span_of(value, part)
    assert span_of(*date_value(span)) == span


def test_ids_are_kebab_case_and_unique():
    taken = {"vietnam-joined-asean-1995"}
    first = make_id("Vietnam joined ASEAN in 1995.", taken)
    assert first != "vietnam-joined-asean-1995" and first.startswith("vietnam-joined-asean-1995")
    assert make_id("Điện Biên Phủ fell in 1954; Ho Chi Minh's army won.", set()) == "dien-bien-phu-fell-1954-ho"


@pytest.mark.parametrize(("text", "allowed", "topic", "guessed"), [
    ("China gave military aid in 1950.", ("aid", "history"), "aid", False),
    ("The tower opened in 1889.", ("aid", "history"), "aid", True),  # a fixed or declared list: its first, marked
    ("The tower opened in 1889.", None, "undecided", True),  # any topic will do: the curator decides
    ("The lighthouse was lit in 1811.", ("lighthouses", "bridges"), "lighthouses", False),
    ("The bridge was built in 1890.", ("lighthouses", "bridges"), "bridges", False),
    ("The ferry sailed in 1890.", ("lighthouses", "bridges"), "lighthouses", True),
])
def test_topic_guess(text, allowed, topic, guessed):
    assert guess_topic(text, allowed) == (topic, guessed)


def test_without_a_cue_the_topic_of_the_entries_most_alike():
    from factcheck.claimsfile.claims import ClaimsFile, Entry, Evidence
    from factcheck.curation.naming import Topics

    def entry(topic: str, statement: str) -> Entry:
        return Entry(id=topic, statement=statement, topic=topic, evidence=(Evidence("doc", statement),))

    claims = ClaimsFile(Path("claims.yaml"), Path("sources"), (
        entry("ferries", "The ferry crossing to Hynish harbour takes forty minutes."),
        entry("keepers", "Three keepers lived on the rock at a time.")))
    words = Topics.of(claims).words
    assert {"ferry", "crossing", "hynish"} <= words["ferries"]
    topics = Topics(("keepers", "ferries"), ("ferries", "keepers"), words)  # as a file declaring them reads
    assert topics.guess("A second ferry crossing to Hynish opened in 1960.") == ("ferries", False)
    assert topics.guess("The weather changed in 1960.") == ("keepers", True)


def test_the_topics_allowed_are_the_files_own_where_it_declares_them():
    class Declared:
        topics = ("lighthouses",)

    assert allowed_topics(Declared()) == ("lighthouses",)


@pytest.mark.parametrize(("statement", "parties"), [
    ("Vietnam established a comprehensive strategic partnership with the Republic of Korea in 2022.", ("Vietnam", "Republic of Korea")),
    ("In 1964, Caracas guerrillas captured a US officer.", ("Caracas", "US")),
    ("However, Stevenson's lighthouse was lit in February 1811.", ("Stevenson",)),
])
def test_parties(statement, parties):
    assert parties_of(statement) == parties


# --- the command ----------------------------------------------------------------------------


def test_the_output_passes_validate_as_it_is(lighthouse: Path):
    result = run("extract", "--claims", str(lighthouse), str(lighthouse.parent / "sources" / "bell-rock.md"))
    assert result.exit_code == 0
    drafted = lighthouse.parent / "drafted.yaml"
    drafted.write_text(result.stdout, encoding="utf-8")
    assert validate(drafted) == []
    data = yaml.safe_load(result.stdout)
    entries = {e["id"]: e for e in data["claims"]}
    lit = entries["bell-rock-lighthouse-first-lit-1"]
    assert lit["values"] == [{"kind": "date", "value": "1811-02-01", "text": "1 February 1811"}]
    assert lit["evidence"] == [{"source": "bell-rock", "quote": "The Bell Rock Lighthouse was first lit on 1 February 1811."}]
    keepers = next(e for e in data["claims"] if e["statement"].startswith("The lighthouse had three keepers"))
    assert "list" not in keepers  # two items for "three keepers", in lower case: not a list of names
    builders = next(e for e in data["claims"] if e["statement"].startswith("Its builders"))
    assert builders["list"] == {"closed": False, "members": ["Stevenson", "Rennie", "Skeen"]}
    assert builders["parties"] == ["Stevenson", "Rennie", "Skeen"]
    quotes = " ".join(e["evidence"][0]["quote"] for e in data["claims"])
    assert "oldest sea-washed" not in quotes  # a question
    assert "The sea was rough" not in quotes  # nothing to check
    assert all(e["polarity"] in ("positive", "negative") for e in data["claims"])


def test_write_appends_and_keeps_the_files_text(lighthouse: Path):
    before = lighthouse.read_text(encoding="utf-8")
    result = run("extract", "--claims", str(lighthouse), "--write", str(lighthouse.parent / "sources" / "bell-rock.md"))
    assert result.exit_code == 0
    after = lighthouse.read_text(encoding="utf-8")
    assert after.startswith("# my lighthouses\nsources: sources  # beside this file\nclaims:\n")
    assert validate(lighthouse) == []
    assert len(yaml.safe_load(after)["claims"]) >= 5
    again = run("extract", "--claims", str(lighthouse), "--write", str(lighthouse.parent / "sources" / "bell-rock.md"))
    assert again.exit_code == 0
    assert lighthouse.read_text(encoding="utf-8") == after  # everything is quoted now
    assert before != after


def test_entries_already_quoted_are_not_proposed_again(tmp_path: Path):
    path = write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    result = run("extract", "--claims", str(path), str(tmp_path / "sources" / "doc.md"))
    assert result.exit_code == 0
    quotes = [e["evidence"][0]["quote"] for e in yaml.safe_load(result.stdout)["claims"]]
    assert quotes == ["It later joined the WTO in 2007, after long talks."]
    assert "1 already quoted" in result.stderr


def test_write_into_an_empty_file(tmp_path: Path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "bell-rock.md").write_text(LIGHTHOUSE, encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text("", encoding="utf-8")
    assert run("extract", "--claims", str(path), "--write", str(tmp_path / "sources" / "bell-rock.md")).exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("claims:\n  # sources/bell-rock.md:")
    assert validate(path) == []


def test_a_source_given_by_its_id(lighthouse: Path):
    result = run("extract", "--claims", str(lighthouse), "bell-rock")
    assert result.exit_code == 0
    assert "bell-rock" in result.stdout


@pytest.mark.parametrize(("make", "message"), [
    (lambda root: root / "missing.md", "missing.md: no such file"),
    (lambda root: root / "outside.md", "not a .md file of the sources folder"),
    (lambda root: root / "sources" / "Bad Name.md", "is not kebab-case"),
    (lambda root: root / "sources" / "notes.txt", "not a .md file of the sources folder"),
])
def test_bad_sources_are_one_line_and_exit_2(lighthouse: Path, make, message):
    root = lighthouse.parent
    for name in ("outside.md", "sources/Bad Name.md", "sources/notes.txt"):
        (root / name).write_text("Saigon fell on 30 April 1975.\n", encoding="utf-8")
    result = run("extract", "--claims", str(lighthouse), str(make(root)))
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_claims_file_that_does_not_load_is_one_line_and_exit_2(lighthouse: Path):
    lighthouse.write_text("claims: [unclosed\n", encoding="utf-8")
    result = run("extract", "--claims", str(lighthouse), str(lighthouse.parent / "sources" / "bell-rock.md"))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")


def test_no_value_of_a_bundled_source_sentence_is_left_out(tmp_path: Path):
    """Every figure of every drafted quote is among the entry's values: validate says so."""
    root = Path(__file__).parent.parent
    (tmp_path / "sources").mkdir()
    source = root / "sources" / "internationalism-in-vietnam-then-and-now.md"
    (tmp_path / "sources" / source.name).write_bytes(source.read_bytes())
    path = tmp_path / "claims.yaml"
    path.write_text("claims: []\n", encoding="utf-8")
    assert run("extract", "--claims", str(path), "--write", str(tmp_path / "sources" / source.name)).exit_code == 0
    assert validate(path) == []
    assert sum(1 for q in parse(path.read_text(encoding="utf-8")) if q.kind is Kind.MONEY) > 0


SENTENCE_PARTS = st.sampled_from([
    "Vietnam", "joined", "ASEAN", "in 1995", ",", ";", ", and", ":", "five countries", "China (2008)",
    "including", "France", "the", "not", "more than 100", "34 million US dollars", "(1)", "“Four Nos”",
    "policy", "treaty", "first", "  ", "and", "of", "é", "\u2028", "'s",
])


@given(st.lists(SENTENCE_PARTS, max_size=25).map(" ".join))
def test_every_fact_quotes_the_sentence_as_written(sentence):
    """Whatever a sentence holds, each fact's quote is a piece of it and each of its figures
    can be written as a value."""
    from factcheck.curation.checkable import SourceSentence
    from factcheck.curation.extract import propose
    from factcheck.curation.naming import Topics

    for start, end, statement in facts(sentence):
        assert sentence[start:end] in sentence and statement
        for p in propose(SourceSentence("doc", 1, 0, len(sentence), sentence), start, end, statement, Topics(), set()):
            assert p.quote in " ".join(sentence.split())  # as written, whitespace folded as quotes are found
            assert all(v["text"] in p.quote for v in p.values)


def test_write_never_goes_to_the_bundled_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    result = run("extract", "--write", "anything.md")
    assert result.exit_code == 2
    assert result.stderr == "Error: no claims.yaml in this folder or its parents: give --claims PATH to choose the file to write\n"


def test_a_source_that_is_not_text_is_one_line(lighthouse: Path):
    (lighthouse.parent / "sources" / "binary.md").write_bytes(b"\xff\xfe\x00 not text")
    result = run("extract", "--claims", str(lighthouse), str(lighthouse.parent / "sources" / "binary.md"))
    assert result.exit_code == 2
    assert "not UTF-8 text" in result.stderr and result.stderr.count("\n") == 1


def test_a_sentence_wrapped_over_lines_is_one_entry(tmp_path: Path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "wrapped.md").write_text(
        "# Bridges\n\nThe Forth Bridge was opened on\n4 March 1890 by the Prince of Wales.  It is\n2,467 metres long.\n",
        encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text("claims: []\n", encoding="utf-8")
    assert run("extract", "--claims", str(path), "--write", str(tmp_path / "sources" / "wrapped.md")).exit_code == 0
    assert validate(path) == []
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]
    assert [e["evidence"][0]["quote"] for e in entries] == [
        "The Forth Bridge was opened on 4 March 1890 by the Prince of Wales.", "It is 2,467 metres long."]
    assert "# sources/wrapped.md:3" in path.read_text(encoding="utf-8")
