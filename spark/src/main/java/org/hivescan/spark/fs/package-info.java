/**
 * Hadoop {@link org.apache.hadoop.fs.FileSystem} access for the Spark scan: hives, zips and disk images on
 * file://, hdfs:// or s3a:// read by positional reads behind {@link org.hivescan.bytes.ByteSource}, with the bytes
 * fetched counted per source.
 */
package org.hivescan.spark.fs;
