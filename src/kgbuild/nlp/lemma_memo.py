"""The model's rule lemmatizer, with every answer remembered.

spaCy's rule lemmatizer caches the lemmas it derives by rule, but not the commonest case:
a word it finds already in its base form (a singular noun, an infinitive) is checked again
at every occurrence, reading the token's morphology each time. Its answer depends only on
the word, its part of speech and its morphology, so this component asks it once per such
triple and sets the remembered lemma at every other occurrence: the lemmas are the same
(a test compares them token by token on the dev corpus).
"""

from __future__ import annotations

from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

MEMO_SIZE = 200_000
"""(word, part of speech, morphology) triples remembered before the memo starts afresh."""


class UnsupportedLemmatizer(ValueError):
    """A lemmatizer whose answers depend on more than the word, part of speech and
    morphology: keep spaCy's component."""


class MemoLemmatizer:
    """Sets the lemma a rule `Lemmatizer` gives, asking it once per distinct word."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise UnsupportedLemmatizer(f"mode {lemmatizer.mode!r}")
        # spaCy's rule lemmatizer keys its own cache on the same triple; a language whose
        # lemmatizer replaces the rule method may read more of the token.
        if type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize:
            raise UnsupportedLemmatizer(f"{type(lemmatizer).__name__} has its own rules")
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        memo = self.memo
        strings = doc.vocab.strings
        for token in doc:
            if token.lemma != 0:  # set by the attribute ruler: kept, as spaCy keeps it
                continue
            key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
            lemma = memo.get(key)
            if lemma is None:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                lemma = memo[key] = strings.add(self.lemmatizer.lemmatize(token)[0])
            token.lemma = lemma
        return doc
