package org.hivescan.hardening;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hivescan.TestPaths;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveOptions;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;

/**
 * Test helper for the crafted hostile hives: testdata/fixtures (make_fixtures.py) and testdata/hardening
 * (make_hardening.py), both written by the independent Python writer. Each fixture's README entry says which
 * bytes were damaged and at which file offset, and the tests check that the reader names that offset.
 */
final class Hostile {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Hostile() {
    }

    static Path fixture(String name) {
        return TestPaths.fixtures().resolve(name + ".hive");
    }

    static Path hardening(String name) {
        return TestPaths.testdata().resolve("hardening").resolve(name + ".hive");
    }

    static Hive open(Path file) throws HiveFormatException {
        return Hive.openWithoutReplay(file, HiveOptions.lenient());
    }

    /** What a full lenient walk reached: key paths, and values as "path:name". */
    record Walk(List<String> keys, List<String> values, List<String> valueErrors) {
    }

    /** Walks every key and reads every value's data, collecting the paths and the errors of unreadable values. */
    static Walk walk(Hive hive) throws HiveFormatException, IOException {
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        hive.walk(new HiveVisitor() {
            @Override
            public boolean key(Key key) {
                keys.add(key.path());
                return true;
            }

            @Override
            public void value(Key key, Value value) {
                values.add(key.path() + ":" + value.name());
                try {
                    value.data();
                } catch (HiveFormatException e) {
                    errors.add(e.getMessage());
                }
            }
        });
        return new Walk(keys, values, errors);
    }

    /** The lenient-mode diagnostics of a hive, one message each. */
    static List<String> diagnostics(Hive hive) {
        return hive.diagnostics().messages();
    }

    /** Bytes allocated by this thread while running {@code action}. */
    static long allocatedBy(ThrowingRunnable action) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        action.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
