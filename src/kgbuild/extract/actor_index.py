"""The actors of one article and which tokens mention them, with the words the actor
rules read (`data/lexicons/actors.yaml`, `data/lexicons/organisations.yaml`)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..errors import DataFileError
from ..records import Actor, ActorType, Post, Span
from ..resources import load_yaml
from ..resources.gazetteer import Gazetteer, GazetteerEntry
from .grammar import APOSTROPHES, conjuncts, doc_text

# Closed-class words the rules are built on (grammar, not vocabulary).
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
COLLECTIVE_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
SPEAKER_PRONOUNS = frozenset({"we", "us", "our", "ours"})
THING_PRONOUNS = frozenset({"it", "its"})
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
LIST_MODIFIER_DEPS = frozenset({"nmod", "compound"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A name in one of these relations modifies a noun ("U.S. tariffs", "French troops").
NAME_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
SIDES = frozenset({ActorType.STATE, ActorType.ORGANIZATION})
# How far back (in sentences) a pronoun may find its actor.
PRONOUN_REACH = 3


@dataclass(frozen=True, slots=True)
class ActorWords:
    """The words of `data/lexicons/actors.yaml` and `organisations.yaml`, lowercased."""

    honorifics: frozenset[str]
    name_particles: frozenset[str]
    name_suffixes: frozenset[str]
    patronymic_particles: frozenset[str]
    not_actor_names: frozenset[str]
    locative_prepositions: frozenset[str]
    movement_prepositions: frozenset[str]
    place_verbs: frozenset[str]
    seat_participles: frozenset[str]
    agent_participles: frozenset[str]
    affiliation_prepositions: frozenset[str]
    accredited_nouns: frozenset[str]
    inclusive_modifiers: frozenset[str]
    person_nouns: frozenset[str]
    leader_nouns: frozenset[str]
    government_adjectives: frozenset[str]
    state_anaphors: frozenset[str]
    organ_nouns: frozenset[str]
    state_office_words: frozenset[str]
    portfolio_words: frozenset[str]
    definition_words: frozenset[str]
    side_nouns: frozenset[str]
    delegation_nouns: frozenset[str]
    state_nouns: frozenset[str]
    opposition_words: frozenset[str]
    organisation_anaphors: frozenset[str]
    force_nouns: frozenset[str]
    organisation_words: frozenset[str]
    body_nouns: frozenset[str]
    company_nouns: frozenset[str]
    common_body_heads: frozenset[str]
    operation_heads: frozenset[str]
    executive_body_words: frozenset[str]
    state_name_heads: frozenset[str]
    numbers: Mapping[str, int]


def word_list(data: Any, key: str, source: str) -> frozenset[str]:
    """Give the lowercased words of a list in a lexicon file, or raise `DataFileError`."""
    value = data.get(key) if isinstance(data, Mapping) else None
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataFileError(
            f"data/lexicons/{source}: '{key}' must be a list of non-empty strings; "
            f"write `{key}: [word, ...]`."
        )
    return frozenset(v.lower() for v in value)


def _numbers(data: Any, key: str, source: str) -> dict[str, int]:
    value = data.get(key) if isinstance(data, Mapping) else None
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, int) for k, v in value.items()
    ):
        raise DataFileError(
            f"data/lexicons/{source}: '{key}' must map number words to integers; "
            f"write `{key}: {{two: 2, three: 3}}`."
        )
    return {k.lower(): v for k, v in value.items()}


@cache
def load_actor_words() -> ActorWords:
    """Give the actor rules' words (read and checked once per process)."""
    actors = load_yaml("lexicons", "actors.yaml")
    organisations = load_yaml("lexicons", "organisations.yaml")
    return ActorWords(
        honorifics=word_list(actors, "honorifics", "actors.yaml"),
        name_particles=word_list(actors, "name_particles", "actors.yaml"),
        name_suffixes=word_list(actors, "name_suffixes", "actors.yaml"),
        patronymic_particles=word_list(actors, "patronymic_particles", "actors.yaml"),
        not_actor_names=word_list(actors, "not_actor_names", "actors.yaml"),
        locative_prepositions=word_list(actors, "locative_prepositions", "actors.yaml"),
        movement_prepositions=word_list(actors, "movement_prepositions", "actors.yaml"),
        place_verbs=word_list(actors, "place_verbs", "actors.yaml"),
        seat_participles=word_list(actors, "seat_participles", "actors.yaml"),
        agent_participles=word_list(actors, "agent_participles", "actors.yaml"),
        affiliation_prepositions=word_list(actors, "affiliation_prepositions", "actors.yaml"),
        accredited_nouns=word_list(actors, "accredited_nouns", "actors.yaml"),
        inclusive_modifiers=word_list(actors, "inclusive_modifiers", "actors.yaml"),
        person_nouns=word_list(actors, "person_nouns", "actors.yaml"),
        leader_nouns=word_list(actors, "leader_nouns", "actors.yaml"),
        government_adjectives=word_list(actors, "government_adjectives", "actors.yaml"),
        state_anaphors=word_list(actors, "state_anaphors", "actors.yaml"),
        organ_nouns=word_list(actors, "organ_nouns", "actors.yaml"),
        state_office_words=word_list(actors, "state_office_words", "actors.yaml"),
        portfolio_words=word_list(actors, "portfolio_words", "actors.yaml"),
        definition_words=word_list(actors, "definition_words", "actors.yaml"),
        side_nouns=word_list(actors, "side_nouns", "actors.yaml"),
        delegation_nouns=word_list(actors, "delegation_nouns", "actors.yaml"),
        state_nouns=word_list(actors, "state_nouns", "actors.yaml"),
        opposition_words=word_list(actors, "opposition_words", "actors.yaml"),
        organisation_anaphors=word_list(actors, "organisation_anaphors", "actors.yaml"),
        force_nouns=word_list(actors, "force_nouns", "actors.yaml"),
        organisation_words=word_list(organisations, "words", "organisations.yaml"),
        body_nouns=word_list(organisations, "body_nouns", "organisations.yaml"),
        company_nouns=word_list(organisations, "company_nouns", "organisations.yaml"),
        common_body_heads=word_list(organisations, "common_body_heads", "organisations.yaml"),
        operation_heads=word_list(organisations, "operation_heads", "organisations.yaml"),
        executive_body_words=word_list(
            organisations, "executive_body_words", "organisations.yaml"
        ),
        state_name_heads=word_list(organisations, "state_name_heads", "organisations.yaml"),
        numbers=_numbers(actors, "numbers", "actors.yaml"),
    )


