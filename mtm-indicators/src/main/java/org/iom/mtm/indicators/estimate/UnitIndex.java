package org.iom.mtm.indicators.estimate;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An open-addressing hash from a non-negative long key (domain cell and sampling unit) to a dense
 * slot number, on primitive arrays, so that the one pass allocates nothing per row. When the keys
 * are known to lie below a small bound (cells times PSUs, the usual case), a direct table replaces
 * the hash: one array read per row instead of a probe sequence. Either way slots are numbered in
 * order of first appearance, so the two give the same slots for the same rows.
 */
final class UnitIndex {
  /** Largest key space given a direct table (4 MB of ints); beyond it, as with one unit per row, hash. */
  static final long DIRECT_LIMIT = 1 << 20;

  private final int @Nullable [] direct;
  private long[] keys;
  private int[] slots;
  private long[] keyOfSlot;
  /** The domain cell of each slot, given at insertion, so that no reader divides the key. */
  private int[] cellOfSlot;
  private int size;
  private int mask;

  UnitIndex(int expected) {
    this(expected, Long.MAX_VALUE);
  }

  /**
   * An index whose keys all lie in {@code [0, keySpace)}.
   *
   * @param expected the expected number of keys
   * @param keySpace one more than the largest key that can occur
   */
  UnitIndex(int expected, long keySpace) {
    if (keySpace <= DIRECT_LIMIT) {
      direct = new int[(int) keySpace];
      Arrays.fill(direct, -1);
      keys = new long[0];
      slots = new int[0];
      keyOfSlot = new long[Math.max(16, expected)];
      cellOfSlot = new int[keyOfSlot.length];
      return;
    }
    direct = null;
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    Arrays.fill(keys, -1);
    slots = new int[cap];
    keyOfSlot = new long[Math.max(16, expected)];
    cellOfSlot = new int[keyOfSlot.length];
    mask = cap - 1;
  }

  /**
   * The direct table (slot of each key, -1 for a key not seen yet), or null when the keys are
   * hashed: a caller's loop reads it without a call per row, and calls {@link #slot} for a -1.
   */
  int @Nullable [] directTable() {
    return direct;
  }

  /**
   * The slot of a key, inserting it as the next slot when new.
   *
   * @param key the key, {@code cell * units + unit}
   * @param cell the key's cell, kept with a new slot
   */
  int slot(long key, int cell) {
    int[] d = direct;
    if (d != null) {
      int slot = d[(int) key];
      if (slot >= 0) {
        return slot;
      }
      grow();
      d[(int) key] = size;
      keyOfSlot[size] = key;
      cellOfSlot[size] = cell;
      return size++;
    }
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return slots[i];
      }
      if (k == -1) {
        grow();
        keys[i] = key;
        slots[i] = size;
        keyOfSlot[size] = key;
        cellOfSlot[size] = cell;
        size++;
        if (size * 2 > keys.length) {
          rehash();
        }
        return size - 1;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  long key(int slot) {
    return keyOfSlot[slot];
  }

  /** The domain cell of a slot's key. */
  int cell(int slot) {
    return cellOfSlot[slot];
  }

  private void grow() {
    if (size >= keyOfSlot.length) {
      keyOfSlot = Arrays.copyOf(keyOfSlot, keyOfSlot.length * 2);
      cellOfSlot = Arrays.copyOf(cellOfSlot, keyOfSlot.length);
    }
  }

  private void rehash() {
    long[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, -1);
    slots = new int[keys.length];
    mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != -1) {
        int i = mix(oldKeys[j]) & mask;
        while (keys[i] != -1) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        slots[i] = oldSlots[j];
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
