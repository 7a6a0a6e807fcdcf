"""Persons of one article: names not in the gazetteer, surnames and titles that refer back
to a named person, and the office and side a title gives a person."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..iris import slugify
from ..records import ActorType, Post, Span
from ..resources.gazetteer import Gazetteer, PostEntry
from .actor_index import (
    POSSESSIVE_MARKS,
    SIDES,
    ActorBuilder,
    ActorIndex,
    ActorWords,
    clean_label,
    in_regions,
)

# Modifiers that belong to a title ("French President", "Britain's envoy").
TITLE_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
# Prepositions that continue a title ("President of France", "ambassador to the UN").
TITLE_PREPOSITIONS = frozenset({"of", "to"})
# Prepositions of an office's remit: "envoy to Moscow", "mission chief for Pakistan".
REMIT_PREPOSITIONS = frozenset({"to", "for"})
# A title with one of these dependencies is part of a larger phrase, not a reference.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
# Modifiers describing an unnamed person ("a senior administration official").
UNNAMED_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
INDEFINITE_ARTICLES = frozenset({"a", "an"})


def add_persons(
    index: ActorIndex, persons: list[DocSpan], words: ActorWords, skipped: tuple[Span, ...]
) -> None:
    """Add the persons the gazetteer does not know: full names first, then the surnames
    (with or without an honorific) that refer back to a person named in full."""
    full: list[tuple[DocSpan, list[Token]]] = []
    single: list[tuple[DocSpan, Token]] = []
    vocabulary = title_vocabulary(index.gazetteer)
    for ent in _joined_at_particles(persons, words):
        tokens = _name_tokens(ent, words, vocabulary, index)
        if len(tokens) > 1:
            full.append((ent, tokens))
        elif tokens:
            single.append((ent, tokens[0]))
    for ent, tokens in full:
        # The name as written between its first and last word ("al-Burhan" keeps its hyphen).
        label = clean_label(ent.doc[tokens[0].i : tokens[-1].i + 1].text)
        if not label:
            continue
        index.add(slugify(label), label, ActorType.PERSON, ent.doc[tokens[0].i : tokens[-1].i + 1])
        index.link_surname(tokens[-1].text, slugify(label))
        if len(tokens) > 2 and tokens[1].lower_ in words.patronymic_particles:
            index.link_surname(tokens[0].text, slugify(label))  # "Abdulaziz bin Salman"
    link_surnames(index, index.doc, skipped)
    as_person = Counter(ent.text for ent, _ in single)
    as_organisation = Counter(e.text for e in index.doc.ents if e.label_ == "ORG")
    for ent, token in single:
        if index.key_at(token) is not None or index.is_shared_surname(token.text):
            continue  # a surname linked above, or one that two persons share
        if as_organisation[ent.text] > as_person[ent.text]:
            continue  # "Energocom": tagged an organisation more often than a person
        if token.dep_ in {"compound", "amod"} and token.head.pos_ == "NOUN":
            continue  # "its Archer artillery systems": a name of a thing, not a person
        label = clean_label(token.text)
        if label:
            index.add(slugify(label), label, ActorType.PERSON, ent.doc[token.i : token.i + 1])


def _joined_at_particles(persons: list[DocSpan], words: ActorWords) -> list[DocSpan]:
    """Give the person entities with those the tagger split at a particle joined again:
    "Prince Abdulaziz" + "bin Salman" is one name."""
    joined: list[DocSpan] = []
    for ent in sorted(persons, key=lambda e: e.start):
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and ent.start == previous.end
            and ent[0].text in words.name_particles
        ):
            joined[-1] = DocSpan(ent.doc, previous.start, ent.end, label=previous.label_)
        else:
            joined.append(ent)
    return joined


def _name_tokens(
    ent: DocSpan, words: ActorWords, vocabulary: frozenset[str], index: ActorIndex
) -> list[Token]:
    """Give the words of a person's name: without honorifics ("Mr"), possessive marks,
    or a title the entity starts with ("Prime Minister Jan Kowalski")."""
    tokens = [
        t
        for t in ent
        if t.lower_ not in words.honorifics and t.text not in POSSESSIVE_MARKS and not t.is_punct
    ]
    while len(tokens) > 1 and (
        tokens[0].lower_ in vocabulary
        or tokens[0].lower_ in words.person_nouns  # "Spokesperson Lena Marchetti said"
        or index.kind_at(tokens[0]) in SIDES
    ):
        tokens.pop(0)
    return _with_particles(tokens, words)


def _with_particles(tokens: list[Token], words: ActorWords) -> list[Token]:
    """Give a name with the particles and capitalised word the tagger left after it: "André
    Corrêa" + "do Lago"; "Ursula von der" + "Leyen"."""
    while len(tokens) > 1 and tokens[-1].text in words.name_particles:  # "Wang Di" stays
        tokens = tokens[:-1]
    if not tokens:
        return tokens
    doc = tokens[0].doc
    after = tokens[-1].i + 1
    end = after
    while end < len(doc) and doc[end].text in words.name_particles:
        end += 1
    if end == after or end >= len(doc):
        return tokens
    last = doc[end]
    if last.pos_ != "PROPN" or not last.text[:1].isupper():
        return tokens
    return tokens + list(doc[after : end + 1])