@dataclass(slots=True)
class ActorBuilder:
    """An actor being assembled while the article is read."""

    key: str
    label: str
    type: ActorType
    wikidata: str | None = None
    acts_for: set[str] = field(default_factory=set)
    members: set[str] = field(default_factory=set)
    post: Post | None = None
    mentions: set[Span] = field(default_factory=set)
    # The state a group of its people serves ("Kenyan officials"): their side when they
    # speak, kept off the record, as kgb:actsFor is for persons.
    serves: str | None = None

    def record(self) -> Actor:
        """Give the finished, immutable actor."""
        return Actor(
            key=self.key,
            label=self.label,
            type=self.type,
            wikidata=self.wikidata,
            acts_for=tuple(sorted(self.acts_for - {self.key})),
            members=tuple(sorted(self.members - {self.key})),
            post=self.post,
            mentions=tuple(sorted(self.mentions)),
        )

    def mentioned_before(self, offset: int, since: int = 0) -> bool:
        """Tell whether the article mentions the actor before character `offset` (and not
        before `since`)."""
        return any(since <= m.start < offset for m in self.mentions)


class ActorIndex:
    """The actors of one document and which tokens mention which actor."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, home: str | None = None) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        # The state of the article's dateline ("ISLAMABAD, Dec. 10 -"): wire copy calls
        # its government "the government" and its ministers "the Finance Minister".
        self.home = home
        self._actors: dict[str, ActorBuilder] = {}
        self._token_key: dict[int, str] = {}
        self._surnames: dict[str, str | None] = {}  # None: two persons share the surname
        self._sentence_of: dict[int, int] = {}
        for number, sentence in enumerate(doc.sents):
            for token in sentence:
                self._sentence_of[token.i] = number

    # -- building -----------------------------------------------------------------------

    def add(
        self,
        key: str,
        label: str,
        kind: ActorType,
        tokens: DocSpan | None = None,
        wikidata: str | None = None,
    ) -> ActorBuilder:
        """Add (or find) an actor and record a mention of it."""
        builder = self._actors.get(key)
        if builder is None:
            builder = ActorBuilder(key=key, label=label, type=kind, wikidata=wikidata)
            self._actors[key] = builder
        if tokens is not None and len(tokens):
            span = text_span(tokens)
            if span is not None:
                builder.mentions.add(span)
            for token in tokens:
                self._token_key.setdefault(token.i, key)
        return builder

    def add_entry(self, entry: GazetteerEntry, tokens: DocSpan | None) -> ActorBuilder:
        """Add a gazetteer actor with everything the gazetteer knows of it."""
        builder = self.add(entry.key, entry.label, entry.type, tokens, entry.wikidata)
        if entry.acts_for:
            self.add_related(entry.acts_for)
            builder.acts_for.add(entry.acts_for)
        for member in entry.members:
            self.add_related(member)
            builder.members.add(member)
        if entry.post:
            post = self.gazetteer.post(entry.post)
            if post is not None:
                builder.post = Post(post.key, post.label, post.of)
        return builder

    def add_related(self, key: str) -> None:
        """Add, without a mention, a gazetteer actor another actor points to."""
        entry = self.gazetteer.get(key)
        if entry is not None and key not in self._actors:
            self._actors[key] = ActorBuilder(entry.key, entry.label, entry.type, entry.wikidata)

    def mention(self, key: str, tokens: DocSpan) -> None:
        """Record that `tokens` mention the known actor `key`."""
        builder = self._actors[key]
        span = text_span(tokens)
        if span is not None:
            builder.mentions.add(span)
        for token in tokens:
            self._token_key.setdefault(token.i, key)

    def absorb(self, alias: str, key: str) -> None:
        """Make the actor `alias` one with `key` ("the Rapid Support Forces (RSF)" and a
        separate "RSF"): its mentions and tokens become `key`'s, references to it too."""
        gone = self._actors.pop(alias, None)
        if gone is None or alias == key:
            return
        self._actors[key].mentions.update(gone.mentions)
        for i, found in self._token_key.items():
            if found == alias:
                self._token_key[i] = key
        for builder in self._actors.values():
            for links in (builder.acts_for, builder.members):
                if alias in links:
                    links.discard(alias)
                    links.add(key)

    def link_surname(self, surname: str, key: str) -> None:
        """Let a bare surname refer to a person named in full; a surname two persons of
        the article share refers to neither."""
        known = self._surnames.get(surname.lower(), key)
        self._surnames[surname.lower()] = key if known == key else None

    # -- reading ------------------------------------------------------------------------

    def key_at(self, token: Token) -> str | None:
        """Give the key of the actor a token mentions, if any."""
        return self._token_key.get(token.i)

    def get(self, key: str) -> ActorBuilder | None:
        """Give the actor with this key, if known."""
        return self._actors.get(key)

    def side_of(self, key: str) -> str:
        """Give the state or body an actor speaks for (its first `acts_for`, or the state a
        group serves), else itself."""
        builder = self._actors.get(key)
        if builder is not None and builder.acts_for:
            return sorted(builder.acts_for)[0]
        if builder is not None and builder.serves is not None:
            return builder.serves
        return key

    def state_of_executive(self, key: str) -> str:
        """Give the state a department of its executive acts for ("United States Department
        of the Treasury" -> United States), else `key` itself."""
        builder = self._actors.get(key)
        if builder is None or builder.type is not ActorType.ORGANIZATION:
            return key
        words = set(builder.label.lower().split())
        states = [k for k in sorted(builder.acts_for) if self.kind(k) is ActorType.STATE]
        if len(states) == 1 and words & load_actor_words().executive_body_words:
            return states[0]
        return key

    def organisations_ending_in(self, names: Collection[str], before: int) -> list[ActorBuilder]:
        """Give the organisations named before character `before` whose name ends in one
        of the words `names` ("the U.S. Treasury" for "Treasury")."""
        return [
            a
            for a in self.actors()
            if a.type is ActorType.ORGANIZATION
            and a.label.split()[-1] in names
            and a.mentioned_before(before)
        ]

    def home_state(self) -> str | None:
        """Give the state of the dateline (added as an actor if the text never names it),
        else the state the article is about, if any."""
        if self.home is not None:
            self.add_related(self.home)
            return self.home
        return self.main_state()

    def main_state(self) -> str | None:
        """Give the state an undatelined article is about: the one named at least twice as
        often as any other (a government press release, a country profile)."""
        counts = sorted(
            ((len(a.mentions), a.key) for a in self.actors() if a.type is ActorType.STATE),
            reverse=True,
        )
        if not counts or counts[0][0] < 2:
            return None
        if len(counts) > 1 and counts[0][0] < 2 * counts[1][0]:
            return None
        return counts[0][1]

    def main_pair(
        self, before: int, kinds: frozenset[ActorType], posts: frozenset[str] = frozenset()
    ) -> tuple[str, ...]:
        """Give the two actors of `kinds` (holding one of `posts`, if any are given) the text
        names most often before offset `before`, in the order first named, when both are
        named at least twice and more often than any other ("both sides" in a report on
        two warring parties); else ()."""
        counts = sorted(
            (-sum(1 for m in a.mentions if m.end <= before), a.key)
            for a in self.actors()
            if a.type in kinds and (not posts or _holds(a, posts))
        )
        # Holders of a leader's office are few: one mention each is enough.
        if len(counts) < 2 or -counts[1][0] < (1 if posts else 2):
            return ()
        if len(counts) > 2 and counts[2][0] == counts[1][0]:
            return ()
        pair = [key for _count, key in counts[:2]]
        return tuple(sorted(pair, key=lambda k: min(m.start for m in self._actors[k].mentions)))

    def kind(self, key: str) -> ActorType | None:
        """Give the type of the actor with this key."""
        builder = self._actors.get(key)
        return builder.type if builder is not None else None

    def kind_at(self, token: Token) -> ActorType | None:
        """Give the type of the actor a token mentions, if any."""
        key = self.key_at(token)
        return None if key is None else self.kind(key)

    def actors(self) -> list[ActorBuilder]:
        """Give the actors found so far, sorted by key."""
        return [self._actors[k] for k in sorted(self._actors)]

    def surname_key(self, text: str) -> str | None:
        """Give the person a bare surname refers to, if exactly one."""
        return self._surnames.get(text.lower())

    def is_shared_surname(self, text: str) -> bool:
        """Tell whether two persons of the article bear this surname."""
        return text.lower() in self._surnames and self._surnames[text.lower()] is None

    def records(self) -> tuple[Actor, ...]:
        """Give the article's actors, sorted by key."""
        return tuple(self._actors[k].record() for k in sorted(self._actors))

    def keys_of_phrase(self, head: Token) -> list[str]:
        """Give the actors a noun phrase headed by `head` denotes, following coordination
        ("France, Germany and Poland") and appositions ("the E3, Britain, ...")."""
        keys: list[str] = []
        listed = conjuncts(head)
        members = self.appositive_list(listed[0]) if listed else []
        if members:
            # "Iran's allies, Russia and China": the list after the group says who it is.
            listed = members
        for token in listed:
            key = self._key_of_head(token)
            if key is not None and key not in keys:
                keys.append(key)
        return keys

    def appositive_list(self, head: Token) -> list[Token]:
        """Give the coordinated names written after a group and a comma, which say who the
        group is ("Iran's allies, Russia and China"); empty if there are none."""
        key = self.key_at(head)
        doc = head.doc
        if (
            key is None
            or self._actors[key].type is not ActorType.GROUP
            or head.i + 2 >= len(doc)
            or doc[head.i + 1].text != ","
            or any(t.i < head.i for t in head.conjuncts)
        ):
            return []
        first = doc[head.i + 2]
        if first in head.conjuncts:
            # Parsed as one coordination: "allies, Russia and China".
            following = [t for t in head.conjuncts if t.i > head.i]
        elif first.head == head.head or first.head == head:
            # Parsed as a second subject or an apposition: "allies, [Russia and China]".
            following = conjuncts(first)
        else:
            return []
        named = [t for t in following if self.key_at(t) not in {None, key}]
        has_and = any(c.dep_ == "cc" for t in following for c in t.children)
        if len(following) < 2 or len(named) != len(following) or not has_and:
            return []
        return named

    def _key_of_head(self, token: Token) -> str | None:
        keys = self.head_keys(token)
        return keys[0] if keys else None

    def head_keys(self, token: Token) -> list[str]:
        """Give the actor a noun-phrase head names, followed by the members an apposition
        lists for it ("Iran's allies, Russia and China")."""
        # "the U.S. delegation" / "U.S. officials": a noun whose compound names the actor
        # is not the actor itself; only names, groups and metonyms count as heads.
        keys: list[str] = []
        for child in token.children:
            # "France, Germany, Poland, and other European partners" is sometimes parsed
            # with the named list as a modifier of the group noun.
            if child.dep_ in LIST_MODIFIER_DEPS and child.i < token.i and child.conjuncts:
                for member in conjuncts(child):
                    member_key = self.key_at(member)
                    if member_key is not None and member_key not in keys:
                        keys.append(member_key)
        key = self.key_at(token)
        if key is not None:
            keys.extend(k for k in self._flattened_list(token, key) if k not in keys)
        if key is not None and key not in keys:
            keys.append(key)
        members: list[str] = []
        for child in token.children:
            if child.dep_ == "appos":
                for member in conjuncts(child):
                    member_key = self.key_at(member)
                    if member_key is not None and member_key not in keys + members:
                        members.append(member_key)
        if members and key is not None and self._actors[key].type is ActorType.GROUP:
            # "Iran's allies, Russia and China": the apposition names who acts.
            keys.remove(key)
        return keys + members

    def _flattened_list(self, token: Token, key: str) -> list[str]:
        """Give the actors of the same kind named before `token` and joined to it by "and"
        when the parser chained the list into compounds ("President Donald Trump and
        Commission President Ursula von der Leyen")."""
        kind = self._actors[key].type
        if kind is not ActorType.PERSON:
            return []
        left = [t for t in token.subtree if t.i < token.i]
        if not any(t.dep_ == "cc" or t.lower_ == "and" for t in left) or any(
            t.dep_ == "conj" and t.head.i == token.i for t in token.children
        ):
            return []
        found: list[str] = []
        for t in left:
            other = self._token_key.get(t.i)
            if (
                other is not None
                and other != key
                and other not in found
                and self._actors[other].type is kind
            ):
                found.append(other)
        return found

    def recent(self, before: Token, kinds: Iterable[ActorType]) -> str | None:
        """Give the actor of one of `kinds` mentioned last before `before`, within reach."""
        wanted = set(kinds)
        first_sentence = self._sentence_of[before.i] - PRONOUN_REACH
        for i in range(before.i - 1, -1, -1):
            token = self.doc[i]
            if self._sentence_of[i] < first_sentence:
                break
            key = self._token_key.get(i)
            if key is not None and self._actors[key].type in wanted:
                if token.dep_ in {"compound", "amod"} and token.head.i in self._token_key:
                    continue
                return key
        return None

    def antecedents(
        self, before: Token, kinds: Iterable[ActorType], reach: int | None = 1
    ) -> list[tuple[str, int | None]]:
        """Give the actors of `kinds` named before `before` in its sentence and the `reach`
        sentences before it (None: `PRONOUN_REACH`), nearest first, each with the depth of
        the clause it is the subject of (None if it is not a subject). Names used as
        modifiers ("U.S. tariffs", "the French President") are not antecedents."""
        wanted = set(kinds)
        first_sentence = self._sentence_of[before.i] - (PRONOUN_REACH if reach is None else reach)
        found: list[tuple[str, int | None]] = []
        for i in range(before.i - 1, -1, -1):
            if self._sentence_of[i] < first_sentence:
                break
            token = self.doc[i]
            key = self._token_key.get(i)
            if key is None or self._actors[key].type not in wanted:
                continue
            if token.dep_ in NAME_MODIFIER_DEPS and self._token_key.get(token.head.i) != key:
                continue
            found.append((key, self._subject_depth(token)))
        return found

    def _subject_depth(self, token: Token) -> int | None:
        """Give how deep the clause is whose subject a mention heads or is coordinated
        into (0: the main clause), or None if the mention is not a subject."""
        for t in conjuncts(token):
            current = t
            # Climb from a word of a name to the head of its phrase ("French President").
            while current.dep_ in {"compound", "flat", "appos"} and current.head != current:
                current = current.head
            if current.dep_ in SUBJECT_DEPS:
                return sum(1 for _ in current.head.ancestors)
        return None


