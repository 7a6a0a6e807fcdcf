"""Assembling commitments: predicates found in each sentence, their actors resolved, their
actions phrased, their conditions attached, their speakers named."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..records import ActorType, Article, Commitment, Condition, Span, Status
from ..resources.lexicons import Lexicon
from .actor_index import SIDES, SPEAKER_PRONOUNS, SUBJECT_DEPS, in_regions
from .actors import ActorIndex
from .conditions import FoundCondition, find_conditions
from .grammar import doc_text, infinitive_to, phrase, singular, tense_shift
from .predicates import Predicate, find_predicates
from .references import Resolver
from .speech import Quote, find_quotes, find_turns, quote_at, reporting_subject, reports

# Prepositions whose object is the target of an action, not its beneficiary
# ("sanctions on Iran", "pressure against Russia").
TARGET_PREPS = frozenset({"on", "upon", "against", "from", "over", "with", "under", "about"})
# Children of the action head that never belong to the action phrase.
HEAD_ONLY_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "expl",
        "aux",
        "auxpass",
        "neg",
        "mark",
        "parataxis",
        "intj",
        "discourse",
        "meta",
    }
)
# Parenthetical material anywhere inside an action ("tariffs, a huge burden for carmakers,").
ASIDE_DEPS = frozenset({"appos", "parataxis"})
# Determiners that refer back to something named before: "the deal", "this agreement".
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
# Statuses of acts already done: a condition cannot govern them.
DONE = frozenset({Status.FULFILLED, Status.FORMALIZED, Status.WITHDRAWN})
# How many sentences back "both governments" may find the pair of the last deal.
PAIR_REACH = 3


def extract_commitments(
    doc: Doc, article: Article, index: ActorIndex, lexicon: Lexicon
) -> Iterator[Commitment]:
    """Give the commitments of one article, sentence by sentence."""
    resolver = Resolver(index, lexicon)
    quotes = find_quotes(doc, lexicon)
    turns = find_turns(doc, lambda token: index.kind_at(token) is ActorType.PERSON)
    excluded = article.excluded

    # Worked out only when a sentence needs them: finding the home state adds it as an
    # actor, which an article with no unbound "we" must not get.
    @cache
    def narrator() -> tuple[str, ...]:
        return _narrator(doc, excluded, resolver, index)

    @cache
    def issuer() -> tuple[str, ...]:
        # An article that speaks as "we" outside quotes is its issuer's own statement.
        return narrator() if _speaks_as_we(doc, quotes, excluded) else ()

    previous_debtors: tuple[str, ...] = ()
    # Who last gave or undertook to give in this paragraph: "the Commission will provide
    # EUR 200 million ... The first tranche will be disbursed in November".
    giver: tuple[str, ...] = ()
    parties: dict[str, tuple[str, ...]] = {}  # agreement noun -> the parties of the last one
    deal_parties: tuple[str, ...] = ()  # the parties, however many, of the last agreement
    asked = _quoted_question_tokens(doc)
    for sentence in doc.sents:
        if sentence.text.strip() == "" or _overlaps(sentence, excluded):
            continue
        if _is_question(sentence):
            continue  # "Will Beijing really sign before ...?" asks; it reports no undertaking
        if _starts_paragraph(sentence):
            previous_debtors = ()  # an option list continues its own paragraph only
            giver = ()
        conditions = find_conditions(sentence, lexicon)
        condition_tokens = {i for c in conditions for i in c.indices}
        # An undertaking written inside a condition ("so long as X commits troops") is
        # part of the condition, not a commitment of its own.
        found = [
            p
            for p in find_predicates(sentence, lexicon)
            if p.anchor.i not in condition_tokens and p.anchor.i not in asked
        ]
        found = _drop_nested(found)
        attached = _attach(conditions, found)
        sentence_debtors: tuple[str, ...] = ()
        for predicate in found:
            speaker = _speaker(predicate, quotes, resolver, lexicon) or _turn_speaker(
                predicate, turns, resolver
            )
            side = _speaker_side(speaker, index)
            debtors = resolver.resolve(predicate.debtors, side) or resolver.resolve(
                predicate.fallback_debtors, side
            )
            if (
                not debtors
                and not side
                and any(t.lower_ in SPEAKER_PRONOUNS for t in predicate.debtors)
                and quote_at(quotes, predicate.anchor.idx) is None
            ):
                # "We will also provide $20 million" in a press release's own voice.
                debtors = narrator()
            pair = _pair_phrase(predicate.debtors, lexicon)
            if pair is not None:
                # "both sides will ...": the parties of the last deal, else the pair just named
                # ("tariffs on Mexico and Canada ... after both countries agreed").
                deal_pair: tuple[str, ...] = deal_parties if len(deal_parties) == 2 else ()
                agreed = deal_pair if pair.lemma_.lower() in lexicon.counterpart_nouns else ()
                if not _counted(pair, lexicon):
                    # "the parties agreed to ...": all of them, unless a term the text
                    # defined says who ('(hereinafter "the Parties")').
                    agreed = debtors or deal_parties
                debtors = (
                    agreed
                    or _pair_before(pair, index)
                    or _last_deal_pair(pair, index, deal_pair)
                    or index.main_pair(pair.idx, *_pair_kinds(pair, lexicon))
                    or debtors
                )
            if predicate.rule == "commissive_object" and predicate.cue[0].lemma_.lower() in (
                lexicon.on_behalf_verbs
            ):
                # "the Prime Minister announced a £1.6 billion finance deal": a package an
                # official announces is the undertaking of the side the official acts for.
                debtors = _speaker_side(debtors, index)
            if not debtors and predicate.inherit_debtor:
                debtors = previous_debtors
            if not debtors:
                debtors = _agreement_parties(predicate, parties, lexicon)
            if not debtors and predicate.speaker_binds:
                # "US$50 million will be disbursed in 2026" in a press release's own voice
                # binds its issuer, as a passive in a quote binds the one quoted.
                in_quote = quote_at(quotes, predicate.anchor.idx) is not None
                debtors = side or (issuer() if not speaker and not in_quote else ())
                if not debtors and not speaker and not in_quote:
                    debtors = giver
                if debtors and _received_by(predicate, debtors, resolver):
                    debtors = ()  # "footage will be handed over to the agency, Grossi said"
            requesters = resolver.resolve(predicate.requesters, side)
            if predicate.speaker_requests and not requesters:
                requesters = tuple(k for k in speaker if k not in debtors)
            debtors = _for_states(debtors, index)
            requesters = _for_states(requesters, index)
            if (not debtors and not requesters) or (predicate.requires_debtor and not debtors):
                continue
            action_tokens = _action_tokens(predicate, condition_tokens, lexicon)
            action = phrase(action_tokens)
            if not action or _is_relative_pronoun(action_tokens):
                continue  # "..., which the IMF had opposed": said of a thing named before
            if not debtors and predicate.status is Status.DEMANDED:
                debtors = _source_of_demand(action_tokens, resolver, lexicon)
            beneficiaries = _beneficiaries(action_tokens, index, set(debtors) | set(requesters))
            own_conditions = tuple(
                Condition(span.text, c.type, span)
                for c in attached.get(id(predicate), [])
                if predicate.status not in DONE
                for span in [c.span()]
            )
            yield Commitment(
                action=action,
                polarity=predicate.polarity,
                status=predicate.status,
                evidence=_sentence_span(sentence),
                debtors=debtors,
                beneficiaries=beneficiaries,
                requested_by=requesters,
                stated_by=tuple(k for k in speaker),
                conditions=own_conditions,
                cue=_cue_span(predicate),
            )
            if debtors:
                sentence_debtors = debtors
                if predicate.anchor.lemma_.lower() in lexicon.passive_undertaking_verbs:
                    giver = debtors
            agreement = predicate.action
            # "the US and the EU locked in a deal": the deal's parties, for "the deal" later.
            if (
                agreement is not None
                and len(debtors) > 1
                and agreement.lemma_.lower() in lexicon.agreement_nouns
            ):
                parties[agreement.lemma_.lower()] = debtors
                deal_parties = debtors
            elif len(debtors) > 1 and any(
                c.lemma_.lower() in lexicon.mutual_verbs for c in predicate.cue
            ):
                deal_parties = debtors
        previous_debtors = sentence_debtors or previous_debtors


def _narrator(
    doc: Doc, excluded: tuple[Span, ...], resolver: Resolver, index: ActorIndex
) -> tuple[str, ...]:
    """Give whom an unquoted "we" stands for: the side of the state or organisation that
    is the subject of the article's first sentence ("The Ministry of Foreign Affairs
    announced today that ..." in a press release), else the article's home state."""
    for sentence in doc.sents:
        if sentence.text.strip() == "" or _overlaps(sentence, excluded):
            continue
        subjects = [c for c in sentence.root.children if c.dep_ in SUBJECT_DEPS]
        # "The Ministry of Foreign Affairs of Japan announced ...": failing a name for the
        # whole subject, the one actor named inside it.
        keys = resolver.resolve(subjects) or tuple(
            dict.fromkeys(
                k for s in subjects for t in s.subtree if (k := index.key_at(t)) is not None
            )
        )
        # An interview opens on the person interviewed: "we" is the side the person speaks for.
        if len(keys) == 1 and (index.kind(keys[0]) in SIDES or index.side_of(keys[0]) != keys[0]):
            return (index.side_of(keys[0]),)
        break
    home = index.home_state()
    return (home,) if home is not None else ()


