package org.iom.mtm.indicators.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The counting sorts that order a request's (cell, stratum, PSU, unit) slots against the merge
 * sort they replace for small key ranges: the same order, ties included.
 */
class IndexSortProperties {

  @Property(tries = 200)
  void countingSortsGiveTheMergeSortsOrder(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3000) int n,
      @ForAll @IntRange(min = 1, max = 50) int groups, @ForAll @IntRange(min = 1, max = 40) int psus,
      @ForAll @IntRange(min = 1, max = 60) int units) {
    Random r = new Random(seed);
    int[] group = new int[n];
    int[] psu = new int[n];
    int[] unit = new int[n];
    double[] groupAsDouble = new double[n];
    for (int i = 0; i < n; i++) {
      group[i] = r.nextInt(groups);
      psu[i] = r.nextInt(psus);
      unit[i] = r.nextInt(units);
      groupAsDouble[i] = group[i];
    }
    int[] merged = IndexSort.order(n, groupAsDouble, psu, unit);
    int[] counted = IndexSort.identity(n);
    counted = IndexSort.byKey(counted, unit, units);
    counted = IndexSort.byKey(counted, psu, psus);
    counted = IndexSort.byKey(counted, group, groups);
    assertArrayEquals(merged, counted);
  }
}
