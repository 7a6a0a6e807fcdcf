"""Actor resolution: one test per case, on sentences written for the test."""

from __future__ import annotations

import pytest

from extraction_helpers import extract_text, only
from kgbuild.document.readers import read_bytes
from kgbuild.errors import DataFileError
from kgbuild.extract import extract
from kgbuild.extract.actor_index import load_actor_words, word_list
from kgbuild.graph import add_extraction, new_dataset
from kgbuild.iris import IriMinter
from kgbuild.nlp import load_nlp
from kgbuild.records import Actor, ActorType, Article, Extraction, Span
from kgbuild.vocab import ORG


def actor(extraction: Extraction, key: str) -> Actor:
    """Give the actor with this key, failing with the keys found if there is none."""
    found = {a.key: a for a in extraction.actors}
    assert key in found, sorted(found)
    return found[key]


def sole_debtor(text: str, key: str) -> ActorType:
    """Give the type of the actor `key`, checking that it is the debtor of the one
    commitment found in `text`."""
    found = extract_text(text)
    assert [c.debtors for c in found.commitments] == [(key,)]
    return actor(found, key).type


def mentions(extraction: Extraction, key: str) -> list[str]:
    return [m.text for m in actor(extraction, key).mentions]


def keys(extraction: Extraction) -> set[str]:
    return {a.key for a in extraction.actors}


def persons(extraction: Extraction) -> set[str]:
    return {a.key for a in extraction.actors if a.type is ActorType.PERSON}


# -- surnames after the full name ----------------------------------------------------------


def test_surname_after_full_name_of_gazetteer_person() -> None:
    found = extract_text(
        "Volodymyr Zelensky met aid workers on Monday. Zelensky said Ukraine would rebuild "
        "the bridge."
    )
    assert mentions(found, "volodymyr-zelensky") == ["Volodymyr Zelensky", "Zelensky"]
    assert found.commitments[0].stated_by == ("volodymyr-zelensky",)


def test_surname_after_full_name_of_person_not_in_gazetteer() -> None:
    found = extract_text(
        "Anna Lindqvist visited Kyiv on Monday. Lindqvist said Sweden would fund the repairs."
    )
    assert persons(found) == {"anna-lindqvist"}
    assert mentions(found, "anna-lindqvist") == ["Anna Lindqvist", "Lindqvist"]
    assert found.commitments[0].stated_by == ("anna-lindqvist",)


def test_surname_tagged_as_organisation_is_still_the_person() -> None:
    # The tagger reads "Later Ms Lindqvist" as an organisation.
    found = extract_text(
        "Anna Lindqvist spoke on Monday. Later Ms Lindqvist said Sweden would pay."
    )
    assert persons(found) == {"anna-lindqvist"}
    assert not [a for a in found.actors if a.type is ActorType.ORGANIZATION]


def test_honorific_before_surname_of_gazetteer_person() -> None:
    found = extract_text("Mr Iravani said Iran would not negotiate. Ms Kallas said the EU would.")
    assert "Iravani" in mentions(found, "amir-saeid-iravani")
    assert "Kallas" in mentions(found, "kaja-kallas")
    assert persons(found) == {"amir-saeid-iravani", "kaja-kallas"}


def test_honorific_before_surname_of_person_not_in_gazetteer() -> None:
    found = extract_text("Erik Halvorsen arrived on Monday. Mr Halvorsen said Norway would pay.")
    assert persons(found) == {"erik-halvorsen"}
    assert actor(found, "erik-halvorsen").label == "Erik Halvorsen"
    assert found.commitments[0].stated_by == ("erik-halvorsen",)


def test_surname_subject_tagged_as_another_word_class_is_still_the_person() -> None:
    # The tagger reads the sentence-initial "Dagalo" as an adverb.
    found = extract_text(
        "RSF commander Mohamed Hamdan Dagalo spoke on Monday. Dagalo, widely known as "
        "Hemedti, said in a video address that the RSF would not withdraw."
    )
    assert "Dagalo" in mentions(found, "mohamed-hamdan-dagalo")
    assert found.commitments[0].stated_by == ("mohamed-hamdan-dagalo",)


def test_surname_two_persons_share_refers_to_neither() -> None:
    found = extract_text("Anna Berg and Erik Berg met in Oslo. Berg said Norway would pay.")
    assert persons(found) == {"anna-berg", "erik-berg"}
    assert found.commitments[0].stated_by == ()


# -- titles after the name -----------------------------------------------------------------


def test_title_after_name_the_prime_minister() -> None:
    found = extract_text(
        "British Prime Minister Keir Starmer met the troops. The Prime Minister said Britain "
        "would send more jets."
    )
    assert mentions(found, "keir-starmer") == ["Keir Starmer", "Prime Minister"]
    assert found.commitments[0].stated_by == ("keir-starmer",)


def test_title_after_name_the_chancellor() -> None:
    found = extract_text(
        "German Chancellor Friedrich Merz arrived in Kyiv on Monday. The chancellor pledged "
        "to send more tanks."
    )
    assert found.commitments[0].debtors == ("friedrich-merz",)


def test_title_after_name_the_pentagon_chief() -> None:
    found = extract_text(
        "US Defense Secretary Pete Hegseth toured the base on Monday. The Pentagon chief "
        "said the United States would send more jets."
    )
    assert "Pentagon chief" in mentions(found, "pete-hegseth")
    assert found.commitments[0].stated_by == ("pete-hegseth",)


def test_title_after_name_of_person_not_in_gazetteer() -> None:
    found = extract_text(
        "Finnish Defence Minister Mikko Laine arrived on Monday. The minister pledged to "
        "send more mortars."
    )
    assert found.commitments[0].debtors == ("mikko-laine",)


def test_title_after_name_at_the_start_of_the_text() -> None:
    found = extract_text(
        "Keir Starmer met the troops. The Prime Minister said Britain would send more jets."
    )
    assert mentions(found, "keir-starmer") == ["Keir Starmer", "Prime Minister"]


def test_title_two_persons_could_hold_is_not_resolved() -> None:
    found = extract_text(
        "French President Emmanuel Macron and Ukrainian President Volodymyr Zelensky met in "
        "Rome. The president pledged to continue the talks."
    )
    assert mentions(found, "emmanuel-macron") == ["Emmanuel Macron"]
    assert mentions(found, "volodymyr-zelensky") == ["Volodymyr Zelensky"]
    assert all(not c.debtors for c in found.commitments)


def test_title_naming_one_office_refers_to_its_holder_named_later() -> None:
    found = extract_text(
        "Turkey's foreign minister said his country would host the talks. Hakan Fidan spoke "
        "in Ankara."
    )
    assert mentions(found, "hakan-fidan") == ["Turkey's foreign minister", "Hakan Fidan"]
    assert found.commitments[0].stated_by == ("hakan-fidan",)


def test_the_states_leader_is_the_one_person_named_for_that_state() -> None:
    found = extract_text(
        "Hungarian Prime Minister Viktor Orbán said Budapest would veto the package. The "
        "Hungarian leader said Hungary would not back down."
    )
    assert mentions(found, "viktor-orban") == ["Viktor Orbán", "Hungarian leader"]
    assert found.commitments[-1].stated_by == ("viktor-orban",)


def test_the_states_leader_with_two_persons_for_that_state_is_not_resolved() -> None:
    found = extract_text(
        "Russian President Vladimir Putin and Foreign Minister Sergei Lavrov met the envoy. "
        "The Russian leader said Russia would consider the plan."
    )
    assert mentions(found, "vladimir-putin") == ["Vladimir Putin"]


def test_bare_title_before_any_name_is_not_resolved() -> None:
    found = extract_text(
        "The Prime Minister said Britain would send jets. Keir Starmer spoke in London."
    )
    assert mentions(found, "keir-starmer") == ["Keir Starmer"]


# -- possessives and pronouns --------------------------------------------------------------


