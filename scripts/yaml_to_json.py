#!/usr/bin/env python3
"""Reads one YAML document with PyYAML's safe loader and prints it as JSON (the reference tree for
SpecGen's YAML reader tests).

usage: yaml_to_json.py FILE.yaml [--pure]

Uses the C loader (CSafeLoader) when PyYAML was built with libyaml, else the pure-Python SafeLoader
(--pure forces the latter). Values JSON cannot hold (timestamps, binary, sets, infinities, NaN) are
refused with exit code 3 rather than converted, so a comparison never passes by accident.
Mapping keys that are not strings are written as json.dumps writes them (200 -> "200", True -> "true").
"""
import json
import math
import sys

try:
    import yaml
except ImportError:
    sys.stderr.write("PyYAML is not installed: pip install pyyaml\n")
    sys.exit(4)


def check(value, path="$"):
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise ValueError(f"{path}: key {key!r} has no JSON form")
            check(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check(item, f"{path}[{index}]")
    elif isinstance(value, float):
        if math.isinf(value) or math.isnan(value):
            raise ValueError(f"{path}: {value} has no JSON form")
    elif value is not None and not isinstance(value, (str, int, bool)):
        raise ValueError(f"{path}: {type(value).__name__} {value!r} has no JSON form")


def main():
    args = sys.argv[1:]
    if not args:
        sys.stderr.write(__doc__)
        sys.exit(2)
    pure = "--pure" in args
    path = [a for a in args if a != "--pure"][0]
    loader = yaml.SafeLoader if pure or not getattr(yaml, "__with_libyaml__", False) else yaml.CSafeLoader
    with open(path, "rb") as handle:
        data = yaml.load(handle, Loader=loader)
    try:
        check(data)
    except ValueError as error:
        sys.stderr.write(f"{path}: {error}\n")
        sys.exit(3)
    sys.stdout.write(json.dumps(data, ensure_ascii=False, allow_nan=False))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
