"""Organisations the gazetteer does not know: names that look like an organisation's,
bodies of a state ("Ukraine's Defence Ministry" -> Ukrainian Defence Ministry, part of
Ukraine), and "the alliance" / "the bloc" for the one organisation named before."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..iris import slugify
from ..records import ActorType, Span
from .actor_index import ActorBuilder, ActorIndex, ActorWords, clean_label, in_regions
from .grammar import singular

# Dependencies of a name that modifies a noun: "the Hampton Court meeting".
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod"})
# Dependencies of a state that owns a body: "Ukraine's Defence Ministry", "the Russian
# Foreign Ministry", "the U.S. Commerce Department".
OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
NAME_DEPS = frozenset({"compound", "amod"})
# Words a body's name keeps in lower case: "Ministry of Defence".
NAME_PARTICLES = frozenset({"of", "the", "and", "for", "on"})
# Prepositions inside a body's name: "Ministry of Energy", "Qatar Fund for Development",
# "Commission on Human Rights".
NAME_PREPOSITIONS = frozenset({"of", "for", "on"})


def add_organisations(
    index: ActorIndex,
    ents: Sequence[DocSpan],
    words: ActorWords,
    skipped: tuple[Span, ...],
    commentators: frozenset[str] = frozenset(),
) -> None:
    """Add the organisations the tagger found that the gazetteer does not know, if they
    look like one, and the bodies of a state it missed ("the Ukrainian Defence Ministry")."""
    for ent in ents:
        if any(index.key_at(t) is not None for t in ent):
            continue  # "Ms Lindqvist" tagged ORG: a person's surname
        if all(t.lower_ == "the" or t.lemma_.lower() in words.state_nouns for t in ent):
            continue  # "the Government" of a press release: a state, resolved in context
        shortened = _short_name_of(ent, index, words)
        if shortened is not None:  # "the U.S. Treasury ... The Treasury said"
            index.mention(shortened, ent)
            continue
        leads = _leads(ent, words)  # "the Chevron-led field": a name, though a modifier
        named = (
            leads
            or is_organisation_name(ent, words)
            or _acts(ent, words)
            or _affiliation(ent, words.person_nouns | commentators, words)
        )
        if not named or (_modifies_noun(ent) and not leads):
            continue
        _add(index, _without_article(ent), _owner(ent.root, index, ent))
    for token in index.doc:
        before = index.doc[token.i - 1].lower_ if token.i > 0 else ""
        lowercase_body = token.text.islower() and (  # "Sudan's army", "... central bank"
            token.lower_ in words.body_nouns or f"{before} {token.lower_}" in words.body_nouns
        )
        if (
            (token.lemma_.lower() not in words.organisation_words and not lowercase_body)
            or not (token.text[:1].isupper() or lowercase_body)
            or token.i == token.sent.start  # a capital that only starts the sentence
            or index.key_at(token) is not None
            or in_regions(token.idx, skipped)
            or (token.dep_ in NOUN_MODIFIER_DEPS and token.head.pos_ in {"NOUN", "PROPN"})
        ):
            continue
        owner = _owner(token, index, None)
        if owner is None:
            continue
        name = _name_tokens(token, index)
        if _owner_starts_name(owner, name, token, words):
            name = [owner, *name]  # "Qatar Investment Authority", not "Qatari ..."
        _add(index, name, owner)


def _short_name_of(ent: DocSpan, index: ActorIndex, words: ActorWords) -> str | None:
    """Give the one organisation named before whose name ends in a one-word name ("the
    U.S. Treasury" for a later "the Treasury"), or starts with it before the word that
    makes it an organisation ("Veltrion Semiconductor" for a later "Veltrion")."""
    name = _without_article(ent)
    if len(name) != 1:
        return None
    found = [
        a.key
        for a in index.organisations_ending_in({name[0].text}, ent.start_char)
        if " " in a.label
    ] + [a.key for a in _named_before(index, ent[0], _shortened_to(name[0].text, words))]
    return found[0] if len(found) == 1 else None


def _shortened_to(word: str, words: ActorWords) -> Callable[[ActorBuilder], bool]:
    """Accept a name of two words, `word` and the word that makes it an organisation
    ("Veltrion Semiconductor" for "Veltrion")."""

    def shortened(actor: ActorBuilder) -> bool:
        parts = actor.label.split()
        return (
            len(parts) == 2 and parts[0] == word and parts[1].lower() in words.organisation_words
        )

    return shortened


def _without_article(ent: DocSpan) -> list[Token]:
    """Give a name's words without the "the" it starts with."""
    return [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]


def add_bodies(index: ActorIndex, ents: Sequence[DocSpan]) -> None:
    """Add as organisations names the other rules have shown to be bodies."""
    for ent in ents:
        if not any(index.key_at(t) is not None for t in ent):
            _add(index, _without_article(ent), None)


def add_described_organisations(
    index: ActorIndex, doc: Doc, words: ActorWords, skipped: tuple[Span, ...]
) -> None:
    """Add the names a company noun describes ("state energy company SOCAR", "chipmaker
    ASML", "the company, Gazprom"), which the tagger often misses, with the names
    coordinated with them ("companies BP and Shell")."""
    for token in doc:
        if token.pos_ == "PROPN" and _names_described_body(token, words):
            # "the ELN rebel group", "the Wagner mercenary group": the name before the noun.
            if index.key_at(token) is None and not in_regions(token.idx, skipped):
                _add(index, [token], None)
                _mention_repeats(index, token, skipped)
                key = index.key_at(token)
                if key is not None:  # "the ELN rebel group" as a whole names it too
                    index.mention(key, doc[token.i : token.head.i + 1])
            continue
        if token.pos_ != "PROPN" or token.dep_ in NOUN_MODIFIER_DEPS:
            continue
        described = any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in words.company_nouns
            for c in token.lefts
        ) or _described_after(token, words) or (
            token.dep_ == "appos"
            and token.head.pos_ == "NOUN"
            and token.head.lemma_.lower() in words.company_nouns
        )
        if not described:
            described = token.ent_type_ != "PERSON" and _owned_by_state(token, index)
        if not described:
            continue
        for name_head in (token, *(c for c in token.conjuncts if c.pos_ == "PROPN")):
            name = _proper_name(name_head)
            if (
                any(index.key_at(t) is not None for t in name)
                or not name[0].text[:1].isupper()
                or in_regions(name[0].idx, skipped)
            ):
                continue
            # "Kenya's National Treasury" is the state's body, as "Kenya's Treasury" is;
            # "Italy's Eni" is a company of its own.
            executive = name_head.lower_ in words.executive_body_words
            _add(index, name, _owner(name_head, index, None) if executive else None)


