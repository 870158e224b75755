package org.hivescan.hive;

import org.hivescan.format.BaseBlock;
import org.hivescan.format.CellSpace;

/** Test access to the format-layer internals that the public API keeps to itself. */
public final class HiveInternals {
    private HiveInternals() {
    }

    public static BaseBlock baseBlock(Hive hive) {
        return hive.baseBlock();
    }

    public static CellSpace space(Hive hive) {
        return hive.space();
    }
}
