"""The gazetteer: known actors (states, organisations, groups, persons) and offices, with
the words news writers use for them, loaded from the YAML files in `data/gazetteer/`.

Matching rules, shared by `Gazetteer.lookup` and `Gazetteer.ruler_patterns`:

- a surface form matches regardless of case ("Nato", "FRANCE", "coalition of the Willing"),
  except that
- short all-capital abbreviations (at most three letters or digits, dots allowed: "US",
  "U.S.", "EU", "UN", "G7") match only as written, so "us" and "Us" are not the United
  States; and
- a one-word form written with a capital ("Turkey", "Chad", "Jordan", "Nato") never matches
  an all-lowercase word ("turkey", "chad").

Lookups also ignore curly versus straight quotes, a leading "the", a trailing possessive
("Iran's", "Brussels'") and runs of whitespace; "U.S." and "US" are interchangeable.
"""

from __future__ import annotations

import difflib
import gc
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml

from ..errors import DataFileError
from ..records import ActorType
from . import data_path

How = Literal["name", "adjective", "metonym"]
_T = TypeVar("_T")
HOWS: tuple[How, ...] = ("name", "adjective", "metonym")

QID = re.compile(r"^Q[1-9][0-9]*$")
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO = re.compile(r"^[A-Z]{2}$")

ACTOR_FIELDS = frozenset({
    "key", "label", "type", "wikidata", "iso", "takes_the", "names", "adjectives", "metonyms",
    "acts_for", "post", "members",
})
TITLE_FIELDS = frozenset({"key", "label", "forms", "only", "except"})
POST_FIELDS = frozenset({"key", "label", "of", "forms", "titles"})
AMBIGUOUS_FIELDS = frozenset({"surface", "keys", "prefer"})
SECTIONS = frozenset({"actors", "titles", "posts", "sets", "ambiguous"})

# spaCy entity labels of ruler patterns: by how a form names its actor, then by actor type.
NER_LABELS = {
    ActorType.STATE: "GPE",
    ActorType.ORGANIZATION: "ORG",
    ActorType.GROUP: "ORG",
    ActorType.PERSON: "PERSON",
}
ADJECTIVE_LABEL = "NORP"
METONYM_LABEL = "GPE"