def add_common_bodies(
    index: ActorIndex, doc: Doc, words: ActorWords, skipped: tuple[Span, ...]
) -> None:
    """Add the bodies written in lower case with the words that say which ("the official
    creditor committee", "the bondholders' committee", "the joint migration task force"),
    when no actor is among those words (then it is that actor's body)."""
    for token in doc:
        if not token.text.islower() or token.tag_ not in {"NN", "NNP"} or index.key_at(token):
            continue
        modifiers = [c for c in token.lefts if c.dep_ in {"compound", "amod", "poss", "nmod"}]
        # A head of two words ("task force") takes the modifier right before the noun.
        pair = f"{modifiers[-1].lower_} {token.lower_}" if modifiers else ""
        head = modifiers[-1:] if pair in words.common_body_heads else []
        if not head and token.lower_ not in words.common_body_heads:
            continue
        modifiers = modifiers[: len(modifiers) - len(head)]
        # "the bondholders' committee": the article hangs on the possessor.
        determiners = [c for t in (token, *modifiers) for c in t.lefts if c.dep_ == "det"]
        if not modifiers or not determiners or in_regions(token.idx, skipped):
            continue
        name = [t for m in modifiers for t in m.subtree if t not in determiners] + head
        if any(index.key_at(t) is not None or t.text[:1].isupper() for t in name):
            continue  # "the EU's steering committee", "the Joint Committee": named elsewhere
        _add(index, sorted({*name, token}, key=lambda t: t.i), None)


