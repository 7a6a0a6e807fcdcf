"""Resolving the phrase in a debtor or requester slot to actors: names, coordinated lists,
groups, titles standing for a named person, pronouns whose antecedent the text makes
clear, and "his country" for the state of the person it is about."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ..records import ActorType, Article
from ..resources.gazetteer import Gazetteer
from ..resources.lexicons import Lexicon
from .actor_index import (
    COLLECTIVE_PRONOUNS,
    PERSON_PRONOUNS,
    SIDES,
    SPEAKER_PRONOUNS,
    SUBJECT_DEPS,
    THING_PRONOUNS,
    ActorIndex,
    load_actor_words,
)
from .grammar import conjuncts
from .speech import reporting_subject

OWNER_MODIFIER_DEPS = frozenset({"poss", "compound", "amod"})


class Resolver:
    """Resolves slot phrases to actor keys within one document."""

    def __init__(self, index: ActorIndex, lexicon: Lexicon) -> None:
        self.index = index
        self.lexicon = lexicon
        self.words = load_actor_words()

    def resolve(self, heads: Sequence[Token], speaker: Sequence[str] = ()) -> tuple[str, ...]:
        """Give the actors the phrases headed by `heads` denote, in text order."""
        keys: list[str] = []
        for head in heads:
            members = self.index.appositive_list(head)
            for token in members or conjuncts(head):
                for key in self._resolve_one(token, speaker):
                    if key not in keys:
                        keys.append(key)
        return tuple(keys)

    def _resolve_one(self, token: Token, speaker: Sequence[str]) -> list[str]:
        direct = self.index.head_keys(token)
        if direct:
            return direct
        word = token.lower_
        if word in SPEAKER_PRONOUNS:
            return list(speaker)
        if word in PERSON_PRONOUNS | COLLECTIVE_PRONOUNS | THING_PRONOUNS:
            return self._pronoun(token)
        if token.lower_ in self.words.force_nouns:
            return self._force_owner(token, speaker)
        if token.lemma_.lower() in self.words.state_nouns:
            return self._owner_state(token, speaker)
        if token.lemma_.lower() in self.words.side_nouns and token.tag_ == "NN":
            # "the Armenian side", "the Palestinian side": the one actor named before it.
            named = {
                key
                for modifier in token.children
                if modifier.dep_ in {"amod", "compound"} and modifier.i < token.i
                for key in self.index.keys_of_phrase(modifier)
                if self.index.kind(key) in SIDES
            }
            return list(named) if len(named) == 1 else []
        lemma = token.lemma_.lower()
        seat = (
            self._represented(token, speaker) if lemma in self.words.delegation_nouns else []
        ) or (self._officials_in(token) if lemma in self.words.person_nouns else [])
        if seat:
            return seat
        if token.lemma_.lower() in self.words.state_anaphors and _is_bare_definite(token):
            # "The kingdom will host the talks, the Saudi foreign ministry said": failing a
            # state named before, the one state the speaker stands for.
            states = frozenset({ActorType.STATE})
            return self.antecedent(token, states) or self._speakers_only_state(speaker)
        if token.lemma_.lower() in self.words.organ_nouns:
            # "the World Bank's board", "the Fund's board": the organisation's own act.
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            owned = self._resolve_one(owner, speaker) if owner is not None else []
            if len(owned) == 1 and self.index.kind(owned[0]) is ActorType.ORGANIZATION:
                return owned
        if token.lower_ in self.words.body_nouns and _is_unowned_body(token):
            # "The power ministry said it would ...", with no state named: the home state's.
            return self._home_state()
        if token.lemma_.lower() in self.words.state_office_words and _is_unowned_office(token):
            # '"We are prepared to ...," said the Minister for Foreign Trade': an office of
            # the home state whose holder the text does not name.
            return self._home_state()
        return []

    def _force_owner(self, token: Token, speaker: Sequence[str]) -> list[str]:
        """Give the side whose forces a noun names: its owner written before it ("Russia's
        troops", "Israeli forces", "his fighters"), a person standing for the side the
        person acts for."""
        for child in token.children:
            if child.dep_ in OWNER_MODIFIER_DEPS and child.i < token.i:
                keys = self._resolve_one(child, speaker)
                if keys:
                    return list(dict.fromkeys(self.index.side_of(key) for key in keys))
        if _is_bare_definite(token):
            return list(speaker)  # "the troops will deploy, officials in Cotonou say"
        return []

    def _represented(self, token: Token, speaker: Sequence[str]) -> list[str]:
        """Give the one side a delegation speaks for: the owner or modifier before it
        ("Kenya's delegation", "the Congolese delegation") or its "of" phrase."""
        owners = _owners(token)
        sides = {self.index.side_of(k) for o in owners for k in self._resolve_one(o, speaker)}
        return list(sides) if len(sides) == 1 else []

    def _officials_in(self, token: Token) -> list[str]:
        """Give the states whose officials a noun names by their seat or state: "officials
        in Beijing", "diplomats from Kenya", "the energy ministers of Kyrgyzstan,
        Kazakhstan and Uzbekistan"."""
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "from", "of"}:
                continue
            places = [t for p in prep.children if p.dep_ == "pobj" for t in conjuncts(p)]
            states = [self._state_named(place) for place in places]
            if places and all(states):
                return list(dict.fromkeys(s for s in states if s))
        return []

    def _state_named(self, place: Token) -> str | None:
        """Give the state a word names, as a name or as its seat ("Beijing")."""
        key = self.index.key_at(place)
        if key is not None and self.index.kind(key) is ActorType.STATE:
            return key
        found = self.index.gazetteer.lookup(place.text)
        if found is None or found[0].type is not ActorType.STATE:
            return None
        self.index.add_related(found[0].key)
        return found[0].key

    def _pronoun(self, token: Token) -> list[str]:
        """Give the actors a pronoun stands for: in what someone says, the one who says
        it ("Italy said it would ..."); else an antecedent the text makes clear."""
        word = token.lower_
        plural = word in COLLECTIVE_PRONOUNS
        reporter = reporting_subject(token, self.lexicon)
        if reporter is not None and reporter.pos_ != "PRON":
            keys = self.resolve([reporter])
            person = len(keys) == 1 and self.index.kind(keys[0]) is ActorType.PERSON
            if person and word in THING_PRONOUNS:
                # "It will release the tranche once ..., IMF mission chief X said": a person
                # is never "it"; the body the person speaks for is.
                side = self.index.side_of(keys[0])
                return [side] if side != keys[0] else self.antecedent(token)
            if keys and (len(keys) > 1 or self.index.kind(keys[0]) is ActorType.GROUP) == plural:
                return list(keys)
            if plural and keys and reporter.tag_ == "NNS":
                return list(keys)  # "officials in Beijing said they would ...": the officials
            if plural and len(keys) == 1 and self.index.kind(keys[0]) is ActorType.ORGANIZATION:
                return list(keys)  # "the Houthis said they would ...": a body of many
        return self.antecedent(token)

    def antecedent(self, token: Token, kinds: frozenset[ActorType] | None = None) -> list[str]:
        """Give the actor a pronoun refers back to, only where the text makes it clear:
        the one actor of the right kind in this sentence (before the pronoun) and the one
        before, else the one named as the subject of the highest clause there; further
        back, the one actor of the right kind within reach. "They" also takes a list of
        actors that was the subject of the sentence before ("Italy and Spain met. They
        ...")."""
        word = token.lower_
        if kinds is not None:
            pass  # "the kingdom": a state
        elif word in PERSON_PRONOUNS:
            kinds = frozenset({ActorType.PERSON})
        elif word in COLLECTIVE_PRONOUNS:
            kinds = frozenset({ActorType.GROUP})
            listed = self._plural_subject(token)
            if listed:
                return listed
        else:
            kinds = SIDES
        # "Beijing has ruled out X, but it is considering Y": a subject earlier in the
        # pronoun's own sentence comes first.
        same_sentence = _top_subject(self.index.antecedents(token, kinds, reach=0))
        if same_sentence is not None:
            return [same_sentence]
        for reach in (1, None):
            found = self.index.antecedents(token, kinds, reach=reach)
            if not found:
                continue
            keys = list(dict.fromkeys(key for key, _depth in found))
            if len(keys) == 1:
                return keys
            if reach is None:
                return []
            top = _top_subject(found)
            return [top] if top is not None else []
        return []

    def _plural_subject(self, token: Token) -> list[str]:
        """Give a coordinated list of actors that is the subject of the sentence before
        the pronoun's, or of its own sentence before it."""
        sentence = token.sent
        previous = token.doc[sentence.start - 1].sent if sentence.start > 0 else None
        for span in (sentence, previous):
            if span is None:
                continue
            for candidate in span:
                if candidate.i >= token.i or candidate.dep_ not in SUBJECT_DEPS:
                    continue
                keys = self.index.keys_of_phrase(candidate)
                if len(keys) > 1:
                    return keys
        return []

    def _owner_state(self, token: Token, speaker: Sequence[str]) -> list[str]:
        """'his country' -> the state of the person or envoy the text is about; 'the
        government of India' -> India."""
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None:
            # "the Government of India", "the Pakistani government", "Haitian authorities"
            named = [
                key
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for key in self.index.keys_of_phrase(pobj)
            ] + [
                key
                for modifier in token.children
                if modifier.dep_ in {"amod", "compound", "nmod"}
                for key in self.index.keys_of_phrase(modifier)
                if self.index.kind(key) is ActorType.STATE
            ]
            if len(named) == 1:
                return self._state_of(named[0])
            # "the regime must release them", said by one who speaks for no state: the
            # one state named before.
            found = self._speakers_state(token, speaker)
            bare = not any(c.dep_ in OWNER_MODIFIER_DEPS for c in token.children)
            if not found and bare and token.tag_ in {"NN", "NNP"}:  # not "state government"
                found = self.antecedent(token, frozenset({ActorType.STATE}))
            return found
        direct = self.index.keys_of_phrase(owner)
        if direct:
            return self._state_of(direct[0])
        if owner.lower_ in SPEAKER_PRONOUNS:
            return list(speaker)
        if owner.lower_ in PERSON_PRONOUNS | COLLECTIVE_PRONOUNS:
            # The subject of the nearest reporting clause: "Iran's envoy said his country ..."
            for ancestor in token.ancestors:
                for child in ancestor.children:
                    if child.dep_ in SUBJECT_DEPS and child.i < token.i:
                        # "The representative of China said his country ...": a delegate
                        subject_keys = self.index.keys_of_phrase(child) or (
                            self._represented(child, speaker)
                            if child.lemma_.lower() in self.words.delegation_nouns
                            else []
                        )
                        if subject_keys:
                            return self._state_of(subject_keys[0])
                        for modifier in child.children:
                            if modifier.dep_ in OWNER_MODIFIER_DEPS:
                                found = self.index.keys_of_phrase(modifier)
                                if found:
                                    return self._state_of(found[0])
        if owner.lower_ in PERSON_PRONOUNS | COLLECTIVE_PRONOUNS | THING_PRONOUNS:
            # "its government", "his country": the actor the pronoun refers back to.
            found = self.antecedent(owner)
            if len(found) == 1:
                return self._state_of(found[0])
        return []

    def _speakers_state(self, token: Token, speaker: Sequence[str]) -> list[str]:
        """'the government' in what an official of a state says: that state ("Pakistan's
        finance minister said the government was committed to ..."); elsewhere the state
        of the article's dateline, else the state the article is about."""
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        modified = any(
            c.dep_ in OWNER_MODIFIER_DEPS and c.lower_ not in self.words.government_adjectives
            for c in token.children
        )
        if not definite or modified:
            return []
        states = [k for k in speaker if self.index.kind(k) is ActorType.STATE]
        if len(states) == 1:
            return states  # also in a joint statement of a state and an organisation
        return self._named_before(token) or self._home_state()

    def _named_before(self, token: Token) -> list[str]:
        """Give the state of the last earlier "government" (the same noun) the text tied
        to a state: "Kenya's government ... the government said" is Kenya's, whatever the
        dateline."""
        for earlier in reversed(token.doc[: token.i]):
            if earlier.lemma_.lower() != token.lemma_.lower():
                continue
            states = {
                k
                for o in _owners(earlier)
                for k in self.index.keys_of_phrase(o)
                if self.index.kind(k) is ActorType.STATE
            }
            if len(states) == 1:
                return list(states)
        return []

    def _speakers_only_state(self, speaker: Sequence[str]) -> list[str]:
        """Give the one state the speakers stand for, if exactly one."""
        states = {self.index.side_of(k) for k in speaker}
        states = {k for k in states if self.index.kind(k) is ActorType.STATE}
        return sorted(states) if len(states) == 1 else []

    def _home_state(self) -> list[str]:
        home = self.index.home_state()
        return [home] if home is not None else []

    def _state_of(self, key: str) -> list[str]:
        if self.index.kind(key) is ActorType.PERSON:
            return [self.index.side_of(key)]
        return [key]


