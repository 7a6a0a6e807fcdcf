"""Defined terms of drafted texts: 'The Republic of Armenia and the Republic of Azerbaijan
(hereinafter "the Parties")' makes "the Parties", and "each Party", name the two states
for the rest of the text, as statements, agreements and filings use it."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..iris import slugify
from ..records import ActorType, Span
from .actor_index import ActorIndex, ActorWords, clean_label, in_regions
from .grammar import conjuncts

# How far a definition's closing bracket may be from its opening one, in tokens.
MAX_DEFINITION = 12
# Dependencies that lead from a name up to the phrase it belongs to: "the Republic of
# Armenia and the Republic of Azerbaijan" from "Azerbaijan" up to the first "Republic".
PHRASE_DEPS = frozenset({"pobj", "prep", "conj", "compound", "appos", "nmod", "amod", "poss"})
NOMINAL_POS = frozenset({"NOUN", "PROPN"})


def add_defined_terms(
    index: ActorIndex, doc: Doc, words: ActorWords, skipped: tuple[Span, ...]
) -> None:
    """Make each term a text defines in brackets a name of the actors the phrase before
    the brackets names: several actors become a group, one actor gets the term as a name."""
    for token in doc:
        if token.text != "(" or token.i == 0 or in_regions(token.idx, skipped):
            continue
        term = _defined_term(token, words)
        if term is None:
            continue
        members = _actors_before(token, index)
        plural = term[-1].tag_ in {"NNS", "NNPS"}
        if not members or (plural and len(members) < 2) or (not plural and len(members) > 1):
            continue
        label = clean_label(term.text)
        if not label:
            continue
        if plural:
            group = index.add(slugify(label), term.text.strip(), ActorType.GROUP, term)
            group.members.update(members)
            key = group.key
        else:
            key = members[0]
        forms = _forms(term[-1])
        for mention in _uses(doc, forms, token.i):
            taken = index.key_at(mention[0])
            found = index.get(taken) if taken is not None else None
            if found is not None and taken != key and clean_label(found.label) in forms:
                index.absorb(found.key, key)  # "each Party" taken for an organisation
            index.mention(key, mention)


def _defined_term(opening: Token, words: ActorWords) -> DocSpan | None:
    """Give the quoted term of a definition in brackets ('(hereinafter "the Parties")',
    '("the Company")'), when the brackets hold nothing else but words of defining."""
    doc = opening.doc
    closing = next(
        (t for t in doc[opening.i + 1 : opening.i + MAX_DEFINITION] if t.text == ")"), None
    )
    if closing is None:
        return None
    inside = doc[opening.i + 1 : closing.i]
    quotes = [t for t in inside if t.is_quote]
    if len(quotes) != 2 or quotes[1].i - quotes[0].i < 2:
        return None
    term = doc[quotes[0].i + 1 : quotes[1].i]
    others = [t for t in inside if not quotes[0].i <= t.i <= quotes[1].i]
    if not all(t.is_punct or t.lower_ in words.definition_words for t in others):
        return None
    head = term[-1]
    if head.pos_ not in NOMINAL_POS or not head.text[:1].isupper():
        return None  # a defined term is a capitalised noun: "the Parties", "the Company"
    return term


def _actors_before(opening: Token, index: ActorIndex) -> list[str]:
    """Give the actors the noun phrase before a definition names, one per coordinated
    part ("the Republic of Armenia and the Republic of Azerbaijan" -> two states)."""
    node = opening.doc[opening.i - 1]
    while node.dep_ in PHRASE_DEPS and node.head.i < opening.i and node.head.i != node.i:
        up = node.head
        if up.pos_ == "ADP":  # "the Republic of Armenia", not "signed a loan with X"
            up = up.head
        if up.pos_ not in NOMINAL_POS or up.i >= opening.i:
            break
        node = up
    if node.pos_ not in NOMINAL_POS:
        return []
    parts = conjuncts(node)
    keys: list[str] = []
    for n, part in enumerate(parts):
        end = parts[n + 1].left_edge.i if n + 1 < len(parts) else opening.i
        found = next(
            (k for t in opening.doc[part.left_edge.i : end] if (k := index.key_at(t))), None
        )
        if found is None:
            return []  # a part that names no actor: the term is not (only) actors
        if found not in keys:
            keys.append(found)
    return keys


def _forms(head: Token) -> set[str]:
    """Give the ways a defined term is written: with its capital, plural or singular
    ("Parties", "Party")."""
    return {head.text, head.lemma_[:1].upper() + head.lemma_[1:]}


def _uses(doc: Doc, forms: set[str], definition: int) -> list[DocSpan]:
    """Give the uses of a defined term from its definition on ("the Parties", "each
    Party")."""
    return [doc[t.i : t.i + 1] for t in doc[definition:] if t.text in forms]
