/**
 * Layer 6: turning hives into text for people and other tools: the canonical listing, .reg, JSON Lines and the
 * terminal renderings. Every name that comes from a hive passes through {@link org.hivescan.report.Escaping}
 * for the target format, so hive content can never inject markup, control sequences or line breaks.
 */
package org.hivescan.report;
