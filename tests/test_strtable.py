"""The cache's string tables (strtable.py) and postings (postings.py) answer as the sets,
dicts and lists they stand for, also once written out and read back from their bytes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.engine.postings import Postings
from factcheck.engine.strtable import Lengths, NameSet, StringTable, Texts
from factcheck.language.normalise import lengths_by_first_word

words = st.text(min_size=0, max_size=12)  # any text: accents, surrogates, the empty string


@given(st.lists(words, unique=True, max_size=200), st.lists(words, max_size=20))
@settings(max_examples=200, deadline=None)
def test_a_string_table_numbers_its_strings_in_order(strings, others):
    for table in (StringTable.build(strings), StringTable(*StringTable.build(strings).parts())):
        assert {s: table.get(s) for s in strings} == {s: i for i, s in enumerate(strings)}
        assert list(table) == strings and len(table) == len(strings)
        assert all((s in table) == (s in strings) for s in others)


names = st.lists(st.lists(st.text(alphabet="abcé ", min_size=1, max_size=5), min_size=1, max_size=4).map(tuple), max_size=60)


@given(names, names)
@settings(max_examples=200, deadline=None)
def test_a_name_set_and_its_lengths_answer_as_a_set_and_a_dict(given_names, others):
    kept = set(given_names)
    read_back = NameSet(StringTable(*NameSet.build(kept).table.parts()))
    assert all((n in read_back) == (n in kept) for n in [*kept, *others])
    assert set(read_back) == kept
    lengths = lengths_by_first_word(kept)
    table = Lengths.build(lengths)
    read = Lengths(StringTable(*table.parts()[:3]), *table.parts()[3:])
    assert {w: read[w] for w in read} == lengths
    assert all((n[0] in read) == (n[0] in lengths) for n in others)


@given(st.dictionaries(words, st.lists(st.integers(0, 10_000), unique=True).map(sorted), max_size=50))
@settings(max_examples=200, deadline=None)
def test_postings_read_back_from_their_bytes_are_the_lists_they_were(lists):
    postings = Postings.from_parts(*Postings.pack(lists).parts())
    assert {w: list(postings[w]) for w in postings} == lists
    assert all(postings.count(w) == len(hits) for w, hits in lists.items())
    assert postings.count("\x00not a word") == 0 and list(postings.get("\x00not a word")) == []


@given(st.lists(words, max_size=50))
@settings(max_examples=100, deadline=None)
def test_texts_read_back_as_the_list_they_were(texts):
    assert list(Texts(*Texts.parts(texts))) == texts
    assert Texts(*Texts.parts(texts))[-1:] == texts[-1:]
