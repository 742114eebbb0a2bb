#!/usr/bin/env bash
# Generation benchmark (inmem_s: every stage, nothing written, via --check; written_s: files written into
# a fresh folder, which on this machine's ext4 is dominated by creating ~3,600 files): specgen generate (release build, --swift-only) per big document, median of
# RUNS runs, peak memory from /usr/bin/time; optionally the compile time of the output and Apple's
# swift-openapi-generator on the same document in the same run.
#
#   Benchmarks/generate/run.sh                     # generation only, every big document
#   Benchmarks/generate/run.sh --compile           # + swift build of the output (minutes per document)
#   Benchmarks/generate/run.sh --apple BIN         # + Apple's generator side by side (ratio printed)
#   Benchmarks/generate/run.sh --linear            # synthetic 1x 2x 4x 8x copies of Auth0 (linearity)
#   RUNS=5 SPECS=../shared/specs DOCS="auth0-management-v2.json openai.json" Benchmarks/generate/run.sh
# Apple's generator is built once outside the repo (never a dependency of ours), e.g. in /tmp/apple-gen
# with a Package.swift depending on swift-openapi-generator from: "1.14.3":
#   swift build -c release --product swift-openapi-generator
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RUNS=${RUNS:-5}
SPECS=${SPECS:-$ROOT/../shared/specs}
DOCS=${DOCS:-"auth0-management-v2.json github-rest-2022-06.json stripe-spec3-2022-04.json openai.json twilio-api-v2010.json kubernetes-1.36-swagger.json slack-web-api-v2.json"}
COMPILE=0 APPLE="" LINEAR=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --compile) COMPILE=1 ;;
    --apple) APPLE=$2; shift ;;
    --linear) LINEAR=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
swift build -c release --product specgen >/dev/null
SPECGEN="$(swift build -c release --show-bin-path)/specgen"
WORK=$(mktemp -d /tmp/specgen-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# median_run NAME CMD...: runs CMD $RUNS times (fresh output folder each), prints "median_s peak_MB".
median_run() {
  local times=() peak=0 i out
  for ((i = 0; i < RUNS; i++)); do
    out=$WORK/out-$RANDOM$RANDOM
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" "$out" >/dev/null 2>&1 || { echo "FAILED"; return; }
    read -r t m < "$WORK/time"
    times+=("$t"); (( m > peak )) && peak=$m
    rm -rf "$out"
  done
  printf '%s %d\n' "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" $((peak / 1024))
}

# Apple's generator through a wrapper script (/usr/bin/time cannot run a shell function).
cat > "$WORK/apple.sh" <<APPLE_EOF
#!/usr/bin/env bash
mkdir -p "\$2"
printf 'generate:\n  - types\n  - client\naccessModifier: public\n' > "$WORK/apple-config.yaml"
exec "$APPLE" generate "\$1" --config "$WORK/apple-config.yaml" --output-directory "\$2"
APPLE_EOF
chmod +x "$WORK/apple.sh"
# specgen in memory: --check on an empty folder runs every stage and writes nothing (exit 1 = "would create").
cat > "$WORK/specgen-check.sh" <<CHECK_EOF
#!/usr/bin/env bash
"$SPECGEN" generate --spec "\$1" --swift-only --quiet --check --output "\$2" >/dev/null 2>&1
[[ \$? -le 1 ]]
CHECK_EOF
chmod +x "$WORK/specgen-check.sh"

compile_output() { # compile_output DIR -> "seconds peak_MB"
  local dir=$1
  printf '// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(name: "BenchOut", targets: [.target(name: "GeneratedAPI", path: "Swift")])\n' > "$dir/Package.swift"
  if (cd "$dir" && /usr/bin/time -f "%e %M" -o "$WORK/ctime" nice -n 10 swift build >/dev/null 2>&1); then
    read -r t m < "$WORK/ctime"; echo "$t $((m / 1024))"
  else echo "FAILED -"; fi
}

printf '%-32s %9s %9s %7s' document inmem_s written_s gen_MB
[[ -n $APPLE ]] && printf ' %9s %7s %7s' apple_s apple_MB ratio
[[ $COMPILE == 1 ]] && printf ' %9s %9s' build_s build_MB
printf '\n'
docs_to_run=()
for name in $DOCS; do docs_to_run+=("$SPECS/$name"); done
if [[ $LINEAR == 1 ]]; then
  docs_to_run=()
  for n in 1 2 4 8; do
    python3 Benchmarks/generate/synth.py "$SPECS/auth0-management-v2.json" $n "$WORK/auth0-x$n.json"
    docs_to_run+=("$WORK/auth0-x$n.json")
  done
fi
for doc in "${docs_to_run[@]}"; do
  read -r mem_s mem_mb < <(median_run "$WORK/specgen-check.sh" "$doc")
  if [[ $LINEAR == 1 ]]; then gen_s=- gen_mb=$mem_mb  # linearity: in-memory generation only
  else read -r gen_s gen_mb < <(median_run "$SPECGEN" generate --spec "$doc" --swift-only --quiet --output); fi
  printf '%-32s %9s %9s %7s' "$(basename "$doc")" "$mem_s" "$gen_s" "$gen_mb"
  if [[ -n $APPLE ]]; then
    read -r apple_s apple_mb < <(RUNS=${APPLE_RUNS:-1} median_run "$WORK/apple.sh" "$doc")
    ratio=$(awk -v a="$apple_s" -v b="$mem_s" 'BEGIN { if (a ~ /^[0-9.]+$/ && b > 0) printf "%.1fx", a / b; else print "-" }')
    printf ' %9s %7s %7s' "$apple_s" "$apple_mb" "$ratio"
  fi
  if [[ $COMPILE == 1 ]]; then
    out=$WORK/compile-out
    rm -rf "$out"; "$SPECGEN" generate --spec "$doc" --swift-only --quiet --output "$out"
    read -r build_s build_mb < <(compile_output "$out")
    printf ' %9s %9s' "$build_s" "$build_mb"
    rm -rf "$out"
  fi
  printf '\n'
done
