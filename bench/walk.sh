#!/usr/bin/env bash
# Full-walk and lookup benchmark (issue 2): hivescan against the C walker on libhivex, on the ~295 MB
# SOFTWARE-shaped hive from ../shared/tools/make_big_hive.sh. JVM start is included in every hivescan time.
# Each hivescan workload runs twice: as the issue states it (java -Xmx64m -jar) and through bin/hivescan, the
# launcher the README gives users (class-data sharing, serial GC), with the same -Xmx64m. floor/MinimalWalk.java,
# a walker that checks nothing, shows what a cold JVM costs on its own.
#   bench/walk.sh [RUNS]        (default 5 runs each; the median is reported)
# Needs: python3, gcc, libhivex-dev, GNU time (/usr/bin/time). Run it on a quiet machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${HIVESCAN_SHARED:-$root/../shared}"
out="$root/bench/out"
runs="${1:-5}"
mkdir -p "$out"
[[ -f "$out/big.hive" ]] || sh "$shared/tools/make_big_hive.sh" "$out/big.hive"
[[ -x "$out/hivex_walk" ]] || gcc -O2 -o "$out/hivex_walk" "$shared/tools/peers/hivex_walk.c" -lhivex
(cd "$root" && mvn -B -q -DskipTests package)
jar="$root/target/hivescan.jar"
"$root/bin/hivescan" --version > /dev/null   # makes the launcher's class-data archive for this build
mkdir -p "$out/floor" && javac -d "$out/floor" "$root/bench/floor/MinimalWalk.java"
java_opts=(-Xmx64m)

# measure NAME CMD...: runs CMD $runs times; prints the median wall time and the largest peak RSS.
measure() {
  local name="$1"; shift
  local times=() rss=0
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" > "$out/$name.out" 2> "$out/$name.err"
    read -r t m < "$out/time.txt"
    times+=("$t"); (( m > rss )) && rss=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-28s median %6.2f s  (runs: %s)  peak RSS %d MiB\n' "$name" "$median" "${times[*]}" $((rss / 1024))
  echo "$median" > "$out/$name.median"
}

echo "hive: $(stat -c %s "$out/big.hive") bytes; $(nproc) cores; $(java -version 2>&1 | head -1)"
export HIVESCAN_JAVA_OPTS="${java_opts[*]}"
measure hivex_walk "$out/hivex_walk" "$out/big.hive"
measure java_floor_walk java "${java_opts[@]}" -cp "$out/floor" MinimalWalk "$out/big.hive"
measure hivescan_walk java "${java_opts[@]}" -jar "$jar" walk "$out/big.hive" --stats
grep -h "peak heap" "$out/hivescan_walk.err" || true
measure launcher_walk "$root/bin/hivescan" walk "$out/big.hive"
measure hivescan_export_jsonl java "${java_opts[@]}" -jar "$jar" export "$out/big.hive" --format jsonl -o /dev/null
measure launcher_export_jsonl "$root/bin/hivescan" export "$out/big.hive" --format jsonl -o /dev/null
java "${java_opts[@]}" -jar "$jar" walk "$out/big.hive" --lookups 10000 --seed 7 | tail -1

hx=$(cat "$out/hivex_walk.median")
for name in java_floor_walk hivescan_walk launcher_walk hivescan_export_jsonl launcher_export_jsonl; do
  awk -v a="$(cat "$out/$name.median")" -v b="$hx" -v n="$name" 'BEGIN {printf "%-28s %.2fx hivex walk\n", n, a / b}'
done
cat "$out/hivex_walk.out" "$out/hivescan_walk.out"