@lru_cache(maxsize=4)
def title_vocabulary(gazetteer: Gazetteer) -> frozenset[str]:
    """Give the lowercased words of office titles ("prime", "minister", "secretary") that
    are not also words of an actor's name ("United", "Jordan")."""
    found: set[str] = set()
    for post in gazetteer.posts():
        for title in (post.label, *post.titles):
            found.update(w.lower() for w in title.split())
    for entry in gazetteer:
        for form in (*entry.names, *entry.adjectives, *entry.metonyms):
            found.difference_update(w.lower() for w in form.split())
    return frozenset(found)


def link_surnames(index: ActorIndex, doc: Doc, skipped: tuple[Span, ...]) -> None:
    """Mark every capitalised proper noun that is the surname of exactly one person named
    in full as a mention of that person ("Lindqvist said", "Ms Lindqvist"), whatever
    entity label the tagger gave it. A subject the tagger took for another word class
    ("Dagalo, widely known as ..., said") counts too."""
    for token in doc:
        if (
            not (token.pos_ == "PROPN" or token.dep_ in {"nsubj", "nsubjpass"})
            or token.is_stop
            or not token.text[:1].isupper()
            or index.key_at(token) is not None
            or in_regions(token.idx, skipped)
        ):
            continue
        key = index.surname_key(token.text)
        if key is not None:
            index.mention(key, doc[token.i : token.i + 1])


def add_office(index: ActorIndex, builder: ActorBuilder, ent: DocSpan, words: ActorWords) -> None:
    """Record the office and the side a named person speaks for, from the title beside
    the name ("Polish Prime Minister Jan Kowalski", "Anna Berg, Sweden's ambassador"); a
    state office that names no state ("Finance Minister Ahmed Shide") is held for the
    dateline's state, else for the state the article is about."""
    tokens = _title_tokens(ent)
    if not tokens:
        return
    # "Kosovo's caretaker prime minister" holds the office of "Kosovo's prime minister".
    post = _post_of_title(
        index.gazetteer, [t for t in tokens if t.lower_ not in words.government_adjectives]
    )
    if post is not None and builder.post is None:
        builder.post = Post(post.key, post.label, post.of)
    known = index.gazetteer.get(builder.key)
    if known is not None and known.acts_for:
        return  # the gazetteer knows whom the person speaks for
    if post is not None and post.of:
        index.add_related(post.of)
        builder.acts_for.add(post.of)
        return
    if any(t.lower_ in words.opposition_words for t in tokens):
        return  # "Belarusian opposition leader X" does not speak for Belarus
    side = _side_in_title(tokens, index, words)
    if side is None:
        bare = _bare_office(index, tokens)
        if bare is not None:
            builder.post = Post(bare.key, bare.label, bare.of)
            side = bare.of
    if side is None:
        side = _side_of_possessive(tokens, index)
    if side is None and _unplaced_state_office(tokens, index, words):
        side = index.home_state()
    if side is not None:
        builder.acts_for.add(side)


def _side_of_possessive(tokens: list[Token], index: ActorIndex) -> str | None:
    """Give the side "its" in a title refers back to ("The ELN made promises. Its
    commander, Antonio García, said ..."): the one organisation or state named as a
    subject in the sentence before, or before it in its own."""
    owner = next((t for t in tokens if t.lower_ == "its" and t.dep_ == "poss"), None)
    if owner is None:
        return None
    found = {key for key, depth in index.antecedents(owner, SIDES, reach=1) if depth is not None}
    return found.pop() if len(found) == 1 else None


def _bare_office(index: ActorIndex, tokens: list[Token]) -> PostEntry | None:
    """Give the office of an organisation a title names without naming the organisation
    ("Commissioner Magnus Brunner" in an article about the EU), when exactly one
    organisation the article names has an office of that name."""
    if any(index.key_at(t) is not None for t in tokens):
        return None
    posts = [
        post
        for post in index.gazetteer.posts_of_bare_title(_title_text(tokens))
        if post.of is not None and index.get(post.of) is not None
    ]
    return posts[0] if len({p.of for p in posts}) == 1 else None


