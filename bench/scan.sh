#!/usr/bin/env bash
# Benchmark of `hivescan scan` (the bulk scan), through bin/hivescan, JVM start included, every core used:
#   1. 1,000 loose hosts from page cache: hosts/s (target: 500 or more on a 2-core machine), RUNS runs.
#   2. 10,000 loose hosts under -Xmx256m: wall time, hosts/s and peak RSS.
#   3. 100 disk images (VHDX, GPT, NTFS; one Windows installation each): hosts/s and peak RSS.
# Fleets are made by testdata/fleet/make_fleet.py into bench/out/ once and reused (the images need the Debian
# tools of ../shared/tools/vmimg, as the tests do). Each fleet is scanned once untimed first, so its files are in
# the page cache. Peak RSS is /usr/bin/time -v's "Maximum resident set size". CPU time (user + sys) is printed
# beside wall time: on a busy machine the wall time grows with the other load, the CPU time much less.
# Usage: bench/scan.sh [--runs N] [--skip-images]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=5
images=1
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --skip-images) images=0; shift ;;
    *) echo "usage: bench/scan.sh [--runs N] [--skip-images]" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench/scan.sh: /usr/bin/time is needed (Debian package time)" >&2; exit 2; }
out=$here/bench/out
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fleet() { # fleet NAME ARGS...: bench/out/NAME made once by make_fleet.py
  local dir=$out/$1; shift
  if [ ! -f "$dir/fleet.json" ]; then
    rm -rf "$dir"
    python3 "$here/testdata/fleet/make_fleet.py" "$dir" "$@" > /dev/null
  fi
  echo "$dir"
}

# scan LABEL HOSTS FLEET [JAVA_OPTS]: one timed scan; prints one result line.
scan() {
  local label=$1 hosts=$2 dir=$3 opts=${4:-} rc=0
  rm -rf "$work/out"
  HIVESCAN_JAVA_OPTS="$opts" /usr/bin/time -v "$here/bin/hivescan" scan "$dir" --out "$work/out" \
    > /dev/null 2> "$work/time" || rc=$?
  if [ "$rc" -gt 4 ]; then
    cat "$work/time" >&2
    echo "bench/scan.sh: scan of $dir failed (exit $rc)" >&2
    exit 1
  fi
  local lines
  lines=$(wc -l < "$work/out/hosts.jsonl")
  [ "$lines" -eq "$hosts" ] || { echo "bench/scan.sh: expected $hosts hosts, found $lines" >&2; exit 1; }
  awk -v label="$label" -v hosts="$hosts" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2 }
    END { printf "%s: %d hosts in %.2f s = %.0f hosts/s; CPU %.2f s; peak RSS %.0f MiB\n",
          label, hosts, wall, hosts / wall, user + sys, rss / 1024 }' "$work/time"
}

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
"$here/bin/hivescan" --version > /dev/null # builds the jar and the class-data archive when needed

loose1k=$(fleet fleet-1000 --loose-only --hosts 1000)
scan "warm-up (page cache, not counted)" 1000 "$loose1k" > /dev/null
for i in $(seq "$runs"); do
  scan "1,000 loose hosts, run $i" 1000 "$loose1k"
done

loose10k=$(fleet fleet-10000 --loose-only --hosts 10000)
scan "warm-up (page cache, not counted)" 10000 "$loose10k" "-Xmx256m" > /dev/null
scan "10,000 loose hosts, -Xmx256m" 10000 "$loose10k" "-Xmx256m"

if [ "$images" = 1 ]; then
  images100=$(fleet fleet-images-100 --images-only --hosts 100)
  scan "warm-up (page cache, not counted)" 100 "$images100" > /dev/null
  scan "100 VHDX disk images" 100 "$images100"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