_QUOTES = str.maketrans({
    "’": "'", "‘": "'", "ʼ": "'", "′": "'", "“": '"', "”": '"', "\u2010": "-", "\u2011": "-",
})
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$", re.IGNORECASE)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# "US", "U.S.", "EU", "G7", "DRC": matched as written.
_SHORT_CAPS = re.compile(r"^(?=.*[A-Z])(?:[A-Z0-9]\.?){1,3}$")
_BARE_ACRONYM = re.compile(r"^[A-Z]{2,3}$")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,3}$")
_ACRONYM = re.compile(r"^(?:[A-Z0-9]\.?)+$")
# Tokenisation of forms into spaCy-like tokens (checked against spaCy by the tests).
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.)+$|^(?:St|Mr|Mrs|Ms|Dr)\.$")
_INFIX = re.compile(r"(?<=[^\W\d_])(-)(?=[^\W\d_])|(?<=\d)(\+)(?=\d)")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known actor and the surface forms that name it."""

    key: str  # stable slug used in IRIs ("france", "emmanuel-macron", "nato")
    label: str  # canonical English label
    type: ActorType
    wikidata: str | None  # "Q142"
    names: tuple[str, ...]  # forms naming the actor itself; the label first
    adjectives: tuple[str, ...]  # demonyms and adjectives ("French")
    metonyms: tuple[str, ...]  # capitals and seats used for the actor ("Paris", "Élysée")
    acts_for: str | None = None  # persons and bodies: key of their state or organisation
    post: str | None = None  # persons: key of the post they hold
    members: tuple[str, ...] = ()  # groups: member keys
    iso: str | None = None  # states: ISO 3166-1 alpha-2 code


@dataclass(frozen=True, slots=True)
class PostEntry:
    """An office ("President of France") and the titles that name it ("French President")."""

    key: str
    label: str
    of: str | None  # the state or organisation the holder speaks for
    titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Hit:
    key: str
    how: How
    capitalised_word: bool  # a one-word form with a capital: no all-lowercase match
    form: str  # as written in the data, for messages


@dataclass(slots=True)
class _Problems:
    """Problems found in the data files, reported together in one `DataFileError`."""

    folder: Path
    items: list[str] = field(default_factory=list)

    def add(self, where: str, problem: str, fix: str) -> None:
        self.items.append(f"{where}: {problem}. Fix: {fix}")

    def raise_any(self) -> None:
        if self.items:
            shown = "\n".join(f"- {item}" for item in self.items[:20])
            more = f"\n- ... and {len(self.items) - 20} more" if len(self.items) > 20 else ""
            raise DataFileError(
                f"The gazetteer in {self.folder} has {len(self.items)} problem(s):\n{shown}{more}"
            )


def clean_surface(surface: str) -> str:
    """Give a surface form as lookups compare it: NFC, straight quotes, single spaces,
    without a leading "the" or a trailing possessive ("the U.S.'s" -> "U.S.")."""
    text = " ".join(unicodedata.normalize("NFC", surface).translate(_QUOTES).split())
    text = _POSSESSIVE.sub("", text).rstrip()
    return _LEADING_THE.sub("", text)


def _case_key(text: str) -> str:
    """Fold case except in short all-capital abbreviations ("US" stays, "Nato" -> "nato")."""
    return " ".join(w if _SHORT_CAPS.match(w) else w.casefold() for w in text.split(" "))


def _undotted(text: str) -> str:
    return " ".join(w.replace(".", "") if _DOTTED_ACRONYM.match(w) else w for w in text.split(" "))


def _variants(form: str) -> list[str]:
    """Give a form and its spelling variants: dotted and bare acronyms ("U.N." / "UN"),
    curly apostrophes ("N’Djamena")."""
    base = clean_surface(form)
    words = base.split(" ")
    dotted = " ".join(".".join(w) + "." if _BARE_ACRONYM.match(w) else w for w in words)
    found = [base, dotted, _undotted(base)]
    found += [v.replace("'", "’") for v in found if "'" in v]
    return list(dict.fromkeys(v for v in found if v))


def _is_capitalised_word(form: str) -> bool:
    return " " not in form and not _SHORT_CAPS.match(form) and any(c.isupper() for c in form)


def tokenize_form(form: str) -> list[str]:
    """Split a form into tokens as spaCy's English tokenizer does for names ("U.S." stays
    one token, "Guinea-Bissau" is three, "No. 10" splits off the period)."""
    tokens: list[str] = []
    for chunk in form.split():
        tail: list[str] = []
        while chunk.endswith(","):
            chunk, tail = chunk[:-1], [",", *tail]
        if chunk.endswith(".") and len(chunk) > 1 and not _ABBREVIATION.match(chunk):
            chunk, tail = chunk[:-1], [".", *tail]
        if len(chunk) > 2 and chunk[-2:].lower() in ("'s", "’s"):  # "People's"
            chunk, tail = chunk[:-2], [chunk[-2:], *tail]
        tokens.extend(p for p in _INFIX.split(chunk) if p)
        tokens.extend(tail)
    return tokens


def _token_pattern(tokens: Sequence[str]) -> list[dict[str, Any]]:
    """Give spaCy token dicts matching a form under the module's case rules."""
    if len(tokens) == 1:
        (token,) = tokens
        if _SHORT_CAPS.match(token) or not any(c.isalpha() for c in token):
            return [{"ORTH": token}]
        if any(c.isupper() for c in token):
            return [{"LOWER": token.lower(), "IS_LOWER": False}]
        return [{"LOWER": token.lower()}]
    return [
        {"ORTH": t} if _SHORT_CAPS.match(t) or not any(c.isalpha() for c in t)
        else {"LOWER": t.lower()}
        for t in tokens
    ]


MEMO_SIZE = 50_000  # entries per lookup memo before it is cleared


def _remembered(memo: dict[str, _T], key: str, compute: Callable[[str], _T]) -> _T:
    """Give `compute(key)`, from `memo` if it is there; a full memo starts afresh."""
    if key not in memo:
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        memo[key] = compute(key)
    return memo[key]


