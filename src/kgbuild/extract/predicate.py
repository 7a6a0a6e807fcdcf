"""The `Predicate` record the rules give, and the tree helpers they share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from ..records import Polarity, Status
from ..resources.lexicons import Lexicon
from .grammar import (
    OBJECT_DEPS,
    SUBJECT_DEPS,
    VERBAL_POS,
    children,
    clause_subjects,
    first_child,
    infinitive_to,
    is_negated,
)

PAST_TAGS = frozenset({"VBD", "VBN"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
INFINITIVE_DEPS = frozenset({"xcomp", "acl", "advcl", "ccomp"})


@dataclass(frozen=True, slots=True)
class Predicate:
    """One undertaking found in a sentence, before actors are resolved."""

    rule: str
    cue: tuple[Token, ...]
    anchor: Token  # where conditions attach: the cue or the action's verb
    action: Token | None  # head of the action phrase (its subtree, less what is excluded)
    status: Status
    polarity: Polarity
    debtors: tuple[Token, ...] = ()
    requesters: tuple[Token, ...] = ()
    inherit_debtor: bool = False  # an option list may take its debtor from the sentence before
    speaker_requests: bool = False  # "X must ..." is demanded by whoever says it
    speaker_binds: bool = False  # "the loan will be disbursed", said by X: X's undertaking
    fallback_debtors: tuple[Token, ...] = ()  # when `debtors` name no actor
    requires_debtor: bool = False  # "insisted that X ...": without an actor X, no demand


Rule = Callable[[Token, Lexicon], Iterator[Predicate]]


# Prepositions of a phrase that sets the scene of an act ("agreed in talks ... to restart").
SCENE_PREPOSITIONS = frozenset({"in", "at", "during"})


def complement_of(verb: Token) -> Token | None:
    """Give the verb's infinitive or gerund complement ("pledged to send", "ruled out sending")."""
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp"} and (child.pos_ in VERBAL_POS or _is_clause(child)):
            return child
    for child in verb.children:  # "ruled out sending" is sometimes parsed as an object
        if child.dep_ in OBJECT_DEPS | {"advcl"} and child.tag_ == "VBG" and child.i > verb.i:
            if child.dep_ == "advcl" and _set_off(child):
                continue  # "rejected calls to ship it, saying ...": a circumstance
            return child
    for child in verb.children:  # "has committed to maintain", read as a purpose clause
        to = infinitive_to(child) if child.dep_ == "advcl" else None
        if to is not None and to.i == verb.i + 1:
            return child
    return _infinitive_after_scene(verb)


def _infinitive_after_scene(verb: Token) -> Token | None:
    """Give the infinitive the parser hung on the noun of a phrase of place or time between
    the verb and it ("agreed in talks in Kunming this week to restart ..."), not on an
    actor named there ("called on Iran to stop")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i or prep.lower_ not in SCENE_PREPOSITIONS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.ent_type_ or noun.pos_ != "NOUN":
                continue
            for clause in noun.children:
                if clause.dep_ == "acl" and clause.i > noun.i and infinitive_to(clause):
                    return clause
    return None


def is_agent(child: Token) -> bool:
    """Tell whether a verb's child is its passive agent: "by the IMF", not a date parsed as
    one ("released by the end of the year", "disbursed by mid-2026")."""
    if child.dep_ != "agent":
        return False
    return not any(
        c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in child.children
    )


def _set_off(clause: Token) -> bool:
    """Tell whether a clause follows a comma or dash, as a participle of circumstance does."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].is_punct


