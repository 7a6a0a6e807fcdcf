"""Rules for undertakings of one's own: commissive verbs, readiness, commissive nouns and
option lists, and modal verbs."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..records import Polarity, Status
from ..resources.lexicons import Lexicon
from .grammar import (
    FINITE_VERB_TAGS,
    OBJECT_DEPS,
    SUBJECT_DEPS,
    VERBAL_POS,
    children,
    first_child,
    is_reflexive,
)
from .predicate import (
    Predicate,
    complement_of,
    infinitive_after,
    infinitive_under,
    is_agent,
    is_past,
    modal_aux,
    names_no_act,
    negative,
    polarity_of,
    subjects_of,
    to_object,
    withdraws,
)
from .speech import reports


def litotes(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X would not hesitate to VERB': a negated reluctance pledges the act."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in lexicon.litotes_verbs or not negative(token, lexicon):
        return
    complement = complement_of(token)
    if complement is None or complement.dep_ != "xcomp":
        return
    yield Predicate(
        "litotes",
        (token,),
        token,
        complement,
        lexicon.litotes_verbs[lemma],
        polarity_of(complement, lexicon),
        subjects_of(token),
    )


def commissive_verb(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X pledged/agreed/offered/intends to VERB', 'X is expected to VERB', 'X pledged aid'."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.commissive_verbs:
        return
    lemma = token.lemma_.lower()
    status = lexicon.commissive_verbs[lemma]
    modal_word = modal_aux(token, lexicon)
    if modal_word is not None and lexicon.modal_status[modal_word.lower_] is Status.CONSIDERED:
        status = Status.CONSIDERED  # "Russia could agree to a ceasefire": an option
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if lemma in lexicon.forecast_verbs and not passive:
        # "Japan expects to sign" is Japan's intent; "we expect Russia to ..." forecasts
        # someone else's act.
        own_infinitive = complement_of(token)
        if (
            own_infinitive is None
            or own_infinitive.dep_ != "xcomp"
            or first_child(token, OBJECT_DEPS) is not None
            or children(own_infinitive, SUBJECT_DEPS)
        ):
            return
    if negative(token, lexicon):
        # "has not agreed to" reports no undertaking; "does not intend to lift" signals
        # that it will not.
        intent = complement_of(token) if lemma in lexicon.intent_verbs else None
        if intent is not None and intent.dep_ == "xcomp":
            yield Predicate(
                "commissive_verb",
                (token,),
                token,
                intent,
                status,
                Polarity.NEGATIVE,
                subjects_of(token),
            )
        return
    complement = complement_of(token)
    control = _object_control(token, lexicon)
    if control is not None:
        complement = control[1]
    if complement is not None and _reporting_clause(token, complement, lexicon):
        complement = None  # "agreed to a truce, Saudi Arabia said": the attribution
    if (
        complement is not None
        and complement.dep_ == "xcomp"
        and lexicon.commissive_verbs.get(lemma) is Status.SIGNALED
        and names_no_act(complement, lexicon)
    ):
        return  # "sought to calm fears", "aims to reassure": words, not an act
    if complement is not None and _question_of_fact(lemma, complement, lexicon):
        return
    if (
        complement is not None
        and reports(token, lexicon)
        and complement.dep_ == "ccomp"
        and is_past(complement)
        and modal_aux(complement, lexicon) is None
        and children(complement, SUBJECT_DEPS)
    ):
        status = Status.FULFILLED  # "Seoul confirmed it had dismantled the loudspeakers"
    if (
        complement is not None
        and complement.dep_ == "xcomp"
        and complement.lemma_.lower() in lexicon.deliberation_verbs
    ):
        # "agreed to consider the opening of crossings": an option, on what is considered.
        status = Status.CONSIDERED
        complement = (
            complement_of(complement) or first_child(complement, OBJECT_DEPS) or complement
        )
    if complement is not None:
        # Negated complement: "pledges not to annex" binds the debtor not to act.
        polarity = Polarity.NEGATIVE if negative(complement, lexicon) else Polarity.POSITIVE
        # "threatened that the United States might not defend ...": a that-clause with a
        # subject of its own binds that subject.
        # So does a noun for an actor: "vowed that the government would not seek ...".
        own = tuple(
            s
            for s in children(complement, SUBJECT_DEPS)
            if complement.dep_ == "ccomp"
            and (
                s.pos_ in {"PROPN", "PRON"}
                or (s.pos_ == "NOUN" and s.lemma_.lower() in lexicon.group_nouns)
            )
        )
        controller = (control[0],) if control is not None else ()
        bound = own or controller or subjects_of(token)
        yield Predicate(
            "commissive_verb",
            (token,),
            token,
            complement,
            status,
            polarity,
            bound,
            # "the government" that names no actor here: the one who vowed is bound.
            fallback_debtors=subjects_of(token) if own else (),
        )
        return
    obj = first_child(token, OBJECT_DEPS)
    if obj is not None and is_reflexive(obj):
        obj = None  # "Germany committed itself to spending ...": as "committed to"
    if lemma in lexicon.endorsement_verbs:
        # "Greece backed the proposal": support for what the object names; with a modal
        # ("will support", "should support") the modal rule says more.
        finite = token.tag_ in FINITE_VERB_TAGS or (token.tag_ == "VBN" and is_past(token))
        # "a loan to support reconstruction" is a purpose, not support the lender declares.
        if obj is not None and obj.lemma_.lower() in lexicon.unendorsed_objects:
            return  # "accepted responsibility for the strike" backs no undertaking
        if obj is not None and (obj.tag_ == "PRP" or obj.ent_type_ == "PERSON"):
            return  # "Ankara backed him": support for a person, not for an act
        if obj is not None and finite:
            yield Predicate(
                "commissive_object",
                (token,),
                token,
                obj,
                status,
                Polarity.POSITIVE,
                subjects_of(token),
            )
        return
    if obj is not None and obj.lemma_.lower() in lexicon.commissive_nouns:
        return  # "announced their readiness to ...": the noun rule reads it
    if obj is not None and lemma in lexicon.object_taking_verbs:
        if status is Status.CONSIDERED and obj.lemma_.lower() in lexicon.publication_nouns:
            return  # "will study the report": reading, not an option weighed
        yield Predicate(
            "commissive_object", (token,), token, obj, status, Polarity.POSITIVE, subjects_of(token)
        )
        return
    target = to_object(token)  # "committed to diplomacy", "agreed to a ceasefire"
    if target is not None and lemma in lexicon.to_object_verbs:
        yield Predicate(
            "commissive_to", (token,), token, target, status, Polarity.POSITIVE, subjects_of(token)
        )


def _object_control(verb: Token, lexicon: Lexicon) -> tuple[Token, Token] | None:
    """Give the object an object-control verb binds and the infinitive it binds it to
    ("committing Azerbaijan to lift exports": Azerbaijan, not the signers), or None."""
    if verb.lemma_.lower() not in lexicon.object_control_verbs:
        return None
    obj = first_child(verb, OBJECT_DEPS)
    if obj is None or is_reflexive(obj):
        return None  # "committed itself to ..." binds the subject
    infinitive = infinitive_after(obj) or _gerund_after_to(verb, obj)
    return (obj, infinitive) if infinitive is not None else None


def _gerund_after_to(verb: Token, obj: Token) -> Token | None:
    """Give the gerund of "to" + "-ing" after a verb's object ("commits New Delhi to
    eliminating duties")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to" and prep.i > obj.i:
            gerund = first_child(prep, {"pcomp", "pobj"})
            if gerund is not None and gerund.tag_ == "VBG":
                return gerund
    return None


