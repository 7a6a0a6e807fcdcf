"""Article files -> `Article`s: finding the files, choosing a reader by suffix, assembling records.

Formats: `.txt` and `.md` (optional YAML front matter), `.html`/`.htm` (main text only),
`.json` (an object or a list of objects) and `.jsonl` (one object per line).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..records import Article
from .decoding import MAX_BYTES, check_size, decode
from .draft import Draft, NumberedDrafts
from .frontmatter import split_front_matter
from .html import read_html
from .jsonrecords import read_json, read_jsonl
from .markdown import heading_label, markdown_headings
from .metadata import metadata_from
from .structure import recognise

GOLD_SUFFIX = ".gold.json"  # gold annotations sit beside articles; they are not articles


def _read_plain(text: str, where: str, *, markdown: bool = False) -> NumberedDrafts:
    """Give the one article of a text or markdown file, after its optional front matter."""
    meta_map, body = split_front_matter(text, where)
    if not body.strip():
        raise InputError(
            f"{where}: there is no article text after the front matter; "
            "put the article below the closing '---' line."
        )
    meta = metadata_from(meta_map, f"{where} front matter")
    headline, headings = markdown_headings(body) if markdown else (None, ())
    draft = Draft(
        text=body,
        title=meta.title,
        source=meta.source,
        date=meta.date,
        headline=headline,
        headings=headings,
    )
    return [(None, draft)]


def _read_markdown(text: str, where: str) -> NumberedDrafts:
    """Give the one article of a markdown file: as text, with `#` lines as headings."""
    return _read_plain(text, where, markdown=True)


def _read_html(text: str, where: str) -> NumberedDrafts:
    """Give the one article of an HTML page: its main text."""
    return [(None, read_html(text, where))]


# Suffix -> reader of the decoded text; adding a format is one reader and one entry here.
READERS: dict[str, Callable[[str, str], NumberedDrafts]] = {
    ".htm": _read_html,
    ".html": _read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".md": _read_markdown,
    ".txt": _read_plain,
}
SUPPORTED_SUFFIXES = tuple(sorted(READERS))


def iter_article_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Give the article files named by `paths`, each once, expanding folders.

    A folder gives its direct children (no sub-folders) in sorted order: files with a
    supported suffix, except hidden files and `*.gold.json` gold annotations. A file named
    directly is given whatever it is called, unless kgbuild has no reader for its suffix.
    Raises `InputError` for a missing path, a folder with no article files, or an unknown suffix.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        for file in _files_at(path):
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def read_path(path: str | os.PathLike[str]) -> list[Article]:
    """Give the articles held in one file (one, or one per record of a JSON/JSONL file)."""
    path = Path(path)
    return read_bytes(_read_file(path), path=path, suffix=_check_suffix(path))


def read_bytes(
    data: bytes, *, path: str | os.PathLike[str], suffix: str | None = None
) -> list[Article]:
    """Give the articles in `data`, the bytes of the file at `path`, read as `suffix`.

    `suffix` defaults to the path's own; `path` names the articles and their errors.
    """
    path = Path(path)
    chosen = (suffix or path.suffix).lower()
    reader = READERS.get(chosen)
    if reader is None:
        raise _unknown_format(chosen, path)
    where = str(path)
    text = decode(data, where)
    articles = [_article(draft, path, number) for number, draft in reader(text, where)]
    _check_unique_ids(articles, where)
    return articles


def read_articles(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Article]:
    """Give every article in the given files and folders, in order.

    Raises `InputError` when two articles would share an id: ids name graphs and IRIs, so
    a clash would silently merge two articles.
    """
    first_seen: dict[str, str] = {}
    for path in iter_article_files(paths):
        for article in read_path(path):
            earlier = first_seen.setdefault(article.id, article.path)
            if earlier != article.path:
                raise InputError(
                    f"{article.path}: article id {article.id!r} is already used by {earlier}; "
                    "rename one of the files or give the records distinct 'id' values."
                )
            yield article


# Helpers ------------------------------------------------------------------------------


def _files_at(path: Path) -> list[Path]:
    """Give the article files a path names: itself, or a folder's article files."""
    try:
        if path.is_dir():
            return _folder_articles(path)
        if path.exists():
            _check_suffix(path)
            return [path]
    except OSError as exc:  # e.g. a parent folder that cannot be searched
        raise InputError(
            f"{path}: cannot be looked at ({exc.strerror or exc}); check its permissions."
        ) from None
    raise InputError(f"{path}: no such file or folder; check the path.")


