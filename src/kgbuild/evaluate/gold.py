"""Reading and strictly checking gold files (`NAME.gold.json`, see the corpus guidelines)."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import TypeVar

from ..errors import DataFileError
from ..records import ActorType, ConditionType, Polarity, Span, Status
from .matching import label_key, straighten

GOLD_SUFFIX = ".gold.json"

E = TypeVar("E", bound=Enum)


class GoldFileError(DataFileError):
    """A gold file is malformed or does not fit its article."""


@dataclass(frozen=True, slots=True)
class GoldActor:
    """An actor the analyst expects, with its canonical label and Wikidata QID."""

    label: str
    type: ActorType
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    acts_for: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldCondition:
    """A condition the analyst expects, written without its marker word."""

    text: str
    type: ConditionType


@dataclass(frozen=True, slots=True)
class GoldCommitment:
    """A commitment the analyst expects; actor names are labels of `Gold.actors`."""

    sentence: str
    locations: tuple[Span, ...]  # every place `sentence` occurs in the article text
    action: str
    polarity: Polarity
    status: Status
    debtor: tuple[str, ...] = ()
    beneficiary: tuple[str, ...] = ()
    requested_by: tuple[str, ...] = ()
    stated_by: tuple[str, ...] = ()
    status_also: tuple[Status, ...] = ()
    conditions: tuple[GoldCondition, ...] = ()
    optional: bool = False

    @property
    def statuses(self) -> tuple[Status, ...]:
        """Give every status a careful reader could defend, `status` first."""
        return (self.status, *self.status_also)


@dataclass(frozen=True, slots=True)
class Gold:
    """The gold annotation of one article."""

    path: str
    article: str
    actors: tuple[GoldActor, ...]
    commitments: tuple[GoldCommitment, ...]


def gold_path_for(article_path: Path) -> Path:
    """Give the gold file that belongs beside an article file (`NAME.txt` -> `NAME.gold.json`)."""
    return article_path.with_name(article_path.stem + GOLD_SUFFIX)


def load_gold(path: Path, text: str) -> Gold:
    """Give the checked gold annotation in `path` of the article whose text is `text`.

    Raises GoldFileError naming the file and the field for anything malformed: bad JSON,
    a missing or mistyped field, an unknown status/polarity/type, an actor name that is
    not in `actors`, a sentence that is not in the article text.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldFileError(f"{path}: cannot read the gold file ({exc.strerror}).") from None
    except UnicodeDecodeError:
        raise GoldFileError(f"{path}: not UTF-8 text; save the gold file as UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise GoldFileError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "fix the syntax."
        ) from None
    return _Reader(path).gold(raw, unicodedata.normalize("NFC", text))


