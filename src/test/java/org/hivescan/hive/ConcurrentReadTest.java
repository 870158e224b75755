package org.hivescan.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hivescan.TestPaths;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveClosedException;
import org.hivescan.bytes.HiveFormatException;
import org.junit.jupiter.api.Test;

/** The thread-safety contract of {@link Hive}: many threads read one hive, and close may race them. */
class ConcurrentReadTest {
    private static final Path SOFTWARE = TestPaths.testdata().resolve("hosts/05-2016-defaults/SOFTWARE");

    /** Keys, values and data bytes of a full walk. */
    static long[] walk(Hive hive) throws Exception {
        long[] counts = new long[3];
        hive.walk(new HiveVisitor() {
            @Override
            public boolean key(Key key) {
                counts[0]++;
                return true;
            }

            @Override
            public void value(Key key, Value value) {
                counts[1]++;
                counts[2] += value.data().length;
            }
        });
        return counts;
    }

    @Test
    void eightThreadsLookUpAndWalkOneHive() throws Exception {
        for (boolean positional : new boolean[] {false, true}) {
            HiveBytes bytes = positional ? HiveBytes.openPositional(SOFTWARE) : HiveBytes.open(SOFTWARE);
            try (Hive hive = Hive.open(bytes, HiveOptions.strictOptions())) {
                long[] expected = walk(hive);
                ExecutorService pool = Executors.newFixedThreadPool(8);
                try {
                    List<Future<?>> work = new ArrayList<>();
                    for (int t = 0; t < 8; t++) {
                        int thread = t;
                        work.add(pool.submit(() -> {
                            for (int i = 0; i < 20; i++) {
                                if (thread % 2 == 0) {
                                    assertThat(walk(hive)).isEqualTo(expected);
                                } else {
                                    for (int j = 0; j < 500; j++) {
                                        assertThat(hive.key("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion")
                                                .flatMap(k -> k.value("CurrentBuild")).flatMap(Value::asString))
                                                .contains("14393");
                                    }
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : work) {
                        f.get(5, TimeUnit.MINUTES);
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertThat(hive.diagnostics().isEmpty()).isTrue();
            }
        }
    }

    @Test
    void closeWhileReadingEndsEveryReaderWithClosedOnly() throws Exception {
        for (int round = 0; round < 10; round++) {
            Hive hive = Hive.openWithoutReplay(SOFTWARE, HiveOptions.strictOptions());
            int threads = 6;
            CountDownLatch running = new CountDownLatch(threads);
            AtomicReference<Throwable> wrong = new AtomicReference<>();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean walker = t % 2 == 0;
                Thread r = new Thread(() -> {
                    running.countDown();
                    try {
                        while (true) {
                            if (walker) {
                                walk(hive);
                            } else {
                                hive.key("Microsoft\\Windows NT\\CurrentVersion").orElseThrow().values();
                            }
                        }
                    } catch (HiveClosedException expected) {
                        // the one way a read may end once the hive is closed
                    } catch (HiveFormatException e) {
                        // a strict read after close must not pass for damage
                        wrong.compareAndSet(null, e);
                    } catch (Throwable e) {
                        wrong.compareAndSet(null, e);
                    }
                });
                readers.add(r);
                r.start();
            }
            running.await();
            Thread.sleep(round * 3L);
            hive.close();
            for (Thread r : readers) {
                r.join(30_000);
                assertThat(r.isAlive()).isFalse();
            }
            assertThat(wrong.get()).isNull();
            assertThat(hive.isClosed()).isTrue();
        }
    }
}
