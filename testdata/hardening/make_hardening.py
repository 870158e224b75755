#!/usr/bin/env python3
"""Write the hostile hives of this folder, one per limit of issue 5 that testdata/fixtures
does not already cover.  Each starts as a valid hive from ../fixtures/regf_writer.py (the
independent writer) and then has bytes patched at the offsets the writer reports.

    python3 make_hardening.py            # (re)write NAME.hive next to this script
    python3 make_hardening.py --notes    # print what was patched where (README.md repeats it)

Deterministic (no randomness, fixed timestamps): a second run writes identical files.
Prints nothing on success unless --notes is given.
"""

import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(HERE, "..", "fixtures"))

from regf_writer import (  # noqa: E402
    Key, Value, build_hive, file_offset, sz, BIG_DATA_SEGMENT, REG_BINARY, REG_SZ,
)

FIXTURES = []


def fixture(name):
    def register(fn):
        FIXTURES.append((name, fn))
        return fn
    return register


def pattern(n, seed=0):
    return bytes((i + seed) % 251 for i in range(n))


def at(img, cell, field):
    """File offset of byte `field` of the record in the cell at relative offset `cell`."""
    return img.field_offset(cell, field)


@fixture("ri-nesting-deep")
def ri_nesting_deep(notes):
    # An index root whose first leaf is another index root, four levels down (§Index root
    # says an ri never points to an ri; the reader tolerates a little nesting and caps it).
    root = Key("ROOT", subkeys=[
        Key("Nested", subkeys=[Key("k%02d" % i) for i in range(12)], list_kind="ri", ri_leaves=6)])
    img = build_hive(root, file_name="ri-nesting-deep")
    k = img.key("Nested")
    leaves = k.ri_leaves
    img.patch_u16(at(img, k.subkey_list, 2), 1)
    notes.append("ri of Nested (rel 0x%X): count (file 0x%X) set to 1, so only leaf 0x%X is followed"
                 % (k.subkey_list, at(img, k.subkey_list, 2), leaves[0]))
    for i in range(4):
        img.patch(at(img, leaves[i], 0), b"ri" + struct.pack("<HI", 1, leaves[i + 1]))
        notes.append("cell rel 0x%X (file 0x%X), an lh leaf, rewritten as an ri of 1 entry -> 0x%X "
                     "(nesting depth %d)" % (leaves[i], file_offset(leaves[i]), leaves[i + 1], i + 1))
    notes.append("so the ri at rel 0x%X (file 0x%X) is nested 5 deep, past the cap of 4; Nested lists "
                 "no subkey" % (leaves[3], file_offset(leaves[3])))
    img.fix_checksum()
    return img.data


@fixture("bigdata-amplified")
def bigdata_amplified(notes):
    # A 60 KiB file whose big-data record claims 50,000,000 bytes, made of one real
    # segment listed 3060 times: honest reading would allocate 50 MB from 60 KiB.
    carrier_len = 4 * 3060
    root = Key("ROOT", subkeys=[Key("Big", values=[
        Value("huge", REG_BINARY, pattern(40000)),
        Value("carrier", REG_BINARY, bytes(carrier_len))])])
    img = build_hive(root, file_name="bigdata-amplified")
    huge = img.value(("Big",), "huge")
    carrier = img.value(("Big",), "carrier")
    img.patch(at(img, carrier.data, 0), struct.pack("<%dI" % 3060, *([huge.segments[0]] * 3060)))
    img.patch_u32(at(img, huge.vk, 4), 50_000_000)
    img.patch_u16(at(img, huge.data, 2), 3060)
    img.patch_u32(at(img, huge.data, 4), carrier.data)
    img.fix_checksum()
    notes.append("vk of Big\\huge (rel 0x%X): data size (file 0x%X) set to 50000000"
                 % (huge.vk, at(img, huge.vk, 4)))
    notes.append("its db (rel 0x%X): segment count (file 0x%X) 3060, segment list (file 0x%X) -> 0x%X, the "
                 "data cell of Big\\carrier, which now lists segment 0x%X 3060 times"
                 % (huge.data, at(img, huge.data, 2), at(img, huge.data, 4), carrier.data, huge.segments[0]))
    notes.append("the file is %d bytes" % len(img.data))
    return img.data


