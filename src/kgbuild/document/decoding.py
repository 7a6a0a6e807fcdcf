"""Bytes of an article file -> its text: checked for size and binary content, decoded, in NFC."""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError

MAX_BYTES = 5_000_000
"""Largest article file kgbuild reads (5 MB): far above any news article, small enough that
a mistaken path (a PDF, a database dump) fails fast instead of exhausting memory."""

# Byte-order marks we honour, longest first: a UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that plain text legitimately holds: tab, newline, vertical tab, form feed,
# carriage return, escape (terminal colour codes in pasted text).
_TEXT_CONTROLS = frozenset(b"\t\n\v\f\r\x1b")
_SAMPLE = 8192
_MAX_CONTROL_SHARE = 0.05


def check_size(size: int, where: str) -> None:
    """Raise `InputError` if a file of `size` bytes is over `MAX_BYTES`."""
    if size > MAX_BYTES:
        raise InputError(
            f"{where}: the file is {size:,} bytes, over kgbuild's limit of "
            f"{MAX_BYTES // 1_000_000} MB ({MAX_BYTES:,} bytes) per article file; "
            "split it into smaller files."
        )


def decode(data: bytes, where: str) -> str:
    """Give the text of an article file's bytes, NFC-normalised with `\\n` line ends.

    UTF-8 is expected; a UTF-8, UTF-16 or UTF-32 byte-order mark is honoured. Raises
    `InputError` for an oversized, binary, undecodable, empty or whitespace-only file.
    """
    check_size(len(data), where)
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    if encoding.startswith("utf-8"):
        # Only for 8-bit text: UTF-16 and UTF-32 are full of NUL bytes by design.
        _check_not_binary(data, where)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc, encoding, where) from None
    if "\x00" in text:  # a BOM followed by binary content decodes, but is not text
        raise _binary(where, "it holds NUL characters")
    text = normalise(text)
    if not text.strip():
        raise InputError(
            f"{where}: the file is empty or holds only whitespace; give an article with some text."
        )
    return text


def normalise(text: str) -> str:
    """Give `text` with `\\r\\n` and lone `\\r` line ends as `\\n`, in Unicode NFC."""
    # Line ends first: NFC never joins across them, and offsets must count one
    # character per line break whatever system wrote the file.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _check_not_binary(data: bytes, where: str) -> None:
    if b"\x00" in data:
        raise _binary(where, "it holds NUL bytes")
    sample = data[:_SAMPLE]
    controls = sum(
        1 for byte in sample if (byte < 32 or byte == 127) and byte not in _TEXT_CONTROLS
    )
    if controls > len(sample) * _MAX_CONTROL_SHARE:
        raise _binary(where, f"{controls} of its first {len(sample)} bytes are control bytes")


def _binary(where: str, why: str) -> InputError:
    return InputError(
        f"{where}: looks like a binary file, not text ({why}); "
        "give an article saved as UTF-8 text (.txt, .md, .html, .json or .jsonl)."
    )


def _undecodable(data: bytes, exc: UnicodeDecodeError, encoding: str, where: str) -> InputError:
    if not encoding.startswith("utf-8"):
        return InputError(
            f"{where}: the file starts with a {encoding.upper()} byte-order mark but is not "
            f"valid {encoding.upper()} at byte {exc.start}; re-save it as UTF-8."
        )
    # Offsets count from the first byte of the file, byte-order mark included.
    line = data.count(b"\n", 0, exc.start) + 1
    return InputError(
        f"{where}: not valid UTF-8 at byte {exc.start} "
        f"(line {line}, byte 0x{data[exc.start]:02x}); "
        "re-save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8 FILE`)."
    )
