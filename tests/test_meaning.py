"""What a claim asserts beyond its words (factcheck/meaning.py), as a specification: contrasts
(a claim saying one side where the entry says the other), denials, and restrictive words a
support must account for. Mechanics are shown on small inline data; families generated from
the bundled knowledge files show that every entry of them works."""

from __future__ import annotations

import pytest

from factcheck.engine.meaning import Contrasts, Opposed, Restrictive, contrasts, denies, restrictive, unmatched_denial
from factcheck.language.knowledge import bundled, parse_contrasts, parse_equivalents
from factcheck.language.normalise import keys, negation_scopes, tokens

SMALL = Contrasts(parse_contrasts("""
joined, became a member of | left
all, every | almost all, most
supported | opposed
encouraged | opposed
"""))


# --- Contrasts.said ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("", []),
        ("Vietnam joined ASEAN.", [((0, 0), "joined")]),
        ("Vietnam JOINED ASEAN.", [((0, 0), "joined")]),
        ("Almost all members joined.", [((1, 1), "almost all"), ((0, 0), "joined")]),
        ("Vietnam became  a member of ASEAN and left it.", [((0, 0), "became  a member of"), ((0, 1), "left")]),
        ("They opposed it.", [((2, 1), "opposed"), ((3, 1), "opposed")]),
        ("Vietnam re-joined, unjoined, joined-up.", []),
    ],
    ids=["empty", "one-form", "any-case", "longest-form-first", "a-phrase-with-any-spacing-as-written",
         "a-form-of-two-contrasts", "whole-words-only-not-hyphenated"],
)
def test_said(text, expected):
    assert [(s.where, s.form) for s in SMALL.said(text)] == expected


def test_said_keeps_the_words_before_and_after():
    [said] = SMALL.said("Vietnam joined ASEAN in 1995.")
    assert (said.before, said.after) == (frozenset({"vietnam"}), frozenset({"asean", "1995"}))


def test_no_contrasts_say_nothing():
    assert Contrasts([]).said("Vietnam joined ASEAN.") == ()
    assert Contrasts([]).opposed("Vietnam joined ASEAN.", ["Vietnam left ASEAN."]) == []


# --- Contrasts.opposed ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "claim, entry, expected",
    [
        ("They joined the bloc.", ["They left the bloc."], [Opposed("joined", "left")]),
        ("They left the bloc.", ["They joined the bloc."], [Opposed("left", "joined")]),
        ("They joined the bloc.", ["They joined the bloc."], []),
        ("They became a member of the bloc.", ["They joined the bloc."], []),
        ("They joined the bloc.", ["In the decades of war that came before, long after the founding summit, they left."],
         []),
        ("They joined the bloc.", ["They joined the bloc, and others left."], []),
        ("They joined the bloc.", ["Others left a different group long ago; they joined the bloc."], []),
        ("They joined the bloc.", ["Others left a different group long ago.", "they joined the bloc."], []),
        ("Almost all members joined.", ["All members joined."], [Opposed("almost all", "all")]),
        ("Every member joined.", ["Most members joined."], [Opposed("every", "most")]),
        ("They opposed the plan.", ["They supported the plan."], [Opposed("opposed", "supported")]),
        ("They opposed the plan.", ["They encouraged the plan."], [Opposed("opposed", "encouraged")]),
        ("They opposed the plan.", ["They supported and encouraged the plan."],
         [Opposed("opposed", "supported"), Opposed("opposed", "encouraged")]),
        ("They joined the bloc.", [], []),
        ("They joined the bloc.", [""], []),
        ("", ["They left the bloc."], []),
        ("The bloc met.", ["They left the bloc."], []),
    ],
    ids=["one-side-against-the-other", "the-other-way", "the-same-side", "two-forms-of-one-side",
         "no-shared-words-opposes-nothing", "the-same-side-among-the-same-words-wins",
         "the-same-side-said-nearer-wins", "across-entry-texts", "almost-all-is-not-all", "every-is-not-most",
         "a-form-of-two-contrasts", "its-second-contrast", "both-contrasts", "no-entry-texts",
         "an-empty-entry-text", "an-empty-claim", "a-claim-saying-no-side"],
)
def test_opposed(claim, entry, expected):
    assert SMALL.opposed(claim, entry) == expected


