"""The gazetteer: data files, lookups, office titles, spaCy patterns and validation."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import pycountry
import pytest

from kgbuild.errors import DataFileError
from kgbuild.records import ActorType
from kgbuild.resources.gazetteer import (
    Gazetteer,
    load_gazetteer,
    tokenize_form,
)

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "data" / "gazetteer"
GOLD_FILES = sorted((ROOT / "data" / "articles").glob("*.gold.json"))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def found(gaz: Gazetteer, surface: str) -> tuple[str, str] | None:
    hit = gaz.lookup(surface)
    return None if hit is None else (hit[0].key, hit[1])


# -- lookups --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("France", "france"),
        ("United States", "united-states"),
        ("U.S.", "united-states"),
        ("US", "united-states"),
        ("USA", "united-states"),
        ("America", "united-states"),
        ("Britain", "united-kingdom"),
        ("Great Britain", "united-kingdom"),
        ("UK", "united-kingdom"),
        ("U.K.", "united-kingdom"),
        ("Russian Federation", "russia"),
        ("Türkiye", "turkey"),
        ("Côte d'Ivoire", "ivory-coast"),
        ("Czechia", "czech-republic"),
        ("EU", "european-union"),
        ("European Union", "european-union"),
        ("NATO", "nato"),
        ("UN", "united-nations"),
        ("UN Security Council", "united-nations-security-council"),
        ("Security Council", "united-nations-security-council"),
        ("IAEA", "international-atomic-energy-agency"),
        ("E3", "e3"),
        ("coalition of the willing", "coalition-of-the-willing"),
        ("Emmanuel Macron", "emmanuel-macron"),
        ("Macron", "emmanuel-macron"),
        ("Zelenskyy", "volodymyr-zelensky"),
        ("von der Leyen", "ursula-von-der-leyen"),
        ("WFP", "world-food-programme"),
        ("U.N. World Food Programme", "world-food-programme"),
        ("EBRD", "european-bank-for-reconstruction-and-development"),
        ("Green Climate Fund", "green-climate-fund"),
    ],
)
def test_name_and_abbreviation_lookup(gaz: Gazetteer, surface: str, key: str) -> None:
    assert found(gaz, surface) == (key, "name")


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("French", "france"),
        ("American", "united-states"),
        ("British", "united-kingdom"),
        ("Ukrainian", "ukraine"),
        ("Iranian", "iran"),
        ("South Korean", "south-korea"),
        ("European", "europe"),
    ],
)
def test_adjective_lookup(gaz: Gazetteer, surface: str, key: str) -> None:
    assert found(gaz, surface) == (key, "adjective")


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("Washington", "united-states"),
        ("White House", "united-states"),
        ("Kremlin", "russia"),
        ("Moscow", "russia"),
        ("Kyiv", "ukraine"),
        ("Kiev", "ukraine"),
        ("Paris", "france"),
        ("Élysée", "france"),
        ("Downing Street", "united-kingdom"),
        ("London", "united-kingdom"),
        ("Beijing", "china"),
        ("Tehran", "iran"),
        ("Brussels", "european-union"),
        ("Pentagon", "united-states-department-of-defense"),
        ("The Hague", "netherlands"),
    ],
)
def test_metonym_lookup(gaz: Gazetteer, surface: str, key: str) -> None:
    assert found(gaz, surface) == (key, "metonym")


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("the United States", "united-states"),
        ("The United States", "united-states"),
        ("the U.S.'s", "united-states"),
        ("Iran's", "iran"),
        ("Iran’s", "iran"),
        ("Britain’s", "united-kingdom"),
        ("the Kremlin's", "russia"),
        ("Brussels'", "european-union"),
        ("Brussels’", "european-union"),
        ("the Pentagon", "united-states-department-of-defense"),
        ("the  European\nUnion", "european-union"),
    ],
)
def test_possessive_the_and_whitespace_are_ignored(gaz: Gazetteer, surface: str, key: str) -> None:
    hit = gaz.lookup(surface)
    assert hit is not None and hit[0].key == key


@pytest.mark.parametrize("surface", ["us", "Us", "eu", "uk", "un", "Un", "e3"])
def test_short_abbreviation_matches_only_as_written(gaz: Gazetteer, surface: str) -> None:
    assert gaz.lookup(surface) is None


@pytest.mark.parametrize("surface", ["turkey", "chad", "jordan", "china", "nato", "georgia"])
def test_capitalised_one_word_name_does_not_match_lowercase(gaz: Gazetteer, surface: str) -> None:
    assert gaz.lookup(surface) is None


@pytest.mark.parametrize(
    ("surface", "key"),
    [("TURKEY", "turkey"), ("Nato", "nato"), ("FRANCE", "france"), ("Chad", "chad")],
)
def test_capitalised_and_uppercase_forms_match(gaz: Gazetteer, surface: str, key: str) -> None:
    assert found(gaz, surface) == (key, "name")


@pytest.mark.parametrize(
    ("surface", "key"),
    [("U.N.", "united-nations"), ("E.U.", "european-union"), ("UAE", "united-arab-emirates"),
     ("U.A.E.", "united-arab-emirates"), ("JD Vance", "jd-vance"), ("J.D. Vance", "jd-vance")],
)
def test_dotted_and_bare_abbreviations_are_variants(gaz: Gazetteer, surface: str, key: str) -> None:
    hit = gaz.lookup(surface)
    assert hit is not None and hit[0].key == key


def test_curly_apostrophe_inside_a_name(gaz: Gazetteer) -> None:
    assert found(gaz, "N’Djamena") == ("chad", "metonym")
    assert found(gaz, "Côte d’Ivoire") == ("ivory-coast", "name")


@pytest.mark.parametrize("surface", ["Atlantis", "", "the", "European partners", "allies"])
def test_unknown_surface_is_none(gaz: Gazetteer, surface: str) -> None:
    assert gaz.lookup(surface) is None


# -- entries ----------------------------------------------------------------------------------


def test_entry_get_and_membership(gaz: Gazetteer) -> None:
    france = gaz.entry("france")
    assert (france.label, france.type, france.wikidata, france.iso) == (
        "France", ActorType.STATE, "Q142", "FR"
    )
    assert france.names[0] == "France"
    assert "france" in gaz and "atlantis" not in gaz
    assert gaz.get("atlantis") is None
    assert len(gaz) == len(list(gaz)) > 300


def test_unknown_key_error_suggests_close_keys(gaz: Gazetteer) -> None:
    with pytest.raises(KeyError, match="'france'"):
        gaz.entry("frnace")


def test_group_members_and_bodies_acting_for_states(gaz: Gazetteer) -> None:
    assert gaz.entry("e3").members == ("united-kingdom", "france", "germany")
    assert gaz.entry("baltic-states").members == ("estonia", "latvia", "lithuania")
    assert gaz.entry("coalition-of-the-willing").members == ()
    assert gaz.entry("united-states-department-of-defense").acts_for == "united-states"
    assert gaz.entry("european-commission").acts_for == "european-union"


def test_person_acts_for_the_actor_their_post_belongs_to(gaz: Gazetteer) -> None:
    for entry in gaz:
        if entry.type is ActorType.PERSON and entry.post is not None:
            post = gaz.post(entry.post)
            assert post is not None, entry.key
            assert post.of == entry.acts_for, entry.key


def test_every_qid_is_well_formed_and_unique(gaz: Gazetteer) -> None:
    qids = [e.wikidata for e in gaz if e.wikidata is not None]
    assert all(q[0] == "Q" and q[1:].isdigit() and q[1] != "0" for q in qids)
    assert len(qids) == len(set(qids))


@pytest.mark.parametrize(
    ("key", "qid"),
    [("france", "Q142"), ("germany", "Q183"), ("poland", "Q36"), ("ukraine", "Q212"),
     ("united-states", "Q30"), ("russia", "Q159"), ("united-kingdom", "Q145"),
     ("china", "Q148"), ("iran", "Q794"), ("italy", "Q38"), ("romania", "Q218"),
     ("japan", "Q17"), ("india", "Q668"), ("european-union", "Q458"), ("nato", "Q7184"),
     ("united-nations", "Q1065"), ("united-nations-security-council", "Q37470"),
     ("donald-trump", "Q22686"), ("emmanuel-macron", "Q3052772"),
     ("ursula-von-der-leyen", "Q60772"), ("vladimir-putin", "Q7747")],
)
def test_known_qids(gaz: Gazetteer, key: str, qid: str) -> None:
    assert gaz.entry(key).wikidata == qid


UN_MEMBER_SAMPLE = ["AF", "BR", "CD", "CG", "CI", "DE", "FJ", "FM", "GB", "IR", "KP", "KR",
                    "LA", "MK", "NL", "SZ", "TL", "TZ", "US", "VN", "ZW"]


@pytest.mark.parametrize("alpha_2", UN_MEMBER_SAMPLE)
def test_un_member_state_present_by_iso_code_and_name(gaz: Gazetteer, alpha_2: str) -> None:
    country = pycountry.countries.get(alpha_2=alpha_2)
    by_iso = [e for e in gaz if e.iso == alpha_2]
    assert len(by_iso) == 1 and by_iso[0].type is ActorType.STATE
    names = [getattr(country, attr, None) for attr in ("common_name", "name", "official_name")]
    prose = [n for n in names if n and "," not in n and "(" not in n]  # not "Korea, Republic of"
    assert all(gaz.lookup(n) == (by_iso[0], "name") for n in prose)


def test_states_cover_un_members_observers_and_territories(gaz: Gazetteer) -> None:
    states = {e.key for e in gaz if e.type is ActorType.STATE}
    assert len(states) == 193 + 2 + 5
    assert {"holy-see", "palestine", "kosovo", "taiwan", "hong-kong"} <= states


def test_states_file_is_what_build_states_writes() -> None:
    script = runpy.run_path(str(GAZETTEER / "build_states.py"))
    assert script["render"]() == (GAZETTEER / "states.yaml").read_text(encoding="utf-8")


# -- the analysts' gold actors -----------------------------------------------------------------


def gold_actors() -> list[tuple[str, dict[str, Any]]]:
    return [
        (path.name, actor)
        for path in GOLD_FILES
        for actor in json.loads(path.read_text(encoding="utf-8"))["actors"]
    ]


@pytest.mark.parametrize(
    ("file", "actor"),
    [(f, a) for f, a in gold_actors() if a.get("wikidata") and a["type"] != "ActorGroup"],
    ids=lambda v: v if isinstance(v, str) else v["label"],
)
def test_gold_actor_found_with_its_label_and_qid(
    gaz: Gazetteer, file: str, actor: dict[str, Any]
) -> None:
    hit = gaz.lookup(actor["label"])
    assert hit is not None, f"{file}: {actor['label']} missing"
    entry = hit[0]
    assert (entry.label, entry.wikidata, entry.type.value) == (
        actor["label"], actor["wikidata"], actor["type"]
    )
    if actor.get("acts_for"):
        assert entry.acts_for is not None
        assert gaz.entry(entry.acts_for).label == actor["acts_for"]


def test_gold_aliases_never_resolve_to_another_actor(gaz: Gazetteer) -> None:
    wrong = []
    for file, actor in gold_actors():
        for alias in [actor["label"], *actor.get("aliases", [])]:
            hit = gaz.lookup(alias)
            if hit is not None and hit[0].label != actor["label"]:
                wrong.append((file, alias, actor["label"], hit[0].label))
    assert wrong == []


def test_gold_group_members_match(gaz: Gazetteer) -> None:
    for _file, actor in gold_actors():
        hit = gaz.lookup(actor["label"])
        if actor["type"] == "ActorGroup" and hit is not None and actor.get("members"):
            members = {gaz.entry(key).label for key in hit[0].members}
            assert members == set(actor["members"]), actor["label"]


# -- office titles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("French President", "president-of-france"),
        ("President of France", "president-of-france"),
        ("U.S. President", "president-of-united-states"),
        ("President of the United States", "president-of-united-states"),
        ("British Prime Minister", "prime-minister-of-united-kingdom"),
        ("British PM", "prime-minister-of-united-kingdom"),
        ("Prime Minister of the United Kingdom", "prime-minister-of-united-kingdom"),
        ("German Chancellor", "chancellor-of-germany"),
        ("British Chancellor", "finance-minister-of-united-kingdom"),
        ("Britain's ambassador to the UN", "un-ambassador-of-united-kingdom"),
        ("Britain ambassador to the UN", "un-ambassador-of-united-kingdom"),
        ("Iran’s UN envoy", "un-ambassador-of-iran"),
        ("Russia's top diplomat", "foreign-minister-of-russia"),
        ("Kremlin envoy", "envoy-of-russia"),
        ("Ukrainian Defence Minister", "defence-minister-of-ukraine"),
        ("Secretary of State", "foreign-minister-of-united-states"),
        ("U.S. Secretary of State", "foreign-minister-of-united-states"),
        ("Defense Secretary", "defence-minister-of-united-states"),
        ("Chinese Premier", "prime-minister-of-china"),
        ("Saudi King", "king-of-saudi-arabia"),
        ("European Commission President", "president-of-european-commission"),
        ("EU foreign policy chief", "high-representative-of-european-union"),
        ("NATO Secretary General", "secretary-general-of-nato"),
        ("NATO chief", "secretary-general-of-nato"),
        ("UN Secretary-General", "secretary-general-of-united-nations"),
        ("IAEA chief", "director-general-of-international-atomic-energy-agency"),
    ],
)
def test_post_for_title(gaz: Gazetteer, title: str, key: str) -> None:
    post = gaz.post_for_title(title)
    assert post is not None and post.key == key


@pytest.mark.parametrize("title", ["the Prime Minister", "President", "UN ambassador",
                                   "Atlantis President", "British King of Pop"])
def test_title_without_known_state_is_no_post(gaz: Gazetteer, title: str) -> None:
    assert gaz.post_for_title(title) is None


def test_generated_post_label_and_titles(gaz: Gazetteer) -> None:
    post = gaz.post("president-of-united-states")
    assert post is not None
    assert (post.label, post.of) == ("President of the United States", "united-states")
    assert {"American President", "U.S. President", "President of the United States"} <= set(
        post.titles
    )
    assert gaz.post("chancellor-of-germany") is not None
    assert gaz.post("chancellor-of-france") is None  # chancellor: Germany and Austria only
    assert gaz.post("king-of-france") is None


def test_listed_post_replaces_generated_label(gaz: Gazetteer) -> None:
    post = gaz.post("foreign-minister-of-united-states")
    assert post is not None and post.label == "United States Secretary of State"


# -- spaCy patterns ----------------------------------------------------------------------------


def test_ruler_patterns_are_deterministic_and_sorted() -> None:
    first = load_gazetteer(GAZETTEER).ruler_patterns()
    second = load_gazetteer(GAZETTEER).ruler_patterns()
    assert first == second
    assert first == sorted(first, key=lambda p: (p["id"], p["label"], repr(p["pattern"])))


def test_ruler_pattern_shapes(gaz: Gazetteer) -> None:
    patterns = gaz.ruler_patterns()
    assert {"label": "GPE", "pattern": [{"ORTH": "U.S."}], "id": "united-states"} in patterns
    assert {"label": "GPE", "pattern": [{"LOWER": "turkey", "IS_LOWER": False}],
            "id": "turkey"} in patterns
    assert {"label": "NORP", "pattern": [{"LOWER": "french", "IS_LOWER": False}],
            "id": "france"} in patterns
    assert {"label": "ORG", "pattern": [{"LOWER": "coalition"}, {"LOWER": "of"},
            {"LOWER": "the"}, {"LOWER": "willing"}], "id": "coalition-of-the-willing"} in patterns
    assert {"label": "PERSON", "pattern": [{"LOWER": "emmanuel"}, {"LOWER": "macron"}],
            "id": "emmanuel-macron"} in patterns


def test_form_tokens_agree_with_spacy_tokenizer(gaz: Gazetteer) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    forms = {f for e in gaz for f in (*e.names, *e.adjectives, *e.metonyms)}
    forms |= {f.replace("'", "’") for f in forms} | {"U.N.", "E.U.", "U.A.E."}
    disagree = [
        (f, tokenize_form(f), [t.text for t in nlp.make_doc(f)])
        for f in sorted(forms)
        if tokenize_form(f) != [t.text for t in nlp.make_doc(f)]
    ]
    assert disagree == []


def test_entity_ruler_tags_gazetteer_actors(gaz: Gazetteer) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None})
    ruler.add_patterns(gaz.ruler_patterns())
    doc = nlp(
        "U.S. President Donald Trump met Nato's Rutte in Washington, the Kremlin said. "
        "French and British envoys and the E3 met Iran’s envoy; us and turkey did not."
    )
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("U.S.", "GPE", "united-states"),
        ("Donald Trump", "PERSON", "donald-trump"),
        ("Nato", "ORG", "nato"),
        ("Rutte", "PERSON", "mark-rutte"),
        ("Washington", "GPE", "united-states"),
        ("Kremlin", "GPE", "russia"),
        ("French", "NORP", "france"),
        ("British", "NORP", "united-kingdom"),
        ("E3", "ORG", "e3"),
        ("Iran", "GPE", "iran"),
    ]


# -- loading -------------------------------------------------------------------------------


def test_default_gazetteer_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


MINIMAL = """\
actors:
- {key: france, label: France, type: State, wikidata: Q142, adjectives: [French],
   metonyms: [Paris]}
