"""A sentence as the assertions it makes (factcheck/clauses.py), as a specification: the frame
taken off (unframe), one sentence cut into its assertions (clauses), and whether a text has a
verb at all (has_predicate). Ends with the command line on a denied claim."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cli import cli
from factcheck.engine.clauses import Framed, clauses, has_predicate, subject_of, unframe
from factcheck.language.normalise import headline_cased

NO_DATABASE = settings(database=None)

ASEAN = "Vietnam joined ASEAN in 1995."


# --- unframe: denials --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, expected",
    [
        (ASEAN, Framed(ASEAN)),
        ("", Framed("")),
        ("   ", Framed("")),
        ("It is false that Vietnam joined ASEAN in 1995.", Framed(ASEAN, True, "It is false that")),
        ("IT IS FALSE THAT Vietnam joined ASEAN in 1995.", Framed(ASEAN, True, "IT IS FALSE THAT")),
        ("It's not true that Vietnam joined ASEAN in 1995.", Framed(ASEAN, True, "It's not true that")),
        ("It is a myth that Vietnam joined ASEAN in 1995.", Framed(ASEAN, True, "It is a myth that")),
        ("Contrary to popular belief, Vietnam joined ASEAN in 1995.", Framed(ASEAN, False, "Contrary to popular belief,")),
        ("No, it is not true that Vietnam joined ASEAN in 1995.", Framed(ASEAN, True, "No, it is not true that")),
        ("There is no truth in the claim that Vietnam joined ASEAN in 1995.",
         Framed(ASEAN, True, "There is no truth in the claim that")),
        ("It is false that it is false that Vietnam joined ASEAN in 1995.",
         Framed(ASEAN, False, "It is false that it is false that")),
        ("It is false that it is false that it is false that Vietnam joined ASEAN in 1995.",
         Framed(ASEAN, True, "It is false that it is false that it is false that")),
        ("It is false that.", Framed(".", True, "It is false that")),
        ("Vietnam joined ASEAN in 1995. It is false that", Framed("Vietnam joined ASEAN in 1995. It is false that")),
        ("Few remember that Vietnam joined ASEAN in 1995.", Framed(ASEAN, False, "Few remember that")),
        ("Few Western readers know that Vietnam joined ASEAN in 1995.", Framed(ASEAN, False, "Few Western readers know that")),
        ("It is often forgotten that Vietnam joined ASEAN in 1995.", Framed(ASEAN, False, "It is often forgotten that")),
        ("Contrary to a popular misconception, Vietnam joined ASEAN in 1995.",
         Framed(ASEAN, False, "Contrary to a popular misconception,")),
        ("Some wrongly claim that Vietnam joined ASEAN in 1995.", Framed(ASEAN, True, "Some wrongly claim that")),
        ("No serious historian believes that Vietnam joined ASEAN in 1995.", Framed(ASEAN, True, "No serious historian believes that")),
        ("Contrary to what is often said, it is not the case that Vietnam joined ASEAN in 1995.",
         Framed(ASEAN, True, "Contrary to what is often said, it is not the case that")),
        ("No serious historian believes that china's split with the USSR emerged in 1963.",
         Framed("china's split with the USSR emerged in 1963.", True, "No serious historian believes that")),
        ("Vietnam Has Said That It Does Not Take Sides", Framed("It Does Not Take Sides", False, "Vietnam Has Said That")),
        ("Vietnam Has Said That Do Not Take Sides", Framed("Do Not Take Sides", False, "Vietnam Has Said That")),
    ],
    ids=["no-frame", "empty", "only-spaces", "it-is-false-that", "frame-in-capitals", "its-not-true-that",
         "a-myth", "contrary-to-popular-belief-asserts", "no-it-is-not-true-that", "no-truth-in-the-claim",
         "two-denials-cancel", "three-denials-deny", "a-frame-and-a-full-stop", "a-frame-at-the-end-is-no-frame",
         "few-remember-asserts", "few-readers-know-asserts", "often-forgotten-asserts", "contrary-to-a-misconception-asserts",
         "wrongly-claimed-denies", "no-historian-believes-denies", "an-assertion-then-a-denial", "a-denial-lends-no-subject",
         "a-title-case-report-lends-no-subject", "a-title-case-report-of-a-verb-ends"],
)
def test_unframe_denials(sentence, expected):
    assert unframe(sentence) == expected


def test_a_text_of_only_a_frame_denies_nothing():
    assert unframe("It is false that") == Framed("It is false that")


def test_every_nested_frame_is_peeled():
    assert unframe("It is false that " * 4 + ASEAN) == Framed(ASEAN, False, ("It is false that " * 4).strip())


# --- unframe: reports ----------------------------------------------------------------------------

class Sources:
    """A speaks_of callback: the sources speak of a frame naming one of `known`; every frame asked
    about is kept, to show what the callback is given."""

    def __init__(self, *known: str):
        self.known, self.asked = known, []

    def __call__(self, frame: str) -> bool:
        self.asked.append(frame)
        return any(k in frame for k in self.known)


CHINH = "Pham Minh Chinh told CSIS in May 2023 that Vietnam joined ASEAN in 1995."


@pytest.mark.parametrize(
    "sentence, known, expected, asked",
    [
        ("The minister said that Vietnam joined ASEAN in 1995.", (),
         Framed(ASEAN, False, "The minister said that"), ["The minister said"]),
        (CHINH, (),
         Framed(ASEAN, False, "Pham Minh Chinh told CSIS in May 2023 that"), ["Pham Minh Chinh told CSIS in May 2023"]),
        (CHINH, ("Chinh",),
         Framed(ASEAN, False, "Pham Minh Chinh told CSIS in May 2023 that", (CHINH,)), ["Pham Minh Chinh told CSIS in May 2023"]),
        ("It is false that the minister said that Vietnam joined ASEAN in 1995.", ("minister",),
         Framed(ASEAN, True, "It is false that the minister said that", ("the minister said that Vietnam joined ASEAN in 1995.",)),
         ["the minister said"]),
        ('"Vietnam joined ASEAN in 1995," a spokesperson said.', (),
         Framed("Vietnam joined ASEAN in 1995"), ["a spokesperson said"]),
        ("“Vietnam joined ASEAN in 1995,” a spokesperson told reporters in 2023.", (),
         Framed("Vietnam joined ASEAN in 1995"), ["a spokesperson told reporters in 2023"]),
        ("“Vietnam joined ASEAN in 1995,” Pham Minh Chinh told CSIS in May 2023.", ("Chinh",),
         Framed("Vietnam joined ASEAN in 1995", reports=("“Vietnam joined ASEAN in 1995,” Pham Minh Chinh told CSIS in May 2023.",)),
         ["Pham Minh Chinh told CSIS in May 2023"]),
        ('"Vietnam joined ASEAN in 1995", said a spokesperson.', (),
         Framed("Vietnam joined ASEAN in 1995"), ["said a spokesperson"]),
        ('It is false that "Vietnam joined ASEAN in 1995," a spokesperson said.', (),
         Framed("Vietnam joined ASEAN in 1995", True, "It is false that"), ["a spokesperson said"]),
        ("Vietnam joined ASEAN in 1995, Deputy Defence Minister Hoang Xuan Chien wrote.", (),
         Framed(ASEAN), [", Deputy Defence Minister Hoang Xuan Chien wrote."]),
        ("Vietnam joined ASEAN in 1995, Deputy Defence Minister Hoang Xuan Chien wrote.", ("Chien",),
         Framed("Vietnam joined ASEAN in 1995, Deputy Defence Minister Hoang Xuan Chien wrote."),
         [", Deputy Defence Minister Hoang Xuan Chien wrote."]),
        ("Vietnam sent troops to Cambodia in 1978, as Thayer wrote.", (),
         Framed("Vietnam sent troops to Cambodia in 1978."), [", as Thayer wrote."]),
        ('"Vietnam joined ASEAN in 1995."', (), Framed('"Vietnam joined ASEAN in 1995."'), []),
        ('"Vietnam joined ASEAN in 1995," a spokesperson said, "not in 1997."', (),
         Framed('"Vietnam joined ASEAN in 1995," a spokesperson said, "not in 1997."'), []),
        ('"" a spokesperson said.', (), Framed('"" a spokesperson said.'), []),
    ],
    ids=["said-that", "told-someone-when-that", "a-report-the-sources-speak-of-is-kept-whole",
         "a-denied-report-the-sources-speak-of", "quotation-then-said", "curly-quotation-then-told-reporters", "a-quotation-the-sources-speak-of-is-kept-whole",
         "quotation-then-said-a-spokesperson", "denied-quotation", "report-at-the-end",
         "report-at-the-end-the-sources-speak-of-stays", "as-someone-wrote", "a-quotation-alone-is-kept",
         "a-quotation-in-two-parts-is-kept", "an-empty-quotation-is-kept"],
)
def test_unframe_reports(sentence, known, expected, asked):
    sources = Sources(*known)
    assert unframe(sentence, sources) == expected
    assert sources.asked == asked


@pytest.mark.parametrize(
    "sentence",
    ["Vietnam claims the Paracels, and China claims the Spratlys.",
     "Vietnam joined ASEAN in 1995, which adds weight to its claims.",
     "Vietnam joined ASEAN in 1995, and the US notes its progress."],
    ids=["and-x-claims", "which-adds", "and-x-notes"],
)
def test_a_clause_with_a_reporting_verb_is_not_a_report(sentence):
    assert unframe(sentence) == Framed(sentence)


# --- clauses --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("", []),
        ("   ", []),
        (";", [";"]),
        (ASEAN, [ASEAN]),
        ("Vietnam joined ASEAN in 1995; it joined the WTO in 2007.",
         ["Vietnam joined ASEAN in 1995", "it joined the WTO in 2007."]),
        ("Vietnam joined ASEAN in 1995; it joined the WTO in 2007; it joined the CPTPP in 2018.",
         ["Vietnam joined ASEAN in 1995", "it joined the WTO in 2007", "it joined the CPTPP in 2018."]),
        ("Vietnam   joined ASEAN\nin 1995;\tit joined the WTO in 2007.",
         ["Vietnam joined ASEAN in 1995", "it joined the WTO in 2007."]),
        ("Vietnam joined ASEAN in 1995, after which it joined APEC in 1998.",
         ["Vietnam joined ASEAN in 1995", "it joined APEC in 1998."]),
        ("Vietnam joined ASEAN, which led to closer regional ties.",
         ["Vietnam joined ASEAN", "Vietnam led to closer regional ties."]),
        ("Vietnam joined ASEAN in 1995, which Laos joined in 1997.",
         ["Vietnam joined ASEAN in 1995, which Laos joined in 1997."]),
        ("Vietnam joined the WTO in 2007, and has since signed many trade agreements.",
         ["Vietnam joined the WTO in 2007", "Vietnam has since signed many trade agreements."]),
        ("Vietnam joined ASEAN, and then sent observers to the summit.",
         ["Vietnam joined ASEAN", "Vietnam sent observers to the summit."]),
        ("Vietnam joined ASEAN in 1995, and subsequently sent troops abroad.",
         ["Vietnam joined ASEAN in 1995", "Vietnam sent troops abroad."]),
        ("Vietnam chooses peace, because it endured prolonged wars.",
         ["Vietnam chooses peace", "it endured prolonged wars."]),
        ("Vietnam chooses peace because it endured prolonged wars.",
         ["Vietnam chooses peace", "it endured prolonged wars."]),
        ("Vietnam joined ASEAN in 1995, but Laos joined in 1997.", ["Vietnam joined ASEAN in 1995", "Laos joined in 1997."]),
        ("Vietnam joined ASEAN in 1995, while Laos joined in 1997.", ["Vietnam joined ASEAN in 1995", "Laos joined in 1997."]),
        ("Vietnam joined ASEAN in 1995, whereas Laos joined in 1997.", ["Vietnam joined ASEAN in 1995", "Laos joined in 1997."]),
        ("Vietnam joined ASEAN in 1995, though Laos remained outside until 1997.",
         ["Vietnam joined ASEAN in 1995", "Laos remained outside until 1997."]),
        ("Vietnam joined ASEAN in 1995, although Laos remained outside until 1997.",
         ["Vietnam joined ASEAN in 1995", "Laos remained outside until 1997."]),
        ("Vietnam follows the Four Nos and does not take sides.",
         ["Vietnam follows the Four Nos", "Vietnam does not take sides."]),
        ("Vietnam follows the Four Nos, and will not take sides.",
         ["Vietnam follows the Four Nos", "Vietnam will not take sides."]),
        ("Vietnam joined ASEAN in 1995, and was admitted to the WTO in 2007.",
         ["Vietnam joined ASEAN in 1995", "Vietnam was admitted to the WTO in 2007."]),
        ("Vietnam joined Interpol in 1990 and first sent officers to UN peacekeeping in 2014.",
         ["Vietnam joined Interpol in 1990", "Vietnam first sent officers to UN peacekeeping in 2014."]),
        ("Vietnam joined ASEAN in 1995 and quickly signed the treaty in 1998.",
         ["Vietnam joined ASEAN in 1995", "Vietnam quickly signed the treaty in 1998."]),
        ("Vietnam joined ASEAN in 1995, and then joined APEC in 1998.",
         ["Vietnam joined ASEAN in 1995", "Vietnam then joined APEC in 1998."]),
        ("Vietnam joined Interpol in 1990 and sent officers to UN peacekeeping.",
         ["Vietnam joined Interpol in 1990 and sent officers to UN peacekeeping."]),
        ("Vietnam joined Interpol and sent officers to UN peacekeeping.",
         ["Vietnam joined Interpol and sent officers to UN peacekeeping."]),
        ("Vietnam joined ASEAN in 1995, and Laos joined in 1997.", ["Vietnam joined ASEAN in 1995", "Laos joined in 1997."]),
        ("Vietnam joined ASEAN in 1995 and APEC in 1998.", ["Vietnam joined ASEAN in 1995 and APEC in 1998."]),
        ("The USSR and Vietnam signed a treaty in 1978, and then sent troops.",
         ["The USSR and Vietnam signed a treaty in 1978", "The USSR and Vietnam sent troops."]),
        ("the USSR and Vietnam signed a treaty in 1978, and then sent troops.",
         ["the USSR and Vietnam signed a treaty in 1978", "the USSR and Vietnam sent troops."]),
        ("Viet Nam joined ASEAN in 1995, and then joined APEC in 1998.",
         ["Viet Nam joined ASEAN in 1995", "Viet Nam then joined APEC in 1998."]),
        ("It joined ASEAN in 1995, and then joined APEC in 1998.", ["It joined ASEAN in 1995", "then joined APEC in 1998."]),
        ("Việt Nam joined ASEAN in 1995; Việt Nam joined the WTO in 2007.",
         ["Việt Nam joined ASEAN in 1995", "Việt Nam joined the WTO in 2007."]),
        ('He said "Vietnam joined ASEAN; it joined the WTO" in 2007.',
         ['He said "Vietnam joined ASEAN; it joined the WTO" in 2007.']),
        ("He said “Vietnam joined ASEAN in 1995, and then joined APEC in 1998” to reporters.",
         ["He said “Vietnam joined ASEAN in 1995, and then joined APEC in 1998” to reporters."]),
        ('He said: "Vietnam joined ASEAN"; the WTO admitted Vietnam in 2007.',
         ['He said: "Vietnam joined ASEAN"', "the WTO admitted Vietnam in 2007."]),
        ("Vietnam joined ASEAN in 1995; it was.", ["Vietnam joined ASEAN in 1995; it was."]),
        ("Peace; Vietnam joined ASEAN in 1995.", ["Peace; Vietnam joined ASEAN in 1995."]),
        ("Vietnam joined ASEAN, which had five members.", ["Vietnam joined ASEAN, which had five members."]),
        ("Comprehensive strategic partners with Japan; Vietnam joined ASEAN in 1995.",
         ["Comprehensive strategic partners with Japan; Vietnam joined ASEAN in 1995."]),
        ("Vietnam joined ASEAN in 1995; Comprehensive strategic partner since 2013",
         ["Vietnam joined ASEAN in 1995; Comprehensive strategic partner since 2013"]),
    ],
    ids=["empty", "only-spaces", "only-a-semicolon", "one-assertion", "semicolon", "two-semicolons",
         "any-whitespace-made-one-space", "after-which", "which-verb-takes-the-subject",
         "which-then-a-name-is-no-cut", "and-has-since", "and-then", "and-subsequently", "comma-because",
         "because-without-comma", "but", "while", "whereas", "though", "although", "and-does",
         "comma-and-will", "and-was-with-figures", "and-past-verb-both-sides-with-figures",
         "and-adverb-past-verb-with-figures", "and-then-with-figures-keeps-then",
         "and-past-verb-one-side-without-figure", "and-past-verb-no-figures", "and-a-name-then-a-verb",
         "and-a-second-object", "a-subject-of-several-words", "a-subject-after-a-lower-case-the",
         "viet-nam-as-one-subject", "a-pronoun-subject-is-not-carried", "vietnamese-letters",
         "no-cut-inside-a-quotation", "no-cut-inside-a-curly-quotation", "a-cut-after-a-quotation",
         "a-side-of-fewer-than-two-content-words", "a-head-of-one-word", "which-clause-of-one-content-word",
         "a-head-without-a-verb", "a-tail-without-a-verb"],
)
def test_clauses(sentence, expected):
    assert clauses(sentence) == expected


def test_no_cut_leaves_a_verbless_last_clause():
    sentence = "Vietnam joined ASEAN in 1995; Comprehensive strategic partner since 2013."
    assert clauses(sentence) == [sentence]


def test_a_long_first_clause_is_kept_whole():
    head = ("Vietnam, Laos, Cambodia, Myanmar, Thailand, Malaysia, Singapore, Indonesia, Brunei, the Philippines, "
            "Timor-Leste, Japan, China, Korea, India, Australia, New Zealand, Russia and the United States "
            "signed the declaration in 2011")
    assert clauses(head + "; they signed another declaration in 2012.") == [head, "they signed another declaration in 2012."]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In 1995 Vietnam joined ASEAN, and then joined APEC in 1998.",
         ["In 1995 Vietnam joined ASEAN", "Vietnam then joined APEC in 1998."]),
        ("Vietnam's government joined ASEAN in 1995, and then joined APEC in 1998.",
         ["Vietnam's government joined ASEAN in 1995", "Vietnam's government then joined APEC in 1998."]),
    ],
    ids=["a-fronted-preposition", "a-possessive"],
)
def test_the_carried_subject_is_the_subject(sentence, expected):
    assert clauses(sentence) == expected


@pytest.mark.parametrize("n", [10, 2000])
def test_a_long_sentence_of_many_and_clauses(n):
    """Each ', and signed a treaty in 1991' is an assertion of its own; thousands of them are
    cut as quickly as a few (a CPU-bound size, no time limit asserted)."""
    sentence = "Vietnam signed a treaty in 1990" + ", and signed a treaty in 1991" * n + "."
    assert clauses(sentence) == (["Vietnam signed a treaty in 1990"] + ["Vietnam signed a treaty in 1991"] * (n - 1)
                                 + ["Vietnam signed a treaty in 1991."])


def test_sides_too_short_to_stand_alone_pair_up():
    """'does sign' has one content word: each such side joins the next ('sign' twice counts as two)."""
    sentence = "Vietnam signed a treaty" + ", and does sign" * 1000 + "."
    assert clauses(sentence) == (["Vietnam signed a treaty"] + ["Vietnam does sign, and does sign"] * 499
                                 + ["Vietnam does sign, and does sign."])


@pytest.mark.parametrize(
    "sentence",
    ["Vietnam" + ", and Laos" * 5000 + " joined.", "and " * 5000, ";" * 5000 + " x"],
    ids=["names-without-verbs", "only-ands", "only-semicolons"],
)
def test_a_long_sentence_that_cannot_be_cut_stays_whole(sentence):
    assert clauses(sentence) == [" ".join(sentence.split())]


# the hypothesis property: sentences of clause-like pieces joined by the patterns clauses() cuts at
PIECES = ["Vietnam joined ASEAN in 1995", "it joined the WTO in 2007", "The USSR and Vietnam signed a treaty in 1978",
          "Laos remained outside", "sent troops to Cambodia in 1978", "has since signed many agreements",
          "does not take sides", "Comprehensive strategic partner since 2013", "Peace", "it was",
          '"Vietnam joined ASEAN; it left"', "“and then joined APEC in 1998”", "Việt Nam đã gia nhập"]
JOINTS = ["; ", ", after which ", ", which ", ", and has since ", ", and then ", " and then ", ", because ",
          " because ", ", but ", ", while ", ", whereas ", ", though ", ", and ", " and ", ", ", " "]
MAX_LENGTH = 200  # longer heads are truncated: test_a_long_first_clause_is_kept_whole


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def is_subsequence(part: list[str], of: list[str], start: int) -> int | None:
    """Where in `of` the subsequence `part`, looked for from `start`, ends; None if it is not one."""
    at = start
    for w in part:
        while at < len(of) and of[at] != w:
            at += 1
        if at == len(of):
            return None
        at += 1
    return at


def common_prefix(a: list[str], b: list[str]) -> int:
    return next(k for k in range(len(a) + 1) if k == len(a) or k == len(b) or a[k] != b[k])


@st.composite
def sentences(draw) -> str:
    pieces = draw(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), min_size=1, max_size=5))
    joints = draw(st.lists(st.sampled_from(JOINTS), min_size=len(pieces) - 1, max_size=len(pieces) - 1))
    sentence = pieces[0] + "".join(j + p for j, p in zip(joints, pieces[1:])) + draw(st.sampled_from(["", ".", "!"]))
    return sentence[:MAX_LENGTH]


@NO_DATABASE
@given(sentences())
def test_clauses_keep_the_sentence_words_in_order(sentence):
    """No part is empty, and the parts' words are words of the sentence, in order; a later part
    may start with the first part's subject, carried to it (after a fronted time or place: "In
    1995 Vietnam joined ASEAN and sent ..." carries "Vietnam")."""
    parts = clauses(sentence)
    assert bool(parts) == bool(sentence.strip())
    assert all(p and p == p.strip() for p in parts)
    whole = words(sentence)
    leads = [words(parts[0]), words(subject_of(parts[0]))] if parts else []
    at = 0
    for part in map(words, parts):
        carried = max((common_prefix(part, lead) for lead in leads), default=0)
        ends = [e for k in range(carried + 1) if (e := is_subsequence(part[k:], whole, at)) is not None]
        assert ends, (sentence, parts)
        at = min(ends)


