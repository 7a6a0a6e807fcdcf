"""Commitments: one test per construction, on sentences written for the test."""

from __future__ import annotations

import pytest

from extraction_helpers import extract_text, only
from kgbuild.records import ConditionType, Polarity, Status

# -- commissive verbs and nouns ------------------------------------------------------------


def test_pledge_to_infinitive_is_pledged() -> None:
    c = only("Japan pledged to provide $2 billion in loans to Ukraine.")
    assert (c.debtors, c.status, c.polarity) == (("japan",), Status.PLEDGED, Polarity.POSITIVE)
    assert c.action == "provide $2 billion in loans to Ukraine"
    assert c.beneficiaries == ("ukraine",)


def test_agree_to_with_coordinated_subjects_is_one_commitment() -> None:
    c = only("Canada and Mexico agreed to lift tariffs on steel.")
    assert c.debtors == ("canada", "mexico")
    assert c.status is Status.PLEDGED
    assert c.action == "lift tariffs on steel"


def test_promise_with_negated_complement_is_negative() -> None:
    c = only("China promised not to supply weapons to Russia.")
    assert (c.debtors, c.polarity) == (("china",), Polarity.NEGATIVE)
    assert c.action == "supply weapons to Russia"


def test_object_control_verb_binds_its_object_not_its_subject() -> None:
    c = only("The accord obliges Iran to cap enrichment at 3.67 percent.")
    assert (c.debtors, c.status, c.action) == (
        ("iran",), Status.PLEDGED, "cap enrichment at 3.67 percent"
    )


def test_object_control_participle_binds_its_object_not_the_signers() -> None:
    found = extract_text(
        "Aliyev and Jorgensen signed an addendum in Baku, committing Azerbaijan to lift its "
        "gas exports to Europe."
    ).commitments
    lift = [c for c in found if c.action == "lift its gas exports to Europe"]
    assert [c.debtors for c in lift] == [("azerbaijan",)]


def test_object_control_infinitive_parsed_as_adverbial_clause() -> None:
    c = only("The deal binds Kyiv and Moscow to refrain from attacks on power plants.")
    assert c.debtors == ("ukraine", "russia")
    assert c.action == "refrain from attacks on power plants"


def test_object_control_with_to_and_a_gerund_binds_the_object() -> None:
    c = only("The agreement commits New Delhi to eliminating duties on EU exports.")
    assert (c.debtors, c.action) == (("india",), "eliminating duties on EU exports")


def test_reflexive_object_reads_as_the_verbs_own_to_phrase() -> None:
    c = only("Germany committed itself to spending 2 percent of GDP on defence.")
    assert (c.debtors, c.action) == (("germany",), "spending 2 percent of GDP on defence")


def test_not_hesitating_to_act_pledges_the_act() -> None:
    c = only("Saudi Arabia said it would not hesitate to cut output again.")
    assert (c.debtors, c.action, c.polarity, c.status) == (
        ("saudi-arabia",), "cut output again", Polarity.POSITIVE, Status.PLEDGED
    )


def test_hesitating_to_act_undertakes_nothing() -> None:
    assert extract_text("France hesitated to send troops.").commitments == ()


def test_offer_to_is_signaled() -> None:
    c = only("Norway offered to host the next round of talks.")
    assert (c.debtors, c.status) == (("norway",), Status.SIGNALED)


def test_announced_readiness_noun_takes_the_verbs_subject() -> None:
    c = only(
        "Italy, Spain and other European partners announced their readiness to send engineers."
    )
    assert c.debtors[:2] == ("italy", "spain")
    assert len(c.debtors) == 3
    assert c.status is Status.SIGNALED
    assert c.action == "send engineers"


def test_is_prepared_to_is_signaled() -> None:
    c = only("The United Kingdom is prepared to deploy minesweepers.")
    assert (c.debtors, c.status, c.action) == (
        ("united-kingdom",),
        Status.SIGNALED,
        "deploy minesweepers",
    )


def test_will_is_pledged() -> None:
    c = only("Germany will provide air defence systems to Ukraine.")
    assert (c.debtors, c.status, c.polarity) == (("germany",), Status.PLEDGED, Polarity.POSITIVE)
    assert c.action == "provide air defence systems to Ukraine"


def test_intends_to_is_signaled() -> None:
    c = only("Brazil intends to double its contribution to the fund.")
    assert (c.debtors, c.status) == (("brazil",), Status.SIGNALED)


def test_passive_expected_to_is_signaled() -> None:
    c = only("Turkey is expected to host the next round of talks.")
    assert (c.debtors, c.status) == (("turkey",), Status.SIGNALED)


def test_nominal_pledge_with_possessor() -> None:
    c = only("The summit welcomed Canada's pledge to cut emissions by half.")
    assert (c.debtors, c.status) == (("canada",), Status.PLEDGED)
    assert c.action == "cut emissions by half"


# -- refusals --------------------------------------------------------------------------------


def test_ruled_out_is_negative() -> None:
    c = only("Japan has ruled out sending troops.")
    assert (c.debtors, c.polarity, c.status) == (("japan",), Polarity.NEGATIVE, Status.PLEDGED)
    assert c.action == "sending troops"


def test_refused_to_is_negative() -> None:
    c = only("Hungary refused to approve the aid package.")
    assert (c.debtors, c.polarity) == (("hungary",), Polarity.NEGATIVE)
    assert c.action == "approve the aid package"


def test_will_not_is_negative() -> None:
    c = only("Brazil will not join the sanctions.")
    assert (c.debtors, c.polarity, c.status) == (("brazil",), Polarity.NEGATIVE, Status.PLEDGED)
    assert c.action == "join the sanctions"


def test_refusal_followed_by_a_participle_of_saying_refuses_its_own_object() -> None:
    found = extract_text(
        "Iran rejected calls to ship the stockpile abroad, saying the material was its own."
    ).commitments
    assert [(c.debtors, c.action, c.polarity) for c in found] == [
        (("iran",), "ship the stockpile abroad", Polarity.NEGATIVE)
    ]


def test_that_misread_as_an_object_stays_out_of_the_action() -> None:
    c = only(
        'Hungary said in a video address that its soldiers would not withdraw "from a single '
        'town".'
    )
    assert c.action == "withdraw from a single town"


def test_demand_to_refrain_from_an_act_is_a_negative_demand_of_the_act() -> None:
    c = only("The EU urged Russia to refrain from attacking power plants.")
    assert (c.debtors, c.requested_by, c.action, c.polarity, c.status) == (
        ("russia",), ("european-union",), "attacking power plants", Polarity.NEGATIVE,
        Status.DEMANDED,
    )


def test_demand_to_refrain_joined_to_another_act_stays_positive() -> None:
    c = only("China called on Japan to exercise restraint and refrain from provocations.")
    assert (c.action, c.polarity) == (
        "exercise restraint and refrain from provocations", Polarity.POSITIVE
    )


def test_delegations_sign_for_the_sides_they_represent() -> None:
    c = only(
        "On Monday the delegation of Kenya and the delegation of Somalia signed a protocol "
        "on the disengagement of forces."
    )
    assert (c.debtors, c.status) == (("kenya", "somalia"), Status.FORMALIZED)


def test_a_date_after_by_is_no_agent_of_a_reported_passive() -> None:
    c = only("The EU said the first €200 million would be disbursed by mid-2026.")
    assert (c.debtors, c.status) == (("european-union",), Status.PLEDGED)


def test_infinitive_after_a_phrase_of_scene_is_the_verbs_complement() -> None:
    c = only("Kenya and Somalia agreed in talks to restart a pilot repatriation of refugees.")
    assert (c.debtors, c.action) == (
        ("kenya", "somalia"), "restart a pilot repatriation of refugees"
    )


def test_officials_in_a_capital_speak_for_its_state() -> None:
    c = only("Officials in Beijing said they would not accept a discount on principal.")
    assert (c.debtors, c.polarity) == (("china",), Polarity.NEGATIVE)


def test_would_consider_an_option_is_considered() -> None:
    c = only("New Zealand would consider all options, including a joint statement.")
    assert (c.status, c.action) == (
        Status.CONSIDERED, "consider all options, including a joint statement"
    )


def test_refusing_to_become_a_member_refuses_an_act() -> None:
    c = only("China again declined to become a full member of the commission.")
    assert (c.debtors, c.action, c.polarity) == (
        ("china",), "become a full member of the commission", Polarity.NEGATIVE
    )