def add_untagged_acronyms(
    index: ActorIndex, doc: Doc, words: ActorWords, skipped: tuple[Span, ...]
) -> None:
    """Add as organisations the acronyms the tagger left without a label that act as the
    subject of a verb ("MONUSCO could provide support"), with all their mentions."""
    acting: set[str] = set()
    for token in doc:
        if (
            _is_acronym(token.text)
            and len(token) >= 3
            and not token.ent_type_
            and index.key_at(token) is None
            and token.dep_ in {"nsubj", "nsubjpass"}
            and token.head.pos_ in {"VERB", "AUX"}
            and token.lower_ not in words.not_actor_names
            and not in_regions(token.idx, skipped)
            and not _in_capitals(token)
        ):
            acting.add(token.text)
    if not acting:
        return
    for token in doc:
        if token.text in acting and index.key_at(token) is None:
            _add(index, [token], None)


def _in_capitals(token: Token) -> bool:
    """Tell whether a word stands among words in capitals (a heading, a speaker's label
    in a transcript), where capitals say nothing of a name."""
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.is_upper and len(t) > 1 for t in neighbours) or (
        token.i + 1 < len(doc) and doc[token.i + 1].text == ":"
    )


def add_named_operations(
    index: ActorIndex, doc: Doc, words: ActorWords, skipped: tuple[Span, ...]
) -> None:
    """Add the operations named with a capitalised head word ("Operation Aspides"), and
    their last word used alone ("extending Aspides") as a mention of them."""
    heads = [t for t in doc if t.lower_ in words.operation_heads]
    if not heads:
        return
    for token in heads:
        if (
            not token.text[:1].isupper()
            or index.key_at(token) is not None
            or in_regions(token.idx, skipped)
        ):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= MAX_OPERATION_WORDS and _name_word(doc[end]):
            end += 1
        if end == token.i + 1 or any(index.key_at(t) is not None for t in doc[token.i : end]):
            continue  # "Mission" alone, or "the Mission of Ukraine to the EU"
        _add(index, list(doc[token.i : end]), None)
        _mention_repeats(index, doc[end - 1], skipped)  # "extending Aspides"
    operations = {
        a.key
        for a in index.actors()
        if a.type is ActorType.ORGANIZATION and _is_operation(a, words)
    }
    if len(operations) != 1:
        return
    (key,) = operations
    for token in heads:
        # "The European Union's naval mission ... Operation Aspides": with one operation
        # in the article, "the mission" and "the EU's naval mission" are that operation.
        if (
            token.text.islower()
            and token.dep_ not in NOUN_MODIFIER_DEPS  # "the IMF mission chief"
            and index.key_at(token) is None
            and not in_regions(token.idx, skipped)
            and any(c.dep_ == "poss" or c.lower_ == "the" for c in token.children)
        ):
            index.mention(key, doc[token.left_edge.i : token.i + 1])


def _is_operation(actor: ActorBuilder, words: ActorWords) -> bool:
    """Tell whether an actor's name is an operation's ("Operation Aspides")."""
    return actor.label.split()[0].lower() in words.operation_heads


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha


def _mention_repeats(index: ActorIndex, name: Token, skipped: tuple[Span, ...]) -> None:
    """Mark the other uses of a name's word ("the ELN rebel group ... the ELN", "Operation
    Aspides ... Aspides") as mentions of the same organisation."""
    key = index.key_at(name)
    if key is None:
        return
    for token in index.doc:
        unnamed = index.key_at(token) is None and not in_regions(token.idx, skipped)
        if token.text == name.text and unnamed:
            index.mention(key, index.doc[token.i : token.i + 1])


def _names_described_body(token: Token, words: ActorWords) -> bool:
    """Tell whether a capitalised name modifies, through lower-case nouns only, a definite
    company noun: "the ELN rebel group", not "the Paris talks"."""
    head = token.head
    between = token.doc[token.i + 1 : head.i]
    return (
        token.dep_ == "compound"
        and token.text[:1].isupper()
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in words.company_nouns
        and all(t.pos_ == "NOUN" and t.text.islower() for t in between)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    )


def _described_after(name: Token, words: ActorWords) -> bool:
    """Tell whether a business noun follows a name in apposition: "Afreximbank, the
    Cairo-based trade financier, ...", "ASML, the company most directly affected, ..."
    (which the parser may read as a second subject)."""
    doc = name.doc
    if name.i + 2 >= len(doc) or doc[name.i + 1].text != ",":
        return False
    for token in doc[name.i + 2 : name.i + 10]:
        if token.text == ",":
            return False
        if token.pos_ == "NOUN" and token.dep_ != "compound":
            return token.lemma_.lower() in words.company_nouns and (
                token.head == name or (token.head == name.head and token.dep_ == name.dep_)
            )
        if token.pos_ not in {"DET", "ADJ", "PROPN", "NOUN", "PUNCT", "VERB", "ADV"}:
            return False
    return False


