"""Rendering scores: a fixed-width text table (with findings if verbose) or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from .scores import ArticleScores, CorpusScores, Counts, Figures, Finding, Tally

# The order in which --verbose lists an article's findings.
FINDING_ORDER = (
    "miss",
    "extra",
    "polarity",
    "status",
    "debtors",
    "condition-miss",
    "condition-extra",
    "condition-type",
    "actor-miss",
    "link",
    "bad-span",
)


@dataclass(frozen=True, slots=True)
class _Column:
    group: str
    header: str
    width: int
    cell: Callable[[Figures], str]


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


COLUMNS = (
    _Column("commitments", "tp", 4, lambda f: str(f.commitments.tp)),
    _Column("commitments", "fp", 4, lambda f: str(f.commitments.fp)),
    _Column("commitments", "fn", 4, lambda f: str(f.commitments.fn)),
    _Column("commitments", "P", 6, lambda f: _ratio(f.commitments.precision)),
    _Column("commitments", "R", 6, lambda f: _ratio(f.commitments.recall)),
    _Column("commitments", "F1", 6, lambda f: _ratio(f.commitments.f1)),
    _Column("matched pairs", "polar", 6, lambda f: _ratio(f.polarity.ratio)),
    _Column("matched pairs", "status", 7, lambda f: _ratio(f.status.ratio)),
    _Column("matched pairs", "debtor", 7, lambda f: _ratio(f.debtors.ratio)),
    _Column("conditions", "P", 6, lambda f: _ratio(f.conditions.precision)),
    _Column("conditions", "R", 6, lambda f: _ratio(f.conditions.recall)),
    _Column("conditions", "F1", 6, lambda f: _ratio(f.conditions.f1)),
    _Column("actors", "recall", 7, lambda f: _ratio(f.actors.ratio)),
    _Column("actors", "links", 6, lambda f: _ratio(f.links.ratio)),
    _Column("", "bad", 4, lambda f: str(f.bad_spans)),
)


def render_text(scores: CorpusScores, *, verbose: bool = False) -> str:
    """Give the score table: one row per article, then TOTAL (micro-averaged).

    With `verbose`, every article's findings (misses, extras, disagreements) come first.
    """
    lines: list[str] = []
    if verbose:
        for article in scores.articles:
            lines.extend(_findings_text(article))
            lines.append("")
    rows = [(a.article_id, a.figures) for a in scores.articles]
    rows.append(("TOTAL", scores.total))
    name_width = max(len("article"), *(len(name) for name, _ in rows))
    lines.append(" " * name_width + _groups_line())
    lines.append(f"{'article':<{name_width}}" + "".join(f"{c.header:>{c.width}}" for c in COLUMNS))
    for name, figures in rows:
        cells = "".join(f"{c.cell(figures):>{c.width}}" for c in COLUMNS)
        lines.append(f"{name:<{name_width}}{cells}")
    return "\n".join(lines) + "\n"


def _groups_line() -> str:
    """Give the line naming each group of columns, left-aligned over its first column."""
    line, i = "", 0
    while i < len(COLUMNS):
        group = COLUMNS[i].group
        width = 0
        while i < len(COLUMNS) and COLUMNS[i].group == group:
            width += COLUMNS[i].width
            i += 1
        line += f"  {group:<{width - 2}}" if group else " " * width
    return line.rstrip()


def _findings_text(article: ArticleScores) -> list[str]:
    lines = [f"{article.article_id} ({article.path} vs {article.gold_path})"]
    findings = sorted(article.findings, key=lambda f: FINDING_ORDER.index(f.kind))
    if not findings:
        lines.append("  (no misses, extras or disagreements)")
    for finding in findings:
        head = finding.what
        if finding.gold or finding.predicted:
            head += f": gold {finding.gold or '-'}, predicted {finding.predicted or '-'}"
        lines.append(f"  {finding.kind:<16}{head}")
        if finding.sentence:
            lines.append(f"  {'':<16}in: {finding.sentence}")
    return lines


def render_json(scores: CorpusScores, *, verbose: bool = False) -> str:
    """Give all counts and ratios, per article and in total, as indented JSON.

    With `verbose`, each article also lists its findings.
    """
    articles = []
    for article in scores.articles:
        entry: dict[str, object] = {
            "article": article.article_id,
            "path": article.path,
            "gold": article.gold_path,
            **_figures_json(article.figures),
        }
        if verbose:
            entry["findings"] = [_finding_json(f) for f in article.findings]
        articles.append(entry)
    document = {
        "articles": articles,
        "total": {"articles": len(scores.articles), **_figures_json(scores.total)},
        "skipped": list(scores.skipped),
        "orphans": list(scores.orphans),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _figures_json(figures: Figures) -> dict[str, object]:
    return {
        "summary": figures.summary(),
        "commitments": _counts_json(figures.commitments),
        "polarity": _tally_json(figures.polarity, "accuracy"),
        "status": _tally_json(figures.status, "accuracy"),
        "debtors": _tally_json(figures.debtors, "accuracy"),
        "conditions": _counts_json(figures.conditions),
        "condition_types": _tally_json(figures.condition_types, "accuracy"),
        "actors": {"found": figures.actors.correct, "total": figures.actors.total,
                   "recall": figures.actors.ratio},
        "links": _tally_json(figures.links, "accuracy"),
        "bad_spans": figures.bad_spans,
    }


def _counts_json(counts: Counts) -> dict[str, object]:
    return {
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
    }


def _tally_json(tally: Tally, ratio_name: str) -> dict[str, object]:
    return {"correct": tally.correct, "total": tally.total, ratio_name: tally.ratio}


def _finding_json(finding: Finding) -> dict[str, str]:
    return {
        "kind": finding.kind,
        "what": finding.what,
        "gold": finding.gold,
        "predicted": finding.predicted,
        "sentence": finding.sentence,
    }
