"""Finding conditions in a sentence: a marker ("once", "so long as", "in the event of")
and the clause or phrase it introduces, without the marker."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..nlp.components import CUE_SPANS
from ..records import ConditionType, Span
from ..resources.lexicons import Lexicon
from .grammar import AUXILIARY_LEMMAS, doc_memo, doc_text, is_negated
from .speech import reports

# Punctuation that closes a condition written inline ("-- and I don't mean ...").
CLAUSE_BREAKS = frozenset({"--", "—", "–", "(", ")", ";", ":"})
PRESENT_OR_FUTURE_TAGS = frozenset({"VBZ", "VBP", "VB", "MD"})


@dataclass(frozen=True, slots=True)
class FoundCondition:
    """A condition in a sentence, with the token it grammatically depends on."""

    type: ConditionType
    marker: tuple[int, int]  # token range of the marker words
    governor: Token  # the word the condition modifies
    tokens: tuple[Token, ...]  # the condition, without its marker
    verbal_marker: bool  # "depends on X": attaches only through the tree

    @property
    def indices(self) -> set[int]:
        """Token indices of the marker and the condition."""
        return {t.i for t in self.tokens} | set(range(*self.marker))

    def span(self) -> Span:
        """Give the condition's text as an exact span of the article."""
        doc = self.tokens[0].doc
        start = self.tokens[0].idx
        end = self.tokens[-1].idx + len(self.tokens[-1].text)
        return Span(start, end, doc_text(doc)[start:end])


# A condition names something: a clause or a noun phrase, not an adjective alone.
CONTENT_POS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "NUM"})


def _markers(sentence: DocSpan, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Give (start, end, marker) for every condition marker in the sentence, longest first."""
    doc = sentence.doc
    cues = _condition_cues(doc)
    within = range(sentence.start, sentence.end)
    idioms = [(start, end) for start, end, _ in cues["CONDITION_IDIOM"] if start in within]
    blocked = {i for start, end in idioms for i in range(start, end)}
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set(blocked)
    phrases = [cue for cue in cues["CONDITION"] if cue[0] in within]
    for start, end, text in sorted(phrases, key=lambda c: (-(c[1] - c[0]), c[0])):
        if not taken.intersection(range(start, end)):
            found.append((start, end, text))
            taken.update(range(start, end))
    for token in sentence:
        word = token.lower_
        if token.i in taken or (
            word not in lexicon.condition_markers and word not in lexicon.inverted_conditionals
        ):
            continue
        # A marker word is a subordinator ("if"), a preposition ("following a ceasefire")
        # or a participle the parser reads as a clause ("provided Russia stops").
        # ", pending approval" is also read as a participle modifying the noun after it.
        after_comma = token.i > sentence.start and doc[token.i - 1].text == ","
        marker = token.lower_ in lexicon.condition_markers and (
            token.dep_ in {"mark", "prep"}
            or _subordinating_adverb(token)
            or (
                token.tag_ in {"VBN", "VBG"}
                and (token.dep_ == "advcl" or (token.dep_ == "amod" and after_comma))
            )
            or (after_comma and token.lower_ in lexicon.open_ended_markers and _takes_clause(token))
        )
        if marker and token.lower_ in lexicon.open_ended_markers and _before_preposition(token):
            marker = False  # ", provided by its agency,": a participle, not a condition
        inverted = token.lower_ in lexicon.inverted_conditionals and _opens_inversion(token)
        if marker or inverted:
            found.append((token.i, token.i + 1, token.lower_))
    return sorted(found)


_CUES_KEY = "kgbuild_condition_cues"


def _condition_cues(doc: Doc) -> dict[str, list[tuple[int, int, str]]]:
    """Give the doc's condition phrases and idioms from the cue matcher as (start, end,
    lowercase text), kept after the first call (every sentence asks for them)."""
    return doc_memo(doc, _CUES_KEY, _read_condition_cues)


def _read_condition_cues(doc: Doc) -> dict[str, list[tuple[int, int, str]]]:
    cues: dict[str, list[tuple[int, int, str]]] = {"CONDITION": [], "CONDITION_IDIOM": []}
    for span in doc.spans.get(CUE_SPANS, []):
        if span.label_ in cues:
            cues[span.label_].append((span.start, span.end, span.text.lower()))
    return cues


def _before_preposition(token: Token) -> bool:
    """Tell whether a word comes right before a preposition other than "that"."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ == "ADP" and following.lower_ != "that"