@pytest.mark.parametrize(
    ("sentence", "action", "polarity"),
    [
        ("The Houthis refused to add them to this round.", "add them to this round",
         Polarity.NEGATIVE),
        ("India aims to add 100,000 jobs.", "add 100,000 jobs", Polarity.POSITIVE),
        ("Russia refused to include the journalists in the exchange.",
         "include the journalists in the exchange", Polarity.NEGATIVE),
    ],
)
def test_a_verb_of_saying_with_a_noun_object_names_an_act(
    sentence: str, action: str, polarity: Polarity
) -> None:
    c = only(sentence)
    assert (c.action, c.polarity) == (action, polarity)


@pytest.mark.parametrize(
    "sentence",
    ["The Kremlin declined to add anything.", "The ministry declined to add further details.",
     "The committee will include hydrologists from both countries."],
)
def test_a_verb_of_saying_with_words_for_object_names_no_act(sentence: str) -> None:
    assert extract_text(sentence).commitments == ()


@pytest.mark.parametrize("verb", ["hopes", "hoped"])
def test_what_someone_hopes_another_will_do_is_no_undertaking(verb: str) -> None:
    assert extract_text(f"Russia {verb} that Ukraine would withdraw its troops.").commitments == ()


def test_an_installation_reported_done_is_fulfilled() -> None:
    c = only("Uzbekistan has already installed five of its gauges.")
    assert (c.debtors, c.status) == (("uzbekistan",), Status.FULFILLED)


@pytest.mark.parametrize(
    "sentence",
    ["Officials in Beijing have made clear they will not accept a haircut.",
     "Beijing has made it clear that it will not accept a haircut."],
)
def test_making_clear_reports_like_saying(sentence: str) -> None:
    c = only(sentence)
    assert (c.debtors, c.stated_by, c.polarity) == (("china",), ("china",), Polarity.NEGATIVE)


@pytest.mark.parametrize(
    "sentence", ["Japan released the data on Monday.", "Japan has released details of the plan."]
)
def test_releasing_information_is_no_act_done(sentence: str) -> None:
    assert extract_text(sentence).commitments == ()


def test_turning_down_a_request_refuses_the_act_asked_for() -> None:
    c = only("Thailand turned down a Cambodian request to let migrant workers return.")
    assert (c.debtors, c.action, c.polarity) == (
        ("thailand",), "let migrant workers return", Polarity.NEGATIVE
    )


def test_turning_to_someone_refuses_nothing() -> None:
    assert extract_text("Thailand turned to China for help.").commitments == ()


def test_neither_side_binds_both_sides_not_to_act() -> None:
    found = extract_text(
        "Thailand and Cambodia signed a truce. Neither side will move heavy weapons into the "
        "area."
    )
    c = found.commitments[-1]
    assert (c.debtors, c.action, c.polarity) == (
        ("thailand", "cambodia"), "move heavy weapons into the area", Polarity.NEGATIVE
    )


@pytest.mark.parametrize(
    ("sentence", "action"),
    [
        ("Indonesia was studying an export levy on nickel pig iron.",
         "an export levy on nickel pig iron"),
        ("Indian officials have floated a carve-out for poorer countries.",
         "a carve-out for poorer countries"),
    ],
)
def test_studying_or_floating_an_option_considers_it(sentence: str, action: str) -> None:
    c = only(sentence)
    assert (c.action, c.status) == (action, Status.CONSIDERED)


def test_examining_findings_considers_no_undertaking() -> None:
    assert extract_text("Japan is examining the findings.").commitments == ()


def test_directing_someone_to_act_demands_the_act() -> None:
    c = only("The IMO directed Panama to publish the new rule.")
    assert (c.debtors, c.requested_by, c.action, c.status) == (
        ("panama",), ("imo",), "publish the new rule", Status.DEMANDED
    )


@pytest.mark.parametrize(
    "sentence",
    ["Panama said the new rule would be published as a resolution before the end of January.",
     "Ukraine said the assessment would be commissioned before the end of the year."],
)
def test_an_agentless_passive_of_publishing_or_commissioning_binds_the_speaker(
    sentence: str,
) -> None:
    c = only(sentence)
    assert (c.debtors, c.status) == (c.stated_by, Status.PLEDGED)


def test_recommending_that_someone_act_demands_the_act() -> None:
    c = only("The IMF recommends that Kenya raise taxes.")
    assert (c.debtors, c.requested_by, c.status) == (
        ("kenya",), ("international-monetary-fund",), Status.DEMANDED
    )


def test_a_clause_of_purpose_undertakes_nothing() -> None:
    found = extract_text(
        "The Netherlands calls on the European Commission to draw up proposals, so that "
        "member states do not have to act alone."
    )
    assert [(c.debtors, c.action) for c in found.commitments] == [
        (("european-commission",), "draw up proposals")
    ]


@pytest.mark.parametrize("sentence", ["Ankara backed him.", "France backed Zelensky."])
def test_backing_a_person_backs_no_act(sentence: str) -> None:
    assert extract_text(sentence).commitments == ()


def test_an_inverted_should_is_a_condition_not_a_demand() -> None:
    c = only(
        "Should a new emergency be declared by the WHO, Japan stands ready to release "
        "an additional US$30 million."
    )
    assert (c.debtors, c.requested_by, c.status) == (("japan",), (), Status.SIGNALED)


def test_what_someone_imagined_is_no_undertaking() -> None:
    found = extract_text(
        "Few imagined that three years later Sri Lanka would be negotiating to turn its "
        "debt into a conservation fund."
    )
    assert found.commitments == ()


def test_wanting_someone_to_act_demands_the_act() -> None:
    c = only("Germany wants Russia to withdraw its troops from Moldova.")
    assert (c.debtors, c.requested_by, c.status) == (("russia",), ("germany",), Status.DEMANDED)


def test_wanting_to_act_oneself_is_no_demand() -> None:
    assert extract_text("Kenya wants to host the talks.").commitments == ()


def test_unveiling_a_package_pledges_it() -> None:
    c = only("Japan unveiled a $3 billion aid package for Ukraine.")
    assert (c.debtors, c.status) == (("japan",), Status.PLEDGED)


@pytest.mark.parametrize(
    "sentence",
    [
        "Poland backed away from its pledge to send fighter jets.",
        "Poland walked back its pledge to send fighter jets.",
    ],
)
def test_backing_away_from_a_pledge_withdraws_it(sentence: str) -> None:
    c = only(sentence)
    assert (c.debtors, c.status) == (("poland",), Status.WITHDRAWN)
    assert "send fighter jets" in c.action


@pytest.mark.parametrize(
    ("sentence", "debtors", "requesters", "action"),
    [
        ("Turkey was asked to host the talks.", ("turkey",), (), "host the talks"),
        ("Kenya has been told to cut its deficit.", ("kenya",), (), "cut its deficit"),
        (
            "Turkey was asked by the UN to host the talks.",
            ("turkey",),
            ("united-nations",),
            "host the talks",
        ),
    ],
)
def test_the_subject_of_a_passive_demand_is_asked(
    sentence: str, debtors: tuple[str, ...], requesters: tuple[str, ...], action: str
) -> None:
    c = only(sentence)
    assert (c.debtors, c.requested_by, c.action, c.status) == (
        debtors, requesters, action, Status.DEMANDED
    )


def test_urging_a_thing_demands_it() -> None:
    c = only("China urged an end to the fighting.")
    assert (c.requested_by, c.action, c.status) == (
        ("china",), "an end to the fighting", Status.DEMANDED
    )


def test_signing_off_on_a_package_formalizes_it() -> None:
    c = only("The Senate signed off on the aid package.")
    assert (c.debtors, c.action, c.status) == (("senate",), "the aid package", Status.FORMALIZED)


def test_rejecting_a_demand_that_refuses_the_demanded_act() -> None:
    c = only("India rejected Washington's demand that it stop buying Russian oil.")
    assert (c.debtors, c.action, c.polarity) == (
        ("india",), "stop buying Russian oil", Polarity.NEGATIVE
    )


@pytest.mark.parametrize(
    ("sentence", "debtors"),
    [
        ("The representative of China said his country would contribute $10 million.", ("china",)),
        ("The delegate of France said her delegation stood ready to draft a text.", ("france",)),
    ],
)
def test_a_delegate_of_a_state_speaks_for_it(sentence: str, debtors: tuple[str, ...]) -> None:
    c = only(sentence)
    assert (c.debtors, c.stated_by) == (debtors, debtors)


def test_releasing_money_is_a_fulfilled_act_but_releasing_a_statement_is_not() -> None:
    c = only("Kenya's central bank released 2.1bn shillings in back pay.")
    assert (c.action, c.status) == ("2.1bn shillings", Status.FULFILLED)
    assert extract_text("Kenya released a statement on Monday.").commitments == ()


