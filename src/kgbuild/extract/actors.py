"""Actors of one article: named entities and gazetteer matches resolved to one key each,
capitals and seats standing for their government (not places), persons with their offices,
collectives as groups, and surnames and titles that refer back to a named person.

The steps, in order (each sees what the earlier ones found):

1. gazetteer actors, wherever the entity ruler or a lookup finds them; a capital or
   seat used as a place ("talks in Paris", "the Paris talks") is not its government;
2. persons the gazetteer does not know, full names first, then surnames referring back;
3. organisations the gazetteer does not know, if they look like one (an acronym or a
   name headed by an organisation word) and are not in a heading;
4. offices and sides from the titles beside persons' names;
5. collectives ("European partners") as groups, with the members named beside them;
6. titles standing for a named person ("the Prime Minister");
7. persons described but not named ("a senior administration official", later "the
   official");
8. "the alliance", "the bloc" for the one organisation named before.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..records import ActorType, Article
from ..resources.gazetteer import Gazetteer, GazetteerEntry
from ..resources.lexicons import Lexicon
from .actor_index import (
    COLLECTIVE_PRONOUNS,
    PERSON_PRONOUNS,
    SPEAKER_PRONOUNS,
    THING_PRONOUNS,
    ActorIndex,
    ActorWords,
    in_regions,
    load_actor_words,
)
from .defined_terms import add_defined_terms
from .groups import add_groups, link_adjective_anaphors
from .organisations import (
    add_bodies,
    add_common_bodies,
    add_described_organisations,
    add_named_operations,
    add_organisations,
    add_untagged_acronyms,
    link_acronyms,
    link_organisation_anaphors,
    organisation_named_after,
)
from .persons import (
    add_office,
    add_persons,
    add_unnamed_persons,
    link_earlier_descriptions,
    link_titles,
)
from .references import dateline_state
from .speech import reports

__all__ = [
    "COLLECTIVE_PRONOUNS",
    "PERSON_PRONOUNS",
    "SPEAKER_PRONOUNS",
    "THING_PRONOUNS",
    "ActorIndex",
    "is_place_use",
    "resolve_actors",
]

# Dependencies of a name that modifies a noun: "the Paris talks", "Moscow time".
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod"})
# Words that join the parts of an office's remit ("Minister of Finance and National
# Planning"); the first after the office word is one of TITLE_OF.
REMIT_JOINERS = frozenset({"of", "for", "and", "&"})
TITLE_OF = frozenset({"of", "for"})
# The object of a verb of movement is a place: "visited Kyiv", "left Brussels".
OBJECT_DEPS = frozenset({"dobj", "obj"})


def _joined_names(doc: Doc, words: ActorWords) -> list[DocSpan]:
    """Give the document's entities, with an organisation's name the tagger cut in two
    made whole: two names written as one at a slash ("the AFC/M23", an alliance and its
    armed wing), a name ending in a particle before a place ("Institut Pasteur de" +
    "Dakar")."""
    joined: list[DocSpan] = []
    for ent in doc.ents:
        previous = joined[-1] if joined else None
        slashed = (
            previous is not None
            and ent.start == previous.end + 1
            and doc[previous.end].text == "/"
            and not doc[previous.end - 1].whitespace_
            and not doc[previous.end].whitespace_
        )
        cut = (
            previous is not None
            and ent.start == previous.end
            and doc[previous.end - 1].lower_ in words.name_particles
        )
        if previous is not None and previous.label_ == "ORG" and (slashed or cut):
            joined[-1] = DocSpan(doc, previous.start, ent.end, label="ORG")
        else:
            joined.append(_before_open_bracket(ent))
    return joined


def _before_open_bracket(ent: DocSpan) -> DocSpan:
    """Give a name without the bracket the tagger ran it into: "Tiruppur Exporters'
    Association (TEA" is the name; "(TEA)" its acronym, read by link_acronyms."""
    opened = [t.i for t in ent if t.text == "("]
    if not opened or any(t.text == ")" for t in ent) or opened[0] == ent.start:
        return ent
    return DocSpan(ent.doc, ent.start, opened[0], label=ent.label_)


def _with_name_suffix(ent: DocSpan, words: ActorWords) -> DocSpan:
    """Give a known person's name with the suffix written after it ("Ferdinand Marcos" +
    "Jr."), so that "Marcos Jr. said" names the speaker."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if ent.label_ != "PERSON" or after is None or after.lower_ not in words.name_suffixes:
        return ent
    return DocSpan(doc, ent.start, ent.end + 1, label=ent.label_)


def resolve_actors(
    doc: Doc, article: Article, gazetteer: Gazetteer, lexicon: Lexicon
) -> ActorIndex:
    """Give the index of every actor the article mentions."""
    words = load_actor_words()
    index = ActorIndex(doc, gazetteer, home=dateline_state(article, gazetteer))
    # Datelines and boilerplate hold no actors; headings and the headline hold only actors
    # the gazetteer knows ("America's Role" is a heading, not an organisation).
    skipped = tuple(s for s in (article.boilerplate, article.dateline) if s is not None)
    headings = article.excluded
    persons: list[DocSpan] = []
    organisations: list[DocSpan] = []
    known_persons: list[DocSpan] = []
    bodies: list[DocSpan] = []  # names the tagger took for persons that say "it"
    tagged = {(ent.start, ent.end) for ent in doc.ents}
    for ent in _joined_names(doc, words):
        if in_regions(ent.start_char, skipped) or ent.text.lower() in words.not_actor_names:
            continue
        # A span of names joined here ("Institut Pasteur de Dakar") takes no id from its root.
        entry, place = _gazetteer_entry(ent, gazetteer, words, (ent.start, ent.end) in tagged)
        if place:
            continue
        whole = organisation_named_after(ent, words) if entry is not None else None
        if whole is not None and not in_regions(ent.start_char, headings):
            organisations.append(doc[whole[0].i : whole[-1].i + 1])
        elif entry is not None:
            index.add_entry(entry, _with_name_suffix(ent, words))
            if entry.type is ActorType.PERSON:
                index.link_surname(ent[-1].text, entry.key)
                known_persons.append(ent)
        elif in_regions(ent.start_char, headings) or _place_taken_for_person(ent, words):
            continue
        elif _person_speaking_as_it(ent, words, lexicon) or _person_described_as_body(ent, words):
            bodies.append(ent)
        elif ent.label_ == "PERSON" or _described_as_person(ent, words, lexicon):
            persons.append(ent)
        elif (holder := _holder_after_remit(ent, words)) is not None:
            persons.append(holder)
        elif ent.label_ == "ORG":
            organisations.append(ent)
    add_persons(index, persons, words, skipped)
    add_bodies(index, bodies)
    add_organisations(
        index, organisations, words, (*skipped, *headings), lexicon.commentator_nouns
    )
    add_described_organisations(index, doc, words, (*skipped, *headings))
    add_common_bodies(index, doc, words, (*skipped, *headings))
    add_named_operations(index, doc, words, (*skipped, *headings))
    add_untagged_acronyms(index, doc, words, (*skipped, *headings))
    link_acronyms(index, doc)
    for ent in [*persons, *known_persons]:
        key = next((index.key_at(t) for t in ent if index.key_at(t) is not None), None)
        builder = index.get(key) if key is not None else None
        if builder is not None and builder.type is ActorType.PERSON:
            add_office(index, builder, ent, words)
    add_defined_terms(index, doc, words, (*skipped, *headings))
    add_groups(index, doc, lexicon, words, (*skipped, *headings))
    link_titles(index, doc, words, skipped)
    add_unnamed_persons(index, doc, words, (*skipped, *headings), article.title)
    link_organisation_anaphors(index, doc, words, skipped)
    link_adjective_anaphors(index, doc, skipped)
    link_earlier_descriptions(index, doc, words)
    return index


def _place_taken_for_person(ent: DocSpan, words: ActorWords) -> bool:
    """Tell whether a one-word name the tagger calls a person is a place: the object of a
    preposition of place ("the market in Kitwe", "talks at Chingola")."""
    root = ent.root
    return (
        ent.label_ == "PERSON"
        and len(ent) == 1
        and root.dep_ == "pobj"
        and root.head.lower_ in words.locative_prepositions
    )


def _person_speaking_as_it(ent: DocSpan, words: ActorWords, lexicon: Lexicon) -> bool:
    """Tell whether a name the tagger took for a person's is a body's: untitled, it is
    the subject of a reporting verb whose clause says "it" ("Fitch said it could upgrade
    Ecuador", "A.P. Moller-Maersk said it would return some services")."""
    root = ent.root
    head = root.head
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    titled = before is not None and (
        before.lower_ in words.person_nouns | words.state_office_words
        or before.lower_ in words.honorifics
    )
    described = any(c.dep_ == "appos" for c in root.children)  # "X, a spokesman, said"
    if ent.label_ != "PERSON" or titled or described or root.dep_ != "nsubj":
        return False
    if not reports(head, lexicon):
        return False
    clauses = [c for c in head.children if c.dep_ == "ccomp" and c.i > head.i]
    return any(
        s.lower_ == "it" for c in clauses for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}
    )


def _person_described_as_body(ent: DocSpan, words: ActorWords) -> bool:
    """Tell whether a name the tagger took for a person's is a body's, by the noun in
    apposition after it: "Gavi, the vaccine alliance, said ..."."""
    return ent.label_ == "PERSON" and any(
        c.dep_ == "appos"
        and c.i >= ent.end
        and c.lemma_.lower() in words.company_nouns | words.organisation_words
        for c in ent.root.children
    )


def _described_as_person(ent: DocSpan, words: ActorWords, lexicon: Lexicon) -> bool:
    """Tell whether a name the tagger took for an organisation is a person's, by the noun
    in apposition to it: "said Sajid Mahmood, an economist at a Karachi brokerage"."""
    if ent.label_ != "ORG" or not 2 <= len(ent) <= 4:
        return False
    if not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in ent):
        return False
    nouns = words.person_nouns | lexicon.commentator_nouns
    described = [c for c in ent.root.children if c.dep_ == "appos" and c.i > ent.end - 1]
    # "EU Commissioner Magnus Brunner said": an office title right before the name.
    title = ent.doc[ent.start - 1] if ent.start > 0 else None
    titled = (
        title is not None
        and title.dep_ == "compound"
        and title.head.i in range(ent.start, ent.end)
        and title.lower_ in nouns | words.state_office_words
    )
    return titled or any(c.lemma_.lower() in nouns for c in described)