@pytest.mark.parametrize(
    "claim, entry, expected",
    [
        ("Vietnam and the US severed diplomatic relations in 1995.",
         ["The United States and Vietnam established diplomatic relations on 12 July 1995."],
         [Opposed("severed", "established")]),
        ("Vietnam left ASEAN in 1995.", ["Vietnam joined ASEAN on 28 July 1995."], [Opposed("left", "joined")]),
        ("Vietnam's allies opposed Vietnam's occupation.",
         ["Vietnam's allies supported Vietnam's occupation, and its enemies opposed it."],
         [Opposed("opposed", "supported")]),
        ("Vietnam is a developing country.", ["Vietnam is a developed country."], [Opposed("developing", "developed")]),
        ("More than 100 troops.", ["Fewer than 100 troops."], [Opposed("more than", "fewer than")]),
        ("It was the first visit.", ["It was the second visit."], [Opposed("first", "second")]),
        ("It was the first visit.", ["It was the first visit, not the second."], []),
        ("Vietnam joined ASEAN in 1995.", ["Vietnam joined ASEAN in 1995 and left the CMEA in 1991."], []),
        ("The set-up was new.", ["It ended."], []),
        ("Vietnam left ASEAN and left the CMEA.", ["Vietnam joined ASEAN and joined the CMEA."],
         [Opposed("left", "joined"), Opposed("left", "joined")]),
    ],
    ids=["severed-established", "left-joined", "among-the-same-words-not-anywhere", "developing-developed",
         "more-than-fewer-than", "first-second", "first-said-beside-second", "the-entry-says-both-of-other-things",
         "hyphenated-set-up-is-not-set-up", "each-saying-is-reported"],
)
def test_opposed_with_the_bundled_contrasts(claim, entry, expected):
    assert contrasts().opposed(claim, entry) == expected


def test_opposed_does_not_depend_on_the_order_of_entry_texts():
    assert contrasts().opposed("Vietnam joined ASEAN.", ["Vietnam left ASEAN", "Vietnam joined ASEAN"]) == []


def contrast_id(contrast) -> str:
    return f"{contrast.sides[0][0]}-vs-{contrast.sides[1][0]}"


@pytest.mark.parametrize("contrast", bundled().contrasts, ids=contrast_id)
def test_every_bundled_contrast_opposes_each_side_to_the_other(contrast):
    """Generated from contrasts.txt: each form of one side, said of the same thing as each form
    of the other, is opposed to it; two forms of one side are never opposed."""
    wrong = []
    for side, other in (contrast.sides, contrast.sides[::-1]):
        for said in side:
            for against in other:
                if Opposed(said, against) not in contrasts().opposed(f"They {said} the treaty.", [f"They {against} the treaty."]):
                    wrong.append(f"{said!r} not opposed to {against!r}")
            for same in side:
                if found := contrasts().opposed(f"They {said} the treaty.", [f"They {same} the treaty."]):
                    wrong.append(f"{said!r} opposed to {same!r}: {found}")
    assert wrong == []


# --- denies and unmatched_denial -------------------------------------------------------------------

# scopes as negation_scopes writes them: the words denied, "^" before those denied first
A, B, C = frozenset({"host", "base", "^host", "^base"}), frozenset({"alliance", "^alliance"}), frozenset()


@pytest.mark.parametrize(
    "scopes, about, bare, expected",
    [
        ([], frozenset({"host", "base"}), False, False),
        ([A], frozenset({"host", "base", "vietnam"}), False, True),
        ([A], frozenset({"base"}), False, True),
        ([A], frozenset({"vietnam"}), False, False),
        ([B, A], frozenset({"base"}), False, True),
        ([C], frozenset({"vietnam"}), False, False),
        ([C], frozenset({"vietnam"}), True, True),
        ([C], frozenset(), True, True),
        ([A], frozenset(), True, False),
    ],
    ids=["no-denial", "denies-what-it-is-about", "one-shared-word-is-enough", "nothing-shared",
         "any-of-several-denials", "a-bare-denial-denies-nothing", "a-bare-denial-counts-when-bare",
         "a-bare-denial-of-nothing-when-bare", "bare-does-not-make-a-scoped-denial-count"],
)
def test_denies(scopes, about, bare, expected):
    assert denies(scopes, about, bare) is expected


