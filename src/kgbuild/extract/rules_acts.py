"""Rules for refusals, demands on others, and acts done or undone: formal acts,
fulfilled acts, withdrawals, and passives with an agent."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..records import Polarity, Status
from ..resources.lexicons import Lexicon
from .grammar import (
    OBJECT_DEPS,
    SUBJECT_DEPS,
    VERBAL_POS,
    children,
    first_child,
    infinitive_to,
    object_controller,
)
from .predicate import (
    PAST_TAGS,
    Predicate,
    complement_of,
    infinitive_after,
    infinitive_under,
    is_agent,
    is_past,
    modal_aux,
    names_no_act,
    negative,
    phrasal,
    polarity_of,
    subjects_of,
    withdraws,
)
from .speech import reports

# What makes a noun a thing of its own ("any rise"), not a bare word ("declined comment").
NOUN_QUALIFIER_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod"})
# Entities that name who receives a thing ("provided Moldova with ...").
RECIPIENT_ENTITIES = frozenset({"GPE", "ORG", "NORP", "PERSON"})
# Entities that name an amount, not an addressee: "needed three years to close a deal".
AMOUNT_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL"})


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
    action = (
        complement_of(token)
        or first_child(token, OBJECT_DEPS)
        or _refused_by_prep(token, lexicon)
        or first_child(token, {"xcomp"})  # "ruled out handing over", "handing" a noun
    )
    if action is None:
        return
    if action.lemma_.lower() in lexicon.hearsay_nouns and any(
        c.dep_ in {"acl", "ccomp"} and c.lemma_ == "be" for c in action.children
    ):
        # "reject any suggestion that the ban is negotiable" denies a claim of how things
        # are; "dismissed suggestions that it would send missiles" refuses the act.
        return
    modal_word = modal_aux(token, lexicon)
    if modal_word is not None and lexicon.modal_status[modal_word.lower_] is Status.CONSIDERED:
        return  # "the court could still block parts of it": a possibility, not a refusal
    if action.lemma_.lower() in lexicon.request_nouns:
        # "rejected calls to accept a haircut": what was asked is what is refused.
        action = _asked_act(action) or action
    bare_noun = action.pos_ == "NOUN" and not any(
        c.dep_ in NOUN_QUALIFIER_DEPS for c in action.children
    )
    if (action.pos_ in VERBAL_POS or bare_noun) and names_no_act(action, lexicon):
        # "declined to say whether ...", "refused to comment", "refrained from comment"
        # withhold words only.
        return
    if negative(token, lexicon):
        # "has not ruled out sending troops" keeps the option open: considered, positive.
        if particle is not None:
            yield Predicate(
                "open_option",
                (token,),
                token,
                action,
                Status.CONSIDERED,
                Polarity.POSITIVE,
                subjects_of(token),
            )
        return
    yield Predicate(
        "refusal", (token,), token, action, Status.PLEDGED, Polarity.NEGATIVE, subjects_of(token)
    )


def _refused_by_prep(token: Token, lexicon: Lexicon) -> Token | None:
    """Give the act a refusal verb takes after a preposition: "refrain from building"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in lexicon.refusal_preps:
            return first_child(child, {"pcomp", "pobj"})
    return None


def _asked_for(verb: Token, addressee: Token | None) -> Token | None:
    """Give what a demand verb asks its object for ("asked Washington for a delay"): the
    object of a "for" after the object; not a duration or a name ("for months", "for
    Shetland")."""
    if addressee is None:
        return None
    for prep in children(verb, {"prep"}):
        if prep.lower_ == "for" and prep.i > addressee.i:
            thing = first_child(prep, {"pobj"})
            if thing is None or thing.pos_ != "NOUN" or thing.ent_type_ in AMOUNT_ENTITIES:
                continue
            return thing
    return None


def _asked_in_passive(verb: Token) -> tuple[Token, tuple[Token, ...]] | None:
    """Give the subject of a passive demand verb and who asks, if named: "Kenya has been
    told to cut its deficit", "Turkey was asked by the UN to host the talks"."""
    subject = first_child(verb, {"nsubjpass"})
    if subject is None or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    agent = next((c for c in verb.children if is_agent(c)), None)
    asking = tuple(children(agent, {"pobj"})) if agent is not None else ()
    return subject, asking