def test_her_country_is_the_speakers_state() -> None:
    found = extract_text("Swedish Foreign Minister Anna Lindqvist said her country would send aid.")
    assert found.commitments[0].debtors == ("sweden",)


def test_his_country_after_an_envoy_of_a_state() -> None:
    found = extract_text("Egypt's envoy said his country would host the talks.")
    assert found.commitments[0].debtors == ("egypt",)


def test_its_government_with_one_state_before() -> None:
    found = extract_text(
        "Germany hosted the talks on Monday. Its government pledged to send tanks."
    )
    assert found.commitments[0].debtors == ("germany",)


def test_the_government_in_what_a_states_official_says_is_that_state() -> None:
    found = extract_text(
        "Pakistan's Finance Minister Muhammad Aurangzeb said the government was committed to "
        "raising taxes."
    )
    assert [c.debtors for c in found.commitments] == [("pakistan",)]


def test_the_government_without_a_speaker_is_not_resolved() -> None:
    assert extract_text("The government was committed to raising taxes.").commitments == ()


def extract_wire_copy(text: str) -> Extraction:
    """Give the extraction of a plain-text article read as a file is (dateline and all)."""
    (article,) = read_bytes(text.encode("utf-8"), path="wire.txt")
    return extract(article, load_nlp()(article.text))


def test_the_government_in_datelined_copy_is_the_datelines_state() -> None:
    found = extract_wire_copy(
        "ISLAMABAD, Dec. 10 (Reuters) - Officials said the government had ruled out a fresh "
        "tax amnesty.\n"
    )
    assert [c.debtors for c in found.commitments] == [("pakistan",)]
    assert "pakistan" in {a.key for a in found.actors}


def test_the_government_in_datelined_copy_yields_to_the_speakers_state() -> None:
    found = extract_wire_copy(
        "ISLAMABAD, Dec. 10 (Reuters) - India's Finance Minister Nirmala Sitharaman said the "
        "government was committed to raising taxes.\n"
    )
    assert [c.debtors for c in found.commitments] == [("india",)]


def test_a_modified_government_is_not_the_datelines_state() -> None:
    found = extract_wire_copy(
        "ISLAMABAD, Dec. 10 (Reuters) - Officials said the provincial government had ruled "
        "out a fresh tax amnesty.\n"
    )
    assert found.commitments == ()


def test_it_refers_to_the_subject_before() -> None:
    found = extract_text("Japan signed the accord on Monday. It will send engineers next year.")
    assert found.commitments[-1].debtors == ("japan",)


def test_it_refers_to_the_subject_earlier_in_its_own_sentence() -> None:
    found = extract_text(
        "Canada pressed Japan to cut its tariffs. Tokyo refused to lower them, but it will "
        "review the quotas next year."
    )
    assert found.commitments[-1].action == "review the quotas next year"
    assert found.commitments[-1].debtors == ("japan",)


def test_it_without_a_clear_antecedent_is_not_resolved() -> None:
    found = extract_text(
        "Talks between Japan and Norway ended on Monday. It will send engineers next year."
    )
    assert [c.debtors for c in found.commitments] == []


def test_they_refers_to_a_group_before() -> None:
    found = extract_text(
        "The Nordic countries met in Oslo on Friday. They will send a joint brigade."
    )
    assert found.commitments[0].debtors == ("nordic-countries",)


def test_they_refers_to_a_list_of_states_that_was_the_subject() -> None:
    found = extract_text("Italy and Spain met in Rome on Friday. They pledged to send engineers.")
    assert found.commitments[0].debtors == ("italy", "spain")


# -- metonyms and places -------------------------------------------------------------------


def test_capital_as_subject_is_its_state() -> None:
    found = extract_text("Washington said it would lift the sanctions.")
    assert mentions(found, "united-states") == ["Washington"]
    assert found.commitments[0].debtors == ("united-states",)


def test_capital_rejecting_is_its_state() -> None:
    found = extract_text("Moscow rejected the proposal on Monday.")
    assert mentions(found, "russia") == ["Moscow"]


def test_seat_of_an_organisation_is_the_organisation() -> None:
    found = extract_text("Brussels will impose tariffs on steel.")
    assert found.commitments[0].debtors == ("european-union",)


def test_seat_of_government_is_its_state() -> None:
    found = extract_text("The Kremlin said it would reply next week.")
    assert mentions(found, "russia") == ["Kremlin"]
    assert found.commitments[0].debtors == ("russia",)


def test_capital_modifying_a_noun_is_a_place() -> None:
    assert keys(extract_text("The Paris talks ended without a deal.")) == set()


def test_capital_after_a_locative_preposition_is_a_place() -> None:
    assert keys(extract_text("Talks in Paris ended without a deal.")) == set()
    assert keys(extract_text("The envoy arrived in Moscow on Friday.")) == set()


def test_capital_after_a_verb_of_movement_is_a_place() -> None:
    assert keys(extract_text("The envoy flew to Washington on Monday.")) == set()
    assert keys(extract_text("The minister visited Kyiv in May.")) == set()


def test_capital_receiving_a_message_is_its_state() -> None:
    found = extract_text("The envoy delivered a message to Moscow on Monday.")
    assert keys(found) == {"russia"}


# -- groups --------------------------------------------------------------------------------


def test_group_with_members_listed_before_other() -> None:
    found = extract_text("Italy, Spain, Greece and other European partners pledged to send ships.")
    partners = actor(found, "european-partners")
    assert (partners.type, partners.label) == (ActorType.GROUP, "European partners")
    assert partners.members == ("greece", "italy", "spain")
    assert mentions(found, "european-partners") == ["European partners"]


def test_group_followed_by_the_names_of_its_members() -> None:
    found = extract_text("Venezuela's allies, Cuba and Nicaragua, pledged to send oil.")
    allies = actor(found, "venezuela-s-allies")
    assert (allies.type, allies.label) == (ActorType.GROUP, "Venezuela's allies")
    assert allies.members == ("cuba", "nicaragua")
    assert found.commitments[0].debtors == ("cuba", "nicaragua")


def test_group_listed_beside_states_has_no_members() -> None:
    found = extract_text("Italy, Spain and European partners pledged to send ships.")
    assert actor(found, "european-partners").members == ()


def test_gazetteer_group_keeps_its_members() -> None:
    found = extract_text("The E3 will meet in Geneva next week.")
    e3 = actor(found, "e3")
    assert e3.type is ActorType.GROUP
    assert e3.members == ("france", "germany", "united-kingdom")


def test_counted_group_is_the_named_group_with_that_many_members() -> None:
    found = extract_text(
        "The E3 met in Geneva on Monday. Later, the three European powers urged Iran to "
        "allow inspections."
    )
    assert mentions(found, "e3") == ["E3", "three European powers"]
    assert found.commitments[0].requested_by == ("e3",)


def test_counted_group_with_another_count_is_a_group_of_its_own() -> None:
    found = extract_text("The E3 met in Geneva on Monday. The two countries will pay.")
    assert mentions(found, "e3") == ["E3"]
    assert actor(found, "two-countries").type is ActorType.GROUP


def test_coalition_of_the_willing_is_a_group() -> None:
    found = extract_text("The coalition of the willing will send planes to Romania.")
    coalition = actor(found, "coalition-of-the-willing")
    assert coalition.type is ActorType.GROUP
    assert found.commitments[0].debtors == ("coalition-of-the-willing",)


def test_those_with_the_adjective_of_a_group_named_before_is_that_group() -> None:
    found = extract_text(
        "Leaders agreed to form a coalition of the willing. Those willing will intensify "
        "planning now."
    )
    assert mentions(found, "coalition-of-the-willing") == [
        "coalition of the willing",
        "Those willing",
    ]
    assert [c.debtors for c in found.commitments][-1] == ("coalition-of-the-willing",)


