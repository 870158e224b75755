package org.hivescan.hive;

import org.hivescan.bytes.HiveFormatException;

/** Receives every key and value of a {@link Hive#walk walk}, parents before children. */
public interface HiveVisitor {
    /** Called on reaching a key; return false to skip its values and subkeys. */
    boolean key(Key key) throws HiveFormatException, java.io.IOException;

    /** Whether {@link #value} should be called at all; a visitor that reads values itself says no. */
    default boolean wantsValues() {
        return true;
    }

    /** Called for each value of a key, after {@link #key} and before its subkeys. */
    default void value(Key key, Value value) throws HiveFormatException, java.io.IOException {
    }

    /** Called when a key's subtree is done. */
    default void leave(Key key) throws HiveFormatException, java.io.IOException {
    }
}