def _unplaced_state_office(tokens: list[Token], index: ActorIndex, words: ActorWords) -> bool:
    """Tell whether a title names a state office but no actor ("Finance Minister")."""
    return all(index.key_at(t) is None for t in tokens) and any(
        t.lower_ in words.state_office_words for t in tokens
    )


def _post_of_title(gazetteer: Gazetteer, tokens: list[Token]) -> PostEntry | None:
    """Give the office a title names, trying the whole title, then its words up to the
    title's head noun ("Sweden's ambassador to the UN since 2020" -> Sweden's ambassador
    to the UN -> Sweden's ambassador)."""
    texts = [_title_text(tokens)]
    heads = [t for t in tokens if t.head not in tokens or t.head == t]
    for head in heads:
        right = [t for t in tokens if t.i <= head.i or _continues_title(t, head)]
        texts.append(_title_text(right))
        texts.append(_title_text([t for t in tokens if t.i <= head.i]))
    for text in dict.fromkeys(texts):
        post = gazetteer.post_for_title(text) if text else None
        if post is not None:
            return post
    return None


def _continues_title(token: Token, head: Token) -> bool:
    """Tell whether a word after a title's head is in its "of X" / "to X" phrase."""
    for ancestor in token.ancestors:
        if ancestor.head == head and ancestor.dep_ == "prep":
            return ancestor.lower_ in TITLE_PREPOSITIONS
        if ancestor == head:
            return token.dep_ == "prep" and token.lower_ in TITLE_PREPOSITIONS
    return token.dep_ == "prep" and token.head == head and token.lower_ in TITLE_PREPOSITIONS


def _title_text(tokens: Iterable[Token]) -> str:
    words = [t.text for t in tokens if t.text not in POSSESSIVE_MARKS and not t.is_punct]
    while words and words[0].lower() == "the":
        words.pop(0)
    return " ".join(words)


def link_earlier_descriptions(index: ActorIndex, doc: Doc, words: ActorWords) -> None:
    """Give a person named with a bare title ("spokesperson Lena Marchetti") the side of
    the one description with that title before the name ("the bloc's foreign affairs
    spokesperson said ..."), and make that description a mention of the person: copy
    often gives the role in the lede and the name further down."""
    for person in index.actors():
        if person.type is not ActorType.PERSON or person.acts_for or not person.mentions:
            continue
        first = min(person.mentions)
        name = doc.char_span(first.start, first.end, alignment_mode="expand")
        title = doc[name.start - 1] if name is not None and name.start > 0 else None
        if title is None or title.lemma_.lower() not in words.person_nouns:
            continue
        noun = title.lemma_.lower()
        earlier = [
            t
            for t in doc[: title.i]
            if t.pos_ == "NOUN"
            and t.lemma_.lower() == noun
            and t.dep_ not in MODIFIER_DEPS
            and index.key_at(t) is None
        ]
        sides = {
            side
            for t in earlier
            if (side := _side_in_title([m for m in t.subtree if m.i < t.i], index, words))
        }
        if len(earlier) != 1 or len(sides) != 1:
            continue
        person.acts_for.add(sides.pop())
        description = earlier[0]
        index.mention(person.key, doc[description.left_edge.i : description.i + 1])


def _side_in_title(tokens: list[Token], index: ActorIndex, words: ActorWords) -> str | None:
    """Give the state (else the organisation) a title names as the person's side: not the
    body in a "to X" phrase, nor an organisation an envoy is accredited to ("UN
    ambassador")."""
    states: list[str] = []
    organisations: list[str] = []
    for token in tokens:
        key = index.key_at(token)
        kind = index.kind(key) if key is not None else None
        if key is None or kind not in SIDES or _in_to_phrase(token, tokens):
            continue
        if kind is ActorType.STATE:
            states.append(key)
        elif not _accredited_to(token, words):
            organisations.append(key)
    found = states or organisations
    return found[0] if found else None


def _in_to_phrase(token: Token, tokens: list[Token]) -> bool:
    """Tell whether a word of a title lies in its "to X" or "for X" phrase: whom or what
    the office deals with, not whom it speaks for ("ambassador to the UN", "the Fund's
    mission chief for Pakistan")."""
    return any(
        a.dep_ == "prep" and a.lower_ in REMIT_PREPOSITIONS and a in tokens
        for a in token.ancestors
    )