def _folder_articles(folder: Path) -> list[Path]:
    """Give a folder's article files, sorted by name; raise if it holds none."""
    files = [
        child
        for child in sorted(folder.iterdir())
        if child.suffix.lower() in READERS
        and not child.name.startswith(".")
        and not child.name.lower().endswith(GOLD_SUFFIX)
        and child.is_file()
    ]
    if not files:
        raise InputError(
            f"{folder}: the folder holds no article files ({', '.join(SUPPORTED_SUFFIXES)}; "
            "sub-folders are not searched); add articles or name the files directly."
        )
    return files


def _check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise _unknown_format(suffix, path)
    return suffix


def _unknown_format(suffix: str, path: Path) -> InputError:
    shown = f"'{suffix}'" if suffix else "'' (no suffix)"
    return InputError(
        f"Unknown article format {shown} in {path}. Choose one of: {', '.join(SUPPORTED_SUFFIXES)}."
    )


def _read_file(path: Path) -> bytes:
    where = str(path)
    try:
        if path.is_dir():
            raise InputError(
                f"{where}: is a folder, not a file; read_articles reads every article in it."
            )
        if not path.is_file():  # a FIFO or device would block or never end
            raise InputError(f"{where}: not a regular file; give an article file or a folder.")
        check_size(path.stat().st_size, where)
        with path.open("rb") as handle:
            # Read one byte past the limit: a file that grew since stat() is still caught.
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{where}: no such file or folder; check the path.") from None
    except IsADirectoryError:  # a race: it became a folder after the check above
        raise InputError(f"{where}: is a folder; name a file instead.") from None
    except PermissionError:
        raise InputError(
            f"{where}: permission denied; make the file readable (chmod +r)."
        ) from None
    except OSError as exc:
        raise InputError(
            f"{where}: cannot be read ({exc.strerror or exc}); check the file."
        ) from None


def _article(draft: Draft, path: Path, number: int | None) -> Article:
    structure = recognise(draft)
    title = draft.title
    if title is None and structure.headline is not None:
        title = heading_label(structure.headline.text)
    dateline = structure.dateline
    # Metadata wins over the dateline: it is what the publisher states the date to be.
    date = draft.date or (dateline.date if dateline else None)
    return Article(
        id=draft.id or (path.stem if number is None else f"{path.stem}-{number}"),
        text=draft.text,
        path=str(path),
        title=title,
        source=draft.source,
        date=date,
        place=dateline.place if dateline else None,
        headline=structure.headline,
        dateline=dateline.span if dateline else None,
        headings=structure.headings,
        boilerplate=structure.boilerplate,
        content_hash=content_hash(draft.text, title=title, source=draft.source, date=date),
    )


def content_hash(text: str, *, title: str | None, source: str | None, date: str | None) -> str:
    """Give the sha256 hex digest of an article's text and metadata (not its id or path).

    Canonical JSON (sorted keys, UTF-8) keeps it stable across runs, machines and versions
    of Python; leaving out the id and path makes the same article read from two files
    hash alike.
    """
    payload = {"text": text, "title": title, "source": source, "date": date}
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _check_unique_ids(articles: list[Article], where: str) -> None:
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise InputError(
                f"{where}: two records have the id {article.id!r}; "
                "give each record a distinct 'id'."
            )
        seen.add(article.id)


__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "content_hash",
    "iter_article_files",
    "read_articles",
    "read_bytes",
    "read_path",
]
