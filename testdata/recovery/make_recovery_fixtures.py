#!/usr/bin/env python3
"""Writes the transaction-log fixtures of hivescan's recovery tests (Python 3, standard library only).

Each fixture is a folder holding a dirty primary hive, its transaction logs, and the canonical listing(s) a
correct replay must produce.  Hives come from ../fixtures/regf_writer.py, which lays out a tree *description*;
the expected listings are computed from those descriptions (regf_writer.canonical_listing), never by reading
the bytes back, so they do not depend on hivescan's reader.

A fixture is a sequence of hive states S0, S1, ... built from descriptions.  Changes between states either
rewrite value data in place (same size, so the layout is unchanged) or add a key (the hive grows).  A log
entry or dirty vector for state k carries exactly the 4096-byte blocks whose bytes differ between the images
of states k-1 and k, so replaying the primary (S0) up to entry k gives S_k byte for byte in the hive bins.

Format facts, with sections of the "Windows registry file format specification" (M. Suhanov):
  - new format (§New format): base-block copy (512 bytes, file type 6) then "HvLE" entries at 512-byte
    boundaries: size, flags, sequence number, hive-bins size, page count, Hash-1, Hash-2, page references
    (offset, size), pages.  Hash-1 = Marvin32 of bytes [40, size), Hash-2 = Marvin32 of bytes [0, 32).
    Seed 82 EF 4D 88 7A 4E 55 C5, used as the 64-bit number 0x82EF4D887A4E55C5 (low half first), as checked
    against entries written by Windows in the shared corpus.
  - old format (§Old format): base-block copy (file type 1), "DIRT" + bitmap (one bit per 512-byte page,
    LSB first) at 512, pages from the next 512-byte boundary after the bitmap.

Run from anywhere: python3 make_recovery_fixtures.py   (deterministic: a second run writes the same bytes)
"""

import gzip
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fixtures"))

import regf_writer as rw  # noqa: E402  (the independent regf writer of the core fixtures)
from regf_writer import Key, Value, REG_BINARY, REG_SZ, sz  # noqa: E402

MARVIN_SEED = 0x82EF4D887A4E55C5
M32 = 0xFFFFFFFF
BLOCK = 4096
T_MAIN = rw.filetime(2023, 3, 1, 8, 0, 0)
T_OTHER = rw.filetime(2022, 11, 5, 17, 30, 0)
GUIDS_MAIN = bytes(range(0x10, 0x20)) + bytes(range(0x20, 0x30))
GUIDS_OTHER = bytes(range(0xA0, 0xB0)) + bytes(range(0xB0, 0xC0))


# --- Marvin32 (§New format, Notes 1-3) -----------------------------------------------------------------

def _rotl(x, n):
    return ((x << n) | (x >> (32 - n))) & M32


def marvin32(data, seed=MARVIN_SEED):
    lo, hi = seed & M32, seed >> 32

    def mix(lo, hi, v):
        lo = (lo + v) & M32
        hi ^= lo
        lo = (_rotl(lo, 20) + hi) & M32
        hi = _rotl(hi, 9) ^ lo
        lo = (_rotl(lo, 27) + hi) & M32
        return lo, _rotl(hi, 19)

    whole = len(data) // 4 * 4
    for (v,) in struct.iter_unpack("<I", bytes(data[:whole])):
        lo, hi = mix(lo, hi, v)
    last = 0x80
    for b in reversed(bytes(data[whole:])):
        last = (last << 8) | b
    lo, hi = mix(lo, hi, last)
    lo, hi = mix(lo, hi, 0)
    return (hi << 32) | lo


# --- hive states ----------------------------------------------------------------------------------------

def filler(mark, n=1500):
    """Value data that fills most of a 4096-byte bin, so each key's data sits in its own block."""
    return bytes([mark]) * n