def test_those_with_an_adjective_no_group_holds_is_no_actor() -> None:
    found = extract_text(
        "Leaders agreed to form a coalition of the willing. Those able to help will send aid."
    )
    assert mentions(found, "coalition-of-the-willing") == ["coalition of the willing"]


def test_officials_of_a_named_organisation_in_an_of_phrase_are_a_group() -> None:
    found = extract_text("Group of Seven finance ministers agreed to lower the price cap.")
    assert found.commitments[0].debtors == ("group-of-seven-finance-ministers",)


def test_group_label_stops_at_the_dateline() -> None:
    text = "Talks open in Bonn\n\nBONN, June 3 - Developed countries pledged to send aid.\n"
    (article,) = read_bytes(text.encode("utf-8"), path="bonn.txt")
    assert article.dateline is not None
    found = extract(article, load_nlp()(article.text))
    assert actor(found, "developed-countries").label == "developed countries"


def test_speaker_is_the_subject_nearest_the_reporting_verb_after_a_dateline() -> None:
    text = (
        "Talks in Vilnius\n\nVILNIUS, Lithuania (AP) — Lithuania's Foreign Minister "
        "Kestutis Budrys said that his country would spend more.\n"
    )
    (article,) = read_bytes(text.encode("utf-8"), path="vilnius.txt")
    found = extract(article, load_nlp()(article.text))
    assert [c.stated_by for c in found.commitments] == [("kestutis-budrys",)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Rich countries pledged $300 billion a year.", "rich-countries"),
        ("Developing economies will get more time to repay.", "developing-economies"),
    ],
)
def test_lower_case_adjective_of_a_kind_of_state_makes_a_group(text: str, key: str) -> None:
    assert actor(extract_text(text), key).type is ActorType.GROUP


def test_lower_case_adjective_outside_the_list_makes_no_group() -> None:
    assert keys(extract_text("Officials said large countries pledged $300 billion.")) == set()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Donors have pledged $1.3 billion to expand vaccine manufacturing.", "donors"),
        ("Bilateral lenders agreed in principle to reschedule $1.1 billion.", "bilateral lenders"),
        ("In Adre, humanitarian partners are considering pre-positioning food.",
         "humanitarian partners"),
    ],
)
def test_bare_plural_collective_that_binds_itself_is_a_group(text: str, label: str) -> None:
    found = extract_text(text)
    (group,) = [a for a in found.actors if a.type is ActorType.GROUP]
    assert group.label == label
    assert [c.debtors for c in found.commitments] == [(group.key,)]


@pytest.mark.parametrize(
    "text",
    [
        "The donors agreed to pay.",  # definite: donors named before, if any
        "Officials agreed to meet again.",  # officials speak for their side
        "Governments agreed to extend the mission.",  # governments stand for states
    ],
)
def test_bare_plural_that_stands_for_others_is_no_group(text: str) -> None:
    assert keys(extract_text(text)) == set()


def test_number_of_countries_is_a_group() -> None:
    found = extract_text("31 countries pledged to send observers.")
    assert actor(found, "31-countries").type is ActorType.GROUP
    assert found.commitments[0].debtors == ("31-countries",)


def test_quantified_member_states_are_one_group() -> None:
    found = extract_text("Several EU member states will send observers.")
    group = actor(found, "several-eu-member-states")
    assert group.label == "several EU member states"
    assert [a.key for a in found.actors if a.type is ActorType.GROUP] == [group.key]


def test_member_states_of_an_organisation_are_a_group() -> None:
    found = extract_text("EU member states will vote on the plan.")
    assert actor(found, "eu-member-states").type is ActorType.GROUP
    assert found.commitments[0].debtors == ("eu-member-states",)


def test_region_name_before_states_makes_a_group() -> None:
    found = extract_text("Gulf states will fund the reconstruction.")
    assert actor(found, "gulf-states").label == "Gulf states"


def test_international_community_is_a_group() -> None:
    found = extract_text("We urge the international community to step up funding.")
    assert actor(found, "international-community").type is ActorType.GROUP
    assert found.commitments[0].debtors == ("international-community",)


def test_capitalised_member_states_are_a_group_labelled_in_lower_case() -> None:
    found = extract_text("Several other Member States are considering joining the scheme.")
    group = actor(found, "several-member-states")
    assert (group.type, group.label) == (ActorType.GROUP, "several member states")
    assert found.commitments[0].debtors == ("several-member-states",)


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("The eastern authorities pledged not to halt loadings.", "eastern-authorities"),
        ("Libya's rival administrations signed a revenue deal.", "libya-s-rival-administrations"),
    ],
)
def test_a_states_authorities_split_by_an_adjective_are_a_group(sentence: str, key: str) -> None:
    assert sole_debtor(sentence, key) is ActorType.GROUP


def test_a_capitalised_common_noun_that_acts_is_no_organisation() -> None:
    found = extract_text(
        "Foreign Minister Kenji Hayama met Foreign Secretary Teresita Villanueva. The two "
        "Ministers confirmed that they would continue to work closely together."
    )
    assert not [a for a in found.actors if a.type is ActorType.ORGANIZATION]


def test_operators_are_a_group() -> None:
    found = extract_text("Several international operators said they were ready to return.")
    assert found.commitments[0].debtors == ("several-international-operators",)


def test_singular_title_is_not_a_group() -> None:
    found = extract_text("Anna Lindqvist, Sweden's foreign minister, said Sweden would help.")
    assert not [a for a in found.actors if a.type is ActorType.GROUP]


# -- persons not in the gazetteer ----------------------------------------------------------


def test_person_not_in_gazetteer_has_a_clean_label_and_acts_for_the_title_state() -> None:
    found = extract_text("Poland’s Prime Minister Jan Kowalski said Poland would help.")
    person = actor(found, "jan-kowalski")
    assert (person.label, person.wikidata, person.acts_for) == ("Jan Kowalski", None, ("poland",))
    assert person.post is not None and person.post.key == "prime-minister-of-poland"


def test_person_not_in_gazetteer_with_adjective_title() -> None:
    found = extract_text("Finnish Defence Minister Mikko Laine said Finland would send troops.")
    person = actor(found, "mikko-laine")
    assert person.acts_for == ("finland",)
    assert person.post is not None and person.post.key == "defence-minister-of-finland"


def test_apposition_ambassador_to_the_un_acts_for_the_state_only() -> None:
    found = extract_text("Anna Berg, Sweden's ambassador to the UN, said Sweden would act.")
    assert actor(found, "anna-berg").acts_for == ("sweden",)
    found = extract_text("Barbara Woodward, Britain's ambassador to the UN, said London would act.")
    assert actor(found, "barbara-woodward").acts_for == ("united-kingdom",)


def test_ambassador_to_a_body_does_not_act_for_the_body() -> None:
    found = extract_text("UN ambassador Jan Novak said the Czech Republic would abstain.")
    assert actor(found, "jan-novak").acts_for == ()
    found = extract_text("UN ambassador Amir Saeid Iravani said Iran would not negotiate.")
    assert actor(found, "amir-saeid-iravani").acts_for == ("iran",)


def test_chief_of_an_organisation_acts_for_it() -> None:
    found = extract_text("IAEA chief Lena Ostrova said inspectors would return.")
    assert actor(found, "lena-ostrova").acts_for == ("international-atomic-energy-agency",)


def test_post_from_the_title_is_in_the_graph() -> None:
    found = extract_text("Polish Prime Minister Jan Kowalski said Poland would help.")
    minter = IriMinter()
    graph = add_extraction(new_dataset(), found, minter)
    post = minter.post("prime-minister-of-poland")
    assert (minter.actor("jan-kowalski"), ORG.holds, post) in graph
    assert (post, ORG.postIn, minter.actor("poland")) in graph


# -- organisations referred to by what they are --------------------------------------------


def test_the_alliance_is_the_one_organisation_named_before() -> None:
    found = extract_text(
        "NATO Secretary General Mark Rutte said in Brussels that the alliance would keep "
        "supporting Ukraine."
    )
    assert mentions(found, "nato") == ["NATO", "alliance"]
    assert found.commitments[0].debtors == ("nato",)


