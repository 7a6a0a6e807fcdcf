"""`kgbuild eval`: gold reading, matching rules, metrics and rendering.

Most tests build `Extraction` records by hand, so they need no spaCy model; the CLI tests
at the end run the real pipeline on a tiny article.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kgbuild.cli import main
from kgbuild.document import read_articles
from kgbuild.evaluate import (
    ArticleScores,
    CorpusScores,
    Counts,
    Figures,
    Gold,
    GoldFileError,
    Tally,
    evaluate_corpus,
    gold_file_for,
    load_gold,
    render_json,
    render_text,
    score_article,
)
from kgbuild.evaluate.matching import label_key, text_similarity, tokens
from kgbuild.records import (
    Actor,
    ActorType,
    Article,
    Commitment,
    Condition,
    ConditionType,
    Extraction,
    Polarity,
    Span,
    Status,
)

TEXT = (
    "France pledged to send troops to Ukraine once a ceasefire holds. "
    "Germany ruled out sending jets, officials said. "
    "France promised air defence and Germany offered to train pilots. "
    "Italy is considering a naval mission."
)
DEV = Path(__file__).resolve().parents[1] / "data" / "articles"

FRANCE = Actor("france", "France", ActorType.STATE, "Q142")
GERMANY = Actor("germany", "Germany", ActorType.STATE, "Q183")
ITALY = Actor("italy", "Italy", ActorType.STATE, "Q38")
UKRAINE = Actor("ukraine", "Ukraine", ActorType.STATE, "Q212")
ACTORS = (FRANCE, GERMANY, ITALY, UKRAINE)


# -- helpers ---------------------------------------------------------------------------


def span(phrase: str, text: str = TEXT) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def sentence_of(phrase: str, text: str = TEXT) -> Span:
    """Give the sentence holding `phrase`, as the extractor's evidence would be."""
    start = text.index(phrase)
    begin = text.rfind(". ", 0, start)
    begin = 0 if begin < 0 else begin + 2
    end = text.index(".", start + len(phrase)) + 1
    return Span(begin, end, text[begin:end])


def commitment(
    phrase: str,
    action: str,
    *debtors: str,
    polarity: Polarity = Polarity.POSITIVE,
    status: Status = Status.PLEDGED,
    conditions: tuple[Condition, ...] = (),
) -> Commitment:
    return Commitment(
        action=action,
        polarity=polarity,
        status=status,
        evidence=sentence_of(phrase),
        debtors=debtors,
        conditions=conditions,
    )


def gold_commitment(sentence: str, action: str, *debtor: str, **fields: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "sentence": sentence,
        "debtor": list(debtor),
        "beneficiary": [],
        "requested_by": [],
        "stated_by": [],
        "action": action,
        "polarity": "positive",
        "status": "pledged",
        "status_also": [],
        "conditions": [],
        "optional": False,
    }
    item.update(fields)
    return item


GOLD_ACTORS = [
    {"label": "France", "type": "State", "wikidata": "Q142", "aliases": ["French", "Paris"]},
    {"label": "Germany", "type": "State", "wikidata": "Q183", "aliases": []},
    {"label": "Italy", "type": "State", "wikidata": "Q38", "aliases": []},
    {"label": "Ukraine", "type": "State", "wikidata": "Q212", "aliases": ["Kyiv"]},
]


