"""Conditions: each marker, its type, what it attaches to, and what is not a condition."""

from __future__ import annotations

import pytest

from extraction_helpers import extract_text, only
from kgbuild.records import ConditionType


@pytest.mark.parametrize(
    ("sentence", "text", "kind"),
    [
        (
            "Japan will lift the tariffs once Korea ratifies the deal.",
            "Korea ratifies the deal",
            ConditionType.PREREQUISITE,
        ),
        (
            "Japan will impose tariffs if Korea floods the market.",
            "Korea floods the market",
            ConditionType.TRIGGER,
        ),
        (
            "Japan will lift the tariffs unless Korea blocks the deal.",
            "Korea blocks the deal",
            ConditionType.EXCEPTION,
        ),
        (
            "Japan will lift the tariffs provided that Korea ratifies the deal.",
            "Korea ratifies the deal",
            ConditionType.PREREQUISITE,
        ),
        (
            "Japan will lift the tariffs so long as Korea honours the deal.",
            "Korea honours the deal",
            ConditionType.PROVISO,
        ),
        (
            "Japan will lift the tariffs as long as Korea honours the deal.",
            "Korea honours the deal",
            ConditionType.PROVISO,
        ),
        ("Japan will send aid in the event of a new flood.", "a new flood", ConditionType.TRIGGER),
        ("Japan will send aid in the case of a new flood.", "a new flood", ConditionType.TRIGGER),
        (
            "Japan will lift the tariffs on condition that Korea ratifies the deal.",
            "Korea ratifies the deal",
            ConditionType.PREREQUISITE,
        ),
        (
            "Japan will lift the tariffs as soon as Korea ratifies the deal.",
            "Korea ratifies the deal",
            ConditionType.PREREQUISITE,
        ),
        (
            "Japan will release the funds subject to parliamentary approval.",
            "parliamentary approval",
            ConditionType.PREREQUISITE,
        ),
        (
            "Japan will send peacekeepers following a ceasefire.",
            "a ceasefire",
            ConditionType.PREREQUISITE,
        ),
        (
            "Japan will release the funds when Korea signs the memorandum.",
            "Korea signs the memorandum",
            ConditionType.PREREQUISITE,
        ),
        (
            "Japan will fund the project, assuming the Diet approves the budget.",
            "the Diet approves the budget",
            ConditionType.PREREQUISITE,
        ),
        (
            "Japan would restore the flights, on the understanding that Korea lifts the ban.",
            "Korea lifts the ban",
            ConditionType.PREREQUISITE,
        ),
        (
            "Japan is prepared to ease the tariffs, but not before Korea ratifies the deal.",
            "Korea ratifies the deal",
            ConditionType.PREREQUISITE,
        ),
        (
            "Japan will observe the truce for as long as Korea does.",
            "Korea does",
            ConditionType.PROVISO,
        ),
        (
            "Should talks fail, Japan will take the dispute to the WTO.",
            "talks fail",
            ConditionType.TRIGGER,
        ),
        (
            "Were Korea to guarantee minimum flows, Japan would drop its objections.",
            "Korea to guarantee minimum flows",
            ConditionType.TRIGGER,
        ),
    ],
)
def test_condition_marker(sentence: str, text: str, kind: ConditionType) -> None:
    c = only(sentence)
    assert [(k.text, k.type) for k in c.conditions] == [(text, kind)]
    assert sentence[c.conditions[0].evidence.start : c.conditions[0].evidence.end] == text


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Japan will lift the tariffs if Korea ratifies the deal.", "Korea ratifies the deal"),
        (
            "The E3 offered to hold off if Iran restored access for inspectors.",
            "Iran restored access for inspectors",
        ),
    ],
)
def test_if_with_a_partys_act_of_compliance_is_a_prerequisite(sentence: str, text: str) -> None:
    c = only(sentence)
    assert [(k.text, k.type) for k in c.conditions] == [(text, ConditionType.PREREQUISITE)]


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("MONUSCO could provide support if the parties request it.", "the parties request it"),
        (
            "Jakarta would cut the levy if Brussels drops its complaint.",
            "Brussels drops its complaint",
        ),
        ("Japan will send more experts if our partners so wish.", "our partners so wish"),
    ],
)
def test_if_with_a_partys_act_is_a_prerequisite(sentence: str, text: str) -> None:
    c = only(sentence)
    assert [(k.text, k.type) for k in c.conditions] == [(text, ConditionType.PREREQUISITE)]