def test_the_bloc_is_not_a_body_of_the_organisation() -> None:
    found = extract_text(
        "The European Commission said the EU would act. The bloc will impose tariffs on steel."
    )
    assert mentions(found, "european-union") == ["EU", "bloc"]


def test_the_bloc_after_two_organisations_is_not_resolved() -> None:
    found = extract_text("The EU and NATO met on Monday. The bloc will impose tariffs on steel.")
    assert mentions(found, "european-union") == ["EU"]
    assert mentions(found, "nato") == ["NATO"]


# -- persons described but not named -------------------------------------------------------


def test_lone_name_modifying_a_common_noun_is_no_person() -> None:
    found = extract_text("Stockholm was poised to send its Archer artillery systems.")
    assert persons(found) == set()


def test_unnamed_official_is_a_person_and_the_official_refers_back() -> None:
    found = extract_text(
        "A senior defence official said Japan would send ships within weeks. The plan was "
        "ready, the official said."
    )
    official = actor(found, "senior-defence-official")
    assert (official.type, official.label) == (ActorType.PERSON, "senior defence official")
    assert mentions(found, "senior-defence-official") == ["senior defence official", "official"]


def test_unnamed_spokesman_of_a_seat_acts_for_its_state() -> None:
    found = extract_text("A Kremlin spokesman said Russia would not attend the summit.")
    assert actor(found, "kremlin-spokesman").acts_for == ("russia",)
    assert mentions(found, "russia") == ["Kremlin", "Russia"]


def test_unnamed_official_takes_the_side_the_headline_gives_that_noun() -> None:
    found = extract_text(
        "The United States and Japan met. A senior administration official said "
        "relief could come within weeks.",
        title="US official sees tariff relief in weeks",
    )
    assert actor(found, "senior-administration-official").acts_for == ("united-states",)


def test_headline_side_not_named_in_the_body_is_not_given() -> None:
    found = extract_text(
        "A senior administration official said relief could come within weeks.",
        title="US official sees tariff relief in weeks",
    )
    assert actor(found, "senior-administration-official").acts_for == ()


def test_headline_naming_two_sides_for_the_noun_gives_neither() -> None:
    found = extract_text(
        "The United States and Japan met. A senior official said talks would go on.",
        title="US official and Japanese official disagree on tariffs",
    )
    assert actor(found, "senior-official").acts_for == ()


def test_we_of_an_unnamed_official_is_the_side_from_the_headline() -> None:
    found = extract_text(
        "The United States and Japan met. A senior administration official said: "
        '"We will provide that relief."',
        title="US official sees tariff relief in weeks",
    )
    assert [c.debtors for c in found.commitments] == [("united-states",)]


def test_bare_official_without_an_introduction_is_no_actor() -> None:
    found = extract_text("The official said Japan would send ships.")
    assert persons(found) == set()


# -- organisations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Veltrion Semiconductor will build a chip plant in Magdeburg.", "veltrion-semiconductor"),
        ("Norvik Shipping AG will deploy two more vessels on the route.", "norvik-shipping-ag"),
    ],
)
def test_name_ending_in_a_company_word_is_an_organisation(text: str, key: str) -> None:
    assert sole_debtor(text, key) is ActorType.ORGANIZATION


def test_company_named_later_by_its_first_word_is_the_same_organisation() -> None:
    found = extract_text(
        "Veltrion Semiconductor will build a chip plant in Magdeburg. Separately, Veltrion "
        "said it would hire 2,000 workers. The company will also continue its buyback."
    )
    assert keys(found) == {"veltrion-semiconductor"}
    assert [c.debtors for c in found.commitments] == [("veltrion-semiconductor",)] * 3


def test_acronym_in_brackets_and_alone_later_is_the_same_organisation() -> None:
    found = extract_text(
        "The Rapid Support Forces (RSF) agreed to a truce. The RSF said it would open "
        "corridors for aid."
    )
    assert keys(found) == {"rapid-support-forces"}
    assert mentions(found, "rapid-support-forces") == ["Rapid Support Forces", "RSF", "RSF"]
    assert [c.debtors for c in found.commitments] == [("rapid-support-forces",)] * 2


def test_two_names_joined_at_a_slash_are_one_organisation_named_by_either() -> None:
    found = extract_text(
        "The AFC/M23 signed the text on Monday. Under it, M23 units will withdraw to the "
        "positions listed in the annex."
    )
    assert actor(found, "afc-m23").label == "AFC/M23"
    assert mentions(found, "afc-m23") == ["AFC/M23", "M23"]
    assert found.commitments[-1].debtors == ("afc-m23",)


def test_untagged_acronym_that_acts_is_an_organisation_everywhere_it_appears() -> None:
    found = extract_text(
        "The Council has asked MONUSCO to support monitoring. Officials said MONUSCO could "
        "provide technical support."
    )
    assert actor(found, "monusco").type is ActorType.ORGANIZATION
    assert [c.debtors for c in found.commitments] == [("monusco",)] * 2


def test_acronym_in_a_transcript_label_is_not_an_organisation() -> None:
    found = extract_text("QUESTION: Will Kenya send troops?\nMINISTER: Kenya will send troops.")
    assert not [a for a in found.actors if a.type is ActorType.ORGANIZATION]


def test_name_taken_for_a_person_with_a_body_in_apposition_is_an_organisation() -> None:
    found = extract_text("Gavi, the vaccine alliance, said it would buy 100 million doses.")
    assert actor(found, "gavi").type is ActorType.ORGANIZATION
    assert found.commitments[0].debtors == ("gavi",)


def test_name_cut_before_a_place_after_a_particle_is_one_organisation() -> None:
    found = extract_text("The Institut Pasteur de Dakar said it would begin producing vaccines.")
    assert actor(found, "institut-pasteur-de-dakar").label == "Institut Pasteur de Dakar"
    assert found.commitments[0].debtors == ("institut-pasteur-de-dakar",)


def test_a_bodys_name_goes_on_through_a_capitalised_for_phrase() -> None:
    found = extract_text("Qatar has already contributed through the Qatar Fund for Development.")
    assert actor(found, "qatar-fund-for-development").label == "Qatar Fund for Development"


def test_a_hyphenated_one_word_name_that_acts_is_an_organisation() -> None:
    found = extract_text("Al-Shabaab said it would attack the base.")
    assert found.commitments[0].debtors == ("al-shabaab",)
    assert actor(found, "al-shabaab").type is ActorType.ORGANIZATION


def test_name_the_tagger_ran_into_its_bracketed_acronym_ends_before_the_bracket() -> None:
    found = extract_text(
        "R. Palanisamy, president of the Tiruppur Exporters' Association (TEA), spoke. The "
        "TEA said it would hire 5,000 workers."
    )
    assert actor(found, "tiruppur-exporters-association").label == "Tiruppur Exporters' Association"
    assert found.commitments[0].debtors == ("tiruppur-exporters-association",)


def test_bracketed_acronym_of_other_initials_is_not_linked() -> None:
    found = extract_text("The Rapid Support Forces (SAF) agreed to a truce.")
    assert "rapid-support-forces" in keys(found)
    assert mentions(found, "rapid-support-forces") == ["Rapid Support Forces"]


def test_lowercase_body_of_a_state_is_that_states_body() -> None:
    found = extract_text(
        "Sudan's army agreed to a truce. The army, for its part, refused to negotiate."
    )
    army = actor(found, "sudanese-army")
    assert (army.type, army.label, army.acts_for) == (
        ActorType.ORGANIZATION,
        "Sudanese Army",
        ("sudan",),
    )
    assert [c.debtors for c in found.commitments] == [("sudanese-army",)] * 2