def write_gold(
    folder: Path, commitments: list[dict[str, Any]], actors: list[dict[str, Any]] | None = None,
    name: str = "a",
) -> Path:
    path = folder / f"{name}.gold.json"
    document = {
        "article": f"{name}.txt",
        "actors": GOLD_ACTORS if actors is None else actors,
        "commitments": commitments,
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def score(
    tmp_path: Path,
    gold_items: list[dict[str, Any]],
    predicted: tuple[Commitment, ...],
    *,
    actors: tuple[Actor, ...] = ACTORS,
    gold_actors: list[dict[str, Any]] | None = None,
    text: str = TEXT,
) -> ArticleScores:
    gold = load_gold(write_gold(tmp_path, gold_items, gold_actors), text)
    article = Article(id="a", text=text, path=str(tmp_path / "a.txt"))
    return score_article(Extraction(article, actors, predicted, sentences(text)), gold)


def sentences(text: str) -> tuple[Span, ...]:
    """Give the sentences of a text whose sentences all end in '. ' (or '.' at the end)."""
    spans, start = [], 0
    while start < len(text):
        end = text.find(". ", start)
        end = len(text) if end < 0 else end + 1
        spans.append(Span(start, end, text[start:end]))
        start = end + 1
    return tuple(spans)


def kinds(scores: ArticleScores) -> list[str]:
    return [f.kind for f in scores.findings]


# -- normalisation and similarity ------------------------------------------------------


def test_label_key_ignores_case_quotes_dots_and_leading_the() -> None:
    assert label_key("the U.S.") == label_key("US")
    assert label_key("Ukraine’s allies") == label_key("ukraine's  allies")
    assert label_key("“E3”") == label_key("E3")


def test_tokens_drop_punctuation_quotes_and_possessives() -> None:
    assert tokens("Europe’s “historic responsibility”, allies' role") == (
        "europe", "historic", "responsibility", "allies", "role",
    )


def test_text_similarity_by_jaccard_or_containment() -> None:
    assert text_similarity("send troops", "send troops to Ukraine", 0.9) == 0.5  # contained
    assert text_similarity("send troops", "deploy soldiers", 0.3) is None
    assert text_similarity("extend formal guarantees", "extend guarantees now", 0.5) == 0.5


# -- commitment matching ---------------------------------------------------------------


def test_exact_match_scores_perfectly(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France pledged to send troops", "send troops to Ukraine", "France")],
        (commitment("France pledged", "send troops to Ukraine", "france"),),
    )
    f = result.figures
    assert f.commitments == Counts(tp=1)
    assert (f.commitments.precision, f.commitments.recall, f.commitments.f1) == (1.0, 1.0, 1.0)
    assert (f.polarity, f.status, f.debtors) == (Tally(1, 1), Tally(1, 1), Tally(1, 1))
    assert result.findings == ()


def test_same_sentence_other_debtor_and_dissimilar_action_is_no_match(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France pledged to send troops", "send troops to Ukraine", "France")],
        (commitment("France pledged", "host a summit", "germany"),),
    )
    f = result.figures
    assert f.commitments == Counts(tp=0, fp=1, fn=1)
    assert (f.commitments.precision, f.commitments.recall, f.commitments.f1) == (0.0, 0.0, 0.0)
    assert f.polarity == Tally()
    assert kinds(result) == ["miss", "extra"]


def test_same_debtor_and_action_in_another_sentence_is_no_match(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("Germany ruled out sending jets", "send jets", "Germany",
                         polarity="negative")],
        (commitment("Italy is considering", "send jets", "germany", polarity=Polarity.NEGATIVE),),
    )
    assert result.figures.commitments == Counts(tp=0, fp=1, fn=1)


def test_similar_action_matches_despite_wrong_debtor(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France pledged to send troops", "send troops to Ukraine", "France")],
        (commitment("France pledged", "send troops", "ukraine"),),
    )
    f = result.figures
    assert f.commitments == Counts(tp=1)
    assert f.debtors == Tally(0, 1)
    (finding,) = result.findings
    assert (finding.kind, finding.gold, finding.predicted) == ("debtors", "France", "Ukraine")


def test_overlapping_debtors_match_despite_dissimilar_action(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France pledged to send troops", "send troops to Ukraine", "France")],
        (commitment("France pledged", "deploy soldiers", "france"),),
    )
    assert result.figures.commitments == Counts(tp=1)


def test_two_commitments_in_one_sentence_are_paired_by_action(tmp_path: Path) -> None:
    # Both predictions name both debtors, so only the actions can tell the pairs apart.
    result = score(
        tmp_path,
        [
            gold_commitment("France promised air defence", "air defence", "France"),
            gold_commitment("Germany offered to train pilots", "train pilots", "Germany",
                            status="signaled"),
        ],
        (
            commitment("France promised", "train pilots", "france", "germany",
                       status=Status.SIGNALED),
            commitment("France promised", "provide air defence", "france", "germany"),
        ),
    )
    f = result.figures
    assert f.commitments == Counts(tp=2)
    assert f.status == Tally(2, 2)  # each prediction paired with the gold item of its action
    assert f.debtors == Tally(0, 2)