# --- has_predicate -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("", False),
        ("   ", False),
        ("Comprehensive strategic partner since", False),
        ("The 'Four Nos' of Vietnamese defence policy", False),
        ("Relations with Vietnam", False),
        ("Vietnam and Laos", False),
        ("Vietnam's foreign relations", False),
        ("ASEAN members", False),
        ("Vietnam Airlines", False),
        ("the liberated province", False),
        ("The established order", False),
        ("a hundred soldiers", False),
        ("12 July 1995", False),
        ("in the region", False),
        ("Vietnam joined ASEAN", True),
        ("Vietnam is a member", True),
        ("Vietnam won't", True),
        ("Vietnam sent troops", True),
        ("Diplomatic relations established", True),
        ("Stalin agrees", True),
        ("Vietnam hosts the summit", True),
        ("The Four Nos include no nuclear weapons", True),
        ("Comprehensive strategic partner since 2013.", True),
        ("Vietnam joined ASEAN?", True),
        ("Vietnam joined ASEAN!", True),
        ("Vietnam joined ASEAN;", True),
        ('"Vietnam joined ASEAN."', True),
        ("(Vietnam joined ASEAN.)", True),
        ("VIETNAM JOINS ASEAN", True),
        ("Russia Inherited $10bn Soviet-Era Debt From Vietnam", True),
        ("Vietnam Sends First Officers to UN Peacekeeping", True),
        ("Soviet Arms and the December 1978 Invasion of Cambodia", False),
        ("Moscow and Hanoi Sign Friendship Treaty, November 1978", True),
        ("The Upgrade of Ties With Seoul in 2022", False),
        ("Vietnam's Upgrade of Ties With Seoul in 2022", False),
    ],
    ids=["empty", "only-spaces", "heading-ending-in-since", "heading-with-quotes", "relations-with",
         "two-names", "possessive-phrase", "name-and-plural-noun", "two-capitalised-words",
         "ed-after-an-article-is-an-adjective", "ed-after-capital-article", "hundred-is-not-a-verb",
         "a-date", "a-prepositional-phrase", "past-verb", "copula", "contraction", "irregular-past",
         "ed-at-the-end", "s-after-a-name", "s-verb-before-an-article", "a-word-before-a-determiner",
         "a-full-stop-makes-a-sentence", "question-mark", "exclamation-mark", "semicolon",
         "full-stop-inside-quotes", "full-stop-inside-brackets", "a-headline-in-capitals",
         "title-case-ed", "title-case-s-verb", "title-case-plural-noun-before-and", "title-case-base-verb",
         "title-case-noun-after-an-article", "title-case-noun-after-a-possessive"],
)
def test_has_predicate(text, expected):
    assert has_predicate(text) is expected