- {key: germany, label: Germany, type: State, wikidata: Q183}
- {key: e3, label: E3, type: ActorGroup, wikidata: null, members: [france, germany]}
- {key: emmanuel-macron, label: Emmanuel Macron, type: Person, wikidata: Q3052772,
   names: [Macron], acts_for: france, post: president-of-france}
titles:
- {key: president, label: "President of {state}", forms: [President]}
"""


def write(folder: Path, text: str, name: str = "actors.yaml") -> Path:
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_minimal_folder_loads(tmp_path: Path) -> None:
    gaz = load_gazetteer(write(tmp_path, MINIMAL))
    assert [e.key for e in gaz] == ["e3", "emmanuel-macron", "france", "germany"]
    post = gaz.post_for_title("French President")
    assert post is not None and post.label == "President of France"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("acts_for: france", "acts_for: frnace"),
         "actors.yaml: entry 'emmanuel-macron': acts_for 'frnace' is not a known key. "
         "Fix: use an existing key (did you mean 'france'?)"),
        (("members: [france, germany]", "members: [france, prussia]"),
         "actors.yaml: entry 'e3': member 'prussia' is not a known key"),
        (("key: germany", "key: france"), "actors.yaml: entry 'france': key also used in"),
        (("label: Germany, ", ""), "actors.yaml: entry 'germany': the label is missing"),
        (("type: State, wikidata: Q183", "wikidata: Q183"),
         "actors.yaml: entry 'germany': type None is missing or unknown"),
        (("wikidata: Q183", "wikidata: Q0183"),
         "actors.yaml: entry 'germany': Wikidata id 'Q0183' is not of the form Q123"),
        (("wikidata: Q183", "wikidata: Q142"),
         "actors.yaml: entry 'germany': Wikidata id Q142 is also given to 'france'"),
        (("wikidata: Q183}", "wikidata: Q183, names: [Paris]}"),
         "actors.yaml: entry 'france': the form 'Paris' also names 'germany'"),
        (("metonyms: [Paris]", "metonym: [Paris]"),
         "actors.yaml: entry 'france': unknown field 'metonym'"),
        (("post: president-of-france", "post: king-of-france"),
         "actors.yaml: entry 'emmanuel-macron': post 'king-of-france' is not a known post"),
        (("titles:", "title:"), "actors.yaml: unknown section 'title'"),
    ],
)
def test_malformed_gazetteer_is_reported(tmp_path: Path, change: tuple[str, str],
                                         message: str) -> None:
    old, new = change
    assert old in MINIMAL
    write(tmp_path, MINIMAL.replace(old, new, 1))
    with pytest.raises(DataFileError) as caught:
        load_gazetteer(tmp_path)
    assert message in str(caught.value)
    assert "Fix:" in str(caught.value)


def test_listed_ambiguous_form_resolves_to_preferred(tmp_path: Path) -> None:
    text = MINIMAL.replace("wikidata: Q183}", "wikidata: Q183, names: [Paris]}")
    write(tmp_path, text)
    write(tmp_path, "ambiguous:\n- {surface: Paris, keys: [france, germany], prefer: france}\n",
          "ambiguous.yaml")
    gaz = load_gazetteer(tmp_path)
    hit = gaz.lookup("Paris")
    assert hit is not None and hit[0].key == "france"
    assert all(p["id"] == "france" for p in gaz.ruler_patterns()
               if p["pattern"] == [{"LOWER": "paris", "IS_LOWER": False}])


def test_invalid_yaml_and_missing_folder_are_reported(tmp_path: Path) -> None:
    write(tmp_path, "actors: [")
    with pytest.raises(DataFileError, match=r"actors\.yaml: not valid YAML"):
        load_gazetteer(tmp_path)
    with pytest.raises(DataFileError, match="does not exist"):
        load_gazetteer(tmp_path / "missing")


def test_lookup_memos_stay_bounded_and_give_the_same_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kgbuild.resources.gazetteer as module

    fresh = module.load_gazetteer(GAZETTEER)
    forms = ["France", "the U.S.'s", "Kremlin", "Narnia", "French President", "NATO chief"]
    expected = [(fresh.lookup(f), fresh.post_for_title(f)) for f in forms]
    monkeypatch.setattr(module, "MEMO_SIZE", 2)
    bounded = module.load_gazetteer(GAZETTEER)
    for _ in range(3):
        assert [(bounded.lookup(f), bounded.post_for_title(f)) for f in forms] == expected
        assert len(bounded._looked_up) <= 2 and len(bounded._title_posts) <= 2
    assert expected[0][0] is not None and expected[4][1] is not None
