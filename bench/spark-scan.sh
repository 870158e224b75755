#!/usr/bin/env bash
# Benchmark of the Spark bulk scan (bin/hivescan-spark) against the local one (bin/hivescan scan):
#   1. hosts/s on the same fleet, JVM start included (wall time of the launcher): `hivescan scan --jobs 2` against
#      `hivescan-spark scan --master local[2]`, RUNS times each, min and median;
#   2. Spark's fixed start-up cost: the JVM alone (`hivescan-spark --help`), the session start the scan reports
#      ("Spark ... started in"), and the wall time of a whole Spark scan of a one-host fleet;
#   3. scaling: the Spark job's phases (listing, discovery, grouping, audit+outputs) on local[1] and local[2];
#   4. bytes read: per host (spark's bytes-read.csv: mean, median, max) and per phase, and the storage bandwidth
#      that one core's audit rate would need.
# Usage: bench/spark-scan.sh [--hosts N] [--runs N] [--mixed]. The fleet is testdata/fleet/make_fleet.py's
# benchmark fleet (--loose-only: N loose host folders); --mixed makes its full fleet instead (zips, trees, pairs,
# duplicates, broken hosts). The launchers build their jars when missing. Prints the load average: a busy machine
# inflates every number here. Outputs go to bench/out/spark-scan/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
hosts=1000
runs=3
fleet_opts=(--loose-only)
while [ $# -gt 0 ]; do
  case $1 in
    --hosts) hosts=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --mixed) fleet_opts=(); shift ;;
    *) echo "usage: bench/spark-scan.sh [--hosts N] [--runs N] [--mixed]" >&2; exit 2 ;;
  esac
done
out=$here/bench/out/spark-scan
rm -rf "$out"
mkdir -p "$out"
fleet=$out/fleet
tiny=$out/tiny
python3 "$here/testdata/fleet/make_fleet.py" "$fleet" --hosts "$hosts" "${fleet_opts[@]}" > /dev/null
python3 "$here/testdata/fleet/make_fleet.py" "$tiny" --hosts 1 --loose-only > /dev/null
# Build both launchers' jars outside the timings.
"$here/bin/hivescan" --version > /dev/null
"$here/bin/hivescan-spark" --help > /dev/null

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "fleet: $(find "$fleet" -type f | wc -l) files, $(du -sb "$fleet" | cut -f1) bytes (make_fleet.py --hosts $hosts ${fleet_opts[*]:-})"

# stats: reads numbers, one per line; prints "min X, median Y (N runs)".
stats() {
  sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "min %.2f, median %.2f (%d runs)\n", a[1], m, NR}'
}

# timed LOG CMD...: runs CMD (exit codes 0, 1, 3, 4 are scan verdicts), its stderr to LOG; prints wall seconds.
timed() {
  local log=$1; shift
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  "$@" > "$log.stdout" 2> "$log" || rc=$?
  t1=$(date +%s.%N)
  case $rc in 0|1|3|4) ;; *) echo "bench/spark-scan.sh: '$*' failed ($rc): $(tail -3 "$log")" >&2; exit 1 ;; esac
  echo "$t1 - $t0" | bc
}

count_hosts() { wc -l < "$1/hosts.jsonl"; }

# 1. hosts/s, JVM start included.
for i in $(seq "$runs"); do
  timed "$out/local-$i.log" "$here/bin/hivescan" scan "$fleet" --jobs 2 --out "$out/local-$i"
done > "$out/local.times"
for i in $(seq "$runs"); do
  timed "$out/spark-$i.log" "$here/bin/hivescan-spark" scan "$fleet" --master 'local[2]' --out "$out/spark-$i"
done > "$out/spark.times"
n=$(count_hosts "$out/local-1")
[ "$n" -eq "$(count_hosts "$out/spark-1")" ] || { echo "bench/spark-scan.sh: host counts differ" >&2; exit 1; }
echo "hosts: $n; $(head -1 "$out/local-1.log.stdout")"
echo "hivescan scan --jobs 2, wall s (JVM start included): $(stats < "$out/local.times")"
echo "hivescan-spark scan --master local[2], wall s (JVM start included): $(stats < "$out/spark.times")"
# rate TIMES: hosts/s of the fastest and of the median run.
rate() {
  sort -n "$1" | awk -v n="$n" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2;
    printf "best %.1f, median %.1f (%d runs)\n", n / a[1], n / m, NR}'
}
echo "hosts/s, hivescan scan --jobs 2: $(rate "$out/local.times")"
echo "hosts/s, hivescan-spark local[2]: $(rate "$out/spark.times")"

# 2. Spark's fixed start-up cost.
for i in $(seq "$runs"); do
  t0=$(date +%s.%N); "$here/bin/hivescan-spark" --help > /dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc
done | stats | sed 's/^/JVM alone (hivescan-spark --help), wall s: /'
grep -h 'started in' "$out"/spark-*.log | sed 's/.*started in \([0-9.]*\) s.*/\1/' | stats \
  | sed 's/^/Spark session start (reported by the scan), s: /'
for i in $(seq "$runs"); do
  timed "$out/tiny-$i.log" "$here/bin/hivescan-spark" scan "$tiny" --master 'local[2]' --out "$out/tiny-$i"
done | stats | sed 's/^/whole Spark scan of a one-host fleet (fixed cost), wall s: /'
for i in $(seq "$runs"); do
  timed "$out/tiny-local-$i.log" "$here/bin/hivescan" scan "$tiny" --jobs 2 --out "$out/tiny-local-$i"
done | stats | sed 's/^/whole local scan of a one-host fleet, wall s: /'

# 3. Phases on local[2] (the median run's are in each log) and local[1].
for i in $(seq "$runs"); do grep -h 'hivescan-spark: job' "$out/spark-$i.log" | sed 's/;.*//; s/^/local[2] /'; done
timed "$out/spark-l1.log" "$here/bin/hivescan-spark" scan "$fleet" --master 'local[1]' --out "$out/spark-l1" \
  | sed 's/^/local[1] wall s: /'
grep -h 'hivescan-spark: job' "$out/spark-l1.log" | sed 's/;.*//; s/^/local[1] /'

# 4. Bytes read.
grep -h 'hivescan-spark: job' "$out/spark-1.log" | sed 's/.*bytes read: /bytes read by phase: /'
tail -n +2 "$out/spark-1/bytes-read.csv" | awk -F'","' '{gsub(/"/, "", $NF); print $NF}' | sort -n | awk '
  {a[NR]=$1; s+=$1} END {printf "bytes read per host (audit): mean %.0f, median %d, max %d, total %d over %d hosts\n",
    s/NR, a[int((NR+1)/2)], a[NR], s, NR}'
