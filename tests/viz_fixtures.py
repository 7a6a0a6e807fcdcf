"""Hand-made datasets for the viewer tests: two small articles and one full of payloads."""

from __future__ import annotations

from rdflib import Dataset

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

BASE = "https://w3id.org/kgbuild/id/"
FRANCE, GERMANY, UKRAINE = BASE + "actor/france", BASE + "actor/germany", BASE + "actor/ukraine"
MACRON, E3, USA = BASE + "actor/macron", BASE + "actor/e3", BASE + "actor/usa"
PARIS, BERLIN = BASE + "article/paris", BASE + "article/berlin"

PARIS_TEXT = (
    "France and Germany pledged to send troops to Ukraine once a peace deal is achieved. "
    "Macron ruled out sending ground troops. "
    "Washington urged Germany to raise defence spending."
)
BERLIN_TEXT = "Germany signaled it is ready to deliver air defence to Ukraine."


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def paris() -> Extraction:
    t = PARIS_TEXT
    article = Article(id="paris", text=t, title="Paris summit", date="2025-09-04")
    actors = (
        Actor("france", "France", ActorType.STATE, "Q142", mentions=(span(t, "France"),)),
        Actor("germany", "Germany", ActorType.STATE, "Q183"),
        Actor("ukraine", "Ukraine", ActorType.STATE, "Q212"),
        Actor("macron", "Emmanuel Macron", ActorType.PERSON, "Q3052772", acts_for=("france",)),
        Actor("e3", "E3", ActorType.GROUP, members=("france", "germany")),
        Actor("usa", "United States", ActorType.STATE, "Q30"),
    )
    troops = Commitment(
        "send troops",
        Polarity.POSITIVE,
        Status.PLEDGED,
        span(t, t.split(". ")[0] + "."),
        debtors=("france", "germany"),
        beneficiaries=("ukraine",),
        conditions=(
            Condition(
                "a peace deal is achieved",
                ConditionType.PREREQUISITE,
                span(t, "a peace deal is achieved"),
            ),
        ),
    )
    refusal = Commitment(
        "sending ground troops",
        Polarity.NEGATIVE,
        Status.PLEDGED,
        span(t, "Macron ruled out sending ground troops."),
        debtors=("macron",),
        stated_by=("macron",),
    )
    demand = Commitment(
        "raise defence spending",
        Polarity.POSITIVE,
        Status.DEMANDED,
        span(t, "Washington urged Germany to raise defence spending."),
        debtors=("germany",),
        requested_by=("usa",),
    )
    return Extraction(article, actors, (troops, refusal, demand))


def berlin() -> Extraction:
    t = BERLIN_TEXT
    article = Article(id="berlin", text=t, title="Berlin briefing", date="2025-09-10")
    actors = (
        Actor("germany", "Germany", ActorType.STATE, "Q183"),
        Actor("ukraine", "Ukraine", ActorType.STATE, "Q212"),
    )
    offer = Commitment(
        "deliver air defence",
        Polarity.POSITIVE,
        Status.SIGNALED,
        span(t, t),
        debtors=("germany",),
        beneficiaries=("ukraine",),
    )
    return Extraction(article, actors, (offer,))


def dataset_of(*extractions: Extraction) -> Dataset:
    dataset = new_dataset()
    for extraction in extractions:
        add_extraction(dataset, extraction, IriMinter())
    return dataset


def commitment_iri(extraction: Extraction, index: int) -> str:
    return str(IriMinter().commitment(extraction.article.id, extraction.commitments[index]))


def condition_iri(extraction: Extraction) -> str:
    condition = extraction.commitments[0].conditions[0]
    return str(IriMinter().condition(extraction.article.id, condition))


TROOPS, REFUSAL, DEMAND = (commitment_iri(paris(), i) for i in range(3))
OFFER = commitment_iri(berlin(), 0)
PEACE_DEAL = condition_iri(paris())


PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "\"'><svg onload=alert(1)>",
)


def payload_dataset() -> Dataset:
    """Give an article whose actor names, actions and quoted sentence carry injection payloads."""
    a, b, c = PAYLOADS
    text = f"The {a} state pledged to {b} for {c} once {a} happens."
    article = Article(id="evil", text=text, title=f"Evil {c} title", date="2025-01-01")
    actors = (
        Actor("evil-state", f"{a} state", ActorType.STATE, mentions=(span(text, a),)),
        Actor("evil-group", c, ActorType.GROUP),
    )
    commitment = Commitment(
        b,
        Polarity.NEGATIVE,
        Status.PLEDGED,
        span(text, text),
        debtors=("evil-state",),
        beneficiaries=("evil-group",),
        conditions=(Condition(f"{a} happens", ConditionType.TRIGGER, span(text, f"{a} happens")),),
    )
    return dataset_of(Extraction(article, actors, (commitment,)))
