#!/usr/bin/env bash
# Benchmark of auditing straight out of a disk image: for one 256 MiB image (GPT, C: with the SYSTEM and SOFTWARE
# of testdata/hosts/05-2016-defaults plus a dirty SAM with its log, SAM in 32 runs; built by the shared
# tools/vmimg/make_image.sh) in every container format, one `hivescan audit IMAGE --format json` with JVM start:
#   - bytes the audit read from the image file(s): hivescan's own counter (`--verbose` prints it on stderr);
#   - wall time;
# against what users do today, `qemu-img convert -O raw IMAGE out.raw` (then mount or carve): its wall time and the
# bytes it read (rchar from /proc/PID/io, taken before the process is reaped; includes its shared libraries).
# Usage: bench/image.sh [--jar PATH] [--shared DIR]. Needs target/hivescan.jar (mvn -o package -DskipTests) and
# the vmimg tools (tools/vmimg/install_deps.sh). Prints the load average: a busy machine inflates every time here.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar=$here/target/hivescan.jar
shared=${HIVESCAN_SHARED:-$here/../shared}
while [ $# -gt 0 ]; do
  case $1 in
    --jar) jar=$2; shift 2 ;;
    --shared) shared=$2; shift 2 ;;
    *) echo "usage: bench/image.sh [--jar PATH] [--shared DIR]" >&2; exit 2 ;;
  esac
done
[ -f "$jar" ] || { echo "bench/image.sh: $jar not found: run mvn -o package -DskipTests" >&2; exit 2; }
out=$here/bench/out/image
mkdir -p "$out/hives"
cp "$here"/testdata/hosts/05-2016-defaults/{SYSTEM,SOFTWARE} "$here"/testdata/recovery/old-format/{SAM,SAM.LOG1} \
  "$out/hives/"
if [ ! -f "$out/disk.json" ]; then
  LAYOUT=gpt DISK_MIB=256 FRAGMENTS=32 VERIFY=0 \
    FORMATS=vhdx,vhd,vmdk,vmdk-stream,vmdk-stream-gdend,qcow2,qcow2-z \
    "$shared/tools/vmimg/make_image.sh" "$out/hives" "$out/disk" > /dev/null
  command -v ewfacquire > /dev/null && ewfacquire -u -t "$out/disk" -f encase6 -c deflate:fast -S 1500MiB \
    -C case -D bench -E 1 -e hivescan -N bench -q "$out/disk.raw" > /dev/null 2>&1 || true
fi

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
rchar() { # rchar CMD... : runs CMD, prints "<wall s> <rchar>" (rchar read from the zombie before reaping)
  python3 - "$@" <<'PY'
import os, sys, time
t = time.monotonic()
devnull = os.open(os.devnull, os.O_WRONLY)
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ,
                      file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
wall = time.monotonic() - t
io = dict(l.split(": ") for l in open(f"/proc/{pid}/io").read().split("\n") if l)
_, status = os.waitpid(pid, 0)
print(f"{wall:.2f} {io['rchar']} {os.waitstatus_to_exitcode(status)}")
PY
}
printf '%-28s %14s %14s %9s | %16s %9s\n' image "file bytes" "audit read" "audit s" "convert read" "convert s"
for img in disk.raw disk.vhdx disk.vhd disk.vmdk disk-stream.vmdk disk-stream-gdend.vmdk disk.qcow2 disk-z.qcow2 \
    disk.E01; do
  [ -f "$out/$img" ] || continue
  size=$(stat -c %s "$out/$img")
  t0=$(date +%s.%N)
  read_bytes=$(java -jar "$jar" audit "$out/$img" --format json --verbose 2>&1 >/dev/null \
    | sed -n 's/.*read \([0-9]*\) bytes of the image.*/\1/p' | head -1 || true)  # audit exits 1/4 by verdict
  t1=$(date +%s.%N)
  conv=("-")
  if [ "$img" != disk.E01 ]; then
    read -r cs cr _ < <(rchar qemu-img convert -O raw "$out/$img" "$out/converted.raw")
    rm -f "$out/converted.raw"
  else cs=-; cr=-; fi
  printf '%-28s %14s %14s %9.2f | %16s %9s\n' "$img" "$size" "${read_bytes:-?}" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')" "$cr" "$cs"
done
