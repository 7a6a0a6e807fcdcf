"""Actors of one article: named entities and gazetteer matches resolved to one key each,
titles to offices, collectives to groups, and references (surnames, pronouns) to actors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..iris import slugify
from ..records import Actor, ActorType, Article, Post, Span
from ..resources.gazetteer import Gazetteer, GazetteerEntry
from ..resources.lexicons import Lexicon
from .grammar import APOSTROPHES, conjuncts

# Prepositions after which a capital names a place, not its government ("talks in Paris").
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within", "into"}
)
LIST_MODIFIER_DEPS = frozenset({"nmod", "compound"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
COLLECTIVE_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
SPEAKER_PRONOUNS = frozenset({"we", "us", "our", "ours"})
ENTITY_TYPES = {"PERSON": ActorType.PERSON, "ORG": ActorType.ORGANIZATION}
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
# Words a news style puts before a name that are not part of it.
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "mr.", "mrs.", "ms.", "dr."})
# How far back (in sentences) a pronoun may find its actor.
PRONOUN_REACH = 3


@dataclass(slots=True)
class _Builder:
    key: str
    label: str
    type: ActorType
    wikidata: str | None = None
    acts_for: set[str] = field(default_factory=set)
    members: set[str] = field(default_factory=set)
    post: Post | None = None
    mentions: set[Span] = field(default_factory=set)

    def record(self) -> Actor:
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


class ActorIndex:
    """The actors of one document and which tokens mention which actor."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self._actors: dict[str, _Builder] = {}
        self._token_key: dict[int, str] = {}
        self._surnames: dict[str, str] = {}
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
    ) -> _Builder:
        """Add (or find) an actor and record a mention of it."""
        builder = self._actors.get(key)
        if builder is None:
            builder = _Builder(key=key, label=label, type=kind, wikidata=wikidata)
            self._actors[key] = builder
        if tokens is not None and len(tokens):
            span = _text_span(tokens)
            if span is not None:
                builder.mentions.add(span)
            for token in tokens:
                self._token_key.setdefault(token.i, key)
        return builder

    def add_entry(self, entry: GazetteerEntry, tokens: DocSpan | None) -> _Builder:
        """Add a gazetteer actor with everything the gazetteer knows of it."""
        builder = self.add(entry.key, entry.label, entry.type, tokens, entry.wikidata)
        if entry.acts_for:
            self._add_related(entry.acts_for)
            builder.acts_for.add(entry.acts_for)
        for member in entry.members:
            self._add_related(member)
            builder.members.add(member)
        if entry.post:
            post = self.gazetteer.post(entry.post)
            if post is not None:
                builder.post = Post(post.key, post.label, post.of)
        return builder

    def _add_related(self, key: str) -> None:
        entry = self.gazetteer.get(key)
        if entry is not None and key not in self._actors:
            self._actors[key] = _Builder(entry.key, entry.label, entry.type, entry.wikidata)

    def link_surname(self, surname: str, key: str) -> None:
        """Let a later bare surname refer to a person named in full."""
        self._surnames.setdefault(surname.lower(), key)

    # -- reading ------------------------------------------------------------------------

    def key_at(self, token: Token) -> str | None:
        """Give the key of the actor a token mentions, if any."""
        return self._token_key.get(token.i)

    def get(self, key: str) -> _Builder | None:
        """Give the actor with this key, if known."""
        return self._actors.get(key)

    def kind(self, key: str) -> ActorType | None:
        """Give the type of the actor with this key."""
        builder = self._actors.get(key)
        return builder.type if builder is not None else None

    def surname_key(self, text: str) -> str | None:
        """Give the person a bare surname refers to."""
        return self._surnames.get(text.lower())

    def records(self) -> tuple[Actor, ...]:
        """Give the article's actors, sorted by key."""
        return tuple(self._actors[k].record() for k in sorted(self._actors))

    def keys_of_phrase(self, head: Token) -> list[str]:
        """Give the actors a noun phrase headed by `head` denotes, following coordination
        ("France, Germany and Poland") and appositions ("the E3, Britain, ...")."""
        keys: list[str] = []
        for token in conjuncts(head):
            key = self._key_of_head(token)
            if key is not None and key not in keys:
                keys.append(key)
        return keys

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