def test_if_with_a_partys_hostile_act_stays_a_trigger() -> None:
    c = only("Israel will resume strikes if Hamas violates the truce.")
    assert [(k.text, k.type) for k in c.conditions] == [
        ("Hamas violates the truce", ConditionType.TRIGGER)
    ]


def test_if_after_a_threat_stays_a_trigger_whoever_acts() -> None:
    c = only("Russia said it would retaliate if Finland hosted nuclear weapons.")
    assert [(k.text, k.type) for k in c.conditions] == [
        ("Finland hosted nuclear weapons", ConditionType.TRIGGER)
    ]


def test_if_with_an_event_stays_a_trigger() -> None:
    c = only("Japan will send aid if the talks collapse.")
    assert [(k.text, k.type) for k in c.conditions] == [
        ("the talks collapse", ConditionType.TRIGGER)
    ]


def test_condition_ends_before_a_trailing_attribution() -> None:
    found = extract_text(
        "The European Commission could recommend suspending the talks if Kyiv backslides on "
        "the rule of law, Commission President Ursula von der Leyen said."
    ).commitments
    assert [k.text for c in found for k in c.conditions] == ["Kyiv backslides on the rule of law"]


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Japan will release the funds pending a review of the plan.", "a review of the plan"),
        (
            "The IMF reached an agreement with Sri Lanka on a loan, pending approval by its board.",
            "approval by its board",
        ),
    ],
)
def test_pending_states_a_prerequisite(sentence: str, text: str) -> None:
    c = only(sentence)
    assert [(k.text, k.type) for k in c.conditions] == [(text, ConditionType.PREREQUISITE)]


def test_pending_before_a_noun_is_no_condition() -> None:
    assert only("Japan will settle the pending case soon.").conditions == ()


def test_condition_is_excluded_from_the_action() -> None:
    c = only("Japan will lift the tariffs once Korea ratifies the deal.")
    assert c.action == "lift the tariffs"


def test_condition_before_the_clause_attaches_to_it() -> None:
    c = only("In the event of a peace deal, Britain will keep training soldiers.")
    assert [k.text for k in c.conditions] == ["a peace deal"]


def test_condition_attaches_to_the_commitment_it_modifies() -> None:
    found = extract_text(
        "Japan will lift the tariffs, and South Korea will cut quotas if Japan ratifies the deal."
    ).commitments
    assert [[k.text for k in c.conditions] for c in found] == [[], ["Japan ratifies the deal"]]


def test_not_contingent_on_is_not_a_condition() -> None:
    c = only("Japan will provide the loan, which is not contingent on reforms.")
    assert c.conditions == ()


def test_on_condition_of_anonymity_is_not_a_condition() -> None:
    c = only("Japan will provide the loan, an official said on condition of anonymity.")
    assert c.conditions == ()


def test_deadline_is_not_a_condition() -> None:
    c = only("Japan will cut emissions by 2035.")
    assert c.conditions == ()


def test_following_a_time_span_is_not_a_condition() -> None:
    c = only("Following weeks of talks, Japan will lift the tariffs.")
    assert c.conditions == ()


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The Treasury will not take on new borrowing while the programme talks continue.",
         "the programme talks continue"),
        ("Japan will keep its sanctions in place while the occupation lasts.",
         "the occupation lasts"),
    ],
)
def test_while_before_a_state_that_lasts_is_a_proviso(sentence: str, text: str) -> None:
    c = only(sentence)
    assert [(k.text, k.type) for k in c.conditions] == [(text, ConditionType.PROVISO)]


def test_while_before_a_contrast_is_no_condition() -> None:
    found = extract_text("Germany will send tanks, while France refused to do so.")
    assert [c.conditions for c in found.commitments] == [(), ()]


def test_until_after_a_refusal_is_a_prerequisite() -> None:
    c = only("Bangkok would not pull its artillery back until Cambodian engineers had cleared "
             "the landmines.")
    assert [(k.text, k.type) for k in c.conditions] == [
        ("Cambodian engineers had cleared the landmines", ConditionType.PREREQUISITE)
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Japan will keep its troops there until March.",
     "Japan will keep its sanctions until Russia withdraws.",
     "Japan will not lift the sanctions until next year."],
)
def test_until_after_a_pledge_or_before_a_date_is_no_condition(sentence: str) -> None:
    assert only(sentence).conditions == ()


def test_cause_of_a_past_act_is_not_a_condition() -> None:
    c = only("France triggered the mechanism after Iran failed to comply.")
    assert c.conditions == ()