@fixture("bigdata-size-overflow")
def bigdata_size_overflow(notes):
    # Data size 0x7FFFFFFF: (size + 16343) / 16344 overflows a 32-bit int, and an array of
    # that size cannot be allocated at all.
    root = Key("ROOT", subkeys=[Key("Big", values=[Value("max", REG_BINARY, pattern(40000))])])
    img = build_hive(root, file_name="bigdata-size-overflow")
    v = img.value(("Big",), "max")
    img.patch_u32(at(img, v.vk, 4), 0x7FFFFFFF)
    img.fix_checksum()
    notes.append("vk of Big\\max (rel 0x%X): data size (file 0x%X) set to 0x7FFFFFFF; its db (rel 0x%X) "
                 "still says 3 segments" % (v.vk, at(img, v.vk, 4), v.data))
    return img.data


@fixture("offset-overflow")
def offset_overflow(notes):
    # Offsets and sizes at the top of the 32-bit range, where 4096 + offset or offset + size
    # wraps in 32-bit arithmetic.  Each damage sits in its own key.
    root = Key("ROOT", subkeys=[
        Key("ListFar", subkeys=[Key("x")]),
        Key("ClassFar", class_name="far"),
        Key("ClassLong", class_name="long"),
        Key("CellHuge", values=[Value("v", REG_BINARY, pattern(16))]),
        Key("CellHugeFree", values=[Value("v", REG_BINARY, pattern(16))]),
        Key("ValueFar", values=[Value("v", REG_SZ, sz("x"))]),
        Key("SecurityFar"),
    ])
    img = build_hive(root, file_name="offset-overflow")
    patches = [
        ("ListFar", 28, 0xFFFFFFF8, "subkey list offset"),
        ("ClassFar", 48, 0xFFFFF000, "class name offset"),
        ("ClassFar", 74, 0xFFFF, "class name length"),
        ("ClassLong", 74, 0xFFFF, "class name length"),
        ("SecurityFar", 44, 0xFFFFFFF8, "security offset"),
    ]
    for name, field, value, what in patches:
        nk = img.key(name).nk
        if field == 74:
            img.patch_u16(at(img, nk, field), value)
        else:
            img.patch_u32(at(img, nk, field), value)
        notes.append("nk of %s (rel 0x%X): %s (file 0x%X) set to 0x%X" % (name, nk, what, at(img, nk, field), value))
    huge = img.value(("CellHuge",), "v").data
    img.patch_cell_size(huge, -0x7FFFFFF8)
    notes.append("data cell of CellHuge\\v (rel 0x%X): size (file 0x%X) set to -0x7FFFFFF8 (allocated)"
                 % (huge, file_offset(huge)))
    free = img.value(("CellHugeFree",), "v").data
    img.patch_cell_size(free, 0x7FFFFFF8)
    notes.append("data cell of CellHugeFree\\v (rel 0x%X): size (file 0x%X) set to 0x7FFFFFF8 (free)"
                 % (free, file_offset(free)))
    vlist = img.key("ValueFar").value_list
    img.patch_u32(at(img, vlist, 0), 0x7FFFFFF8)
    notes.append("value list of ValueFar (rel 0x%X): entry 0 (file 0x%X) set to 0x7FFFFFF8"
                 % (vlist, at(img, vlist, 0)))
    img.patch_u32(40, 0xFFFFFFFF)
    notes.append("base block: hive bins data size (file 0x28) set to 0xFFFFFFFF")
    img.fix_checksum()
    return img.data


@fixture("bin-size-overflow")
def bin_size_overflow(notes):
    # The second of three bins says it is 0xFFFFF000 bytes long: rel 0x1000 + that wraps to
    # 0 in 32 bits.  The third bin is intact and must still be found.
    root = Key("ROOT", subkeys=[
        Key("A", values=[Value("a%d" % i, REG_BINARY, pattern(1500, i)) for i in range(2)]),
        Key("B", values=[Value("b%d" % i, REG_BINARY, pattern(1500, i)) for i in range(2)]),
        Key("C", values=[Value("c%d" % i, REG_BINARY, pattern(1500, i)) for i in range(2)]),
    ])
    img = build_hive(root, file_name="bin-size-overflow")
    assert len(img.bins) >= 3, img.bins
    rel = img.bins[1][0]
    img.patch_u32(file_offset(rel) + 8, 0xFFFFF000)
    img.fix_checksum()
    notes.append("hbin at rel 0x%X (file 0x%X): size (file 0x%X) set to 0xFFFFF000; %d bins in all"
                 % (rel, file_offset(rel), file_offset(rel) + 8, len(img.bins)))
    return img.data


@fixture("sk-size-overflow")
def sk_size_overflow(notes):
    # The one security cell says its descriptor is 0xFFFFFFFF bytes long.
    root = Key("ROOT", subkeys=[Key("A")])
    img = build_hive(root, file_name="sk-size-overflow")
    img.patch_u32(at(img, img.sk, 16), 0xFFFFFFFF)
    img.fix_checksum()
    notes.append("sk (rel 0x%X): descriptor size (file 0x%X) set to 0xFFFFFFFF" % (img.sk, at(img, img.sk, 16)))
    return img.data


