#!/usr/bin/env bash
# Builds testdata/fleet/hostile/{SYSTEM,SOFTWARE}: scenario 05 (Server 2016 defaults, NOT READY) with names an
# attacker controls made hostile, for the scan's escaping tests (HTML report, CSV formula neutralisation,
# terminal-safe JSON). The .reg sources are derived from ../hosts/05-2016-defaults/*.reg here and kept beside
# the hives (hostile/*.reg); only these values change:
#   SYSTEM   ComputerName\ComputerName  = =HYPERLINK("x")<script>alert(1)</script>ESC[31m TAB
#            (REG_SZ written as hex(1) so the ESC and TAB control characters survive the .reg text)
#   SOFTWARE ProductName                = <img src=x onerror=alert(2)>=1+1
# Needs hivexregedit (Debian libwin-hivex-perl) and ../hosts/build.sh's empty hive (shared/tools/empty.hive).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$here/../hosts/05-2016-defaults
out=$here/hostile
shared=${HIVESCAN_SHARED:-$here/../../../shared}
mkdir -p "$out"
name_hex=$(printf '=HYPERLINK("x")<script>alert(1)</script>\033[31m\t' | iconv -t UTF-16LE | od -An -tx1 -v |
  tr -s ' \n' ',' | sed 's/^,//; s/,$//')
sed "s|^\"ComputerName\"=\"RDS-2016-01\"|\"ComputerName\"=hex(1):$name_hex,00,00|" "$src/SYSTEM.reg" > "$out/SYSTEM.reg"
sed 's|^"ProductName"=.*|"ProductName"="<img src=x onerror=alert(2)>=1+1"|' "$src/SOFTWARE.reg" > "$out/SOFTWARE.reg"
grep -q 'hex(1)' "$out/SYSTEM.reg" || { echo "build-hostile.sh: ComputerName not replaced" >&2; exit 1; }
for hive in SYSTEM SOFTWARE; do
  tmp=$(mktemp "$out/.$hive.XXXXXX")
  cat "$shared/tools/empty.hive" > "$tmp"
  perl -e '
    my $prefix = shift; my $pre = uc($prefix) . "\\"; my %seen;
    while (<>) {
      if (/^\[(?!-)(.*)\]\s*$/) {
        my @parts = split /\\/, substr($1, length $pre);
        for my $i (0 .. $#parts - 1) {
          my $p = join("\\", @parts[0 .. $i]);
          print "[$prefix\\$p]\n\n" unless $seen{uc $p}++;
        }
        $seen{uc join("\\", @parts)}++;
      }
      print;
    }' "HKEY_LOCAL_MACHINE\\$hive" "$out/$hive.reg" |
    hivexregedit --merge --prefix "HKEY_LOCAL_MACHINE\\$hive" --encoding UTF-16LE "$tmp"
  chmod 644 "$tmp"
  mv -f "$tmp" "$out/$hive"
done
echo "built $out"