def test_provided_without_that_runs_to_the_end_of_the_clause() -> None:
    c = only(
        "Kyiv is ready to accept a truce, provided Russia also stops its attacks on power plants."
    )
    assert [k.text for k in c.conditions] == ["Russia also stops its attacks on power plants"]


def test_provided_the_parser_took_for_a_reported_verb_is_still_a_marker() -> None:
    c = only(
        "Heinonen said Finland was prepared to contribute a repair vessel to a shared pool, "
        "provided the Finnish parliament approves the funding."
    )
    assert [(k.text, k.type) for k in c.conditions] == [
        ("the Finnish parliament approves the funding", ConditionType.PREREQUISITE)
    ]


def test_provided_by_an_agent_is_a_participle_not_a_condition() -> None:
    assert only("Japan will send the aid, provided by its agency, next week.").conditions == ()


def test_condition_with_an_adverb_inside_is_whole() -> None:
    c = only("Japan will lift the tariffs if Korea also ratifies the deal.")
    assert [k.text for k in c.conditions] == ["Korea also ratifies the deal"]




def test_a_condition_whose_verb_is_a_reporting_verb_is_kept_whole() -> None:
    found = only(
        "The World Food Programme said it stood ready to scale up deliveries as soon as roads "
        "are declared safe."
    )
    assert [(k.text, k.type) for k in found.conditions] == [
        ("roads are declared safe", ConditionType.PREREQUISITE)
    ]


def test_as_soon_as_possible_is_manner_not_a_condition() -> None:
    found = only("India urged OPEC to resume the increases as soon as possible.")
    assert found.conditions == ()


def test_a_focus_adverb_before_a_condition_leaves_the_action() -> None:
    found = only("Russia said it would cap its warheads only as long as the US refrains.")
    assert found.action == "cap its warheads"
    assert [k.text for k in found.conditions] == ["the US refrains"]


def test_a_gerund_the_parser_hung_on_the_main_verb_stays_in_the_condition() -> None:
    found = only(
        "Germany said the money would be released subject to parliament approving the budget."
    )
    assert [(k.text, k.type) for k in found.conditions] == [
        ("parliament approving the budget", ConditionType.PREREQUISITE)
    ]


def test_an_exchange_is_a_prerequisite_and_runs_to_the_end_of_its_phrase() -> None:
    found = only(
        "Canada is considering easing its tariff on electric vehicles in exchange for Beijing "
        "lifting duties on canola."
    )
    assert found.action == "easing its tariff on electric vehicles"
    assert [(k.text, k.type) for k in found.conditions] == [
        ("Beijing lifting duties on canola", ConditionType.PREREQUISITE)
    ]


def test_once_parsed_as_an_adverb_of_a_clause_with_a_subject_is_a_marker() -> None:
    found = only(
        "The tranche will be disbursed once the IMF's executive board signs off on the "
        "review, the IMF said."
    )
    assert [(k.text, k.type) for k in found.conditions] == [
        ("the IMF's executive board signs off on the review", ConditionType.PREREQUISITE)
    ]


def test_once_again_is_no_condition() -> None:
    assert only("Germany said it would once again send troops.").conditions == ()


def test_after_a_dated_event_is_a_time_not_a_condition() -> None:
    found = only("Pakistan will not seek another bailout after the current programme ends in 2027.")
    assert found.conditions == ()


def test_after_an_undated_act_of_another_party_is_a_prerequisite() -> None:
    found = only("Japan will lift sanctions after Russia withdraws its troops.")
    assert [(k.text, k.type) for k in found.conditions] == [
        ("Russia withdraws its troops", ConditionType.PREREQUISITE)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "When Macron visited Kyiv last year, France pledged to send tanks.",
        "When asked, Japan said it would send aid.",
        "Japan said it should send aid.",
    ],
)
def test_a_past_when_or_a_modal_should_is_no_condition(sentence: str) -> None:
    assert only(sentence).conditions == ()


def test_an_unowned_undertaking_a_condition_binds_is_the_announcers() -> None:
    c = only("Any further disbursement will depend on Kenya meeting the targets, the IMF said.")
    assert c.debtors == ("international-monetary-fund",)
    assert [(k.text, k.type) for k in c.conditions] == [
        ("Kenya meeting the targets", ConditionType.PREREQUISITE)
    ]


def test_an_undertaking_from_an_actor_a_condition_binds_is_that_actors() -> None:
    c = only("Continued support from Japan depends on Korea keeping to the reform path.")
    assert c.debtors == ("japan",)