def main_tree(marks, added=False, big=None):
    """ROOT with keys K00..K11, each holding one 1500-byte value whose bytes are marks[i]; optionally a key
    'Added' (makes the hive grow) and a key 'Big' with `big` bytes of data (makes the hive exceed 2 MiB)."""
    keys = [Key("K%02d" % i, values=[Value("v", REG_BINARY, filler(m)),
                                     Value("label", REG_SZ, sz("key %d" % i))])
            for i, m in enumerate(marks)]
    if added:
        keys.append(Key("Added", subkeys=[Key("Child", values=[Value("note", REG_SZ, sz("grown"))])],
                        values=[Value("blob", REG_BINARY, bytes(range(256)) * 40)]))
    if big is not None:
        keys.append(Key("Big", values=[Value("data", REG_BINARY, bytes((i * 7) & 0xFF for i in range(big)))]))
    return Key("ROOT", subkeys=keys, values=[Value("fixture", REG_SZ, sz("hivescan recovery"))])


def other_tree():
    return Key("ROOT", subkeys=[Key("Other%d" % i, values=[Value("x", REG_BINARY, filler(0x70 + i, 900))])
                                for i in range(8)])


def image(tree, seq1, seq2, last_written=T_MAIN, guids=GUIDS_MAIN, minor=5):
    """The primary file of a state, with the Windows 10 GUID fields set (§Base block: RmId, LogId, TmId)."""
    img = rw.build_hive(tree, minor=minor, seq1=seq1, seq2=seq2, last_written=last_written,
                        file_name="\\??\\C:\\fixture\\NTUSER.DAT")
    data = img.data
    if guids is not None:
        data[112:128] = guids[:16]          # RmId
        data[128:144] = guids[:16]          # LogId (Windows stores the same GUID as RmId)
        data[148:164] = guids[16:32]        # TmId
        data[164:168] = b"rmtm"             # GUID signature
    rw.fix_checksum(data)
    return data


def bins(data):
    return bytes(data[BLOCK:])


def hbins_size(data):
    return struct.unpack_from("<I", data, 40)[0]


def changed_blocks(before, after):
    """Relative offsets of the 4096-byte blocks of hive-bin data that differ (or are new) in `after`."""
    a, b = bins(before), bins(after)
    out = []
    for rel in range(0, len(b), BLOCK):
        if a[rel:rel + BLOCK] != b[rel:rel + BLOCK]:
            out.append(rel)
    return out


def runs(blocks):
    """Coalesce consecutive block offsets into (offset, size) page references."""
    refs = []
    for rel in blocks:
        if refs and refs[-1][0] + refs[-1][1] == rel:
            refs[-1] = (refs[-1][0], refs[-1][1] + BLOCK)
        else:
            refs.append((rel, BLOCK))
    return refs


# --- new-format logs ------------------------------------------------------------------------------------

def log_header(primary, seq, file_type, hive_bins):
    """The 512-byte base-block copy at the start of a log (§Old format / Base block; §New format / Base block)."""
    h = bytearray(primary[:512])
    struct.pack_into("<II", h, 4, seq, seq)
    struct.pack_into("<I", h, 28, file_type)
    struct.pack_into("<I", h, 40, hive_bins)
    rw.fix_checksum(h)
    return h


def log_entry(seq, before, after, flags=0):
    refs = runs(changed_blocks(before, after))
    body = bytearray()
    for rel, size in refs:
        body += struct.pack("<II", rel, size)
    for rel, size in refs:
        body += bins(after)[rel:rel + size]
    size = 40 + len(body)
    size += (-size) % 512
    e = bytearray(size)
    struct.pack_into("<4sIIIII", e, 0, b"HvLE", size, flags, seq, hbins_size(after), len(refs))
    e[40:40 + len(body)] = body
    struct.pack_into("<Q", e, 24, marvin32(e[40:]))
    struct.pack_into("<Q", e, 32, marvin32(e[:32]))
    return e


def new_log(primary_for_header, start_seq, states, first_state_index):
    """A new-format log whose entries turn states[i-1] into states[i], numbered from start_seq."""
    out = log_header(primary_for_header, start_seq, 6, hbins_size(states[first_state_index - 1]))
    seq = start_seq
    for i in range(first_state_index, len(states)):
        out += log_entry(seq, states[i - 1], states[i])
        seq += 1
    return out


# --- old-format logs ------------------------------------------------------------------------------------

