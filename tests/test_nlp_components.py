"""kgbuild's spaCy components: the gazetteer ruler agrees with spaCy's EntityRuler on the
same patterns, keeps the gazetteer's case rules, sentences start at line breaks, and the
indexed attribute rules annotate exactly as the model's AttributeRuler, and the memo
lemmatizer lemmatizes as the model's lemmatizer."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from conftest import ARTICLES
from kgbuild.document import read_articles
from kgbuild.nlp import DEFAULT_MODEL, load_nlp
from kgbuild.nlp.attribute_rules import IndexedAttributeRuler
from kgbuild.nlp.components import (
    ATTRIBUTE_RULES,
    LEMMATIZER,
    _gazetteer_patterns,
    _lemma_patterns,
)
from kgbuild.nlp.gazetteer_ruler import GazetteerRuler
from kgbuild.nlp.lemma_memo import MemoLemmatizer, UnsupportedLemmatizer

SENTENCES = [
    "The U.S. and the EU told us that Turkey would not roast a turkey.",
    "Washington, Moscow and Kyiv met in Paris; the Kremlin said NATO's Mark Rutte was there.",
    "French President Emmanuel Macron and the coalition of the willing met the E3 and the UN.",
]


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    return spacy.load(DEFAULT_MODEL, exclude=["ner"])


def _ents(doc: spacy.tokens.Doc) -> list[tuple[int, int, str, str]]:
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


def test_gazetteer_ruler_agrees_with_spacys_entity_ruler(blank: spacy.language.Language) -> None:
    patterns = _gazetteer_patterns()
    reference = spacy.blank("en").add_pipe(
        "entity_ruler", config={"overwrite_ents": True, "phrase_matcher_attr": None}
    )
    reference.add_patterns(patterns)
    ours = GazetteerRuler(blank, patterns)
    texts = SENTENCES + [a.text for a in read_articles([ARTICLES])]
    for text in texts:
        assert _ents(ours(blank.make_doc(text))) == _ents(reference(blank.make_doc(text)))


def test_case_rules_hold(blank: spacy.language.Language) -> None:
    ruler = GazetteerRuler(blank, _gazetteer_patterns())
    doc = ruler(blank.make_doc(SENTENCES[0]))
    found = {e.text: e.ent_id_ for e in doc.ents}
    assert found["U.S."] == "united-states"
    assert found["Turkey"] == "turkey"
    assert "us" not in found and "turkey" not in found


def test_sentences_start_after_line_breaks() -> None:
    doc = load_nlp()("Europe Steps Forward\nFrance announced its readiness to help.")
    assert [s.text.strip() for s in doc.sents] == [
        "Europe Steps Forward",
        "France announced its readiness to help.",
    ]


# The patterns of the model's ruler with unusual shapes: regular expressions ("nothin'",
# "y'all"), two-token patterns ("there is"), dependency tests (auxiliaries, pronoun
# determiners) and whitespace tokens.
RULER_CASES = [
    "Y'all know there is nothin' we can't do, and there were gets and got.",
    "That was what she wanted; this is his.\n\n  Those who were there had left.",
    "He has been told to go.   It is done.",
]


def test_indexed_attribute_rules_annotate_as_spacys_attribute_ruler() -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = IndexedAttributeRuler(ruler)
    texts = RULER_CASES + [a.text for a in read_articles([ARTICLES])]
    columns = [POS, MORPH, LEMMA, TAG, DEP]
    for doc in nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]):
        theirs, ours = (spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes()) for _ in "ab")
        assert indexed.matches(ours) == sorted(set(ruler.match(theirs)))
        ruler(theirs)
        indexed(ours)
        assert (theirs.to_array(columns) == ours.to_array(columns)).all()


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Russia hoped to join the talks.", "hoped", "hope"),
        ("Russia hopes that Ukraine will withdraw.", "hopes", "hope"),
        ("They are hoping for a deal.", "hoping", "hope"),
        ("Uzbekistan installed five gauges.", "installed", "install"),
        ("Rabbits hop.", "hop", "hop"),  # the form the lemmatizer confused stays itself
    ],
)
def test_forms_the_lemmatizer_gets_wrong_are_corrected(text: str, word: str, lemma: str) -> None:
    doc = load_nlp()(text)
    assert [t.lemma_ for t in doc if t.text == word] == [lemma]


def test_lemma_corrections_leave_the_indexed_attribute_rules_in_place() -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add_patterns(_lemma_patterns())
    indexed = IndexedAttributeRuler(ruler)
    for doc in nlp.pipe([*RULER_CASES, "Russia hoped to join.", "Kenya is installing meters."],
                        disable=["attribute_ruler", "lemmatizer", "ner"]):
        theirs, ours = (spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes()) for _ in "ab")
        ruler(theirs)
        indexed(ours)
        assert [t.lemma_ for t in theirs] == [t.lemma_ for t in ours]


def test_loaded_pipeline_uses_the_indexed_attribute_rules() -> None:
    names = load_nlp().pipe_names
    assert ATTRIBUTE_RULES in names and "attribute_ruler" not in names


def test_sentence_starts_after_a_paragraphs_dateline() -> None:
    doc = load_nlp()(
        "Talks resume\n\nDOHA/GAZA, Nov 27 (Reuters) - Israel and Hamas agreed to extend "
        "the truce."
    )
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[1:] == [
        "DOHA/GAZA, Nov 27 (Reuters) -",
        "Israel and Hamas agreed to extend the truce.",
    ]


def test_the_subject_after_a_dateline_stays_in_its_sentence() -> None:
    doc = load_nlp()(
        "BAKU, Oct 14 - Azerbaijan will raise pipeline gas supplies to the European Union "
        "by up to 4 billion cubic metres (bcm) a year from 2027, but only if European buyers "
        "sign contracts running for at least 15 years, Energy Minister Parviz Shahbazov said."
    )
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "BAKU, Oct 14 -"
    assert sentences[1].startswith("Azerbaijan will raise pipeline gas supplies")
    assert len(sentences) == 2


def test_memo_lemmatizer_sets_the_lemmas_of_spacys_lemmatizer() -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    memo = MemoLemmatizer(nlp.get_pipe("lemmatizer"))
    texts = RULER_CASES + [a.text for a in read_articles([ARTICLES])]
    # Twice over: the second time every lemma comes from the memo.
    for doc in nlp.pipe(texts + texts, disable=["lemmatizer", "ner"]):
        theirs, ours = (spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes()) for _ in "ab")
        nlp.get_pipe("lemmatizer")(theirs)
        memo(ours)
        assert [t.lemma_ for t in theirs] == [t.lemma_ for t in ours]
    assert memo.memo


def test_loaded_pipeline_uses_the_memo_lemmatizer() -> None:
    names = load_nlp().pipe_names
    assert LEMMATIZER in names and "lemmatizer" not in names
    assert names.index(ATTRIBUTE_RULES) < names.index(LEMMATIZER)


def test_memo_lemmatizer_leaves_a_lemmatizer_with_its_own_rules_alone() -> None:
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    class OwnRules(EnglishLemmatizer):
        def rule_lemmatize(self, token: spacy.tokens.Token) -> list[str]:
            return [token.text.upper()]

    lemmatizer = spacy.load(DEFAULT_MODEL).get_pipe("lemmatizer")
    lemmatizer.__class__ = OwnRules
    with pytest.raises(UnsupportedLemmatizer):
        MemoLemmatizer(lemmatizer)