class Gazetteer:
    """Known actors and offices, with lookups from surface forms and titles."""

    def __init__(
        self,
        entries: Iterable[GazetteerEntry],
        posts: Iterable[PostEntry],
        *,
        title_forms: dict[str, list[tuple[str, str | None]]] | None = None,
        listed_titles: dict[str, str] | None = None,
        index: dict[str, list[_Hit]] | None = None,
        preferences: dict[str, str | None] | None = None,
    ) -> None:
        """Index entries and posts; `load_gazetteer` validates them first and passes the
        surface index and ambiguity preferences it computed."""
        self._entries = {e.key: e for e in sorted(entries, key=lambda e: e.key)}
        self._posts = {p.key: p for p in sorted(posts, key=lambda p: p.key)}
        self._index = index if index is not None else _surface_index(self._entries.values())
        self._preferences = preferences or {}  # ambiguous case key -> preferred key or None
        # title forms, longest first: lowercased form -> [(title key or post key, of)]
        self._title_forms = sorted(
            (title_forms or {}).items(), key=lambda kv: (-len(kv[0]), kv[0])
        )
        self._listed_titles = listed_titles or {}  # case key of a listed title -> post key
        self._exact_titles: dict[str, str] | None = None  # built on first use
        # Surface forms and titles recur across a corpus: each is resolved once, in memos
        # cleared when full, so memory stays bounded however many articles are read.
        self._looked_up: dict[str, tuple[GazetteerEntry, How] | None] = {}
        self._title_posts: dict[str, PostEntry | None] = {}

    # -- entries ------------------------------------------------------------------------

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def get(self, key: str) -> GazetteerEntry | None:
        """Give the entry with this key, or None."""
        return self._entries.get(key)

    def entry(self, key: str) -> GazetteerEntry:
        """Give the entry with this key; a key not in the gazetteer is a `KeyError` that
        names the closest keys (use `get` to test whether a key exists)."""
        found = self._entries.get(key)
        if found is None:
            close = difflib.get_close_matches(key, list(self._entries), n=3)
            hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
            raise KeyError(f"No gazetteer entry {key!r}.{hint}")
        return found

    def lookup(self, surface: str) -> tuple[GazetteerEntry, How] | None:
        """Give the actor a surface form names and how it names it ("name", "adjective" or
        "metonym"): "the U.S.'s" -> (United States, "name"), "Kremlin" -> (Russia,
        "metonym"). None if the form is unknown or names several actors."""
        return _remembered(self._looked_up, surface, self._lookup)

    def _lookup(self, surface: str) -> tuple[GazetteerEntry, How] | None:
        text = clean_surface(surface)
        if not text:
            return None
        key = _case_key(text)
        hits = self._index.get(key)
        if not hits:
            key = _case_key(_undotted(text))
            hits = self._index.get(key)
        if not hits:
            return None
        lowercase = not any(c.isupper() for c in text)
        hits = [h for h in hits if not (h.capitalised_word and lowercase)]
        if key in self._preferences:
            hits = [h for h in hits if h.key == self._preferences[key]]
        if len(hits) != 1:
            return None
        return self._entries[hits[0].key], hits[0].how

    # -- posts --------------------------------------------------------------------------

    def post(self, key: str) -> PostEntry | None:
        """Give the post with this key, or None."""
        return self._posts.get(key)

    def posts(self) -> tuple[PostEntry, ...]:
        """Give every post, sorted by key."""
        return tuple(self._posts.values())

    def post_for_title(self, title: str) -> PostEntry | None:
        """Give the office a title names: "French President" -> President of France,
        "Prime Minister of the United Kingdom", "Britain's ambassador to the UN", "NATO
        chief". None if the title names no known office or no state ("the Prime Minister")."""
        return _remembered(self._title_posts, title, self._post_for_title)

    def _post_for_title(self, title: str) -> PostEntry | None:
        text = clean_surface(title)
        if self._exact_titles is None:
            # Labels and listed titles; "{adjective} {form}" titles are parsed below.
            self._exact_titles = dict(self._listed_titles)
            for known in self._posts.values():
                self._exact_titles.setdefault(_case_key(clean_surface(known.label)), known.key)
        found = self._exact_titles.get(_case_key(text))
        if found is not None:
            return self._posts[found]
        lowered = text.lower()
        if len(lowered) != len(text):  # a character whose lowercase is longer: no parsing
            return None
        for form, sources in self._title_forms:
            holders = []
            if lowered.endswith(" " + form):  # "French President", "Britain's envoy"
                holders.append(text[: -len(form)])
            if lowered.startswith(form + " of "):  # "President of France"
                holders.append(text[len(form) + 4 :])
            for holder in holders:
                post = self._resolve_title(holder, sources)
                if post is not None:
                    return post
        return None

    def posts_of_bare_title(self, title: str) -> tuple[PostEntry, ...]:
        """Give the organisations' offices a title names without naming whose
        ("Commissioner", "Secretary General"): the posts listed with that form."""
        lowered = clean_surface(title).lower()
        return tuple(
            self._posts[key]
            for form, sources in self._title_forms
            if form == lowered
            for key, of in sources
            if of is not None and key in self._posts
        )

    def _resolve_title(
        self, holder: str, sources: list[tuple[str, str | None]]
    ) -> PostEntry | None:
        """Give the post a title form names for the actor `holder` names, if any."""
        found = self.lookup(holder)
        if found is None:
            return None
        actor = found[0].key
        # Posts listed one by one first ("Secretary of State" of the United States), then
        # the generic offices of the title table ("president" -> "president-of-{state}").
        for post_key, of in sources:
            if of == actor:
                return self._posts[post_key]
        for title_key, of in sources:
            generated = f"{title_key}-of-{actor}"
            if of is None and generated in self._posts:
                return self._posts[generated]
        return None

    # -- spaCy --------------------------------------------------------------------------

    def ruler_patterns(
        self, *, tokenize: Callable[[str], Sequence[str]] | None = None
    ) -> list[dict[str, Any]]:
        """Give spaCy EntityRuler patterns for every form, sorted: {"label": "GPE", "pattern":
        [token dicts], "id": "france"}. States' names are GPE, organisations' and groups'
        ORG, persons' PERSON, adjectives NORP, metonyms GPE. `tokenize` splits a form into
        tokens (default: `tokenize_form`, which agrees with spaCy's English tokenizer)."""
        split = tokenize or tokenize_form
        seen: set[tuple[str, str, str]] = set()
        patterns: list[dict[str, Any]] = []
        for entry in self._entries.values():
            for how, form in _forms_of(entry):
                label = {"adjective": ADJECTIVE_LABEL, "metonym": METONYM_LABEL}.get(
                    how, NER_LABELS[entry.type]
                )
                for variant in _variants(form):
                    key = _case_key(variant)
                    if key in self._preferences and self._preferences[key] != entry.key:
                        continue
                    pattern = _token_pattern(list(split(variant)))
                    marker = (entry.key, label, repr(pattern))
                    if marker not in seen:
                        seen.add(marker)
                        patterns.append({"label": label, "pattern": pattern, "id": entry.key})
        patterns.sort(key=lambda p: (str(p["id"]), str(p["label"]), repr(p["pattern"])))
        return patterns


