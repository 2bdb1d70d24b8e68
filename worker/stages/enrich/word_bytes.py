"""A text as bytes in which only the ASCII word characters stand, for scans that start at the space
before a word.

A pattern that opens with a character class makes the regex engine test the class at every character;
one that opens with a literal byte is found by a fast search. In these bytes every character but an ASCII
letter, digit or underscore is a space, so "the space before a word" is that literal byte. Each byte
stands at its character's offset (a character outside Latin-1 becomes "?", then a space); a space may
stand for a non-ASCII letter, so a scan confirms each place found on the text itself.
"""

from __future__ import annotations

_WORD_BYTES_ELSE_SPACE = bytes(
    byte if chr(byte).isascii() and (chr(byte).isalnum() or chr(byte) == "_") else 0x20 for byte in range(256)
)


def word_bytes(text: str) -> bytes:
    """The text with every character but an ASCII letter, digit or underscore as a space, one byte each."""
    return text.encode("latin-1", "replace").translate(_WORD_BYTES_ELSE_SPACE)
