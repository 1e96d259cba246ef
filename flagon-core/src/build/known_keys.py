#!/usr/bin/env python3
r"""Builds the weak-key check's resources from the flask-unsign wordlist (flask-unsign-wordlist/).

  python3 known_keys.py generate   write the resources (run after changing the list or these rules)
  python3 known_keys.py check      exit 1 unless the committed resources are exactly what generate writes
  python3 known_keys.py keys       print the keys of each entry of the list in hex, one entry a line
                                   (for the Java tests)

Each line of all.txt is read as flask-unsign reads it: the stripped line evaluated as a Python literal
(Python's escape rules, str or bytes), or the stripped line itself when it is not one. A str key means its
UTF-8 bytes, as in Flask; a str that UTF-8 cannot encode (a lone surrogate) cannot be a key and is skipped.
The list lost the b prefix of bytes keys, so two more readings of an entry are keys too: a str that is
itself a bytes literal (the repr of a bytes key, such as Flask's quickstart b'_5#y2L"F4Q8z\n\xec]/'),
evaluated again; and a str of code points below 256 written with \x escapes, as its Latin-1 bytes.

known-keys.bin: the first 8 bytes of SHA-256 of every distinct key of 16 bytes or more (shorter keys fail
the length rule anyway), as big-endian signed longs, sorted (signed) and unique, for a binary search.
key-words.txt: the words that recur in these keys (letter runs of 4 to 24, split where lower case turns to
upper case, lower-cased, with a vowel, in at least 3 distinct keys), most frequent first.
"""
import ast
import collections
import hashlib
import pathlib
import re
import struct
import sys
import warnings

HERE = pathlib.Path(__file__).resolve().parent
LIST = HERE / "flask-unsign-wordlist" / "all.txt"
OUT = HERE.parent / "main" / "resources" / "dev" / "flagon" / "codec"
LINES = 55982  # the list's own count (its README)
MIN_LENGTH = 16  # SecretPolicy.MIN_LENGTH
WORD = re.compile(r"[A-Za-z]{4,24}")


def literal(text):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes such as "\d" warn and stay as they are
            return ast.literal_eval(text)
    except (SyntaxError, ValueError):
        return None


def decode(line):
    """Every key an entry stands for, in order, without repeats."""
    text = line.strip()
    value = literal(text)
    if not isinstance(value, (str, bytes)):
        value = text
    if isinstance(value, bytes):
        return [value]
    found = []
    try:
        found.append(value.encode("utf-8"))
    except UnicodeEncodeError:
        pass
    inner = value.strip()
    if inner[:2] in ("b'", 'b"') and isinstance(literal(inner), bytes):
        found.append(literal(inner))
    if "\\x" in text and all(ord(c) < 256 for c in value):
        found.append(value.encode("latin-1"))
    return list(dict.fromkeys(found))


def keys():
    lines = LIST.read_bytes().decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != LINES:
        sys.exit(f"{LIST} has {len(lines)} lines, not {LINES}")
    return [decode(line) for line in lines]


def known_keys(all_keys):
    prefixes = {struct.unpack(">q", hashlib.sha256(k).digest()[:8])[0]
                for entry in all_keys for k in entry if len(k) >= MIN_LENGTH}
    return b"".join(struct.pack(">q", p) for p in sorted(prefixes))


def words(all_keys):
    counts = collections.Counter()
    for key in set(entry[0] for entry in all_keys if entry):
        text = re.sub(r"([a-z])([A-Z])", r"\1 \2", key.decode("latin-1"))
        counts.update({w.lower() for w in WORD.findall(text)})
    ranked = sorted((w for w, n in counts.items() if n >= 3 and re.search("[aeiouy]", w)),
                    key=lambda w: (-counts[w], w))
    return "".join(w + "\n" for w in ranked).encode("ascii")


def resources():
    all_keys = keys()
    return {"known-keys.bin": known_keys(all_keys), "key-words.txt": words(all_keys),
            "known-keys-LICENSE.md": (HERE / "flask-unsign-wordlist" / "LICENSE.md").read_bytes()}


def main(command):
    if command == "keys":
        out = sys.stdout
        for entry in keys():
            out.write(" ".join(key.hex() for key in entry) + "\n")
    elif command == "generate":
        OUT.mkdir(parents=True, exist_ok=True)
        for name, data in resources().items():
            (OUT / name).write_bytes(data)
    elif command == "check":
        stale = [name for name, data in resources().items()
                 if not (OUT / name).is_file() or (OUT / name).read_bytes() != data]
        if stale:
            sys.exit("stale: " + ", ".join(stale) + " (run: python3 known_keys.py generate)")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")
