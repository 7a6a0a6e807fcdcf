"""Finding undertakings in a sentence: each rule recognises one grammatical construction
and gives a `Predicate` (cue, action head, debtor and requester phrases, status, polarity)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span as DocSpan
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
    is_negated,
    object_controller,
)

PAST_TAGS = frozenset({"VBD", "VBN"})
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
    requires_debtor: bool = False  # "insisted that X ...": without an actor X, no demand


Rule = Callable[[Token, Lexicon], Iterator[Predicate]]


def find_predicates(sentence: DocSpan, lexicon: Lexicon) -> list[Predicate]:
    """Give every undertaking in a sentence, one per action head (the most specific rule
    wins when several see the same action)."""
    found: dict[int, Predicate] = {}
    for token in sentence:
        for rule in RULES:
            for predicate in rule(token, lexicon):
                if _in_circumstance_clause(predicate.anchor, lexicon):
                    continue
                key = predicate.action.i if predicate.action is not None else predicate.anchor.i
                if key not in found:
                    found[key] = predicate
    return sorted(found.values(), key=lambda p: p.anchor.i)


def _in_circumstance_clause(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether a word sits in a clause of time or cause that is not yet a fact
    ("until Russia agrees to ..."); a past one ("after China agreed to ...") reports."""
    for candidate in (token, *token.ancestors):
        marked = any(
            c.dep_ == "mark" and c.lower_ in lexicon.non_commissive_marks
            for c in candidate.children
        )
        if marked:
            return not _is_past(candidate)
        if candidate.dep_ in {"advcl", "ROOT"}:
            return False
    return False