def test_one_prediction_matches_only_one_gold_item(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [
            gold_commitment("France promised air defence", "provide air defence", "France"),
            gold_commitment("France promised air defence", "provide air defence", "France"),
        ],
        (commitment("France promised", "provide air defence", "france"),),
    )
    assert result.figures.commitments == Counts(tp=1, fn=1)


def test_optional_gold_found_is_neither_hit_nor_error(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("Italy is considering a naval mission", "launch a naval mission", "Italy",
                         status="considered", optional=True)],
        (commitment("Italy is considering", "a naval mission", "italy", status=Status.PLEDGED),),
    )
    f = result.figures
    assert f.commitments == Counts()
    assert f.commitments.f1 is None
    assert f.status == Tally()  # an optional pair is not judged either
    assert result.findings == ()


def test_optional_gold_missed_is_not_a_miss(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [
            gold_commitment("France pledged to send troops", "send troops to Ukraine", "France"),
            gold_commitment("Italy is considering a naval mission", "a naval mission", "Italy",
                            optional=True),
        ],
        (commitment("France pledged", "send troops to Ukraine", "france"),),
    )
    assert result.figures.commitments == Counts(tp=1)


def test_status_also_counts_as_right(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [
            gold_commitment("France pledged to send troops", "send troops", "France",
                            status="signaled", status_also=["pledged"]),
            gold_commitment("Italy is considering", "a naval mission", "Italy",
                            status="considered", status_also=["signaled"]),
        ],
        (
            commitment("France pledged", "send troops", "france", status=Status.PLEDGED),
            commitment("Italy is considering", "a naval mission", "italy", status=Status.PLEDGED),
        ),
    )
    assert result.figures.status == Tally(1, 2)
    (finding,) = result.findings
    assert (finding.kind, finding.gold, finding.predicted) == (
        "status", "considered (or signaled)", "pledged",
    )


def test_polarity_disagreement_is_counted_and_shown(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("Germany ruled out sending jets", "sending jets", "Germany",
                         polarity="negative")],
        (commitment("Germany ruled out", "send jets", "germany"),),
    )
    assert result.figures.polarity == Tally(0, 1)
    (finding,) = result.findings
    assert (finding.kind, finding.gold, finding.predicted) == ("polarity", "negative", "positive")
    assert finding.sentence == "Germany ruled out sending jets, officials said."


def test_debtor_set_must_be_equal_not_just_overlapping(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France promised air defence", "air defence", "France", "Germany")],
        (commitment("France promised", "air defence", "france"),),
    )
    assert result.figures.commitments == Counts(tp=1)
    assert result.figures.debtors == Tally(0, 1)


def test_debtor_keys_map_to_gold_labels_through_aliases(tmp_path: Path) -> None:
    paris = Actor("paris", "Paris", ActorType.STATE)
    result = score(
        tmp_path,
        [gold_commitment("France pledged to send troops", "send troops", "France")],
        (commitment("France pledged", "send troops", "paris"),),
        actors=(paris,),
    )
    assert result.figures.debtors == Tally(1, 1)


def test_debtor_key_without_actor_record_is_compared_by_its_own_form(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France promised air defence", "air defence", "France", "Germany")],
        (commitment("France promised", "air defence", "france", "germany"),),
        actors=(),
    )
    assert result.figures.debtors == Tally(1, 1)

# -- conditions ------------------------------------------------------------------------


def condition(phrase: str, kind: ConditionType = ConditionType.PREREQUISITE) -> Condition:
    return Condition(phrase, kind, span(phrase))


def test_condition_with_marker_word_matches_by_containment(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France pledged to send troops", "send troops", "France",
                         conditions=[{"text": "a ceasefire holds", "type": "prerequisite"}])],
        (commitment("France pledged", "send troops", "france",
                    conditions=(condition("once a ceasefire holds"),)),),
    )
    f = result.figures
    assert f.conditions == Counts(tp=1)
    assert f.condition_types == Tally(1, 1)


