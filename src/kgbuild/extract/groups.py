"""Collectives named in the text ("European partners", "Ukraine's allies", "all parties",
"26 countries") as actor groups, with the members the text names beside them."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..iris import slugify
from ..records import ActorType, Span
from ..resources.lexicons import Lexicon
from .actor_index import POSSESSIVE_MARKS, ActorIndex, ActorWords, clean_label, in_regions
from .grammar import conjuncts, singular

QUALIFYING_DEPS = frozenset({"amod", "poss", "det", "nummod", "compound", "predet", "nmod"})
QUANTIFIER_DEPS = frozenset({"det", "nummod", "predet", "amod"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Words dropped from a group's label: they situate the group in the sentence.
SITUATING_WORDS = frozenset({"the", "its", "their", "our", "his", "her", "these", "those"})
ALIAS_VERBS = frozenset({"know", "call", "dub", "name"})  # "known as the E3"


def add_groups(
    index: ActorIndex, doc: Doc, lexicon: Lexicon, words: ActorWords, skipped: tuple[Span, ...]
) -> None:
    """Add collectives named in the text, with the members the text lists beside them."""
    for token in doc:
        if (
            not (_group_noun(token, lexicon) or _split_authorities(token, lexicon, words))
            or index.key_at(token) is not None
            or in_regions(token.idx, skipped)
        ):
            continue
        if token.dep_ == "compound" and token.head.pos_ in {"NOUN", "PROPN"}:
            continue  # "EU member states": the group is the whole phrase
        qualifying = _qualifying(token, index, lexicon)
        if not (
            qualifying
            or _addressee_of_demand(token, lexicon)
            or _subject_of_undertaking(token, lexicon, words)
        ):
            continue
        start = min((m.left_edge.i for m in qualifying), default=_described_from(token))
        while start < token.i and in_regions(doc[start].idx, skipped):
            start += 1  # "BONN, June 3 - Developed countries": the dateline is no part
        while start < token.i and _situating(doc[start], words):
            start += 1  # "other European partners": the mention is "European partners"
        tokens = doc[start : token.i + 1]
        label = _label(list(tokens), lexicon, words)
        if not label:
            continue
        alias = _known_as(token, index) or _counted_group(token, index, words)
        if alias is not None:  # "the three European nations, known as the E3"
            index.mention(alias, tokens)
            continue
        key = slugify(label)
        builder = index.add(key, label, ActorType.GROUP, tokens)
        for member in _members(token, index, words):
            if member != key:
                builder.members.add(member)
        builder.serves = builder.serves or _state_served(token, qualifying, index, words)


def _group_noun(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether a word is a collective noun: also a plural one capitalised, as EU
    texts write "Member States", that the tagger took for a name."""
    if token.pos_ == "NOUN":
        return token.lemma_.lower() in lexicon.group_nouns
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and token.lower_.endswith("s")
        and _common_word(token, lexicon)
    )


def _split_authorities(token: Token, lexicon: Lexicon, words: ActorWords) -> bool:
    """Tell whether a plural noun for a state's government names a group of its parts, by
    an adjective in lower case that no state has ("the eastern authorities", "rival
    administrations"); "Haitian authorities" are Haiti."""
    return (
        token.tag_ in PLURAL_TAGS
        and token.lemma_.lower() in words.state_nouns
        and any(
            c.dep_ == "amod" and c.text.islower() and c.lower_ in lexicon.group_adjectives
            for c in token.children
        )
    )


