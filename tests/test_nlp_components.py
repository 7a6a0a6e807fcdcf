"""kgbuild's spaCy components: the gazetteer ruler agrees with spaCy's EntityRuler on the
same patterns, keeps the gazetteer's case rules, and sentences start at line breaks."""

from __future__ import annotations

import pytest
import spacy

from conftest import ARTICLES
from kgbuild.document import read_articles
from kgbuild.nlp import DEFAULT_MODEL, load_nlp
from kgbuild.nlp.components import _gazetteer_patterns
from kgbuild.nlp.gazetteer_ruler import GazetteerRuler

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