def test_could_not_support_refuses_but_could_not_deliver_speaks_of_ability() -> None:
    c = only("Washington could not support applying the resolution at this time.")
    assert (c.polarity, c.status) == (Polarity.NEGATIVE, Status.PLEDGED)
    assert extract_text("Russia could not deliver the gas.").commitments == ()


def test_ministers_of_several_states_act_for_them() -> None:
    c = only(
        "On Friday the energy ministers of Kyrgyzstan, Kazakhstan and Uzbekistan signed a "
        "three-year agreement."
    )
    assert c.debtors == ("kyrgyzstan", "kazakhstan", "uzbekistan")


def test_the_parties_are_all_the_parties_of_the_last_deal() -> None:
    found = extract_text(
        "On Friday the energy ministers of Kyrgyzstan, Kazakhstan and Uzbekistan signed a "
        "three-year agreement. The parties agreed to install flow gauges."
    ).commitments
    assert [c.debtors for c in found] == [("kyrgyzstan", "kazakhstan", "uzbekistan")] * 2


def test_confirming_what_one_has_done_reports_it_done() -> None:
    c = only("Seoul confirmed it had dismantled the last of its loudspeakers on Friday.")
    assert (c.debtors, c.status) == (("south-korea",), Status.FULFILLED)


@pytest.mark.parametrize(
    ("sentence", "debtors", "requesters", "action"),
    [
        ("Beijing asked Washington for a delay of the tariffs.", ("united-states",), ("china",),
         "a delay of the tariffs"),
        ("Kyiv pressed Berlin for Taurus missiles.", ("germany",), ("ukraine",), "Taurus missiles"),
    ],
)
def test_asking_someone_for_a_thing_demands_it_of_them(
    sentence: str, debtors: tuple[str, ...], requesters: tuple[str, ...], action: str
) -> None:
    c = only(sentence)
    assert (c.debtors, c.requested_by, c.action, c.status) == (
        debtors, requesters, action, Status.DEMANDED
    )


def test_asking_for_a_while_demands_nothing() -> None:
    assert extract_text("Kenya pressed Somalia for months.").commitments == ()


def test_past_perfect_with_an_attribution_inside_is_reported_not_background() -> None:
    found = extract_text(
        "London had contributed an additional £8 million to the trust fund, she said, and was "
        "open to a phased application of the resolution."
    ).commitments
    assert [(c.debtors, c.status) for c in found][:1] == [(("united-kingdom",), Status.FULFILLED)]


def test_supporting_a_position_undertakes_nothing() -> None:
    found = extract_text("China's representative said Beijing supported the A3+ position.")
    assert found.commitments == ()


@pytest.mark.parametrize("pair", ["two sides", "two delegations", "two parties"])
def test_both_sides_are_the_pair_that_agreed_before(pair: str) -> None:
    found = extract_text(
        "Yemen's government and the Houthis agreed to exchange more than 900 detainees. The "
        f"{pair} will also allow the ICRC to visit all detention sites."
    ).commitments
    assert [c.debtors for c in found] == [("yemen", "houthis")] * 2


@pytest.mark.parametrize(
    "last",
    [
        "The two ministers agreed to hold the next meeting in Manila.",
        "The two ministers confirmed that they would hold the next meeting in Manila.",
    ],
)
def test_the_two_ministers_are_the_two_persons_named_most(last: str) -> None:
    found = extract_text(
        "Foreign Minister Kenji Sato held talks with Philippine Foreign Secretary Maria Ramos. "
        "Sato said Japan would provide radars. Ramos said the Philippines would expedite the "
        "ratification. " + last
    ).commitments
    assert found[-1].debtors == ("kenji-sato", "maria-ramos")


def test_requesting_someones_support_asks_it_of_them() -> None:
    c = only("Ramos requested Japan's continued support for the coast guard.")
    assert (c.debtors, c.action, c.status) == (
        ("japan",), "continued support for the coast guard", Status.DEMANDED
    )


def test_the_two_capitalised_ministers_of_a_readout_are_the_pair() -> None:
    found = extract_text(
        "Foreign Minister Kenji Hayama held talks with Foreign Secretary Teresita Villanueva. "
        "Hayama said Japan would provide radars. Villanueva said the Philippines would "
        "expedite ratification. The two Ministers agreed to hold the next meeting in Manila."
    ).commitments
    assert found[-1].debtors == ("kenji-hayama", "teresita-villanueva")


def test_the_government_is_the_one_a_state_owned_earlier_not_the_main_states() -> None:
    found = extract_text(
        "Oman hosted the talks. Oman's mediators praised Oman's role. Oman thanked the "
        "government of Yemen and the Houthis. A delegate said the government would carry out its "
        "side of the deal in full."
    ).commitments
    assert found[-1].debtors == ("yemen",)


def test_passive_no_troops_will_be_deployed_is_negative() -> None:
    c = only("No Canadian troops will be deployed.")
    assert (c.debtors, c.polarity) == (("canada",), Polarity.NEGATIVE)


def test_not_every_nation_is_nobodys_refusal() -> None:
    assert extract_text("Not every nation will contribute troops.").commitments == ()


def test_unnamed_subject_gives_no_commitment() -> None:
    assert extract_text("Someone will pay for the reconstruction.").commitments == ()


# -- demands ---------------------------------------------------------------------------------


def test_urged_x_to_makes_x_debtor_and_subject_requester() -> None:
    c = only("The European Union urged China to stop exports of drones.")
    assert (c.debtors, c.requested_by, c.status) == (
        ("china",),
        ("european-union",),
        Status.DEMANDED,
    )
    assert c.action == "stop exports of drones"


def test_called_on_x_to() -> None:
    c = only("India called on Pakistan to release the prisoners.")
    assert (c.debtors, c.requested_by) == (("pakistan",), ("india",))
    assert c.status is Status.DEMANDED


def test_pressing_for_has_a_requester_and_no_debtor() -> None:
    c = only("Moldova is pressing for faster accession talks.")
    assert (c.debtors, c.requested_by, c.status) == ((), ("moldova",), Status.DEMANDED)
    assert c.action == "faster accession talks"


@pytest.mark.parametrize(
    "text",
    [
        'Britain, which led the talks, called the agreement "a good day for Shetland".',
        "Egypt sent an envoy to Cairo to push talks on the next phase.",  # pushing talks
    ],
)
def test_a_demand_verb_with_a_thing_as_object_demands_nothing_by_its_preposition(
    text: str,
) -> None:
    assert [c.status for c in extract_text(text).commitments if c.requested_by] == []


def test_a_demand_verb_with_a_duration_as_object_has_a_purpose_not_a_demand() -> None:
    text = "Zambia needed more than three years to close its own deal with bondholders."
    assert extract_text(text).commitments == ()


@pytest.mark.parametrize(
    "text",
    [
        "Malawi's creditors insist they have learned from that experience.",
        "Afreximbank, the Cairo-based trade financier, insists that it is a preferred creditor.",
    ],
)
def test_insisting_on_a_fact_demands_nothing(text: str) -> None:
    assert extract_text(text).commitments == ()


def test_a_reason_after_a_demand_verb_is_not_what_is_demanded() -> None:
    c = only(
        "Kazakhstan's energy ministry said, however, that it would not order reductions at "
        "the Tengiz field, arguing that output there is governed by contracts."
    )
    assert (c.debtors, c.polarity, c.action) == (
        ("kazakhstan",), Polarity.NEGATIVE, "order reductions at the Tengiz field"
    )


def test_a_direct_question_reports_no_undertaking() -> None:
    assert extract_text("Will Beijing really sign before the other lenders do?").commitments == ()


def test_insisting_on() -> None:
    c = only("Georgia is insisting on binding guarantees.")
    assert (c.requested_by, c.status, c.action) == (
        ("georgia",),
        Status.DEMANDED,
        "binding guarantees",
    )


def test_must_in_a_quote_is_demanded_by_the_speaker() -> None:
    c = only("“Russia must withdraw its forces,” said Emmanuel Macron.")
    assert c.debtors == ("russia",)
    assert c.requested_by == ("emmanuel-macron",)
    assert c.stated_by == ("emmanuel-macron",)
    assert c.status is Status.DEMANDED


# -- hedges and options ----------------------------------------------------------------------


def test_could_is_considered() -> None:
    c = only("Japan could provide satellite imagery.")
    assert (c.debtors, c.status) == (("japan",), Status.CONSIDERED)


def test_considering_is_considered() -> None:
    c = only("Australia is considering sending a frigate.")
    assert (c.debtors, c.status, c.action) == (
        ("australia",),
        Status.CONSIDERED,
        "sending a frigate",
    )


def test_potential_role_is_considered() -> None:
    c = only("Officials discussed Turkey's potential role as a mediator.")
    assert (c.debtors, c.status) == (("turkey",), Status.CONSIDERED)


