"""The cue lexicons in `data/lexicons/`, loaded into one typed, immutable `Lexicon`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..errors import DataFileError
from ..records import ConditionType, Status
from . import load_yaml

LEMMA_POS = ("verb", "noun", "adj")  # the parts of speech lemmas.yaml may correct
REFUSED = "refused"  # readiness/noun cue value meaning "a refusal" (negative, pledged)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every cue word kgbuild's rules read; rules never spell a cue word themselves."""

    commissive_verbs: Mapping[str, Status]
    litotes_verbs: Mapping[str, Status]
    readiness_adjectives: Mapping[str, Status | None]  # None: a refusal ("unwilling")
    commissive_nouns: Mapping[str, Status | None]
    hedge_adjectives: frozenset[str]
    refusal_verbs: frozenset[str]
    refusal_particles: Mapping[str, str]
    refusal_preps: frozenset[str]
    demand_verbs: frozenset[str]
    request_nouns: frozenset[str]
    demand_object_verbs: frozenset[str]
    asking_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    demand_preps: frozenset[str]
    demand_source_preps: frozenset[str]
    demand_that_verbs: frozenset[str]
    formal_verbs: frozenset[str]
    formal_phrases: frozenset[str]
    fulfilled_verbs: frozenset[str]
    publication_nouns: frozenset[str]
    fulfilled_phrases: frozenset[str]
    passive_undertaking_verbs: frozenset[str]
    permission_verbs: frozenset[str]
    deliberation_verbs: frozenset[str]
    undertaking_event_nouns: frozenset[str]
    proceed_verbs: frozenset[str]
    withdrawn_verbs: frozenset[str]
    withdrawn_phrases: frozenset[str]
    non_action_verbs: frozenset[str]
    event_verbs: frozenset[str]
    role_verbs: frozenset[str]
    object_act_verbs: frozenset[str]
    speech_objects: frozenset[str]
    event_objects: frozenset[str]
    resumption_verbs: frozenset[str]
    arranging_verbs: frozenset[str]
    object_taking_verbs: frozenset[str]
    to_object_verbs: frozenset[str]
    object_control_verbs: frozenset[str]
    experience_adverbs: frozenset[str]
    on_behalf_verbs: frozenset[str]
    forecast_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    non_commissive_marks: frozenset[str]
    list_nouns: frozenset[str]
    hedged_only_nouns: frozenset[str]
    agreement_nouns: frozenset[str]
    agreement_verbs: frozenset[str]
    mutual_verbs: frozenset[str]
    undertaking_nouns: frozenset[str]
    hearsay_nouns: frozenset[str]
    commentator_nouns: frozenset[str]
    forecast_adverbs: frozenset[str]
    endorsement_verbs: frozenset[str]
    unendorsed_objects: frozenset[str]
    counterpart_nouns: frozenset[str]
    pair_nouns: frozenset[str]
    pair_person_nouns: frozenset[str]
    pair_official_nouns: frozenset[str]
    leader_posts: frozenset[str]
    counterpart_quantifiers: frozenset[str]
    hostile_nouns: frozenset[str]
    modal_status: Mapping[str, Status]
    demanded_semi_modals: frozenset[str]
    future_semi_modals: frozenset[str]
    pending_adverbs: frozenset[str]
    negative_pronouns: frozenset[str]
    stance_verbs: frozenset[str]
    negators: frozenset[str]
    negative_determiners: frozenset[str]
    condition_markers: Mapping[str, ConditionType]
    condition_first_words: frozenset[str]  # the first word of each marker
    condition_negations: frozenset[str]
    focus_adverbs: frozenset[str]
    condition_idioms: frozenset[str]
    compliance_markers: frozenset[str]
    compliance_verbs: frozenset[str]
    party_nouns: frozenset[str]
    party_pronouns: frozenset[str]
    hostile_verbs: frozenset[str]
    time_nouns: frozenset[str]
    cause_marks: frozenset[str]
    open_ended_markers: frozenset[str]
    inverted_conditionals: frozenset[str]
    verbal_markers: frozenset[str]
    temporal_markers: frozenset[str]
    lasting_markers: frozenset[str]
    lasting_verbs: frozenset[str]
    awaiting_markers: frozenset[str]
    reporting_verbs: frozenset[str]
    reporting_phrases: frozenset[str]  # verb lemma + adjective: "make clear"
    reporting_phrase_verbs: frozenset[str]  # their verbs, for a quick first test
    contrast_marks: frozenset[str]
    attribution_words: frozenset[str]
    group_nouns: frozenset[str]
    group_adjectives: frozenset[str]
    collective_nouns: frozenset[str]
    group_quantifiers: frozenset[str]
    # Each group adjective as a label writes it, by its lower-case form ("western" ->
    # "Western"): a group has one label whether a sentence starts with it or not.
    group_adjective_forms: Mapping[str, str]

    @property
    def phrases(self) -> dict[str, frozenset[str]]:
        """Multi-word cue phrases by label, for the spaCy phrase matcher."""
        return {
            "FORMAL": self.formal_phrases,
            "WITHDRAWN": self.withdrawn_phrases,
            "CONDITION": frozenset(m for m in self.condition_markers if " " in m),
            "CONDITION_IDIOM": self.condition_idioms,
        }


