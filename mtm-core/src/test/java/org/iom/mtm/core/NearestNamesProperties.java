package org.iom.mtm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class NearestNamesProperties {

  /** The edit distance is a metric, bounded by the longer length and by the length difference. */
  @Property
  void distanceIsAMetric(
      @ForAll @AlphaChars @StringLength(max = 12) String a,
      @ForAll @AlphaChars @StringLength(max = 12) String b,
      @ForAll @AlphaChars @StringLength(max = 12) String c) {
    int ab = NearestNames.distance(a, b);
    assertEquals(ab, NearestNames.distance(b, a));
    assertEquals(a.equals(b), ab == 0);
    assertTrue(ab <= NearestNames.distance(a, c) + NearestNames.distance(c, b));
    assertTrue(ab <= Math.max(a.length(), b.length()));
    assertTrue(ab >= Math.abs(a.length() - b.length()));
  }

  /** A candidate equal to the name comes first, and at most k distinct candidates come back. */
  @Property
  void exactCandidateFirst(
      @ForAll List<@AlphaChars @StringLength(min = 1, max = 8) String> others,
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String name,
      @ForAll @IntRange(min = 1, max = 5) int k) {
    List<String> candidates = new java.util.ArrayList<>(others);
    candidates.add(candidates.size() / 2, name);
    List<String> near = NearestNames.nearest(name, candidates, k);
    assertTrue(near.get(0).equalsIgnoreCase(name), near.toString());
    assertTrue(near.size() <= k);
    assertEquals(near.size(), near.stream().distinct().count());
  }
}