def carrier_tree(n_values, data):
    """ROOT holds two carrier values whose data cells are later rewritten as an lh list and a value list;
    its one real subkey k0 holds n_values values."""
    return Key("ROOT", values=[
        Value("lh-carrier", REG_BINARY, bytes(4 + 8 * 1000)),
        Value("vl-carrier", REG_BINARY, bytes(4 * 1000)),
    ], subkeys=[Key("k0", values=[Value("v%03d" % i, REG_BINARY, data) for i in range(n_values)])])


def share(img, notes, keys, values):
    """Points ROOT's subkey list at an lh of `keys` entries that all name k0, and k0's value list at a list of
    `values` entries that all name k0's first value."""
    lh = img.value((), "lh-carrier").data
    vl = img.value((), "vl-carrier").data
    k0 = img.key("k0").nk
    first = img.value(("k0",), "v000").vk
    img.patch(at(img, lh, 0), b"lh" + struct.pack("<H", keys) + struct.pack("<II", k0, 0) * keys)
    img.patch_u32(at(img, img.root, 20), keys)
    img.patch_u32(at(img, img.root, 28), lh)
    img.patch(at(img, vl, 0), struct.pack("<I", first) * values)
    img.patch_u32(at(img, k0, 36), values)
    img.patch_u32(at(img, k0, 40), vl)
    notes.append("ROOT (rel 0x%X): subkey count (file 0x%X) %d, subkey list (file 0x%X) -> 0x%X, the data cell of "
                 "the value lh-carrier, rewritten as an lh whose %d entries all name k0 (rel 0x%X)"
                 % (img.root, at(img, img.root, 20), keys, at(img, img.root, 28), lh, keys, k0))
    notes.append("k0: value count (file 0x%X) %d, value list (file 0x%X) -> 0x%X, the data cell of vl-carrier, "
                 "whose %d entries all name k0's value v000 (vk rel 0x%X)"
                 % (at(img, k0, 36), values, at(img, k0, 40), vl, values, first))


@fixture("shared-lists")
def shared_lists(notes):
    # One key listed 1000 times, holding one value listed 1000 times: a million values to hand out from 24 KiB.
    root = carrier_tree(1, pattern(16))
    img = build_hive(root, file_name="shared-lists")
    share(img, notes, 1000, 1000)
    notes.append("so a walk meets 1000 x 1000 values; the file is %d bytes" % len(img.data))
    img.fix_checksum()
    return img.data


@fixture("shared-data-cell")
def shared_data_cell(notes):
    # k0 has 100 values whose vk records all point at one 16000-byte data cell; k0 is listed 40 times: 4,000
    # reads of 16000 bytes, 64 MB, from 44 KiB (few enough value keys to stay inside the value budget).
    root = carrier_tree(100, b"")
    root.subkeys[0].values[0] = Value("v000", REG_BINARY, pattern(16000))
    img = build_hive(root, file_name="shared-data-cell")
    data = img.value(("k0",), "v000").data
    for i in range(100):
        vk = img.value(("k0",), "v%03d" % i).vk
        img.patch_u32(at(img, vk, 4), 16000)
        img.patch_u32(at(img, vk, 8), data)
    notes.append("the 100 vk records of k0\\v000..v099: data size (field +4) 16000 and data offset (field +8) "
                 "-> 0x%X, v000's data cell" % data)
    lh = img.value((), "lh-carrier").data
    k0 = img.key("k0").nk
    img.patch(at(img, lh, 0), b"lh" + struct.pack("<H", 40) + struct.pack("<II", k0, 0) * 40)
    img.patch_u32(at(img, img.root, 20), 40)
    img.patch_u32(at(img, img.root, 28), lh)
    notes.append("ROOT (rel 0x%X): subkey count (file 0x%X) 40, subkey list (file 0x%X) -> 0x%X, the data cell "
                 "of lh-carrier, rewritten as an lh whose 40 entries all name k0 (rel 0x%X)"
                 % (img.root, at(img, img.root, 20), at(img, img.root, 28), lh, k0))
    notes.append("the file is %d bytes" % len(img.data))
    img.fix_checksum()
    return img.data


def main(argv):
    show = "--notes" in argv
    for name, fn in FIXTURES:
        notes = []
        data = fn(notes)
        with open(os.path.join(HERE, name + ".hive"), "wb") as f:
            f.write(data)
        if show:
            print("%s:" % name)
            for n in notes:
                print("  - " + n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