def _holder_after_remit(ent: DocSpan, words: ActorWords) -> DocSpan | None:
    """Give the name at the end of an organisation the tagger made of an office's remit
    and its holder: "Minister of Mines and Minerals Development Paul Kabuswe", "Cabinet
    Secretary for Trade and Industry Moses Kuria"."""
    if ent.label_ != "ORG":
        return None
    doc = ent.doc
    remit = words.portfolio_words | REMIT_JOINERS
    start = ent.start
    while start > 0 and doc[start - 1].lower_ in remit:
        start -= 1
    if (
        start == 0
        or start == ent.start
        or doc[start].lower_ not in TITLE_OF
        or doc[start - 1].lower_ not in words.state_office_words | words.person_nouns
    ):
        return None
    last = max((t.i for t in ent if t.lower_ in remit), default=ent.start - 1)
    name = doc[last + 1 : ent.end]
    if not 2 <= len(name) <= 4 or not all(
        t.pos_ == "PROPN" and t.text[:1].isupper() for t in name
    ):
        return None
    return name


def _gazetteer_entry(
    ent: DocSpan, gazetteer: Gazetteer, words: ActorWords, tagged: bool
) -> tuple[GazetteerEntry | None, bool]:
    """Give the gazetteer actor an entity names, and whether the entity is a capital or
    seat used as a place (then it names no actor). Only an entity the tagger made
    (`tagged`) carries the gazetteer id of its root."""
    entry = gazetteer.get(ent.ent_id_) if ent.ent_id_ and tagged else None
    found = gazetteer.lookup(ent.text)
    if entry is None and found is not None:
        entry = found[0]
    metonym = found is not None and found[1] == "metonym" and found[0] == entry
    if metonym and is_place_use(ent, words):
        return None, True
    return entry, False


