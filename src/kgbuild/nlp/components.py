"""kgbuild's spaCy components: paragraph-aware sentence starts, the gazetteer entity ruler,
the cue matcher fed from the lexicons, the model's attribute ruler matched by index and its
lemmatizer asked once per distinct word."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..document.dateline import find_dateline
from ..records import Span
from ..resources.lexicons import load_lemma_fixes, load_lexicon
from .attribute_rules import IndexedAttributeRuler, UnsupportedPattern
from .gazetteer_ruler import GazetteerRuler
from .lemma_memo import MemoLemmatizer, UnsupportedLemmatizer

LINE_STARTS = "kgbuild_line_starts"
GAZETTEER_RULER = "kgbuild_gazetteer_ruler"
CUE_MATCHER = "kgbuild_cues"
CUE_SPANS = "kgbuild_cues"
ATTRIBUTE_RULES = "kgbuild_attribute_rules"
SPACY_ATTRIBUTE_RULER = "attribute_ruler"
LEMMATIZER = "kgbuild_lemmatizer"
SPACY_LEMMATIZER = "lemmatizer"


@Language.component(LINE_STARTS, assigns=["token.is_sent_start"])
def line_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break (headings and paragraphs never run together)
    and after a paragraph's dateline ("DOHA/GAZA, Nov 27 (Reuters) - Israel and Hamas
    agreed ...": the parser would otherwise take the place for the subject)."""
    text = doc.text  # built from the tokens on each access: read it once
    previous: Token | None = None
    for token in doc:
        if previous is not None and (
            ("\n" in previous.text_with_ws and not token.is_space)
            or (previous.is_space and "\n" in previous.text)
        ):
            token.is_sent_start = True
        if not token.is_space and (previous is None or token.is_sent_start):
            _start_after_dateline(doc, text, token)
        previous = token
    return doc


def _start_after_dateline(doc: Doc, text: str, first: Token) -> None:
    end = text.find("\n", first.idx)
    end = len(text) if end == -1 else end
    found = find_dateline(Span(first.idx, end, text[first.idx : end]))
    if found is None:
        return
    after = next((t for t in doc[first.i :] if t.idx >= found.span.end and not t.is_space), None)
    if after is not None and after.i > first.i:
        after.is_sent_start = True
        # The parser may otherwise cut the subject off as a sentence of its own ("BAKU,
        # Oct 14 - Azerbaijan | will raise supplies ...").
        following = after.i + 1
        if following < len(doc) and not doc[following].is_space:
            doc[following].is_sent_start = False


class CueMatcher:
    """Marks multi-word cue phrases from the lexicons as spans in `doc.spans[CUE_SPANS]`."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, phrases in sorted(load_lexicon().phrases.items()):
            self.matcher.add(label, [nlp.make_doc(p) for p in sorted(phrases)])

    def __call__(self, doc: Doc) -> Doc:
        spans = [DocSpan(doc, start, end, label=label) for label, start, end in self.matcher(doc)]
        doc.spans[CUE_SPANS] = sorted(spans, key=lambda s: (s.start, s.end, s.label_))
        return doc


@Language.factory(CUE_MATCHER, assigns=["doc.spans"])
def make_cue_matcher(nlp: Language, name: str) -> CueMatcher:
    """Build the cue matcher from the packaged lexicons."""
    return CueMatcher(nlp)


@Language.factory(GAZETTEER_RULER, assigns=["doc.ents"])
def make_gazetteer_ruler(nlp: Language, name: str) -> GazetteerRuler:
    """Build the gazetteer entity ruler from the packaged gazetteer."""
    return GazetteerRuler(nlp, _gazetteer_patterns())


@Language.factory(ATTRIBUTE_RULES, assigns=["token.pos", "token.morph", "token.lemma"])
def make_attribute_rules(nlp: Language, name: str) -> IndexedAttributeRuler:
    """Take over the model's attribute ruler patterns, matched through an index."""
    ruler = nlp.get_pipe(SPACY_ATTRIBUTE_RULER)
    if not isinstance(ruler, AttributeRuler):
        raise UnsupportedPattern(f"{SPACY_ATTRIBUTE_RULER!r} is a {type(ruler).__name__}")
    return IndexedAttributeRuler(ruler)


@Language.factory(LEMMATIZER, assigns=["token.lemma"])
def make_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    """Take over the model's rule lemmatizer, asking it once per distinct word."""
    lemmatizer = nlp.get_pipe(SPACY_LEMMATIZER)
    if not isinstance(lemmatizer, Lemmatizer):
        raise UnsupportedLemmatizer(f"{SPACY_LEMMATIZER!r} is a {type(lemmatizer).__name__}")
    return MemoLemmatizer(lemmatizer)


def _gazetteer_patterns() -> list[dict[str, Any]]:
    from ..resources.gazetteer import load_gazetteer

    patterns: list[dict[str, Any]] = load_gazetteer().ruler_patterns()
    return patterns


# Penn Treebank tags of each part of speech `lemmas.yaml` names: the model's attribute
# ruler matches before it sets the coarse part of speech.
_TAGS = {
    "verb": ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"],
    "noun": ["NN", "NNS"],
    "adj": ["JJ", "JJR", "JJS"],
}


def _lemma_patterns() -> list[dict[str, Any]]:
    """Give `lemmas.yaml` as attribute-ruler patterns: "hoped" tagged a verb is "hope"."""
    return [
        {"patterns": [[{"LOWER": form, "TAG": {"IN": _TAGS[pos]}}]], "attrs": {"LEMMA": lemma}}
        for pos, forms in load_lemma_fixes().items()
        for form, lemma in sorted(forms.items())
    ]


def add_components(nlp: Language) -> None:
    """Add kgbuild's components to a loaded pipeline (idempotent)."""
    if SPACY_ATTRIBUTE_RULER in nlp.pipe_names and ATTRIBUTE_RULES not in nlp.pipe_names:
        # The model's rule lemmatizer does not touch a lemma the ruler set, and it gets a
        # few common forms wrong ("hoped" -> "hop"): the ruler sets those (lemmas.yaml).
        ruler = nlp.get_pipe(SPACY_ATTRIBUTE_RULER)
        if isinstance(ruler, AttributeRuler):
            ruler.add_patterns(_lemma_patterns())
        try:
            nlp.add_pipe(ATTRIBUTE_RULES, after=SPACY_ATTRIBUTE_RULER)
        except UnsupportedPattern:
            pass  # another model's patterns need spaCy's general matcher: keep its ruler
        else:
            nlp.remove_pipe(SPACY_ATTRIBUTE_RULER)
    if SPACY_LEMMATIZER in nlp.pipe_names and LEMMATIZER not in nlp.pipe_names:
        try:
            nlp.add_pipe(LEMMATIZER, after=SPACY_LEMMATIZER)
        except UnsupportedLemmatizer:
            pass  # a lookup or custom lemmatizer: keep the model's own
        else:
            nlp.remove_pipe(SPACY_LEMMATIZER)
    if LINE_STARTS not in nlp.pipe_names:
        nlp.add_pipe(LINE_STARTS, before="parser" if "parser" in nlp.pipe_names else None)
    if GAZETTEER_RULER not in nlp.pipe_names:
        nlp.add_pipe(GAZETTEER_RULER, before="ner" if "ner" in nlp.pipe_names else None)
    if CUE_MATCHER not in nlp.pipe_names:
        nlp.add_pipe(CUE_MATCHER, last=True)