def _infinitive_subject(clause: Token) -> Token | None:
    """Give the subject the parser gave an infinitive clause ("wants [Russia to
    withdraw]"): who is asked to act."""
    if clause.dep_ != "ccomp" or infinitive_to(clause) is None:
        return None
    return first_child(clause, {"nsubj"})


def _refrained_from(verb: Token, lexicon: Lexicon) -> Token | None:
    """Give what a verb of refraining alone keeps from ("refrain from any action"), the
    act a demand to refrain asks not to be done; None for other verbs, or when another
    act is joined to it ("exercise restraint and refrain from ...")."""
    if verb.lemma_.lower() not in lexicon.refusal_verbs or verb.conjuncts:
        return None
    if verb.lemma_.lower() in lexicon.refusal_particles:
        return None
    return _refused_by_prep(verb, lexicon)


def _asked_act(request: Token) -> Token | None:
    """Give the act a request noun asks for: its infinitive, on the noun ("demands to
    lift") or, as the parser often has it, on the verb right after the noun ("calls to
    accept"); or its "that" clause ("the demand that it stop buying oil")."""
    own = infinitive_under(request)
    if own is not None:
        return own
    for clause in request.children:  # "rejected the demand that it stop buying oil"
        if clause.dep_ in {"acl", "ccomp"} and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
        ):
            return clause
    after = infinitive_after(request)
    to = infinitive_to(after) if after is not None else None
    return after if to is not None and to.i == request.right_edge.i + 1 else None