def test_options_list_takes_debtor_from_previous_sentence() -> None:
    found = extract_text(
        "Negotiators discussed Qatar's potential role as a mediator. "
        "Options on the table include hosting talks and paying for reconstruction."
    ).commitments
    assert [c.debtors for c in found] == [("qatar",), ("qatar",)]
    assert found[1].status is Status.CONSIDERED
    assert found[1].action == "hosting talks and paying for reconstruction"


# -- formal acts, fulfilment, withdrawal --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ['"Russia has signed papers before," Zelensky said.', "Kyiv has previously signed such deals."],
)
def test_a_signing_recalled_as_experience_is_no_formal_act(text: str) -> None:
    assert extract_text(text).commitments == ()


def test_signed_is_formalized() -> None:
    c = only("Kenya and Ethiopia signed a border agreement.")
    assert (c.debtors, c.status) == (("kenya", "ethiopia"), Status.FORMALIZED)
    assert c.action == "a border agreement"


def test_past_delivery_is_fulfilled() -> None:
    c = only("Sweden delivered the promised artillery shells.")
    assert (c.debtors, c.status) == (("sweden",), Status.FULFILLED)


def test_past_attack_is_not_a_fulfilled_commitment() -> None:
    assert extract_text("Russia launched a missile attack on Kyiv.").commitments == ()


def test_withdrew_from_is_withdrawn() -> None:
    c = only("Argentina withdrew from the climate accord.")
    assert (c.debtors, c.status) == (("argentina",), Status.WITHDRAWN)


# -- reported speech -------------------------------------------------------------------------


def test_we_in_a_quote_is_the_speakers_state() -> None:
    c = only("“We will send more air defence systems,” said French President Emmanuel Macron.")
    assert c.debtors == ("france",)
    assert c.stated_by == ("emmanuel-macron",)


def test_reporting_verb_subject_is_stated_by() -> None:
    c = only("Emmanuel Macron said that France would send instructors.")
    assert (c.debtors, c.stated_by) == (("france",), ("emmanuel-macron",))


def test_coordinated_list_said_they_would_not() -> None:
    c = only("Italy, Poland, and Romania said they would not send troops.")
    assert c.debtors == ("italy", "poland", "romania")
    assert c.polarity is Polarity.NEGATIVE


def test_evidence_is_the_sentence_with_exact_offsets() -> None:
    text = "Talks ended. Japan pledged to provide loans. Nothing else happened."
    c = only(text)
    assert c.evidence.text == "Japan pledged to provide loans."
    assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    assert c.cue is not None and c.cue.text == "pledged"


# -- scope of clauses ----------------------------------------------------------------------


def test_agreed_to_a_noun_is_pledged() -> None:
    c = only("Armenia and Azerbaijan agreed to a ceasefire.")
    assert (c.debtors, c.status, c.action) == (
        ("armenia", "azerbaijan"),
        Status.PLEDGED,
        "a ceasefire",
    )


def test_that_clause_subject_is_the_debtor_of_a_threat() -> None:
    c = only("The president threatened that Venezuela would cut oil exports.")
    assert c.debtors == ("venezuela",)


def test_undertaking_in_a_clause_of_time_is_not_yet_a_commitment() -> None:
    found = extract_text("Norway will keep the sanctions until Russia agrees to a truce.")
    assert [c.debtors for c in found.commitments] == [("norway",)]


def test_past_agreement_in_a_clause_of_time_is_reported() -> None:
    found = extract_text("The talks ended after Chile agreed to cut tariffs.").commitments
    assert [(c.debtors, c.action) for c in found] == [(("chile",), "cut tariffs")]


def test_insisting_that_a_thing_stays_so_is_not_a_demand_on_anyone() -> None:
    assert (
        extract_text("Beijing insisted that its contributions remain voluntary.").commitments == ()
    )


def test_scene_setting_phrase_is_not_part_of_the_action() -> None:
    c = only("Under the deal, Israel will withdraw its troops.")
    assert c.action == "withdraw its troops"


def test_option_list_does_not_take_a_debtor_across_paragraphs() -> None:
    found = extract_text(
        "Negotiators discussed Qatar's potential role as a mediator.\n\n"
        "Options on the table include hosting talks."
    ).commitments
    assert [c.debtors for c in found] == [("qatar",)]


def test_would_consider_is_considered() -> None:
    c = only("Sweden said it would consider taking part in the mission.")
    assert (c.debtors, c.status, c.action) == (
        ("sweden",),
        Status.CONSIDERED,
        "taking part in the mission",
    )


def test_finite_verb_after_but_is_not_part_of_the_action() -> None:
    c = only("The Kremlin said it would study the proposal but gave no commitment.")
    assert c.action == "study the proposal"


def test_we_in_a_transcript_turn_is_the_labelled_speakers_state() -> None:
    found = extract_text(
        "Helen Marsh (Lancaster and Wyre) (Lab): Will Kenya lead the mission?\n\n"
        "Kenyan Foreign Minister Musalia Mudavadi: We will send 200 police officers.\n\n"
        "Daniel Okoro: We are prepared to support a UN-led corridor."
    ).commitments
    assert [(c.action, c.debtors, c.stated_by) for c in found] == [
        ("send 200 police officers", ("kenya",), ("musalia-mudavadi",)),
        ("support a UN-led corridor", ("daniel-okoro",), ("daniel-okoro",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "SPOKESPERSON: Qatar will host the next round of talks.",  # a role, not a person
        # a clause before a colon, not a label
        "Among the options William Ruto listed: Qatar will host the next round of talks.",
    ],
)
def test_a_line_whose_label_names_no_speaker_is_no_turn(text: str) -> None:
    c = only(text)
    assert (c.debtors, c.stated_by) == (("qatar",), ())


def test_will_not_leave_in_a_quote_is_the_speakers_refusal() -> None:
    c = only("“We will not leave Ukraine alone,” said German Chancellor Olaf Scholz.")
    assert (c.debtors, c.polarity) == (("germany",), Polarity.NEGATIVE)


def test_passive_agent_is_the_debtor() -> None:
    c = only("Security guarantees were offered by France.")
    assert (c.debtors, c.status, c.action) == (("france",), Status.SIGNALED, "Security guarantees")


def test_a_modal_passive_binds_its_agent_and_leaves_it_out_of_the_action() -> None:
    c = only(
        "Sanctions on the potash producer will be lifted by the United States in return "
        "for the release of 50 prisoners."
    )
    assert (c.debtors, c.status) == (("united-states",), Status.PLEDGED)
    assert c.action.startswith("Sanctions on the potash producer")
    assert "United States" not in c.action
    assert [k.text for k in c.conditions] == ["the release of 50 prisoners"]


def test_a_modal_passive_with_no_subject_and_an_agent_is_the_agents_refusal() -> None:
    c = only(
        "No person will be returned to Mauritania by Spain unless their nationality has "
        "been established."
    )
    assert (c.debtors, c.polarity) == (("spain",), Polarity.NEGATIVE)
    assert [k.type for k in c.conditions] == [ConditionType.EXCEPTION]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Kenya will meet its obligations under the deal.", "meet its obligations under the deal"),
        ("Russia will return the seized vessels.", "return the seized vessels"),
        ("Tokyo will meet the deadline.", "meet the deadline"),
        ("Turkey will convene an emergency meeting.", "convene an emergency meeting"),
    ],
)
def test_an_event_verb_with_a_thing_as_object_is_an_undertaking(text: str, action: str) -> None:
    assert only(text).action == action


@pytest.mark.parametrize(
    "text",
    [
        "Trump will meet Putin in Alaska.",
        "Macron will meet his counterpart on Friday.",
        "Macron will attend the talks.",
        "Macron will travel to Riyadh on Monday.",
        "Leaders of France and Germany will convene in Brussels next week.",
    ],
)
def test_an_event_verb_with_someone_or_a_gathering_as_object_is_no_undertaking(
    text: str,
) -> None:
    assert extract_text(text).commitments == ()


def test_passive_signature_by_two_states_is_formalized() -> None:
    c = only("The accord was signed by Kenya and Ethiopia on Monday.")
    assert (c.debtors, c.status, c.action) == (
        ("kenya", "ethiopia"),
        Status.FORMALIZED,
        "The accord",
    )


def test_passive_undertaking_on_the_deal_binds_the_parties_named_before() -> None:
    found = extract_text(
        "Kenya and Ethiopia signed a trade deal on Monday. Officials said the deal could be "
        "expanded over time to cover services."
    ).commitments
    assert [(c.debtors, c.status, c.action) for c in found][-1] == (
        ("kenya", "ethiopia"),
        Status.CONSIDERED,
        "deal expanded over time to cover services",
    )