def test_condition_type_disagreement(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France pledged to send troops", "send troops", "France",
                         conditions=[{"text": "a ceasefire holds", "type": "prerequisite"}])],
        (commitment("France pledged", "send troops", "france",
                    conditions=(condition("a ceasefire holds", ConditionType.TRIGGER),)),),
    )
    assert result.figures.conditions == Counts(tp=1)
    assert result.figures.condition_types == Tally(0, 1)
    assert kinds(result) == ["condition-type"]


def test_dissimilar_condition_is_one_miss_and_one_extra(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France pledged to send troops", "send troops", "France",
                         conditions=[{"text": "a ceasefire holds", "type": "prerequisite"}])],
        (commitment("France pledged", "send troops", "france",
                    conditions=(condition("send troops to Ukraine"),)),),
    )
    f = result.figures
    assert f.conditions == Counts(fp=1, fn=1)
    assert (f.conditions.precision, f.conditions.recall, f.conditions.f1) == (0.0, 0.0, 0.0)
    assert kinds(result) == ["condition-miss", "condition-extra"]


def test_conditions_of_unmatched_commitments_are_misses_and_extras(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France pledged to send troops", "send troops", "France",
                         conditions=[{"text": "a ceasefire holds", "type": "prerequisite"}])],
        (commitment("Italy is considering", "a naval mission", "italy",
                    conditions=(condition("a ceasefire holds"),)),),
    )
    assert result.figures.conditions == Counts(fp=1, fn=1)


def test_conditions_of_an_optional_pair_are_not_counted(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France pledged to send troops", "send troops", "France", optional=True,
                         conditions=[{"text": "a ceasefire holds", "type": "prerequisite"}])],
        (commitment("France pledged", "send troops", "france",
                    conditions=(condition("send troops to Ukraine"),)),),
    )
    assert result.figures.conditions == Counts()


# -- evidence spans --------------------------------------------------------------------


def test_bad_spans_are_counted_once_each(tmp_path: Path) -> None:
    good = commitment("France pledged", "send troops", "france")
    shifted = Span(good.evidence.start + 1, good.evidence.end + 1, good.evidence.text)
    outside = Span(len(TEXT), len(TEXT) + 5, "jets.")
    wrong_condition = Condition("a ceasefire", ConditionType.TRIGGER, Span(0, 11, "a ceasefire"))
    predicted = (
        good,
        Commitment("send jets", Polarity.NEGATIVE, Status.PLEDGED, shifted, ("germany",),
                   conditions=(wrong_condition,), cue=outside),
        Commitment("send jets", Polarity.NEGATIVE, Status.PLEDGED, shifted, ("germany",)),
    )
    actors = (Actor("france", "France", ActorType.STATE, mentions=(span("France"), outside)),)
    result = score(tmp_path, [], predicted, actors=actors)
    assert result.figures.bad_spans == 3  # shifted, outside, wrong_condition; each once
    assert kinds(result).count("bad-span") == 3


def test_spans_that_reproduce_their_text_are_not_bad(tmp_path: Path) -> None:
    predicted = (commitment("France pledged", "send troops", "france",
                            conditions=(condition("a ceasefire holds"),)),)
    actors = (Actor("france", "France", ActorType.STATE, mentions=(span("France"),)),)
    assert score(tmp_path, [], predicted, actors=actors).figures.bad_spans == 0


# -- actors and links ------------------------------------------------------------------

GROUP_ACTORS = [
    {"label": "United States", "type": "State", "wikidata": "Q30", "aliases": ["U.S."]},
    {"label": "Ukraine's allies", "type": "ActorGroup", "wikidata": None, "aliases": []},
    {"label": "European Union", "type": "Organization", "wikidata": "Q458", "aliases": []},
    {"label": "Russia", "type": "State", "wikidata": "Q159", "aliases": ["Moscow"]},
    {"label": "China", "type": "State", "wikidata": "Q148", "aliases": []},
]


