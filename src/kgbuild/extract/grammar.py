"""Dependency-tree helpers shared by the extraction rules (spaCy's English labels)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar, cast

from spacy.tokens import Doc, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
CLAUSAL_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
VERBAL_POS = frozenset({"VERB", "AUX"})
# The verbs that can be auxiliaries; anything else the parser calls one is a misreading.
AUXILIARY_LEMMAS = frozenset({"be", "have", "do", "get", "will", "shall", "would", "should",
                              "can", "could", "may", "might", "must", "ought", "need", "dare"})
QUOTE_CHARS = "\"“”‘’'«»"
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


_TEXT_KEY = "kgbuild_text"
_T = TypeVar("_T")


def doc_memo(doc: Doc, key: str, compute: Callable[[Doc], _T]) -> _T:
    """Give `compute(doc)`, computed on the first call and kept in the doc's user data."""
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = compute(doc)
    return cast(_T, found)


def doc_text(doc: Doc) -> str:
    """Give the document's text, kept after the first call: spaCy rebuilds `Doc.text` from
    its tokens on every access, which dominated extraction time."""
    return doc_memo(doc, _TEXT_KEY, lambda d: d.text)


def conjuncts(token: Token) -> list[Token]:
    """Give the token and every token coordinated with it, in text order."""
    return sorted({token, *token.conjuncts}, key=lambda t: t.i)


def children(token: Token, deps: Iterable[str]) -> list[Token]:
    """Give the token's children whose dependency label is in `deps`."""
    wanted = frozenset(deps)
    return [c for c in token.children if c.dep_ in wanted]


def first_child(token: Token, deps: Iterable[str]) -> Token | None:
    """Give the token's first child with a label in `deps`, if any."""
    found = children(token, deps)
    return found[0] if found else None


def is_negated(token: Token, negators: frozenset[str]) -> bool:
    """Tell whether the token carries a negation child ("not", "n't", "never"), also one
    the parser hung on an adverb before it ("will never again export")."""
    return any(
        c.dep_ == "neg"
        or c.lower_ in negators
        or (c.i < token.i and any(g.dep_ == "neg" for g in c.children))
        for c in token.children
        if c.dep_ in {"neg", "advmod"}
    )


# Finite verb tags: a past or present form with its own tense.
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def infinitive_to(verb: Token) -> Token | None:
    """Give the "to" that makes a verb an infinitive ("to send"), if it has one."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)


def tense_shift(verb: Token) -> bool:
    """Tell whether a finite verb hangs on a verb without tense ("would study the proposal
    but gave no commitment", "would keep its lending and was considering a platform"): the
    parser joined two clauses that report separate acts."""
    return _tensed(verb) and not _tensed(verb.head)


def _tensed(verb: Token) -> bool:
    """A finite verb, or one with a finite auxiliary of its own ("was considering")."""
    return verb.tag_ in FINITE_VERB_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_VERB_TAGS for c in verb.children
    )


def clause_subjects(verb: Token) -> list[Token]:
    """Give the subject heads of a verb, inheriting them through coordination, control
    ("X pledged to send": subject of send is X) and participle clauses."""
    seen: set[int] = set()
    current: Token | None = verb
    while current is not None and current.i not in seen:
        seen.add(current.i)
        subjects = children(current, SUBJECT_DEPS)
        if not subjects:
            # "his country is committed": the parser may hang the subject on the auxiliary.
            for aux in children(current, {"aux", "auxpass"}):
                subjects.extend(children(aux, SUBJECT_DEPS))
        if subjects:
            return subjects
        if (
            current.dep_ in {"xcomp", "conj", "advcl", "acl", "ccomp", "pcomp"}
            and current.head.i != current.i
        ):
            head = current.head
            # A relative clause or a noun's infinitive ("the EU's pledge to eliminate") has
            # no verbal subject: the caller handles nouns.
            if head.pos_ not in VERBAL_POS and current.dep_ != "conj":
                return []
            if (
                current.dep_ == "conj"
                and current.tag_ in FINITE_VERB_TAGS
                and head.tag_ == "VB"
                and head.dep_ == "ccomp"
                and head.head.i != head.i
            ):
                # "X said that his country would spend ... and urged Y to ...": a finite
                # verb joined to the reported infinitive is the reporter's second act.
                head = head.head
            current = head
            continue
        if current.dep_ == "relcl":
            return [current.head]
        return []
    return []


def object_controller(verb: Token) -> Token | None:
    """Give the object of a verb that controls its infinitive ("urged X to act" -> X)."""
    obj = first_child(verb, OBJECT_DEPS | {"dative"})
    if obj is not None:
        return obj
    for prep in children(verb, {"prep"}):
        if prep.lower_ in {"on", "upon"}:  # "called on X to ..."
            pobj = first_child(prep, {"pobj"})
            if pobj is not None:
                return pobj
    return None


def subtree_indices(token: Token) -> set[int]:
    """Give the token indices of a token's subtree."""
    return {t.i for t in token.subtree}


def phrase(tokens: Iterable[Token]) -> str:
    """Give a clean phrase from tokens: joined with their own spacing, quotes dropped,
    edge punctuation and dangling conjunctions stripped, typographic apostrophes plain."""
    ordered = [t for t in sorted(tokens, key=lambda t: t.i) if not t.is_space]
    parts: list[str] = []
    previous: Token | None = None
    for token in ordered:
        if (
            previous is not None
            and (token.i != previous.i + 1 or previous.whitespace_ or _is_quote(previous))
            and (not parts or not parts[-1].endswith(" "))
        ):
            parts.append(" ")
        if _is_quote(token):
            if token.whitespace_ and parts and not parts[-1].endswith(" "):
                parts.append(" ")
            previous = token
            continue
        parts.append(token.text)
        previous = token
    text = "".join(parts).translate(APOSTROPHES)
    text = _DOUBLE_COMMA.sub(",", " ".join(text.split()))
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return _EDGE_JUNK.sub("", text).strip()


def _is_quote(token: Token) -> bool:
    return all(ch in QUOTE_CHARS for ch in token.text)


_DOUBLE_COMMA = re.compile(r"(?:\s*,){2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.!?])")
_EDGE_JUNK = re.compile(r"^(?:[\s,;:.\-—–]|and\b|or\b|but\b)+|(?:[\s,;:.\-—–]|\band|\bor|\bbut)+$")


def ancestors_and_self(token: Token) -> Iterator[Token]:
    """Give the token, then its heads up to the root."""
    yield token
    yield from token.ancestors


def is_reflexive(token: Token) -> bool:
    """Tell whether a word is a reflexive pronoun ("itself", "themselves")."""
    return token.tag_ == "PRP" and token.lower_.endswith(("self", "selves"))


def singular(word: str) -> str:
    """Give a lower-case noun without a plural "s" ("ministers" -> "minister"): what
    spaCy's lemma gives for a common noun, for a plural it tagged a name ("the two
    Ministers", "Member States") and left as written."""
    return word[:-1] if word.endswith("s") else word