def _surface_index(entries: Iterable[GazetteerEntry]) -> dict[str, list[_Hit]]:
    """Give, for each case key of a form or variant, the actors it names (one hit each)."""
    index: dict[str, list[_Hit]] = {}
    for entry in entries:
        for how, form in _forms_of(entry):
            for variant in _variants(form):
                hits = index.setdefault(_case_key(variant), [])
                if not any(h.key == entry.key for h in hits):
                    hits.append(_Hit(entry.key, how, _is_capitalised_word(variant), form))
    return index


def _forms_of(entry: GazetteerEntry) -> Iterator[tuple[How, str]]:
    for how, forms in zip(HOWS, (entry.names, entry.adjectives, entry.metonyms), strict=True):
        for form in forms:
            yield how, form


# -- loading ------------------------------------------------------------------------------


def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """Give the gazetteer in `folder` (default: kgbuild's own, loaded once and cached).
    Raises `DataFileError` listing every problem in the data, with its fix."""
    if folder is None:
        return _default_gazetteer()
    return _load(Path(folder))


@cache
def _default_gazetteer() -> Gazetteer:
    return _load(data_path("gazetteer"))


_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_sections(folder: Path, problems: _Problems) -> dict[str, list[tuple[str, Any]]]:
    """Give each section's items with the file they come from."""
    sections: dict[str, list[tuple[str, Any]]] = {name: [] for name in SECTIONS}
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise DataFileError(
            f"The gazetteer folder {folder} holds no *.yaml files; "
            "restore data/gazetteer/ from the repository."
        )
    for path in files:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        except yaml.YAMLError as exc:
            problems.add(path.name, f"not valid YAML ({exc})".replace("\n", " "),
                         "correct the YAML syntax")
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.add(path.name, "the file is not a mapping of sections",
                         f"start it with one of: {', '.join(sorted(SECTIONS))}")
            continue
        for name, items in data.items():
            if name not in SECTIONS:
                problems.add(path.name, f"unknown section {name!r}",
                             f"use one of: {', '.join(sorted(SECTIONS))}")
            elif name == "sets":
                if not isinstance(items, dict):
                    problems.add(path.name, "`sets` is not a mapping", "write `name: [keys]`")
                else:
                    sections["sets"].extend((path.name, kv) for kv in items.items())
            elif not isinstance(items, list):
                problems.add(path.name, f"section {name!r} is not a list", "write `- ...` items")
            else:
                sections[name].extend((path.name, item) for item in items)
    return sections


