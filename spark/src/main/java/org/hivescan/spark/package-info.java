/**
 * The bulk scan as an Apache Spark job: discovery, grouping and per-host audits of {@code org.hivescan.scan} run
 * in tasks over a Hadoop file system, and the outputs of {@code hivescan scan} are written from their results.
 */
package org.hivescan.spark;
