"""Progress of a build on stderr: a bar on a terminal, plain log lines otherwise, or nothing.

The library reports through the small `Progress` interface and never prints by itself; the
CLI picks the reporter (`make_progress`) and writes the final report (`print_report`).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .pipeline import BuildReport

BAR_WIDTH = 24
LOG_INTERVAL = 10.0  # seconds between plain log lines
REDRAW_INTERVAL = 0.2  # seconds between bar redraws


class Progress:
    """Receives a build's progress; this base class ignores it (the `--quiet` reporter)."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        self.processed = 0
        self.reused = 0
        self.failed = 0
        self.started = time.monotonic()
        self._work_started: float | None = None

    def start(self, total: int, *, jobs: int, engine: str, note: str | None = None) -> None:
        """Begin a build of about `total` articles (one per file until files are read)."""
        self.total = total
        self.started = time.monotonic()
        self._started(jobs, engine, note)

    def add_total(self, count: int) -> None:
        """Correct the total: a file held `count` more (or fewer) articles than one."""
        self.total += count

    def advance(self, *, reused: bool = False, failed: bool = False) -> None:
        """Count one article done: parsed, taken from the cache, or failed."""
        self.done += 1
        if reused:
            self.reused += 1
        elif failed:
            self.failed += 1
        else:
            self.processed += 1
            if self._work_started is None:
                self._work_started = time.monotonic()
        self._changed()

    def stage(self, text: str) -> None:
        """Say what the build is doing now (e.g. writing outputs)."""

    def finish(self) -> None:
        """End the build's progress display with its outcome."""

    def stop(self) -> None:
        """Take the display off the screen (after `finish`, or when the build failed)."""

    @property
    def rate(self) -> float:
        """Give the parsed articles per second so far."""
        elapsed = time.monotonic() - self.started
        return self.processed / elapsed if elapsed > 0 else 0.0

    def eta(self) -> str:
        """Give the estimated time left as M:SS, or ? before any article is parsed."""
        rate = self.rate
        if rate <= 0:
            return "?"
        seconds = int(max(0, self.total - self.done) / rate)
        return f"{seconds // 60}:{seconds % 60:02d}"

    def _started(self, jobs: int, engine: str, note: str | None) -> None:
        pass

    def _changed(self) -> None:
        pass


class LogProgress(Progress):
    """Plain lines on a stream that is not a terminal (a log file, CI): once a build has run
    `interval` seconds, a line every `interval` seconds and one at the end. Short builds stay
    silent, so an error remains the only line a failing command prints."""

    def __init__(self, stream: TextIO, interval: float = LOG_INTERVAL) -> None:
        super().__init__()
        self.stream = stream
        self.interval = interval
        self._last = time.monotonic()
        self._opening = ""
        self._spoken = False

    def _started(self, jobs: int, engine: str, note: str | None) -> None:
        self._last = self.started
        workers = f"{jobs} job{'s' if jobs != 1 else ''}"
        extra = f" ({note})" if note else ""
        self._opening = (
            f"building {self.total} article files with {workers}, {engine} engine{extra}"
        )

    def _changed(self) -> None:
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self._line(
                f"{self.done}/{self.total} articles, {self.rate:.1f} articles/s, "
                f"ETA {self.eta()}"
            )

    def stage(self, text: str) -> None:
        if self._spoken or time.monotonic() - self.started >= self.interval:
            self._line(text)

    def finish(self) -> None:
        if not self._spoken:
            return
        elapsed = time.monotonic() - self.started
        self._line(
            f"done: {self.done} articles in {elapsed:.1f} s ({self.processed} parsed, "
            f"{self.reused} from cache, {self.failed} failed)"
        )

    def _line(self, text: str) -> None:
        if not self._spoken and self._opening:
            self.stream.write(f"kgbuild: {self._opening}\n")
        self._spoken = True
        self.stream.write(f"kgbuild: {text}\n")
        self.stream.flush()


class BarProgress(LogProgress):
    """A bar redrawn in place on a terminal: done/total, articles/s, ETA."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream, interval=REDRAW_INTERVAL)
        self._drawn = False
        self._spoken = True  # a terminal shows the bar at once, and the final line

    def _changed(self) -> None:
        now = time.monotonic()
        if now - self._last >= self.interval or self.done >= self.total:
            self._last = now
            self._draw()

    def _draw(self) -> None:
        filled = int(BAR_WIDTH * self.done / self.total) if self.total else BAR_WIDTH
        bar = "#" * min(filled, BAR_WIDTH) + "-" * max(0, BAR_WIDTH - filled)
        self.stream.write(
            f"\r[{bar}] {self.done}/{self.total} articles  {self.rate:.1f}/s  ETA {self.eta()} "
        )
        self.stream.flush()
        self._drawn = True

    def _line(self, text: str) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")  # clear the bar, print the line, redraw below
        super()._line(text)
        if self._drawn:
            self._draw()

    def finish(self) -> None:
        self.stop()
        super().finish()

    def stop(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False


def make_progress(stream: TextIO, *, quiet: bool = False) -> Progress:
    """Give the reporter for `stream`: nothing if quiet, a bar on a terminal, else log lines."""
    if quiet:
        return Progress()
    if stream.isatty():
        return BarProgress(stream)
    return LogProgress(stream)


def print_report(report: BuildReport, *, out: TextIO, err: TextIO, quiet: bool) -> None:
    """Write a build's outcome: per-article lines and a total on `out`, problems on `err`."""
    if not quiet:
        totals = [0, 0, 0]
        for s in report.summaries:
            out.write(
                f"{s.article_id}: {s.actors} actors, {s.commitments} commitments, "
                f"{s.conditions} conditions\n"
            )
            totals = [totals[0] + s.actors, totals[1] + s.commitments, totals[2] + s.conditions]
        out.write(
            f"total: {len(report.summaries)} articles, {totals[0]} actors, {totals[1]} "
            f"commitments, {totals[2]} conditions -> {report.out_dir} ({report.processed} "
            f"parsed, {report.reused} from cache)\n"
        )
        for note in report.notes:
            err.write(f"Note: {note}\n")
    for failure in report.failures:
        err.write(f"Skipped {failure.message}\n")
    if report.failures:
        err.write(
            f"Error: {len(report.failures)} article(s) failed and were left out; the outputs "
            f"in {report.out_dir} hold the other {len(report.summaries)}.\n"
        )
