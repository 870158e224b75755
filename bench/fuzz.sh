#!/bin/sh
# Long fuzz campaigns (issue 5): structure-aware mutants of every hive and log in ../shared/corpus and of our own
# test data, with a random campaign seed, every seed size included, the .reg/JSON exports on every mutant and the
# command line (info, verify, export, audit) on every 25th. CI runs the same harness with a fixed seed and 20,000
# mutants (FuzzCampaignTest); see SECURITY.md.
#
# Usage: bench/fuzz.sh [MINUTES] [SEED]
#   MINUTES  how long to run (default 30)
#   SEED     campaign seed (default: random). The seed is printed first and last: a failure prints its mutant
#            index, and `bench/fuzz.sh replay SEED INDEX` rebuilds that one mutant, runs it and saves it.
# Environment: SHARED (default ../shared next to the project), JAVA (default java), FAILURES (where failing
# mutants are saved; default target/fuzz-failures), HIVESCAN_BUILD=0 to skip the compile step.
# Exit status: 0 when the campaign found nothing, 1 when it found something.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
JAVA=${JAVA:-java}
FAILURES=${FAILURES:-$ROOT/target/fuzz-failures}

MODE=campaign
if [ "${1:-}" = replay ]; then
  MODE=replay
  SEED=${2:?replay needs SEED INDEX}
  INDEX=${3:?replay needs SEED INDEX}
  MINUTES=0
else
  MINUTES=${1:-30}
  SEED=${2:-$(od -An -N7 -tu8 /dev/urandom | tr -d ' ')}
  INDEX=
fi

if [ "${HIVESCAN_BUILD:-1}" != 0 ]; then
  (cd "$ROOT" && { mvn -B -q -o test-compile >/dev/null 2>&1 || mvn -B -q test-compile; })
fi
CP_FILE="$ROOT/target/fuzz-classpath.txt"
if [ ! -s "$CP_FILE" ]; then
  (cd "$ROOT" && { mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null 2>&1 \
    || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null; })
fi
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$CP_FILE")"

echo "fuzz.sh: campaign seed $SEED ($MODE${INDEX:+ of mutant $INDEX}, ${MINUTES} min)"
STATUS=0
"$JAVA" -Xmx2g -cp "$CP" \
  -Dhivescan.shared="$SHARED" -Dhivescan.testdata="$ROOT/testdata" \
  -Dhivescan.fuzz.long=true -Dhivescan.fuzz.seed="$SEED" -Dhivescan.fuzz.minutes="$MINUTES" \
  ${INDEX:+-Dhivescan.fuzz.replay="$INDEX"} -Dhivescan.fuzz.failures="$FAILURES" \
  org.hivescan.fuzz.FuzzMain "$MODE" || STATUS=$?
echo "fuzz.sh: campaign seed $SEED, exit status $STATUS (failing mutants, if any, are in $FAILURES)"
exit "$STATUS"
