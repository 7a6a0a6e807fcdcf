"""The exporter registry and atomic writing of output files."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rdflib import Dataset

from ..errors import KgbuildError, UnknownFormatError

Writer = Callable[[Dataset, IO[bytes]], None]


@dataclass(frozen=True, slots=True)
class Exporter:
    """One output format: its name, default file name and writer."""

    name: str
    filename: str
    media_type: str
    write: Writer


EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str, filename: str, media_type: str) -> Callable[[Writer], Writer]:
    """Register the decorated function as the writer of format `name`."""

    def register(write: Writer) -> Writer:
        EXPORTERS[name] = Exporter(name, filename, media_type, write)
        return write

    return register


def get_exporter(name: str) -> Exporter:
    """Give the exporter registered for `name`, or raise with the known names."""
    _load_plugins()
    try:
        return EXPORTERS[name]
    except KeyError:
        known = ", ".join(sorted(EXPORTERS))
        raise UnknownFormatError(
            f"Unknown output format {name!r}. Choose one of: {known}."
        ) from None


def export(dataset: Dataset, fmt: str, target: Path | IO[bytes]) -> None:
    """Write `dataset` in format `fmt` to a path (atomically) or an open binary stream."""
    chosen = get_exporter(fmt)
    if isinstance(target, Path):
        write_outputs(dataset, {target: fmt})
    else:
        chosen.write(dataset, target)


def write_outputs(dataset: Dataset, targets: Mapping[Path, str]) -> None:
    """Write several files all-or-nothing: each goes to a temporary file first, then all are
    renamed into place, so a failure leaves every target as it was."""
    exporters = {path: get_exporter(fmt) for path, fmt in targets.items()}
    written: list[tuple[str, Path]] = []
    try:
        for path, chosen in exporters.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            written.append((temp, path))
            with os.fdopen(handle, "wb") as stream:
                chosen.write(dataset, stream)
    except OSError as exc:
        _discard(name for name, _ in written)
        raise KgbuildError(f"Cannot write {exc.filename or 'output'}: {exc.strerror}.") from None
    except BaseException:
        _discard(name for name, _ in written)
        raise
    for temp, path in written:
        os.replace(temp, path)


def _discard(names: Iterable[str]) -> None:
    for name in names:
        with contextlib.suppress(OSError):
            os.unlink(name)


def _load_plugins() -> None:
    # Importing the plugin modules registers their exporters; done lazily so that
    # heavy ones (the HTML viewer) cost nothing until used.
    from . import (
        html,  # noqa: F401
        network,  # noqa: F401
        rdf,  # noqa: F401
    )