def _accredited_to(token: Token, words: ActorWords) -> bool:
    """Tell whether a name modifies a noun of accreditation ("UN ambassador")."""
    current = token
    while current.dep_ in {"compound", "nmod", "amod"} and current.head != current:
        current = current.head
        if current.lemma_.lower() in words.accredited_nouns:
            return True
    return False


def _title_tokens(ent: DocSpan) -> list[Token]:
    """Give the words of a title written before or beside a name ("French President")."""
    root = ent.root
    # The parser hangs a title on the surname or on the first name ("Commissioner Bankole").
    title = [
        t for word in ent for t in word.lefts
        if t.i < ent.start and t.dep_ in TITLE_MODIFIER_DEPS
    ]
    expanded: list[Token] = []
    for t in title:
        expanded.extend(t.subtree)
    for child in root.children:
        if child.dep_ == "appos":  # "Barbara Woodward, Britain's ambassador to the UN"
            expanded.extend(child.subtree)
    if root.dep_ == "appos":  # "Britain's ambassador, Barbara Woodward"
        # Not a person coordinated with this one, nor that person's title: "army chief
        # Abdel Fattah al-Burhan and RSF commander Mohamed Hamdan Dagalo".
        others = {t for c in root.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
        expanded.extend(
            t
            for t in root.head.subtree
            if (t.i < ent.start or t.i >= ent.end) and t not in others
        )
    return sorted(
        {t for t in expanded if not (ent.start <= t.i < ent.end) and not t.is_punct},
        key=lambda t: t.i,
    )


def link_titles(index: ActorIndex, doc: Doc, words: ActorWords, skipped: tuple[Span, ...]) -> None:
    """Mark a title standing for a named person as a mention of that person: "the Prime
    Minister", "the chancellor" (the one person named earlier with such an office),
    "Sweden's foreign minister", "the Pentagon chief" (the one person in the article
    holding exactly that office)."""
    for token in doc:
        if (
            token.pos_ not in {"NOUN", "PROPN"}
            or token.tag_ in {"NNS", "NNPS"}
            or token.dep_ in MODIFIER_DEPS
            or index.key_at(token) is not None
            or in_regions(token.idx, skipped)
        ):
            continue
        tokens = _title_phrase(token, index)
        if tokens is None:
            continue
        holder = _holder(index, tokens, token, words)
        if holder is not None:
            index.mention(holder, doc[tokens[0].i : tokens[-1].i + 1])


def _title_phrase(head: Token, index: ActorIndex) -> list[Token] | None:
    """Give the words of a definite title phrase headed by `head` ("the Prime Minister",
    "Iran's UN envoy", "the President of France"), or None if it is not one."""
    determined = False
    tokens: list[Token] = [head]
    for child in head.children:
        if child.dep_ == "det" and child.lower_ == "the":
            determined = True
        elif child.dep_ in TITLE_MODIFIER_DEPS and child.i < head.i:
            if child.dep_ == "poss":
                key = index.key_at(child)
                if key is None or index.kind(key) not in SIDES:
                    return None  # "his envoy", "Trump's envoy"
                determined = True
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in TITLE_PREPOSITIONS and child.i > head.i:
            tokens.extend(child.subtree)
        elif child.dep_ == "appos" and any(
            index.kind_at(t) is ActorType.PERSON for t in child.subtree
        ):
            return None  # "the Prime Minister, Keir Starmer": the name is the mention
    if not determined:
        return None
    tokens = sorted(set(tokens), key=lambda t: t.i)
    if any(index.kind_at(t) is ActorType.PERSON for t in tokens):
        return None
    return [t for t in tokens if t.lower_ != "the" or t.i > head.i]


def _holder(index: ActorIndex, tokens: list[Token], head: Token, words: ActorWords) -> str | None:
    """Give the one person a title phrase can stand for, if exactly one."""
    gazetteer = index.gazetteer
    title = _title_text(tokens)
    if not title:
        return None
    persons = [a for a in index.actors() if a.type is ActorType.PERSON and a.post is not None]
    post = gazetteer.post_for_title(title)
    if post is not None:
        # A title naming one office ("Sweden's foreign minister"): its holder in the article.
        found = [a.key for a in persons if a.post is not None and a.post.key == post.key]
    elif head.lemma_.lower() in words.leader_nouns:
        # "the Hungarian leader": the one person named before who speaks for that state.
        states = {key for t in tokens if (key := index.key_at(t)) and index.kind(key) in SIDES}
        if len(states) != 1:
            return None
        found = [
            a.key
            for a in index.actors()
            if a.type is ActorType.PERSON and a.acts_for & states and a.mentioned_before(head.idx)
        ]
    elif any(index.key_at(t) is not None for t in tokens):
        return None  # it names a side, but no office the gazetteer knows
    else:
        # A bare title ("the Prime Minister"): a person named earlier with such an office.
        form = title.lower()
        found = [
            a.key
            for a in persons
            if a.post is not None
            and a.mentioned_before(head.idx)
            and _post_has_form(gazetteer.post(a.post.key), a.post, form)
        ]
    return found[0] if len(found) == 1 else None


def _post_has_form(entry: PostEntry | None, post: Post, form: str) -> bool:
    """Tell whether a bare title ("prime minister", "chancellor") names an office: the
    office's label or one of its titles ends with it, before any "of" phrase."""
    titles = [post.label, *(entry.titles if entry is not None else ())]
    for title in titles:
        head = title.lower().split(" of ")[0]
        if head == form or head.endswith(" " + form):
            return True
    return False


def add_unnamed_persons(
    index: ActorIndex,
    doc: Doc,
    words: ActorWords,
    skipped: tuple[Span, ...],
    headline: str | None = None,
) -> None:
    """Add the persons an article describes without naming them ("a senior administration
    official", "a Kremlin spokesman": labelled so, acting for the side named in the
    description, else the side the headline gives that noun: "US official sees ..."), and
    mark "the official" as the one so introduced before it."""
    introduced: dict[str, list[str]] = {}  # head noun -> the unnamed persons it introduced
    headline_sides = _headline_sides(headline, index, words)
    for token in doc:
        lemma = token.lemma_.lower()
        if (
            token.pos_ != "NOUN"
            or token.tag_ != "NN"
            or lemma not in words.person_nouns
            or token.dep_ in MODIFIER_DEPS
            or index.key_at(token) is not None
            or in_regions(token.idx, skipped)
        ):
            continue
        determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), None)
        modifiers = [c for c in token.lefts if c.dep_ in UNNAMED_MODIFIER_DEPS]
        if determiner in INDEFINITE_ARTICLES and modifiers:
            # "a senior administration official": a new person.
            tokens = doc[min(m.left_edge.i for m in modifiers) : token.i + 1]
            if any(index.kind_at(t) is ActorType.PERSON for t in tokens):
                continue
            label = clean_label(tokens.text)
            if not label:
                continue
            employer = _organisation_ending_in(modifiers, index, token.idx)
            builder = index.add(slugify(label), label, ActorType.PERSON, tokens)
            side = (
                _side_in_title(list(tokens), index, words)
                or employer
                or headline_sides.get(lemma)
            )
            if side is not None:
                builder.acts_for.add(side)
            introduced.setdefault(lemma, []).append(builder.key)
        elif determiner == "the" and not modifiers:
            # "the official": the one unnamed person introduced with that noun.
            earlier = set(introduced.get(lemma, ()))
            if len(earlier) == 1:
                index.mention(earlier.pop(), doc[token.i : token.i + 1])


