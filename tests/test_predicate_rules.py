"""The rule index of `find_predicates`: each rule is tried only on the parts of speech it
is listed under, so a rule that could fire on another part of speech would be lost."""

from __future__ import annotations

from pathlib import Path

from kgbuild import read_articles
from kgbuild.extract.predicates import RULE_TRIGGERS
from kgbuild.nlp import load_nlp
from kgbuild.resources.lexicons import load_lexicon

ROOT = Path(__file__).resolve().parents[1]


def test_no_rule_fires_on_a_part_of_speech_it_is_not_indexed_under() -> None:
    lexicon = load_lexicon()
    texts = [a.text for a in read_articles([ROOT / "data" / "articles"])]
    fired = 0
    for doc in load_nlp().pipe(texts, batch_size=16):
        for token in doc:
            for rule, parts in RULE_TRIGGERS:
                found = list(rule(token, lexicon))
                fired += bool(found)
                if parts is not None:
                    assert not found or token.pos_ in parts, (rule.__name__, token.sent.text)
    assert fired > 50  # the corpus exercises the rules