@pytest.mark.parametrize(
    "claim, core, entry, claim_keys, expected",
    [
        ([], frozenset({"host", "base"}), [], frozenset({"host", "base"}), False),
        ([A], frozenset({"host", "base"}), [], frozenset({"host", "base"}), True),
        ([A], frozenset({"host", "base"}), [frozenset({"base", "foreign"})], frozenset({"host", "base"}), False),
        ([C], frozenset({"total"}), [], frozenset({"total"}), True),
        ([A], frozenset({"trade"}), [], frozenset({"host", "base"}), False),
        ([], frozenset({"host", "base"}), [A], frozenset({"host", "base"}), True),
        ([], frozenset({"host", "base"}), [B], frozenset({"host", "base"}), False),
        ([B], frozenset({"trade"}), [A], frozenset({"host", "base", "alliance"}), True),
        ([B], frozenset({"trade"}), [frozenset({"alliance", "base"})], frozenset({"alliance", "base"}), False),
    ],
    ids=["neither-denies", "the-claim-denies-what-the-entry-states", "both-deny-it", "a-bare-claim-denial",
         "the-claim-denies-something-else", "the-entry-denies-what-the-claim-states",
         "the-entry-denies-something-else", "the-entry-denies-what-the-claim-says-besides",
         "denials-that-meet-settle-it"],
)
def test_unmatched_denial(claim, core, entry, claim_keys, expected):
    assert unmatched_denial(claim, core, entry, claim_keys) is expected


def scopes(text: str) -> list[frozenset[str]]:
    return negation_scopes(text, tokens(text))


def words(text: str) -> frozenset[str]:
    return frozenset(keys(tokens(text)))


@pytest.mark.parametrize(
    "claim, entry, expected",
    [
        ("Vietnam does not host foreign military bases.", "Vietnam hosts foreign military bases.", True),
        ("Vietnam hosts foreign military bases.", "Vietnam does not host foreign military bases.", True),
        ("Vietnam does not host foreign military bases.", "Vietnam does not host foreign military bases.", False),
        ("Vietnam hosts foreign military bases.", "Vietnam hosts foreign military bases.", False),
        ("Vietnam rules out alliances, bases and the use of force.",
         "Vietnam has no alliances, no bases and no use of force.", False),
        ("The total was not.", "The total was 168 billion.", True),
        ("Before 1950, Moscow could not help Ho Chi Minh.", "Geography prevented Moscow from helping Ho Chi Minh until 1950.", False),
        ("Moscow could not help Ho Chi Minh before 1950.", "Moscow helped Ho Chi Minh from 1950.", False),
        ("Vietnam is guided by the no-sides stance in its speeches.", "Vietnam gives speeches.", False),
    ],
    ids=["claim-denies", "entry-denies", "both-deny", "neither-denies", "rule-out-meets-no", "a-bare-denial",
         "not-before-a-date-says-when", "not-before-a-date-after", "a-no-compound-denies-itself-only"],
)
def test_unmatched_denial_between_texts(claim, entry, expected):
    assert unmatched_denial(scopes(claim), words(entry), scopes(entry), words(claim)) is expected


# --- Restrictive.unaccounted -----------------------------------------------------------------------

SMALL_RESTRICTIVE = Restrictive(parse_equivalents("only | solely\njointly | in tandem"))


@pytest.mark.parametrize(
    "claim, entry, expected",
    [
        ("", ["x"], []),
        ("They signed it.", [], []),
        ("They only signed it.", [], ["only"]),
        ("They only signed it.", ["They solely signed it."], []),
        ("They ONLY signed it.", ["They signed it."], ["only"]),
        ("They signed it in  tandem.", ["They signed it."], ["in  tandem"]),
        ("They signed it jointly.", ["They signed it.", "in tandem"], []),
        ("Only 5 signed.", [], []),
        ("They only but signed.", [], []),
        ("They solely and jointly signed it.", ["They signed it."], ["solely", "jointly"]),
    ],
    ids=["empty-claim", "no-restrictive-word", "unaccounted", "another-form-accounts", "the-form-folded",
         "a-phrase-with-its-spacing", "any-entry-text-accounts", "emphasis-before-a-figure", "emphasis-before-but",
         "each-unaccounted-word"],
)
def test_unaccounted(claim, entry, expected):
    assert SMALL_RESTRICTIVE.unaccounted(claim, entry) == expected


