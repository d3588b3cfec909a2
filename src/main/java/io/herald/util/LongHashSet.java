package io.herald.util;

/**
 * A set of {@code long}s in one array, open addressing with linear probing: 8 bytes a slot, about
 * 16 bytes an entry at worst, where a {@code HashSet<Long>} needs some 60. Zero marks a free slot, so
 * the value 0 is kept in a separate flag.
 */
public final class LongHashSet {
    private long[] slots = new long[64];
    private int size;
    private boolean hasZero;

    /** Adds {@code value}; true when it was not there before. */
    public boolean add(long value) {
        if (value == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int i = indexOf(value);
        if (slots[i] == value) {
            return false;
        }
        slots[i] = value;
        if (++size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    public boolean contains(long value) {
        return value == 0 ? hasZero : slots[indexOf(value)] == value;
    }

    /** Removes {@code value}; true when it was there. Shifts later entries back so no probe chain breaks. */
    public boolean remove(long value) {
        if (value == 0) {
            boolean removed = hasZero;
            hasZero = false;
            return removed;
        }
        int hole = indexOf(value);
        if (slots[hole] != value) {
            return false;
        }
        int mask = slots.length - 1;
        for (int i = (hole + 1) & mask; slots[i] != 0; i = (i + 1) & mask) {
            int home = home(slots[i]);
            // Move slots[i] into the hole unless its home lies cyclically in (hole, i].
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                slots[hole] = slots[i];
                hole = i;
            }
        }
        slots[hole] = 0;
        size--;
        return true;
    }

    public int size() {
        return size + (hasZero ? 1 : 0);
    }

    // The slot holding value, or the free slot where it would go.
    private int indexOf(long value) {
        int mask = slots.length - 1;
        int i = home(value);
        while (slots[i] != 0 && slots[i] != value) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private int home(long value) {
        // Keys are already hashes, but mix again so the low bits used as an index are well spread.
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (slots.length - 1);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long v : old) {
            if (v != 0) {
                slots[indexOf(v)] = v;
            }
        }
    }
}
