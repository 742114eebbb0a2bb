#!/usr/bin/env bash
# Compile time of the generated SDK, side by side: several specgen binaries (e.g. older commits' and this one's)
# generate the same document (--swift-only, default file grouping); each output is built RUNS times with
# `swift build` (debug, clean .build each time), the sides taking turns so that load changes hit all of them;
# prints each build's wall and CPU (user+sys) seconds, then each side's medians and its ratio to the first side.
#
#   Benchmarks/compile/run.sh SPECGEN_A SPECGEN_B [SPECGEN_C…]        # document: Auth0 Management (default)
#   SPEC=../shared/specs/stripe-spec3-2022-04.json RUNS=3 Benchmarks/compile/run.sh OLD NEW
# Build an older binary in a worktree of that commit: git worktree add /tmp/old REV && swift build -c release.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
[[ $# -ge 2 ]] || { sed -n '2,10p' "$0"; exit 2; }
SIDES=("$@")
SPEC=${SPEC:-$ROOT/../shared/specs/auth0-management-v2.json}
RUNS=${RUNS:-3}
WORK=$(mktemp -d /tmp/specgen-compile.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
for i in "${!SIDES[@]}"; do
  "${SIDES[$i]}" generate --spec "$SPEC" --output "$WORK/$i/out" --swift-only --quiet
  printf '// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(name: "Bench%s", targets: [.target(name: "GeneratedAPI", path: "out/Swift")])\n' "$i" > "$WORK/$i/Package.swift"
  echo "side $i: ${SIDES[$i]}: $(find "$WORK/$i/out/Swift" -name '*.swift' -exec cat {} + | wc -l) lines of Swift"
done
for ((run = 1; run <= RUNS; run++)); do
  for i in "${!SIDES[@]}"; do
    rm -rf "$WORK/$i/.build"
    /usr/bin/time -f "%e %U %S" -o "$WORK/t" swift build --package-path "$WORK/$i" >/dev/null 2>&1 || { echo "side $i: build failed"; exit 1; }
    read -r wall user sys < "$WORK/t"
    cpu=$(echo "$user + $sys" | bc)
    echo "run $run side $i: wall ${wall}s cpu ${cpu}s (load $(cut -d' ' -f1 /proc/loadavg))"
    echo "$wall $cpu" >> "$WORK/$i.times"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for i in "${!SIDES[@]}"; do
  wall=$(cut -d' ' -f1 "$WORK/$i.times" | median); cpu=$(cut -d' ' -f2 "$WORK/$i.times" | median)
  [[ $i == 0 ]] && { wall0=$wall; cpu0=$cpu; }
  echo "side $i median: wall ${wall}s cpu ${cpu}s; ratio to side 0: wall $(echo "scale=3; $wall / $wall0" | bc) cpu $(echo "scale=3; $cpu / $cpu0" | bc)"
done