def test_both_sides_are_the_parties_of_the_last_deal() -> None:
    found = extract_text(
        "Kenya and Ethiopia signed a trade deal on Monday. Both sides will cut tariffs on "
        "grain."
    ).commitments
    assert [(c.debtors, c.action) for c in found][-1] == (
        ("kenya", "ethiopia"),
        "cut tariffs on grain",
    )


def test_both_countries_are_the_pair_just_named_in_the_sentence() -> None:
    c = only(
        "The United States paused tariffs on Mexico and Canada after both countries agreed to "
        "strengthen border enforcement."
    )
    assert c.debtors == ("mexico", "canada")


def test_the_two_countries_without_a_pair_in_the_sentence_are_not_the_last_deals() -> None:
    found = extract_text(
        "India and Japan signed a memorandum. China and Sri Lanka disagreed on Monday. "
        "The two countries will hold talks next month."
    ).commitments
    assert [c.debtors for c in found][-1] == ("two-countries",)  # not India and Japan


def test_passive_undertaking_on_a_deal_not_named_before_binds_nobody() -> None:
    found = extract_text(
        "Kenya and Ethiopia signed a trade deal on Monday. A new accord could be reached soon."
    ).commitments
    assert [c.action for c in found] == ["a trade deal"]


def test_attribution_after_a_comma_is_not_the_action() -> None:
    c = only(
        "Kenya and Ethiopia agreed on Saturday to a seven-day ceasefire, Egypt and Qatar "
        "said in a joint statement."
    )
    assert (c.debtors, c.action) == (("kenya", "ethiopia"), "a seven-day ceasefire")


def test_finite_pledge_joined_to_a_demand_is_the_subjects_own() -> None:
    found = extract_text(
        "The African Union called on both parties to return to the table and pledged to "
        "send monitors once the fighting stops."
    ).commitments
    assert [(c.status, c.debtors, c.action, [k.text for k in c.conditions]) for c in found] == [
        (Status.DEMANDED, ("both-parties",), "return to the table", []),
        (Status.PLEDGED, ("african-union",), "send monitors", ["the fighting stops"]),
    ]


def test_have_yet_to_is_no_obligation() -> None:
    assert extract_text("Canada and Japan have yet to deliver the aid.").commitments == ()


def test_modal_with_nobody_as_subject_is_no_commitment() -> None:
    found = extract_text('"Nobody should doubt our resolve," NATO chief Mark Rutte said.')
    assert found.commitments == ()


def test_passive_demand_on_no_one_named_is_no_commitment() -> None:
    found = extract_text('"No country should be left behind," Japanese minister Taro Kono said.')
    assert found.commitments == ()


def test_contrasting_while_clause_is_not_part_of_the_report() -> None:
    found = extract_text(
        "Germany said it would increase its aid, while France pledged not to cut its own."
    ).commitments
    assert [(c.debtors, c.stated_by) for c in found] == [
        (("germany",), ("germany",)),
        (("france",), ()),
    ]


def test_report_inside_a_contrasting_clause_keeps_its_own_speaker() -> None:
    found = extract_text(
        "Germany pledged to spend more, Chancellor Friedrich Merz said, while Poland said it "
        "was ready to spend 4.7%."
    ).commitments
    assert [(c.debtors, c.stated_by) for c in found][-1] == (("poland",), ("poland",))


def test_demanded_thing_from_an_actor_makes_that_actor_the_debtor() -> None:
    c = only("Poland is insisting on written guarantees from Washington.")
    assert (c.status, c.requested_by, c.debtors) == (
        Status.DEMANDED,
        ("poland",),
        ("united-states",),
    )


@pytest.mark.parametrize(
    ("sentence", "debtor", "action", "condition"),
    [
        ("Senegal's support is conditional on a ceasefire.", "senegal", "support", "a ceasefire"),
        (
            "Morocco's participation depends on guarantees from Algeria.",
            "morocco",
            "participation",
            "guarantees from Algeria",
        ),
        (
            "Japan's aid is subject to parliamentary approval.",
            "japan",
            "aid",
            "parliamentary approval",
        ),
    ],
)
def test_owned_undertaking_noun_bound_by_a_condition_is_a_commitment(
    sentence: str, debtor: str, action: str, condition: str
) -> None:
    c = only(sentence)
    assert (c.debtors, c.action, c.status) == ((debtor,), action, Status.PLEDGED)
    assert [(k.text, k.type) for k in c.conditions] == [(condition, ConditionType.PREREQUISITE)]


def test_undertaking_noun_without_an_owner_is_no_commitment() -> None:
    assert extract_text("The loan depends on reforms.").commitments == ()


def test_backing_a_proposal_signals_support() -> None:
    c = only("Greece has backed the proposal for a joint defence fund.")
    assert (c.debtors, c.status, c.action) == (
        ("greece",),
        Status.SIGNALED,
        "the proposal for a joint defence fund",
    )


def test_support_in_a_purpose_clause_is_no_commitment() -> None:
    found = extract_text("The World Bank approved a loan to Kenya to support flood relief.")
    assert [c.action for c in found.commitments] == ["a loan"]


def test_owned_commitment_to_a_cause_is_a_pledge() -> None:
    c = only("NATO leaders reaffirmed their commitment to Ukraine's security.")
    assert (c.debtors, c.status, c.action) == (
        ("nato-leaders",),
        Status.PLEDGED,
        "commitment to Ukraine's security",
    )


def test_guarantees_to_a_beneficiary_without_a_giver_are_no_pledge() -> None:
    found = extract_text("Leaders laid the groundwork for security guarantees to Ukraine.")
    assert found.commitments == ()


def test_agreement_reached_with_a_partner_binds_both() -> None:
    c = only("The International Monetary Fund reached an agreement with Sri Lanka on a loan.")
    assert (c.debtors, c.status) == (("international-monetary-fund", "sri-lanka"), Status.PLEDGED)


def test_parties_of_a_deal_struck_are_both_sides_later() -> None:
    found = extract_text(
        "Japan and the United States struck a trade deal. Both sides will cut tariffs."
    ).commitments
    assert [c.debtors for c in found] == [("japan", "united-states")] * 2


def test_has_yet_to_commit_is_no_commitment() -> None:
    assert extract_text("China has yet to commit to debt relief.").commitments == ()


def test_attribution_phrase_is_not_part_of_the_action() -> None:
    c = only("Japan will hold talks next month, according to a statement from Tokyo.")
    assert c.action == "hold talks next month"


def test_the_government_in_a_joint_statement_of_a_state_and_a_body() -> None:
    found = extract_text(
        "In a joint statement, Sri Lanka and the IMF said the government had agreed to "
        "raise taxes."
    ).commitments
    assert [c.debtors for c in found] == [("sri-lanka",)]


def test_announced_pledge_of_a_sum_is_a_pledge() -> None:
    c = only("Norway announced a pledge of $3 billion to the facility.")
    assert (c.debtors, c.status, c.action) == (("norway",), Status.PLEDGED, "pledge of $3 billion")


def test_could_agree_is_an_option() -> None:
    c = only("Russia could agree to a temporary ceasefire.")
    assert (c.debtors, c.status) == (("russia",), Status.CONSIDERED)


def test_second_reporting_verb_joined_to_the_first_keeps_its_subject() -> None:
    found = extract_text(
        "Ukrainian President Volodymyr Zelensky called for guarantees and said Kyiv would not "
        "accept any deal made without it."
    ).commitments
    assert [(c.debtors, c.stated_by) for c in found][-1] == (("ukraine",), ("volodymyr-zelensky",))


def test_earmarked_sum_is_pledged() -> None:
    c = only("The European Union earmarked an additional 25 million euros for relief.")
    assert (c.debtors, c.status) == (("european-union",), Status.PLEDGED)


def test_past_contribution_is_fulfilled() -> None:
    c = only("South Africa contributed 50 million dollars to the fund.")
    assert (c.debtors, c.status) == (("south-africa",), Status.FULFILLED)


def test_quote_going_on_in_the_paragraph_keeps_its_speaker() -> None:
    found = extract_text(
        '"We are not prepared to wait," Norwegian Prime Minister Jonas Gahr Store told '
        'reporters. "We will buy more air defence systems."'
    ).commitments
    assert [(c.debtors, c.stated_by) for c in found] == [
        (("norway",), ("jonas-gahr-store",)),
        (("norway",), ("jonas-gahr-store",)),
    ]


def test_reporters_second_act_joined_to_the_report_is_the_reporters() -> None:
    found = extract_text(
        "Norwegian Prime Minister Jonas Gahr Store said that his country would spend more "
        "and urged European partners to follow suit."
    ).commitments
    assert [(c.status, c.requested_by) for c in found][-1] == (
        Status.DEMANDED,
        ("jonas-gahr-store",),
    )