def test_lower_case_ministry_has_the_label_of_the_capitalised_one() -> None:
    lower = extract_text("Ukraine's foreign ministry demanded that Moscow release prisoners.")
    upper = extract_text("Ukraine's Foreign Ministry demanded that Moscow release prisoners.")
    assert [(a.key, a.label) for a in lower.actors if a.acts_for] == [
        (a.key, a.label) for a in upper.actors if a.acts_for
    ] == [("ukrainian-foreign-ministry", "Ukrainian Foreign Ministry")]


def test_capital_after_through_is_a_place() -> None:
    found = extract_text("Egypt pledged to let aid convoys pass through Cairo.")
    assert found.commitments[0].beneficiaries == ()


def test_venue_before_a_noun_is_not_an_organisation() -> None:
    found = extract_text("Leaders spoke after the Hampton Court meeting on Monday.")
    assert keys(found) == set()


def test_names_headed_by_an_organisation_word_or_acronyms_are_organisations() -> None:
    found = extract_text(
        "The Wagner Group and the Ministry of Defence said the AFU would withdraw."
    )
    organisations = {a.label for a in found.actors if a.type is ActorType.ORGANIZATION}
    assert organisations == {"Wagner Group", "Ministry of Defence", "AFU"}


def test_body_of_a_state_has_one_label_however_it_is_written() -> None:
    possessive = extract_text("Ukraine's Defence Ministry said it would buy drones.")
    adjective = extract_text("The Ukrainian Defence Ministry said it would buy drones.")
    for found in (possessive, adjective):
        ministry = actor(found, "ukrainian-defence-ministry")
        assert (ministry.type, ministry.label) == (
            ActorType.ORGANIZATION,
            "Ukrainian Defence Ministry",
        )
        assert ministry.acts_for == ("ukraine",)
        assert found.commitments[0].stated_by == ("ukrainian-defence-ministry",)
        assert found.commitments[0].debtors == ("ukraine",)


def test_a_name_that_starts_with_its_states_name_keeps_it() -> None:
    found = extract_text("The Qatar Investment Authority will invest $3 billion in airports.")
    fund = actor(found, "qatar-investment-authority")
    assert (fund.label, fund.acts_for) == ("Qatar Investment Authority", ("qatar",))
    assert found.commitments[0].debtors == ("qatar-investment-authority",)


def test_name_in_a_heading_is_an_actor_only_if_the_gazetteer_knows_it() -> None:
    text = "Pacific Defence Council Meets\nCanada’s Role Under Debate\nJapan will send ships."
    first, second = text.split("\n")[:2]
    article = Article(
        id="heading-test",
        text=text,
        headings=(
            Span(0, len(first), first),
            Span(len(first) + 1, len(first) + 1 + len(second), second),
        ),
    )
    found = extract(article, load_nlp()(text))
    assert keys(found) == {"canada", "japan"}


# -- the word lists ------------------------------------------------------------------------


def test_actor_words_are_loaded_lowercased() -> None:
    words = load_actor_words()
    assert "mr" in words.honorifics
    assert "ministry" in words.organisation_words
    assert words.numbers["three"] == 3


def test_malformed_word_list_is_reported_with_its_file_and_fix() -> None:
    with pytest.raises(DataFileError, match=r"actors.yaml: 'honorifics' must be a list"):
        word_list({"honorifics": "Mr"}, "honorifics", "actors.yaml")


def test_the_head_noun_of_an_organisations_name_refers_back_to_it() -> None:
    found = extract_text(
        "The World Bank and the United Nations met on Monday. But the bank declined to "
        "commit to a figure for adaptation."
    )
    assert [c.debtors for c in found.commitments] == [("world-bank",)]


def test_a_head_noun_two_organisations_share_refers_to_neither() -> None:
    found = extract_text(
        "The World Bank and the Asian Development Bank met on Monday. But the bank declined "
        "to commit to a figure for adaptation."
    )
    assert found.commitments == ()


def test_a_bare_plural_collective_that_is_not_asked_to_act_is_no_actor() -> None:
    found = extract_text("Negotiators met in Geneva. Officials said talks would go on.")
    assert {a.key for a in found.actors} == set()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("President André Corrêa do Lago said talks would go on.", "André Corrêa do Lago"),
        ("General Abdel Fattah al-Burhan said talks would go on.", "Abdel Fattah al-Burhan"),
        ("Spokesman Wang Di said talks would go on.", "Wang Di"),
    ],
)
def test_a_persons_name_keeps_its_particles_and_hyphens(text: str, label: str) -> None:
    assert [a.label for a in extract_text(text).actors if a.type is ActorType.PERSON] == [label]


def test_a_vow_that_the_government_will_act_binds_the_government() -> None:
    found = extract_wire_copy(
        "ISLAMABAD, Dec. 10 (Reuters) - Finance Minister Muhammad Aurangzeb vowed that the "
        "government would not seek another bailout.\n"
    )
    assert [c.debtors for c in found.commitments] == [("pakistan",)]


def test_a_vow_about_a_government_that_names_no_actor_binds_the_one_who_vows() -> None:
    found = extract_text(
        "Finance Minister Muhammad Aurangzeb vowed that the government would not seek "
        "another bailout."
    )
    assert [c.debtors for c in found.commitments] == [("muhammad-aurangzeb",)]


def test_the_bloc_among_several_organisations_is_the_one_named_earlier_in_its_sentence() -> None:
    found = extract_text(
        "The World Bank and NATO met the United Nations. The European Union's climate "
        "commissioner said the bloc would fund a new adaptation goal."
    )
    assert [c.debtors for c in found.commitments] == [("european-union",)]


def test_a_title_of_a_coordinated_person_is_not_the_first_persons_side() -> None:
    found = extract_text(
        "The Rapid Support Forces (RSF) fought the army. The struggle between army chief "
        "General Abdel Fattah al-Burhan and RSF commander Mohamed Hamdan Dagalo went on."
    )
    sides = {a.key: a.acts_for for a in found.actors if a.type is ActorType.PERSON}
    assert sides == {
        "abdel-fattah-al-burhan": (),
        "mohamed-hamdan-dagalo": ("rapid-support-forces",),
    }


def test_an_office_for_a_state_speaks_for_its_holder_not_that_state() -> None:
    found = extract_text(
        "The tranche will be disbursed next month, the IMF's mission chief for Pakistan, "
        "Nathan Porter, said."
    )
    assert {a.key: a.acts_for for a in found.actors}["nathan-porter"] == (
        "international-monetary-fund",
    )
    assert [c.debtors for c in found.commitments] == [("international-monetary-fund",)]


def test_a_name_the_tagger_split_at_a_particle_is_one_person() -> None:
    found = extract_text(
        "Saudi Energy Minister Prince Abdulaziz bin Salman said talks would go on."
    )
    persons = [(a.label, a.acts_for) for a in found.actors if a.type is ActorType.PERSON]
    assert persons == [("Abdulaziz bin Salman", ("saudi-arabia",))]  # "Prince": an honorific


def test_a_person_with_a_patronymic_is_referred_to_by_the_given_name() -> None:
    found = extract_text(
        "Saudi Energy Minister Prince Abdulaziz bin Salman met reporters. Prince Abdulaziz "
        "said Saudi Arabia would cut output."
    )
    assert [c.stated_by for c in found.commitments] == [("abdulaziz-bin-salman",)]


def test_a_price_benchmark_is_no_person_and_no_speaker() -> None:
    found = extract_text(
        "Indian Petroleum Minister Hardeep Singh Puri said India was ready. The government "
        "has ruled out releasing crude from its strategic reserves for now, but could do so "
        "if Brent climbs above $80 a barrel, he added."
    )
    assert [a.key for a in found.actors if a.type is ActorType.PERSON] == ["hardeep-singh-puri"]
    assert {c.stated_by for c in found.commitments} == {("hardeep-singh-puri",)}


def test_a_unit_of_measure_is_no_organisation() -> None:
    found = extract_text(
        "Romania has agreed to make available up to 300 MW of additional import capacity "
        "to Moldova."
    )
    assert [a.key for a in found.actors] == ["moldova", "romania"]