def _text_span(tokens: DocSpan) -> Span | None:
    """Give the record span of a mention, without a trailing possessive mark."""
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[-1].text in POSSESSIVE_MARKS or toks[-1].is_punct):
        toks.pop()
    while toks and toks[0].lower_ == "the":
        toks.pop(0)
    if not toks:
        return None
    doc = tokens.doc
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return Span(start, end, doc.text[start:end])


def _clean_label(text: str) -> str:
    text = " ".join(text.translate(APOSTROPHES).split())
    for mark in ("'s", "'"):
        if text.endswith(mark):
            text = text[: -len(mark)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip(" ,.;:\"'")


def is_place_use(tokens: DocSpan) -> bool:
    """Tell whether a capital or country name is used as a place ("talks in Paris",
    "the Paris talks") rather than for its government ("Paris said")."""
    root = tokens.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return True
    return root.dep_ in {"compound", "nmod"} and root.head.pos_ == "NOUN"


def _in_regions(start: int, regions: tuple[Span, ...]) -> bool:
    return any(r.start <= start < r.end for r in regions)


def resolve_actors(
    doc: Doc, article: Article, gazetteer: Gazetteer, lexicon: Lexicon
) -> ActorIndex:
    """Give the index of every actor the article mentions."""
    index = ActorIndex(doc, gazetteer)
    skipped = tuple(s for s in (article.boilerplate, article.dateline) if s is not None)
    persons: list[DocSpan] = []
    for ent in doc.ents:
        if _in_regions(ent.start_char, skipped):
            continue
        entry = gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
        if entry is None:
            found = gazetteer.lookup(ent.text)
            if found is not None:
                entry, how = found
                if how == "metonym" and is_place_use(ent):
                    continue
        elif is_place_use(ent) and _is_metonym(gazetteer, ent.text):
            continue
        if entry is not None:
            index.add_entry(entry, ent)
            if entry.type is ActorType.PERSON:
                index.link_surname(ent[-1].text, entry.key)
                persons.append(ent)
            continue
        if ent.label_ == "PERSON":
            persons.append(ent)
        elif ent.label_ == "ORG" and _looks_like_organization(ent):
            label = _clean_label(ent.text)
            if label:
                index.add(slugify(label), label, ActorType.ORGANIZATION, ent)
    _add_persons(index, persons, gazetteer)
    _add_groups(index, doc, lexicon)
    return index


def _is_metonym(gazetteer: Gazetteer, text: str) -> bool:
    found = gazetteer.lookup(text)
    return found is not None and found[1] == "metonym"


def _looks_like_organization(ent: DocSpan) -> bool:
    # spaCy tags many capitalised phrases ORG; an acronym or a multi-word name with a
    # capitalised head is kept, a lone common-looking word is not.
    words = [t for t in ent if not t.is_punct]
    if not words:
        return False
    if len(words) == 1:
        return words[0].text.isupper() and len(words[0].text) >= 2
    return words[-1].text[:1].isupper()


def _add_persons(index: ActorIndex, persons: list[DocSpan], gazetteer: Gazetteer) -> None:
    """Add persons not in the gazetteer: full names first, then surnames that refer back."""
    full = [p for p in persons if len(p) > 1 and not p.ent_id_]
    single = [p for p in persons if len(p) == 1 and not p.ent_id_]
    for ent in full:
        tokens = [t for t in ent if t.lower_ not in HONORIFICS and t.text not in POSSESSIVE_MARKS]
        if not tokens:
            continue
        label = _clean_label(" ".join(t.text for t in tokens))
        key = slugify(label)
        builder = index.add(key, label, ActorType.PERSON, ent)
        index.link_surname(tokens[-1].text, key)
        _add_office(index, builder, ent, gazetteer)
    for ent in single:
        known = index.surname_key(ent[0].text)
        if known is None:
            label = _clean_label(ent.text)
            if not label:
                continue
            builder = index.add(slugify(label), label, ActorType.PERSON, ent)
        else:
            builder = index.add(known, "", ActorType.PERSON, ent)
        _add_office(index, builder, ent, gazetteer)
    for ent in persons:
        if ent.ent_id_:
            builder_found = index.get(ent.ent_id_)
            if builder_found is not None:
                _add_office(index, builder_found, ent, gazetteer)


def _title_tokens(ent: DocSpan) -> list[Token]:
    """Give the words of a title written before or beside a name ("French President")."""
    root = ent.root
    title = [
        t for t in root.lefts if t.i < ent.start and t.dep_ in {"compound", "amod", "poss", "nmod"}
    ]
    expanded: list[Token] = []
    for t in title:
        expanded.extend(t.subtree)
    for child in root.children:
        if child.dep_ == "appos":  # "Barbara Woodward, Britain's ambassador to the UN"
            expanded.extend(child.subtree)
    if root.dep_ == "appos":  # "Britain's ambassador, Barbara Woodward"
        expanded.extend(t for t in root.head.subtree if t.i < ent.start or t.i >= ent.end)
    return sorted({t for t in expanded if not (ent.start <= t.i < ent.end)}, key=lambda t: t.i)


def _add_office(index: ActorIndex, builder: _Builder, ent: DocSpan, gazetteer: Gazetteer) -> None:
    """Record the office and the side a named person speaks for, from the title beside it."""
    tokens = _title_tokens(ent)
    if not tokens:
        return
    title = " ".join(t.text for t in tokens if t.text not in POSSESSIVE_MARKS)
    post = gazetteer.post_for_title(title)
    if post is not None and builder.post is None:
        builder.post = Post(post.key, post.label, post.of)
    if post is not None and post.of:
        index._add_related(post.of)
        builder.acts_for.add(post.of)
        return
    for token in tokens:
        key = index.key_at(token)
        if key is not None and index.kind(key) in {ActorType.STATE, ActorType.ORGANIZATION}:
            builder.acts_for.add(key)
            return


def _known_as(token: Token, index: ActorIndex) -> str | None:
    """Give the actor a phrase is said to be "known as" or "called"."""
    for child in token.children:
        if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in {
            "know",
            "call",
            "dub",
            "name",
        }:
            for sub in child.subtree:
                key = index.key_at(sub)
                if key is not None and sub.i > child.i:
                    return key
    return None


def _add_groups(index: ActorIndex, doc: Doc, lexicon: Lexicon) -> None:
    """Add collectives named in the text ("European partners", "Ukraine's allies", "all
    parties"), with the members the text lists beside them."""
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon.group_nouns:
            continue
        if index.key_at(token) is not None:
            continue
        modifiers = [
            c
            for c in token.lefts
            if c.dep_ in {"amod", "poss", "det", "nummod", "compound", "predet"}
        ]
        qualifying = [
            m
            for m in modifiers
            if (m.dep_ == "amod" and m.text[:1].isupper())
            or (m.dep_ in {"poss", "compound"} and index.key_at(m) is not None)
            or (
                m.lower_ in lexicon.group_quantifiers
                and m.dep_ in {"det", "nummod", "predet", "amod"}
            )
            or (m.dep_ == "nummod" and m.like_num)
        ]
        if not qualifying:
            continue
        # "other European partners": drop words that only situate the group in the sentence.
        start = min(m.left_edge.i for m in qualifying)
        tokens = doc[start : token.i + 1]
        words = [t for t in tokens if t.lower_ not in {"other", "the", "its", "their", "our"}]
        label = _clean_label(
            " ".join(
                t.text_with_ws.strip() if t.text not in POSSESSIVE_MARKS else t.text for t in words
            )
            .replace(" 's", "'s")
            .replace(" ’s", "'s")
        )
        if not label:
            continue
        alias = _known_as(token, index)
        if alias is not None:  # "the three European nations, known as the E3"
            index.add(alias, "", ActorType.GROUP, doc[tokens.start : tokens.end])
            continue
        key = slugify(label)
        builder = index.add(key, label, ActorType.GROUP, doc[tokens.start : tokens.end])
        listed = [index.key_at(t) for t in token.conjuncts]
        listed += [
            index.key_at(t) for c in token.children if c.dep_ == "appos" for t in conjuncts(c)
        ]
        for member in [*index.head_keys(token), *listed]:
            if member is not None and member != key:
                builder.members.add(member)
