#!/usr/bin/env bash
# Benchmark of `hivescan audit` (issue 4, acceptance 5):
#   1. wall time of one audit, JVM start included: `java -jar target/hivescan.jar audit DIR --format json`, run
#      RUNS times on each of three bundled scenarios; prints min and median. Also with JVM options a launcher
#      script can use: C1 only (-XX:TieredStopAtLevel=1) and a dynamic AppCDS archive (class data sharing for the
#      application classes, JDK 13+, made here by one training run).
#   2. audits per second in one JVM: the bundled scenarios copied round-robin into COPIES folders, each audited
#      once from its files (open, log check, all rules, JSON rendering) after a warm-up pass.
# Usage: bench/audit.sh [--runs N] [--copies N] [--jar PATH]. Needs target/hivescan.jar (mvn -o package
# -DskipTests). Prints the machine's load average, since a busy machine inflates every number here.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=10
copies=1000
jar=$here/target/hivescan.jar
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --copies) copies=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    *) echo "usage: bench/audit.sh [--runs N] [--copies N] [--jar PATH]" >&2; exit 2 ;;
  esac
done
[ -f "$jar" ] || { echo "bench/audit.sh: $jar not found: run mvn -o package -DskipTests" >&2; exit 2; }
hosts=$here/testdata/hosts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"

# stats: reads seconds, one per line; prints "min X s, median Y s".
stats() {
  sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "min %.3f s, median %.3f s (%d runs)\n", a[1], m, NR}'
}

# one_audit LABEL JAVA_OPTS...: wall time of RUNS audits of three scenarios, one JVM each.
one_audit() {
  local label=$1; shift
  for i in $(seq "$runs"); do
    for s in 01-2008r2-as-installed 07-2022-gp-cipher-order-no-m365 13-select-current-2; do
      local t0 t1
      t0=$(date +%s.%N)
      java "$@" -jar "$jar" audit "$hosts/$s" --format json > /dev/null || [ $? -le 4 ]
      t1=$(date +%s.%N)
      echo "$t1 - $t0" | bc
    done
  done | stats | sed "s/^/one audit, JVM start included, $label: /"
}

# Baseline: JVM start and command-line set-up without an audit (hivescan --version).
for i in $(seq "$runs"); do
  t0=$(date +%s.%N); java -jar "$jar" --version > /dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc
done | stats | sed "s/^/baseline, hivescan --version (JVM + CLI set-up, no audit): /"

one_audit "java -jar"
java -XX:ArchiveClassesAtExit="$work/app.jsa" -jar "$jar" audit "$hosts/05-2016-defaults" --format json \
  > /dev/null 2>&1 || true
one_audit "-XX:TieredStopAtLevel=1" -XX:TieredStopAtLevel=1
if [ -f "$work/app.jsa" ]; then
  one_audit "AppCDS archive" -XX:SharedArchiveFile="$work/app.jsa"
  one_audit "AppCDS + TieredStopAtLevel=1" -XX:SharedArchiveFile="$work/app.jsa" -XX:TieredStopAtLevel=1
fi

# Audits per second: COPIES scenario folders audited in one JVM.
mkdir -p "$work/copies"
scen=("$hosts"/[0-9][0-9]-*/)
for i in $(seq 0 $((copies - 1))); do
  s=${scen[$((i % ${#scen[@]}))]}
  d=$work/copies/$(printf '%04d' "$i")
  mkdir "$d"
  cp "$s/SYSTEM" "$s/SOFTWARE" "$d/"
done

cat > "$work/AuditBench.java" <<'JAVA'
import java.io.Writer;
import java.nio.file.*;
import java.util.*;
import org.hivescan.audit.*;
import org.hivescan.audit.model.RuleSetLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.report.audit.JsonAuditReport;

/** Audits every folder below args[0] once after a warm-up pass; prints audits per second. */
public class AuditBench {
    public static void main(String[] args) throws Exception {
        List<Path> dirs = new ArrayList<>();
        try (var s = Files.list(Path.of(args[0]))) { s.sorted().forEach(dirs::add); }
        Auditor auditor = new Auditor(RuleSetLoader.builtIn());
        Map<String, Integer> overall = new TreeMap<>();
        for (Path d : dirs.subList(0, Math.min(100, dirs.size()))) {
            audit(auditor, d);
        }
        long t0 = System.nanoTime();
        for (Path d : dirs) {
            overall.merge(audit(auditor, d).overall().label(), 1, Integer::sum);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("audits in one JVM: %d audits in %.2f s = %.0f audits/s (%.2f ms each); results %s%n",
                dirs.size(), secs, dirs.size() / secs, 1000 * secs / dirs.size(), overall);
    }

    static AuditReport audit(Auditor auditor, Path d) throws Exception {
        AuditReport r = auditor.auditFiles(d.resolve("SYSTEM"), d.resolve("SOFTWARE"), LoadOptions.defaults(),
                null, false);
        JsonAuditReport.write(r, Writer.nullWriter());
        return r;
    }
}
JAVA
java -cp "$jar" "$work/AuditBench.java" "$work/copies"