def test_no_restrictive_words_account_for_nothing():
    assert Restrictive([]).unaccounted("Vietnam only joined ASEAN.", []) == []


@pytest.mark.parametrize(
    "claim, entry, expected",
    [
        ("Vietnam and ASEAN jointly signed the declaration.", ["Vietnam and ASEAN signed the declaration."], ["jointly"]),
        ("Vietnam and ASEAN jointly signed the declaration.", ["Vietnam and ASEAN signed in tandem."], []),
        ("Vietnam is the only country.", ["Vietnam is the sole country."], []),
        ("Vietnam only joined ASEAN in 1995.", ["Vietnam joined ASEAN in 1995."], ["only"]),
        ("Every member signed.", ["Members signed."], ["every"]),
        ("Every member signed.", ["All members signed."], []),
        ("It was signed for the second time.", ["It was signed twice."], []),
        ("It was signed for the third time.", ["It was signed twice."], ["third time"]),
        ("Vietnam formally joined.", ["Vietnam joined."], ["formally"]),
        ("It was unanimously made and permanently kept.", ["It was made."], ["unanimously", "permanently"]),
        ("Only 0.86% of trade.", ["0.86% of trade."], []),
        ("All five members signed.", ["Five members signed."], []),
        ("only one member", ["one member"], []),
        ("only 10 members", ["10 members"], []),
        ("only ten members", ["ten members"], []),
        ("all but one member signed", ["members signed"], []),
        ("The whole-hearted support.", ["Support."], []),
    ],
    ids=["jointly-unaccounted", "in-tandem-accounts-for-jointly", "sole-accounts-for-only", "only-unaccounted",
         "every-unaccounted", "all-accounts-for-every", "second-time-is-twice", "third-time-is-not-twice",
         "formally", "two-single-form-sets", "only-before-a-percentage", "all-before-a-number-word",
         "only-one", "only-before-digits", "only-ten", "all-but", "hyphenated-whole-is-not-whole"],
)
def test_unaccounted_with_the_bundled_words(claim, entry, expected):
    assert restrictive().unaccounted(claim, entry) == expected


@pytest.mark.parametrize("claim", ["Trade was only $5 million.", "Trade was only US$5 million.", "Only twenty members signed."],
                         ids=["dollar-sign", "us-dollar-sign", "twenty"])
def test_emphasis_before_any_figure_does_not_count(claim):
    assert restrictive().unaccounted(claim, ["Trade was 5 million US dollars; twenty members signed."]) == []


def test_almost_all_does_not_account_for_every():
    assert restrictive().unaccounted("Every member signed.", ["Almost all members signed."]) == ["every"]


@pytest.mark.parametrize("forms", bundled().restrictive, ids=lambda forms: forms[0])
def test_every_bundled_restrictive_word_needs_a_form_of_its_set(forms):
    """Generated from restrictive.txt: each form is unaccounted by an entry without one, and
    accounted for by each form of its set."""
    wrong = []
    for form in forms:
        if (found := restrictive().unaccounted(f"They {form} signed the treaty.", ["They signed the treaty."])) != [form]:
            wrong.append(f"{form!r} alone: {found}")
        for other in forms:
            if found := restrictive().unaccounted(f"They {form} signed the treaty.", [f"They {other} signed the treaty."]):
                wrong.append(f"{form!r} against {other!r}: {found}")
    assert wrong == []


def test_a_hyphen_and_a_space_are_one_in_a_form():
    """"upper middle income" is said as "upper-middle income", "upper-middle-income" or with
    spaces; "high income" as "high-income"."""
    found = contrasts().opposed("Vietnam aims to reach high income by 2030.",
                                ["Vietnam aims at upper-middle income by 2030, and high-income status by 2045."])
    assert [(o.claim_says, o.source_says) for o in found] == [("high income", "upper-middle income")]