def test_what_others_suggest_in_a_that_clause_is_no_undertaking() -> None:
    c = only("Germany dismissed suggestions that it would send missiles.")
    assert (c.debtors, c.polarity) == (("germany",), Polarity.NEGATIVE)


def test_blocking_a_plan_is_a_refusal() -> None:
    c = only("Poland has blocked a plan to cut farm subsidies.")
    assert (c.debtors, c.polarity, c.action) == (
        ("poland",),
        Polarity.NEGATIVE,
        "a plan to cut farm subsidies",
    )


def test_modal_with_a_forecast_adverb_is_no_undertaking() -> None:
    assert extract_text("Russia will likely reject any Western presence.").commitments == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia will reject any Western presence, experts warned.",
        "Critics said Paris would regret the move.",
        "Moscow could retaliate against British interests, a commentator wrote.",
    ],
)
def test_what_commentators_say_an_actor_will_do_is_a_forecast(sentence: str) -> None:
    assert extract_text(sentence).commitments == ()


def test_what_officials_say_an_actor_will_do_is_still_reported() -> None:
    c = only("Russia will withdraw its troops, officials said.")
    assert (c.debtors, c.status) == (("russia",), Status.PLEDGED)


def test_not_ruling_out_keeps_an_option_open() -> None:
    c = only("France has not ruled out sending instructors.")
    assert (c.debtors, c.status, c.polarity) == (("france",), Status.CONSIDERED, Polarity.POSITIVE)


def test_package_announced_by_an_official_binds_the_officials_state() -> None:
    c = only("French President Emmanuel Macron announced a 3 billion euro aid package.")
    assert (c.debtors, c.status) == (("france",), Status.PLEDGED)


def test_pronoun_attribution_names_the_last_speaker() -> None:
    found = extract_text(
        "Norwegian Prime Minister Jonas Gahr Store said the talks went well.\n\n"
        "“We will double our aid,” he said."
    ).commitments
    assert [(c.debtors, c.stated_by) for c in found] == [(("norway",), ("jonas-gahr-store",))]


def test_expects_to_with_its_own_infinitive_is_signaled() -> None:
    c = only("Japan expects to sign the accord next month.")
    assert (c.debtors, c.status) == (("japan",), Status.SIGNALED)


def test_expecting_another_to_act_is_a_forecast() -> None:
    assert extract_text("Japan expects Russia to reject the accord.").commitments == ()


def test_what_analysts_believe_is_not_an_undertaking() -> None:
    assert extract_text("Analysts believe Germany will send tanks.").commitments == ()


def test_a_relative_clause_after_a_comma_is_not_part_of_the_action() -> None:
    assert only("Japan pledged to fund the dam, which will cost $2 billion.").action == (
        "fund the dam"
    )


def test_a_relative_clause_without_a_comma_narrows_the_action() -> None:
    assert only("Japan pledged to fund projects which cut emissions.").action == (
        "fund projects which cut emissions"
    )


def test_a_relative_pronoun_is_not_an_action() -> None:
    found = extract_text("Japan ruled out a tax amnesty, which the IMF had opposed.")
    assert [(c.debtors, c.action) for c in found.commitments] == [
        (("japan",), "a tax amnesty")
    ]


def test_a_coordinated_clause_with_its_own_tensed_auxiliary_is_a_separate_commitment() -> None:
    found = extract_text(
        "The World Bank said it would keep its lending for climate projects and was "
        "considering a new guarantee platform."
    )
    assert [(c.action, c.status) for c in found.commitments] == [
        ("keep its lending for climate projects", Status.PLEDGED),
        ("a new guarantee platform", Status.CONSIDERED),
    ]


def test_coordinated_verbs_sharing_a_tensed_auxiliary_stay_one_commitment() -> None:
    assert only("Germany has pledged to send tanks and train crews.").action == (
        "send tanks and train crews"
    )


def test_a_demand_that_clause_with_a_subjunctive_tagged_as_a_noun_is_a_demand() -> None:
    found = only("Egypt demanded that the RSF hand over its heavy weapons.")
    assert (found.action, found.status) == ("hand over its heavy weapons", Status.DEMANDED)
    assert found.requested_by == ("egypt",)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Brazil urged negotiators to reach a deal by Friday.", "negotiators"),
        ("Ukraine called on partners to provide more air defence systems.", "partners"),
    ],
)
def test_a_bare_plural_collective_asked_to_act_is_the_debtor_group(text: str, group: str) -> None:
    assert only(text).debtors == (group,)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Russia's troops will not withdraw from the town.", "russia"),
        ("Israeli forces will pull back from the corridor.", "israel"),
        ("Putin said his troops would not withdraw from the town.", "russia"),  # his side
        ("U.S. troops are ready to deploy.", "united-states"),
    ],
)
def test_forces_bind_the_side_whose_forces_they_are(text: str, side: str) -> None:
    assert only(text).debtors == (side,)


def test_the_forces_bind_the_side_of_who_announces_it() -> None:
    found = only("The contingent will begin to rotate home in March, Kenya said.")
    assert found.debtors == ("kenya",)


def test_we_of_a_states_officials_is_that_state() -> None:
    assert only('Kenyan officials said: "We will stay."').debtors == ("kenya",)


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The releases would go ahead next week, Israel said.", "releases go ahead next week"),
        ("The truce will hold, Israel said.", "truce hold"),
    ],
)
def test_an_act_said_to_take_place_binds_the_side_of_who_announces_it(
    text: str, action: str
) -> None:
    found = only(text)
    assert (found.debtors, found.action, found.status) == (("israel",), action, Status.PLEDGED)


def test_an_act_said_to_take_place_by_no_one_named_binds_no_one() -> None:
    assert extract_text("The truce will hold, analysts said.").commitments == ()


def test_forces_of_no_named_side_bind_no_one() -> None:
    assert extract_text("The troops will not withdraw, officials said.").commitments == ()


def test_an_agentless_passive_undertaking_binds_the_side_of_who_announces_it() -> None:
    found = only(
        "Germany's defence ministry said the systems would be handed over in the spring."
    )
    assert (found.debtors, found.status) == (("germany",), Status.PLEDGED)


@pytest.mark.parametrize(
    "text",
    [
        # a common adjective on the subject names no one, as "U.S." in "no U.S. troops" does
        "The additional money will be released next month, the IMF said.",
        # a date after "by" is no agent
        "The money will be released by the end of the year, the IMF said.",
    ],
)
def test_an_agentless_passive_binds_the_speaker_whatever_modifies_it(text: str) -> None:
    assert only(text).debtors == ("international-monetary-fund",)


@pytest.mark.parametrize(
    "text",
    [
        "The summit will be held in Paris, France said.",  # not an undertaking verb
        "The money would be released by the bank, France said.",  # an agent of its own
    ],
)
def test_a_passive_that_is_no_undertaking_of_the_speaker_binds_no_one(text: str) -> None:
    assert extract_text(text).commitments == ()


@pytest.mark.parametrize(
    "text",
    [
        "Germany declined to say whether it would supply cruise missiles.",
        "Germany refused to comment on the talks.",
        "Officials asked whether France would send troops.",
    ],
)
def test_withholding_words_and_open_questions_are_no_undertakings(text: str) -> None:
    assert extract_text(text).commitments == ()


def test_what_a_speaker_described_as_a_commentator_says_an_actor_will_do_is_a_forecast() -> None:
    found = extract_text(
        '"Ottawa will want to coordinate with Washington," said Claire Dubois, a trade lawyer.'
    )
    assert found.commitments == ()


def test_words_in_brackets_are_an_aside_of_the_action() -> None:
    found = only("Azerbaijan will raise supplies by 4 billion cubic metres (bcm) a year.")
    assert found.action == "raise supplies by 4 billion cubic metres a year"


def test_a_readiness_clause_inside_a_signal_is_one_commitment() -> None:
    found = only("The UAE has signalled that it is willing to convert its deposit into equity.")
    assert (found.action, found.status) == ("convert its deposit into equity", Status.SIGNALED)


def test_both_governments_after_a_deal_named_in_an_earlier_sentence_are_its_parties() -> None:
    found = extract_text(
        "Britain and Norway signed their annual fisheries agreement on Friday. Under the deal, "
        "Norway will give British trawlers more cod. Both governments also agreed to cut the "
        "mackerel quota."
    )
    assert found.commitments[-1].debtors == ("united-kingdom", "norway")


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Ethiopia has rejected calls to accept a haircut.", "accept a haircut"),
        ("Hungary rejected demands to lift its veto.", "lift its veto"),
    ],
)
def test_refusing_a_request_to_act_refuses_the_act(text: str, action: str) -> None:
    found = only(text)
    assert (found.action, found.polarity) == (action, Polarity.NEGATIVE)