def organisation_named_after(ent: DocSpan, words: ActorWords) -> list[Token] | None:
    """Give the whole name when an actor's name ends an organisation's name ("the
    Export-Import Bank of China", "the Canola Council of Canada"): the state is then part of
    a name, not mentioned in its own right. Not "the Government of India", which is India."""
    root = ent.root
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.i != ent.start - 1:
        return None
    head = of.head
    if (
        head.pos_ != "PROPN"
        or head.lower_ not in words.organisation_words
        or head.lower_ in words.state_name_heads
        or head.i != of.i - 1
    ):
        return None
    start = head.left_edge.i
    while start < head.i and not head.doc[start].text[:1].isupper():
        start += 1  # "the"
    return list(head.doc[start : ent.end])


def _owned_by_state(token: Token, index: ActorIndex) -> bool:
    """Tell whether a proper noun that names no actor yet is a state's possession acting
    in the sentence ("Italy's Eni and Germany's SEFE are weighing bids", "Hungary's MVM
    signed"): a company or body of that state."""
    if token.dep_ not in {"nsubj", "nsubjpass", "conj"} or index.key_at(token) is not None:
        return False
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    key = index.key_at(owner) if owner is not None else None
    return key is not None and index.kind(key) is ActorType.STATE


def _proper_name(head: Token) -> list[Token]:
    """Give a proper noun with the proper nouns compounded right before it ("Rystad
    Energy")."""
    start = head.i
    while start > 0:
        before = head.doc[start - 1]
        if before.pos_ != "PROPN" or before.dep_ != "compound" or before.head.i != head.i:
            break
        start -= 1
    return list(head.doc[start : head.i + 1])


def _owner(head: Token, index: ActorIndex, ent: DocSpan | None) -> Token | None:
    """Give the word naming the state that owns a body, written before its name
    ("Ukraine's Defence Ministry", "the Ukrainian Defence Ministry")."""
    for token in reversed([t for t in head.subtree if t.i < head.i]):
        if ent is not None and ent.start <= token.i < ent.end:
            continue
        if token.text in {"'s", "’s", "'", "’"}:
            continue
        key = index.key_at(token)
        if key is not None:
            if token.dep_ in OWNER_DEPS and index.kind(key) is ActorType.STATE:
                return token
            return None
        lowercase_name_word = head.text.islower() and token.dep_ in NAME_DEPS
        if not token.text[:1].isupper() and not lowercase_name_word:
            return None  # "Ukraine's foreign ministry": "foreign" is part of the name
    return None


def _name_tokens(head: Token, index: ActorIndex) -> list[Token]:
    """Give the words of a body's name around its head word: the capitalised words before
    it ("Foreign Ministry", "Armed Forces") and a capitalised "of X" after it ("Fund for
    Development" too)."""
    before: list[Token] = []
    lowercase = head.text.islower()  # "Ukraine's foreign ministry": lower-case words too
    for token in reversed([t for t in head.subtree if t.i < head.i]):
        if (
            token.dep_ not in NAME_DEPS
            or not (token.text[:1].isupper() or (lowercase and token.text.isalpha()))
            or index.key_at(token) is not None
        ):
            break
        before.insert(0, token)
    after: list[Token] = []
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in NAME_PREPOSITIONS:
            phrase = list(child.subtree)
            if all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in phrase):
                after = phrase
        break
    return [*before, head, *after]


def _owner_starts_name(owner: Token, name: list[Token], head: Token, words: ActorWords) -> bool:
    """Tell whether a state's name written right before an organisation's name is the
    first word of that name ("Qatar Investment Authority", "Kenya Airways"), not an owner
    to write as an adjective: only a state's body ("Ukraine's Defence Ministry", "the
    Ukrainian army") takes the adjective."""
    return (
        owner.dep_ == "compound"
        and owner.i == name[0].i - 1
        and head.lower_ not in words.body_nouns
    )


