package org.hivescan.bytes;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A copy-on-write view: 512-byte pages replaced in memory over a read-only base, and an optional new length.
 * Transaction-log replay builds one of these so that the evidence file is never written, and memory grows with
 * the number of replaced pages rather than with the hive. Pages past the base's end read as zeros until replaced.
 *
 * <p>Replaced pages live in a two-level page table (groups of 256 page slots, allocated on first write), so a read
 * finds its page with two array lookups and reads within one replaced page go straight to that page's array.
 */
public final class OverlayBytes extends HiveBytes {
    public static final int PAGE_SIZE = 512;
    private static final int PAGE_BITS = 9;
    private static final int GROUP_BITS = 8;
    private static final int GROUP_MASK = (1 << GROUP_BITS) - 1;
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final HiveBytes base;
    private final long baseLength;
    private final long length;
    private byte[][][] table = new byte[0][][];
    private int pageCount;

    /**
     * @param length the length of the view: the base's length, or more when the logs grew the hive
     */
    public OverlayBytes(HiveBytes base, long length) {
        super(base.resource());
        this.base = base;
        this.baseLength = base.length();
        this.length = length;
    }

    /** Replaces bytes starting at {@code offset}; the range may span pages and need not be aligned. */
    public void write(long offset, byte[] data, int from, int count) {
        for (int i = 0; i < count; ) {
            long at = offset + i;
            byte[] page = pageForWrite(at >>> PAGE_BITS);
            int inPage = (int) (at & (PAGE_SIZE - 1));
            int n = Math.min(count - i, PAGE_SIZE - inPage);
            System.arraycopy(data, from + i, page, inPage, n);
            i += n;
        }
    }

    /** The replaced page with this index, or null. */
    private byte[] page(long index) {
        long group = index >>> GROUP_BITS;
        if (group >= table.length) {
            return null;
        }
        byte[][] slots = table[(int) group];
        return slots == null ? null : slots[(int) index & GROUP_MASK];
    }

    private byte[] pageForWrite(long index) {
        byte[] page = page(index);
        if (page != null) {
            return page;
        }
        int group = Math.toIntExact(index >>> GROUP_BITS);
        if (group >= table.length) {
            table = Arrays.copyOf(table, Math.max(group + 1, table.length * 2));
        }
        if (table[group] == null) {
            table[group] = new byte[1 << GROUP_BITS][];
        }
        page = new byte[PAGE_SIZE];
        long start = index << PAGE_BITS;
        int fromBase = (int) Math.max(0, Math.min(PAGE_SIZE, baseLength - start));
        if (fromBase > 0) {
            base.getBytes(start, page, 0, fromBase);
        }
        table[group][(int) index & GROUP_MASK] = page;
        pageCount++;
        return page;
    }

    /** True when the 512-byte page holding {@code offset} has been replaced (written) in this view. */
    public boolean isReplaced(long offset) {
        return offset >= 0 && page(offset >>> PAGE_BITS) != null;
    }

    /** How many 512-byte pages are held in memory. */
    public int replacedPageCount() {
        return pageCount;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    protected byte getByte(long offset) {
        byte[] page = page(offset >>> PAGE_BITS);
        if (page != null) {
            return page[(int) (offset & (PAGE_SIZE - 1))];
        }
        return offset < baseLength ? base.getByte(offset) : 0;
    }

    /** True when the range lies in the base and touches no replaced page. */
    private boolean plain(long offset, int count) {
        long first = offset >>> PAGE_BITS;
        long last = (offset + count - 1) >>> PAGE_BITS;
        return offset + count <= baseLength && page(first) == null && page(last) == null;
    }

    /** The replaced page holding the whole range, or null when the range is not inside one replaced page. */
    private byte[] within(long offset, int count) {
        long first = offset >>> PAGE_BITS;
        return first == (offset + count - 1) >>> PAGE_BITS ? page(first) : null;
    }

    @Override
    protected int getInt(long offset) {
        if (plain(offset, 4)) {
            return base.getInt(offset);
        }
        byte[] page = within(offset, 4);
        return page != null ? (int) INT.get(page, (int) (offset & (PAGE_SIZE - 1))) : super.getInt(offset);
    }

    @Override
    protected long getLong(long offset) {
        if (plain(offset, 8)) {
            return base.getLong(offset);
        }
        byte[] page = within(offset, 8);
        return page != null ? (long) LONG.get(page, (int) (offset & (PAGE_SIZE - 1))) : super.getLong(offset);
    }

    @Override
    protected short getShort(long offset) {
        if (plain(offset, 2)) {
            return base.getShort(offset);
        }
        byte[] page = within(offset, 2);
        return page != null ? (short) SHORT.get(page, (int) (offset & (PAGE_SIZE - 1))) : super.getShort(offset);
    }

    @Override
    protected void getBytes(long offset, byte[] dst, int dstOffset, int count) {
        int done = 0;
        while (done < count) {
            long at = offset + done;
            int inPage = (int) (at & (PAGE_SIZE - 1));
            int n = Math.min(count - done, PAGE_SIZE - inPage);
            byte[] page = page(at >>> PAGE_BITS);
            if (page != null) {
                System.arraycopy(page, inPage, dst, dstOffset + done, n);
            } else if (at + n <= baseLength) {
                base.getBytes(at, dst, dstOffset + done, n);
            } else {
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + done + i] = at + i < baseLength ? base.getByte(at + i) : 0;
                }
            }
            done += n;
        }
    }

    @Override
    protected void release() throws IOException {
        table = new byte[0][][];
        pageCount = 0;
        base.close();
    }
}