def test_a_name_tagged_an_organisation_more_often_than_a_person_is_an_organisation() -> None:
    found = extract_text(
        "The ministry says the state company Energocom has already secured gas reserves of "
        "250 million cubic metres, stored in Romania. Energocom will purchase an additional "
        "150 million cubic metres by the end of December. The European Bank for "
        "Reconstruction and Development (EBRD) is considering a loan of up to EUR 100 million "
        "to Energocom for the purchase of gas."
    )
    assert {a.key: a.type for a in found.actors}["energocom"] is ActorType.ORGANIZATION


def test_a_states_treasury_with_a_name_of_its_own_stands_for_the_state() -> None:
    c = only("Kenya's National Treasury has committed to bringing the budget to a surplus.")
    assert c.debtors == ("kenya",)


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("An arbitral tribunal said Ukraine must notify Romania before each round of dredging.",
         "arbitral-tribunal"),
        ("The International Chamber of Shipping said it was open to a binding industry fund.",
         "international-chamber-of-shipping"),
    ],
)
def test_courts_tribunals_and_chambers_are_organisations(sentence: str, key: str) -> None:
    assert actor(extract_text(sentence), key).type is ActorType.ORGANIZATION


def test_a_plural_group_noun_after_a_noun_of_its_kind_is_a_group() -> None:
    c = only("The ITF called on port states to detain any vessel on the database.")
    assert c.debtors == ("port-states",)
    assert actor(extract_text("The ITF called on port states to act."), "port-states").type is (
        ActorType.GROUP
    )


def test_a_known_persons_name_suffix_is_part_of_the_name() -> None:
    found = extract_text(
        "President Ferdinand Marcos Jr. said the Philippines would send two more ships."
    )
    assert [c.stated_by for c in found.commitments] == [("ferdinand-marcos-jr",)]


def test_the_group_is_the_organisation_named_before_whatever_its_name() -> None:
    found = extract_text(
        "The Rapid Support Forces (RSF) spoke on Monday. An RSF spokesman said the "
        "group would allow aid convoys into Darfur."
    )
    assert [c.debtors for c in found.commitments] == [("rapid-support-forces",)]


def test_the_group_prefers_the_organisation_whose_name_ends_in_group() -> None:
    found = extract_text(
        "The Wagner Group and the United Nations were named. The group said it would "
        "withdraw its fighters from Mali."
    )
    assert [c.debtors for c in found.commitments] == [("wagner-group",)]


def test_the_group_after_a_group_of_states_names_no_organisation() -> None:
    found = extract_text(
        "A group of 30 countries met in Rome. The group said it would fund the mission."
    )
    assert found.commitments == ()


def test_a_name_tagged_as_an_organisation_but_described_as_a_person_is_a_person() -> None:
    found = extract_text(
        '"The real test will come later," said Sajid Mahmood, an economist at a brokerage.'
    )
    assert [(a.label, a.type) for a in found.actors] == [("Sajid Mahmood", ActorType.PERSON)]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("State energy company SOCAR will supply more gas.", "SOCAR"),
        ("Dutch chipmaker ASML said it would comply with the rules.", "ASML"),
        ("The company, Gazprom, will cut supplies.", "Gazprom"),
    ],
)
def test_a_name_a_company_noun_describes_is_an_organisation(text: str, label: str) -> None:
    found = extract_text(text)
    organisations = [a for a in found.actors if a.type is ActorType.ORGANIZATION]
    assert [a.label for a in organisations] == [label]
    assert [c.debtors for c in found.commitments] == [(organisations[0].key,)]


def test_a_state_ending_an_organisations_name_is_part_of_the_name() -> None:
    found = extract_text("The Export-Import Bank of China will suspend debt service.")
    assert [(a.label, a.type) for a in found.actors] == [
        ("Export-Import Bank of China", ActorType.ORGANIZATION)
    ]


def test_the_government_of_a_state_is_the_state() -> None:
    found = extract_text("The Government of India will cut tariffs.")
    assert [c.debtors for c in found.commitments] == [("india",)]


def test_the_company_is_the_one_business_named_before() -> None:
    found = extract_text(
        "The EU met state energy company SOCAR. The company will cut its volumes by half."
    )
    assert [c.debtors for c in found.commitments] == [("socar",)]


def test_the_company_among_two_businesses_named_before_is_neither() -> None:
    found = extract_text(
        "Dutch chipmaker ASML met the EU on Monday, and Swedish carmaker Volvo met NATO. The "
        "company will cut jobs next year."
    )
    assert found.commitments == ()


def test_the_government_in_undatelined_copy_is_the_state_the_article_is_about() -> None:
    found = extract_text(
        "The Netherlands will tighten export controls. The Netherlands consulted Japan. "
        "The government will publish the list in March."
    )
    assert [c.debtors for c in found.commitments][-1] == ("netherlands",)


def test_the_government_between_two_states_named_as_often_is_neither() -> None:
    found = extract_text(
        "The Netherlands consulted Japan. Japan and the Netherlands met again. "
        "The government will publish the list in March."
    )
    assert all(c.action != "publish the list in March" for c in found.commitments)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The Pakistani government pledged to cut the deficit.", "pakistan"),
        ("Haiti's transitional authorities have pledged to hold elections.", "haiti"),
        ("Haitian authorities pledged to hold elections.", "haiti"),
        ("The U.S. administration will impose tariffs.", "united-states"),
    ],
)
def test_a_government_or_authorities_a_state_qualifies_are_that_state(
    text: str, state: str
) -> None:
    assert [c.debtors for c in extract_text(text).commitments] == [(state,)]


def test_a_proper_noun_a_state_possesses_acting_as_subject_is_an_organisation() -> None:
    found = extract_text("Russia's Gazprom will cut supplies next year.")
    assert [(a.label, a.type) for a in found.actors if a.key != "russia"] == [
        ("Gazprom", ActorType.ORGANIZATION)
    ]
    assert [c.debtors for c in found.commitments] == [("gazprom",)]


def test_a_person_a_state_possesses_stays_a_person() -> None:
    found = extract_text("Italy's Meloni pledged to send troops.")
    assert [a.type for a in found.actors if a.key != "italy"] == [ActorType.PERSON]


def test_the_federal_government_in_datelined_copy_is_the_datelines_state() -> None:
    found = extract_wire_copy(
        "OTTAWA, Dec. 10 (Reuters) - Officials said the federal government had ruled out a "
        "cut to the tariff.\n"
    )
    assert [c.debtors for c in found.commitments] == [("canada",)]


def test_the_kingdom_refers_back_to_the_state_named_before() -> None:
    found = extract_text(
        "Saudi Arabia met Pakistan last week. The kingdom has also pledged to invest "
        "$5 billion in a copper mine."
    )
    assert [c.debtors for c in found.commitments] == [("saudi-arabia",)]


def test_an_unowned_ministry_in_datelined_copy_is_the_datelines_state() -> None:
    found = extract_wire_copy(
        "ISLAMABAD, Dec. 10 (Reuters) - The power ministry said it would shield poor "
        "households from the tariff increase.\n"
    )
    assert [c.debtors for c in found.commitments] == [("pakistan",)]


def test_a_state_office_naming_no_state_in_datelined_copy_is_the_datelines() -> None:
    found = extract_wire_copy(
        'BAKU, Oct 14 (Reuters) - Energy Minister Parviz Shahbazov spoke on Tuesday. "We are '
        'ready to put more gas into the system," Shahbazov told reporters.\n'
    )
    assert {a.key: a.acts_for for a in found.actors}["parviz-shahbazov"] == ("azerbaijan",)
    assert [c.debtors for c in found.commitments] == [("azerbaijan",)]


