package org.hivescan.spark;

import java.io.Serializable;

/** A folder below an input path, walked in one task during distributed listing. */
record Subtree(int root, int unit, String folder) implements Serializable {
    private static final long serialVersionUID = 1L;
}
