package org.hivescan.fuzz;

/** What a byte range of a seed holds, so the mutator can pick values that stress the code reading it. */
enum FieldKind {
    /** A cell's signed size field. */
    CELL_SIZE,
    /** A two-byte record signature ("nk", "lh", ...). */
    SIGNATURE,
    /** A stored relative offset to another cell. */
    OFFSET,
    /** A count of list elements, subkeys, values or segments. */
    COUNT,
    /** A size other than a cell size: data size, class-name length, descriptor size, hive-bins size. */
    SIZE,
    /** The length of a key or value name. */
    NAME_LENGTH,
    /** Flags and types. */
    FLAGS,
    /** A field of the base block (version, type, sequence numbers, root offset, checksum). */
    BASE_BLOCK,
    /** A field of a hive bin header (signature, self-offset, size). */
    BIN_HEADER,
    /** An offset inside a security descriptor (owner, group, ACLs, ACE sizes). */
    DESCRIPTOR,
    /** A field of a transaction log: its base block, "DIRT" bitmap or an "HvLE" entry header. */
    LOG_HEADER
}