def text_span(tokens: DocSpan) -> Span | None:
    """Give the record span of a mention, without a leading "the" or a trailing
    possessive mark or punctuation."""
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[-1].text in POSSESSIVE_MARKS or toks[-1].is_punct):
        toks.pop()
    while toks and (toks[0].lower_ == "the" or toks[0].is_punct):
        toks.pop(0)
    if not toks:
        return None
    doc = tokens.doc
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return Span(start, end, doc_text(doc)[start:end])


def clean_label(text: str) -> str:
    """Give a label as written in the text, without quotes, possessive or leading "the"."""
    text = " ".join(text.translate(APOSTROPHES).split())
    for mark in ("'s", "'"):
        if text.endswith(mark):
            text = text[: -len(mark)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip(" ,.;:\"'").lstrip("-–—•* ").strip()  # "- European allies": a list item


def in_regions(start: int, regions: Iterable[Span]) -> bool:
    """Tell whether a character offset lies inside one of `regions`."""
    return any(r.start <= start < r.end for r in regions)


def _holds(actor: ActorBuilder, posts: frozenset[str]) -> bool:
    """Tell whether a person holds one of the generic offices `posts` ("president" for
    "president-of-serbia")."""
    return actor.post is not None and any(actor.post.key.startswith(p + "-of-") for p in posts)
