package org.iom.mtm.indicators.estimate;

import java.util.Arrays;

/**
 * An open-addressing hash from a non-negative long key (domain cell and sampling unit) to a dense
 * slot number, on primitive arrays, so that the one pass allocates nothing per row.
 */
final class UnitIndex {
  private long[] keys;
  private int[] slots;
  private long[] keyOfSlot;
  private int size;
  private int mask;

  UnitIndex(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    Arrays.fill(keys, -1);
    slots = new int[cap];
    keyOfSlot = new long[Math.max(16, expected)];
    mask = cap - 1;
  }

  /** The slot of a key, inserting it as the next slot when new. */
  int slot(long key) {
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return slots[i];
      }
      if (k == -1) {
        if (size >= keyOfSlot.length) {
          keyOfSlot = Arrays.copyOf(keyOfSlot, keyOfSlot.length * 2);
        }
        keys[i] = key;
        slots[i] = size;
        keyOfSlot[size] = key;
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
