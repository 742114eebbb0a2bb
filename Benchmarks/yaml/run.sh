#!/usr/bin/env bash
# Reads the 4 MB Stripe YAML with SpecGen's YAML reader (release build) and with PyYAML's C loader
# (yaml.load(f, Loader=yaml.CSafeLoader)), side by side in one run, and prints both medians and the ratio.
#
# usage: Benchmarks/yaml/run.sh [FILE.yaml] [RUNS]
# Target (issue 8): SpecGen median <= 0.3 s and faster than PyYAML's C loader.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
file="${1:-$root/Tests/Fixtures/yaml/stripe/stripe-spec3-2023-09.yaml}"
runs="${2:-7}"
cd "$root"

swift build -c release --product specgen-bench >/dev/null
bench="$(swift build -c release --show-bin-path)/specgen-bench"

echo "file: $file ($(wc -c <"$file") bytes), $runs runs each, interleaved"
ours=()
theirs=()
for ((i = 1; i <= runs; i++)); do
    # One read per process for both tools, so neither gains from a warm heap.
    t=$("$bench" read "$file" --repeat 1 | awk '/^median:/ {print $2}')
    ours+=("$t")
    p=$(python3 - "$file" <<'PY'
import sys, time, yaml
path = sys.argv[1]
start = time.perf_counter()
with open(path, "rb") as handle:
    yaml.load(handle, Loader=yaml.CSafeLoader)
print(f"{time.perf_counter() - start:.4f}")
PY
)
    theirs+=("$p")
    echo "run $i: specgen ${t} s   pyyaml-c ${p} s"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.4f\n", (a[NR/2]+a[NR/2+1])/2}'; }
m_ours=$(median "${ours[@]}")
m_theirs=$(median "${theirs[@]}")
ratio=$(awk -v a="$m_theirs" -v b="$m_ours" 'BEGIN {printf "%.1f", a / b}')
echo "median specgen YAMLReader: ${m_ours} s"
echo "median PyYAML CSafeLoader: ${m_theirs} s"
echo "ratio (PyYAML / specgen): ${ratio}x"
awk -v a="$m_ours" -v b="$m_theirs" 'BEGIN { if (a <= 0.3 && a < b) { print "target met: <= 0.3 s and faster than PyYAML C loader" } else { print "target NOT met"; exit 1 } }'