def test_actor_recall_by_label_alias_curly_apostrophe_and_key(tmp_path: Path) -> None:
    predicted = (
        Actor("us", "the U.S.", ActorType.STATE, "Q30"),  # an alias, after normalising
        Actor("allies", "Ukraine’s allies", ActorType.GROUP),  # curly apostrophe
        Actor("european-union", "EU", ActorType.ORGANIZATION, "Q458"),  # the key
        Actor("kremlin", "Kremlin", ActorType.ORGANIZATION, "Q159"),  # no label, alias or key
    )
    result = score(tmp_path, [], (), actors=predicted, gold_actors=GROUP_ACTORS)
    assert result.figures.actors == Tally(3, 5)
    misses = [f.what for f in result.findings if f.kind == "actor-miss"]
    assert misses == ["Russia (State)", "China (State)"]


def test_link_accuracy_over_found_gold_actors_with_a_qid(tmp_path: Path) -> None:
    predicted = (
        Actor("us", "United States", ActorType.STATE, "wd:Q30"),  # right, prefixed
        Actor("allies", "Ukraine's allies", ActorType.GROUP, "Q1"),  # gold has no QID
        Actor("eu", "European Union", ActorType.ORGANIZATION, "Q999"),  # wrong
        Actor("russia", "Russia", ActorType.STATE),  # missing
    )
    result = score(tmp_path, [], (), actors=predicted, gold_actors=GROUP_ACTORS)
    assert result.figures.links == Tally(1, 3)  # China is not found, so not judged
    links = [(f.what, f.gold, f.predicted) for f in result.findings if f.kind == "link"]
    assert links == [("European Union", "Q458", "Q999"), ("Russia", "Q159", "(none)")]


# -- gold validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"status": "promised"}, "commitments[0].status", "'promised' is not one of: considered"),
        ({"polarity": "neutral"}, "commitments[0].polarity", "'neutral' is not one of: negative"),
        ({"status_also": ["maybe"]}, "commitments[0].status_also[0]", "'maybe' is not one of"),
        ({"debtor": ["Spain"]}, "commitments[0].debtor", "'Spain' is not the label of an actor"),
        ({"sentence": "Spain pledged"}, "commitments[0].sentence",
         "'Spain pledged' is not in the article text"),
        ({"action": ""}, "commitments[0].action", "must be a non-empty string"),
        ({"optional": "no"}, "commitments[0].optional", "must be true or false"),
        ({"conditions": [{"text": "x", "type": "whenever"}]}, "commitments[0].conditions[0].type",
         "'whenever' is not one of: exception, prerequisite, proviso, trigger"),
    ],
)
def test_malformed_gold_commitment_names_file_and_field(
    tmp_path: Path, change: dict[str, Any], field: str, message: str
) -> None:
    item = {**gold_commitment("France pledged", "send troops", "France"), **change}
    path = write_gold(tmp_path, [item])
    with pytest.raises(GoldFileError) as caught:
        load_gold(path, TEXT)
    assert str(caught.value).startswith(f"{path}: {field}: {message}")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("actor", "field", "message"),
    [
        ({"label": "Spain", "type": "Country"}, "actors[4].type",
         "'Country' is not one of: ActorGroup"),
        ({"label": "Spain", "type": "State", "wikidata": "Spain"}, "actors[4].wikidata",
         "'Spain' is not a QID"),
        ({"label": "france", "type": "State"}, "actors[4].label", "'france' is listed twice"),
        ({"label": "E3", "type": "ActorGroup", "members": ["France", "UK"]}, "actors[4].members",
         "'UK' is not the label of an actor"),
        ({"label": "Macron", "type": "Person", "acts_for": "Frankreich"}, "actors[4].acts_for",
         "'Frankreich' is not the label of an actor"),
    ],
)
def test_malformed_gold_actor_names_file_and_field(
    tmp_path: Path, actor: dict[str, Any], field: str, message: str
) -> None:
    path = write_gold(tmp_path, [], [*GOLD_ACTORS, actor])
    with pytest.raises(GoldFileError) as caught:
        load_gold(path, TEXT)
    assert str(caught.value).startswith(f"{path}: {field}: {message}")


def test_gold_that_is_not_json_says_where(tmp_path: Path) -> None:
    path = tmp_path / "a.gold.json"
    path.write_text('{"actors": [,]}', encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"a\.gold\.json: not valid JSON \(line 1, column 13"):
        load_gold(path, TEXT)