def _strings(value: Any) -> tuple[str, ...] | None:
    """Give a list of non-empty strings as a tuple, or None if it is not one."""
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    return None


def _check_fields(item: Any, allowed: frozenset[str], where: str, problems: _Problems) -> bool:
    if not isinstance(item, dict):
        problems.add(where, "an item is not a mapping", "write each item as `key: value` lines")
        return False
    for name in sorted(set(item) - allowed):
        problems.add(where, f"unknown field {name!r}", f"use only: {', '.join(sorted(allowed))}")
    return True


def _parse_actor(file: str, item: Any, problems: _Problems) -> GazetteerEntry | None:
    """Give the entry an `actors:` item describes, reporting what is wrong with it. An item
    with a bad QID, ISO code or list still gives an entry (without it), so that references
    to its key do not add more problems; one without a key, label or type gives none."""
    where = f"{file}: entry {item.get('key', '?')!r}" if isinstance(item, dict) else file
    if not _check_fields(item, ACTOR_FIELDS, where, problems):
        return None
    key, label, kind = item.get("key"), item.get("label"), item.get("type")
    types = {t.value: t for t in ActorType}
    if not isinstance(key, str) or not KEY.match(key):
        problems.add(where, f"key {key!r} is not a slug", "use lowercase words joined by '-'")
        return None
    if not isinstance(label, str) or not label.strip():
        problems.add(where, "the label is missing", "add `label:` with the canonical English name")
        return None
    if kind not in types:
        problems.add(where, f"type {kind!r} is missing or unknown",
                     f"add `type:` with one of {', '.join(types)}")
        return None
    qid, iso = item.get("wikidata"), item.get("iso")
    if qid is not None and not (isinstance(qid, str) and QID.match(qid)):
        problems.add(where, f"Wikidata id {qid!r} is not of the form Q123",
                     "write the QID (Q followed by digits, no leading zero) or null")
        qid = None
    if iso is not None and not (isinstance(iso, str) and ISO.match(iso)):
        problems.add(where, f"ISO code {iso!r} is not two capital letters",
                     "write the ISO 3166-1 alpha-2 code or null")
        iso = None
    if not isinstance(item.get("takes_the", False), bool):
        problems.add(where, "`takes_the` is not true or false", "write true or false")
    lists: dict[str, tuple[str, ...]] = {}
    for name in ("names", "adjectives", "metonyms", "members"):
        value = _strings(item.get(name))
        if value is None:
            problems.add(where, f"`{name}` is not a list of non-empty strings",
                         f"write `{name}: [..., ...]`")
        lists[name] = value or ()
    links: dict[str, str | None] = {}
    for name in ("acts_for", "post"):
        link = item.get(name)
        if link is not None and not isinstance(link, str):
            problems.add(where, f"`{name}` is not a key", f"write `{name}:` with one key")
            link = None
        links[name] = link
    return GazetteerEntry(
        key=key, label=label.strip(), type=types[kind], wikidata=qid,
        names=tuple(dict.fromkeys((label.strip(), *lists["names"]))),
        adjectives=lists["adjectives"], metonyms=lists["metonyms"],
        acts_for=links["acts_for"], post=links["post"], members=lists["members"], iso=iso,
    )