def _for_states(keys: tuple[str, ...], index: ActorIndex) -> tuple[str, ...]:
    """Give the actors with each executive department replaced by its state."""
    return tuple(dict.fromkeys(index.state_of_executive(k) for k in keys))


def _speaks_as_we(doc: Doc, quotes: list[Quote], excluded: tuple[Span, ...]) -> bool:
    """Tell whether the article's own voice, outside quotes, is a "we"."""
    return any(
        t.lower_ in SPEAKER_PRONOUNS
        and quote_at(quotes, t.idx) is None
        and not in_regions(t.idx, excluded)
        for t in doc
    )


def _received_by(predicate: Predicate, debtors: tuple[str, ...], resolver: Resolver) -> bool:
    """Tell whether the actors a passive would bind are the ones it gives to ("will be
    handed over to the agency"): they receive the act, they do not undertake it."""
    if predicate.action is None:
        return False
    for prep in predicate.action.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and set(resolver.resolve([pobj])) & set(debtors):
                    return True
    return False


def _source_of_demand(
    tokens: list[Token], resolver: Resolver, lexicon: Lexicon
) -> tuple[str, ...]:
    """Give whom a demanded thing must come from: "guarantees from Washington"."""
    for token in tokens:
        if token.dep_ == "prep" and token.lower_ in lexicon.demand_source_preps:
            objects = [c for c in token.children if c.dep_ == "pobj"]
            found = resolver.resolve(objects)
            if found:
                return found
    return ()


