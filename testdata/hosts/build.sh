#!/usr/bin/env bash
# Builds the audit acceptance fixtures: for every scenario folder NN-name/ beside this script, the hive files
# SYSTEM and SOFTWARE from SYSTEM.reg and SOFTWARE.reg (regedit "Version 5.00" text, UTF-8/ASCII, LF).
#
# - Each hive starts as a fresh copy of shared/tools/empty.hive; the .reg is merged in with
#   `hivexregedit --merge --prefix 'HKEY_LOCAL_MACHINE\<HIVE>'`, which strips that prefix so that
#   [HKEY_LOCAL_MACHINE\SYSTEM\Select] lands at \Select of the SYSTEM hive file.
#   hivexregedit ships in Debian's libwin-hivex-perl (not in libhivex-bin, which has hivexsh/hivexget/hivexml).
# - hivexregedit, unlike regedit.exe, refuses a key whose parent does not exist yet, so the .reg text is passed
#   through a filter that first adds every missing ancestor as an empty section (what regedit.exe does itself).
#   The filter also refuses a key outside the hive's prefix (a SOFTWARE key in SYSTEM.reg, say).
# - Deterministic and idempotent: hivex writes no wall-clock time and every hive is rebuilt from empty.hive,
#   so the same .reg text always gives the same bytes. Runs from any cwd.
# - The shared folder is $HIVESCAN_SHARED, else ../../../shared from this script (shared/ beside the checkout).
# - Ends by running verify.sh, which reads every built hive back and compares it with its .reg.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shared=${HIVESCAN_SHARED:-$here/../../../shared}
empty=$shared/tools/empty.hive
[ -f "$empty" ] || { echo "build.sh: $empty not found (set HIVESCAN_SHARED)" >&2; exit 1; }
command -v hivexregedit >/dev/null ||
  { echo "build.sh: hivexregedit not found: apt-get install -y libwin-hivex-perl" >&2; exit 1; }

# with_ancestors PREFIX FILE: the .reg text with an empty [PREFIX\a], [PREFIX\a\b], ... section before the
# first key that needs it. Key names compare case-insensitively, as in the registry.
with_ancestors() {
  perl -e '
    my $prefix = shift; my $pre = uc($prefix) . "\\"; my %seen;
    while (<>) {
      if (/^\[(?!-)(.*)\]\s*$/) {
        my $key = $1;
        uc(substr($key, 0, length $pre)) eq $pre or die "$ARGV:$.: key outside $prefix: $key\n";
        my @parts = split /\\/, substr($key, length $pre);
        for my $i (0 .. $#parts - 1) {
          my $p = join("\\", @parts[0 .. $i]);
          print "[$prefix\\$p]\n\n" unless $seen{uc $p}++;
        }
        $seen{uc join("\\", @parts)}++;
      }
      print;
    }' "$1" "$2"
}

tmp=""
trap '[ -z "$tmp" ] || rm -f "$tmp"' EXIT
for dir in "$here"/[0-9][0-9]-*/; do
  dir=${dir%/}
  for hive in SYSTEM SOFTWARE; do
    reg=$dir/$hive.reg
    [ -f "$reg" ] || { echo "build.sh: missing $reg" >&2; exit 1; }
    tmp=$(mktemp "$dir/.$hive.XXXXXX")
    cat "$empty" > "$tmp"
    chmod 644 "$tmp"
    with_ancestors "HKEY_LOCAL_MACHINE\\$hive" "$reg" |
      hivexregedit --merge --prefix "HKEY_LOCAL_MACHINE\\$hive" --encoding UTF-16LE "$tmp"
    mv -f "$tmp" "$dir/$hive"
    tmp=""
  done
  echo "built ${dir##*/}"
done

"$here/verify.sh"
