"""Resolving the phrase in a debtor or requester slot to actors: names, coordinated lists,
groups, pronouns, "his country", titles standing for a named person."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ..records import ActorType
from ..resources.lexicons import Lexicon
from .actors import COLLECTIVE_PRONOUNS, PERSON_PRONOUNS, SPEAKER_PRONOUNS, ActorIndex
from .grammar import conjuncts
from .speech import reporting_subject

STATE_NOUNS = frozenset({"country", "nation", "government", "administration", "state"})
THING_PRONOUNS = frozenset({"it", "its"})


class Resolver:
    """Resolves slot phrases to actor keys within one document."""

    def __init__(self, index: ActorIndex, lexicon: Lexicon) -> None:
        self.index = index
        self.lexicon = lexicon

    def resolve(self, heads: Sequence[Token], speaker: Sequence[str] = ()) -> tuple[str, ...]:
        """Give the actors the phrases headed by `heads` denote, in text order."""
        keys: list[str] = []
        for head in heads:
            for token in conjuncts(head):
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
            # "Italy, Poland and Romania said they would ...": a pronoun in what someone
            # says refers first to the one who says it.
            reporter = reporting_subject(token, self.lexicon)
            if reporter is not None and reporter.pos_ != "PRON":
                keys = self.resolve([reporter], speaker)
                plural = word in COLLECTIVE_PRONOUNS
                if (
                    keys
                    and (len(keys) > 1 or self.index.kind(keys[0]) is ActorType.GROUP) == plural
                ):
                    return list(keys)
        if word in PERSON_PRONOUNS:
            found = self.index.recent(token, [ActorType.PERSON])
            return [found] if found else []
        if word in COLLECTIVE_PRONOUNS:
            found = self.index.recent(token, [ActorType.GROUP])
            return [found] if found else []
        if word in THING_PRONOUNS:
            found = self.index.recent(token, [ActorType.STATE, ActorType.ORGANIZATION])
            return [found] if found else []
        if token.lemma_.lower() in STATE_NOUNS:
            return self._owner_state(token, speaker)
        person = self._title_holder(token)
        return [person] if person else []

    def _owner_state(self, token: Token, speaker: Sequence[str]) -> list[str]:
        """'his country' -> the state of the person or envoy the text is about."""
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None:
            return []
        direct = self.index.keys_of_phrase(owner)
        if direct:
            return self._state_of(direct[0])
        if owner.lower_ in SPEAKER_PRONOUNS:
            return list(speaker)
        if owner.lower_ in PERSON_PRONOUNS | COLLECTIVE_PRONOUNS:
            # The subject of the nearest reporting clause: "Iran's envoy said his country ..."
            for ancestor in token.ancestors:
                for child in ancestor.children:
                    if child.dep_ in {"nsubj", "nsubjpass"} and child.i < token.i:
                        subject_keys = self.index.keys_of_phrase(child)
                        if subject_keys:
                            return self._state_of(subject_keys[0])
                        for modifier in child.children:
                            if modifier.dep_ in {"poss", "compound", "amod"}:
                                found = self.index.keys_of_phrase(modifier)
                                if found:
                                    return self._state_of(found[0])
            person = self.index.recent(token, [ActorType.PERSON])
            if person:
                return self._state_of(person)
        return []

    def _state_of(self, key: str) -> list[str]:
        actor = self.index.get(key)
        if actor is not None and actor.type is ActorType.PERSON and actor.acts_for:
            return sorted(actor.acts_for)[:1]
        return [key]

    def _title_holder(self, token: Token) -> str | None:
        """'the Prime Minister' -> the person named earlier who holds that office."""
        if token.pos_ not in {"PROPN", "NOUN"}:
            return None
        words = [t.text.lower() for t in token.subtree if t.dep_ in {"compound"} or t.i == token.i]
        title = " ".join(words)
        if not title:
            return None
        for i in range(token.i - 1, -1, -1):
            key = self.index.key_at(token.doc[i])
            if key is None:
                continue
            actor = self.index.get(key)
            if (
                actor is not None
                and actor.type is ActorType.PERSON
                and actor.post is not None
                and actor.post.label.lower().startswith(title)
            ):
                return key
        return None
