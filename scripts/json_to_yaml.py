#!/usr/bin/env python3
"""Converts a JSON document to YAML for SpecGen's YAML reader fixtures.

usage: json_to_yaml.py IN.json OUT.yaml [--style block|mixed]

block: block mappings and sequences, plain scalars where both YAML 1.1 and 1.2 read them as the same
       string, single quotes otherwise, literal block scalars (|, |-, |+) for multi-line text.
mixed: like block, but sequences of scalars and small mappings are written in flow style, strings that
       need quotes use double quotes with escapes, and multi-line text uses folded scalars (>) when the
       text folds back exactly.
The output is checked by reading it back with PyYAML: the tree must equal the JSON input.
"""
import json
import re
import sys

import yaml

# Words some YAML version reads as something other than a string.
RESERVED = {w for base in ["null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"]
            for w in (base, base.capitalize(), base.upper())}
SAFE_PLAIN = re.compile(r"^[A-Za-z_/$][A-Za-z0-9_ ./()$@+-]*$")


def plain_ok(text):
    return (bool(SAFE_PLAIN.match(text)) and text not in RESERVED and not text.endswith(" ")
            and "  " not in text and not re.match(r"^[-+]?[0-9.]", text) and "=" != text)


def single(text):
    return "'" + text.replace("'", "''") + "'"


def double(text):
    out = []
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append("\\x%02X" % code)
        elif 0x80 <= code < 0xA0 or code in (0x2028, 0x2029, 0xFEFF):
            out.append("\\u%04X" % code)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def printable(text):
    return all(ch in "\n\t" or (0x20 <= ord(ch) != 0x7F and not 0x80 <= ord(ch) < 0xA0
               and ord(ch) not in (0x2028, 0x2029, 0xFEFF)) for ch in text)


def scalar(value, style):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        if "e" in text:
            mantissa, exponent = text.split("e")
            if "." not in mantissa:
                mantissa += ".0"
            if exponent[0] not in "+-":
                exponent = "+" + exponent
            text = mantissa + "e" + exponent
        return text
    if plain_ok(value):
        return value
    if style == "mixed" or not printable(value) or "\n" in value:
        return double(value)
    return single(value)


def block_text(value, indent, style):
    """A block scalar for multi-line text, or None when a quoted scalar is safer."""
    if "\n" not in value or not printable(value) or "\t" in value or "\r" in value:
        return None
    lines = value.split("\n")
    if any(line.strip() == "" and line != "" for line in lines):
        return None  # whitespace-only lines are fragile in block scalars
    if lines[0].startswith(" "):
        return None
    if value.endswith("\n\n"):
        chomp = "+"
        body = lines[:-1]
    elif value.endswith("\n"):
        chomp = ""
        body = lines[:-1]
    else:
        chomp = "-"
        body = lines
    pad = " " * indent
    indicator = "|"
    if style == "mixed" and all(line and not line.startswith(" ") for line in body):
        folded = "\n\n".join(body)  # each source line becomes a paragraph in folded style
        if yaml.safe_load(">" + chomp + "\n" + "".join(pad + l + "\n" if l else "\n" for l in folded.split("\n"))) == value:
            return ">" + chomp + "\n" + "".join(pad + l + "\n" if l else "\n" for l in folded.split("\n"))
    return indicator + chomp + "\n" + "".join(pad + line + "\n" if line else "\n" for line in body)


def flow(value, style):
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k, style)}: {flow(v, style)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v, style) for v in value) + "]"
    if isinstance(value, str) and ("\n" in value or not plain_ok(value)):
        return double(value)
    return scalar(value, style)


def is_leaf(value):
    return not isinstance(value, (dict, list))


def emit(value, indent, style, out):
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            head = f"{pad}{scalar(key, style)}:"
            write_value(head, item, indent, style, out)
    elif isinstance(value, list):
        for item in value:
            write_value(f"{pad}-", item, indent, style, out, in_sequence=True)


def write_value(head, item, indent, style, out, in_sequence=False):
    if isinstance(item, (dict, list)) and not item:
        out.append(f"{head} {'{}' if isinstance(item, dict) else '[]'}\n")
    elif style == "mixed" and isinstance(item, list) and all(is_leaf(v) for v in item) and len(item) <= 8:
        out.append(f"{head} {flow(item, style)}\n")
    elif style == "mixed" and isinstance(item, dict) and len(item) <= 2 and all(is_leaf(v) for v in item.values()) \
            and all("\n" not in str(v) for v in item.values()):
        out.append(f"{head} {flow(item, style)}\n")
    elif isinstance(item, dict):
        if in_sequence:
            # Compact form: the first key on the dash's line.
            lines = []
            emit(item, indent + 2, style, lines)
            text = "".join(lines)
            out.append(f"{head} {text[indent + 2:]}")
        else:
            out.append(head + "\n")
            emit(item, indent + 2, style, out)
    elif isinstance(item, list):
        out.append(head + "\n")
        emit(item, indent + (2 if not in_sequence else 2), style, out)
    else:
        text = block_text(item, indent + 2, style) if isinstance(item, str) else None
        out.append(f"{head} {text if text else scalar(item, style)}" + ("" if text else "\n"))


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        sys.exit(2)
    source, target = sys.argv[1], sys.argv[2]
    style = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--style" else "block"
    with open(source, encoding="utf-8") as handle:
        data = json.load(handle)
    out = [f"# Converted from {source.split('/')[-1]} by scripts/json_to_yaml.py (style: {style}).\n"]
    emit(data, 0, style, out)
    text = "".join(out)
    if yaml.safe_load(text) != data:
        sys.stderr.write(f"{target}: the YAML does not read back to the JSON input\n")
        sys.exit(1)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
