package org.hivescan.scan;

/** What a discovered file is, judged by its content (the root keys), never by its name. */
public enum ContentKind {
    /** A SYSTEM hive: the root has Select and a ControlSet00N. */
    SYSTEM,
    /** A SOFTWARE hive: the root has Microsoft and Classes or Policies. */
    SOFTWARE,
    /** Another hive (SAM, NTUSER.DAT, ...): found, not audited. */
    OTHER,
    /** A file that looks like a hive by name or signature but cannot be read: an ERROR row with its reason. */
    UNREADABLE
}
