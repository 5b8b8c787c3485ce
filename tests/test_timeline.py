"""Claims that order two events in time (factcheck/timeline.py), as a specification: which
sentences order two events (ordered), whether dates bear out an order and a gap
(relation_holds), dates in words (describe), and the command line on such a claim."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cli import cli
from factcheck.engine.timeline import Ordered, describe, ordered, relation_holds
from factcheck.language.quantities import Span, span_of

NO_DATABASE = settings(database=None)

JOINED = "Vietnam joined ASEAN"


# --- ordered -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, subject, expected",
    [
        ("Vietnam joined ASEAN less than three weeks after establishing diplomatic relations with the United States.",
         "Vietnam",
         Ordered(JOINED, "Vietnam establishing diplomatic relations with the United States", "after", "less than three weeks")),
        ("Vietnam joined ASEAN before establishing diplomatic relations with the United States.", "Vietnam",
         Ordered(JOINED, "Vietnam establishing diplomatic relations with the United States", "before", "")),
        ("Vietnam joined the WTO, less than two years after it joined APEC.", "Vietnam",
         Ordered("Vietnam joined the WTO", "Vietnam joined APEC", "after", "less than two years")),
        ("Vietnam joined the WTO, less than two years after it joined APEC.", "",
         Ordered("Vietnam joined the WTO", "it joined APEC", "after", "less than two years")),
        ("Vietnam joined the WTO less than two years after joining APEC.", "",
         Ordered("Vietnam joined the WTO", "joining APEC", "after", "less than two years")),
        ("The USSR and Vietnam signed a treaty before they fought China.", "The USSR and Vietnam",
         Ordered("The USSR and Vietnam signed a treaty", "The USSR and Vietnam fought China", "before", "")),
        ("Vietnam protested after He invaded.", "Vietnam", Ordered("Vietnam protested", "Vietnam invaded", "after", "")),
        ("Vietnam joined ASEAN after the Cold War ended.", "Vietnam", Ordered(JOINED, "the Cold War ended", "after", "")),
        ("Vietnam joined ASEAN prior to joining APEC.", "Vietnam", Ordered(JOINED, "Vietnam joining APEC", "before", "")),
        ("Vietnam joined ASEAN ahead of joining APEC.", "Vietnam", Ordered(JOINED, "Vietnam joining APEC", "before", "")),
        ("Vietnam joined ASEAN following the US embargo's end.", "Vietnam",
         Ordered(JOINED, "the US embargo's end", "after", "")),
        ("Vietnam joined ASEAN immediately after normalising ties with the US.", "Vietnam",
         Ordered(JOINED, "Vietnam normalising ties with the US", "after", "immediately")),
        ("Vietnam joined ASEAN, shortly before they joined APEC.", "Vietnam",
         Ordered(JOINED, "Vietnam joined APEC", "before", "shortly")),
        ("Vietnam joined ASEAN just after normalising ties.", "Vietnam",
         Ordered(JOINED, "Vietnam normalising ties", "after", "just")),
        ("Vietnam joined ASEAN a little over two weeks after normalising ties with the US.", "Vietnam",
         Ordered(JOINED, "Vietnam normalising ties with the US", "after", "a little over two weeks")),
        ("Vietnam joined ASEAN about a month after normalising ties with the US.", "Vietnam",
         Ordered(JOINED, "Vietnam normalising ties with the US", "after", "about a month")),
        ("Vietnam joined ASEAN more than 10 years after the war ended.", "Vietnam",
         Ordered(JOINED, "the war ended", "after", "more than 10 years")),
        ("Vietnam joined ASEAN 3 years after joining APEC.", "Vietnam",
         Ordered(JOINED, "Vietnam joining APEC", "after", "3 years")),
        ("Vietnam joined ASEAN before joining APEC before joining the WTO.", "Vietnam",
         Ordered(JOINED, "Vietnam joining APEC before joining the WTO", "before", "")),
        ("Vietnam joined ASEAN after the 1995 normalisation.", "Vietnam",
         Ordered(JOINED, "the 1995 normalisation", "after", "")),
        ("Vietnam joined ASEAN.", "Vietnam", None),
        ("", "Vietnam", None),
        ("before", "Vietnam", None),
        ("Vietnam joined ASEAN before.", "Vietnam", None),
        ("Vietnam joined ASEAN afterwards.", "Vietnam", None),
        ("Before joining APEC, Vietnam joined ASEAN.", "Vietnam", None),
        ("Vietnam joined ASEAN before 1995.", "Vietnam", None),
        ("Vietnam joined ASEAN after 28 July 1995.", "Vietnam", None),
        ("Vietnam joined ASEAN after July 1995.", "Vietnam", None),
        ("Vietnam joined ASEAN after mid-1995.", "Vietnam", None),
        ("Vietnam joined ASEAN after 20 years of war.", "Vietnam", None),
        ("Vietnam joined ASEAN after two decades of war.", "Vietnam", None),
    ],
    ids=["less-than-weeks-after-a-gerund", "before-a-gerund", "comma-gap-after-a-pronoun",
         "a-pronoun-kept-without-a-subject", "a-gerund-kept-without-a-subject", "they-is-the-subject",
         "a-capitalised-pronoun", "after-an-event-with-its-subject", "prior-to", "ahead-of", "following",
         "immediately-after", "shortly-before", "just-after", "a-little-over", "about-a-month",
         "more-than-digits", "digits", "the-first-order-word-splits", "a-date-inside-the-event",
         "no-order", "empty", "only-the-order-word", "nothing-after-the-order-word", "afterwards",
         "the-order-word-first", "before-a-year", "after-a-day", "after-a-month", "after-mid-year",
         "after-a-duration-in-digits", "after-a-duration-in-words"],
)
def test_ordered(sentence, subject, expected):
    assert ordered(sentence, subject) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Vietnam recalled its ambassador after Beijing invaded the islands.",
         Ordered("Vietnam recalled its ambassador", "Beijing invaded the islands", "after", "")),
        ("Vietnam joined ASEAN after King Sihanouk visited.",
         Ordered(JOINED, "King Sihanouk visited", "after", "")),
        ("Vietnam protested after everything changed.",
         Ordered("Vietnam protested", "everything changed", "after", "")),
    ],
    ids=["beijing", "king", "everything"],
)
def test_a_word_in_ing_that_is_no_gerund_keeps_its_own_subject(sentence, expected):
    assert ordered(sentence, "Vietnam") == expected


def test_a_gap_in_hours():
    assert ordered("Vietnam protested less than 48 hours after China invaded.", "Vietnam") == \
        Ordered("Vietnam protested", "China invaded", "after", "less than 48 hours")


def test_an_order_word_after_spaces_orders_nothing():
    assert ordered(" before joining APEC, Vietnam joined ASEAN.", "Vietnam") is None


@NO_DATABASE
@given(st.text(max_size=80), st.sampled_from(["", "Vietnam", "The USSR and Vietnam"]))
def test_ordered_never_crashes_and_reads_before_or_after(sentence, subject):
    found = ordered(sentence, subject)
    assert found is None or found.order in ("before", "after")


# --- relation_holds ------------------------------------------------------------------------------

US_TIES, ASEAN_DAY = span_of("1995-07-12"), span_of("1995-07-28")


@pytest.mark.parametrize(
    "first, second, order, gap, expected",
    [
        (ASEAN_DAY, US_TIES, "after", "", True),
        (ASEAN_DAY, US_TIES, "before", "", False),
        (US_TIES, ASEAN_DAY, "before", "", True),
        (US_TIES, US_TIES, "before", "", None),
        (span_of("1995"), US_TIES, "after", "", None),
        (span_of("1995"), span_of("1998"), "before", "", True),
        (ASEAN_DAY, US_TIES, "after", "less than three weeks", True),
        (ASEAN_DAY, US_TIES, "after", "less than two weeks", False),
        (ASEAN_DAY, US_TIES, "after", "less than a month", True),
        (ASEAN_DAY, US_TIES, "after", "under three weeks", True),
        (ASEAN_DAY, US_TIES, "after", "fewer than three weeks", True),
        (ASEAN_DAY, US_TIES, "after", "more than three weeks", False),
        (ASEAN_DAY, US_TIES, "after", "more than two weeks", True),
        (ASEAN_DAY, US_TIES, "after", "over two weeks", True),
        (ASEAN_DAY, US_TIES, "after", "a little over two weeks", True),
        (ASEAN_DAY, US_TIES, "after", "just over two weeks", True),
        (ASEAN_DAY, US_TIES, "after", "little more than two weeks", True),
        (ASEAN_DAY, US_TIES, "after", "slightly more than two weeks", True),
        (ASEAN_DAY, US_TIES, "after", "a little more than a week", False),
        (ASEAN_DAY, US_TIES, "after", "a little over a week", False),
        (ASEAN_DAY, US_TIES, "after", "about two weeks", True),
        (ASEAN_DAY, US_TIES, "after", "roughly two weeks", True),
        (ASEAN_DAY, US_TIES, "after", "two weeks", True),
        (ASEAN_DAY, US_TIES, "after", "16 days", True),
        (ASEAN_DAY, US_TIES, "after", "2.5 weeks", True),
        (ASEAN_DAY, US_TIES, "after", "about a month", None),
        (ASEAN_DAY, US_TIES, "after", "about a week", False),
        (ASEAN_DAY, US_TIES, "after", "a year", False),
        (ASEAN_DAY, US_TIES, "after", "nearly three weeks", True),
        (ASEAN_DAY, US_TIES, "after", "immediately", True),
        (ASEAN_DAY, US_TIES, "after", "Immediately", True),
        (ASEAN_DAY, US_TIES, "after", "shortly", True),
        (ASEAN_DAY, US_TIES, "after", "two fortnights", None),
        (span_of("1995"), span_of("1998"), "before", "less than two years", False),
        (span_of("1995"), span_of("1998"), "before", "more than two years", True),
        (span_of("1995"), span_of("1998"), "before", "less than four years", True),
        (span_of("1995"), span_of("1998"), "before", "about three years", True),
        (span_of("1995"), span_of("1998"), "before", "about a decade", False),
        (span_of("1978-11"), span_of("1978-12"), "before", "about a month", True),
        (span_of("1978-11"), span_of("1978-12"), "before", "a month", True),
        (span_of("1978-11"), span_of("1978-12"), "before", "immediately", True),
        (span_of("1978"), span_of("1979-02"), "before", "immediately", None),
        (span_of("1978"), span_of("1979-12"), "before", "immediately", False),
    ],
    ids=["after-by-days", "not-before", "before-by-days", "the-same-day-allows-both", "a-year-and-a-day-in-it",
         "years-apart", "less-than-three-weeks", "not-less-than-two-weeks", "less-than-a-month", "under",
         "fewer-than", "not-more-than-three-weeks", "more-than-two-weeks", "over", "a-little-over",
         "just-over", "little-more-than", "slightly-more-than", "not-a-little-more-than-a-week", "not-a-little-over-a-week", "about-two-weeks", "roughly", "exactly-two-weeks-rounded",
         "days", "a-decimal", "about-a-month-is-undecided", "not-about-a-week", "not-a-year", "nearly",
         "immediately", "gap-in-capitals", "shortly", "an-unknown-unit-is-undecided", "years-not-less-than-two",
         "years-more-than-two", "years-less-than-four", "years-about-three", "years-not-about-a-decade",
         "months-about-a-month", "months-a-month", "months-immediately", "a-year-then-a-month-undecided",
         "a-year-then-a-late-month-not-immediately"],
)
def test_relation_holds(first, second, order, gap, expected):
    assert relation_holds(first, second, order, gap) is expected


def test_a_gap_in_hours_is_measured():
    assert relation_holds(span_of("1995-07-12"), span_of("1995-07-13"), "before", "less than 48 hours") is True


def test_half_a_year():
    assert relation_holds(span_of("1995-01-01"), span_of("1995-07-02"), "before", "about half a year") is True


DAY = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def spans(draw) -> Span:
    first = draw(DAY)
    return Span(first, first + timedelta(days=draw(st.sampled_from([0, 0, 30, 364, 3000]))))


GAPS = ["", "less than three weeks", "more than two years", "a little over two weeks", "about a month",
        "about three years", "immediately", "shortly", "two weeks", "a year", "10 days"]


@NO_DATABASE
@given(spans(), spans(), st.sampled_from(GAPS))
def test_swapping_the_events_and_the_order_gives_the_same_answer(first, second, gap):
    assert relation_holds(first, second, "before", gap) is relation_holds(second, first, "after", gap)


@NO_DATABASE
@given(spans(), spans())
def test_an_order_is_decided_only_for_events_apart(first, second):
    before, after = relation_holds(first, second, "before", ""), relation_holds(first, second, "after", "")
    if first.disjoint(second):
        assert {before, after} == {True, False}
    else:
        assert (before, after) == (None, None)


# --- describe ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "span, expected",
    [
        (span_of("1995-07-12"), "12 July 1995"),
        (span_of("1995-07-01"), "1 July 1995"),
        (span_of("1995-07"), "July 1995"),
        (span_of("1995-12"), "December 1995"),
        (span_of("1996-02"), "February 1996"),
        (span_of("1995"), "1995"),
        (Span(date(1995, 1, 1), date(1998, 12, 31)), "1995–1998"),
        (Span(date(1995, 12, 1), date(1996, 1, 31)), "1995–1996"),
        (Span(date(1995, 2, 1), date(1995, 3, 31)), "1995"),
        (Span(date(1995, 7, 3), date(1995, 7, 20)), "1995"),
    ],
    ids=["a-day", "the-first-of-a-month", "a-month", "december", "a-leap-february", "a-year", "years",
         "two-months-across-new-year", "two-months-read-as-their-year", "part-of-a-month-read-as-its-year"],
)
def test_describe(span, expected):
    assert describe(span) == expected


# --- the command line: two events in order -----------------------------------------------------------

def check_bundled(tmp_path, monkeypatch, claim: str):
    monkeypatch.chdir(tmp_path)  # no claims.yaml here or above: the bundled claims file
    result = CliRunner().invoke(cli, ["check", "--format", "json", claim], catch_exceptions=False)
    [answer] = [json.loads(line) for line in result.output.splitlines()]
    return result, answer


ORDERED_CLAIM = "Vietnam joined ASEAN {} establishing diplomatic relations with the United States."


@pytest.mark.parametrize(
    "relation, verdict, code",
    [
        ("less than three weeks after", "supported", 0),
        ("a little over two weeks after", "supported", 0),
        ("more than three weeks after", "conflicting", 1),
        ("before", "conflicting", 1),
    ],
)
def test_cli_checks_two_events_in_order(tmp_path, monkeypatch, relation, verdict, code):
    result, answer = check_bundled(tmp_path, monkeypatch, ORDERED_CLAIM.format(relation))
    assert answer["verdict"] == verdict
    assert result.exit_code == code


def test_cli_an_order_supported_by_two_entries(tmp_path, monkeypatch):
    result, answer = check_bundled(tmp_path, monkeypatch, ORDERED_CLAIM.format("less than three weeks after"))
    assert result.exit_code == 0
    assert answer["verdict"] == "supported"
    assert [m["id"] for m in answer["matches"]] == ["vietnam-asean-membership-1995", "us-vietnam-diplomatic-relations-1995"]
    assert answer["reason"] == (
        "the sources date “Vietnam joined ASEAN” to 28 July 1995 and “Vietnam establishing diplomatic relations "
        "with the United States” to 12 July 1995: the first is less than three weeks after the second")