def _add(index: ActorIndex, name: list[Token], owner: Token | None) -> None:
    """Add an organisation named by `name`, a body of the state `owner` names if given:
    labelled with the state's adjective ("Ukrainian Defence Ministry"), so the body has one
    label and one IRI however an article writes it."""
    # Title case, so that "Ukraine's foreign ministry" and "Ukraine's Foreign Ministry" in
    # two articles are one body with one label.
    # Spaced as written: "Export-Import Bank", not "Export - Import Bank".
    label = clean_label(
        "".join(
            (t.text if _particle(t, name) else _title_word(t)) + t.whitespace_ for t in name
        )
    )
    if not label:
        return
    doc = name[0].doc
    state = index.key_at(owner) if owner is not None else None
    if owner is not None and state is not None:
        entry = index.gazetteer.get(state)
        if entry is not None and owner not in name:
            label = (
                f"{entry.adjectives[0]} {label}"
                if entry.adjectives
                else (f"{label} of {entry.label}")
            )
        start = min(owner.i, name[0].i)
        builder = index.add(
            slugify(label), label, ActorType.ORGANIZATION, doc[start : name[-1].i + 1]
        )
        builder.acts_for.add(state)
        return
    index.add(slugify(label), label, ActorType.ORGANIZATION, doc[name[0].i : name[-1].i + 1])


def _particle(token: Token, name: list[Token]) -> bool:
    """Tell whether a word in lower case stands between capitalised words of a name, as
    "de" in "Institut Pasteur de Dakar" does: it stays as written."""
    before = [t for t in name if t.i < token.i and t.text[:1].isupper()]
    after = [t for t in name if t.i > token.i and t.text[:1].isupper()]
    return token.text.islower() and bool(before) and bool(after)


def _title_word(token: Token) -> str:
    text = token.text
    return text if token.lower_ in NAME_PARTICLES else text[:1].upper() + text[1:]


def _modifies_noun(ent: DocSpan) -> bool:
    """Tell whether a name modifies a noun ("the Hampton Court meeting"): for a name the
    gazetteer does not know, a venue or an event rather than an actor."""
    root = ent.root
    return root.dep_ in NOUN_MODIFIER_DEPS and root.head.pos_ == "NOUN" and root.head != root


def _affiliation(ent: DocSpan, people: frozenset[str], words: ActorWords) -> bool:
    """Tell whether a name the tagger took for an organisation is where someone works
    ("analysts at Goldman Sachs", "an economist with Topline Securities")."""
    root = ent.root
    preposition = root.head
    return (
        root.dep_ == "pobj"
        and preposition.lower_ in words.affiliation_prepositions
        and preposition.head.lemma_.lower() in people
    )


def _leads(ent: DocSpan, words: ActorWords) -> bool:
    """Tell whether a name leads or owns what it modifies: "the Chevron-led Tengiz field"."""
    after = ent.doc[ent.end : ent.end + 2]
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ in words.agent_participles


def _acts(ent: DocSpan, words: ActorWords) -> bool:
    """Tell whether a one-word name the tagger took for an organisation is the subject of
    a verb ("Frontex stands ready to deploy ..."): a body that acts, not a product or an
    event mentioned in passing, nor a common noun capitalised ("the two Ministers").
    A hyphenated word ("Al-Shabaab", three tokens) is one word."""
    if len(ent) != 1 and (any(t.whitespace_ for t in ent[:-1]) or not ent.text[:1].isupper()):
        return False
    token = ent.root
    return (
        token.pos_ == "PROPN"
        and not {token.lower_, singular(token.lower_)} & words.person_nouns
        and token.is_alpha
        and token.text[:1].isupper()
        and token.dep_ in {"nsubj", "nsubjpass"}
        and token.head.pos_ in {"VERB", "AUX"}
    )


