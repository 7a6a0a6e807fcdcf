"""Counts and ratios of an evaluation: per article, and micro-averaged over a corpus."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives; ratios are None when undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        """Give tp / (tp + fp), or None when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """Give tp / (tp + fn), or None when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Give 2tp / (2tp + fp + fn), the harmonic mean of precision and recall."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None


@dataclass(frozen=True, slots=True)
class Tally:
    """How many of `total` judged items were right; `ratio` is None when none were judged."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.correct + other.correct, self.total + other.total)

    @property
    def ratio(self) -> float | None:
        """Give correct / total, or None when nothing was judged."""
        return self.correct / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Finding:
    """One disagreement between gold and prediction, for `--verbose`.

    `kind` is one of: miss, extra, polarity, status, debtors, condition-miss,
    condition-extra, condition-type, actor-miss, link, bad-span.
    """

    kind: str
    what: str
    gold: str = ""
    predicted: str = ""
    sentence: str = ""


@dataclass(frozen=True, slots=True)
class Figures:
    """The counts an evaluation measures; summed over articles, they give micro-averages."""

    commitments: Counts = Counts()
    polarity: Tally = Tally()
    status: Tally = Tally()
    debtors: Tally = Tally()
    conditions: Counts = Counts()
    condition_types: Tally = Tally()
    actors: Tally = Tally()
    links: Tally = Tally()
    bad_spans: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(Figures))
        )

    def summary(self) -> dict[str, float | int | None]:
        """Give the headline figures under flat names (the keys of `tests/eval_baseline.json`)."""
        return {
            "commitment_precision": self.commitments.precision,
            "commitment_recall": self.commitments.recall,
            "commitment_f1": self.commitments.f1,
            "polarity_accuracy": self.polarity.ratio,
            "status_accuracy": self.status.ratio,
            "debtor_accuracy": self.debtors.ratio,
            "condition_precision": self.conditions.precision,
            "condition_recall": self.conditions.recall,
            "condition_f1": self.conditions.f1,
            "condition_type_accuracy": self.condition_types.ratio,
            "actor_recall": self.actors.ratio,
            "link_accuracy": self.links.ratio,
            "bad_spans": self.bad_spans,
        }


@dataclass(frozen=True, slots=True)
class ArticleScores:
    """The figures of one article, with every disagreement behind them."""

    article_id: str
    path: str
    gold_path: str
    figures: Figures
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class CorpusScores:
    """The figures of every evaluated article and their micro-averaged total."""

    articles: tuple[ArticleScores, ...]
    skipped: tuple[str, ...] = ()  # article files without a gold file
    orphans: tuple[str, ...] = ()  # gold files without an article
    notes: tuple[str, ...] = ()  # one line for stderr about each skipped article and orphan

    @property
    def total(self) -> Figures:
        """Give the counts summed over all articles (micro-averaging)."""
        return sum_figures(a.figures for a in self.articles)


def sum_figures(items: Iterable[Figures]) -> Figures:
    """Give the sum of several figures."""
    total = Figures()
    for item in items:
        total = total + item
    return total
