/**
 * Layer 3: the hive API. {@link org.hivescan.hive.Hive}, {@link org.hivescan.hive.Key} and
 * {@link org.hivescan.hive.Value} read lazily from the format layer: nothing is loaded until asked for, names
 * compare case-insensitively the way Windows does, and a streaming {@link org.hivescan.hive.Hive#walk walk}
 * visits every key and value without holding the tree in memory.
 */
package org.hivescan.hive;