def _owners(noun: Token) -> list[Token]:
    """Give the words that say whose a noun is: an owner or modifier before it ("Kenya's
    delegation", "the Congolese government") and its "of" phrase ("the government of
    India")."""
    owners = [c for c in noun.children if c.dep_ in OWNER_MODIFIER_DEPS and c.i < noun.i]
    return owners + [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _is_bare_definite(token: Token) -> bool:
    """"the kingdom", not "the Hashemite kingdom" or "a kingdom"."""
    return [c.lower_ for c in token.children if c.i < token.i] == ["the"]


def _is_unowned_body(token: Token) -> bool:
    """"the power ministry", "the army": "the" and lower-case nouns only, no state named."""
    before = [c for c in token.children if c.i < token.i]
    return (
        token.text.islower()
        and bool(before)
        and before[0].lower_ == "the"
        and all(c.dep_ == "compound" and c.text.islower() for c in before[1:])
    )


def _is_unowned_office(token: Token) -> bool:
    """"the Minister for Foreign Trade", "the foreign minister": "the", then words that
    name no one (an actor among them would be the owner, and is resolved before)."""
    before = [c for c in token.children if c.i < token.i]
    return bool(before) and before[0].lower_ == "the" and token.tag_ in {"NN", "NNP"}


def _top_subject(found: list[tuple[str, int | None]]) -> str | None:
    """Give the one actor named as the subject of the highest clause among `found`."""
    depths = [depth for _key, depth in found if depth is not None]
    if not depths:
        return None
    top = {key for key, depth in found if depth == min(depths)}
    return top.pop() if len(top) == 1 else None


def dateline_state(article: Article, gazetteer: Gazetteer) -> str | None:
    """Give the key of the state whose city is the article's dateline ("ISLAMABAD" ->
    Pakistan), if the gazetteer knows the city as that state's seat or name."""
    if article.place is None:
        return None
    found = gazetteer.lookup(article.place)
    if found is None or found[0].type is not ActorType.STATE:
        return None
    return found[0].key
