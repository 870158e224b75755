package org.hivescan.bytes;

import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A copy-on-write view: 512-byte pages replaced in memory over a read-only base, and an optional new length.
 * Transaction-log replay builds one of these so that the evidence file is never written, and memory grows with
 * the number of replaced pages rather than with the hive. Pages past the base's end read as zeros until replaced.
 */
public final class OverlayBytes extends HiveBytes {
    public static final int PAGE_SIZE = 512;
    private static final int PAGE_BITS = 9;

    private final HiveBytes base;
    private final long length;
    private final BitSet replaced = new BitSet();
    private final Map<Long, byte[]> pages = new HashMap<>();

    /**
     * @param length the length of the view: the base's length, or more when the logs grew the hive
     */
    public OverlayBytes(HiveBytes base, long length) {
        super(base.resource());
        this.base = base;
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

    private byte[] pageForWrite(long index) {
        byte[] page = pages.get(index);
        if (page == null) {
            page = new byte[PAGE_SIZE];
            long start = index << PAGE_BITS;
            int fromBase = (int) Math.max(0, Math.min(PAGE_SIZE, base.length() - start));
            if (fromBase > 0) {
                base.getBytes(start, page, 0, fromBase);
            }
            pages.put(index, page);
            replaced.set(Math.toIntExact(index));
        }
        return page;
    }

    /** How many 512-byte pages are held in memory. */
    public int replacedPageCount() {
        return pages.size();
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    protected byte getByte(long offset) {
        long index = offset >>> PAGE_BITS;
        if (replaced.get((int) index)) {
            return pages.get(index)[(int) (offset & (PAGE_SIZE - 1))];
        }
        return offset < base.length() ? base.getByte(offset) : 0;
    }

    private boolean plain(long offset, int count) {
        long first = offset >>> PAGE_BITS;
        long last = (offset + count - 1) >>> PAGE_BITS;
        return offset + count <= base.length() && !replaced.get((int) first) && !replaced.get((int) last);
    }

    @Override
    protected int getInt(long offset) {
        return plain(offset, 4) ? base.getInt(offset) : super.getInt(offset);
    }

    @Override
    protected long getLong(long offset) {
        return plain(offset, 8) ? base.getLong(offset) : super.getLong(offset);
    }

    @Override
    protected short getShort(long offset) {
        return plain(offset, 2) ? base.getShort(offset) : super.getShort(offset);
    }

    @Override
    protected void getBytes(long offset, byte[] dst, int dstOffset, int count) {
        int done = 0;
        while (done < count) {
            long at = offset + done;
            int inPage = (int) (at & (PAGE_SIZE - 1));
            int n = Math.min(count - done, PAGE_SIZE - inPage);
            if (plain(at, n)) {
                base.getBytes(at, dst, dstOffset + done, n);
            } else {
                for (int i = 0; i < n; i++) {
                    dst[dstOffset + done + i] = getByte(at + i);
                }
            }
            done += n;
        }
    }

    @Override
    public void close() throws IOException {
        pages.clear();
        base.close();
    }
}