def _common_word(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether a capitalised word is a collective noun, or its plural."""
    return token.lower_ in lexicon.group_nouns or singular(token.lower_) in lexicon.group_nouns


def _qualifying(token: Token, index: ActorIndex, lexicon: Lexicon) -> list[Token]:
    """Give the modifiers that make a collective noun an actor: a proper adjective
    ("European partners"), a possessive actor ("Ukraine's allies"), a noun of their kind
    ("port states"), a quantifier ("all parties") or a number ("26 countries"). A singular
    noun is a group only with a quantifier ("every nation"): "Sweden's foreign minister" is
    one person."""
    plural = (
        token.tag_ in PLURAL_TAGS
        or token.lemma_.lower() in lexicon.collective_nouns
        or token.pos_ == "PROPN"  # "Member States", a capitalised plural (_group_noun)
    )
    found: list[Token] = []
    for m in token.lefts:
        if m.dep_ not in QUALIFYING_DEPS:
            continue
        quantifier = m.lower_ in lexicon.group_quantifiers and m.dep_ in QUANTIFIER_DEPS
        if quantifier or (
            plural
            and (
                # "European partners", "Gulf states"
                (m.dep_ in {"amod", "compound"} and m.text[:1].isupper() and m.pos_ != "NOUN")
                # "developed nations", "rich countries"
                or (m.dep_ == "amod" and m.lower_ in lexicon.group_adjectives)
                # "port states", "oil producers": a noun right before names their kind
                # (not "the energy ministers of Kyrgyzstan, ...": those name their states)
                or (
                    m.dep_ == "compound"
                    and m.pos_ == "NOUN"
                    and m.i == token.i - 1
                    and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
                )
                # "Ukraine's allies", "EU member states"
                or (m.dep_ in {"poss", "compound"} and _names_actor(m, index))
                # "Group of Seven finance ministers", not "France, Germany, and partners"
                or (m.dep_ == "nmod" and _is_one_actor(m, index))
                or (m.dep_ == "nummod" and m.like_num)
            )
        ):
            found.append(m)
    return found


def _state_served(
    token: Token, qualifying: list[Token], index: ActorIndex, words: ActorWords
) -> str | None:
    """Give the one state a group of its people serves ("Kenyan officials", "Russia's
    diplomats"): what they say, they say for it."""
    if token.lemma_.lower() not in words.person_nouns:
        return None
    states = {
        key
        for m in qualifying
        for key in [index.key_at(m)]
        if key is not None and index.kind(key) is ActorType.STATE
    }
    return states.pop() if len(states) == 1 else None


def _described_from(token: Token) -> int:
    """Give where a bare collective's description starts: at the adjectives right before it
    ("humanitarian partners", "bilateral lenders"), which say which ones act."""
    start = token.i
    for m in reversed(list(token.lefts)):
        if m.dep_ == "amod" and m.i == start - 1 and m.text.islower():
            start = m.i
    return start


def _subject_of_undertaking(token: Token, lexicon: Lexicon, words: ActorWords) -> bool:
    """Tell whether a bare plural collective binds itself ("donors pledged $1 billion",
    "creditors agreed to ..."): named so, it is the group that acts. Not with a determiner
    ("the parties agreed": those named before), nor for officials (who speak for their
    side) or governments and sides (which stand for states or parties named elsewhere)."""
    head = token.head
    lemma = token.lemma_.lower()
    return (
        token.tag_ in PLURAL_TAGS
        and token.dep_ == "nsubj"
        and not any(c.dep_ == "det" for c in token.children)
        and lemma not in words.person_nouns
        and lemma not in words.state_nouns
        and lemma not in lexicon.counterpart_nouns
        and head.pos_ == "VERB"
        and head.lemma_.lower() in lexicon.commissive_verbs
    )


def _addressee_of_demand(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether a bare plural collective is the one asked to act ("urged negotiators
    to", "called on partners to"): named so, it is the group the demand binds."""
    if token.tag_ not in PLURAL_TAGS:
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in lexicon.demand_preps:
        head = head.head
    elif token.dep_ != "dobj":
        return False
    return head.pos_ == "VERB" and head.lemma_.lower() in lexicon.demand_verbs


def _names_actor(modifier: Token, index: ActorIndex) -> bool:
    """Tell whether a modifier is, or holds, an actor's name ("EU" in "EU member")."""
    return any(index.key_at(t) is not None for t in modifier.subtree)


def _is_one_actor(modifier: Token, index: ActorIndex) -> bool:
    """Tell whether a modifier's words all name one actor ("Group of Seven")."""
    keys = {index.key_at(t) for t in modifier.subtree}
    return len(keys) == 1 and None not in keys


def _label(tokens: list[Token], lexicon: Lexicon, words: ActorWords) -> str:
    """Give a group's label from its words: "other European partners" -> "European
    partners", "Several EU member states" -> "several EU member states"."""
    kept = [
        t
        for t in tokens
        if t.lower_ not in SITUATING_WORDS and t.lower_ not in words.inclusive_modifiers
    ]
    parts: list[str] = []
    for position, t in enumerate(kept):
        text = t.text
        # A sentence's capital on a quantifier or a common word is not part of the name:
        # "Donors pledged", "Bilateral lenders agreed"; but "Spanish officials".
        if position == 0 and (
            t.lower_ in lexicon.group_quantifiers
            or t.pos_ == "DET"
            or (t.is_sent_start and (t.pos_ == "NOUN" or (t.pos_ == "ADJ" and not t.ent_type_)))
        ):
            text = t.lower_
        elif t.lower_ in lexicon.group_adjective_forms:
            # "Developed countries" opening a sentence is "developed countries".
            text = lexicon.group_adjective_forms[t.lower_]
        elif t.pos_ == "PROPN" and not t.ent_type_ and _common_word(t, lexicon):
            text = t.lower_  # "Member States" is labelled as "member states" is
        if t.text in POSSESSIVE_MARKS and parts:
            parts[-1] += "'s" if t.text in {"'s", "’s"} else "'"
        else:
            parts.append(text)
    return clean_label(" ".join(parts))


def _situating(token: Token, words: ActorWords) -> bool:
    return token.lower_ in SITUATING_WORDS or token.lower_ in words.inclusive_modifiers


def _members(token: Token, index: ActorIndex, words: ActorWords) -> list[str]:
    """Give the actors the text names as members of the group headed by `token`."""
    found: list[str | None] = []
    inclusive = any(c.lower_ in words.inclusive_modifiers for c in token.lefts)
    if inclusive:  # "France, Germany, Poland and other European partners"
        found += [index.key_at(t) for t in token.conjuncts if t.i < token.i]
    # "Iran's allies, Russia and China"
    found += [index.key_at(t) for t in index.appositive_list(token)]
    # "the E3 (Britain, France and Germany)", "the group, France and Germany"
    found += [index.key_at(t) for c in token.children if c.dep_ == "appos" for t in conjuncts(c)]
    # The named list parsed as a modifier of the group noun.
    found += [
        index.key_at(m)
        for c in token.children
        if c.dep_ in {"nmod", "compound"} and c.i < token.i and c.conjuncts
        for m in conjuncts(c)
    ]
    return [k for k in dict.fromkeys(found) if k is not None]


def _counted_group(token: Token, index: ActorIndex, words: ActorWords) -> str | None:
    """Give the one named group mentioned before with as many members as "the three
    European powers" counts (the E3), if exactly one."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    count = next(
        (
            int(c.text) if c.text.isdigit() else words.numbers.get(c.lower_)
            for c in token.children
            if c.dep_ == "nummod"
        ),
        None,
    )
    if count is None:
        return None
    found = {
        a.key
        for a in index.actors()
        if a.type is ActorType.GROUP
        and index.gazetteer.get(a.key) is not None
        and len(a.members) == count
        and a.mentioned_before(token.idx)
    }
    return found.pop() if len(found) == 1 else None


def _known_as(token: Token, index: ActorIndex) -> str | None:
    """Give the actor a phrase is said to be "known as" or "called"."""
    for child in token.children:
        if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in ALIAS_VERBS:
            for sub in child.subtree:
                key = index.key_at(sub)
                if key is not None and sub.i > child.i:
                    return key
    return None


# Determiners that head a nominal adjective: "those willing", "the willing".
NOMINAL_DETERMINERS = frozenset({"those", "the"})


def link_adjective_anaphors(index: ActorIndex, doc: Doc, skipped: tuple[Span, ...]) -> None:
    """Mark "those willing" as a mention of the one group named before whose label holds
    that adjective ("a coalition of the willing ... those willing will intensify planning")."""
    for token in doc:
        if (
            token.lower_ not in NOMINAL_DETERMINERS
            or index.key_at(token) is not None
            or in_regions(token.idx, skipped)
        ):
            continue
        adjective = _nominal_adjective(token)
        if adjective is None:
            continue
        word = adjective.lower_
        earlier = {
            a.key
            for a in index.actors()
            if a.type is ActorType.GROUP
            and word in a.label.lower().split()
            and a.mentioned_before(token.idx)
        }
        if len(earlier) == 1:
            index.mention(earlier.pop(), doc[token.i : adjective.i + 1])


def _nominal_adjective(determiner: Token) -> Token | None:
    """Give the adjective a determiner makes a noun phrase of: "those willing" parsed as a
    pronoun with an adjective, or as an adjective with its determiner."""
    if determiner.pos_ == "PRON":
        adjectives = [c for c in determiner.rights if c.dep_ == "amod" and c.pos_ == "ADJ"]
        return adjectives[0] if len(adjectives) == 1 else None
    head = determiner.head
    if determiner.dep_ == "det" and head.pos_ == "ADJ" and head.i == determiner.i + 1:
        return head
    return None