def _pair_before(phrase: Token, index: ActorIndex, reach: int = 0) -> tuple[str, ...]:
    """Give the last two actors named as a pair ("Mexico and Canada") before the phrase,
    in its sentence and the `reach` sentences before it, if there is exactly such a pair."""
    doc = phrase.doc
    start = phrase.sent.start
    for _ in range(reach):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for token in reversed(list(doc[start : phrase.i])):
        if token.dep_ == "conj":
            continue
        keys = index.keys_of_phrase(token) if any(c.dep_ == "conj" for c in token.children) else []
        if len(keys) == 2:
            return tuple(keys)
    return ()


def _last_deal_pair(
    phrase: Token, index: ActorIndex, parties: tuple[str, ...]
) -> tuple[str, ...]:
    """Give the two parties of the last deal for "both governments" after the deal's
    sentence, when they are also the last pair named within `PAIR_REACH` sentences."""
    last = _pair_before(phrase, index, reach=PAIR_REACH)
    return last if last and set(last) == set(parties) else ()


def _pair_kinds(
    phrase: Token, lexicon: Lexicon
) -> tuple[frozenset[ActorType], frozenset[str]]:
    """Give the kinds of actor a pair phrase may stand for, and the offices they must hold:
    "both leaders" persons heading a state, "the two countries" states, "both sides"
    states or organisations."""
    lemma = _pair_lemma(phrase)
    if lemma in lexicon.pair_person_nouns:
        return frozenset({ActorType.PERSON}), lexicon.leader_posts
    if lemma in lexicon.pair_official_nouns:
        return frozenset({ActorType.PERSON}), frozenset()
    if lemma in lexicon.pair_nouns:
        return frozenset({ActorType.STATE}), frozenset()
    return SIDES, frozenset()