def old_log(primary_for_header, seq, before, after, corrupt_block=None):
    """An old-format log holding the 4096-byte blocks that differ (Windows tracks dirt per 4 KiB, §Dirty vector
    Note 3).  corrupt_block: relative offset of a logged block whose hbin signature is spoiled."""
    size = hbins_size(after)
    blocks = changed_blocks(before, after)
    bitmap = bytearray(size // BLOCK)             # size/512 bits
    for rel in blocks:
        for page in range(rel // 512, (rel + BLOCK) // 512):
            bitmap[page // 8] |= 1 << (page % 8)
    out = log_header(primary_for_header, seq, 1, size) + b"DIRT" + bitmap
    out += bytes((-len(out)) % 512)               # pages start at the next sector boundary
    for rel in blocks:
        page = bytearray(bins(after)[rel:rel + BLOCK])
        if rel == corrupt_block:
            page[0:4] = b"hbix"
        out += page
    return out


# --- the fixtures ---------------------------------------------------------------------------------------

MARKS0 = [0x41 + i for i in range(12)]


def marks_with(changes):
    m = list(MARKS0)
    for i, v in changes.items():
        m[i] = v
    return m


def new_format_states():
    """S0..S4: S1-S3 change K01, K07, K10 in place; S4 adds a key, so the hive grows."""
    trees = [main_tree(MARKS0),
             main_tree(marks_with({1: 0x61})),
             main_tree(marks_with({1: 0x61, 7: 0x67})),
             main_tree(marks_with({1: 0x61, 7: 0x67, 10: 0x6A})),
             main_tree(marks_with({1: 0x61, 7: 0x67, 10: 0x6A}), added=True)]
    return trees, [image(t, 1, 1) for t in trees]


def write(folder, name, data):
    path = os.path.join(HERE, folder)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, name), "wb") as f:
        f.write(data)


def write_listing_gz(folder, name, tree):
    """A large expected listing, gzip-compressed (mtime 0, so the bytes are reproducible)."""
    write(folder, name, gzip.compress(rw.canonical_listing(tree), mtime=0))


def dirty_primary(state_image, seq1, seq2):
    p = bytearray(state_image)
    struct.pack_into("<II", p, 4, seq1, seq2)
    rw.fix_checksum(p)
    return p


def make_dual_older_first(trees, states):
    """LOG2 holds the older entries (10, 11) and LOG1 the newer (12, 13): replay must take LOG2 first and go on
    into LOG1.  The file names differ in case from the primary's, as on Windows."""
    primary = dirty_primary(states[0], 11, 10)
    write("dual-older-first", "NTUSER.DAT", primary)
    write("dual-older-first", "ntuser.dat.LOG2", new_log(primary, 10, states[:3], 1))
    log1 = log_header(primary, 12, 6, hbins_size(states[2]))
    log1 += log_entry(12, states[2], states[3]) + log_entry(13, states[3], states[4])
    write("dual-older-first", "ntuser.dat.LOG1", log1)
    write("dual-older-first", "expected.canon", rw.canonical_listing(trees[4]))
    write("dual-older-first", "expected-LOG2-only.canon", rw.canonical_listing(trees[2]))


def make_stale(trees, states):
    """The primary's secondary sequence number is 20; the log's entries start at 15, so they are older."""
    primary = dirty_primary(states[0], 21, 20)
    write("stale-log", "SOFTWARE", primary)
    write("stale-log", "SOFTWARE.LOG1", new_log(primary, 15, states[:3], 1))
    write("stale-log", "expected.canon", rw.canonical_listing(trees[0]))


def make_other_hive(trees, states):
    """Logs of another hive whose entries would otherwise line up: by GUIDs (other-hive-guids) and, with no GUIDs
    at all, by last-written timestamp (other-hive-timestamp)."""
    other_trees = [other_tree(), Key("ROOT", subkeys=[Key("Replaced")])]
    for folder, guids, stamp in (("other-hive-guids", GUIDS_OTHER, T_MAIN),
                                 ("other-hive-timestamp", None, T_OTHER)):
        own_guids = GUIDS_MAIN if guids is not None else None
        primary = dirty_primary(image(trees[0], 1, 1, guids=own_guids), 11, 10)
        others = [image(t, 1, 1, last_written=stamp, guids=guids) for t in other_trees]
        write(folder, "SYSTEM", primary)
        write(folder, "SYSTEM.LOG1", new_log(others[0], 10, others, 1))
        write(folder, "expected.canon", rw.canonical_listing(trees[0]))


def make_broken_entries(trees, states):
    """One log with entries 10, 11, 12 spoiled in three ways; each must stop replay after the last good entry."""
    primary = dirty_primary(states[0], 11, 10)
    good = new_log(primary, 10, states[:4], 1)
    e10 = 512 + struct.unpack_from("<I", good, 512 + 4)[0]
    e11 = e10 + struct.unpack_from("<I", good, e10 + 4)[0]
    # truncated-log: the file ends in the middle of entry 12 (after its header and part of its pages).
    write("truncated-log", "BBI", primary)
    write("truncated-log", "BBI.LOG1", good[:e11 + 1024 + 40])
    write("truncated-log", "expected.canon", rw.canonical_listing(trees[2]))
    # bad-hash-log: one byte of entry 11's page data flipped, so its Hash-1 no longer matches.
    spoiled = bytearray(good)
    spoiled[e10 + 40 + 8 + 100] ^= 0xFF
    write("bad-hash-log", "BBI", primary)
    write("bad-hash-log", "BBI.LOG1", spoiled)
    write("bad-hash-log", "expected.canon", rw.canonical_listing(trees[1]))
    # gap-log: entry 11 missing, entry 12 follows entry 10.
    gapped = log_header(primary, 10, 6, hbins_size(states[0]))
    gapped += log_entry(10, states[0], states[1]) + log_entry(12, states[1], states[2])
    write("gap-log", "BBI", primary)
    write("gap-log", "BBI.LOG1", gapped)
    write("gap-log", "expected.canon", rw.canonical_listing(trees[1]))


def make_old_format():
    """Old-format logs of a hive larger than 2 MiB, whose dirty-vector bitmap is longer than 508 bytes, so the
    dirty pages start at 1536, not 1024 (§Dirty pages).  A1 sits before the 2.3 MB value, Z9 after it."""
    big = 2_300_000

    def tree(a1, z9):
        return Key("ROOT", subkeys=[Key("A1", values=[Value("v", REG_BINARY, filler(a1))]),
                                    Key("Big", values=[Value("data", REG_BINARY,
                                                             bytes((i * 7) & 0xFF for i in range(big)))]),
                                    Key("Z9", values=[Value("v", REG_BINARY, filler(z9))])])

    before, middle, after = tree(0x30, 0x40), tree(0x31, 0x40), tree(0x31, 0x41)
    img_before = image(before, 5, 5, guids=None)
    img_after = image(after, 5, 5, guids=None)
    assert hbins_size(img_after) // BLOCK > 508, "the bitmap must not fit in the first sector"
    primary = dirty_primary(img_before, 5, 4)
    blocks = changed_blocks(img_before, img_after)
    assert len(blocks) == 2 and blocks[1] > 2 * 1024 * 1024, blocks
    # One primary serves three logs; the tests name the last two with --log.
    write("old-format", "SAM", primary)
    write("old-format", "SAM.LOG1", old_log(primary, 5, img_before, img_after))
    write_listing_gz("old-format", "expected.canon.gz", after)
    # bad-bin.LOG1: the second dirty bin's header is spoiled in the log, so only the first bin is applied.
    write("old-format", "bad-bin.LOG1", old_log(primary, 5, img_before, img_after, corrupt_block=blocks[1]))
    write_listing_gz("old-format", "expected-bad-bin.canon.gz", middle)
    # other-hive.LOG: an old-format log whose last-written timestamp is another hive's.
    foreign = image(tree(0x50, 0x51), 9, 9, last_written=T_OTHER, guids=None)
    write("old-format", "other-hive.LOG", old_log(foreign, 9, img_before, foreign))
    write_listing_gz("old-format", "expected-primary.canon.gz", before)


def main():
    trees, states = new_format_states()
    assert hbins_size(states[4]) > hbins_size(states[3]), "S4 must grow the hive"
    make_dual_older_first(trees, states)
    make_stale(trees, states)
    make_other_hive(trees, states)
    make_broken_entries(trees, states)
    make_old_format()


if __name__ == "__main__":
    main()
