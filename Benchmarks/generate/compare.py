#!/usr/bin/env python3
"""Generation time of several specgen binaries side by side (e.g. an older commit's and this one's).

Each run generates the whole document in memory (`generate --swift-only --check` on an empty folder: every stage,
nothing written); the binaries take turns, RUNS rounds, so load changes hit all of them. Prints each binary's
median wall time and median CPU time (user + sys of the child), the fastest wall time, and the ratios to the first.

  Benchmarks/generate/compare.py OLD_SPECGEN NEW_SPECGEN [MORE…]
  RUNS=21 SPEC=../shared/specs/stripe-spec3-2022-04.json Benchmarks/generate/compare.py OLD NEW
Build an older binary in a worktree of that commit: git worktree add /tmp/old REV && swift build -c release."""
import os, resource, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main(binaries):
    if not binaries:
        sys.exit(__doc__)
    spec = os.environ.get("SPEC", os.path.join(ROOT, "..", "shared", "specs", "auth0-management-v2.json"))
    runs = int(os.environ.get("RUNS", "11"))
    empty = tempfile.mkdtemp(prefix="specgen-compare-")
    times = {binary: ([], []) for binary in binaries}
    for _ in range(runs):
        for binary in binaries:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.monotonic()
            result = subprocess.run([binary, "generate", "--spec", spec, "--swift-only", "--quiet", "--check",
                                     "--output", os.path.join(empty, "out")], capture_output=True)
            wall = time.monotonic() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if result.returncode not in (0, 1):
                sys.exit("%s failed (exit %d): %s" % (binary, result.returncode, result.stderr.decode()[-400:]))
            times[binary][0].append(wall)
            times[binary][1].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    os.rmdir(empty)
    print("%s, %d runs each, taking turns; load average %.1f %.1f %.1f; %d cores"
          % (os.path.basename(spec), runs, *os.getloadavg(), os.cpu_count()))
    first = None
    for binary in binaries:
        wall, cpu = statistics.median(times[binary][0]), statistics.median(times[binary][1])
        first = first or (wall, cpu)
        print("%-50s median wall %.3f s (min %.3f), median CPU %.3f s; ratio to the first: wall %.2f, CPU %.2f"
              % (binary, wall, min(times[binary][0]), cpu, wall / first[0], cpu / first[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