def test_a_state_office_naming_no_state_without_a_dateline_is_the_main_states() -> None:
    found = extract_text(
        "Ethiopia owes bondholders $1 billion. Ethiopia has paid nothing since 2023. Finance "
        'Minister Ahmed Shide spoke in parliament. "We will treat every creditor fairly," '
        "Shide said."
    )
    assert {a.key: a.acts_for for a in found.actors}["ahmed-shide"] == ("ethiopia",)
    assert [c.debtors for c in found.commitments] == [("ethiopia",)]


def test_a_state_office_naming_no_state_in_an_article_about_two_states_has_no_side() -> None:
    found = extract_text(
        "Ethiopia owes Kenya $1 billion. Finance Minister Ahmed Shide spoke in parliament."
    )
    assert {a.key: a.acts_for for a in found.actors}["ahmed-shide"] == ()


def test_a_list_items_dash_is_no_part_of_a_groups_label() -> None:
    found = extract_text("Key points:\n- European allies should send more troops.")
    assert {a.key: a.label for a in found.actors}["european-allies"] == "European allies"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Developed countries pledged to provide more money.", "developed countries"),
        ("Japan said developed countries must provide more money.", "developed countries"),
        ("Nordic countries pledged to provide more money.", "Nordic countries"),
        ("Japan said nordic countries must provide more money.", "Nordic countries"),
    ],
)
def test_a_groups_label_is_the_same_wherever_it_stands(text: str, label: str) -> None:
    assert [a.label for a in extract_text(text).actors if a.type is ActorType.GROUP] == [label]


def test_it_in_a_persons_statement_is_the_body_the_person_speaks_for() -> None:
    found = extract_text(
        "It will release the next tranche once Islamabad passes a budget, IMF mission "
        "chief Iva Petrova said."
    )
    assert [c.debtors for c in found.commitments] == [("international-monetary-fund",)]


def test_a_one_word_name_that_acts_is_an_organisation() -> None:
    found = extract_text(
        "Frontex stands ready to deploy a liaison officer to Nouakchott, provided that a "
        "status agreement is concluded."
    )
    assert {a.key: a.type for a in found.actors}["frontex"] is ActorType.ORGANIZATION
    assert [c.debtors for c in found.commitments] == [("frontex",)]


def test_a_name_with_a_business_noun_in_apposition_is_an_organisation() -> None:
    found = extract_text(
        "Afreximbank, the Cairo-based trade financier, has said it will not accept losses "
        "on its loans."
    )
    assert [c.debtors for c in found.commitments] == [("afreximbank",)]


def test_a_city_before_based_is_a_place_not_its_government() -> None:
    found = extract_text("The London-based lender said it would not extend the loan.")
    assert "united-kingdom" not in {a.key for a in found.actors}


def test_a_name_tagged_as_organisation_after_an_office_title_is_a_person() -> None:
    found = extract_text('EU Commissioner Magnus Brunner said: "We will not give up."')
    assert {a.key: a.type for a in found.actors}["magnus-brunner"] is ActorType.PERSON
    assert [c.debtors for c in found.commitments] == [("european-union",)]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ('The EU met on Monday. Commissioner Anna Berg said: "We will not give up."',
         "european-union"),
        ('NATO met on Monday. Secretary General Anna Berg said: "We will not give up."',
         "nato"),
        ('The African Union met. Commissioner Bankole Adeoye said: "We will not give up."',
         "african-union"),
    ],
)
def test_an_organisations_office_named_bare_is_held_for_the_organisation_named(
    text: str, side: str
) -> None:
    found = extract_text(text)
    assert [c.debtors for c in found.commitments] == [(side,)]


def test_a_bare_office_two_named_organisations_have_is_held_for_neither() -> None:
    found = extract_text(
        'The EU and the African Union met. Commissioner Anna Berg said: "We will not give up."'
    )
    assert {a.key: a.acts_for for a in found.actors}["anna-berg"] == ()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The official creditor committee has agreed to extend maturities.",
         "official-creditor-committee"),
        ("The bondholders' committee has rejected calls to accept a haircut.",
         "bondholders-committee"),
        ("A joint monitoring committee will verify the withdrawal.", "joint-monitoring-committee"),
        ("The joint migration task force will publish a plan.", "joint-migration-task-force"),
    ],
)
def test_a_body_written_in_lower_case_with_words_that_say_which_is_an_organisation(
    text: str, key: str
) -> None:
    found = extract_text(text)
    assert {a.key: a.type for a in found.actors}[key] is ActorType.ORGANIZATION
    assert [c.debtors for c in found.commitments] == [(key,)]


def test_a_bare_committee_is_no_new_organisation() -> None:
    assert extract_text("The committee will publish a plan.").actors == ()


def test_the_kingdom_before_any_state_is_named_is_the_speakers_state() -> None:
    c = only("The kingdom will host the next round of talks, the Saudi foreign ministry said.")
    assert c.debtors == ("saudi-arabia",)


@pytest.mark.parametrize(
    ("text", "debtor"),
    [
        ("The World Bank's board approved a $750 million loan to Egypt.", "world-bank"),
        ("NATO's secretariat will draft the plan.", "nato"),
    ],
)
def test_an_organisations_board_acts_for_it(text: str, debtor: str) -> None:
    assert only(text).debtors == (debtor,)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Analysts at Goldman Sachs expect prices to rise.", "goldman-sachs"),
        ("An economist with Topline Securities said the deal would hold.", "topline-securities"),
        ("Output at the Chevron-led Tengiz field will not be cut, Kazakhstan said.", "chevron"),
    ],
)
def test_a_name_someone_works_at_or_that_leads_a_thing_is_an_organisation(
    text: str, key: str
) -> None:
    assert {a.key: a.type for a in extract_text(text).actors}[key] is ActorType.ORGANIZATION


def test_the_bank_refers_back_to_a_one_word_name_ending_in_bank() -> None:
    found = extract_text(
        "Afreximbank, the Cairo-based trade financier, is owed $500 million. Mining company "
        "Glencore is owed less. The bank will not accept losses on its loans."
    )
    assert [c.debtors for c in found.commitments] == [("afreximbank",)]


def test_the_secretariat_refers_back_to_the_organisation_named_before() -> None:
    found = extract_text(
        "ASEAN met in Manila. The secretariat was prepared to convene an emergency meeting."
    )
    assert [c.debtors for c in found.commitments] == [("asean",)]


def test_a_name_with_a_business_noun_after_a_comma_is_an_organisation() -> None:
    found = extract_text(
        "ASML, the company most directly affected, has been informed of the decision. The "
        "company has committed to cooperating fully with the licensing authority."
    )
    assert [c.debtors for c in found.commitments] == [("asml",)]


def test_an_unnamed_holder_of_a_state_office_speaks_for_the_home_state() -> None:
    found = extract_text(
        "The Netherlands will tighten export controls. The Netherlands consulted Japan. "
        '"We are prepared to take further steps," said the Minister for Foreign Trade.'
    )
    assert [c.debtors for c in found.commitments] == [("netherlands",), ("netherlands",)]


def test_an_acronym_of_words_in_lower_case_is_no_organisation() -> None:
    found = extract_text("Imports of liquefied natural gas (LNG) will rise, Japan said.")
    assert "lng" not in {a.key for a in found.actors}


def test_an_acronym_of_a_name_is_still_its_organisation() -> None:
    found = extract_text("The Armed Forces of Ukraine (AFU) will hold the line.")
    assert [c.debtors for c in found.commitments] == [("armed-forces-of-ukraine",)]


@pytest.mark.parametrize(
    ("text", "debtor"),
    [
        ("The U.S. Treasury will lift sanctions on the airline.", "united-states"),
        ("Kazakhstan's energy ministry said it would not order cuts.", "kazakhstan"),
        ("Sudan's army said it would observe the truce.", "sudanese-army"),
    ],
)
def test_what_a_states_department_undertakes_the_state_undertakes(text: str, debtor: str) -> None:
    assert only(text).debtors == (debtor,)