def demand(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'Y urged X to VERB', 'Y called on X to', 'Y pressed for N', 'Y insisted on N',
    'Y demanded that X VERB'."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in lexicon.demand_verbs:
        return
    if negative(token, lexicon):
        return  # "has not asked X to", "will not request aid" (the modal rule's refusal)
    requesters = subjects_of(token)
    complement = complement_of(token)
    if complement is not None and complement.dep_ == "advcl":
        complement = None  # "would not order cuts, arguing that ...": a reason, not the act
    if complement is None:
        for child in token.children:  # "called on Iran to stop": infinitive under the object
            if child.dep_ == "prep":
                pobj = first_child(child, {"pobj"})
                infinitive = first_child(pobj, {"acl", "relcl"}) if pobj is not None else None
                if infinitive is not None and infinitive_to(infinitive) is not None:
                    complement = infinitive
    if complement is None:
        # "called on Ukraine to strengthen ...": the infinitive may hang on the verb.
        complement = next(
            (
                c
                for c in token.children
                if c.dep_ == "advcl" and c.i > token.i and infinitive_to(c) is not None
            ),
            None,
        )
    if complement is not None and complement.i < token.i:
        return  # "X has pledged ..., conditions Y had demanded": the clause came first
    # "Germany wants Russia to withdraw": the addressee parsed as the clause's subject.
    addressee = _infinitive_subject(complement) if complement is not None else None
    if complement is not None and complement.dep_ == "ccomp" and addressee is None:
        if lemma not in lexicon.demand_that_verbs:
            return  # "told reporters (that) ..." reports; it does not demand
        if any(
            c.dep_ == "mark" and c.lower_ in lexicon.non_commissive_marks
            for c in complement.children
        ):
            return  # "asked whether France would send troops" asks a question
        if _indicative(complement, lexicon):
            return  # "insists that it is a preferred creditor" asserts; it does not demand
        debtors = tuple(children(complement, SUBJECT_DEPS))
        yield Predicate(
            "demand_that",
            (token,),
            token,
            complement,
            Status.DEMANDED,
            polarity_of(complement, lexicon),
            debtors,
            requesters,
            requires_debtor=True,
        )
        return
    if complement is not None:
        controller = object_controller(token) or addressee
        asked = _asked_in_passive(token)
        if controller is None and asked is not None:
            # "Turkey was asked to host the talks (by the UN)": the subject is asked.
            controller, requesters = asked
        if controller is None and lemma in lexicon.addressee_verbs:
            return  # "X wants to act" is the subject's own wish, "asked to" says nothing
        if controller is not None and controller.ent_type_ in AMOUNT_ENTITIES:
            return  # "needed three years to close a deal": the infinitive is a purpose
        debtors = (controller,) if controller is not None else ()
        polarity = polarity_of(complement, lexicon)
        refrained = _refrained_from(complement, lexicon)
        if refrained is not None:  # "called on both sides to refrain from any action"
            complement, polarity = refrained, Polarity.NEGATIVE
        yield Predicate(
            "demand_to",
            (token,),
            token,
            complement,
            Status.DEMANDED,
            polarity,
            debtors,
            requesters,
        )
        return
    obj = first_child(token, OBJECT_DEPS)
    asked_for = _asked_for(token, obj) if lemma in lexicon.asking_verbs else None
    if obj is not None and asked_for is not None:
        # "asked Washington for a delay", "will press the association for a wage revision"
        yield Predicate(
            "demand_for",
            (token,),
            token,
            asked_for,
            Status.DEMANDED,
            Polarity.POSITIVE,
            (obj,),
            requesters,
        )
        return
    if lemma in lexicon.addressee_verbs:
        return  # these demand only of an addressee, with an infinitive
    # "called the agreement a good day for Shetland", "push talks on the next phase": with a
    # thing as object, the preposition is not "calling for", "pushing for".
    thing = obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() not in lexicon.group_nouns
    for prep in [] if thing else children(token, {"prep"}):
        # "Ukraine, for its part, is insisting on ...": an aside before the verb is not
        # what is demanded.
        if prep.lower_ in lexicon.demand_preps and prep.i > token.i:
            pobj = first_child(prep, {"pobj", "pcomp"})
            if pobj is not None and pobj.ent_type_ in AMOUNT_ENTITIES:
                continue  # "pushed for this for months": a duration, not what is asked
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
    if obj is not None and lemma in lexicon.demand_object_verbs and obj.pos_ != "PRON":
        # "requested Japan's continued support": whose support is asked is asked for it.
        owner = first_child(obj, {"poss"})
        yield Predicate(
            "demand_object",
            (token,),
            token,
            obj,
            Status.DEMANDED,
            Polarity.POSITIVE,
            (owner,) if owner is not None and owner.pos_ != "PRON" else (),
            requesters,
        )


def _indicative(verb: Token, lexicon: Lexicon) -> bool:
    """Tell whether a that-clause states a fact ("that it is", "that they have learned")
    rather than what should happen ("that X hand over", "that X must withdraw")."""
    if modal_aux(verb, lexicon) is not None:
        return False
    return is_past(verb) or verb.tag_ == "VBZ"


def formal_act(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X signed/ratified/locked in the accord' (formalized, when done, not when planned)."""
    if token.pos_ != "VERB" or token.tag_ not in PAST_TAGS:
        return
    lemma = token.lemma_.lower()
    phrase, particle_token = phrasal(token)
    if lemma not in lexicon.formal_verbs and phrase not in lexicon.formal_phrases:
        return
    if modal_aux(token, lexicon) is not None:
        return
    if negative(token, lexicon) or any(c.dep_ == "auxpass" for c in token.children):
        return
    if any(c.dep_ == "advmod" and c.lower_ in lexicon.experience_adverbs for c in token.children):
        return  # "Russia has signed papers before": other signings, recalled
    obj = first_child(token, OBJECT_DEPS)
    cue: tuple[Token, ...] = (token,)
    if obj is None and particle_token is not None and phrase in lexicon.formal_phrases:
        # "locked in a deal"; "signed off on the package", "on" after the particle
        after = [p for p in children(token, {"prep"}) if p.i > particle_token.i]
        obj = first_child(particle_token, {"pobj"}) or next(
            (o for p in after for o in children(p, {"pobj"})), None
        )
        cue = (token, particle_token)
    if obj is None:
        return
    yield Predicate(
        "formal_act", cue, token, obj, Status.FORMALIZED, Polarity.POSITIVE, subjects_of(token)
    )


def agreement_reached(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'The IMF reached an agreement with Sri Lanka', 'X and Y struck a deal': an undertaking
    of the subject and of the partner named with "with" (pledged)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in lexicon.agreement_verbs or token.tag_ not in PAST_TAGS:
        return
    if negative(token, lexicon) or any(c.dep_ == "auxpass" for c in token.children):
        return
    if modal_aux(token, lexicon) is not None:
        return  # "could reach a deal": the modal rule reads it
    obj = first_child(token, OBJECT_DEPS)
    if obj is None or obj.lemma_.lower() not in lexicon.agreement_nouns:
        return
    partners = tuple(
        pobj
        for holder in (obj, token)
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    )
    yield Predicate(
        "agreement_reached",
        (token,),
        token,
        obj,
        Status.PLEDGED,
        Polarity.POSITIVE,
        (*subjects_of(token), *partners),
    )


def fulfilled_act(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X launched the process to reimpose sanctions', 'X delivered the aid' (fulfilled)."""
    if token.pos_ != "VERB" or token.tag_ not in PAST_TAGS:
        return
    lemma = token.lemma_.lower()
    if lemma not in lexicon.fulfilled_verbs and phrasal(token)[0] not in lexicon.fulfilled_phrases:
        return
    if negative(token, lexicon) or any(c.dep_ in {"auxpass"} for c in token.children):
        return
    if token.dep_ in {"amod", "acl", "relcl"}:
        return  # "the aid delivered last year" describes, it does not report
    if modal_aux(token, lexicon) is not None:
        return  # "could have sent more tanks": what was not done
    if _background_past(token, lexicon):
        return  # "ECOWAS had imposed sanctions after the coup": the story's background
    obj = _given_thing(token, first_child(token, OBJECT_DEPS))
    if obj is None or obj.lemma_.lower() in lexicon.hostile_nouns | lexicon.publication_nouns:
        return  # "launched an offensive", "released a statement": no undertaking kept
    if obj.lower_ in lexicon.negative_pronouns:
        return  # "has paid nothing since 2023"
    yield Predicate(
        "fulfilled_act",
        (token,),
        token,
        obj,
        Status.FULFILLED,
        Polarity.POSITIVE,
        subjects_of(token),
    )


def _given_thing(verb: Token, obj: Token | None) -> Token | None:
    """Give what a verb of giving gives: its object, or, when the object is who receives
    ("provided Moldova with EUR 500 million"), the object of "with"."""
    if obj is None or obj.ent_type_ not in RECIPIENT_ENTITIES:
        return obj
    for prep in children(verb, {"prep"}):
        if prep.lower_ == "with":
            return first_child(prep, {"pobj"}) or obj
    return obj


def _background_past(verb: Token, lexicon: Lexicon) -> bool:
    """Tell whether a verb in the past perfect tells the story's background ("X had
    imposed sanctions in 2023") rather than what someone reports having done ("Egypt said
    it had already delivered fuel")."""
    perfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
    reported = any(reports(a, lexicon) for a in verb.ancestors)
    # "London had contributed £8 million, she said": an attribution set in the clause.
    reported = reported or any(
        child.dep_ in {"parataxis", "advcl"} and reports(child, lexicon)
        for clause in (verb, verb.head)
        for child in clause.children
    )
    return perfect and not reported


def withdrawal(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X withdrew from / pulled out of / cancelled the deal' (withdrawn)."""
    if not withdraws(token, lexicon):
        return
    action = first_child(token, OBJECT_DEPS)
    if action is None:
        # "pulled out of a planned meeting ... in October": the first object of a
        # preposition, also under "out", that is not a date.
        heads = (token, *children(token, {"prep", "prt"}))
        preps = [p for t in heads for p in children(t, {"prep"})]
        for prep in sorted(preps, key=lambda p: p.i):
            action = first_child(prep, {"pobj"})
            if action is not None and action.ent_type_ not in {"DATE", "TIME"}:
                break
            action = None
    if action is None:
        return
    yield Predicate(
        "withdrawal",
        (token,),
        token,
        action,
        Status.WITHDRAWN,
        Polarity.POSITIVE,
        subjects_of(token),
    )


def passive_with_agent(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'guarantees were offered by France', 'the accord was signed by Kenya': the agent is
    the debtor and the passive subject the action."""
    if token.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in token.children):
        return
    agent = next((c for c in token.children if is_agent(c)), None)
    pobj = first_child(agent, {"pobj"}) if agent is not None else None
    subject = first_child(token, {"nsubjpass"})
    if pobj is None or subject is None or negative(token, lexicon):
        return
    lemma = token.lemma_.lower()
    status: Status | None = lexicon.commissive_verbs.get(lemma)
    if lemma in lexicon.formal_verbs:
        status = Status.FORMALIZED
    elif lemma in lexicon.fulfilled_verbs and subject.lemma_.lower() not in lexicon.hostile_nouns:
        status = Status.FULFILLED
    if status is None or lemma in lexicon.forecast_verbs:
        return
    modal_word = modal_aux(token, lexicon)
    if modal_word is not None:
        status = lexicon.modal_status[modal_word.lower_]
    yield Predicate(
        "passive_with_agent", (token,), token, subject, status, Polarity.POSITIVE, (pobj,)
    )
