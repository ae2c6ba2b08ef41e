package org.iom.mtm.io.kobo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The raw strings of one source column, dictionary-coded: each distinct value stored once, each
 * row an int. Survey columns repeat a few values (codes, numbers, dates) over many rows, so this
 * keeps a million-row file in little memory while the types are settled at the end.
 */
final class ColumnBuffer {
  private static final int ABSENT = -1;
  /**
   * Past this many distinct values (ids, timestamps, free text) a dictionary costs more than it
   * saves: values are then appended as they come, repeats included.
   */
  private static final int MAX_DICTIONARY = 1 << 14;
  private @Nullable Map<String, Integer> index = new HashMap<>();
  private final List<String> distinct = new ArrayList<>();
  private int[] codes = new int[64];
  private int size;
  private static final int RECENT_SLOTS = 64;
  private final @Nullable String[] recentKeys = new String[RECENT_SLOTS];
  private final int[] recentCodes = new int[RECENT_SLOTS];

  void add(@Nullable String value) {
    if (size == codes.length) {
      codes = Arrays.copyOf(codes, size + (size >> 1));
    }
    if (value == null) {
      codes[size++] = ABSENT;
      return;
    }
    Map<String, Integer> idx = index;
    if (idx == null) {
      codes[size++] = distinct.size();
      distinct.add(value);
      return;
    }
    // The CSV reader hands the same String instance for a repeated cell: an identity check on a
    // small table, slotted by the cached hash, spares most map lookups.
    int slot = value.hashCode() & (RECENT_SLOTS - 1);
    if (recentKeys[slot] == value) {
      codes[size++] = recentCodes[slot];
      return;
    }
    Integer c = idx.get(value);
    if (c == null) {
      c = distinct.size();
      idx.put(value, c);
      distinct.add(value);
      if (distinct.size() > MAX_DICTIONARY) {
        index = null;
      }
    }
    recentKeys[slot] = value;
    recentCodes[slot] = c;
    codes[size++] = c;
  }

  int size() {
    return size;
  }

  /** The value of a row, or null when the source had no cell (an absent JSON key). */
  @Nullable String get(int row) {
    int c = codes[row];
    return c == ABSENT ? null : distinct.get(c);
  }

  /** The dictionary code of a row, or -1 when absent. */
  int code(int row) {
    return codes[row];
  }

  /** The values the codes index: distinct while the dictionary lasts, then with repeats. */
  List<String> distinct() {
    return distinct;
  }
}