def _is_clause(token: Token) -> bool:
    """A "that" clause with a subject, whatever the tagger made of its verb: the bare
    subjunctive in "demanded that the RSF hand over its weapons" is often tagged a noun."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children) and any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in token.children
    )


def infinitive_under(noun: Token) -> Token | None:
    """Give the infinitive a noun introduces ("a pledge to send", "demands to lift")."""
    return next(
        (
            c
            for c in noun.children
            if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB" and infinitive_to(c) is not None
        ),
        None,
    )


def infinitive_after(noun: Token) -> Token | None:
    """Give the infinitive after a verb's object that the parser hung on the verb but that
    says what the object would do ("introduced a resolution ... to extend the accord")."""
    governor = noun.head
    if noun.dep_ not in OBJECT_DEPS or governor.pos_ != "VERB":
        return None
    return next(
        (
            c
            for c in governor.children
            if c.dep_ in {"advcl", "xcomp"} and c.i > noun.i and infinitive_to(c) is not None
        ),
        None,
    )


def to_object(token: Token) -> Token | None:
    """Give X in "committed to X" / "ready for X"."""
    for prep in children(token, {"prep"}):
        if prep.lower_ in {"to", "for"}:
            pobj = first_child(prep, {"pobj", "pcomp"})
            if pobj is not None:
                return pobj
    return None


def subjects_of(verb: Token) -> tuple[Token, ...]:
    return tuple(clause_subjects(verb))


def modal_aux(verb: Token, lexicon: Lexicon) -> Token | None:
    """Give the modal auxiliary of a verb ("will", "could", "must"), if it has one."""
    return next(
        (c for c in verb.children if c.dep_ == "aux" and c.lower_ in lexicon.modal_status), None
    )


def negative(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether a verb is negated: by a negator ("will not move") or by its subject's
    determiner ("Neither side will move")."""
    return is_negated(token, lexicon.negators) or any(
        d.dep_ in {"det", "preconj"} and d.lower_ in lexicon.negative_determiners
        for s in children(token, SUBJECT_DEPS)
        for d in s.children
    )


# -- rules -------------------------------------------------------------------------------


def polarity_of(verb: Token, lexicon: Lexicon) -> Polarity:
    return Polarity.NEGATIVE if negative(verb, lexicon) else Polarity.POSITIVE


def particle_of(verb: Token) -> Token | None:
    """Give the particle of a phrasal verb, also when parsed as the preposition right after
    it ("locked in a deal")."""
    for child in verb.children:
        # "walked back", "backed away": a particle read as an adverb right after the verb.
        right_after = child.dep_ == "prep" or (child.dep_ == "advmod" and child.tag_ == "RB")
        if child.dep_ == "prt" or (right_after and child.i == verb.i + 1):
            return child
    return None


def phrasal(verb: Token) -> tuple[str, Token | None]:
    """Give a verb as a phrasal lemma ("lock in", "pull out") and its particle, if any."""
    particle = particle_of(verb)
    lemma = verb.lemma_.lower()
    return (f"{lemma} {particle.lower_}" if particle is not None else lemma), particle


def withdraws(verb: Token, lexicon: Lexicon) -> bool:
    """Tell whether a verb reports an undertaking withdrawn: "cancelled", "pulled out of",
    "backed away from", in the past and not negated."""
    return (
        verb.pos_ == "VERB"
        and verb.tag_ in PAST_TAGS
        and (
            verb.lemma_.lower() in lexicon.withdrawn_verbs
            or phrasal(verb)[0] in lexicon.withdrawn_phrases
        )
        and not negative(verb, lexicon)
    )


def is_past(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def names_no_act(verb: Token, lexicon: Lexicon) -> bool:
    """Whether `verb` is one of the verbs that carry no undertaking ("will be", "refused to
    comment"), in the sense that carries none: with a noun complement, `role_verbs` name
    a role ("become a member") and `object_act_verbs` an act ("add 100,000 jobs",
    "include the journalists"; not "add anything"), where their other senses report or
    describe."""
    lemma = verb.lemma_.lower()
    if lemma not in lexicon.non_action_verbs:
        return False
    if lemma in lexicon.role_verbs:
        return not any(c.dep_ == "attr" and c.pos_ == "NOUN" for c in verb.children)
    if lemma in lexicon.object_act_verbs:
        return not any(
            c.dep_ in ("dobj", "obj")
            and c.pos_ in _NOMINAL_POS
            and c.lemma_.lower() not in lexicon.speech_objects
            for c in verb.children
        )
    return True