def test_gold_without_commitments_list_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "a.gold.json"
    path.write_text('{"actors": []}', encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"a\.gold\.json: commitments: missing; give a list"):
        load_gold(path, TEXT)


def test_gold_names_resolve_to_canonical_labels(tmp_path: Path) -> None:
    actors = [{"label": "Ukraine’s allies", "type": "ActorGroup", "members": ["France"]},
              {"label": "France", "type": "State", "wikidata": "Q142"}]
    path = write_gold(tmp_path, [gold_commitment("France pledged", "act", "ukraine's allies",
                                                 status="Pledged")], actors)
    gold = load_gold(path, TEXT)
    assert gold.commitments[0].debtor == ("Ukraine’s allies",)
    assert gold.commitments[0].status is Status.PLEDGED
    assert gold.commitments[0].locations == (span("France pledged"),)
    assert gold.actors[0].members == ("France",)



def test_gold_sentence_is_found_despite_quote_and_space_differences(tmp_path: Path) -> None:
    text = "Europe must take \u201chistoric responsibility\u201d for\nUkraine\u2019s stability."
    path = write_gold(tmp_path, [gold_commitment(
        'take "historic responsibility" for  Ukraine\'s stability', "take responsibility")])
    (where,) = load_gold(path, text).commitments[0].locations
    assert where.text == "take \u201chistoric responsibility\u201d for\nUkraine\u2019s stability"
    assert text[where.start : where.end] == where.text

# -- metrics and micro-averaging -------------------------------------------------------


def test_ratios_are_none_when_undefined() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (None, None, None)
    assert (Counts(fn=2).precision, Counts(fn=2).recall, Counts(fn=2).f1) == (None, 0.0, 0.0)
    assert Tally().ratio is None


def test_total_is_micro_averaged_over_articles() -> None:
    first = Figures(commitments=Counts(tp=3, fp=1, fn=0), polarity=Tally(3, 3))
    second = Figures(commitments=Counts(tp=1, fp=0, fn=4), polarity=Tally(0, 1), bad_spans=1)
    corpus = CorpusScores((ArticleScores("a", "a.txt", "a.gold.json", first),
                           ArticleScores("b", "b.txt", "b.gold.json", second)))
    total = corpus.total
    assert total.commitments == Counts(tp=4, fp=1, fn=4)
    assert total.commitments.precision == 0.8
    assert total.commitments.recall == 0.5
    assert total.commitments.f1 == pytest.approx(8 / 13)
    assert total.polarity.ratio == 0.75
    assert total.bad_spans == 1


@pytest.mark.parametrize("gold_file", sorted(DEV.glob("*.gold.json")), ids=lambda p: p.name)
def test_gold_read_back_as_a_prediction_scores_perfectly(gold_file: Path) -> None:
    """The dev gold files load, and an extractor that output them exactly would score 1."""
    (article,) = read_articles([gold_file.with_name(gold_file.name.replace(".gold.json", ".txt"))])
    gold = load_gold(gold_file, article.text)
    scores = score_article(_as_extraction(gold, article), gold)
    f = scores.figures
    required = sum(not c.optional for c in gold.commitments)
    assert f.commitments == Counts(tp=required)
    assert f.polarity == f.status == f.debtors == Tally(required, required)
    assert f.conditions.f1 in (1.0, None)
    assert f.actors == Tally(len(gold.actors), len(gold.actors))
    assert f.links.ratio in (1.0, None)
    assert f.bad_spans == 0
    assert scores.findings == ()


def _as_extraction(gold: Gold, article: Article) -> Extraction:
    keys = {a.label: f"actor-{i}" for i, a in enumerate(gold.actors)}
    actors = tuple(
        Actor(keys[a.label], a.label, a.type, a.wikidata) for a in gold.actors
    )
    commitments = tuple(
        Commitment(
            action=c.action,
            polarity=c.polarity,
            status=c.status,
            evidence=c.locations[0],
            debtors=tuple(keys[d] for d in c.debtor),
            conditions=tuple(Condition(k.text, k.type, c.locations[0]) for k in c.conditions),
        )
        for c in gold.commitments
    )
    return Extraction(article, actors, commitments)