def _is_past(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _complement(verb: Token) -> Token | None:
    """Give the verb's infinitive or gerund complement ("pledged to send", "ruled out sending")."""
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp"} and child.pos_ in VERBAL_POS:
            return child
    for child in verb.children:  # "ruled out sending" is sometimes parsed as an object
        if child.dep_ in OBJECT_DEPS | {"advcl"} and child.tag_ == "VBG" and child.i > verb.i:
            return child
    return None


def _to_object(token: Token) -> Token | None:
    """Give X in "committed to X" / "ready for X"."""
    for prep in children(token, {"prep"}):
        if prep.lower_ in {"to", "for"}:
            pobj = first_child(prep, {"pobj", "pcomp"})
            if pobj is not None:
                return pobj
    return None


def _subjects(verb: Token) -> tuple[Token, ...]:
    return tuple(clause_subjects(verb))


def _negative(token: Token, lexicon: Lexicon) -> bool:
    return is_negated(token, lexicon.negators)


# -- rules -------------------------------------------------------------------------------


def commissive_verb(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X pledged/agreed/offered/intends to VERB', 'X is expected to VERB', 'X pledged aid'."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.commissive_verbs:
        return
    lemma = token.lemma_.lower()
    status = lexicon.commissive_verbs[lemma]
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if lemma == "expect" and not passive:
        return  # "we expect Russia to ..." forecasts someone else's act
    if _negative(token, lexicon):
        return  # "has not agreed to" reports no undertaking
    complement = _complement(token)
    if complement is not None:
        # Negated complement: "pledges not to annex" binds the debtor not to act.
        polarity = Polarity.NEGATIVE if _negative(complement, lexicon) else Polarity.POSITIVE
        # "threatened that the United States might not defend ...": a that-clause with a
        # subject of its own binds that subject.
        own = tuple(
            s
            for s in children(complement, SUBJECT_DEPS)
            if complement.dep_ == "ccomp" and s.pos_ in {"PROPN", "PRON"}
        )
        yield Predicate(
            "commissive_verb",
            (token,),
            token,
            complement,
            status,
            polarity,
            own or _subjects(token),
        )
        return
    obj = first_child(token, OBJECT_DEPS)
    if obj is not None and obj.lemma_.lower() in lexicon.commissive_nouns:
        return  # "announced their readiness to ...": the noun rule reads it
    if obj is not None and lemma in lexicon.object_taking_verbs:
        yield Predicate(
            "commissive_object", (token,), token, obj, status, Polarity.POSITIVE, _subjects(token)
        )
        return
    target = _to_object(token)  # "committed to diplomacy", "agreed to a ceasefire"
    if target is not None and lemma in lexicon.to_object_verbs:
        yield Predicate(
            "commissive_to", (token,), token, target, status, Polarity.POSITIVE, _subjects(token)
        )


def readiness(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X is ready/willing/prepared/committed to ...', 'X is unwilling to ...'."""
    word = token.lower_
    if word not in lexicon.readiness_adjectives or token.pos_ not in {"ADJ", "VERB"}:
        return
    if token.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in token.children):
        return  # "prepared a plan" is not readiness
    value = lexicon.readiness_adjectives[word]
    status = value if value is not None else Status.PLEDGED
    refusal = value is None
    complement = _complement(token) or _to_object(token)
    if complement is None:
        return
    head = token.head if token.dep_ in {"acomp", "amod", "oprd"} else token
    subjects = _subjects(head)
    negated = (
        _negative(head, lexicon) or _negative(token, lexicon) or _negative(complement, lexicon)
    )
    polarity = Polarity.NEGATIVE if refusal != negated else Polarity.POSITIVE
    if negated and not refusal:
        status = Status.PLEDGED  # "is not prepared to" is a refusal
    yield Predicate("readiness", (token,), head, complement, status, polarity, subjects)


def commissive_noun(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'the EU's pledge to eliminate tariffs', 'announced their readiness to ...',
    'Washington's potential role as ...', 'options on the table include ...'."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon.commissive_nouns:
        return
    value = lexicon.commissive_nouns[token.lemma_.lower()]
    status = value if value is not None else Status.PLEDGED
    polarity = Polarity.NEGATIVE if value is None else Polarity.POSITIVE
    hedged = any(c.dep_ == "amod" and c.lower_ in lexicon.hedge_adjectives for c in token.children)
    governing_status = lexicon.commissive_verbs.get(token.head.lemma_.lower())
    if token.dep_ in OBJECT_DEPS and governing_status is Status.CONSIDERED:
        hedged = True  # "is considering a role as a mediator"
    if hedged:
        status = Status.CONSIDERED
    action = _noun_complement(token)
    possessor = first_child(token, {"poss"}) or next(
        (c for c in token.children if c.dep_ == "nmod" and c.pos_ == "PROPN"), None
    )
    debtors: tuple[Token, ...] = (possessor,) if possessor is not None else ()
    governor = token.head
    if possessor is not None and possessor.pos_ == "PRON" and token.dep_ in OBJECT_DEPS:
        debtors = ()  # "announced their readiness": the verb's subject says whose
    # "X signaled/announced/expressed a willingness to": the verb's subject is the debtor,
    # and a plain announcement of readiness is still only readiness.
    if not debtors and token.dep_ in OBJECT_DEPS and governor.pos_ == "VERB":
        debtors = _subjects(governor)
    if not debtors:
        debtors = _governing_subjects(token)
    if token.lemma_.lower() in lexicon.list_nouns and token.dep_ in SUBJECT_DEPS:
        # "Options on the table include A, B and C": the list is the action.
        obj = first_child(governor, OBJECT_DEPS) or next(
            (c for c in governor.children if c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VBG"), None
        )
        if obj is not None:
            yield Predicate(
                "option_list",
                (token,),
                governor,
                obj,
                Status.CONSIDERED,
                Polarity.POSITIVE,
                debtors,
                inherit_debtor=True,
            )
        return
    if action is None:
        return
    if action.i == token.i and not hedged:
        return  # "Europe's plan" names a thing; "Washington's potential role" is an option
    yield Predicate("commissive_noun", (token,), token, action, status, polarity, debtors)


def _noun_complement(noun: Token) -> Token | None:
    """Give the action a commissive noun announces: its infinitive ('pledge to X'), its
    of-gerund ('possibility of deploying'), its 'as' role ('role as a backstop'), or the
    noun itself when a hedge makes it a possibility ('potential role')."""
    for child in noun.children:
        if (
            child.dep_ in {"acl", "relcl"}
            and child.pos_ == "VERB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "as", "for"}:
            pobj = first_child(child, {"pobj", "pcomp"})
            if pobj is not None:
                return noun
    governor = noun.head
    if noun.dep_ in OBJECT_DEPS and governor.pos_ == "VERB":
        # "introduced a draft resolution ... to extend the accord": the infinitive hangs on
        # the verb but says what the resolution would do.
        for child in governor.children:
            if (
                child.dep_ in {"advcl", "xcomp"}
                and child.i > noun.i
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            ):
                return child
    if any(c.dep_ == "poss" for c in noun.children):
        return noun
    return None


def _governing_subjects(token: Token) -> tuple[Token, ...]:
    """Give the subject of the nearest clause above a noun ("He announced a plan including
    a commitment to ..." -> He)."""
    for ancestor in token.ancestors:
        if ancestor.pos_ == "VERB":
            subjects = tuple(s for s in _subjects(ancestor) if s.i != token.i)
            if subjects:
                return subjects
            if ancestor.dep_ not in {"acl", "relcl", "pcomp", "prep"}:
                return ()
    return ()


def modal(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X will/would/shall VERB' (pledged), 'X could VERB' (considered),
    'X must/should VERB' (demanded by the speaker); with 'not' a refusal."""
    lemma = token.lemma_.lower()
    if token.pos_ not in VERBAL_POS or lemma in lexicon.non_action_verbs | lexicon.event_verbs:
        return
    modal_word = next(
        (c for c in token.children if c.dep_ == "aux" and c.lower_ in lexicon.modal_status), None
    )
    semi = None
    if (
        modal_word is None
        and token.dep_ == "xcomp"
        and token.head.lemma_ in lexicon.demanded_semi_modals
    ):
        semi = token.head  # "X needs to / has to VERB"
    if modal_word is None and semi is None:
        return
    status = lexicon.modal_status[modal_word.lower_] if modal_word is not None else Status.DEMANDED
    negated = _negative(token, lexicon) or (semi is not None and _negative(semi, lexicon))
    passive = any(c.dep_ == "auxpass" for c in token.children)
    subjects = children(token, SUBJECT_DEPS) or (children(semi, SUBJECT_DEPS) if semi else [])
    if not subjects and token.dep_ == "conj":
        subjects = list(_subjects(token))
    debtors: tuple[Token, ...] = tuple(subjects)
    if passive and subjects:
        # "no U.S. troops will be deployed": the actor modifying the subject is the debtor,
        # and "no" makes it a refusal.
        subject = subjects[0]
        if any(c.lower_ == "no" and c.dep_ == "det" for c in subject.children):
            negated = True
        debtors = tuple(c for c in subject.children if c.dep_ in {"compound", "amod", "poss"})
    if any(
        c.dep_ in {"preconj", "advmod", "neg"} and c.lower_ in lexicon.negators
        for s in subjects
        for c in s.children
    ):
        return  # "not every nation will contribute" is nobody's refusal
    polarity = Polarity.NEGATIVE if negated else Polarity.POSITIVE
    if negated and status is Status.CONSIDERED:
        return  # "could not" describes ability, not a refusal
    obj = first_child(token, OBJECT_DEPS)
    if (
        status is Status.CONSIDERED
        and obj is not None
        and obj.lemma_.lower() in lexicon.hostile_nouns
    ):
        return  # "Russia could launch an offensive" forecasts a threat, not an option
    cue = (modal_word,) if modal_word is not None else (semi,) if semi is not None else ()
    yield Predicate(
        "modal",
        tuple(t for t in cue if t is not None),
        token,
        token,
        status,
        polarity,
        debtors,
        speaker_requests=status is Status.DEMANDED,
    )


def refusal(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X ruled out sending', 'X refused to', 'X rejected Y'; 'X did not rule out' keeps an
    option open."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in lexicon.refusal_verbs:
        return
    particle = lexicon.refusal_particles.get(lemma)
    if particle is not None and not any(
        c.dep_ == "prt" and c.lower_ == particle for c in token.children
    ):
        return
    action = _complement(token) or first_child(token, OBJECT_DEPS)
    if action is None:
        return
    if _negative(token, lexicon):
        # "has not ruled out sending troops" keeps the option open: considered, positive.
        if particle is not None:
            yield Predicate(
                "open_option",
                (token,),
                token,
                action,
                Status.CONSIDERED,
                Polarity.POSITIVE,
                _subjects(token),
            )
        return
    yield Predicate(
        "refusal", (token,), token, action, Status.PLEDGED, Polarity.NEGATIVE, _subjects(token)
    )


def demand(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'Y urged X to VERB', 'Y called on X to', 'Y pressed for N', 'Y insisted on N',
    'Y demanded that X VERB'."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in lexicon.demand_verbs:
        return
    requesters = _subjects(token)
    complement = _complement(token)
    if complement is None:
        for child in token.children:  # "called on Iran to stop": infinitive under the object
            if child.dep_ == "prep":
                pobj = first_child(child, {"pobj"})
                infinitive = first_child(pobj, {"acl", "relcl"}) if pobj is not None else None
                if infinitive is not None and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children
                ):
                    complement = infinitive
    if complement is None:
        # "called on Ukraine to strengthen ...": the infinitive may hang on the verb.
        complement = next(
            (
                c
                for c in token.children
                if c.dep_ == "advcl"
                and c.i > token.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
    if complement is not None and complement.i < token.i:
        return  # "X has pledged ..., conditions Y had demanded": the clause came first
    if complement is not None and complement.dep_ == "ccomp":
        if lemma not in lexicon.demand_that_verbs:
            return  # "told reporters (that) ..." reports; it does not demand
        debtors = tuple(children(complement, SUBJECT_DEPS))
        yield Predicate(
            "demand_that",
            (token,),
            token,
            complement,
            Status.DEMANDED,
            _polarity(complement, lexicon),
            debtors,
            requesters,
            requires_debtor=True,
        )
        return
    if complement is not None:
        controller = object_controller(token)
        if controller is None and lemma in {"want", "need", "seek"}:
            return  # "X wants to act" is the subject's own wish
        debtors = (controller,) if controller is not None else ()
        if lemma in {"tell", "ask", "want", "need"} and controller is None:
            return
        yield Predicate(
            "demand_to",
            (token,),
            token,
            complement,
            Status.DEMANDED,
            _polarity(complement, lexicon),
            debtors,
            requesters,
        )
        return
    if lemma in {"want", "need", "tell", "ask", "encourage", "invite", "order", "instruct"}:
        return
    for prep in children(token, {"prep"}):
        # "Ukraine, for its part, is insisting on ...": an aside before the verb is not
        # what is demanded.
        if prep.lower_ in lexicon.demand_preps and prep.i > token.i:
            pobj = first_child(prep, {"pobj", "pcomp"})
            # "called on Ukraine" names who is asked, not what: without an infinitive
            # there is nothing to extract.
            if pobj is not None and pobj.pos_ not in {"PRON", "PROPN"}:
                yield Predicate(
                    "demand_for",
                    (token, prep),
                    token,
                    pobj,
                    Status.DEMANDED,
                    Polarity.POSITIVE,
                    (),
                    requesters,
                )
                return
    obj = first_child(token, OBJECT_DEPS)
    if obj is not None and lemma in {"demand", "request", "require"} and obj.pos_ != "PRON":
        yield Predicate(
            "demand_object",
            (token,),
            token,
            obj,
            Status.DEMANDED,
            Polarity.POSITIVE,
            (),
            requesters,
        )


def _polarity(verb: Token, lexicon: Lexicon) -> Polarity:
    return Polarity.NEGATIVE if _negative(verb, lexicon) else Polarity.POSITIVE


def _particle(verb: Token) -> Token | None:
    """Give the particle of a phrasal verb, also when parsed as the preposition right after
    it ("locked in a deal")."""
    for child in verb.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.i == verb.i + 1):
            return child
    return None


def formal_act(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X signed/ratified/locked in the accord' (formalized, when done, not when planned)."""
    lemma = token.lemma_.lower()
    particle_token = _particle(token)
    particle = particle_token.lower_ if particle_token is not None else None
    phrase = f"{lemma} {particle}" if particle else lemma
    if token.pos_ != "VERB" or (
        lemma not in lexicon.formal_verbs and phrase not in lexicon.formal_phrases
    ):
        return
    if token.tag_ not in PAST_TAGS or any(
        c.dep_ == "aux" and c.lower_ in lexicon.modal_status for c in token.children
    ):
        return
    if _negative(token, lexicon) or any(c.dep_ == "auxpass" for c in token.children):
        return
    obj = first_child(token, OBJECT_DEPS)
    cue: tuple[Token, ...] = (token,)
    if obj is None and particle_token is not None and phrase in lexicon.formal_phrases:
        obj = first_child(particle_token, {"pobj"})
        cue = (token, particle_token)
    if obj is None:
        return
    yield Predicate(
        "formal_act", cue, token, obj, Status.FORMALIZED, Polarity.POSITIVE, _subjects(token)
    )


def fulfilled_act(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X launched the process to reimpose sanctions', 'X delivered the aid' (fulfilled)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in lexicon.fulfilled_verbs or token.tag_ not in PAST_TAGS:
        return
    if _negative(token, lexicon) or any(c.dep_ in {"auxpass"} for c in token.children):
        return
    if token.dep_ in {"amod", "acl", "relcl"}:
        return  # "the aid delivered last year" describes, it does not report
    obj = first_child(token, OBJECT_DEPS)
    if obj is None or obj.lemma_.lower() in lexicon.hostile_nouns:
        return
    yield Predicate(
        "fulfilled_act", (token,), token, obj, Status.FULFILLED, Polarity.POSITIVE, _subjects(token)
    )


def withdrawal(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X withdrew from / pulled out of / cancelled the deal' (withdrawn)."""
    lemma = token.lemma_.lower()
    particle_token = _particle(token)
    particle = particle_token.lower_ if particle_token is not None else None
    phrase = f"{lemma} {particle}" if particle else lemma
    if token.pos_ != "VERB" or (
        lemma not in lexicon.withdrawn_verbs and phrase not in lexicon.withdrawn_phrases
    ):
        return
    if token.tag_ not in PAST_TAGS or _negative(token, lexicon):
        return
    action = first_child(token, OBJECT_DEPS)
    if action is None:
        for prep in children(token, {"prep"}):
            action = first_child(prep, {"pobj"})
            if action is not None:
                break
    if action is None:
        return
    yield Predicate(
        "withdrawal", (token,), token, action, Status.WITHDRAWN, Polarity.POSITIVE, _subjects(token)
    )


def passive_with_agent(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'guarantees were offered by France', 'the accord was signed by Kenya': the agent is
    the debtor and the passive subject the action."""
    if token.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in token.children):
        return
    agent = first_child(token, {"agent"})
    pobj = first_child(agent, {"pobj"}) if agent is not None else None
    subject = first_child(token, {"nsubjpass"})
    if pobj is None or subject is None or _negative(token, lexicon):
        return
    lemma = token.lemma_.lower()
    status: Status | None = lexicon.commissive_verbs.get(lemma)
    if lemma in lexicon.formal_verbs:
        status = Status.FORMALIZED
    elif lemma in lexicon.fulfilled_verbs and subject.lemma_.lower() not in lexicon.hostile_nouns:
        status = Status.FULFILLED
    if status is None or lemma == "expect":
        return
    modal_word = next(
        (c for c in token.children if c.dep_ == "aux" and c.lower_ in lexicon.modal_status), None
    )
    if modal_word is not None:
        status = lexicon.modal_status[modal_word.lower_]
    yield Predicate(
        "passive_with_agent", (token,), token, subject, status, Polarity.POSITIVE, (pobj,)
    )


RULES: tuple[Rule, ...] = (
    passive_with_agent,
    refusal,
    demand,
    readiness,
    commissive_noun,
    commissive_verb,
    formal_act,
    withdrawal,
    fulfilled_act,
    modal,
)
