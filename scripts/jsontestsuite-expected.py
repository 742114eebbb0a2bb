#!/usr/bin/env python3
"""Writes the values Python's json module decodes from JSONTestSuite's y_ files.

Output: Tests/Fixtures/JSONTestSuite/expected_values.txt, one section per file:
    == y_name.json
    <one token per line, pre-order>
Tokens: null | true | false | int <decimal> | float <repr> | string <utf-8 hex>
        | array <count> | object <count> followed by (key <utf-8 hex>, value) pairs.
Objects keep every member in source order (duplicates included), as Python's
object_pairs_hook sees them. Strings are hex so no escaping is involved; the Swift
test decodes this format with its own tiny parser, independent of our JSON reader.
"""
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "JSONTestSuite")


class Pairs(list):
    pass


def tokens(value, out):
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(f"int {value}")
    elif isinstance(value, float):
        out.append(f"float {value!r}")
    elif isinstance(value, str):
        out.append("string " + value.encode("utf-8").hex())
    elif isinstance(value, Pairs):
        out.append(f"object {len(value)}")
        for key, member in value:
            out.append("key " + key.encode("utf-8").hex())
            tokens(member, out)
    elif isinstance(value, list):
        out.append(f"array {len(value)}")
        for item in value:
            tokens(item, out)
    else:
        raise TypeError(type(value))


def main():
    folder = os.path.join(ROOT, "test_parsing")
    lines = []
    for name in sorted(os.listdir(folder)):
        if not name.startswith("y_"):
            continue
        with open(os.path.join(folder, name), "rb") as handle:
            raw = handle.read()
        value = json.loads(raw.decode("utf-8"), object_pairs_hook=Pairs)
        lines.append(f"== {name}")
        tokens(value, lines)
    with open(os.path.join(ROOT, "expected_values.txt"), "w", encoding="ascii") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {sum(1 for line in lines if line.startswith('=='))} expected values", file=sys.stderr)


if __name__ == "__main__":
    main()