def _pair_lemma(head: Token) -> str:
    """Give a pair noun's lemma, also when capitalised and tagged a name ("the two
    Ministers" of an official readout)."""
    word = head.lemma_.lower()
    return singular(word) if head.pos_ == "PROPN" else word


def _counted(phrase: Token, lexicon: Lexicon) -> bool:
    """Tell whether a pair phrase counts two ("both sides", "the two parties")."""
    return any(c.lower_ in lexicon.counterpart_quantifiers for c in phrase.children)


def _pair_phrase(heads: tuple[Token, ...], lexicon: Lexicon) -> Token | None:
    """Give the head of a debtor phrase "both sides" / "the two countries", else None."""
    if len(heads) != 1:
        return None
    head = heads[0]
    if head.lower_ == "they":
        # "The two ministers confirmed that they would ...": the pair that says so.
        head = reporting_subject(head, lexicon) or head
    if _pair_lemma(head) not in (
        lexicon.counterpart_nouns
        | lexicon.pair_nouns
        | lexicon.pair_person_nouns
        | lexicon.pair_official_nouns
    ):
        return None
    if _counted(head, lexicon):
        return head
    # "The parties agreed to ...": the parties of the last deal, however many.
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    plural_sides = head.lemma_.lower() in lexicon.counterpart_nouns and head.tag_ == "NNS"
    return head if definite and plural_sides and len(list(head.children)) == 1 else None


def _agreement_parties(
    predicate: Predicate, parties: dict[str, tuple[str, ...]], lexicon: Lexicon
) -> tuple[str, ...]:
    """Give the parties of the agreement a passive undertaking is about ("the deal could
    be expanded"): those of the last agreement the article named with that noun."""
    if predicate.action is None:
        return ()
    subject = next((c for c in predicate.action.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lemma_.lower() not in lexicon.agreement_nouns:
        return ()
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in subject.children):
        return ()  # "a deal could be reached": no deal named before
    return parties.get(subject.lemma_.lower(), ())


def _starts_paragraph(sentence: DocSpan) -> bool:
    before = doc_text(sentence.doc)[: sentence.start_char].rstrip(" \t")
    return not before or before.endswith("\n")


def _overlaps(sentence: DocSpan, regions: tuple[Span, ...]) -> bool:
    return any(r.start < sentence.end_char and sentence.start_char < r.end for r in regions)


def _turns_polarity(verb: Token) -> bool:
    """Tell whether a coordinated verb with a modal of its own turns the polarity of the
    verb it is joined to ("would brief the committees but would not release the
    documents"); "will lift sanctions and will issue a licence" is one undertaking."""
    own_modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    negated = any(c.dep_ == "neg" for c in verb.children)
    return own_modal and negated != any(c.dep_ == "neg" for c in verb.head.children)


def _drop_nested(predicates: list[Predicate]) -> list[Predicate]:
    """Drop a predicate whose cue is the action of another ("urged X to commit to Y" is one
    demand, not also X's pledge)."""
    kept = []
    for p in predicates:
        others = [q for q in predicates if q is not p and q.action is not None]
        if any(
            c.i == q.action.i and q.rule != "modal"
            for q in others
            for c in p.cue
            if q.action is not None
        ):
            continue
        # "would consider taking part": the modal only wraps a more telling cue.
        if p.rule == "modal" and any(c.i == p.anchor.i for q in others for c in q.cue):
            continue
        # "signalled that it is willing to convert ...": the clause's own cue ("willing")
        # says what is undertaken; "is" is no action.
        if p.action is not None and p.action.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.head.i == p.action.i for q in others for c in q.cue
        ):
            continue
        # "we will go further to develop X and to guarantee the peace": a cue with no
        # subject of its own inside another action belongs to that action.
        own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in p.anchor.children)
        # "... but would not release the documents": a modal of its own, another act.
        own_subject = own_subject or (p.anchor.dep_ == "conj" and _turns_polarity(p.anchor))
        # "called on X to return ... and pledged to send": a finite verb joined to an
        # infinitive is the subject's own second act, whatever the parser attached it to.
        inside = p.anchor.dep_ in {"conj", "xcomp"} and not tense_shift(p.anchor) and any(
            q.action is not None
            and q.action.left_edge.i <= p.anchor.i <= q.action.right_edge.i
            and q.action.i != p.anchor.i
            for q in others
        )
        if inside and not own_subject:
            continue
        kept.append(p)
    return kept