def _words(data: Mapping[str, Any], key: str, source: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{source}: '{key}' must be a list of strings.")
    return frozenset(v.lower() for v in value)


def _statuses(
    data: Mapping[str, Any], key: str, source: str, allow_refused: bool = False
) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise DataFileError(f"{source}: '{key}' must be a mapping of word to status.")
    result: dict[str, Any] = {}
    for word, status in value.items():
        if allow_refused and status == REFUSED:
            result[str(word).lower()] = None
            continue
        try:
            result[str(word).lower()] = Status[str(status).upper()]
        except KeyError:
            known = ", ".join(s.name.lower() for s in Status)
            raise DataFileError(
                f"{source}: '{key}.{word}' has unknown status {status!r}; use one of: {known}."
            ) from None
    return result


@cache
def load_lemma_fixes() -> dict[str, dict[str, str]]:
    """Give `lemmas.yaml` as part of speech -> word form -> lemma (lowercase)."""
    data = load_yaml("lexicons", "lemmas.yaml")
    if not isinstance(data, dict):
        raise DataFileError("lemmas.yaml: must map a part of speech to lemma: [forms].")
    fixes: dict[str, dict[str, str]] = {}
    for pos, lemmas in data.items():
        if pos not in LEMMA_POS:
            raise DataFileError(
                f"lemmas.yaml: unknown part of speech {pos!r}; use one of: {', '.join(LEMMA_POS)}."
            )
        if not isinstance(lemmas, dict):
            raise DataFileError(f"lemmas.yaml: '{pos}' must map a lemma to a list of forms.")
        fixes[str(pos)] = {
            form: str(lemma).lower()
            for lemma in lemmas
            for form in _words(lemmas, lemma, "lemmas.yaml")
        }
    return fixes


@cache
def load_lexicon() -> Lexicon:
    """Give the packaged lexicons (parsed and checked once per process)."""
    pred = load_yaml("lexicons", "predicates.yaml")
    modals = load_yaml("lexicons", "modals.yaml")
    cond = load_yaml("lexicons", "conditions.yaml")
    speech = load_yaml("lexicons", "speech.yaml")
    modal_status: dict[str, Status] = {}
    for status_name in ("pledged", "considered", "demanded"):
        for word in _words(modals, status_name, "modals.yaml"):
            modal_status[word] = Status[status_name.upper()]
    markers: dict[str, ConditionType] = {}
    for marker, kind in (cond.get("markers") or {}).items():
        try:
            markers[str(marker).lower()] = ConditionType[str(kind).upper()]
        except KeyError:
            raise DataFileError(
                f"conditions.yaml: marker {marker!r} has unknown type {kind!r}; use one of: "
                + ", ".join(t.name.lower() for t in ConditionType)
                + "."
            ) from None
    particles = pred.get("refusal_particles") or {}
    return Lexicon(
        commissive_verbs=_statuses(pred, "commissive_verbs", "predicates.yaml"),
        litotes_verbs=_statuses(pred, "litotes_verbs", "predicates.yaml"),
        readiness_adjectives=_statuses(pred, "readiness_adjectives", "predicates.yaml", True),
        commissive_nouns=_statuses(pred, "commissive_nouns", "predicates.yaml", True),
        hedge_adjectives=_words(pred, "hedge_adjectives", "predicates.yaml"),
        refusal_verbs=_words(pred, "refusal_verbs", "predicates.yaml"),
        refusal_particles={str(k): str(v) for k, v in particles.items()},
        refusal_preps=_words(pred, "refusal_preps", "predicates.yaml"),
        demand_verbs=_words(pred, "demand_verbs", "predicates.yaml"),
        request_nouns=_words(pred, "request_nouns", "predicates.yaml"),
        demand_object_verbs=_words(pred, "demand_object_verbs", "predicates.yaml"),
        asking_verbs=_words(pred, "asking_verbs", "predicates.yaml"),
        intent_verbs=_words(pred, "intent_verbs", "predicates.yaml"),
        demand_preps=_words(pred, "demand_preps", "predicates.yaml"),
        demand_source_preps=_words(pred, "demand_source_preps", "predicates.yaml"),
        demand_that_verbs=_words(pred, "demand_that_verbs", "predicates.yaml"),
        formal_verbs=_words(pred, "formal_verbs", "predicates.yaml"),
        formal_phrases=_words(pred, "formal_phrases", "predicates.yaml"),
        fulfilled_verbs=_words(pred, "fulfilled_verbs", "predicates.yaml"),
        publication_nouns=_words(pred, "publication_nouns", "predicates.yaml"),
        fulfilled_phrases=_words(pred, "fulfilled_phrases", "predicates.yaml"),
        passive_undertaking_verbs=_words(pred, "passive_undertaking_verbs", "predicates.yaml"),
        permission_verbs=_words(pred, "permission_verbs", "predicates.yaml"),
        deliberation_verbs=_words(pred, "deliberation_verbs", "predicates.yaml"),
        undertaking_event_nouns=_words(pred, "undertaking_event_nouns", "predicates.yaml"),
        proceed_verbs=_words(pred, "proceed_verbs", "predicates.yaml"),
        withdrawn_verbs=_words(pred, "withdrawn_verbs", "predicates.yaml"),
        withdrawn_phrases=_words(pred, "withdrawn_phrases", "predicates.yaml"),
        non_action_verbs=_words(pred, "non_action_verbs", "predicates.yaml"),
        event_verbs=_words(pred, "event_verbs", "predicates.yaml"),
        role_verbs=_words(pred, "role_verbs", "predicates.yaml"),
        object_act_verbs=_words(pred, "object_act_verbs", "predicates.yaml"),
        speech_objects=_words(pred, "speech_objects", "predicates.yaml"),
        event_objects=_words(pred, "event_objects", "predicates.yaml"),
        resumption_verbs=_words(pred, "resumption_verbs", "predicates.yaml"),
        arranging_verbs=_words(pred, "arranging_verbs", "predicates.yaml"),
        object_taking_verbs=_words(pred, "object_taking_verbs", "predicates.yaml"),
        to_object_verbs=_words(pred, "to_object_verbs", "predicates.yaml"),
        object_control_verbs=_words(pred, "object_control_verbs", "predicates.yaml"),
        experience_adverbs=_words(pred, "experience_adverbs", "predicates.yaml"),
        on_behalf_verbs=_words(pred, "on_behalf_verbs", "predicates.yaml"),
        forecast_verbs=_words(pred, "forecast_verbs", "predicates.yaml"),
        addressee_verbs=_words(pred, "addressee_verbs", "predicates.yaml"),
        belief_verbs=_words(pred, "belief_verbs", "predicates.yaml"),
        non_commissive_marks=_words(pred, "non_commissive_marks", "predicates.yaml"),
        list_nouns=_words(pred, "list_nouns", "predicates.yaml"),
        hedged_only_nouns=_words(pred, "hedged_only_nouns", "predicates.yaml"),
        agreement_nouns=_words(pred, "agreement_nouns", "predicates.yaml"),
        agreement_verbs=_words(pred, "agreement_verbs", "predicates.yaml"),
        mutual_verbs=_words(pred, "mutual_verbs", "predicates.yaml"),
        undertaking_nouns=_words(pred, "undertaking_nouns", "predicates.yaml"),
        hearsay_nouns=_words(pred, "hearsay_nouns", "predicates.yaml"),
        commentator_nouns=_words(pred, "commentator_nouns", "predicates.yaml"),
        forecast_adverbs=_words(pred, "forecast_adverbs", "predicates.yaml"),
        endorsement_verbs=_words(pred, "endorsement_verbs", "predicates.yaml"),
        unendorsed_objects=_words(pred, "unendorsed_objects", "predicates.yaml"),
        counterpart_nouns=_words(pred, "counterpart_nouns", "predicates.yaml"),
        pair_nouns=_words(pred, "pair_nouns", "predicates.yaml"),
        pair_person_nouns=_words(pred, "pair_person_nouns", "predicates.yaml"),
        pair_official_nouns=_words(pred, "pair_official_nouns", "predicates.yaml"),
        leader_posts=_words(pred, "leader_posts", "predicates.yaml"),
        counterpart_quantifiers=_words(pred, "counterpart_quantifiers", "predicates.yaml"),
        hostile_nouns=_words(pred, "hostile_nouns", "predicates.yaml"),
        modal_status=modal_status,
        demanded_semi_modals=_words(modals, "demanded_verbs", "modals.yaml"),
        future_semi_modals=_words(modals, "future_verbs", "modals.yaml"),
        pending_adverbs=_words(modals, "pending_adverbs", "modals.yaml"),
        negative_pronouns=_words(modals, "negative_pronouns", "modals.yaml"),
        stance_verbs=_words(modals, "stance_verbs", "modals.yaml"),
        negators=_words(modals, "negators", "modals.yaml"),
        negative_determiners=_words(modals, "negative_determiners", "modals.yaml"),
        condition_markers=markers,
        condition_first_words=frozenset(m.split()[0] for m in markers),
        condition_negations=_words(cond, "negations", "conditions.yaml"),
        focus_adverbs=_words(cond, "focus_adverbs", "conditions.yaml"),
        condition_idioms=_words(cond, "idioms", "conditions.yaml"),
        compliance_markers=_words(cond, "compliance_markers", "conditions.yaml"),
        compliance_verbs=_words(cond, "compliance_verbs", "conditions.yaml"),
        party_nouns=_words(cond, "party_nouns", "conditions.yaml"),
        party_pronouns=_words(cond, "party_pronouns", "conditions.yaml"),
        hostile_verbs=_words(cond, "hostile_verbs", "conditions.yaml"),
        time_nouns=_words(cond, "time_nouns", "conditions.yaml"),
        cause_marks=_words(cond, "cause_marks", "conditions.yaml"),
        open_ended_markers=_words(cond, "open_ended_markers", "conditions.yaml"),
        inverted_conditionals=_words(cond, "inverted_conditionals", "conditions.yaml"),
        verbal_markers=_words(cond, "verbal_markers", "conditions.yaml"),
        temporal_markers=_words(cond, "temporal_markers", "conditions.yaml"),
        lasting_markers=_words(cond, "lasting_markers", "conditions.yaml"),
        lasting_verbs=_words(cond, "lasting_verbs", "conditions.yaml"),
        awaiting_markers=_words(cond, "awaiting_markers", "conditions.yaml"),
        reporting_verbs=_words(speech, "reporting_verbs", "speech.yaml"),
        reporting_phrases=_words(speech, "reporting_phrases", "speech.yaml"),
        reporting_phrase_verbs=frozenset(
            phrase.split()[0] for phrase in _words(speech, "reporting_phrases", "speech.yaml")
        ),
        contrast_marks=_words(speech, "contrast_marks", "speech.yaml"),
        attribution_words=_words(speech, "attribution_words", "speech.yaml"),
        group_nouns=_words(speech, "group_nouns", "speech.yaml"),
        group_adjectives=_words(speech, "group_adjectives", "speech.yaml"),
        collective_nouns=_words(speech, "collective_nouns", "speech.yaml"),
        group_quantifiers=_words(speech, "group_quantifiers", "speech.yaml"),
        group_adjective_forms={
            word.lower(): word for word in speech.get("group_adjectives", [])
        },
    )
