"""Typed, immutable records passed between pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class ActorType(Enum):
    """The kind of an actor; values are the `kgb:` class names."""

    PERSON = "Person"
    STATE = "State"
    ORGANIZATION = "Organization"
    GROUP = "ActorGroup"


class Polarity(Enum):
    """Whether the debtor would do the action (positive) or not do it (negative)."""

    POSITIVE = "Positive"
    NEGATIVE = "Negative"


class Status(Enum):
    """How far an undertaking has gone; values are the `kgb:` concept names."""

    DEMANDED = "Demanded"
    CONSIDERED = "Considered"
    SIGNALED = "Signaled"
    PLEDGED = "Pledged"
    FORMALIZED = "Formalized"
    FULFILLED = "Fulfilled"
    WITHDRAWN = "Withdrawn"


class ConditionType(Enum):
    """What kind of dependency a condition expresses."""

    PREREQUISITE = "Prerequisite"
    TRIGGER = "Trigger"
    PROVISO = "Proviso"
    EXCEPTION = "Exception"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A stretch of an article's text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str

    def overlaps(self, other: Span) -> bool:
        """Say whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from disk: its text (NFC) and what the reader recognised in it."""

    id: str
    text: str
    path: str = ""
    title: str | None = None
    source: str | None = None
    date: str | None = None
    place: str | None = None
    headline: Span | None = None
    dateline: Span | None = None
    headings: tuple[Span, ...] = ()
    boilerplate: Span | None = None
    content_hash: str = ""

    @property
    def excluded(self) -> tuple[Span, ...]:
        """Regions that are not prose: headline, headings and trailing boilerplate."""
        spans = [s for s in (self.headline, self.boilerplate) if s is not None]
        return tuple(sorted([*spans, *self.headings]))


@dataclass(frozen=True, slots=True)
class Post:
    """An office a person holds, e.g. President of France."""

    key: str
    label: str
    of: str | None = None  # actor key of the state or organisation the post belongs to


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor in one article, with every place the article mentions it."""

    key: str
    label: str
    type: ActorType
    wikidata: str | None = None
    acts_for: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    post: Post | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Condition:
    """A state of affairs a commitment depends on, written without its marker word."""

    text: str
    type: ConditionType
    evidence: Span


@dataclass(frozen=True, slots=True)
class Commitment:
    """One reported undertaking about a future action."""

    action: str
    polarity: Polarity
    status: Status
    evidence: Span
    debtors: tuple[str, ...] = ()
    beneficiaries: tuple[str, ...] = ()
    requested_by: tuple[str, ...] = ()
    stated_by: tuple[str, ...] = ()
    conditions: tuple[Condition, ...] = ()
    cue: Span | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    sentences: tuple[Span, ...] = field(default=(), compare=False)