def _attach(
    conditions: list[FoundCondition], predicates: list[Predicate]
) -> dict[int, list[FoundCondition]]:
    """Give each predicate the conditions that depend on it: the predicate found first
    on the way up the tree from the condition, else the nearest one in the sentence."""
    result: dict[int, list[FoundCondition]] = {}
    if not predicates:
        return result
    for condition in conditions:
        owner = _owner_in_tree(condition, predicates)
        if owner is None and not condition.verbal_marker:
            owner = min(predicates, key=lambda p: abs(p.anchor.i - condition.marker[0]))
        if owner is not None:
            result.setdefault(id(owner), []).append(condition)
    return result


def _owner_in_tree(condition: FoundCondition, predicates: list[Predicate]) -> Predicate | None:
    by_token: dict[int, Predicate] = {}
    for p in predicates:
        for token in (p.anchor, *(t for t in [p.action] if t is not None), *p.cue):
            by_token.setdefault(token.i, p)
    current: Token | None = condition.governor
    while current is not None:
        if current.i in by_token:
            return by_token[current.i]
        current = current.head if current.head.i != current.i else None
    return None


def _action_tokens(predicate: Predicate, excluded: set[int], lexicon: Lexicon) -> list[Token]:
    """Give the words of the action: the action head's subtree without its subject,
    auxiliaries, negation, conditions, asides, or sentence adverbs before it."""
    head = predicate.action
    if head is None:
        return []
    drop: set[int] = set(excluded)
    # "only as long as ...": the focus adverb goes with the condition it precedes.
    drop.update(
        t.i for t in head.subtree if t.lower_ in lexicon.focus_adverbs and t.i + 1 in excluded
    )
    for child in head.children:
        # "Under the deal, Israel will withdraw": words before the verb set the scene.
        leading_adverb = child.dep_ in {"advmod", "npadvmod", "prep"} and child.i < head.i
        # "A: We will lift it": an interview's or a transcript's label before the clause.
        leading_adverb = leading_adverb or (
            child.i < head.i and child.nbor(1).text == ":" and child.dep_ not in SUBJECT_DEPS
        )
        # "said that his fighters would not withdraw": a "that" misread as an object.
        leading_adverb = leading_adverb or (
            child.i < head.i and child.lower_ == "that" and child.tag_ == "IN"
        )
        # "will be lifted by the United States": the agent is the debtor, not the action.
        agent = child.dep_ == "agent" and predicate.debtors
        if child.dep_ in HEAD_ONLY_DEPS or leading_adverb or agent:
            drop.update(t.i for t in child.subtree)
        if (
            predicate.rule in {"commissive_noun", "conditional_undertaking"}
            and child.i < head.i
            and child.dep_ in {"poss", "det", "amod", "nmod", "case"}
        ):
            drop.update(t.i for t in child.subtree)
        if predicate.rule == "demand_object" and predicate.debtors and child.dep_ == "poss":
            drop.update(t.i for t in child.subtree)  # "requested Japan's support"
    for token in head.subtree:
        if token.i == head.i:
            continue
        if token.dep_ in ASIDE_DEPS or _is_separate_clause(token):
            drop.update(t.i for t in token.subtree)
        if token.lower_ in lexicon.attribution_words and token.dep_ in {"prep", "advcl"}:
            drop.update(t.i for t in token.subtree)  # "..., according to a statement"
    for cue in predicate.cue:
        if cue.i != head.i:  # "Washington's potential role": the cue is the action
            drop.add(cue.i)
    drop.update(_bracketed(head))
    if predicate.rule == "modal" and (
        predicate.speaker_binds or any(c.dep_ == "auxpass" for c in head.children)
    ):
        return _passive_action(head, drop)
    return [t for t in head.subtree if t.i not in drop]