@pytest.mark.parametrize(
    "sentence, text, frame",
    [
        ("Crazy stat: socialist countries gave Vietnam ~$70bn in aid", "socialist countries gave Vietnam ~$70bn in aid", "Crazy stat:"),
        ("Fun fact: Olof Palme led anti-war marches in Stockholm", "Olof Palme led anti-war marches in Stockholm", "Fun fact:"),
        ("Countries with strategic partnerships: 16", "Countries with strategic partnerships: 16", ""),
        ("India: Since 2014.", "India: Since 2014.", ""),
        ("Ambassadors exchanged: May 1997.", "Ambassadors exchanged: May 1997.", ""),
        ("Let us be honest: Vietnam joined ASEAN in 1995.", "Vietnam joined ASEAN in 1995.", "Let us be honest:"),
        ("1/ vn joined asean in 1995 🧵", "vn joined asean in 1995 🧵", ""),
        ("Vietnam joined ASEAN in 1995 (2/5)", "Vietnam joined ASEAN in 1995", ""),
        ("Critics forget that Vietnam joined ASEAN in 1995.", "Vietnam joined ASEAN in 1995.", "Critics forget that"),
        ("It should be remembered that Vietnam joined ASEAN in 1995.", "Vietnam joined ASEAN in 1995.", "It should be remembered that"),
        ("Whatever one thinks of Hanoi, it is hard to dispute that Vietnam joined ASEAN in 1995.", "Vietnam joined ASEAN in 1995.",
         "Whatever one thinks of Hanoi, it is hard to dispute that"),
    ],
    ids=["a-lead-in", "another-lead-in", "a-label-of-a-value", "a-name-is-no-lead-in", "may-before-a-year-is-the-month",
         "an-op-ed-lead-in", "a-thread-count-first", "a-thread-count-last", "critics-forget", "it-should-be-remembered",
         "whatever-one-thinks"],
)
def test_a_short_label_before_a_clause_leads_in(sentence, text, frame):
    framed = unframe(sentence, speaks_of=lambda f: "India" in f)
    assert (framed.text, framed.frame) == (text, frame)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hanoi and Seoul Upgrade Ties to Comprehensive Strategic Partnership in 2022", True),
        ("Defence Ties Now Span More Than 100 Nations, Deputy Defence Minister Writes", True),
        ("Vietnam joined the World Trade Organization in 2007.", False),
        ("Vietnam Joins ASEAN", False),
        ("VIETNAM JOINS ASEAN IN 1995", False),
        ("Comprehensive strategic partner since", False),
    ],
    ids=["title-case", "function-words-may-be-capitalised", "a-sentence-with-names", "too-short-to-tell",
         "capitals-are-read-elsewhere", "sentence-case-heading"],
)
def test_headline_cased(text, expected):
    assert headline_cased(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Vietnam readies", True, marks=pytest.mark.xfail(strict=True, reason="-ies reads as a noun ending")),
        pytest.param("Vietnam ratifies", True, marks=pytest.mark.xfail(strict=True, reason="-ies reads as a noun ending")),
        ("ASEAN", False),
        ("THE FOUR NOS OF VIETNAMESE DEFENCE POLICY", False),
        ("Cooperation across the region", False),
        ("Relations along the border", False),
    ],
    ids=["predicates-txt-own-example-readies-is-read-as-a-noun-ending-in-ies",
         "ratifies-read-as-a-noun-ending-in-ies", "an-acronym-alone-is-taken-for-a-headline",
         "a-heading-in-capitals-is-taken-for-a-headline",
         "a-preposition-not-in-stopwords-before-the-is-read-as-a-verb", "along-the-read-as-a-verb"],
)
def test_has_predicate_misreadings(text, expected):
    assert has_predicate(text) is expected