def is_place_use(tokens: DocSpan, words: ActorWords | None = None) -> bool:
    """Tell whether a capital or seat is used as a place ("talks in Paris", "the Paris
    talks", "flew to Moscow", "visited Kyiv") rather than for its government ("Paris
    said", "a message to Moscow", "Washington's role")."""
    words = words or load_actor_words()
    root = tokens.root
    head = root.head
    # "the Paris talks": a name modifying a noun; but "a Kremlin spokesman" speaks for it.
    if root.dep_ in NOUN_MODIFIER_DEPS and head.pos_ in {"NOUN", "PROPN"} and head != root:
        return head.lemma_.lower() not in words.person_nouns
    if root.dep_ == "pobj":
        preposition = head.lower_
        # "talks in Paris", "a summit at the Elysee"
        if preposition in words.locative_prepositions:
            return True
        # "flew to Moscow", "returned from Washington"
        if preposition in words.movement_prepositions and _is_movement(head.head, words):
            return True
    # "the Cairo-based lender": where the lender is, not Egypt's government.
    if head.lower_ in words.seat_participles and head.i > root.i:
        return True
    # "visited Kyiv", "left Brussels"
    return root.dep_ in OBJECT_DEPS and _is_movement(head, words)


def _is_movement(token: Token, words: ActorWords) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in words.place_verbs