def _organisation_ending_in(modifiers: list[Token], index: ActorIndex, before: int) -> str | None:
    """Give the one organisation named before whose name ends in a capitalised word of a
    description: "a Treasury spokesperson" after "the U.S. Treasury"."""
    names = {m.text for m in modifiers if m.text[:1].isupper() and index.key_at(m) is None}
    found = {a.key for a in index.organisations_ending_in(names, before)}
    return found.pop() if len(found) == 1 else None


# Words of a headline: names keep their dots and apostrophes ("U.S.", "Britain's").
HEADLINE_WORD = re.compile(r"[\w][\w.'’-]*")
# How many words before a person noun may name its side ("South Korean official").
HEADLINE_SIDE_WORDS = 3


def _headline_sides(
    headline: str | None, index: ActorIndex, words: ActorWords
) -> dict[str, str]:
    """Give the side a headline qualifies each person noun with ("US official sees relief"
    -> official: the United States): headlines name the side that the body's "a senior
    administration official" leaves out. Only sides the body names, and only nouns the
    headline gives one side."""
    if not headline:
        return {}
    tokens = HEADLINE_WORD.findall(headline)
    sides: dict[str, set[str]] = {}
    for i, word in enumerate(tokens):
        noun = word.lower()
        noun = noun[:-1] if noun.endswith("s") and noun[:-1] in words.person_nouns else noun
        if noun not in words.person_nouns:
            continue
        for start in range(max(0, i - HEADLINE_SIDE_WORDS), i):
            found = index.gazetteer.lookup(" ".join(tokens[start:i]))
            if found is None:
                continue
            entry = found[0]
            if entry.type in SIDES and index.get(entry.key) is not None:
                sides.setdefault(noun, set()).add(entry.key)
                break
    return {noun: keys.pop() for noun, keys in sides.items() if len(keys) == 1}
