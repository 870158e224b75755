#!/usr/bin/env bash
# Container read benchmark: bytes fetched from the image file(s) and wall time to read one set of ranges from the
# same disk in every container format, against `qemu-img convert -O raw` of the whole image (what users do today).
#   bench/container.sh [DISK_MIB=256] [RANGES_FILE]
# Without RANGES_FILE, 64 ranges (4 KiB to 1 MiB, fixed seed) spread over the disk are read. The disk is 1/8
# data (random and text stretches), the rest zeros, as a freshly installed system disk is mostly empty.
# Needs qemu-utils, ewf-tools, python3-vmdkstream, GNU time. The volume/audit helper extends this to a full audit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/container"
mib="${1:-256}"
ranges="${2:-}"
mkdir -p "$out"
(cd "$root" && mvn -B -q -DskipTests package)
jar="$root/target/hivescan.jar"
cd "$out"
if [[ ! -f "disk-$mib.raw" ]]; then
  truncate -s "${mib}M" "partial.raw"
  for ((i = 0; i < mib / 8; i++)); do   # one 1 MiB stretch per 8 MiB: alternately random and text
    if ((i % 2)); then
      yes 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion' | head -c 1048576 > stretch.bin || true
    else
      openssl enc -aes-128-ctr -nosalt -pbkdf2 -pass "pass:$i" -in /dev/zero 2>/dev/null | head -c 1048576 \
        > stretch.bin || true
    fi
    dd if=stretch.bin of="partial.raw" bs=1M seek=$((i * 8 + 3)) conv=notrunc status=none
  done
  rm -f stretch.bin
  mv partial.raw "disk-$mib.raw"
fi
raw="disk-$mib.raw"
[[ -f "$mib.vhd" ]] || qemu-img convert -f raw -O vpc -o force_size=on "$raw" "$mib.vhd"
[[ -f "$mib.vhdx" ]] || qemu-img convert -f raw -O vhdx "$raw" "$mib.vhdx"
[[ -f "$mib.vmdk" ]] || qemu-img convert -f raw -O vmdk "$raw" "$mib.vmdk"
[[ -f "$mib-stream.vmdk" ]] || qemu-img convert -f raw -O vmdk -o subformat=streamOptimized "$raw" "$mib-stream.vmdk"
[[ -f "$mib-gdend.vmdk" ]] || python3 /usr/lib/python3/dist-packages/VMDKstream.py "$raw" "$mib-gdend.vmdk"
[[ -f "$mib.qcow2" ]] || qemu-img convert -f raw -O qcow2 "$raw" "$mib.qcow2"
[[ -f "$mib-z.qcow2" ]] || qemu-img convert -f raw -O qcow2 -c "$raw" "$mib-z.qcow2"
[[ -f "$mib.E01" ]] || ewfacquire -u -q -t "$mib" -c best -f encase6 "$raw" > /dev/null
if [[ -z "$ranges" ]]; then
  ranges="$out/ranges-$mib.txt"
  python3 -c "
import random
r = random.Random(7); size = $mib << 20
for _ in range(64):
    n = r.choice([4096, 65536, 1 << 20]); print(r.randrange(0, size - n) & ~511, n)" > "$ranges"
fi
images=("$raw" "$mib.vhd" "$mib.vhdx" "$mib.vmdk" "$mib-stream.vmdk" "$mib-gdend.vmdk" "$mib.qcow2" "$mib-z.qcow2" "$mib.E01")
echo "== ranges: $(wc -l < "$ranges") reads, $(awk '{s += $2} END {print s}' "$ranges") bytes"
java -cp "$jar" "$root/bench/container/RangeBench.java" "$ranges" "${images[@]}" | tee "$out/ranges-result.tsv" | column -t
echo "== qemu-img convert -O raw (whole image), for comparison"
printf 'image\tbytes\twall_s\n'
for image in "${images[@]:1}"; do
  [[ "$image" == *.E01 ]] && continue
  /usr/bin/time -f "%e" -o time.txt qemu-img convert -O raw "$image" converted.raw
  printf '%s\t%s\t%s\n' "$image" "$(stat -c %s "$image")" "$(cat time.txt)"
  rm -f converted.raw
done