def test_be_going_to_is_a_future_like_will() -> None:
    found = only("Hungary is not going to vote for the package.")
    assert (found.action, found.polarity, found.status) == (
        "vote for the package",
        Polarity.NEGATIVE,
        Status.PLEDGED,
    )


def test_things_going_to_happen_bind_no_one() -> None:
    assert extract_text("Prices are going to rise.").commitments == ()


def test_a_negated_intent_signals_that_the_subject_will_not_act() -> None:
    found = only("The United States does not intend to lift existing sanctions.")
    assert (found.action, found.polarity, found.status) == (
        "lift existing sanctions",
        Polarity.NEGATIVE,
        Status.SIGNALED,
    )


def test_a_negated_agreement_reports_no_undertaking() -> None:
    assert extract_text("Japan has not agreed to send troops.").commitments == ()


@pytest.mark.parametrize(
    ("text", "action", "status"),
    [
        ("Japan has no intention of lifting the ban.", "lifting the ban", Status.SIGNALED),
        ("Manila has no plans to invoke the treaty.", "invoke the treaty", Status.SIGNALED),
        ("Russia showed no willingness to withdraw its troops.", "withdraw its troops",
         Status.SIGNALED),
        ("Germany gave no commitment to send tanks.", "send tanks", Status.PLEDGED),
        ("Brazil offered no guarantee that it would cut deforestation.", "cut deforestation",
         Status.PLEDGED),
    ],
)
def test_a_commissive_noun_with_no_is_a_refusal(text: str, action: str, status: Status) -> None:
    c = only(text)
    assert (c.action, c.polarity, c.status) == (action, Polarity.NEGATIVE, status)


def test_both_leaders_are_the_two_heads_of_state_or_government_named() -> None:
    c = only(
        "Kosovo's caretaker prime minister Albin Kurti met Serbian President Aleksandar "
        "Vucic in Brussels. Kaja Kallas urged both leaders to move to implementation."
    )
    assert (c.debtors, c.requested_by) == (
        ("albin-kurti", "aleksandar-vucic"),
        ("kaja-kallas",),
    )


def test_both_sides_are_the_two_sides_named_most_when_no_pair_was_just_named() -> None:
    found = extract_text(
        "The EU and Mauritania signed a partnership. The EU will pay. Mauritania will patrol "
        "its coast. Spain welcomed it. If departures rise, the two sides will convene an "
        "extraordinary meeting."
    )
    assert found.commitments[-1].debtors == ("european-union", "mauritania")


def test_both_sides_among_three_sides_named_alike_are_no_one() -> None:
    found = extract_text(
        "Russia met Ukraine. Turkey met Russia. Ukraine met Turkey. Germany urged both sides "
        "to talk again."
    )
    (c,) = found.commitments
    assert c.requested_by == ("germany",)
    assert not {"russia", "ukraine", "turkey"} & set(c.debtors)


def test_an_unquoted_we_is_the_side_of_the_first_sentences_subject() -> None:
    found = extract_text(
        "The European Commission today announced a partnership with Mauritania. We will "
        "support border management once a status agreement is concluded."
    )
    assert [c.debtors for c in found.commitments] == [
        ("european-union",),
        ("european-union",),
    ]


def test_an_unattributed_quoted_we_is_not_the_narrators() -> None:
    found = extract_text(
        'The European Commission today announced a partnership with Mauritania. "We will '
        'not be anyone\'s border guard."'
    )
    assert [c.debtors for c in found.commitments] == [("european-union",)]


def test_an_interview_answers_we_is_the_side_of_the_person_interviewed() -> None:
    found = extract_text(
        "Zambian Mines Minister Paul Kabuswe sat down with the Lusaka Times this week.\n"
        "Q: Will you lift the export ban?\n"
        "A: We will lift it once the smelter is built.\n"
    )
    (c,) = found.commitments
    assert (c.debtors, c.action) == (("zambia",), "lift it")
    assert [k.text for k in c.conditions] == ["the smelter is built"]


def test_accepting_a_proposal_signals_support_for_it() -> None:
    c = only("Egypt accepted a phased filling schedule, provided that Ethiopia shares data.")
    assert (c.debtors, c.status, c.action) == (
        ("egypt",),
        Status.SIGNALED,
        "a phased filling schedule",
    )


@pytest.mark.parametrize(
    ("text", "debtor"),
    [
        ("Belarus freed 52 prisoners on Thursday.", "belarus"),
        ("Washington lifted sanctions on the airline on Thursday.", "united-states"),
        ("The EU eased restrictions on Syrian banks in May.", "european-union"),
        ("The UK has already sanctioned 21 entities in the fuel supply chain.", "united-kingdom"),
        ("The EU imposed tariffs on Chinese electric cars in October.", "european-union"),
    ],
)
def test_a_past_act_of_relief_or_penalty_is_fulfilled(text: str, debtor: str) -> None:
    c = only(text)
    assert (c.debtors, c.status) == ((debtor,), Status.FULFILLED)


def test_a_withdrawal_from_a_dated_thing_withdraws_the_thing_not_the_date() -> None:
    c = only("Srpska Lista pulled out of a planned meeting with the government in October.")
    assert (c.action, c.status) == ("a planned meeting with the government", Status.WITHDRAWN)


def test_voting_to_act_is_a_formal_decision() -> None:
    c = only("The UN Security Council voted to extend the mission's mandate by a year.")
    assert (c.debtors, c.status, c.action) == (
        ("united-nations-security-council",),
        Status.FORMALIZED,
        "extend the mission's mandate by a year",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Israel accepted responsibility for the strike.",
        "The government accepted the resignation of the minister.",
        "Had Russia attacked, NATO would have responded.",
        "Germany could have sent more tanks.",
    ],
)
def test_accepting_blame_or_a_counterfactual_is_no_undertaking(text: str) -> None:
    assert extract_text(text).commitments == ()


def test_an_agentless_passive_in_an_articles_own_we_voice_binds_its_issuer() -> None:
    found = extract_text(
        "The Ministry of Foreign Affairs of Japan announced a pledge today. We welcome the "
        "decision. US$50 million will be disbursed in the first half of 2026."
    )
    assert (found.commitments[-1].debtors, found.commitments[-1].action) == (
        ("japan",),
        "US$50 million disbursed in the first half of 2026",
    )


def test_an_agentless_passive_in_third_person_copy_binds_no_issuer() -> None:
    found = extract_text("Hungary will block the package. The money will be released in May.")
    assert [c.debtors for c in found.commitments] == [("hungary",)]


def test_a_passive_that_gives_to_the_speakers_side_does_not_bind_it() -> None:
    found = extract_text(
        "The IAEA reached a deal with Iran. Footage will be handed over to the agency after "
        "the first visits, IAEA chief Rafael Grossi said."
    )
    assert all(
        "international-atomic-energy-agency" not in c.debtors
        for c in found.commitments
        if "Footage" in c.action
    )
    assert len(found.commitments) == 1



def test_a_reporting_verb_inside_a_condition_names_no_speaker() -> None:
    found = extract_text(
        "Japan welcomes the pledge. We will fund the programme. The experts will be deployed "
        "once the World Health Organization confirms the host country arrangements."
    )
    last = found.commitments[-1]
    assert (last.debtors, last.stated_by) == (("japan",), ())
    assert [k.text for k in last.conditions] == [
        "the World Health Organization confirms the host country arrangements"
    ]


def test_a_quote_with_no_attribution_continues_the_last_attributed_one() -> None:
    found = extract_text(
        'French President Emmanuel Macron said: "We will send troops."\n\n'
        '"We will also send money, once the ceasefire holds."\n'
    )
    assert [c.debtors for c in found.commitments] == [("france",), ("france",)]


def test_an_interviews_unattributed_answer_is_the_person_interviewed() -> None:
    found = extract_text(
        "Our correspondent sat down with French President Emmanuel Macron in Paris.\n\n"
        "Will France send troops?\n\n"
        '"We will send them once the ceasefire holds."\n'
    )
    assert [c.debtors for c in found.commitments] == [("france",)]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Washington has dangled financing for a power interconnector.", Status.CONSIDERED),
        ("Sudan favours the deal.", Status.SIGNALED),
    ],
)
def test_dangling_an_offer_or_favouring_a_deal(text: str, status: Status) -> None:
    assert only(text).status == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armenia will refrain from building new fortifications.",
         [(("armenia",), "building new fortifications", Polarity.NEGATIVE)]),
        ("Israel said it would abstain from striking the port.",
         [(("israel",), "striking the port", Polarity.NEGATIVE)]),
        ("Japan refrained from comment.", []),
        ("Japan declined comment on the plan.", []),
    ],
)
def test_refraining_from_an_act_refuses_it_and_withholding_comment_is_no_act(
    text: str, expected: list[tuple[tuple[str, ...], str, Polarity]]
) -> None:
    found = extract_text(text)
    assert [(c.debtors, c.action, c.polarity) for c in found.commitments] == expected


