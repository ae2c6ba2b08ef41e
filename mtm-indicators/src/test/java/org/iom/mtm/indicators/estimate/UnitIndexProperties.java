package org.iom.mtm.indicators.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The direct table of {@link UnitIndex} (the fast path for small key spaces) against its hash
 * (the plain path): the same slot for every key, slots numbered in order of first appearance.
 */
class UnitIndexProperties {

  @Property(tries = 100)
  void directTableGivesTheSlotsOfTheHash(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5000) int keySpace,
      @ForAll @IntRange(min = 0, max = 20000) int lookups) {
    Random r = new Random(seed);
    UnitIndex direct = new UnitIndex(16, keySpace);
    UnitIndex hashed = new UnitIndex(16);
    int expectedSize = 0;
    boolean[] seen = new boolean[keySpace];
    for (int i = 0; i < lookups; i++) {
      long key = r.nextInt(keySpace);
      // keys as cell * 7 + unit: the cell is kept with the slot
      int cell = (int) (key / 7);
      int slot = hashed.slot(key, cell);
      assertEquals(slot, direct.slot(key, cell), "key " + key);
      if (!seen[(int) key]) {
        seen[(int) key] = true;
        assertEquals(expectedSize, slot, "a new key takes the next slot");
        expectedSize++;
      }
    }
    assertEquals(expectedSize, direct.size());
    assertEquals(expectedSize, hashed.size());
    for (int s = 0; s < expectedSize; s++) {
      assertEquals(hashed.key(s), direct.key(s), "slot " + s);
      assertEquals(hashed.key(s) / 7, direct.cell(s), "slot " + s);
      assertEquals(hashed.key(s) / 7, hashed.cell(s), "slot " + s);
    }
  }
}
