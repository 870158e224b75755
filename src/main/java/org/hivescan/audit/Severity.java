package org.hivescan.audit;

/** How much a rule's failure hurts (tls-rules.md §8 severity scale). */
public enum Severity {
    /** Microsoft 365 connections fail for that stack. */
    CRIT,
    /** Common stacks fail. */
    HIGH,
    /** Some applications fail. */
    MED,
    /** Hardening or context. */
    INFO
}
