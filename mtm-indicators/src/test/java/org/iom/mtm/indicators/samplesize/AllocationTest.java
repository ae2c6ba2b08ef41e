package org.iom.mtm.indicators.samplesize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.junit.jupiter.api.Test;

class AllocationTest {

  private static List<Stratum> strata(long... sizes) {
    List<Stratum> l = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      l.add(Stratum.of("s" + i, sizes[i]));
    }
    return l;
  }

  @Test
  void proportionalUsesLargestRemainders() {
    // Exact shares of 10 over 1:1:1 are 3.33 each; the remainder goes to the first by tie order.
    assertArrayEquals(new long[] {4, 3, 3}, Allocation.PROPORTIONAL.allocate(10, strata(100, 100, 100), 0));
    // 7 over 5000:3000:2000 -> 3.5, 2.1, 1.4 -> floors 3, 2, 1; remainders .5 > .4 > .1.
    assertArrayEquals(new long[] {4, 2, 1}, Allocation.PROPORTIONAL.allocate(7, strata(5000, 3000, 2000), 0));
  }

  @Test
  void neymanWeighsBySd() {
    List<Stratum> s =
        List.of(Stratum.ofProportion("a", 1000, 0.5), Stratum.ofProportion("b", 1000, 0.2));
    // N_h S_h: 1000 * 0.5 = 500 and 1000 * 0.4 = 400 -> 100 splits 55.6 : 44.4 -> 56 : 44,
    // where proportional allocation would give 50 : 50.
    assertArrayEquals(new long[] {56, 44}, Allocation.NEYMAN.allocate(100, s, 0));
    assertArrayEquals(new long[] {50, 50}, Allocation.PROPORTIONAL.allocate(100, s, 0));
  }

  @Test
  void equalAndMinimumAndCaps() {
    assertArrayEquals(new long[] {34, 33, 33}, Allocation.EQUAL.allocate(100, strata(1000, 1000, 1000), 0));
    // Proportional 100 over 9900:100 gives 99 : 1; a minimum of 10 raises the small stratum and
    // takes the difference from the large one.
    assertArrayEquals(new long[] {90, 10}, Allocation.PROPORTIONAL.allocate(100, strata(9900, 100), 10));
    // A stratum smaller than the minimum is taken whole.
    assertArrayEquals(new long[] {95, 5}, Allocation.PROPORTIONAL.allocate(100, strata(9900, 5), 10));
    // Equal allocation cannot exceed a stratum's population: the excess goes elsewhere.
    assertArrayEquals(new long[] {80, 20}, Allocation.EQUAL.allocate(100, strata(1000, 20), 0));
  }

  @Test
  void impossibleRequestsAreRefusedWithFigures() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Allocation.PROPORTIONAL.allocate(500, strata(100, 100), 0));
    assertTrue(e.getMessage().contains("500") && e.getMessage().contains("200"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Allocation.NEYMAN.allocate(10, strata(100, 100), 0));
    assertTrue(e.getMessage().contains("'s0'"), e.getMessage());
  }

  @Test
  void planWritesATotalRowAndOneRowPerStratum() {
    SamplePlan plan =
        SamplePlan.allocated(0.05, 0.95, 0.5, 1.0, 1.0, strata(5000, 3000, 2000), Allocation.PROPORTIONAL, 0);
    // Hand derivation: n0 = 384.14588; N = 10,000: n = 384.14588 / (1 + 383.14588 / 10000) =
    // 369.97 -> 370; 370 * (0.5, 0.3, 0.2) = 185, 111, 74.
    assertEquals(370, plan.totalSize());
    assertEquals(List.of(185L, 111L, 74L), plan.sizes());
    ResultTable t = plan.toResultTable("admin1");
    assertEquals(4, t.size());
    ResultRow total = t.rows().get(0);
    assertEquals(370.0, total.stat());
    assertEquals("", total.groupVar());
    assertEquals("sample_size @/@ sample_size %/% NA @/@ admin1 %/% s1", t.rows().get(2).analysisKey());
    assertEquals(3000.0, t.rows().get(2).nW());
  }

  @Test
  void perStratumPrecisionSizesEachStratumOnItsOwn() {
    SamplePlan plan = SamplePlan.perStratumPrecision(0.05, 0.95, 0.5, 1, 1, strata(10_000, 50), 30);
    // 10,000 -> 370 (as above); 50 -> 384.15 / (1 + 383.15 / 50) = 44.34 -> 45.
    assertEquals(List.of(370L, 45L), plan.sizes());
    assertEquals(415, plan.totalSize());
  }

  @Property
  void partsSumToTheTotalWithinBounds(
      @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 1, max = 100_000) Long> sizes,
      @ForAll @IntRange(min = 0, max = 100) int percent,
      @ForAll @LongRange(min = 0, max = 50) long min,
      @ForAll Allocation method) {
    long population = sizes.stream().mapToLong(Long::longValue).sum();
    List<Stratum> s = new ArrayList<>();
    for (int i = 0; i < sizes.size(); i++) {
      s.add(new Stratum("s" + i, sizes.get(i), 0.5));
    }
    long minima = sizes.stream().mapToLong(n -> Math.min(n, min)).sum();
    long total = Math.max(minima, population * percent / 100);
    long[] n = method.allocate(total, s, min);
    assertEquals(total, LongStream.of(n).sum());
    for (int i = 0; i < n.length; i++) {
      assertTrue(n[i] <= sizes.get(i) && n[i] >= Math.min(min, sizes.get(i)), "stratum " + i + ": " + n[i]);
    }
  }

  @Property
  void unconstrainedProportionalIsWithinOneOfExact(
      @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 1000, max = 100_000) Long> sizes,
      @ForAll @IntRange(min = 0, max = 500) int total) {
    long population = sizes.stream().mapToLong(Long::longValue).sum();
    long[] n = Allocation.PROPORTIONAL.allocate(total, strata(sizes.stream().mapToLong(Long::longValue).toArray()), 0);
    for (int i = 0; i < n.length; i++) {
      double exact = (double) total * sizes.get(i) / population;
      assertTrue(Math.abs(n[i] - exact) < 1, "stratum " + i + ": " + n[i] + " vs " + exact);
    }
  }
}