# What a reporting verb reports, when it has its own: "said that ...", "said it would ...".
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "dobj", "obj"})


def _reporting_clause(verb: Token, clause: Token, lexicon: Lexicon) -> bool:
    """Tell whether a clause parsed as the verb's complement is the sentence's attribution
    ("X agreed to a truce, Saudi Arabia and the United States said"): a reporting verb
    after a comma, with nothing reported in its own complement."""
    return (
        clause.dep_ == "ccomp"
        and clause.i > verb.i
        and reports(clause, lexicon)
        and not children(clause, REPORTED_DEPS)
        and any(t.text == "," for t in clause.doc[verb.i : clause.i])
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
    complement = complement_of(token) or to_object(token)
    if complement is None:
        return
    head = token.head if token.dep_ in {"acomp", "amod", "oprd"} else token
    subjects = subjects_of(head)
    negated = negative(head, lexicon) or negative(token, lexicon) or negative(complement, lexicon)
    polarity = Polarity.NEGATIVE if refusal != negated else Polarity.POSITIVE
    if negated and not refusal:
        status = Status.PLEDGED  # "is not prepared to" is a refusal
    yield Predicate("readiness", (token,), head, complement, status, polarity, subjects)


def commissive_noun(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'the EU's pledge to eliminate tariffs', 'announced their readiness to ...',
    'Washington's potential role as ...', 'options on the table include ...'."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon.commissive_nouns:
        return
    if token.dep_ in OBJECT_DEPS and token.head.lemma_.lower() in lexicon.refusal_verbs:
        return  # "Poland blocked a plan to cut subsidies": the refusal rule reads it
    value = lexicon.commissive_nouns[token.lemma_.lower()]
    status = value if value is not None else Status.PLEDGED
    # "has no plans to", "showed no willingness to", "gave no commitment to": a refusal.
    polarity = Polarity.NEGATIVE if value is None or _negated_noun(token) else Polarity.POSITIVE
    hedged = any(c.dep_ == "amod" and c.lower_ in lexicon.hedge_adjectives for c in token.children)
    governing_status = lexicon.commissive_verbs.get(token.head.lemma_.lower())
    if token.dep_ in OBJECT_DEPS and governing_status is Status.CONSIDERED:
        hedged = True  # "is considering a role as a mediator"
    if hedged:
        status = Status.CONSIDERED
    # "backed away from its pledge to send jets", "scrapped its plan to ...": withdrawn.
    withdrawing = token.head.head if token.dep_ == "pobj" else token.head
    if withdrawing.dep_ == "advmod":
        withdrawing = withdrawing.head  # "backed away from": "from" hangs on "away"
    withdrawn = token.dep_ in OBJECT_DEPS | {"pobj"} and withdraws(withdrawing, lexicon)
    if withdrawn:
        status = Status.WITHDRAWN
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
        debtors = subjects_of(governor)
    if withdrawn and (not debtors or debtors[0].pos_ == "PRON"):
        debtors = subjects_of(withdrawing)
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
    if action.i == token.i and not hedged and not _pledged_to(token, lexicon):
        return  # "Europe's plan" names a thing; "Washington's potential role" is an option
    yield Predicate("commissive_noun", (token,), token, action, status, polarity, debtors)


def _pledged_to(noun: Token, lexicon: Lexicon) -> bool:
    """Tell whether a noun of pledging names what is pledged: an owned one's cause ("their
    commitment to Ukraine's security", not "security guarantees to Ukraine", whose "to" names
    a beneficiary and whose giver the noun does not say), or a sum ("a pledge of $3 billion")."""
    lemma = noun.lemma_.lower()
    if (
        lexicon.commissive_nouns.get(lemma) is not Status.PLEDGED
        or lemma in lexicon.hedged_only_nouns
    ):
        return False
    owned = any(c.dep_ == "poss" for c in noun.children)
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ == "to" and owned and any(o.pos_ in {"NOUN", "PROPN"} for o in objects):
            return True
        # "announced a pledge of $3 billion": a sum makes the pledge concrete.
        if prep.lower_ == "of" and any(_is_sum(o) for o in objects):
            return True
    return False


def _is_sum(token: Token) -> bool:
    return token.ent_type_ == "MONEY" or token.like_num or token.text in {"$", "€", "£"}


def _noun_complement(noun: Token) -> Token | None:
    """Give the action a commissive noun announces: its infinitive ('pledge to X'), its
    of-gerund ('possibility of deploying'), its 'as' role ('role as a backstop'), or the
    noun itself when a hedge makes it a possibility ('potential role')."""
    own = infinitive_under(noun)
    if own is not None:
        return own
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "as", "for", "to"}:
            pobj = first_child(child, {"pobj", "pcomp"})
            if pobj is not None and pobj.tag_ == "VBG" and _negated_noun(noun):
                return pobj  # "no intention of lifting the ban": lifting the ban
            if pobj is not None:
                return noun
    after = infinitive_after(noun)
    if after is not None:
        return after
    if any(c.dep_ == "poss" for c in noun.children):
        return noun
    return None


def _question_of_fact(lemma: str, clause: Token, lexicon: Lexicon) -> bool:
    """Tell whether a verb's clause asks how things are ("studying whether the levy was
    compatible", "to study how the water is shared"), not whether to act: "considering
    whether it will send troops" weighs an option."""
    asks = any(
        (c.dep_ == "mark" and c.lower_ in lexicon.non_commissive_marks)
        or (c.dep_ == "advmod" and c.tag_ == "WRB")
        for c in clause.children
    )
    return (
        clause.dep_ == "ccomp"
        and asks
        and modal_aux(clause, lexicon) is None
        and (clause.lemma_.lower() == "be" or lemma in lexicon.deliberation_verbs)
    )


def _negated_noun(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _governing_subjects(token: Token) -> tuple[Token, ...]:
    """Give the subject of the nearest clause above a noun ("He announced a plan including
    a commitment to ..." -> He; "we will be in a position to ..." -> we)."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in VERBAL_POS:
            subjects = tuple(s for s in subjects_of(ancestor) if s.i != token.i)
            if subjects:
                return subjects
            if ancestor.dep_ not in {"acl", "relcl", "pcomp", "prep"}:
                return ()
    return ()


def _going_to(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether a verb is the infinitive of "be going to", a future like "will"."""
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.tag_ == "VBG"
        and head.lemma_.lower() in lexicon.future_semi_modals
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
    )


def modal(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'X will/would/shall VERB' (pledged), 'X could VERB' (considered),
    'X must/should VERB' (demanded by the speaker); with 'not' a refusal."""
    lemma = token.lemma_.lower()
    if token.pos_ not in VERBAL_POS or lemma in lexicon.non_action_verbs:
        return  # under a bare modal, "will include"/"will add" describe, as "will become"
    if lemma in lexicon.event_verbs and _is_event(token, lexicon):
        return
    modal_word = modal_aux(token, lexicon)
    semi, semi_status = None, Status.DEMANDED
    if (
        modal_word is None
        and token.dep_ == "xcomp"
        and token.head.lemma_ in lexicon.demanded_semi_modals
    ):
        semi = token.head  # "X needs to / has to VERB"
        if any(c.lower_ in lexicon.pending_adverbs for c in semi.children):
            return  # "have yet to deliver": still pending, not an obligation
    elif modal_word is None and _going_to(token, lexicon):
        semi, semi_status = token.head, Status.PLEDGED  # "X is (not) going to VERB"
    if modal_word is None and semi is None:
        return
    if modal_word is not None and token.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in token.children
    ):
        return  # "NATO would have responded": what did not happen, not an undertaking
    status = lexicon.modal_status[modal_word.lower_] if modal_word is not None else semi_status
    negated = negative(token, lexicon) or (semi is not None and negative(semi, lexicon))
    # "offered no guarantee that it would cut X": the clause of a noun with "no".
    negated = negated or (token.dep_ in {"acl", "ccomp"} and _negated_noun(token.head))
    passive = any(c.dep_ == "auxpass" for c in token.children)
    agent = next((c for c in token.children if is_agent(c)), None) if passive else None
    subjects = children(token, SUBJECT_DEPS) or (children(semi, SUBJECT_DEPS) if semi else [])
    if not subjects and token.dep_ == "conj":
        subjects = list(subjects_of(token))
    if (
        modal_word is not None
        and modal_word.lower_ in lexicon.inverted_conditionals
        and subjects
        and modal_word.i < subjects[0].i
    ):
        return  # "Should a new emergency be declared, Japan ...": a condition, no demand
    debtors: tuple[Token, ...] = tuple(subjects)
    if passive and subjects:
        # "no U.S. troops will be deployed": the actor modifying the subject is the debtor,
        # and "no" makes it a refusal.
        subject = subjects[0]
        no_one = any(c.lower_ == "no" and c.dep_ == "det" for c in subject.children)
        negated = negated or no_one
        # Only a proper modifier can name one ("U.S.", "German"), not "the additional money".
        # "Beninese trucks would be allowed in": who is let in is not who lets.
        lets = lemma in lexicon.permission_verbs
        debtors = () if lets else tuple(
            c
            for c in subject.children
            if c.dep_ in {"compound", "amod", "poss"}
            and (c.pos_ == "PROPN" or c.text[:1].isupper() or c.tag_ == "PRP$")
        )
        # "sanctions will be lifted by the United States": the agent is the debtor.
        if agent is not None:
            debtors = tuple(c for c in agent.children if c.dep_ == "pobj")
        if no_one and not debtors:
            return  # "no country should be left behind" names nobody
    if any(
        c.dep_ in {"preconj", "advmod", "neg"} and c.lower_ in lexicon.negators
        for s in subjects
        for c in s.children
    ):
        return  # "not every nation will contribute" is nobody's refusal
    if any(s.lower_ in lexicon.negative_pronouns for s in subjects):
        return  # "nobody should doubt our resolve" binds no one
    polarity = Polarity.NEGATIVE if negated else Polarity.POSITIVE
    if lemma in lexicon.deliberation_verbs and status is Status.PLEDGED and not negated:
        status = Status.CONSIDERED  # "would consider all options" weighs them, no more
    if negated and status is Status.CONSIDERED:
        if lemma not in lexicon.stance_verbs:
            return  # "could not" describes ability, not a refusal
        status = Status.PLEDGED  # "Washington could not support applying resolution 2719"
    obj = first_child(token, OBJECT_DEPS)
    if (
        status is Status.CONSIDERED
        and obj is not None
        and obj.lemma_.lower() in lexicon.hostile_nouns
    ):
        return  # "Russia could launch an offensive" forecasts a threat, not an option
    if status is Status.CONSIDERED and lemma in lexicon.refusal_verbs:
        return  # "the court could still block parts of it" forecasts, it offers nothing
    cue = (modal_word,) if modal_word is not None else (semi,) if semi is not None else ()
    agentless = passive and not debtors and agent is None
    # "the releases would go ahead only if ...": an act named as the subject of a verb of
    # taking place, with no actor, binds the speaker as an agentless passive does.
    act_takes_place = (
        not passive
        and lemma in lexicon.proceed_verbs
        and first_child(token, OBJECT_DEPS) is None
        and len(subjects) == 1
        and subjects[0].lemma_.lower() in lexicon.undertaking_event_nouns
    )
    yield Predicate(
        "modal",
        tuple(t for t in cue if t is not None),
        token,
        token,
        status,
        polarity,
        debtors,
        speaker_requests=status is Status.DEMANDED,
        speaker_binds=status is Status.PLEDGED
        and ((agentless and lemma in lexicon.passive_undertaking_verbs) or act_takes_place),
    )


def _is_event(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether an event verb reports a date in the calendar ("will travel to Riyadh",
    "will meet Putin", "will attend the summit") rather than an undertaking ("will meet
    the targets", "will convene an emergency meeting", "will be returned by X")."""
    if any(c.dep_ == "auxpass" for c in token.children):
        return False
    obj = first_child(token, OBJECT_DEPS)
    if obj is None:
        return not _resumes(token, lexicon)
    if token.lemma_.lower() in lexicon.arranging_verbs:
        return False
    return (
        obj.pos_ == "PROPN"
        or obj.ent_type_ != ""
        or obj.lemma_.lower() in lexicon.event_objects | lexicon.time_nouns
        or obj.tag_ == "PRP"
    )


def _resumes(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether a verb of going back goes back to a thing, not a place: "will return
    to international markets", "to the negotiating table"."""
    if token.lemma_.lower() not in lexicon.resumption_verbs:
        return False
    for prep in children(token, {"prep"}):
        if prep.lower_ == "to":
            goal = first_child(prep, {"pobj"})
            return (
                goal is not None
                and goal.pos_ == "NOUN"
                and goal.ent_type_ == ""
                and goal.lemma_.lower() not in lexicon.event_objects
            )
    return False


def conditional_undertaking(token: Token, lexicon: Lexicon) -> Iterator[Predicate]:
    """'Senegal's support is conditional on a ceasefire', 'Germany's contribution is tied to
    a vote': an actor's undertaking, named by a noun, that a condition binds."""
    if token.lower_ not in lexicon.condition_first_words:
        return
    holder = token.head if token.dep_ == "acomp" else token
    subject = next((c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lemma_.lower() not in lexicon.undertaking_nouns:
        return
    if negative(holder, lexicon) or negative(token, lexicon):
        return
    # "Germany's contribution", "support from the Fund"; with neither, the undertaking of
    # whoever announces it ("Any further disbursement will depend on ..., the IMF said").
    owners = tuple(c for c in subject.children if c.dep_ == "poss") or tuple(
        pobj
        for prep in subject.children
        if prep.dep_ == "prep" and prep.lower_ in lexicon.demand_source_preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    )
    # Anchored on the noun: the condition's own words ("conditional on") hold the cue.
    yield Predicate(
        "conditional_undertaking",
        (token,),
        subject,
        subject,
        Status.PLEDGED,
        Polarity.POSITIVE,
        owners,
        requires_debtor=True,
        speaker_binds=not owners,
    )