class _Reader:
    """Checks one gold file's JSON value; every error names the file and the field."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.labels: dict[str, str] = {}  # label_key -> canonical gold label

    def fail(self, where: str, problem: str) -> GoldFileError:
        return GoldFileError(f"{self.path}: {where}: {problem}.")

    def gold(self, raw: object, text: str) -> Gold:
        top = self.mapping(raw, "top level")
        article = top.get("article", "")
        if not isinstance(article, str):
            raise self.fail("article", "must be the article's file name as a string")
        listed = [self.actor(a, f"actors[{i}]") for i, a in enumerate(self.items(top, "actors"))]
        # acts_for and members may name actors listed later, so they are checked last.
        actors = tuple(
            replace(
                actor,
                acts_for=self.check_names(actor.acts_for, f"actors[{i}].acts_for"),
                members=self.check_names(actor.members, f"actors[{i}].members"),
            )
            for i, actor in enumerate(listed)
        )
        commitments = tuple(
            self.commitment(c, f"commitments[{i}]", text)
            for i, c in enumerate(self.items(top, "commitments"))
        )
        return Gold(str(self.path), article, actors, commitments)

    def actor(self, raw: object, where: str) -> GoldActor:
        item = self.mapping(raw, where)
        label = self.string(item, "label", where)
        key = label_key(label)
        if key in self.labels:
            raise self.fail(f"{where}.label", f"{label!r} is listed twice; merge the two actors")
        self.labels[key] = label
        wikidata = item.get("wikidata")
        if wikidata is not None and not (
            isinstance(wikidata, str) and wikidata[:1] == "Q" and wikidata[1:].isdigit()
        ):
            raise self.fail(f"{where}.wikidata", f"{wikidata!r} is not a QID like 'Q142' or null")
        return GoldActor(
            label=label,
            type=self.enum(ActorType, item, "type", where),
            wikidata=wikidata,
            aliases=self.strings(item, "aliases", where),
            acts_for=self.strings(item, "acts_for", where, single_ok=True),
            members=self.strings(item, "members", where),
        )

    def commitment(self, raw: object, where: str, text: str) -> GoldCommitment:
        item = self.mapping(raw, where)
        sentence = self.string(item, "sentence", where)
        locations = _occurrences(sentence, text)
        if not locations:
            raise self.fail(
                f"{where}.sentence",
                f"{_clip(sentence)!r} is not in the article text; copy it exactly from the "
                "article (after the front matter)",
            )
        optional = item.get("optional", False)
        if not isinstance(optional, bool):
            raise self.fail(f"{where}.optional", "must be true or false")
        return GoldCommitment(
            sentence=sentence,
            locations=locations,
            action=self.string(item, "action", where),
            polarity=self.enum(Polarity, item, "polarity", where),
            status=self.enum(Status, item, "status", where),
            debtor=self.names(item, "debtor", where),
            beneficiary=self.names(item, "beneficiary", where),
            requested_by=self.names(item, "requested_by", where),
            stated_by=self.names(item, "stated_by", where),
            status_also=tuple(
                self.enum_value(Status, s, f"{where}.status_also[{i}]")
                for i, s in enumerate(self.list_field(item, "status_also", where))
            ),
            conditions=tuple(
                self.condition(c, f"{where}.conditions[{i}]")
                for i, c in enumerate(self.list_field(item, "conditions", where))
            ),
            optional=optional,
        )

    def condition(self, raw: object, where: str) -> GoldCondition:
        item = self.mapping(raw, where)
        return GoldCondition(
            text=self.string(item, "text", where),
            type=self.enum(ConditionType, item, "type", where),
        )

    # -- field helpers -------------------------------------------------------------------

    def mapping(self, raw: object, where: str) -> Mapping[str, object]:
        if not isinstance(raw, dict):
            raise self.fail(where, "must be a JSON object")
        return raw

    def list_field(self, item: Mapping[str, object], key: str, where: str) -> list[object]:
        value = item.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{where}.{key}", "must be a JSON list")
        return value

    def items(self, top: Mapping[str, object], key: str) -> list[object]:
        value = top.get(key)
        if not isinstance(value, list):
            problem = "missing" if value is None else "must be a JSON list"
            raise self.fail(key, f"{problem}; give a list (it may be empty)")
        return value

    def string(self, item: Mapping[str, object], key: str, where: str) -> str:
        value = item.get(key)
        if not isinstance(value, str) or not value.strip():
            problem = "missing" if value is None else "must be a non-empty string"
            raise self.fail(f"{where}.{key}", problem)
        return unicodedata.normalize("NFC", value)

    def strings(
        self, item: Mapping[str, object], key: str, where: str, *, single_ok: bool = False
    ) -> tuple[str, ...]:
        value = item.get(key, [])
        if single_ok and isinstance(value, str):
            value = [value]
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"{where}.{key}", "must be a list of non-empty strings")
        return tuple(unicodedata.normalize("NFC", v) for v in value)

    def names(self, item: Mapping[str, object], key: str, where: str) -> tuple[str, ...]:
        names = self.strings(item, key, where)
        return self.check_names(names, f"{where}.{key}")

    def check_names(self, names: tuple[str, ...], where: str) -> tuple[str, ...]:
        """Give the canonical labels of `names`, each of which must be an actor's label."""
        canonical = []
        for name in names:
            label = self.labels.get(label_key(name))
            if label is None:
                raise self.fail(
                    where, f"{name!r} is not the label of an actor; add it to `actors` or fix it"
                )
            canonical.append(label)
        return tuple(canonical)

    def enum(self, kind: type[E], item: Mapping[str, object], key: str, where: str) -> E:
        if key not in item:
            raise self.fail(f"{where}.{key}", f"missing; give one of: {_choices(kind)}")
        return self.enum_value(kind, item[key], f"{where}.{key}")

    def enum_value(self, kind: type[E], value: object, where: str) -> E:
        # Gold files write statuses and polarities in lower case, actor types as class names.
        for member in kind:
            if isinstance(value, str) and value.casefold() == str(member.value).casefold():
                return member
        raise self.fail(where, f"{value!r} is not one of: {_choices(kind)}")


def _choices(kind: type[Enum]) -> str:
    # Actor types are written as class names ("State"), everything else in lower case.
    names = (str(m.value) if kind is ActorType else str(m.value).lower() for m in kind)
    return ", ".join(sorted(names))


def _occurrences(needle: str, text: str) -> tuple[Span, ...]:
    """Give every place `needle` occurs in `text`: exactly, or else loosely.

    Loosely: curly and straight quotes alike, any run of white space as one space, so a
    gold sentence copied through an editor that changed them is still found.
    """
    exact = tuple(_find_all(needle, text))
    if exact:
        return exact
    loose_text, positions = _loose(text)
    loose_needle = _loose(needle)[0].strip()
    return tuple(
        Span(positions[at.start], positions[at.end - 1] + 1,
             text[positions[at.start] : positions[at.end - 1] + 1])
        for at in _find_all(loose_needle, loose_text)
    )


def _find_all(needle: str, text: str) -> Iterator[Span]:
    start = text.find(needle) if needle else -1
    while start >= 0:
        yield Span(start, start + len(needle), needle)
        start = text.find(needle, start + 1)


def _loose(text: str) -> tuple[str, list[int]]:
    """Give `text` with straight quotes and single spaces, and each character's old index."""
    chars: list[str] = []
    positions: list[int] = []
    for i, char in enumerate(straighten(text)):
        if char.isspace():
            if chars and chars[-1] == " ":
                continue
            char = " "
        chars.append(char)
        positions.append(i)
    return "".join(chars), positions


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