def test_a_one_word_person_after_a_preposition_of_place_is_a_place() -> None:
    found = extract_text("At the Nkana market in Kitwe, traders were unconvinced.")
    assert "kitwe" not in {a.key for a in found.actors}


@pytest.mark.parametrize(
    ("text", "person", "side"),
    [
        ("Minister of Finance and National Planning Situmbeko Musokotwane said Zambia "
         "would repay the bond.", "situmbeko-musokotwane", ()),
        ("Kenya's Cabinet Secretary for Trade and Industry Moses Kuria said Kenya would "
         "comply.", "moses-kuria", ("kenya",)),
    ],
)
def test_a_name_the_tagger_joined_to_an_offices_remit_is_a_person(
    text: str, person: str, side: tuple[str, ...]
) -> None:
    found = extract_text(text)
    actors = {a.key: a for a in found.actors}
    assert actors[person].type is ActorType.PERSON
    assert actors[person].acts_for == side
    assert [c.stated_by for c in found.commitments] == [(person,)]


def test_the_holder_of_an_office_with_a_remit_speaks_for_himself_when_no_state_is_named() -> None:
    found = extract_text(
        "Our correspondent met Minister of Mines and Minerals Development Paul Kabuswe. "
        '"We will not revoke any licence," he said.'
    )
    assert [(c.debtors, c.action) for c in found.commitments] == [
        (("paul-kabuswe",), "revoke any licence")
    ]


def test_a_term_defined_in_brackets_names_the_actors_before_it() -> None:
    found = extract_text(
        'Armenia and Azerbaijan (hereinafter "the Parties") met in Brussels. '
        "The Parties shall exchange the maps by March, and each Party will open a crossing."
    )
    actors = {a.key: a for a in found.actors}
    assert actors["parties"].type is ActorType.GROUP
    assert set(actors["parties"].members) == {"armenia", "azerbaijan"}
    assert [c.debtors for c in found.commitments] == [("parties",), ("parties",)]


def test_a_singular_defined_term_is_another_name_of_its_one_actor() -> None:
    found = extract_text(
        'Ukraine met officials of the World Bank (the "Lender") in Kyiv. '
        "The Lender will disburse the first tranche in May."
    )
    assert [(c.debtors, c.action) for c in found.commitments] == [
        (("world-bank",), "disburse the first tranche in May")
    ]


def test_a_quoted_word_in_brackets_that_is_not_a_definition_names_nobody() -> None:
    found = extract_text(
        'Armenia and Azerbaijan (whose talks were called "the Parties" by some) met. '
        "The Parties will meet again."
    )
    assert "parties" not in {a.key for a in found.actors}


def test_a_named_operation_is_an_organisation_that_the_mission_and_its_last_word_refer_to() -> (
    None
):
    found = extract_text(
        "EU governments agreed to extend Operation Aspides for another year. The mission "
        "remains defensive. It will protect ships. Aspides will escort tankers from March."
    )
    actors = {a.key: a for a in found.actors}
    assert actors["operation-aspides"].type is ActorType.ORGANIZATION
    assert [(c.debtors, c.action) for c in found.commitments][1:] == [
        (("operation-aspides",), "protect ships"),
        (("operation-aspides",), "escort tankers from March"),
    ]


def test_the_group_is_the_one_organisation_named_in_the_sentence_before() -> None:
    found = extract_text(
        "The EU and the IMF met in Brussels. Houthi attacks on ships have fallen. "
        "The group has said it would resume attacks on vessels linked to Israel."
    )
    assert [c.debtors for c in found.commitments] == [("houthis",)]


def test_a_states_central_bank_is_its_body_and_the_central_bank_refers_back_to_it() -> None:
    found = extract_text(
        "Argentina's central bank agreed to unwind a repo. The Treasury said so. "
        "The central bank will publish weekly data."
    )
    actors = {a.key: a for a in found.actors}
    assert actors["argentine-central-bank"].acts_for == ("argentina",)
    assert [c.debtors for c in found.commitments] == [
        ("argentine-central-bank",), ("argentine-central-bank",)
    ]


def test_an_unnamed_person_described_by_an_organisations_last_word_acts_for_it() -> None:
    found = extract_text(
        "The European Commission met on Monday. A Commission spokesperson said it would act."
    )
    actors = {a.key: a for a in found.actors}
    assert actors["commission-spokesperson"].acts_for == ("european-commission",)


def test_a_person_named_with_a_bare_title_takes_the_side_of_the_earlier_description() -> None:
    found = extract_text(
        "The EU will act, the bloc's foreign affairs spokesperson said on Tuesday. "
        'Spokesperson Lena Marchetti added: "We are open to coordinating with India."'
    )
    actors = {a.key: a for a in found.actors}
    assert actors["lena-marchetti"].acts_for == ("european-union",)


def test_with_one_operation_named_the_states_mission_is_that_operation() -> None:
    found = extract_text(
        "The European Union's naval mission will start escorting tankers in March, after "
        "governments agreed to extend Operation Aspides."
    )
    assert [c.debtors for c in found.commitments] == [("operation-aspides",)]


def test_the_alliance_is_the_group_whose_name_it_heads() -> None:
    found = extract_text(
        "Mali, Niger and Burkina Faso formed the Alliance of Sahel States. ECOWAS met "
        "AES ministers. The ministers said the alliance would go ahead with a levy."
    )
    assert [c.debtors for c in found.commitments] == [("alliance-of-sahel-states",)]


def test_an_opposition_title_does_not_make_the_person_speak_for_the_state() -> None:
    found = extract_text(
        "Belarusian opposition leader Sviatlana Tsikhanouskaya met EU ministers."
    )
    actors = {a.key: a for a in found.actors}
    assert actors["sviatlana-tsikhanouskaya"].acts_for == ()


def test_the_regime_in_what_one_who_speaks_for_no_state_says_is_the_state_named_before() -> None:
    found = extract_text(
        "Belarus freed 52 prisoners on Thursday. Opposition leader Sviatlana Tsikhanouskaya "
        'said: "We demand that the regime release all of them."'
    )
    assert [(c.debtors, c.requested_by) for c in found.commitments] == [
        (("belarus",), ()),  # freed 52 prisoners
        (("belarus",), ("sviatlana-tsikhanouskaya",)),
    ]


def test_a_name_before_a_definite_group_noun_is_an_organisation_and_its_title_follows_it() -> None:
    found = extract_text(
        "The government and the ELN rebel group announced a truce. The ELN made promises "
        "of its own. Its commander, Antonio García, said the group will halt kidnappings. "
        "Farmers in Arauca doubt that the ELN will lift its ban."
    )
    actors = {a.key: a for a in found.actors}
    assert actors["eln"].type is ActorType.ORGANIZATION
    assert actors["antonio-garcia"].acts_for == ("eln",)
    assert [c.debtors for c in found.commitments][1] == ("eln",)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On the positive side, A.P. Moller-Maersk said it would return some services.",
         ActorType.ORGANIZATION),
        ("Jan Berg, a spokesman for the ministry, said it would send troops.", ActorType.PERSON),
    ],
)
def test_an_untitled_person_who_says_it_is_a_body(text: str, kind: ActorType) -> None:
    found = extract_text(text)
    assert [a.type for a in found.actors] == [kind]


def test_a_state_government_is_not_the_state_named_before() -> None:
    found = extract_text(
        "Farmers met Bangladesh's envoy. The farmers' committee has demanded that the state "
        "government guarantee a minimum release of water."
    )
    assert all(c.debtors != ("bangladesh",) for c in found.commitments)


def test_a_one_word_name_is_the_organisation_named_before_whose_name_ends_so() -> None:
    found = extract_text(
        "The U.S. Treasury met Argentina. The Treasury said it would brief the committees."
    )
    assert "treasury" not in {a.key for a in found.actors}
    assert [c.stated_by for c in found.commitments] == [
        ("united-states-department-of-the-treasury",)
    ]
