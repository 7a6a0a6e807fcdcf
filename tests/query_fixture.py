"""A small hand-made dataset for the query, store, serve and interop tests.

Built from `kgbuild.records` with the real graph writer (`add_extraction`), so the query
library is tested on exactly the shape kgbuild writes, with rows known in advance, while
the extractor changes underneath.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kgbuild.export import write_outputs
from kgbuild.graph import add_extraction, new_dataset
from kgbuild.iris import IriMinter
from kgbuild.records import (
    Actor,
    ActorType,
    Article,
    Commitment,
    Condition,
    ConditionType,
    Extraction,
    Polarity,
    Span,
    Status,
)

PARIS_TEXT = (
    "France, Germany and Poland announced their readiness to extend security guarantees "
    "to Ukraine once a peace deal is achieved. "
    "The U.S. ruled out sending ground troops. "
    "Zelensky urged Europe to impose sanctions in the event of renewed Russian aggression. "
    "Macron said France is considering a reassurance force. "
    "Macron pledged to host a follow-up meeting."
)
IRAN_TEXT = (
    "The E3 will trigger the snapback mechanism unless Iran restores inspections. "
    "Iran refused to resume talks. "
    "Germany said it would not lift sanctions if Tehran keeps enriching uranium."
)


def span(text: str, phrase: str, nth: int = 1) -> Span:
    """Give the span of the `nth` occurrence of `phrase` in `text`."""
    start = -1
    for _ in range(nth):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase), phrase)


def paris() -> Extraction:
    """Give the Paris article: signaled, refused, demanded, considered and pledged commitments."""
    t = PARIS_TEXT
    article = Article(
        id="paris", text=t, title="Paris summit on guarantees", date="2025-09-04",
        source="https://example.org/paris",
    )
    actors = (
        Actor("france", "France", ActorType.STATE, "Q142",
              mentions=(span(t, "France"), span(t, "France", 2))),
        Actor("germany", "Germany", ActorType.STATE, "Q183", mentions=(span(t, "Germany"),)),
        Actor("poland", "Poland", ActorType.STATE, "Q36", mentions=(span(t, "Poland"),)),
        Actor("ukraine", "Ukraine", ActorType.STATE, "Q212", mentions=(span(t, "Ukraine"),)),
        Actor("united-states", "United States", ActorType.STATE, "Q30",
              mentions=(span(t, "U.S."),)),
        Actor("russia", "Russia", ActorType.STATE, "Q159", mentions=(span(t, "Russian"),)),
        Actor("european-union", "European Union", ActorType.ORGANIZATION, "Q458",
              mentions=(span(t, "Europe"),)),
        Actor("volodymyr-zelensky", "Volodymyr Zelensky", ActorType.PERSON, "Q3874799",
              acts_for=("ukraine",), mentions=(span(t, "Zelensky"),)),
        Actor("emmanuel-macron", "Emmanuel Macron", ActorType.PERSON, "Q3052772",
              acts_for=("france",), mentions=(span(t, "Macron"), span(t, "Macron", 2))),
    )
    commitments = (
        Commitment(
            action="extend security guarantees", polarity=Polarity.POSITIVE,
            status=Status.SIGNALED,
            evidence=span(t, "France, Germany and Poland announced their readiness to extend "
                          "security guarantees to Ukraine once a peace deal is achieved."),
            debtors=("france", "germany", "poland"), beneficiaries=("ukraine",),
            conditions=(Condition("a peace deal is achieved", ConditionType.PREREQUISITE,
                                  span(t, "a peace deal is achieved")),),
        ),
        Commitment(
            action="send ground troops", polarity=Polarity.NEGATIVE, status=Status.PLEDGED,
            evidence=span(t, "The U.S. ruled out sending ground troops."),
            debtors=("united-states",),
        ),
        Commitment(
            action="impose sanctions", polarity=Polarity.POSITIVE, status=Status.DEMANDED,
            evidence=span(t, "Zelensky urged Europe to impose sanctions in the event of "
                          "renewed Russian aggression."),
            debtors=("european-union",), requested_by=("volodymyr-zelensky",),
            conditions=(Condition("renewed Russian aggression", ConditionType.TRIGGER,
                                  span(t, "renewed Russian aggression")),),
        ),
        Commitment(
            action="deploy a reassurance force", polarity=Polarity.POSITIVE,
            status=Status.CONSIDERED,
            evidence=span(t, "Macron said France is considering a reassurance force."),
            debtors=("france",), stated_by=("emmanuel-macron",),
        ),
        Commitment(
            action="host a follow-up meeting", polarity=Polarity.POSITIVE,
            status=Status.PLEDGED,
            evidence=span(t, "Macron pledged to host a follow-up meeting."),
            debtors=("emmanuel-macron",),
        ),
    )
    return Extraction(article=article, actors=actors, commitments=commitments)


def iran() -> Extraction:
    """Give the Iran article (no date, no title): a group, an exception, two refusals."""
    t = IRAN_TEXT
    article = Article(id="iran", text=t)
    actors = (
        Actor("e3", "E3", ActorType.GROUP, members=("france", "germany", "united-kingdom"),
              mentions=(span(t, "E3"),)),
        Actor("iran", "Iran", ActorType.STATE, "Q794",
              mentions=(span(t, "Iran"), span(t, "Iran", 2), span(t, "Tehran"))),
        Actor("germany", "Germany", ActorType.STATE, "Q183", mentions=(span(t, "Germany"),)),
    )
    commitments = (
        Commitment(
            action="trigger the snapback mechanism", polarity=Polarity.POSITIVE,
            status=Status.PLEDGED,
            evidence=span(t, "The E3 will trigger the snapback mechanism unless Iran restores "
                          "inspections."),
            debtors=("e3",),
            conditions=(Condition("Iran restores inspections", ConditionType.EXCEPTION,
                                  span(t, "Iran restores inspections")),),
        ),
        Commitment(
            action="resume talks", polarity=Polarity.NEGATIVE, status=Status.PLEDGED,
            evidence=span(t, "Iran refused to resume talks."), debtors=("iran",),
        ),
        Commitment(
            action="lift sanctions", polarity=Polarity.NEGATIVE, status=Status.PLEDGED,
            evidence=span(t, "Germany said it would not lift sanctions if Tehran keeps "
                          "enriching uranium."),
            debtors=("germany",),
            conditions=(Condition("Tehran keeps enriching uranium", ConditionType.TRIGGER,
                                  span(t, "Tehran keeps enriching uranium")),),
        ),
    )
    return Extraction(article=article, actors=actors, commitments=commitments)


def fixture_dataset() -> Dataset:
    """Give the dataset of both hand-made articles, one named graph each."""
    dataset = new_dataset()
    minter = IriMinter()
    for extraction in (paris(), iran()):
        add_extraction(dataset, extraction, minter)
    return dataset


def write_fixture(directory: Path, formats: tuple[str, ...] = ("turtle", "trig")) -> Path:
    """Write the fixture dataset as graph.ttl / graph.trig / ... into `directory`; give it."""
    names = {"turtle": "graph.ttl", "trig": "graph.trig", "nquads": "graph.nq",
             "jsonld": "graph.jsonld"}
    write_outputs(fixture_dataset(), {directory / names[f]: f for f in formats})
    return directory