def _load(folder: Path) -> Gazetteer:
    # Loading allocates some 100,000 small objects and frees almost none: pausing the
    # cyclic garbage collector halves the time it takes.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_files(folder)
    finally:
        if enabled:
            gc.enable()


def _load_files(folder: Path) -> Gazetteer:
    problems = _Problems(folder)
    if not folder.is_dir():
        raise DataFileError(
            f"The gazetteer folder {folder} does not exist; pass a folder of *.yaml files."
        )
    sections = _read_sections(folder, problems)

    entries: dict[str, GazetteerEntry] = {}
    origin: dict[str, str] = {}
    takes_the: set[str] = set()
    for file, item in sections["actors"]:
        entry = _parse_actor(file, item, problems)
        if entry is None:
            continue
        if entry.key in entries:
            problems.add(f"{file}: entry {entry.key!r}", f"key also used in {origin[entry.key]}",
                         "give each actor one entry with a unique key")
            continue
        entries[entry.key] = entry
        origin[entry.key] = file
        if item.get("takes_the"):
            takes_the.add(entry.key)
    _check_links(entries, origin, problems)

    sets = _parse_sets(sections["sets"], entries, problems)
    posts, title_forms, listed_titles = _build_posts(sections, entries, takes_the, sets, problems)
    for entry in entries.values():
        if entry.post is not None and entry.post not in posts:
            problems.add(f"{origin[entry.key]}: entry {entry.key!r}",
                         f"post {entry.post!r} is not a known post",
                         f"use a key from posts.yaml or a generated one such as "
                         f"'president-of-{entry.acts_for or 'france'}'")
    index = _surface_index(entries.values())
    preferences = _check_ambiguity(sections["ambiguous"], index, origin, problems)
    problems.raise_any()
    return Gazetteer(entries.values(), posts.values(), title_forms=title_forms,
                     listed_titles=listed_titles, index=index, preferences=preferences)


def _check_links(entries: dict[str, GazetteerEntry], origin: dict[str, str],
                 problems: _Problems) -> None:
    """Check cross-references (acts_for, members), QID and ISO uniqueness, field use by type."""
    qids: dict[str, str] = {}
    isos: dict[str, str] = {}
    for entry in entries.values():
        where = f"{origin[entry.key]}: entry {entry.key!r}"
        if entry.acts_for is not None:
            if entry.acts_for not in entries:
                problems.add(where, f"acts_for {entry.acts_for!r} is not a known key",
                             _suggest(entry.acts_for, entries))
            if entry.type not in (ActorType.PERSON, ActorType.ORGANIZATION):
                problems.add(where, f"a {entry.type.value} cannot act for another actor",
                             "remove `acts_for`")
        for member in entry.members:
            if member not in entries:
                problems.add(where, f"member {member!r} is not a known key",
                             _suggest(member, entries))
        if entry.members and entry.type is not ActorType.GROUP:
            problems.add(where, "only an ActorGroup has members", "remove `members`")
        if entry.post is not None and entry.type is not ActorType.PERSON:
            problems.add(where, "only a Person holds a post", "remove `post`")
        unique_ids = ((entry.wikidata, qids, "Wikidata id"), (entry.iso, isos, "ISO code"))
        for value, seen, what in unique_ids:
            if value is None:
                continue
            if value in seen:
                problems.add(where, f"{what} {value} is also given to {seen[value]!r}",
                             f"check both entries; one {what} names one actor")
            seen.setdefault(value, entry.key)


