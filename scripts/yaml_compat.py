#!/usr/bin/env python3
"""Optional compatibility check (not a unit test): dumps each JSON spec in ../shared/specs to YAML with
PyYAML's emitter in several styles, then requires SpecGen's tree (specgen-bench read --print) to equal
PyYAML's reading of the same YAML, key order included. PyYAML's emitter wraps long strings over several
lines, quotes in both styles, writes flow collections and (canonical) explicit tags and keys, so this
exercises folding, quoting and tags widely. (PyYAML's default_style='"' is not used: it writes
`! "true"` for booleans, which YAML 1.2 reads as the string "true" and PyYAML as a boolean.)

usage: scripts/yaml_compat.py [SPEC.json ...]   (defaults to ../shared/specs/*.json)
Needs a release build: swift build -c release --product specgen-bench
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build", "release", "specgen-bench")
STYLES = {
    "block": dict(default_flow_style=False, allow_unicode=True, width=80),
    "flow-leaves": dict(default_flow_style=None, allow_unicode=False, width=60),
    "canonical": dict(canonical=True, allow_unicode=True, width=100),
    "literal-ish": dict(default_flow_style=False, allow_unicode=True, width=1_000_000, indent=4),
}


def main():
    specs = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "..", "shared", "specs", "*.json")))
    failures = 0
    checked = 0
    for spec in specs:
        with open(spec, encoding="utf-8") as handle:
            data = json.load(handle)
        for name, options in STYLES.items():
            text = yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, **options)
            reference = yaml.load(text, Loader=yaml.CSafeLoader)
            with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as out:
                out.write(text)
                path = out.name
            result = subprocess.run([BENCH, "read", path, "--print"], capture_output=True)
            os.unlink(path)
            checked += 1
            label = f"{os.path.basename(spec)} [{name}]"
            if result.returncode != 0:
                failures += 1
                print(f"FAIL {label}: {result.stderr.decode()[:300]}")
                continue
            ours = json.loads(result.stdout)
            if json.dumps(ours) != json.dumps(reference):
                failures += 1
                print(f"FAIL {label}: tree differs from PyYAML")
            else:
                print(f"ok   {label}")
    print(f"{checked - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