def _takes_clause(token: Token) -> bool:
    """Tell whether a word has a clause with a subject as its complement: ", provided the
    parliament approves the funding" (the parser made "provided" a verb of its own), not
    ", provided by Japan"."""
    return any(
        c.dep_ == "ccomp" and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
        for c in token.children
    )


def _opens_inversion(token: Token) -> bool:
    """Tell whether an auxiliary opens a conditional clause before its subject: "Should
    talks fail, ...", "Were Ethiopia to guarantee flows, ...", "Had the talks succeeded"."""
    doc = token.doc
    after_break = token.i == token.sent.start or doc[token.i - 1].text in {",", ";", "—", "-"}
    if token.dep_ in {"aux", "auxpass"} and token.head.dep_ == "advcl":
        # "... to provide support should the situation deteriorate": the parser's
        # adverbial clause with its subject after the auxiliary is the inversion.
        clause = token.head
    elif token.dep_ == "advcl" and token.lemma_ == "be" and after_break:
        clause = token
    else:
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > token.i for c in clause.children)


def _subordinating_adverb(token: Token) -> bool:
    """Tell whether a marker the parser took for an adverb opens a clause: "once the board
    signs off" ("once" an adverb of "signs", a clause with its own subject); not "agreed
    once again"."""
    head = token.head
    return (
        token.dep_ == "advmod"
        and head.i > token.i
        and head.dep_ in {"advcl", "ccomp"}
        and head.left_edge.i == token.i
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children)
    )


def _clause_tokens(doc: Doc, marker_end: int, head: Token, marker_start: int) -> list[Token]:
    """Give the tokens of the condition: from the marker to the end of the head's phrase
    (or of the marker's, when the parser hung part of the condition on the marker: "in
    exchange for Beijing lifting duties", with "lifting" under "exchange"), stopping at a
    dash, bracket or semicolon that opens an aside."""
    kept: list[Token] = []
    first = doc[marker_start]
    last = head.right_edge.i
    if first.dep_ == "prep" and first.head.i < marker_start:
        last = max(last, first.right_edge.i)
    following = doc[last + 1] if last + 1 < len(doc) else None
    if following is not None and following.tag_ == "VBG" and following.head.i < marker_start:
        # "subject to parliament approving the budget": the gerund, hung on the main verb,
        # has the marker's object as its subject.
        last = following.right_edge.i
    for token in doc[marker_end : last + 1]:
        if token.text in CLAUSE_BREAKS:
            break
        kept.append(token)
    while kept and (kept[-1].is_punct or kept[-1].is_space or kept[-1].dep_ == "cc"):
        kept.pop()
    return kept


