#!/usr/bin/env bash
# make_seeds.sh - rebuilds the container fuzzing seeds in seeds/ (gzip-compressed images of one small disk).
# The disk: 2 MiB, deterministic (AES-CTR keystream stretches and registry-like text between zeros, last sector
# written). Every image is made by third-party tools only: qemu-img (vpc, vhdx, qcow2, vmdk) and VMDKstream.py
# (python3-vmdkstream, grain directory at the end) and ewfacquire (ewf-tools). Tools stamp times and random
# GUIDs into their output, so a rebuild gives other bytes; the test only needs each seed to read back as disk.raw.
#   testdata/container/make_seeds.sh        (needs qemu-utils, python3-vmdkstream, ewf-tools)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"
truncate -s 2M disk.raw
stretch() { # stretch OFFSET BYTES KEY
  openssl enc -aes-128-ctr -nosalt -pbkdf2 -pass "pass:$3" -in /dev/zero 2>/dev/null | head -c "$2" \
    | dd of=disk.raw bs=512 seek=$(( $1 / 512 )) conv=notrunc status=none || true
}
text() { # text OFFSET BYTES
  yes 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' | head -c "$2" \
    | dd of=disk.raw bs=512 seek=$(( $1 / 512 )) conv=notrunc status=none || true
}
stretch 0 1024 mbr; text 70000 150000; stretch 700416 4096 mid; text 1300000 9000; stretch 2096640 512 tail
q() { qemu-img convert -f raw -O "$@"; }
q vpc -o force_size=on disk.raw dynamic.vhd
q vhdx -o block_size=1M disk.raw disk.vhdx
q qcow2 -o cluster_size=4096 disk.raw disk.qcow2
q qcow2 -c -o cluster_size=4096 disk.raw compressed.qcow2
q vmdk -o subformat=monolithicSparse disk.raw sparse.vmdk
q vmdk -o subformat=streamOptimized disk.raw stream.vmdk
python3 /usr/lib/python3/dist-packages/VMDKstream.py disk.raw gdend.vmdk
ewfacquire -u -q -t disk -c best -d sha1 -b 16 -f encase6 disk.raw > /dev/null
mkdir -p "$here/seeds"
rm -f "$here/seeds/"*.gz
for f in disk.raw dynamic.vhd disk.vhdx disk.qcow2 compressed.qcow2 sparse.vmdk stream.vmdk gdend.vmdk disk.E01; do
  gzip -9 -n -c "$f" > "$here/seeds/$f.gz"
done
ls -l "$here/seeds"