# --- the command line: a denied claim --------------------------------------------------------------

def check_bundled(tmp_path, monkeypatch, *claims: str):
    """`factcheck check --format json CLAIM...` on the bundled claims file (no claims.yaml in
    the working folder or above it)."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--format", "json", *claims], catch_exceptions=False)
    return result, [json.loads(line) for line in result.output.splitlines()]


@pytest.mark.parametrize(
    "claim, verdict, code",
    [
        ("Vietnam joined ASEAN in 1995.", "supported", 0),
        ("It is false that Vietnam joined ASEAN in 1995.", "conflicting", 1),
        ("It is false that it is false that Vietnam joined ASEAN in 1995.", "supported", 0),
        ("Contrary to popular belief, Vietnam joined ASEAN in 1995.", "supported", 0),
    ],
    ids=["affirmed", "denied", "denied-twice", "contrary-to-popular-belief-asserts"],
)
def test_cli_reverses_a_denied_claim(tmp_path, monkeypatch, claim, verdict, code):
    result, answers = check_bundled(tmp_path, monkeypatch, claim)
    assert [a["verdict"] for a in answers] == [verdict]
    assert result.exit_code == code


def test_cli_denied_claim_names_its_frame(tmp_path, monkeypatch):
    _, [answer] = check_bundled(tmp_path, monkeypatch, "It is false that Vietnam joined ASEAN in 1995.")
    assert answer["reason"] == "“It is false that” denies what the source states: the claim says 1995; the source says 28 July 1995"
    assert answer["matches"][0]["id"] == "vietnam-asean-membership-1995"


def test_cli_a_bare_name_asserts_nothing(tmp_path, monkeypatch):
    result, answers = check_bundled(tmp_path, monkeypatch, "ASEAN")
    assert [a["verdict"] for a in answers] == ["unverified"]
    assert result.exit_code == 3


@pytest.mark.parametrize(
    "sentence",
    ["Contrary to popular belief, Vietnam joined ASEAN in 1995.", "In fact, Vietnam joined ASEAN in 1995.",
     "Of course, Vietnam joined ASEAN in 1995.", "Clearly, Vietnam joined ASEAN in 1995."],
    ids=["contrary-to-popular-belief", "in-fact", "of-course", "clearly"],
)
def test_words_that_assert_are_taken_off_and_deny_nothing(sentence):
    framed = unframe(sentence)
    assert (framed.text, framed.denied) == (ASEAN, False)


@pytest.mark.parametrize(
    "text, asserts",
    [("In the country.", False), ("VIETNAM, RELATIONS WITH.", False), ("India: Since 2016.", True),
     ("Vietnam joined ASEAN in 1995.", True), ("Vietnam does not “choose sides” but chooses righteousness.", True)],
    ids=["a-short-fragment-with-a-full-stop", "a-running-head-in-capitals", "a-table-row-label-and-value",
         "a-sentence", "a-but-clause"],
)
def test_running_heads_and_short_fragments_assert_nothing(text, asserts):
    """The sources' own running heads and fragments (scanned against their own claims file,
    they were called conflicting) have no verb; a table row read with its header does."""
    assert has_predicate(text) is asserts


def test_x_but_y_is_two_clauses_the_second_with_the_first_ones_subject():
    assert clauses("Vietnam does not “choose sides” but chooses righteousness and justice.") == [
        "Vietnam does not “choose sides”", "Vietnam chooses righteousness and justice."]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The USSR and Vietnam signed a friendship treaty in November 1978, and Soviet arms then backed the invasion of Cambodia in 1979.",
         ["The USSR and Vietnam signed a friendship treaty in November 1978", "Soviet arms then backed the invasion of Cambodia in 1979."]),
        ("Vietnam upgraded ties with China in 2008, and India in 2016.", ["Vietnam upgraded ties with China in 2008, and India in 2016."]),
        ("Vietnam joined ASEAN, and it has grown since.", ["Vietnam joined ASEAN, and it has grown since."]),
    ],
    ids=["comma-and-a-clause-of-its-own", "comma-and-a-list", "no-figures-no-cut"],
)
def test_a_comma_and_cuts_two_dated_clauses(sentence, expected):
    assert clauses(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Vietnam, which has been a member of Interpol since 1990, also takes part in the ASEAN Chief of Police Forum.",
         ["Vietnam has been a member of Interpol since 1990.", "Vietnam also takes part in the ASEAN Chief of Police Forum."]),
        ("Ho Chi Minh, who founded the party in 1930, had been a founding member of the French Communist Party.",
         ["Ho Chi Minh founded the party in 1930.", "Ho Chi Minh had been a founding member of the French Communist Party."]),
        ("The Russian Federation, founded in 1991, inherited a $10 billion debt.",
         ["The Russian Federation founded in 1991.", "The Russian Federation inherited a $10 billion debt."]),
        ("In 1995, Vietnam, which had applied, joined ASEAN.", ["In 1995, Vietnam, which had applied, joined ASEAN."]),
        ("Vietnam, China, and Laos are socialist states.", ["Vietnam, China, and Laos are socialist states."]),
        ("Olof Palme, then Swedish Prime Minister, led marches in Stockholm.", ["Olof Palme, then Swedish Prime Minister, led marches in Stockholm."]),
    ],
    ids=["which-inside", "who-inside", "a-participle-inside", "not-after-a-fronted-phrase", "a-list-of-names", "an-apposition-without-a-verb"],
)
def test_a_clause_inside_the_sentence_is_an_assertion_of_its_own(sentence, expected):
    assert clauses(sentence) == expected


# the hypothesis property: frames (denials, assertions, reports) stacked before a clause, in
# any case, are peeled and end: a frame's words never come back round as a subject
FRAMES = ["It is false that ", "Some wrongly claim that ", "Contrary to what is often said, ", "Hanoi insists that ",
          "The Communist Party of Vietnam and the Vietnamese State have asserted that ", "No serious historian believes that ",
          "Few remember that ", "The minister said that "]
CLAUSES = ["they do not take sides", "it joined ASEAN in 1995", "do not take sides", "Vietnam joined ASEAN in 1995", ""]


def headline(text: str) -> str:
    """Title Case as headlines write it: short words ("do", "not", "it") left small."""
    return " ".join(w[:1].upper() + w[1:] if len(w) > 3 else w for w in text.split(" "))


@NO_DATABASE
@given(st.lists(st.sampled_from(FRAMES), min_size=1, max_size=4), st.sampled_from(CLAUSES), st.sampled_from([headline, str.title, str.upper, str.lower, str]))
def test_frames_are_peeled_and_end(frames, clause, case):
    sentence = case("".join(frames) + clause)
    assert len(unframe(sentence).text) <= len(sentence)
