"""The knowledge files (factcheck/knowledge/*.txt) and their parsers, as a specification: what
each line format means, which lines are refused (ValueError naming the line), and what the
bundled files must hold for the rest of the engine to read them."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.language.knowledge import (
    FOLDER,
    FRAME_SECTIONS,
    Contrast,
    Knowledge,
    Negations,
    bundled,
    names,
    negations,
    parse_contrasts,
    parse_equivalents,
    parse_frames,
    parse_names,
    parse_negations,
    parse_predicates,
    parse_synonyms,
    parse_words,
    synonyms,
    words,
)
from factcheck.language.normalise import LIGHT_WORDS, STOPWORDS

NO_DATABASE = settings(database=None)  # hypothesis writes nothing outside tmp folders


# --- contrasts.txt: "forms, of, one side | forms, of, the other" ------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("", ()),
        ("# a comment\n\n   \n# another\n", ()),
        ("joined | left", (Contrast((("joined",), ("left",))),)),
        ("joined, entered | left, quit", (Contrast((("joined", "entered"), ("left", "quit"))),)),
        ("Set  Up, BROKE off | Severed", (Contrast((("set up", "broke off"), ("severed",))),)),
        ("   joined | left   ", (Contrast((("joined",), ("left",))),)),
        ("joined  |  left", (Contrast((("joined",), ("left",))),)),
        ("joined, | , left", (Contrast((("joined",), ("left",))),)),
        ("joined | left\n# between\nwon | lost",
         (Contrast((("joined",), ("left",))), Contrast((("won",), ("lost",))))),
    ],
    ids=["empty", "comments-and-blank-lines", "one-form-a-side", "several-forms-a-side",
         "case-and-inner-spaces-folded", "line-stripped", "extra-spaces-around-the-bar",
         "empty-forms-dropped", "two-lines-and-a-comment"],
)
def test_parse_contrasts(text, expected):
    assert parse_contrasts(text) == expected


@pytest.mark.parametrize(
    "text, line",
    [
        ("joined|left", "joined|left"),
        ("joined |left", "joined |left"),
        ("joined | left | quit", "joined | left | quit"),
        ("joined", "joined"),
        ("| left", "| left"),
        ("joined | left\nthis line has no bar\n", "this line has no bar"),
        ("[deny]\njoined | left", "[deny]"),
    ],
    ids=["bar-without-spaces", "bar-without-space-after", "three-sides", "one-side",
         "nothing-before-the-bar", "bad-second-line", "a-section-header"],
)
def test_parse_contrasts_refuses_a_malformed_line(text, line):
    with pytest.raises(ValueError) as raised:
        parse_contrasts(text)
    assert str(raised.value) == f"a contrast has two sides split by ' | ': {line!r}"


def test_parse_contrasts_refuses_a_side_without_a_form():
    with pytest.raises(ValueError, match=re.escape("', | left'")):
        parse_contrasts(", | left")


def test_parse_contrasts_folds_accents_as_contrasts_txt_says():
    assert parse_contrasts("Établi | rompu") == (Contrast((("etabli",), ("rompu",))),)


@st.composite
def forms(draw) -> tuple[str, ...]:
    """Forms as a curator writes them: lower-case words, one space between."""
    word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=8).filter(lambda w: w.strip("-"))
    phrase = st.lists(word, min_size=1, max_size=3).map(" ".join)
    return tuple(draw(st.lists(phrase, min_size=1, max_size=4, unique=True)))


@NO_DATABASE
@given(left=forms(), right=forms())
def test_parse_contrasts_reads_back_what_was_written(left, right):
    assert parse_contrasts(f"{', '.join(left)} | {', '.join(right)}\n") == (Contrast((left, right)),)


@NO_DATABASE
@given(st.text(max_size=200))
def test_parse_contrasts_either_parses_or_raises_value_error(text):
    try:
        parsed = parse_contrasts(text)
    except ValueError:
        return
    assert all(len(c.sides) == 2 for c in parsed)


# --- equivalents.txt and restrictive.txt: "form | form | form" --------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("", ()),
        ("# only a comment\n", ()),
        ("joined | entered", (("joined", "entered"),)),
        ("Became A  Member of | joined", (("became a member of", "joined"),)),
        ("unanimously", (("unanimously",),)),
        ("aid | help\narms | weapons", (("aid", "help"), ("arms", "weapons"))),
    ],
    ids=["empty", "comment", "two-forms", "case-and-inner-spaces-folded",
         "a-set-of-one-form-as-restrictive-txt-has", "two-lines"],
)
def test_parse_equivalents(text, expected):
    assert parse_equivalents(text) == expected


@pytest.mark.parametrize("line", ["aid || help", "aid | | help", "aid|help"],
                         ids=["double-bar", "bar-as-a-form", "bar-without-spaces"])
def test_parse_equivalents_refuses_a_malformed_line(line):
    with pytest.raises(ValueError, match=re.escape(repr(line))):
        parse_equivalents(line)


@NO_DATABASE
@given(st.lists(forms(), min_size=1, max_size=4))
def test_parse_equivalents_reads_back_what_was_written(sets):
    assert parse_equivalents("".join(" | ".join(s) + "\n" for s in sets)) == tuple(sets)


# --- frames.txt: [section] then one regular expression a line ---------------------------------

def pattern_texts(parsed: dict[str, tuple[re.Pattern[str], ...]]) -> dict[str, list[str]]:
    return {name: [p.pattern for p in patterns] for name, patterns in parsed.items()}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", {name: [] for name in FRAME_SECTIONS}),
        ("[deny]\nit is false that\\b",
         {**{name: [] for name in FRAME_SECTIONS}, "deny": [r"^\s*(?:it is false that\b)\s*"]}),
        ("[reported-before]\nhe said that",
         {**{name: [] for name in FRAME_SECTIONS}, "reported-before": [r"^\s*(?:he said that)\s*"]}),
        ("[reported-after]\nsaid$\n[reported-end]\n, he wrote\\.$\n[clause]\n;\\s+\n[clause-with-figures]\n,\\s+and\\s+",
         {"deny": [], "reported-after": ["said$"], "reported-before": [], "reported-end": [r", he wrote\.$"],
          "clause": [r";\s+"], "causal": [], "clause-with-figures": [r",\s+and\s+"], "assert": []}),
        ("[clause]\n;\\s+\n# a comment\n[clause]\n,\\s+because\\s+",
         {**{name: [] for name in FRAME_SECTIONS}, "clause": [r";\s+", r",\s+because\s+"]}),
        ("[deny]\n[clause]\n;", {**{name: [] for name in FRAME_SECTIONS}, "clause": [";"]}),
    ],
    ids=["empty", "deny-anchored-at-the-start", "reported-before-anchored-at-the-start",
         "other-sections-as-written", "a-section-twice-adds-up", "an-empty-section"],
)
def test_parse_frames(text, expected):
    assert pattern_texts(parse_frames(text)) == expected


def test_frames_are_case_insensitive():
    frames = parse_frames("[deny]\nit is false that\\b")
    assert frames["deny"][0].match("IT IS FALSE THAT Vietnam joined ASEAN.").group() == "IT IS FALSE THAT "


@pytest.mark.parametrize(
    "text, message",
    [
        ("[bogus]\nx", "unknown section [bogus]; known: deny, assert, reported-after, reported-before, reported-end, clause, causal, clause-with-figures"),
        ("[DENY]\nx", "unknown section [DENY]; known: deny, assert, reported-after, reported-before, reported-end, clause, causal, clause-with-figures"),
    ],
    ids=["unknown-section", "section-names-are-lower-case"],
)
def test_parse_frames_refuses_an_unknown_section(text, message):
    with pytest.raises(ValueError) as raised:
        parse_frames(text)
    assert str(raised.value) == message


def test_parse_frames_names_a_pattern_before_any_section():
    with pytest.raises(ValueError, match=re.escape("it is false that")):
        parse_frames("it is false that\n[deny]\nit is untrue that")


def test_parse_frames_refuses_an_invalid_pattern_with_its_line():
    with pytest.raises(ValueError, match=re.escape("(it is false")):
        parse_frames("[deny]\n(it is false")


# --- predicates.txt: [section] then words ----------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("", {}),
        ("[verbs]\nIs ARE was\n  became\n", {"verbs": frozenset({"is", "are", "was", "became"})}),
        ("[verbs]\nis\n# a comment\n[determiners]\nthe a",
         {"verbs": frozenset({"is"}), "determiners": frozenset({"the", "a"})}),
        ("[verbs]\nis\n[verbs]\nwas", {"verbs": frozenset({"is", "was"})}),
    ],
    ids=["empty", "words-lower-cased-across-lines", "two-sections", "a-section-twice-adds-up"],
)
def test_parse_predicates(text, expected):
    assert parse_predicates(text) == expected


@pytest.mark.parametrize("text, line", [("[verb]\nis was", "[verb]"), ("is was\n[verbs]\nbe", "is was")],
                         ids=["unknown-section", "words-before-any-section"])
def test_parse_predicates_refuses_a_malformed_line(text, line):
    with pytest.raises(ValueError, match=re.escape(line)):
        parse_predicates(text)


# --- the bundled files ---------------------------------------------------------------------------

def test_bundled_knowledge_is_read_once():
    assert isinstance(bundled(), Knowledge)
    assert bundled() is bundled()


def test_every_bundled_section_has_entries():
    k = bundled()
    assert all([k.deny_frames, k.reported_after, k.reported_before, k.reported_end, k.clause_breaks,
                k.figure_clause_breaks, k.contrasts, k.equivalents, k.restrictive, k.verbs, k.not_verbs_ed,
                k.noun_endings, k.determiners])


@pytest.mark.parametrize("contrast", bundled().contrasts, ids=lambda c: f"{c.sides[0][0]}-vs-{c.sides[1][0]}")
def test_every_bundled_contrast_has_two_distinct_sides(contrast):
    left, right = contrast.sides
    assert left and right
    assert not set(left) & set(right)


@pytest.mark.parametrize("which", ["equivalents", "restrictive"])
def test_no_bundled_form_is_in_two_sets(which):
    counts = Counter(form for forms in getattr(bundled(), which) for form in forms)
    assert [form for form, n in counts.items() if n > 1] == []


def test_every_bundled_equivalent_set_has_two_forms_or_more():
    assert [s for s in bundled().equivalents if len(s) < 2] == []


def test_noun_endings_are_tried_longest_first():
    endings = bundled().noun_endings
    assert [len(e) for e in endings] == sorted((len(e) for e in endings), reverse=True)


@pytest.mark.parametrize(
    "left, right",
    [("joined", "left"), ("established", "severed"), ("every", "almost all"), ("more than", "fewer than"),
     ("developing", "developed"), ("before", "after")],
)
def test_bundled_contrasts_include(left, right):
    assert any(left in c.sides[0] and right in c.sides[1] for c in bundled().contrasts)


@pytest.mark.parametrize(
    "sentence, frame",
    [
        ("It is false that Vietnam joined ASEAN.", "It is false that "),
        ("It's a myth that Vietnam joined ASEAN.", "It's a myth that "),
        ("It was wrong to say that Vietnam joined ASEAN.", "It was wrong to say that "),
        ("It is not correct to say that Vietnam joined ASEAN.", "It is not correct to say that "),
        ("There is no truth in the claim that Vietnam joined ASEAN.", "There is no truth in the claim that "),
        ("Nor is it true that Vietnam joined ASEAN.", "Nor is it true that "),
        ("No, it is not true that Vietnam joined ASEAN.", "No, it is not true that "),
        ("It was never the case that Vietnam joined ASEAN.", "It was never the case that "),
    ],
)
def test_bundled_deny_frames(sentence, frame):
    found = [m.group() for p in bundled().deny_frames if (m := p.match(sentence))]
    assert found == [frame]


# --- words.txt: [section] then words -----------------------------------------------------------

NO_WORDS = dict.fromkeys(["stopwords", "light", "numbers", "figures", "converse", "directional"], frozenset())


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[stopwords]\nthe a\n[light]\nsaid", NO_WORDS | {"stopwords": frozenset({"the", "a"}), "light": frozenset({"said"})}),
        ("# comment\n[light]\nNotes  noted\n", NO_WORDS | {"light": frozenset({"notes", "noted"})}),
        ("[numbers]\none two\n[figures]\nmillion $ us$", NO_WORDS | {"numbers": frozenset({"one", "two"}),
                                                                  "figures": frozenset({"million", "$", "us$"})}),
    ],
    ids=["two-sections", "a-comment-and-case-folded", "numbers-and-figures-as-written"],
)
def test_parse_words(text, expected):
    assert parse_words(text) == expected


@pytest.mark.parametrize("text", ["the a\n[light]\nsaid", "[heavy]\nwar"], ids=["before-any-section", "unknown-section"])
def test_parse_words_refuses_a_word_outside_the_known_sections(text):
    with pytest.raises(ValueError, match="known: stopwords, light, numbers, figures"):
        parse_words(text)


def test_the_bundled_words_are_what_normalise_uses():
    assert words()["stopwords"] == STOPWORDS and words()["light"] == LIGHT_WORDS and not STOPWORDS & LIGHT_WORDS


def test_bundled_number_words_are_not_figures_twice():
    assert words()["numbers"] and words()["figures"] and not words()["numbers"] & words()["figures"]


# --- names.txt: [section] then "name | form | form" -------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("", {"names": {}, "spellings": {}}),
        ("[names]\nvietnam | viet nam | Hanoi", {"names": {"viet nam": "vietnam", "hanoi": "vietnam"}, "spellings": {}}),
        ("[names]\nussr | u.s.s.r. | the soviet bloc\n# a comment\nchina ussr | sino-soviet",
         {"names": {"u.s.s.r.": "ussr", "the soviet bloc": "ussr", "sino-soviet": "china ussr"}, "spellings": {}}),
        ("[spellings]\ndefence | defense\n[names]\nuk | britain",
         {"names": {"britain": "uk"}, "spellings": {"defense": "defence"}}),
        ("[names]\nfrance", {"names": {}, "spellings": {}}),
    ],
    ids=["empty", "forms-to-the-first-case-folded", "abbreviations-and-names-of-several-words-as-written",
         "two-sections", "a-name-alone-maps-nothing"],
)
def test_parse_names(text, expected):
    assert parse_names(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("vietnam | viet nam", "words before any [section]: 'vietnam | viet nam'; known: names, spellings"),
        ("[places]\nvietnam | viet nam", "unknown section [places]; known: names, spellings"),
        ("[names]\nvietnam || viet nam", "a set names one form or more split by ' | ': 'vietnam || viet nam'"),
    ],
    ids=["a-line-before-any-section", "unknown-section", "double-bar"],
)
def test_parse_names_refuses_a_malformed_line(text, message):
    with pytest.raises(ValueError) as raised:
        parse_names(text)
    assert str(raised.value) == message


@NO_DATABASE
@given(st.lists(forms(), min_size=1, max_size=4))
def test_parse_names_reads_each_form_as_its_first(sets):
    read = parse_names("[names]\n" + "".join(" | ".join(s) + "\n" for s in sets))["names"]
    assert read == {form: s[0] for s in sets for form in s[1:]}


# --- synonyms.txt: "word | word | word" -----------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("", {}),
        ("start | began | Begun\n# a comment\naid | helped", {"began": "start", "begun": "start", "helped": "aid"}),
        ("set", {}),
    ],
    ids=["empty", "forms-to-the-first-case-folded", "a-word-alone-maps-nothing"],
)
def test_parse_synonyms(text, expected):
    assert parse_synonyms(text) == expected


@pytest.mark.parametrize(
    "line, message",
    [
        ("start | broke out", "a synonym is one word: 'broke out'"),
        ("set up | founded", "a synonym is one word: 'set up'"),
        ("start || began", "a set names one form or more split by ' | ': 'start || began'"),
    ],
    ids=["a-phrase-as-a-form", "a-phrase-as-the-word-read", "double-bar"],
)
def test_parse_synonyms_refuses_what_the_tokeniser_could_not_meet(line, message):
    with pytest.raises(ValueError) as raised:
        parse_synonyms(line)
    assert str(raised.value) == message


# --- negations.txt: [words], [plain], [not-after] words; [phrases] "key | two words" -----------

def test_parse_negations():
    text = "[words]\nnot Never refused\n[plain]\nnot never\n[not-after]\nonly\n[phrases]\nrule-out | ruled out | rules out"
    assert parse_negations(text) == Negations(
        words=frozenset({"not", "never", "refused"}), plain=frozenset({"not", "never"}), not_after=frozenset({"only"}),
        phrases={("ruled", "out"): "rule-out", ("rules", "out"): "rule-out"})


@pytest.mark.parametrize(
    "text, message",
    [
        ("[phrases]\nrule-out | ruled", "a denying phrase is two words, its key one: rule-out | ruled"),
        ("[phrases]\nrule-out | ruled it out", "a denying phrase is two words, its key one: rule-out | ruled it out"),
        ("[phrases]\nrule out | ruled out", "a denying phrase is two words, its key one: rule out | ruled out"),
        ("[denials]\nnot", "unknown section [denials]; known: words, plain, not-after, phrases"),
        ("not never", "words before any [section]: 'not never'; known: words, plain, not-after, phrases"),
    ],
    ids=["one-word", "three-words", "a-key-of-two-words", "unknown-section", "words-before-any-section"],
)
def test_parse_negations_refuses_a_malformed_line(text, message):
    with pytest.raises(ValueError) as raised:
        parse_negations(text)
    assert str(raised.value) == message


# --- the bundled names, synonyms and negations ----------------------------------------------

def test_no_bundled_name_or_synonym_is_written_two_ways():
    """A form in two sets would be read as whichever came last."""
    names_text = (FOLDER / "names.txt").read_text(encoding="utf-8")
    name_sets = parse_equivalents("\n".join(line for line in names_text.splitlines() if not line.startswith("[")))
    for sets in (name_sets, parse_equivalents((FOLDER / "synonyms.txt").read_text(encoding="utf-8"))):
        counts = Counter(form for forms in sets for form in forms[1:])
        assert [form for form, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(
    "form, name",
    [("hanoi", "vietnam"), ("viet nam", "vietnam"), ("soviet union", "ussr"), ("north vietnam", "drv"),
     ("united states", "usa"), ("defense", "defence"), ("no's", "nos")],
)
def test_bundled_names_include(form, name):
    assert (names()["names"] | names()["spellings"])[form] == name


@pytest.mark.parametrize(
    "word, read_as",
    [("began", "start"), ("troops", "soldiers"), ("backed", "support"), ("backing", "support"), ("free", "release"),
     ("back", None), ("set", None)],
    ids=["began", "troops", "backed", "backing", "free-as-in-free-a-prisoner", "back-as-in-back-in-1995", "set"],
)
def test_bundled_synonyms_read_one_word_as_another(word, read_as):
    assert synonyms().get(word) == read_as


def test_bundled_plain_denials_are_denials():
    known = negations()
    assert known.plain <= known.words and not known.not_after & known.words
    assert known.phrases[("ruled", "out")] == "rule-out" and known.phrases[("free", "from")] == "without"
