/**
 * Layer 6 (report): the analyst's views of a hive beyond listing it: searching names and data ({@link
 * org.hivescan.report.explore.HiveSearch}), keys by last-written time ({@link
 * org.hivescan.report.explore.Timeline}) and the difference between two hives ({@link
 * org.hivescan.report.explore.HiveDiff}), each with its text, CSV or JSON rendering. Hive text is escaped for the
 * target format as everywhere in the report layer.
 */
package org.hivescan.report.explore;
