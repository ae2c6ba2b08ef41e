package org.iom.mtm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.iom.mtm.testkit.PublishedShares.Target;
import org.junit.jupiter.api.Test;

/**
 * Whatever counts stand behind a set of rounded percentages, the solver finds counts that print
 * the same percentages and add up to the sub-population.
 */
class PublishedSharesProperties {

  private static long pct(long c, long n) {
    return Math.round(100.0 * c / n);
  }

  /** Splits n into the given relative sizes (each at least 0). */
  private static int[] split(int n, List<Integer> sizes) {
    double total = 0;
    for (int s : sizes) {
      total += s;
    }
    int[] out = new int[sizes.size()];
    int given = 0;
    for (int k = 0; k < out.length - 1; k++) {
      out[k] = (int) Math.floor(n * sizes.get(k) / total);
      given += out[k];
    }
    out[out.length - 1] = n - given;
    return out;
  }

  @Property(tries = 200)
  void percentagesOfAnyCountsAreReproduced(
      @ForAll @IntRange(min = 1, max = 400) int women,
      @ForAll @IntRange(min = 1, max = 2000) int men,
      @ForAll @Size(min = 2, max = 7) List<@IntRange(min = 1, max = 50) Integer> sizes,
      @ForAll boolean withFreeLevel) {
    int[] w = split(women, sizes);
    int[] m = split(men, sizes);
    int n = women + men;
    List<Target> targets = new ArrayList<>();
    for (int k = 0; k < sizes.size(); k++) {
      if (withFreeLevel && k == sizes.size() - 1) {
        targets.add(PublishedShares.free("l" + k, 1));
      } else {
        targets.add(PublishedShares.pct("l" + k, (int) pct(w[k] + m[k], n), (int) pct(w[k], women), (int) pct(m[k], men)));
      }
    }
    int[][] c = PublishedShares.solve(women, men, n, targets);
    int sumW = 0;
    int sumM = 0;
    for (int k = 0; k < targets.size(); k++) {
      sumW += c[k][0];
      sumM += c[k][1];
      Target t = targets.get(k);
      if (!t.free()) {
        assertEquals((long) t.all(), pct(c[k][0] + c[k][1], n), t.toString());
        assertEquals((long) t.women(), pct(c[k][0], women), t.toString());
        assertEquals((long) t.men(), pct(c[k][1], men), t.toString());
      }
      assertTrue(c[k][0] >= 0 && c[k][1] >= 0);
    }
    assertEquals(women, sumW);
    assertEquals(men, sumM);
  }

  @Property
  void roundsIsHalfUp(@ForAll @IntRange(min = 0, max = 5000) int c, @ForAll @IntRange(min = 1, max = 5000) int n) {
    if (c <= n) {
      assertTrue(PublishedShares.rounds(c, n, (int) pct(c, n)));
    }
  }

  @Test
  void inconsistentFiguresAreRefused() {
    // Women 49% and men 59% cannot give 36% overall, whatever the counts.
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PublishedShares.solve(204, 927, 1131, List.of(PublishedShares.pct("yes", 36, 49, 59), PublishedShares.free("no", 1))));
    assertTrue(e.getMessage().contains("204 women"), e.getMessage());
  }
}