def test_they_in_what_an_organisation_says_is_that_organisation() -> None:
    found = extract_text("The Houthis said they would resume attacks on ships.")
    assert [(c.debtors, c.action) for c in found.commitments] == [
        (("houthis",), "resume attacks on ships")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Argentina will not request fresh disbursements from the Fund.",
         [("argentina",), "request fresh disbursements from the Fund", Polarity.NEGATIVE,
          Status.PLEDGED]),
        ("Argentina will not ask the IMF to lend more.",
         [("argentina",), "ask the IMF to lend more", Polarity.NEGATIVE, Status.PLEDGED]),
    ],
)
def test_not_asking_is_the_subjects_refusal_not_a_demand(text: str, expected: list[object]) -> None:
    c = only(text)
    assert [c.debtors, c.action, c.polarity, c.status] == expected


def test_a_demand_that_was_not_made_is_no_demand() -> None:
    assert extract_text("Ukraine did not ask Germany to send tanks.").commitments == ()


def test_what_a_passive_lets_in_names_the_one_let_not_the_one_who_lets() -> None:
    c = only(
        "Niger's government said in a statement that Beninese trucks would be allowed in."
    )
    assert c.debtors == ("niger",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armenia agreed to consider the opening of two border crossings.",
         ("the opening of two border crossings", Status.CONSIDERED)),
        ("France agreed to study a joint venture.", ("a joint venture", Status.CONSIDERED)),
        ("Canada agreed to review its surtax.", ("review its surtax", Status.PLEDGED)),
    ],
)
def test_agreeing_to_weigh_an_option_considers_the_option(
    text: str, expected: tuple[str, Status]
) -> None:
    c = only(text)
    assert (c.action, c.status) == expected


@pytest.mark.parametrize(
    ("text", "debtors"),
    [
        ("The Armenian side expressed its readiness to host the next meeting.", [("armenia",)]),
        ("The other side will send a delegation, Russia said.", []),
    ],
)
def test_the_side_named_by_an_adjective_is_that_actor(
    text: str, debtors: list[tuple[str, ...]]
) -> None:
    assert [c.debtors for c in extract_text(text).commitments] == debtors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saudi Arabia last week rolled over a $3 billion deposit at the central bank.",
         [(("saudi-arabia",), "a $3 billion deposit", Status.FULFILLED)]),
        ("ECOWAS had imposed sweeping sanctions on Niger after the July 2023 coup.", []),
        ("Egypt said it had already delivered 200 tonnes of fuel to hospitals.",
         [(("egypt",), "200 tonnes of fuel", Status.FULFILLED)]),
    ],
)
def test_acts_done_are_fulfilled_but_the_background_in_the_past_perfect_is_not(
    text: str, expected: list[tuple[tuple[str, ...], str, Status]]
) -> None:
    found = extract_text(text)
    assert [(c.debtors, c.action, c.status) for c in found.commitments] == expected


def test_studying_whether_something_is_so_weighs_a_fact_not_an_option() -> None:
    found = extract_text("Nigeria said it was studying whether the levy was legal.")
    assert found.commitments == ()


@pytest.mark.parametrize(
    "text",
    [
        "President Petro has pushed for this for months.",  # a duration is not what is asked
        "Indonesian officials reject any suggestion that the ban is negotiable.",  # a claim
        "The Constitutional Court could still block parts of the tax package.",  # a forecast
        "Farmers of Mal are worried. “We buy diesel. If more water goes to Bangladesh, what "
        "will we do?” asked Haripada Roy, secretary of the Teesta Canal Farmers’ Committee.",
        "The Joint Technical Committee will include hydrologists from both countries.",
        "Irrigation Minister Manas Bhunia sought to calm fears.",  # words, not an act
    ],
)
def test_what_only_looks_like_an_undertaking_is_not_one(text: str) -> None:
    assert extract_text(text).commitments == ()


def test_providing_someone_with_something_gives_the_something() -> None:
    c = only("The European Union has provided Moldova with EUR 500 million in assistance.")
    assert (c.debtors, c.action, c.status) == (
        ("european-union",), "EUR 500 million in assistance", Status.FULFILLED
    )


def test_should_before_its_subject_inside_a_sentence_opens_a_condition() -> None:
    c = only(
        "The European Union stands ready to provide additional support should the security "
        "situation deteriorate further."
    )
    assert [(k.text, k.type) for k in c.conditions] == [
        ("the security situation deteriorate further", ConditionType.TRIGGER)
    ]


def test_ruling_out_an_act_the_parser_reads_as_a_noun_is_still_a_refusal() -> None:
    found = extract_text(
        "Its commander, Antonio García, said the group will halt kidnappings for ransom and "
        "free the hostages it holds in Arauca and Catatumbo by Christmas. He ruled out "
        "handing over weapons at this stage."
    )
    assert [(c.action, c.polarity) for c in found.commitments][-1] == (
        "handing over weapons at this stage", Polarity.NEGATIVE
    )


def test_never_hung_on_again_still_negates() -> None:
    c = only("Indonesia will never again export raw ore.")
    assert (c.action, c.polarity) == ("export raw ore", Polarity.NEGATIVE)


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("Ecuador will not return to international markets unless spreads fall.",
         ["return to international markets"]),
        ("Iran will return to the negotiating table.", ["return to the negotiating table"]),
        ("The envoy will return to Minsk in January.", []),
    ],
)
def test_going_back_to_a_thing_resumes_an_undertaking_going_back_to_a_place_is_a_trip(
    text: str, actions: list[str]
) -> None:
    assert [c.action for c in extract_text(text).commitments] == actions


def test_an_agentless_passive_of_giving_in_third_person_copy_binds_the_last_giver() -> None:
    found = extract_text(
        "Under the agreement, the European Commission will provide EUR 200 million in grants. "
        "The first tranche of EUR 120 million will be disbursed before the end of November.\n\n"
        "Budget support will be released in two tranches."
    )
    assert [(c.debtors, c.action) for c in found.commitments] == [
        (("european-commission",), "provide EUR 200 million in grants"),
        (
            ("european-commission",),
            "tranche of EUR 120 million disbursed before the end of November",
        ),
    ]


def test_a_licence_renewed_in_the_passive_binds_the_official_who_says_so() -> None:
    c = only(
        "The licence will be renewed only if Minsk frees more prisoners, a senior US "
        "official said."
    )
    assert c.debtors == ("united-states",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India and Bangladesh agreed to set up a committee to study how the river's water "
         "is shared.", [("set up a committee to study how the river's water is shared",
                         Status.PLEDGED)]),
        ("Japan is considering whether it will send troops.",
         [("send troops", Status.CONSIDERED)]),
    ],
)
def test_studying_how_things_are_is_no_option_but_weighing_ones_own_act_is(
    text: str, expected: list[tuple[str, Status]]
) -> None:
    assert [(c.action, c.status) for c in extract_text(text).commitments] == expected


def test_a_commissive_verbs_infinitive_read_as_a_purpose_clause_is_its_complement() -> None:
    found = extract_text(
        "Moldova met the EU. In return, the Government has committed to maintain energy "
        "compensations for households until 31 March 2026."
    )
    assert [(c.debtors, c.action) for c in found.commitments] == [
        (("moldova",), "maintain energy compensations for households until 31 March 2026")
    ]


def test_the_capitalised_government_of_a_press_release_is_the_state() -> None:
    found = extract_text(
        "Moldova met the EU. The Government has committed to maintain energy compensations."
    )
    assert "government" not in {a.key for a in found.actors}
    assert [c.debtors for c in found.commitments] == [("moldova",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran said it would brief the agency next week but would not release the documents.",
         [("brief the agency next week", Polarity.POSITIVE),
          ("release the documents", Polarity.NEGATIVE)]),
        ("The US will lift sanctions on the airline and will issue a licence.",
         [("lift sanctions on the airline and will issue a licence", Polarity.POSITIVE)]),
    ],
)
def test_a_joined_verb_with_its_own_modal_is_another_undertaking_when_it_turns_polarity(
    text: str, expected: list[tuple[str, Polarity]]
) -> None:
    assert [(c.action, c.polarity) for c in extract_text(text).commitments] == expected
