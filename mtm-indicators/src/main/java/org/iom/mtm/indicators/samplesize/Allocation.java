package org.iom.mtm.indicators.samplesize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a total sample is divided among strata. Every method returns whole numbers that sum exactly
 * to the total (largest-remainder rounding), never more than a stratum's population, and at least
 * the minimum per stratum where the stratum is that large; what the minimum takes is taken from the
 * other strata in proportion to their allocation.
 */
public enum Allocation {
  /** {@code n_h} proportional to {@code N_h}. */
  PROPORTIONAL,
  /** Neyman: {@code n_h} proportional to {@code N_h S_h} (each stratum needs an SD or p). */
  NEYMAN,
  /** The same {@code n_h} in every stratum. */
  EQUAL;

  /**
   * Allocates a total.
   *
   * @param total the total sample size, at most the summed population
   * @param strata the strata, at least one
   * @param minPerStratum the minimum per stratum (0 for none); a stratum smaller than it is taken
   *     whole
   * @return the sizes, in the order of {@code strata}
   * @throws IllegalArgumentException when the total is negative or exceeds the population, when
   *     the minima exceed the total, or (Neyman) when a stratum has no standard deviation
   */
  public long[] allocate(long total, List<Stratum> strata, long minPerStratum) {
    int h = strata.size();
    if (h == 0) {
      throw new IllegalArgumentException("no strata to allocate to");
    }
    if (total < 0 || minPerStratum < 0) {
      throw new IllegalArgumentException(
          "total " + total + " and minimum per stratum " + minPerStratum + " must be >= 0");
    }
    double[] share = new double[h];
    long[] lo = new long[h];
    long[] hi = new long[h];
    long population = 0;
    long minima = 0;
    for (int i = 0; i < h; i++) {
      Stratum s = strata.get(i);
      hi[i] = s.populationSize();
      lo[i] = Math.min(minPerStratum, s.populationSize());
      population += hi[i];
      minima += lo[i];
      share[i] =
          switch (this) {
            case PROPORTIONAL -> s.populationSize();
            case EQUAL -> 1;
            case NEYMAN -> {
              if (s.sd() == null) {
                throw new IllegalArgumentException(
                    "Neyman allocation needs a standard deviation or proportion for stratum '" + s.name() + "'");
              }
              yield s.populationSize() * s.sd();
            }
          };
    }
    if (total > population) {
      throw new IllegalArgumentException(
          "total sample " + total + " exceeds the population of the strata, " + population);
    }
    if (minima > total) {
      throw new IllegalArgumentException(
          "the minimum of " + minPerStratum + " per stratum needs " + minima + ", more than the total " + total);
    }
    double[] exact = bounded(total, share, lo, hi);
    return largestRemainder(total, exact, lo, hi);
  }

  /** Continuous allocation proportional to share, clamped to [lo, hi], the excess redistributed. */
  private static double[] bounded(long total, double[] share, long[] lo, long[] hi) {
    int h = share.length;
    double[] x = new double[h];
    boolean[] fixed = new boolean[h];
    while (true) {
      double remaining = total;
      double free = 0;
      int freeCount = 0;
      for (int i = 0; i < h; i++) {
        if (fixed[i]) {
          remaining -= x[i];
        } else {
          free += share[i];
          freeCount++;
        }
      }
      if (freeCount == 0) {
        return x;
      }
      for (int i = 0; i < h; i++) {
        if (!fixed[i]) {
          // All-zero shares (Neyman with S_h = 0 everywhere left): fall back to equal parts.
          x[i] = free > 0 ? remaining * share[i] / free : remaining / freeCount;
        }
      }
      // Fix the strata above their population first: capping them frees sample for the others,
      // which may lift strata that were below their minimum.
      boolean changed = false;
      for (int i = 0; i < h; i++) {
        if (!fixed[i] && x[i] > hi[i]) {
          x[i] = hi[i];
          fixed[i] = true;
          changed = true;
        }
      }
      if (!changed) {
        for (int i = 0; i < h; i++) {
          if (!fixed[i] && x[i] < lo[i]) {
            x[i] = lo[i];
            fixed[i] = true;
            changed = true;
          }
        }
      }
      if (!changed) {
        return x;
      }
    }
  }

  /** Hamilton's method: floors, then one more to the largest fractional parts, within bounds. */
  private static long[] largestRemainder(long total, double[] exact, long[] lo, long[] hi) {
    int h = exact.length;
    long[] n = new long[h];
    long assigned = 0;
    for (int i = 0; i < h; i++) {
      n[i] = Math.max(lo[i], Math.min(hi[i], (long) Math.floor(exact[i] + 1e-9)));
      assigned += n[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < h; i++) {
      order.add(i);
    }
    // Largest fractional part first; ties by stratum order so the result is deterministic.
    order.sort(Comparator.comparingDouble((Integer i) -> -(exact[i] - n[i])).thenComparing(i -> i));
    long left = total - assigned;
    while (left > 0) {
      boolean progress = false;
      for (int i : order) {
        if (left == 0) {
          break;
        }
        if (n[i] < hi[i]) {
          n[i]++;
          left--;
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("cannot place " + left + " units within the strata's populations");
      }
    }
    while (left < 0) {
      boolean progress = false;
      for (int k = order.size() - 1; k >= 0 && left < 0; k--) {
        int i = order.get(k);
        if (n[i] > lo[i]) {
          n[i]--;
          left++;
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("cannot remove " + (-left) + " units above the minima");
      }
    }
    return n;
  }
}
