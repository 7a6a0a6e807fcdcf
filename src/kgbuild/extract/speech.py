"""Reported speech: who says a sentence (kgb:statedBy), from a reporting verb above it or
an attribution beside the quotation that holds it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..resources.lexicons import Lexicon
from .grammar import SUBJECT_DEPS, clause_subjects, doc_text

OPENING_QUOTES = frozenset({"“", '"', "«", "‘"})
CLOSING_QUOTES = frozenset({"”", '"', "»", "’"})


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: character range and the subject token of its attribution, if any."""

    start: int
    end: int
    speaker: Token | None


def reports(verb: Token, lexicon: Lexicon) -> bool:
    """Whether `verb` reports speech: a reporting verb ("said"), or a verb with the
    adjective of a reporting phrase ("made clear", "made it plain")."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.reporting_verbs:
        return True
    return lemma in lexicon.reporting_phrase_verbs and any(
        child.pos_ == "ADJ" and f"{lemma} {child.lower_}" in lexicon.reporting_phrases
        for child in verb.children
    )


def _reporting_subject(verb: Token) -> Token | None:
    """Give the subject of a reporting verb; of two, the nearest ("VILNIUS (AP) — Lithuania's
    minister Budrys said": the parser may take the dateline's place for a second subject)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and verb.dep_ == "conj":
        # "Zelenskiy called for ... and said Kyiv would not ...": the first verb's subject.
        subjects = clause_subjects(verb)
    if not subjects:
        return None
    return min(subjects, key=lambda c: abs(verb.i - c.i))


def find_quotes(doc: Doc, lexicon: Lexicon) -> list[Quote]:
    """Give each quotation in the text with the subject of the verb that attributes it
    ("..., said Keir Starmer", "Keir Starmer said that “...”")."""
    text = doc_text(doc)
    quotes: list[Quote] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in OPENING_QUOTES and (char != "‘" or i == 0 or not text[i - 1].isalpha()):
            closing = "”" if char == "“" else "»" if char == "«" else "’" if char == "‘" else '"'
            end = text.find(closing, i + 1)
            paragraph_end = text.find("\n\n", i + 1)
            if end == -1 or (paragraph_end != -1 and end > paragraph_end and char != "“"):
                i += 1
                continue
            speaker = _attribution(doc, i, end + 1, lexicon)
            previous = quotes[-1] if quotes else None
            if (
                speaker is None
                and previous is not None
                and "\n\n" not in text[previous.end : i]
            ):
                # '"...," Budrys told reporters. "We will buy ..."': a quote that goes on
                # in the same paragraph without an attribution is the same speaker's.
                speaker = previous.speaker
            quotes.append(Quote(i, end + 1, speaker))
            i = end + 1
            continue
        i += 1
    return quotes


def _attribution(doc: Doc, start: int, end: int, lexicon: Lexicon) -> Token | None:
    """Find the reporting verb outside the quote, in the sentences where it opens or closes."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if first is None or last is None:
        return None
    candidates = [last[0].sent, first[0].sent]
    for sentence in candidates:
        for token in sentence:
            if start <= token.idx < end:
                continue
            if token.pos_ == "VERB" and reports(token, lexicon):
                subject = _reporting_subject(token)
                if subject is not None:
                    return subject
    return None


def reporting_subject(token: Token, lexicon: Lexicon) -> Token | None:
    """Give the subject of the reporting verb whose complement holds `token`, if any
    ("Macron emphasized that Europe must ..." -> Macron)."""
    for ancestor in (token, *token.ancestors):
        if (
            ancestor is not token
            and ancestor.pos_ == "VERB"
            and reports(ancestor, lexicon)
        ):
            subject = _reporting_subject(ancestor)
            if subject is not None and subject.i not in {t.i for t in token.subtree}:
                return subject
        if _writers_contrast(ancestor, lexicon):
            break  # "X said it would ..., while France pledged ...": the writer's words
    # "Instead, Mr Iravani said, they should ...": an attribution inserted as an aside.
    root = token.sent.root
    for candidate in (token, root):
        for child in candidate.children:
            if (
                child.dep_ in {"parataxis", "advcl"}
                and child.pos_ == "VERB"
                and reports(child, lexicon)
                and not any(c.dep_ in {"ccomp", "xcomp", "mark"} for c in child.children)
                # "... once the WHO confirms the arrangements" is a condition, not an aside
                and child.left_edge.lower_ not in lexicon.condition_markers
            ):
                subject = _reporting_subject(child)
                if subject is not None:
                    return subject
    return None


def _writers_contrast(clause: Token, lexicon: Lexicon) -> bool:
    """Tell whether `clause` is a contrasting clause with a subject of its own ("while
    France pledged"): the writer sets it beside a report, it is not reported."""
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in lexicon.contrast_marks for c in clause.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
    )


# A transcript's turn: a line that opens with its speaker's label and a colon ("Daniel
# Okoro: We are prepared to ...", "Helen Marsh (Lancaster and Wyre) (Lab): Will the ...").
# The label is short and holds no sentence end.
_TURN = re.compile(r"^(?P<label>[^\n:.?!]{2,160}): +(?P<body>\S[^\n]*)", re.MULTILINE)


def find_turns(doc: Doc, is_person: Callable[[Token], bool]) -> list[Quote]:
    """Give the turns of a transcript: each line that opens with a label naming a person
    and a colon is that person's words, as a quotation is its speaker's. Labels that name
    no person ("SPOKESPERSON:", "QUESTION:", "Read more:") make no turn, and neither does
    a clause before a colon ("Ruto said on Monday: ..."), which the sentence's own
    attribution reads."""
    turns: list[Quote] = []
    for found in _TURN.finditer(doc_text(doc)):
        label = doc.char_span(found.start("label"), found.end("label"), alignment_mode="expand")
        if label is None or any(t.pos_ in {"VERB", "AUX"} for t in label):
            continue
        speaker = next((t for t in reversed(label) if is_person(t)), None)
        if speaker is not None:
            turns.append(Quote(found.start("body"), found.end("body"), speaker))
    return turns


def quote_at(quotes: list[Quote], char: int) -> Quote | None:
    """Give the quotation containing a character offset, if any."""
    for quote in quotes:
        if quote.start <= char < quote.end:
            return quote
    return None
