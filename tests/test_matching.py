"""The engine on the bundled claims file, as a table: the right entry is found, the wrong
subject is refused, and every kind of comparison gives its verdict."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.engine import match
from factcheck.engine.corpus import Corpus, bundled_claims, names_in


@pytest.fixture(scope="module")
def corpus():
    return Corpus.load(bundled_claims())


@pytest.mark.parametrize(
    "claim, verdict, entry",
    [
        # the right entry, whatever the wording
        ("India became a comprehensive strategic partner of Viet Nam in 2016.", "supported", "comprehensive-strategic-partnership-india-2016"),
        ("Vietnam and the Republic of Korea upgraded ties to a comprehensive strategic partnership in 2022.", "supported", None),
        ("South Korea became a comprehensive strategic partner of Vietnam in 2022.", "supported", None),
        ("Aid from the USSR and China to Vietnam between 1950 and 1954 came to $34m.", "supported", "aid-china-ussr-1950-1954"),
        ("Vietnamese forces won at Dien Bien Phu in May 1954.", "supported", None),
        ("The US and Viet Nam established diplomatic relations on July 12, 1995.", "supported", "us-vietnam-diplomatic-relations-1995"),
        ("Washington and Hanoi established diplomatic relations in 1995.", "supported", "us-vietnam-diplomatic-relations-1995"),
        # the wrong subject is refused: India's year is judged against India's entry
        ("India became a comprehensive strategic partner of Vietnam in 2008.", "conflicting", "comprehensive-strategic-partnership-india-2016"),
        ("China became a comprehensive strategic partner of Vietnam in 2016.", "conflicting", "comprehensive-strategic-partnership-china-2008"),
        ("Vietnam joined ASEAN in 1990.", "conflicting", None),
        ("Vietnam and Cuba established diplomatic relations in 1995.", "unverified", None),
        ("Vietnam and Laos signed a Treaty of Amity and Cooperation in 1977.", "unverified", None),
        ("Pete Peterson became the first US ambassador to Hanoi.", "unverified", None),
        ("General Secretary Nguyen Phu Trong died in July 2024.", "unverified", None),
        ("Vietnam's imports from the United States exceeded $1 billion in 2001.", "unverified", None),
        # several facts, one wrong
        ("Vietnam established comprehensive strategic partnerships with China in 2008, Russia in 2012 and India in 2016.", "supported", None),
        ("Vietnam established comprehensive strategic partnerships with China in 2008, Russia in 2012 and India in 2018.", "conflicting", None),
        # closed lists, ranks and counts
        ("Japan is one of the five countries with a comprehensive strategic partnership with Vietnam.", "conflicting", None),
        ("Russia was Vietnam's first comprehensive strategic partner.", "conflicting", None),
        ("Vietnam has a Five Nos defence policy.", "conflicting", "four-nos-policy"),
        ("The Four No's forbid siding with one country against another.", "supported", None),
        # polarity
        ("Vietnam does not join military alliances.", "supported", None),
        ("Vietnam has joined a military alliance.", "conflicting", None),
        ("Vietnam takes sides in great-power competition.", "conflicting", None),
        # qualifiers and precision
        ("Vietnam's FDI averages almost 11 billion US dollars a year.", "supported", None),
        ("Vietnam's FDI averages more than 11 billion US dollars a year.", "conflicting", None),
        ("Vietnam has defence relations with more than 170 countries.", "conflicting", None),
        ("The United States and Vietnam established diplomatic relations in 1994.", "conflicting", "us-vietnam-diplomatic-relations-1995"),
    ],
)
def test_verdicts_on_the_bundled_file(corpus, claim, verdict, entry):
    result = corpus.checker.check(claim)
    assert result.verdict.value == verdict, result.reason
    if entry:
        assert result.matches[0].entry.id == entry


def test_a_conflict_names_the_part_that_is_wrong(corpus):
    result = corpus.checker.check("Vietnam established comprehensive strategic partnerships with China in 2008, Russia in 2012 and India in 2018.")
    assert result.reason.startswith("in “")
    assert "India" in result.reason and "the claim says 2018; the source says 2016" in result.reason


postings = st.lists(st.lists(st.integers(0, 400), max_size=300).map(lambda xs: sorted(set(xs))), min_size=1, max_size=12)


@given(postings, st.data(), st.integers(1, 60), st.booleans())
@settings(max_examples=300, deadline=None)
def test_skipping_common_words_ranks_as_adding_up_every_hit(lists, data, n, compiled):
    """most_covered reads the rarest words first and skips what cannot matter, in Python or with
    numpy; it must rank the entries exactly as adding up every hit does, ties and sums included."""
    weights = data.draw(st.lists(st.sampled_from([0.1, 0.5, 1.0, 2.25, 3.0, 4.5, 0.1 + 0.2]), min_size=len(lists), max_size=len(lists)))
    expected = match._count_all(lists, weights, n)
    few, match.FEW_HITS = match.FEW_HITS, 0
    try:
        assert match.most_covered(lists, weights, n, 401 if compiled else None) == expected
    finally:
        match.FEW_HITS = few


@pytest.mark.parametrize("sentence, worthy", [
    ("The Four Nos guide the country's defence.", True),  # names a policy
    ("Editors praised the Mongol invasions chapter.", True),
    ("Vietnam joined a group in 1995.", True),  # states a figure
    ("The weather in Hanoi was pleasant.", False),
    ("Vietnam values its friends.", False),  # a name every entry shares names nothing
])
def test_an_unverified_sentence_is_worth_reporting_when_it_names_a_policy_or_states_a_figure(corpus, sentence, worthy):
    from factcheck.drafts.scan import check_worthy

    assert check_worthy(corpus.index, sentence) is worthy


# Invisible format characters (Unicode category Cf), one of each kind: one in each word of a
# claim, or one inside a figure, turned conflicts into "unverified".
INVISIBLE = {
    "soft hyphen": "\u00ad", "zero-width space": "\u200b", "zero-width non-joiner": "\u200c",
    "zero-width joiner": "\u200d", "left-to-right mark": "\u200e", "right-to-left mark": "\u200f",
    "word joiner": "\u2060", "BOM": "\ufeff", "Arabic letter mark": "\u061c", "invisible times": "\u2062",
    "right-to-left override": "\u202e", "first strong isolate": "\u2068", "tag letter": "\U000e0041",
}
AID_CONFLICT = "Aid from China and the USSR to Vietnam from June 1950 to June 1954 was 43 million US dollars."
HIDING = {
    "in every word": lambda claim, char: " ".join(w[:1] + char + w[1:] for w in claim.split(" ")),
    "in the figure": lambda claim, char: claim.replace("43", f"4{char}3"),
    "between the words": lambda claim, char: claim.replace(" ", f" {char}"),
    "around the claim": lambda claim, char: f"{char}{claim}{char}",
}


@pytest.mark.parametrize("where", HIDING)
@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_an_invisible_character_hides_no_conflict(corpus, char, where):
    hidden = HIDING[where](AID_CONFLICT, char)
    assert char in hidden
    seen, result = corpus.checker.check(AID_CONFLICT), corpus.checker.check(hidden)
    assert seen.verdict.value == "conflicting"
    assert (result.claim, result.verdict, result.reason) == (AID_CONFLICT, seen.verdict, seen.reason)


LABELLED = [json.loads(line)["claim"] for name in ("labelled.jsonl", "labelled-holdout.jsonl")
            for line in (Path(__file__).parent / "data" / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@given(st.sampled_from(LABELLED), st.lists(st.tuples(st.integers(0, 200), st.characters(categories=["Cf"])), min_size=1, max_size=10))
@settings(max_examples=200, deadline=None)
def test_invisible_characters_anywhere_never_change_a_verdict(corpus, claim, insertions):
    hidden = claim
    for at, char in insertions:
        hidden = hidden[:at] + char + hidden[at:]
    assert corpus.checker.check(hidden).verdict == corpus.checker.check(claim).verdict


# claims as users write them, each with the verdict the meaning work gives it: the meaning
# issue's own examples, proportions ("all 193"), ranks by date, names an entry never uses
MEANING = [
    pytest.param('Vietnam does not take sides.', 'supported', id='does-not-take-sides'),
    pytest.param('Vietnam follows the "Four Nos" defence policy and does not take sides between great powers.', 'supported', id='four-nos-and-no-sides'),
    pytest.param('"Vietnam has established a comprehensive strategic partnership with five countries," a foreign ministry spokesperson told reporters in 2023.', 'supported', id='a-spokesperson-quoted'),
    pytest.param('The United States and Vietnam normalized relations in 1995.', 'supported', id='normalized-by-2002'),
    pytest.param("Vietnam joined ASEAN on July 28, 1996, and has since become one of the bloc's most active members.", 'conflicting', id='a-trailing-clause-hides-no-wrong-year'),
    pytest.param('Comprehensive strategic partner since', 'unverified', id='a-table-header'),
    pytest.param('The Four Nos include no nuclear weapons.', 'conflicting', id='the-four-nos-include'),
    pytest.param('One of the Four Nos is no nuclear weapons.', 'conflicting', id='one-of-the-four-nos'),
    pytest.param('It is false that Vietnam joined ASEAN in 1995.', 'conflicting', id='a-denied-fact'),
    pytest.param('It is false that Vietnam hosts foreign military bases.', 'supported', id='a-denied-denial'),
    pytest.param('Vietnam has diplomatic relations with all 193 UN member states.', 'conflicting', id='all-193-against-192-of-193'),
    pytest.param('Vietnam has diplomatic relations with every UN member state.', 'conflicting', id='every-member-against-192-of-193'),
    pytest.param('Vietnam has diplomatic relations with all but one UN member state.', 'supported', id='all-but-one-is-192-of-193'),
    pytest.param('Vietnam has defence ties with more than 100 countries, though only three of the five permanent members of the UN Security Council.', 'conflicting', id='three-of-the-five-against-all-five'),
    pytest.param('Vietnam has defence relations with every one of the five permanent members of the UN Security Council.', 'supported', id='every-one-of-the-five'),
    pytest.param("Russia was Vietnam's first comprehensive strategic partner.", 'conflicting', id='the-member-then-its-rank'),
    pytest.param("Hanoi's very first comprehensive strategic partner was, of course, Russia.", 'conflicting', id='the-rank-then-was-the-member'),
    pytest.param("Fifteen years separate Vietnam's first comprehensive strategic partnership and the one with the US.", 'unverified', id='a-rank-of-something-else'),
    pytest.param('The 11th Military Party Congress was the first to refer to defence diplomacy.', 'unverified', id='a-name-the-entry-never-uses'),
    pytest.param('The 11th National Party Congress was the first to refer to defence diplomacy.', 'supported', id='the-name-it-uses'),
    pytest.param('Aid from Beijing and Moscow to the Viet Minh over 1950-1954 came to thirty-four million US dollars.', 'supported', id='names-apart-are-not-one-name'),
    pytest.param('Vietnam has established comprehensive partnerships with 16 countries.', 'conflicting', id='a-plural-kind-of-relation'),
    pytest.param('In 2018 Vietnam had strategic partnerships with 10 countries.', 'conflicting', id='another-kind-does-not-vouch'),
    pytest.param('By 2018 Vietnam had comprehensive partnerships with 16 countries and strategic partnerships with 10.', 'conflicting', id='two-kinds-two-figures-swapped'),
    pytest.param('By 2018 Vietnam had comprehensive partnerships with 10 countries and strategic partnerships with 16.', 'supported', id='two-kinds-two-figures'),
    pytest.param("Vietnam was invaded three times by the Mongol Empire's Yuan dynasty in the 1200s.", 'supported', id='how-often-as-a-count'),
    pytest.param('The Mongol Yuan dynasty invaded Vietnam twice in the thirteenth century.', 'conflicting', id='twice-against-three-invasions'),
    pytest.param('The US and Vietnam did not exchange ambassadors until May 1997.', 'supported', id='not-until-a-date-says-when'),
    pytest.param('The Russian Federation came into being in December 1991.', 'unverified', id='the-entry-stating-it-outweighs-a-related-one'),
    pytest.param('"In a world full of turbulence, Vietnam picks no side," General Secretary Nguyen Phu Trong told CSIS in May 2022.', 'unverified', id='a-quotation-given-to-another-speaker'),
    pytest.param("Russia agreed in 2000 to write off most of Vietnam's Soviet-era debt.", 'unverified', id='2000-is-early-in-the-21st-century'),
    pytest.param('In 1964 guerrillas in Caracas seized a US officer to demand the release of Nguyen Van Troi, who was held in Hanoi.', 'unverified', id='hanoi-is-not-saigon'),
    pytest.param('Date: May 1997.', 'unverified', id='a-figure-of-nothing-contradicts-nothing'),
    pytest.param('The United States did not sever relations with Vietnam in 1995.', 'supported', id='denying-the-opposite-is-no-conflict'),
    pytest.param('The United States severed relations with Vietnam in 1995.', 'conflicting', id='the-opposite-in-another-tense'),
    pytest.param('Under Gorbachev, Moscow did not discourage a Vietnamese withdrawal from Cambodia.', 'supported', id='did-not-discourage-what-it-encouraged'),
    pytest.param('The Soviet Union was a mere observer at the 1954 Geneva Conference.', 'conflicting', id='an-observer-is-no-cochair'),
    pytest.param('Aid from socialist countries during the war against the US came to less than a twentieth of US war spending in Vietnam.',
                 'supported', id='a-share-of-two-sums'),
    pytest.param('Total aid from socialist countries during the war against the US was about a tenth of US war spending in Vietnam.',
                 'conflicting', id='another-share-of-two-sums'),
    pytest.param('The US spent less than a tenth of 1.38 trillion dollars on the war.', 'unverified', id='one-sum-twice-is-no-share'),
    pytest.param('Beginning in 1968, Hanoi relied increasingly on Beijing rather than Moscow for aid and advice.', 'conflicting',
                 id='beginning-in-is-since-and-rather-than-rules-out'),
    pytest.param('Vietnam has aligned itself with Washington against Beijing.', 'conflicting', id='whom-it-sides-with-is-no-other-subject'),
    pytest.param('After 1975 defence diplomacy ceased to be a channel for Vietnam to obtain support from socialist countries.', 'conflicting',
                 id='the-opposite-word-with-about-as-much-said'),
    pytest.param("Vietnam has diplomatic ties with all but one of the UN's member states.", 'supported', id='all-but-one-is-no-all'),
    pytest.param('Vietnam became a member of Interpol before it joined ASEAN.', 'supported', id='a-member-since-dates-its-joining'),
    pytest.param('Vietnam joined Interpol after the Russian Federation was founded.', 'conflicting', id='joined-since-1990-before-1991'),
    pytest.param('Before 1950, Moscow could not effectively help Ho Chi Minh because of geography.', 'supported', id='not-before-is-prevented-until'),
    pytest.param('Ambassadors exchanged: May 1997.', 'supported', id='a-label-with-a-verb-is-no-lead-in'),
    pytest.param("Ho Chi Minh once defined independence as managing one's own affairs free from outside interference.", 'supported', id='free-from-is-without'),
    pytest.param("Vietnam's 'bamboo diplomacy' is described as soft and skilful but also bold, tenacious and unyielding.", 'supported', id='a-reporting-verb-weighs-light'),
    pytest.param("Nguyen Phu Trong's December 2022 speech called for avoiding isolation and dependence.", 'supported', id='a-no-compound-denies-only-itself'),
]


@pytest.mark.parametrize("claim, verdict", MEANING)
def test_verdicts_follow_what_a_claim_asserts(corpus, claim, verdict):
    assert corpus.checker.check(claim).verdict.value == verdict


@pytest.mark.parametrize(
    "credit, names",
    [
        ("Communist Review", ["Communist Review"]),
        ("Sr. Lt. Gen., Associate Prof., Dr Hoang Xuan Chien, Member of the Party Central Committee", ["Sr. Lt. Gen.", "Hoang Xuan Chien"]),
        ("Tran Dac Loi, Vice-President of the Vietnam Peace and Development Foundation", ["Tran Dac Loi"]),
        ("Rosa Luxemburg Stiftung (Southeast Asia, Vietnam Office)", ["Rosa Luxemburg Stiftung"]),
    ],
    ids=["a-publisher", "a-name-after-its-titles", "a-name-then-its-post", "no-name-in-brackets"],
)
def test_thenames_in_a_sources_credit_line(credit, names):
    assert names_in(credit) == names


def test_a_claim_attributed_to_a_sources_author_is_checked_for_what_it_reports(corpus):
    claim = "The 11th National Party Congress was the first to refer to defence diplomacy, Deputy Defence Minister Hoang Xuan Chien wrote."
    assert corpus.checker.check(claim).verdict.value == "supported"
