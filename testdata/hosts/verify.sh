#!/usr/bin/env bash
# Checks that every built hive NN-name/{SYSTEM,SOFTWARE} holds exactly what its .reg says: same keys (the .reg
# keys and their ancestors), same values, same raw types, same bytes. The hive is read back with
# `hivexregedit --export` (a hivex reader); the .reg is read by the small independent parser below, which knows
# the forms these fixtures use: "name"="string" (REG_SZ, UTF-16LE + NUL), dword:XXXXXXXX, hex:..., hex(N):...
# Run by build.sh after a build; run it alone to check committed hives against their .reg sources.
# Needs hivexregedit (Debian: libwin-hivex-perl). Exit status 1 on any difference.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v hivexregedit >/dev/null ||
  { echo "verify.sh: hivexregedit not found: apt-get install -y libwin-hivex-perl" >&2; exit 1; }

# normalize PREFIX: regedit text on stdin -> sorted "K<TAB>key" / "V<TAB>key<TAB>name<TAB>type<TAB>hex" lines,
# key paths relative to the hive root and lower-cased (the registry compares key names case-insensitively).
normalize() {
  perl -MEncode -e '
    my $pre = lc(shift) . "\\"; my ($key, %out, $line);
    sub addkey { my @p = split /\\/, $_[0]; $out{"K\t" . join("\\", @p[0 .. $_])} = 1 for 0 .. $#p; }
    sub unq { my $s = shift; $s =~ s/\\(.)/$1/g; $s }
    while (defined($line = <STDIN>)) {
      $line =~ s/\r?\n$//;
      while ($line =~ s/\\\s*$// and defined(my $next = <STDIN>)) { $next =~ s/\r?\n$//; $line .= $next; }
      next if $line =~ /^\s*(;.*)?$/ or $line =~ /^Windows Registry Editor Version/;
      if ($line =~ /^\[(.*)\]\s*$/) {
        my $k = lc $1;
        substr($k, 0, length $pre) eq $pre or die "key outside prefix: $1\n";
        $key = substr($k, length $pre); $key =~ s/\\$//;
        addkey($key) if length $key;
        next;
      }
      $line =~ /^(?:"((?:[^"\\]|\\.)*)"|(@))=(.*)$/ or die "cannot parse: $line\n";
      my ($name, $data) = (defined $1 ? unq($1) : "", $3);
      my ($type, $bytes);
      if ($data =~ /^"((?:[^"\\]|\\.)*)"$/) { ($type, $bytes) = (1, encode("UTF-16LE", unq($1) . "\0")) }
      elsif ($data =~ /^dword:([0-9a-fA-F]{8})$/) { ($type, $bytes) = (4, pack("V", hex $1)) }
      elsif ($data =~ /^hex(?:\(([0-9a-fA-F]+)\))?:(.*)$/) {
        $type = defined $1 ? hex $1 : 3; (my $h = $2) =~ s/[,\s]//g; $bytes = pack("H*", $h);
      } else { die "cannot parse value: $line\n" }
      $out{join "\t", "V", $key, $name, $type, unpack("H*", $bytes)} = 1;
    }
    print "$_\n" for sort keys %out;' "$1"
}

status=0
for dir in "$here"/[0-9][0-9]-*/; do
  dir=${dir%/}
  for hive in SYSTEM SOFTWARE; do
    prefix="HKEY_LOCAL_MACHINE\\$hive"
    name=${dir##*/}/$hive
    if [ ! -f "$dir/$hive" ]; then echo "MISSING $name (run build.sh)"; status=1; continue; fi
    want=$(normalize "$prefix" < "$dir/$hive.reg")
    got=$(hivexregedit --export --prefix "$prefix" "$dir/$hive" '\' | normalize "$prefix")
    if [ "$want" = "$got" ]; then
      echo "ok $name: $(grep -c '^K' <<<"$got") keys, $(grep -c '^V' <<<"$got") values"
    else
      echo "DIFFERS $name (< .reg, > hive):"
      diff <(echo "$want") <(echo "$got") | sed 's/^/  /' || true
      status=1
    fi
  done
done
exit $status