def _bracketed(head: Token) -> set[int]:
    """Give the words in brackets within a phrase, brackets included: an aside such as an
    abbreviation ("4 billion cubic metres (bcm) a year")."""
    found: set[int] = set()
    opened: int | None = None
    for token in head.subtree:
        if token.text == "(":
            opened = token.i
        elif token.text == ")" and opened is not None:
            found.update(range(opened, token.i + 1))
            opened = None
    return found


def _is_separate_clause(token: Token) -> bool:
    """Tell whether a word heads a clause that is not part of the action: a participle
    aside ("..., underscoring the shift"), a subordinate clause with its own marker, a
    relative clause after a comma, or a coordinated clause with a subject of its own
    ("..., and Korea will cut quotas")."""
    if token.dep_ == "advcl":
        return infinitive_to(token) is None
    if token.dep_ == "relcl":
        # "a tax amnesty, which the IMF had opposed": a relative clause set off by a comma
        # says something more about the thing; it does not narrow the action.
        start = token.left_edge.i
        return start > 0 and token.doc[start - 1].text == ","
    if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}:
        own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        # "would brief the committees but would not release the documents": a modal of
        # its own that turns the polarity makes another undertaking.
        # "would study the proposal but gave no commitment": a finite verb joined to a
        # bare one reports something else.
        return own_subject or _turns_polarity(token) or tense_shift(token)
    return False


def _is_relative_pronoun(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].tag_ in {"WDT", "WP"}


def _passive_action(head: Token, drop: set[int]) -> list[Token]:
    """'no U.S. troops will be deployed' -> 'troops deployed', 'the releases would go
    ahead' -> 'releases go ahead': the subject's head, the verb, and the complements after
    it ('the deal could be expanded over time' -> 'deal expanded over time')."""
    kept = {head.i}
    for child in head.children:
        if child.dep_ in {"nsubjpass", "nsubj"}:
            kept.update(
                t.i
                for t in child.subtree
                if t.head.i != child.i
                or t.dep_ not in {"det", "compound", "amod", "poss", "case"}
                or t.i == child.i
                or child.ent_type_ == "MONEY"  # "US$50 million will be disbursed"
            )
    return [t for t in head.subtree if t.i in kept or (t.i > head.i and t.i not in drop)]


def _beneficiaries(tokens: list[Token], index: ActorIndex, parties: set[str]) -> tuple[str, ...]:
    """Give the actors the action is for: actors named inside it that are not its targets."""
    keys: list[str] = []
    for token in tokens:
        key = index.key_at(token)
        if key is None or key in parties or key in keys:
            continue
        if index.kind(key) is ActorType.PERSON:
            continue
        governor = token.head
        while (
            governor.dep_ in {"compound", "amod", "poss", "pobj"}
            and governor.i != governor.head.i
            and governor.pos_ != "ADP"
        ):
            governor = governor.head
        if governor.pos_ == "ADP" and governor.lower_ in TARGET_PREPS:
            continue
        keys.append(key)
    return tuple(keys)


