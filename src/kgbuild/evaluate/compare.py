"""Scoring one article's extraction against its gold annotation."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..records import Actor, Commitment, Condition, Extraction, Span
from .gold import Gold, GoldActor, GoldCommitment, GoldCondition
from .matching import (
    ACTION_SIMILARITY,
    CONDITION_SIMILARITY,
    actor_key_label,
    greedy_pairs,
    jaccard,
    label_key,
    same_qid,
    text_similarity,
)
from .scores import ArticleScores, Counts, Figures, Finding, Tally

# How a predicted actor was recognised as a gold actor, best first.
BY_LABEL, BY_ALIAS, BY_KEY = 0, 1, 2


def actor_match(gold: GoldActor, actor: Actor) -> int | None:
    """Give how `actor` is recognised as `gold` (BY_LABEL, BY_ALIAS, BY_KEY), or None."""
    label = label_key(actor.label)
    if label == label_key(gold.label):
        return BY_LABEL
    if label in {label_key(alias) for alias in gold.aliases}:
        return BY_ALIAS
    if actor_key_label(actor.key) == label_key(gold.label):
        return BY_KEY
    return None


@dataclass(frozen=True, slots=True)
class _Names:
    """Predicted actor keys resolved to comparable names: a gold label where one fits."""

    canon: dict[str, str]  # predicted key -> "gold:<label>" or "pred:<label key>"
    shown: dict[str, str]  # predicted key -> the label to print
    gold_labels: frozenset[str]  # the label keys of the gold actors

    @classmethod
    def resolve(cls, gold: Gold, actors: tuple[Actor, ...]) -> _Names:
        canon, shown = {}, {}
        gold_labels = frozenset(label_key(g.label) for g in gold.actors)
        for actor in actors:
            ranked = [
                (rank, gi)
                for gi, g in enumerate(gold.actors)
                if (rank := actor_match(g, actor)) is not None
            ]
            if ranked:
                canon[actor.key] = _gold_name(gold.actors[min(ranked)[1]].label)
            else:
                canon[actor.key] = "pred:" + label_key(actor.label)
            shown[actor.key] = actor.label
        return cls(canon, shown, gold_labels)

    def of(self, keys: tuple[str, ...]) -> frozenset[str]:
        """Give the comparable names of predicted actor keys."""
        return frozenset(self.canon.get(k) or self._dangling(k) for k in keys)

    def _dangling(self, key: str) -> str:
        # A key with no actor record still names something: compare it by its own form.
        form = actor_key_label(key)
        return ("gold:" if form in self.gold_labels else "pred:") + form

    def show(self, keys: tuple[str, ...]) -> str:
        return _show_names(self.shown.get(k, k) for k in keys)


def _gold_name(label: str) -> str:
    return "gold:" + label_key(label)


def _show_names(names: Iterable[str]) -> str:
    listed = sorted(set(names))
    return ", ".join(listed) if listed else "(none)"


def score_article(extraction: Extraction, gold: Gold) -> ArticleScores:
    """Give the figures of one extraction against its gold annotation, with the findings."""
    judge = _Judge(extraction, gold)
    figures = judge.run()
    article = extraction.article
    return ArticleScores(article.id, article.path, gold.path, figures, tuple(judge.findings))


class _Judge:
    """Pairs predictions with gold items and tallies every figure of one article."""

    def __init__(self, extraction: Extraction, gold: Gold) -> None:
        self.extraction = extraction
        self.gold = gold
        self.names = _Names.resolve(gold, extraction.actors)
        self.findings: list[Finding] = []

    def run(self) -> Figures:
        commitments, polarity, status, debtors = Counts(), Tally(), Tally(), Tally()
        conditions, condition_types = Counts(), Tally()
        golds, preds = self.gold.commitments, self.extraction.commitments
        pairs = greedy_pairs(self.commitment_candidates())
        paired_gold = {gi for gi, _ in pairs}
        paired_pred = {pi for _, pi in pairs}
        for gi, pi in pairs:
            g, p = golds[gi], preds[pi]
            if g.optional:
                continue  # an optional item found is neither a hit nor an error
            commitments += Counts(tp=1)
            polarity += self.judge_polarity(g, p)
            status += self.judge_status(g, p)
            debtors += self.judge_debtors(g, p)
            found, types = self.judge_conditions(g, p)
            conditions += found
            condition_types += types
        for gi, g in enumerate(golds):
            if gi in paired_gold or g.optional:
                continue
            commitments += Counts(fn=1)
            self.note("miss", _describe_gold(g), sentence=self.context(g.locations[0]))
            conditions += self.judge_conditions(g, None)[0]
        for pi, p in enumerate(preds):
            if pi in paired_pred:
                continue
            commitments += Counts(fp=1)
            self.note("extra", self.describe(p), sentence=self.context(p.evidence))
            conditions += self.judge_conditions(None, p)[0]
        return Figures(
            commitments=commitments,
            polarity=polarity,
            status=status,
            debtors=debtors,
            conditions=conditions,
            condition_types=condition_types,
            actors=self.judge_actors(),
            links=self.judge_links(),
            bad_spans=self.judge_spans(),
        )

    # -- commitments ---------------------------------------------------------------------

    def commitment_candidates(self) -> Iterator[tuple[tuple[float | int, ...], int, int]]:
        """Give every (gold, prediction) pair that may match, keyed for greedy pairing."""
        for gi, g in enumerate(self.gold.commitments):
            gold_debtors = frozenset(_gold_name(d) for d in g.debtor)
            for pi, p in enumerate(self.extraction.commitments):
                # Same sentence: the prediction's evidence overlaps the located gold substring.
                if not any(p.evidence.overlaps(where) for where in g.locations):
                    continue
                debtor_overlap = jaccard(gold_debtors, self.names.of(p.debtors))
                action = text_similarity(g.action, p.action, ACTION_SIMILARITY)
                if debtor_overlap == 0 and action is None:
                    continue
                score = debtor_overlap + (action or 0.0)
                # Best score first; on a tie a required gold item before an optional one.
                yield (-score, int(g.optional)), gi, pi

    def judge_polarity(self, g: GoldCommitment, p: Commitment) -> Tally:
        if p.polarity is g.polarity:
            return Tally(1, 1)
        self.note("polarity", repr(g.action), _lower(g.polarity.value), _lower(p.polarity.value),
                  self.context(p.evidence))
        return Tally(0, 1)

    def judge_status(self, g: GoldCommitment, p: Commitment) -> Tally:
        if p.status in g.statuses:
            return Tally(1, 1)
        expected = _lower(g.status.value)
        if g.status_also:
            expected += " (or " + ", ".join(_lower(s.value) for s in g.status_also) + ")"
        self.note("status", repr(g.action), expected, _lower(p.status.value),
                  self.context(p.evidence))
        return Tally(0, 1)

    def judge_debtors(self, g: GoldCommitment, p: Commitment) -> Tally:
        if frozenset(_gold_name(d) for d in g.debtor) == self.names.of(p.debtors):
            return Tally(1, 1)
        self.note("debtors", repr(g.action), _show_names(g.debtor), self.names.show(p.debtors),
                  self.context(p.evidence))
        return Tally(0, 1)

    # -- conditions ----------------------------------------------------------------------

    def judge_conditions(
        self, g: GoldCommitment | None, p: Commitment | None
    ) -> tuple[Counts, Tally]:
        """Pair the conditions of a matched pair; those of a lone side are all misses/extras."""
        gold_conditions: tuple[GoldCondition, ...] = g.conditions if g else ()
        predicted: tuple[Condition, ...] = p.conditions if p else ()
        candidates = (
            ((-score,), gi, pi)
            for gi, gc in enumerate(gold_conditions)
            for pi, pc in enumerate(predicted)
            if (score := text_similarity(gc.text, pc.text, CONDITION_SIMILARITY)) is not None
        )
        pairs = greedy_pairs(candidates)
        types = Tally()
        for gi, pi in pairs:
            gc, pc = gold_conditions[gi], predicted[pi]
            types += Tally(int(gc.type is pc.type), 1)
            if gc.type is not pc.type:
                self.note("condition-type", repr(gc.text), _lower(gc.type.value),
                          _lower(pc.type.value), self.context(pc.evidence))
        paired_gold = {gi for gi, _ in pairs}
        paired_pred = {pi for _, pi in pairs}
        for gi, gc in enumerate(gold_conditions):
            if gi not in paired_gold and g is not None:
                why = "" if p else "(commitment not found)"
                self.note("condition-miss", repr(gc.text), _lower(gc.type.value), why,
                          self.context(g.locations[0]))
        for pi, pc in enumerate(predicted):
            if pi not in paired_pred:
                why = "" if g else "(commitment not in gold)"
                self.note("condition-extra", repr(pc.text), why, _lower(pc.type.value),
                          self.context(pc.evidence))
        counts = Counts(
            tp=len(pairs),
            fp=len(predicted) - len(pairs),
            fn=len(gold_conditions) - len(pairs),
        )
        return counts, types

    # -- actors --------------------------------------------------------------------------

    def best_actor(self, g: GoldActor) -> Actor | None:
        """Give the predicted actor recognised as `g` best (label, alias, key; text order)."""
        ranked = [
            (rank, pi)
            for pi, actor in enumerate(self.extraction.actors)
            if (rank := actor_match(g, actor)) is not None
        ]
        return self.extraction.actors[min(ranked)[1]] if ranked else None

    def judge_actors(self) -> Tally:
        found = 0
        for g in self.gold.actors:
            if self.best_actor(g) is not None:
                found += 1
            else:
                self.note("actor-miss", f"{g.label} ({g.type.value})")
        return Tally(found, len(self.gold.actors))

    def judge_links(self) -> Tally:
        links = Tally()
        for g in self.gold.actors:
            actor = self.best_actor(g)
            if g.wikidata is None or actor is None:
                continue
            right = same_qid(g.wikidata, actor.wikidata)
            links += Tally(int(right), 1)
            if not right:
                self.note("link", g.label, g.wikidata, actor.wikidata or "(none)")
        return links

    # -- spans ---------------------------------------------------------------------------

    def judge_spans(self) -> int:
        """Count the distinct spans whose offsets do not reproduce their text."""
        text = self.extraction.article.text
        bad = 0
        for span, owner in _spans(self.extraction):
            inside = 0 <= span.start <= span.end <= len(text)
            actual = text[span.start : span.end] if inside else "(out of range)"
            if not inside or actual != span.text:
                bad += 1
                self.note("bad-span", f"{owner} [{span.start}:{span.end}]", repr(actual),
                          repr(span.text))
        return bad

    # -- reporting -----------------------------------------------------------------------

    def note(
        self, kind: str, what: str, gold: str = "", predicted: str = "", sentence: str = ""
    ) -> None:
        self.findings.append(Finding(kind, what, gold, predicted, sentence))

    def context(self, span: Span) -> str:
        """Give the sentence holding `span` (the span's own text if sentences are unknown)."""
        for sentence in self.extraction.sentences:
            if sentence.start <= span.start < sentence.end:
                return _one_line(sentence.text)
        return _one_line(span.text)

    def describe(self, p: Commitment) -> str:
        who = self.names.show(p.debtors) if p.debtors else "(no debtor)"
        if p.requested_by:
            who += " asked by " + self.names.show(p.requested_by)
        return f"{who}: {p.action!r} ({_lower(p.polarity.value)}, {_lower(p.status.value)})"


def _describe_gold(g: GoldCommitment) -> str:
    who = _show_names(g.debtor) if g.debtor else "(no debtor)"
    if g.requested_by:
        who += " asked by " + _show_names(g.requested_by)
    return f"{who}: {g.action!r} ({_lower(g.polarity.value)}, {_lower(g.status.value)})"


def _spans(extraction: Extraction) -> Iterator[tuple[Span, str]]:
    """Give every distinct span in an extraction with what it belongs to, in a fixed order."""
    seen: set[Span] = set()

    def fresh(items: list[tuple[Span | None, str]]) -> Iterator[tuple[Span, str]]:
        for span, owner in items:
            if span is not None and span not in seen:
                seen.add(span)
                yield span, owner

    article = extraction.article
    yield from fresh([(article.headline, "headline"), (article.dateline, "dateline"),
                      (article.boilerplate, "boilerplate")])
    yield from fresh([(s, "heading") for s in article.headings])
    yield from fresh([(s, "sentence") for s in extraction.sentences])
    for actor in extraction.actors:
        yield from fresh([(m, f"mention of {actor.label}") for m in actor.mentions])
    for i, c in enumerate(extraction.commitments):
        yield from fresh([(c.evidence, f"commitment {i} evidence"), (c.cue, f"commitment {i} cue")])
        yield from fresh([(k.evidence, f"commitment {i} condition") for k in c.conditions])


def _lower(value: str) -> str:
    return value.lower()


def _one_line(text: str) -> str:
    return " ".join(text.split())


__all__ = ["actor_match", "score_article"]