def find_conditions(sentence: DocSpan, lexicon: Lexicon) -> list[FoundCondition]:
    """Give every condition written in a sentence."""
    doc = sentence.doc
    results: list[FoundCondition] = []
    for start, end, marker in _markers(sentence, lexicon):
        before = doc[start - 1] if start > sentence.start else None
        if before is not None and before.lower_ in lexicon.condition_negations:
            continue  # "not contingent on X" denies a condition
        if _in_cause_clause(doc[start], lexicon):
            continue  # "because it depends on Russian gas" gives a reason, not a condition
        kind = lexicon.condition_markers.get(marker, ConditionType.TRIGGER)  # or inverted
        last = doc[end - 1]
        verbal = marker in lexicon.verbal_markers
        head: Token | None
        if last.dep_ in {"aux", "auxpass"} and last.lower_ in lexicon.inverted_conditionals:
            head = last.head  # "should the situation deteriorate": the clause's verb
        elif last.dep_ == "mark" or last.lower_ == "that" or _subordinating_adverb(last):
            head = last.head
            if (
                head.dep_ == "aux"
                and head.lemma_.lower() not in AUXILIARY_LEMMAS
                and head.head.i > head.i
            ):
                # "after the plants reach agreed milestones", "reach" misread as an
                # auxiliary of "agreed": the clause is the word it leans on.
                head = head.head
        else:
            head = next(
                (c for c in last.children if c.dep_ in {"pobj", "pcomp", "ccomp", "advcl"}), None
            )
            if head is None and end < sentence.end:
                following = doc[end]
                head = following if following.i >= end else None
                if head is not None and head.head.i >= end:
                    head = head.head
        if head is None or head.i < end:
            continue
        if marker in lexicon.open_ended_markers and last.dep_ != "mark":
            # "..., provided Russia also stopped its attacks": the parser often misreads
            # the participle; the condition then runs to the end of the sentence.
            head = doc[sentence.end - 1]
        tokens = _clause_tokens(doc, end, head, start)
        if reports(head, lexicon) and head.i > end:
            # "if Kyiv backslides on the rule of law, the Commission President said": the
            # parser hung the clause on the attribution; the condition ends at the comma.
            # Without a comma before it, the verb is the condition's own ("as soon as roads
            # are declared safe").
            comma = next((t for t in tokens if t.text == "," and t.i < head.i), None)
            if comma is not None:
                tokens = [t for t in tokens if t.i < comma.i]
        if not any(t.pos_ in CONTENT_POS for t in tokens):
            continue  # "as soon as possible", "if necessary": manner, not a condition
        if marker in lexicon.temporal_markers and _is_time_or_past(head, lexicon):
            continue  # "following months of talks" is a time; "after X failed" a cause
        marker_tokens = set(range(start, end))
        clause = {t.i for t in head.subtree}
        governor = head
        while (
            governor.i in marker_tokens or governor.i in clause
        ) and governor.head.i != governor.i:
            governor = governor.head
        if verbal:
            governor = doc[start]
        if not _span_marker_fits(marker, head, governor, lexicon):
            continue
        if (
            marker in lexicon.compliance_markers
            and _is_compliance(head, lexicon)
            and governor.lemma_.lower() not in lexicon.hostile_verbs
        ):
            # "will retaliate if Finland hosts nuclear weapons": a threat's condition
            # sets it off, whoever acts.
            kind = ConditionType.PREREQUISITE
        results.append(FoundCondition(kind, (start, end), governor, tuple(tokens), verbal))
    return results


def _span_marker_fits(marker: str, head: Token, governor: Token, lexicon: Lexicon) -> bool:
    """Tell whether a marker of a span of time makes a condition here: "while" before a
    state that lasts, in the present ("while the truce holds"), "until" after a refusal
    ("will not pull back until the mines are cleared"). Other markers always do."""
    clause = head.pos_ in {"VERB", "AUX"} and not any(t.ent_type_ == "DATE" for t in head.subtree)
    if marker in lexicon.lasting_markers:
        return (
            clause
            and head.lemma_.lower() in lexicon.lasting_verbs
            and not _is_time_or_past(head, lexicon)
        )
    if marker in lexicon.awaiting_markers:
        return clause and is_negated(governor, lexicon.negators)
    return True


def _is_compliance(head: Token, lexicon: Lexicon) -> bool:
    """Tell whether a clause states a party's act of compliance: an active verb from the
    lexicon with a subject ("Iran restored access", "Kyiv passes the law"), or any act but
    a hostile one with a party as subject ("the parties request it")."""
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    if head.lemma_.lower() in lexicon.compliance_verbs:
        return True
    subject = subjects[0]
    party = (
        subject.pos_ == "PROPN"
        or subject.lower_ in lexicon.party_pronouns
        or subject.lemma_.lower() in lexicon.party_nouns
    )
    return party and head.pos_ == "VERB" and head.lemma_.lower() not in lexicon.hostile_verbs


def _in_cause_clause(token: Token, lexicon: Lexicon) -> bool:
    for ancestor in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in lexicon.cause_marks for c in ancestor.children):
            return True
    return False


def _is_time_or_past(head: Token, lexicon: Lexicon) -> bool:
    if any(t.ent_type_ == "DATE" for t in head.subtree):
        return True  # "after the current programme ends in 2027" dates an event
    if head.pos_ in {"NOUN", "PROPN"}:
        return head.lemma_.lower() in lexicon.time_nouns or head.lower_ in lexicon.time_nouns
    return head.tag_ not in PRESENT_OR_FUTURE_TAGS and not any(
        c.tag_ in PRESENT_OR_FUTURE_TAGS for c in head.children if c.dep_ in {"aux", "auxpass"}
    )
