package org.iom.mtm.io.kobo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iom.mtm.io.csv.CsvCells;
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
    viaStrings = true;
    if (size == codes.length) {
      codes = Arrays.copyOf(codes, size * 2);
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

  // The byte-keyed dictionary of add(CsvCells, int): an open-addressing table of codes + 1,
  // each code's bytes in one arena. The bytes of a value decode to one String, so equal bytes
  // mean an equal value.
  private int[] slots = new int[0];
  private int[] keyStart = new int[16];
  private long[] keyHead = new long[16];
  private byte[] arena = new byte[256];
  private int arenaSize;
  private int keyCount;
  private boolean byteDictionaryFull;
  /** Whether values came as Strings (then they keep coming through that dictionary). */
  private boolean viaStrings;
  /** Codes + 1 of the empty cell (0) and of each one-byte cell (byte + 1), 0 when not seen. */
  private final int[] shortCodes = new int[257];

  /**
   * Adds a cell straight from the bytes of a CSV record: a String is made only for a value not seen
   * before.
   *
   * @param cells the record
   * @param index the 0-based cell, kept by the reader
   */
  void add(CsvCells cells, int index) {
    if (viaStrings) {
      // Values came as Strings before: keep to that dictionary.
      add(cells.string(index));
      return;
    }
    if (size == codes.length) {
      codes = Arrays.copyOf(codes, size * 2);
    }
    byte[] b = cells.array();
    int start = cells.start(index);
    int len = cells.length(index);
    if (byteDictionaryFull) {
      codes[size++] = distinct.size();
      distinct.add(cells.decode(b, start, len));
      return;
    }
    if (len <= 1) {
      // Empty and one-byte cells (split columns' 0 and 1, codes): a direct table.
      int key = len == 0 ? 0 : (b[start] & 0xff) + 1;
      int known = shortCodes[key];
      if (known > 0) {
        codes[size++] = known - 1;
        return;
      }
    }
    long head = head(b, start, len);
    int h = hash(b, start, len, head);
    if (slots.length == 0) {
      slots = new int[64];
    }
    int mask = slots.length - 1;
    int slot = h & mask;
    while (true) {
      int c = slots[slot] - 1;
      if (c < 0) {
        break;
      }
      int ks = keyStart[c];
      // Most cells are at most eight bytes: their first eight bytes, as a long, decide.
      if (keyStart[c + 1] - ks == len && keyHead[c] == head
          && (len <= 8 || Arrays.equals(arena, ks + 8, ks + len, b, start + 8, start + len))) {
        codes[size++] = c;
        return;
      }
      slot = (slot + 1) & mask;
    }
    int c = distinct.size();
    distinct.add(cells.decode(b, start, len));
    codes[size++] = c;
    if (c + 1 > MAX_DICTIONARY) {
      // Ids, timestamps, free text: stop looking up, as add(String) does.
      byteDictionaryFull = true;
      return;
    }
    if (arenaSize + len > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
    }
    System.arraycopy(b, start, arena, arenaSize, len);
    if (keyCount + 2 > keyStart.length) {
      keyStart = Arrays.copyOf(keyStart, keyStart.length * 2);
    }
    if (keyCount + 1 > keyHead.length) {
      keyHead = Arrays.copyOf(keyHead, keyHead.length * 2);
    }
    keyHead[keyCount] = head;
    keyStart[keyCount] = arenaSize;
    arenaSize += len;
    keyCount++;
    keyStart[keyCount] = arenaSize;
    slots[slot] = c + 1;
    if (len <= 1) {
      shortCodes[len == 0 ? 0 : (b[start] & 0xff) + 1] = c + 1;
    }
    if (keyCount * 2 > slots.length) {
      rehash();
    }
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** The first eight bytes (fewer when the cell is shorter, zero-padded) as a little-endian long. */
  private static long head(byte[] b, int start, int len) {
    if (len >= 8) {
      return (long) LONGS.get(b, start);
    }
    if (start + 8 <= b.length) {
      return (long) LONGS.get(b, start) & ((1L << (len << 3)) - 1);
    }
    long w = 0;
    for (int i = len - 1; i >= 0; i--) {
      w = (w << 8) | (b[start + i] & 0xff);
    }
    return w;
  }

  /** A hash of bytes, eight at a time: a long select_multiple cell costs a few multiplications. */
  private static int hash(byte[] b, int start, int len, long head) {
    if (len <= 8) {
      long h = (head ^ len) * 0x9E3779B97F4A7C15L;
      int x = (int) (h ^ (h >>> 32));
      return x ^ (x >>> 15);
    }
    // Rotate and xor per word (one cycle each), the last word read ending at the last byte;
    // one multiplication at the end spreads the bits.
    long h = len;
    int end = start + len;
    for (int i = start; i + 8 < end; i += 8) {
      h = Long.rotateLeft(h, 19) ^ (long) LONGS.get(b, i);
    }
    h = Long.rotateLeft(h, 19) ^ (long) LONGS.get(b, end - 8);
    h *= 0x9E3779B97F4A7C15L;
    int x = (int) (h ^ (h >>> 32));
    return x ^ (x >>> 15);
  }

  private void rehash() {
    int[] grown = new int[slots.length * 2];
    int mask = grown.length - 1;
    for (int c = 0; c < keyCount; c++) {
      int ks = keyStart[c];
      int slot = hash(arena, ks, keyStart[c + 1] - ks, keyHead[c]) & mask;
      while (grown[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      grown[slot] = c + 1;
    }
    slots = grown;
  }

  int size() {
    return size;
  }

  /** The value of a row, or null when the source had no cell (an absent JSON key). */
  @Nullable String get(int row) {
    int c = codes[row];
    return c == ABSENT ? null : distinct.get(c);
  }

  /**
   * The codes of the rows, for loops over many rows: the first {@link #size()} entries, each a
   * dictionary code or -1 when absent.
   */
  int[] codes() {
    return codes;
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
