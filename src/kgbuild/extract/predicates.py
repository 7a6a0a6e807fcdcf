"""Finding undertakings in a sentence: each rule recognises one grammatical construction
and gives a `Predicate` (cue, action head, debtor and requester phrases, status, polarity).
The rules live in `rules_commissive` (one's own undertakings) and `rules_acts` (refusals,
demands, acts done or undone)."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from ..resources.lexicons import Lexicon
from .grammar import VERBAL_POS
from .predicate import Predicate, Rule, is_past
from .rules_acts import (
    agreement_reached,
    demand,
    formal_act,
    fulfilled_act,
    passive_with_agent,
    refusal,
    withdrawal,
)
from .rules_commissive import (
    commissive_noun,
    commissive_verb,
    conditional_undertaking,
    litotes,
    modal,
    readiness,
)
from .speech import reports

__all__ = ["RULES", "RULE_TRIGGERS", "Predicate", "find_predicates"]


def find_predicates(sentence: DocSpan, lexicon: Lexicon) -> list[Predicate]:
    """Give every undertaking in a sentence, one per action head (the most specific rule
    wins when several see the same action)."""
    found: dict[int, Predicate] = {}
    for token in sentence:
        for rule in _RULES_BY_POS.get(token.pos_, _ANY_POS_RULES):
            for predicate in rule(token, lexicon):
                if (
                    _in_circumstance_clause(predicate.anchor, lexicon)
                    or _believed(predicate.anchor, lexicon)
                    or _hearsay(predicate.anchor, lexicon)
                    or _pending(predicate.anchor, lexicon)
                ):
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
            return not is_past(candidate)
        if candidate.dep_ in {"advcl", "ROOT"}:
            return False
    return False


def _pending(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether a word is what someone "has yet to" do ("China has yet to commit to
    debt relief"): not done, and not undertaken either."""
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.lemma_.lower() in lexicon.demanded_semi_modals
        and any(c.lower_ in lexicon.pending_adverbs for c in head.children)
    )


def _hearsay(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether a word sits in the "that" clause of a noun of hearsay ("dismissed
    suggestions that it would send missiles")."""
    for clause in (token, *token.ancestors):
        if clause.dep_ in {"acl", "ccomp"} and clause.head.pos_ == "NOUN":
            return clause.head.lemma_.lower() in lexicon.hearsay_nouns
        if clause.dep_ in {"ROOT", "conj", "advcl"}:
            return False
    return False


def _believed(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether a word sits in what someone believes or forecasts ("analysts expect
    Russia to reject ...")."""
    current = token
    # Climb to the clause that holds the word; a coordinated clause ("..., and diplomats
    # suggest that ...") stands on its own.
    while current.dep_ not in {"conj", "ROOT"} and current.head.i != current.i:
        current = current.head
        if current.pos_ == "VERB" and current.lemma_.lower() in lexicon.belief_verbs:
            return True
    if any(c.dep_ == "advmod" and c.lower_ in lexicon.forecast_adverbs for c in token.children):
        return True  # "Russia will likely reject ...": a forecast
    # "..., experts warned", "critics said Paris would ...": commentators forecast.
    for clause in (token, *token.ancestors):
        if clause.pos_ == "VERB" and reports(clause, lexicon):
            subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
            # "..., said Claire Dubois, a trade lawyer": the noun in apposition says so.
            described = [c for s in subjects for c in s.children if c.dep_ == "appos"]
            if any(s.lemma_.lower() in lexicon.commentator_nouns for s in subjects + described):
                return True
    return False


# Each rule with the parts of speech of the words it starts from (None: any word); a
# rule's own first test checks the same, and the index spares the others every token.
_VERB = frozenset({"VERB"})
RULE_TRIGGERS: tuple[tuple[Rule, frozenset[str] | None], ...] = (
    (passive_with_agent, _VERB),
    (refusal, _VERB),
    (demand, _VERB),
    (readiness, frozenset({"ADJ", "VERB"})),
    (commissive_noun, frozenset({"NOUN"})),
    (commissive_verb, _VERB),
    (litotes, _VERB),
    (conditional_undertaking, None),  # starts from a listed word ("conditional", "tied")
    (formal_act, _VERB),
    (agreement_reached, _VERB),
    (withdrawal, _VERB),
    (fulfilled_act, _VERB),
    (modal, VERBAL_POS),
)
RULES: tuple[Rule, ...] = tuple(rule for rule, _ in RULE_TRIGGERS)
"""Every rule, most specific first: when two see the same action, the earlier one wins."""
_ANY_POS_RULES = tuple(rule for rule, parts in RULE_TRIGGERS if parts is None)
_RULES_BY_POS: dict[str, tuple[Rule, ...]] = {
    part: tuple(rule for rule, parts in RULE_TRIGGERS if parts is None or part in parts)
    for part in sorted({p for _, parts in RULE_TRIGGERS for p in parts or ()})
}