# -- rendering -------------------------------------------------------------------------


def test_text_table_has_fixed_width_rows_and_a_total(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France pledged to send troops", "send troops to Ukraine", "France")],
        (commitment("France pledged", "send troops to Ukraine", "france"),
         commitment("Italy is considering", "a naval mission", "italy")),
    )
    lines = render_text(CorpusScores((result,))).splitlines()
    assert [line.split()[0] for line in lines[1:]] == ["article", "a", "TOTAL"]
    assert len({len(line) for line in lines[1:]}) == 1
    assert lines[2].split()[1:7] == ["1", "1", "0", "0.500", "1.000", "0.667"]


def test_verbose_text_lists_misses_and_extras_with_their_sentence(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("Germany ruled out sending jets", "send jets", "Germany",
                         polarity="negative")],
        (commitment("Italy is considering", "a naval mission", "italy",
                    status=Status.CONSIDERED),),
    )
    text = render_text(CorpusScores((result,)), verbose=True)
    assert (
        "  miss            Germany: 'send jets' (negative, pledged)\n"
        "                  in: Germany ruled out sending jets, officials said.\n"
        "  extra           Italy: 'a naval mission' (positive, considered)\n"
        "                  in: Italy is considering a naval mission.\n"
    ) in text


def test_json_has_counts_and_ratios_per_article_and_total(tmp_path: Path) -> None:
    result = score(
        tmp_path,
        [gold_commitment("France pledged to send troops", "send troops to Ukraine", "France")],
        (commitment("France pledged", "send troops to Ukraine", "france"),),
    )
    data = json.loads(render_json(CorpusScores((result,), skipped=("b.txt",)), verbose=True))
    assert data["articles"][0]["commitments"] == {
        "tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0,
    }
    assert data["articles"][0]["findings"] == []
    assert data["total"]["articles"] == 1
    assert data["total"]["summary"]["commitment_f1"] == 1.0
    assert data["total"]["summary"]["condition_f1"] is None
    assert data["skipped"] == ["b.txt"]


# -- the command, on the real pipeline -------------------------------------------------

ARTICLE = "France pledged to send troops to Ukraine once a ceasefire holds.\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    write_gold(folder, [gold_commitment(
        "France pledged to send troops", "send troops to Ukraine", "France",
        beneficiary=["Ukraine"],
        conditions=[{"text": "a ceasefire holds", "type": "prerequisite"}],
    )])
    (folder / "b.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    return folder


def test_eval_json_reports_what_evaluate_corpus_measures(corpus: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = evaluate_corpus(corpus)
    assert [a["article"] for a in data["articles"]] == ["a"]
    assert data["total"]["summary"] == expected.total.summary()
    assert data["total"]["commitments"]["tp"] + data["total"]["commitments"]["fn"] == 1
    assert data["total"]["actors"]["total"] == 4
    assert data["total"]["bad_spans"] == 0
    assert data["skipped"] == [str(corpus / "b.txt")]
    assert result.stderr == f"Note: {corpus / 'b.txt'} has no gold file (b.gold.json); skipped.\n"


def test_eval_text_output_is_deterministic(corpus: Path) -> None:
    first = CliRunner().invoke(main, ["eval", str(corpus), "--verbose"])
    second = CliRunner().invoke(main, ["eval", str(corpus), "--verbose"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    assert first.stdout.splitlines()[-1].startswith("TOTAL ")


def test_eval_malformed_gold_is_one_line_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = write_gold(tmp_path, [gold_commitment("France pledged", "send troops", "France",
                                                 status="promised")])
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {path}: commitments[0].status: 'promised' is not one of: considered, demanded, "
        "formalized, fulfilled, pledged, signaled, withdrawn.\n"
    )


def test_eval_folder_without_gold_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert "no article has a gold file" in result.stderr


def test_gold_file_sits_beside_the_article() -> None:
    article = Article(id="x", text="t", path="data/articles/x.txt")
    assert gold_file_for(article) == Path("data/articles/x.gold.json")
    assert gold_file_for(Article(id="feed-2", text="t", path="in/feed.jsonl"), shares_file=True) \
        == Path("in/feed-2.gold.json")