def _abbreviates_common_words(ent: DocSpan) -> bool:
    """Tell whether an acronym in brackets abbreviates words in lower case: "deep
    ultraviolet (DUV) systems", "liquefied natural gas (LNG)" name things, not bodies."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != "(":
        return False
    before = doc[max(0, ent.start - 1 - len(ent.text)) : ent.start - 1]
    return any(t.is_alpha for t in before) and all(
        t.text.islower() for t in before if t.is_alpha
    )


def is_organisation_name(ent: DocSpan, words: ActorWords) -> bool:
    """Tell whether a name the gazetteer does not know is plausibly an organisation: an
    acronym ("AFU", "ECOWAS") or a name headed by, or ending in, an organisation word
    ("Ministry of Defence", "the Wagner Group"); not "Lancaster House" or "America's Role"."""
    tokens = [t for t in ent if not t.is_punct and t.text not in {"'s", "’s"}]
    if not tokens:
        return False
    if len(tokens) == 1:
        text = tokens[0].text.replace(".", "")
        acronym = text.isupper() and text.isalpha() and 2 <= len(text) <= 8
        return acronym and not _abbreviates_common_words(ent)
    if any(t.text == "/" for t in ent):  # "AFC/M23": names joined at a slash
        return all(_is_code(t.text) for t in tokens)
    if not tokens[-1].text[:1].isupper() and not tokens[-1].text[:1].isdigit():
        return False
    heads = {ent.root.lower_, tokens[-1].lower_}
    if any(t.lower_ in words.name_particles for t in tokens):
        # "the Institut Pasteur de Dakar": the head comes first
        heads.add(next(t.lower_ for t in tokens if t.lower_ != "the"))
    return any(word in words.organisation_words for word in heads)


def link_organisation_anaphors(
    index: ActorIndex, doc: Doc, words: ActorWords, skipped: tuple[Span, ...]
) -> None:
    """Mark "the army", "the bank" as a mention of the one body or organisation named
    before whose name ends in that word ("Sudan's army ... The army refused", "the World
    Bank ... the bank"); failing that, "the alliance", "the bloc", "the group" as a mention
    of the one organisation (not a body of another, such as the European Commission of the
    EU) the article has named before."""
    for token in doc:
        candidate = (
            token.lower_ in words.operation_heads
            or token.lower_ in words.body_nouns
            or token.lower_ in words.organisation_words
            or token.lower_ in words.company_nouns
            or token.lemma_.lower() in words.organisation_anaphors
        )
        if not candidate or not _bare_definite(token, index, skipped, words):
            continue
        common = token.tag_ == "NN" or (token.tag_ == "NNP" and token.text.islower())
        earlier: list[ActorBuilder] = []
        if token.lower_ in words.body_nouns or token.lower_ in words.organisation_words:
            # "the army", "the bank", "the Fund", "the group": first the one body or
            # organisation named before whose name ends so ("Sudan's army", "the World
            # Bank", "the IMF", "the Wagner Group").
            earlier = _named_before(
                index, token, _name_ends_in(token.lower_), NAMED_BODY_KINDS
            )
        if not earlier and common and token.lemma_.lower() in words.organisation_anaphors:
            # "the bloc", "the group": an organisation of its own (not a state's body)
            # named before, whatever its name ("NATO ... the alliance", "the RSF ... the
            # group").
            earlier = _named_before(index, token, lambda a: not a.acts_for)
        if not earlier and common and token.lower_ in words.operation_heads:
            # "Operation Aspides ... the mission": the one operation named before.
            earlier = _named_before(index, token, lambda a: _is_operation(a, words))
        if not earlier and token.lower_ in words.company_nouns:
            # "SOCAR ... The company will cut": a business the gazetteer does not know (its
            # organisations are public bodies), not a state's body.
            earlier = _named_before(
                index, token, lambda a: index.gazetteer.get(a.key) is None and not a.acts_for
            )
        if len(earlier) > 1:
            # "The European Union's commissioner said the bloc ...": the one named earlier
            # in the same sentence; else the one named in the sentence before ("Houthi
            # attacks have fallen. The group has said ...").
            sentence = token.sent
            same = [a for a in earlier if a.mentioned_before(token.idx, sentence.start_char)]
            previous = doc[sentence.start - 1].sent if sentence.start > 0 else None
            before = (
                [a for a in earlier if a.mentioned_before(sentence.start_char, previous.start_char)]
                if previous is not None
                else []
            )
            earlier = same or before
        if len(earlier) == 1:
            index.mention(earlier[0].key, doc[token.i : token.i + 1])


def _name_ends_in(word: str) -> Callable[[ActorBuilder], bool]:
    """Accept a name whose last word is `word` or, written as one word, ends in it ("the
    World Bank", "Afreximbank" for "the bank"), or that is headed by it ("the Alliance of
    Sahel States" for "the alliance")."""

    def ends(actor: ActorBuilder) -> bool:
        label = actor.label.lower()
        return (
            label.endswith(" " + word)
            or (" " not in label and label.endswith(word))
            or label.startswith(word + " of ")  # "the Alliance of Sahel States"
        )

    return ends


def _named_before(
    index: ActorIndex,
    token: Token,
    keep: Callable[[ActorBuilder], bool],
    kinds: frozenset[ActorType] = frozenset({ActorType.ORGANIZATION}),
) -> list[ActorBuilder]:
    """Give the organisations (or actors of `kinds`) the article names before `token` that
    `keep` accepts."""
    return [
        a for a in index.actors() if a.type in kinds and a.mentioned_before(token.idx) and keep(a)
    ]


def _bare_definite(
    token: Token, index: ActorIndex, skipped: tuple[Span, ...], words: ActorWords
) -> bool:
    """Tell whether a word is "the" + noun alone ("the bank", or a body's head of two
    words: "the central bank"), not yet an actor, outside skipped text."""
    return (
        index.key_at(token) is None
        and not in_regions(token.idx, skipped)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and not any(
            c.dep_ in NOUN_MODIFIER_DEPS | {"amod", "poss"}
            and f"{c.lower_} {token.lower_}" not in words.body_nouns
            for c in token.children
        )
    )


# What "the alliance", "the bank" may name by its name: an organisation, or a group of
# states with a name of its own ("the Alliance of Sahel States").
NAMED_BODY_KINDS = frozenset({ActorType.ORGANIZATION, ActorType.GROUP})
# The most words an operation's name has after its head ("Operation Prosperity Guardian").
MAX_OPERATION_WORDS = 3
# Acronyms written in brackets after a name: "the Rapid Support Forces (RSF)".
MAX_ACRONYM = 8


def link_acronyms(index: ActorIndex, doc: Doc) -> None:
    """Make an acronym in brackets after an actor's name that actor's other name, here and
    wherever the article uses it alone ("the Sudanese Armed Forces (SAF) ... the SAF")."""
    forms: dict[str, str] = {}
    brackets = [t.i for t in doc if t.text == "("]
    for i in brackets:
        if i == 0 or i + 2 >= len(doc):
            continue
        token, acronym = doc[i], doc[i + 1]
        if doc[i + 2].text != ")" or not _is_acronym(acronym.text):
            continue
        key = index.key_at(doc[token.i - 1])
        builder = index.get(key) if key is not None else None
        if builder is None or builder.label[:1].upper() != acronym.text[0]:
            continue
        forms.setdefault(acronym.text, builder.key)
    slashed = any("/" in a.label for a in index.actors())
    for token in doc if slashed else ():  # "the AFC/M23 ... M23 units": each part of it
        key = index.key_at(token) if token.text == "/" else None
        builder = index.get(key) if key is not None else None
        if builder is not None and "/" in builder.label:
            for part in (doc[token.i - 1], doc[token.i + 1]):
                forms.setdefault(part.text, builder.key)
    if not forms:
        return
    for token in doc:
        key = forms.get(token.text)
        if key is None:
            continue
        current = index.key_at(token)
        if current is None:
            index.mention(key, doc[token.i : token.i + 1])
        elif current != key and _named_only_so(index, current, token.text):
            index.absorb(current, key)


def _is_code(text: str) -> bool:
    """An acronym, or letters and digits in capitals ("M23")."""
    return text.isalnum() and text[:1].isalpha() and text.isupper() and len(text) <= MAX_ACRONYM


def _is_acronym(text: str) -> bool:
    return text.isalpha() and text.isupper() and 2 <= len(text) <= MAX_ACRONYM


def _named_only_so(index: ActorIndex, key: str, acronym: str) -> bool:
    """Tell whether an actor is just the acronym: an organisation the gazetteer does not
    know, labelled with it."""
    builder = index.get(key)
    return (
        builder is not None
        and builder.type is ActorType.ORGANIZATION
        and builder.wikidata is None
        and builder.label == acronym
    )