def _suggest(key: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(key, list(known), n=3)
    if close:
        return f"use an existing key (did you mean {', '.join(map(repr, close))}?)"
    return "add an entry with that key or use an existing one"


def _parse_sets(items: list[tuple[str, Any]], entries: dict[str, GazetteerEntry],
                problems: _Problems) -> dict[str, tuple[str, ...]]:
    sets: dict[str, tuple[str, ...]] = {}
    for file, (name, keys) in items:
        where = f"{file}: set {name!r}"
        members = _strings(keys)
        if not isinstance(name, str) or not KEY.match(name) or name in entries:
            problems.add(where, "the set name is not a slug distinct from actor keys",
                         "rename the set")
        elif members is None:
            problems.add(where, "the set is not a list of keys", "write `name: [key, ...]`")
        else:
            for key in members:
                if key not in entries:
                    problems.add(where, f"{key!r} is not a known key", _suggest(key, entries))
            sets[name] = members
    return sets


def _the(entry: GazetteerEntry, takes_the: set[str]) -> str:
    return f"the {entry.label}" if entry.key in takes_the else entry.label


def _build_posts(
    sections: dict[str, list[tuple[str, Any]]],
    entries: dict[str, GazetteerEntry],
    takes_the: set[str],
    sets: dict[str, tuple[str, ...]],
    problems: _Problems,
) -> tuple[dict[str, PostEntry], dict[str, list[tuple[str, str | None]]], dict[str, str]]:
    """Give every post (generated from the title table, then listed ones), the title forms
    `post_for_title` parses (each with its title key or post key) and the listed titles."""
    states = [e for e in entries.values() if e.type is ActorType.STATE]
    drafts: dict[str, tuple[str, str | None, list[str], list[str]]] = {}  # label, of, forms, titles
    title_forms: dict[str, list[tuple[str, str | None]]] = {}

    def expand(names: tuple[str, ...], where: str) -> set[str]:
        keys: set[str] = set()
        for name in names:
            if name in sets:
                keys.update(sets[name])
            elif name in entries:
                keys.add(name)
            else:
                problems.add(where, f"{name!r} is neither a set nor a known key",
                             _suggest(name, [*sets, *entries]))
        return keys

    for file, item in sections["titles"]:
        where = f"{file}: title {item.get('key', '?')!r}" if isinstance(item, dict) else file
        if not _check_fields(item, TITLE_FIELDS, where, problems):
            continue
        key, label, forms = item.get("key"), item.get("label"), _strings(item.get("forms"))
        only, excluded = _strings(item.get("only")), _strings(item.get("except"))
        if not isinstance(key, str) or not KEY.match(key):
            problems.add(where, "the key is not a slug", "use lowercase words joined by '-'")
            continue
        if not isinstance(label, str) or "{state}" not in label:
            problems.add(where, "the label has no {state} placeholder",
                         "write e.g. `label: President of {state}`")
            continue
        if not forms or only is None or excluded is None:
            problems.add(where, "`forms`, `only` or `except` is not a list of strings",
                         "write `forms: [President]`")
            continue
        scope = expand(only, where) if only else {s.key for s in states}
        scope -= expand(excluded, where)
        for state in states:
            if state.key in scope:
                drafts[f"{key}-of-{state.key}"] = (
                    label.replace("{state}", _the(state, takes_the)), state.key, list(forms), [],
                )
        for form in forms:
            title_forms.setdefault(form.lower(), []).append((key, None))

    generated = set(drafts)
    listed: set[str] = set()
    listed_titles: dict[str, str] = {}
    for file, item in sections["posts"]:
        where = f"{file}: post {item.get('key', '?')!r}" if isinstance(item, dict) else file
        if not _check_fields(item, POST_FIELDS, where, problems):
            continue
        key, label, of = item.get("key"), item.get("label"), item.get("of")
        forms, titles = _strings(item.get("forms")), _strings(item.get("titles"))
        if not isinstance(key, str) or not KEY.match(key) or key in listed:
            problems.add(where, "the key is not a slug or is listed twice",
                         "give each post one entry with a unique slug key")
            continue
        if not isinstance(label, str) or not label.strip():
            problems.add(where, "the label is missing", "add `label:` with the office's name")
            continue
        if of is not None and of not in entries:
            problems.add(where, f"of {of!r} is not a known key", _suggest(str(of), entries))
            continue
        if forms is None or titles is None:
            problems.add(where, "`forms` or `titles` is not a list of strings",
                         "write `titles: [..., ...]`")
            continue
        if forms and of is None:
            problems.add(where, "`forms` needs `of` to combine with",
                         "add `of:` or write full titles under `titles`")
            continue
        listed.add(key)
        if key in generated:
            if drafts[key][1] != of:
                problems.add(where, f"it replaces a generated post of {drafts[key][1]!r}",
                             f"set `of: {drafts[key][1]}` or use another key")
                continue
            _, _, old_forms, old_titles = drafts[key]
            drafts[key] = (label.strip(), of, [*old_forms, *forms], [*old_titles, *titles])
        else:
            drafts[key] = (label.strip(), of, list(forms), list(titles))
        for form in forms:
            title_forms.setdefault(form.lower(), []).insert(0, (key, of))
        for title in titles:
            listed_titles.setdefault(_case_key(clean_surface(title)), key)

    posts = {
        key: PostEntry(key, label, of, _post_titles(entries.get(of) if of else None, forms,
                                                    titles, takes_the))
        for key, (label, of, forms, titles) in drafts.items()
    }
    return posts, title_forms, listed_titles


def _post_titles(holder: GazetteerEntry | None, forms: list[str], titles: list[str],
                 takes_the: set[str]) -> tuple[str, ...]:
    """Give the titles of a post: its listed titles, then each form with the holder's
    adjectives and acronyms ("French President", "U.S. President") and "{form} of {label}"."""
    found = list(titles)
    if holder is not None:
        acronyms = [n for n in holder.names if _ACRONYM.match(n)]
        prefixes = [*holder.adjectives, *acronyms]
        if holder.type is not ActorType.STATE:
            prefixes.append(holder.label)
        for form in forms:
            found.extend(f"{prefix} {form}" for prefix in prefixes)
            found.append(f"{form} of {_the(holder, takes_the)}")
    return tuple(dict.fromkeys(found))


def _check_ambiguity(
    items: list[tuple[str, Any]],
    index: dict[str, list[_Hit]],
    origin: dict[str, str],
    problems: _Problems,
) -> dict[str, str | None]:
    """Report surface forms naming two actors unless listed under `ambiguous`; give each
    listed form's preferred key (None: match neither)."""
    owners = {case_key: {h.key: h.form for h in hits} for case_key, hits in index.items()}
    allowed: dict[str, tuple[frozenset[str], str | None]] = {}
    for file, item in items:
        surface = item.get("surface", "?") if isinstance(item, dict) else "?"
        where = f"{file}: ambiguous {surface!r}"
        if not _check_fields(item, AMBIGUOUS_FIELDS, where, problems):
            continue
        surface, keys, prefer = item.get("surface"), _strings(item.get("keys")), item.get("prefer")
        if not isinstance(surface, str) or not keys or len(keys) < 2:
            problems.add(where, "it needs a `surface` and at least two `keys`",
                         "write `surface: Georgia` and `keys: [georgia, georgia-us]`")
            continue
        if prefer is not None and prefer not in keys:
            problems.add(where, f"prefer {prefer!r} is not one of its keys", "pick one of `keys`")
            continue
        case_key = _case_key(clean_surface(surface))
        named = sorted(owners.get(case_key, {}))
        if named != sorted(keys):
            problems.add(where, f"the form names {named}, not {sorted(keys)}",
                         "list exactly the entries that share the form, or remove the item")
            continue
        allowed[case_key] = (frozenset(keys), prefer)
    for case_key, owned in sorted(owners.items()):
        if len(owned) > 1 and case_key not in allowed:
            (a, form_a), (b, form_b) = sorted(owned.items())[:2]
            problems.add(
                f"{origin[a]}: entry {a!r}",
                f"the form {form_a!r} also names {b!r} ({origin[b]}, as {form_b!r})",
                "remove it from one entry, or list it under `ambiguous:` with its keys "
                "(and `prefer:` to resolve it)",
            )
    return {case_key: prefer for case_key, (_keys, prefer) in allowed.items()}