def _speaker(
    predicate: Predicate, quotes: list[Quote], resolver: Resolver, lexicon: Lexicon
) -> tuple[str, ...]:
    """Give who says the predicate: a quotation's attributed speaker, or the subject of
    a reporting verb governing it."""
    quote = quote_at(quotes, predicate.anchor.idx)
    if quote is not None and quote.speaker is None:
        # A quote with no attribution goes on from the last one that had one; failing that
        # (an interview's answers), it is the person named last before it.
        quote = next((q for q in reversed(quotes) if q.end <= quote.start and q.speaker), quote)
        if quote.speaker is None:
            return _last_person_before(quote.start, resolver.index)
    if quote is not None and quote.speaker is not None:
        speaker = quote.speaker
        if speaker.pos_ == "PRON":
            # "..., they said": the pronoun names the last speaker the text introduced.
            speaker = _previous_speaker(speaker, lexicon) or speaker
        return resolver.resolve([speaker])
    subject = reporting_subject(predicate.anchor, lexicon)
    if subject is not None:
        return resolver.resolve([subject])
    return ()


def _turn_speaker(
    predicate: Predicate, turns: list[Quote], resolver: Resolver
) -> tuple[str, ...]:
    """Give the person whose transcript turn holds the predicate, if any: what a minister
    says in a debate ("Daniel Okoro: We are prepared to ...") is said as in a quotation."""
    turn = quote_at(turns, predicate.anchor.idx)
    return () if turn is None or turn.speaker is None else resolver.resolve([turn.speaker])


def _last_person_before(offset: int, index: ActorIndex) -> tuple[str, ...]:
    """Give the person the text names last before `offset`, if any."""
    named = [
        (max(m.start for m in mentions), actor.key)
        for actor in index.actors()
        if actor.type is ActorType.PERSON
        for mentions in [[m for m in actor.mentions if m.end <= offset]]
        if mentions
    ]
    return (max(named)[1],) if named else ()


def _previous_speaker(pronoun: Token, lexicon: Lexicon) -> Token | None:
    """Give the subject of the nearest reporting verb before `pronoun` that is not a
    pronoun itself."""
    for i in range(pronoun.i - 1, -1, -1):
        token = pronoun.doc[i]
        if token.pos_ == "VERB" and reports(token, lexicon):
            subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.pos_ != "PRON":
                return subject
    return None


def _speaker_side(speaker: tuple[str, ...], index: ActorIndex) -> tuple[str, ...]:
    """Give whom 'we' stands for in a speaker's mouth: the state or body the speaker acts
    for, else the speaker."""
    return tuple(index.side_of(key) for key in speaker)


def _is_question(sentence: DocSpan) -> bool:
    """Tell whether a sentence is a direct question: it ends with a question mark."""
    words = [t for t in sentence if not (t.is_space or t.is_quote)]
    return bool(words) and words[-1].text == "?"


def _quoted_question_tokens(doc: Doc) -> set[int]:
    """Give the tokens of the questions inside longer sentences: '"..., what will we do?"
    asked Haripada Roy' (in each sentence, the words from the last stop before a "?" up
    to it)."""
    asked: set[int] = set()
    start = 0
    for token in doc:
        if token.is_sent_start or token.text in {".", "!", ";"}:
            start = token.i if token.is_sent_start else token.i + 1
        if token.text == "?":
            asked.update(range(start, token.i + 1))
            start = token.i + 1
    return asked


def _sentence_span(sentence: DocSpan) -> Span:
    text = doc_text(sentence.doc)
    start, end = sentence.start_char, sentence.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end, text[start:end])


def _cue_span(predicate: Predicate) -> Span | None:
    if not predicate.cue:
        return None
    doc = predicate.cue[0].doc
    start = min(t.idx for t in predicate.cue)
    end = max(t.idx + len(t.text) for t in predicate.cue)
    return Span(start, end, doc_text(doc)[start:end])
