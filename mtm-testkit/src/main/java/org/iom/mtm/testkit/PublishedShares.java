package org.iom.mtm.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Integer counts of the levels of one answer, for women and men, whose percentages rounded half
 * up to whole numbers are the published ones: overall, among women and among men, each where the
 * report prints one. Levels without a published figure are free and share what is left in
 * proportion to their weights.
 *
 * <p>Why a search: a published set of rounded percentages (say 53% of women, 61% of men and 60%
 * overall) is met by a few integer pairs only, and the levels must add up to the sub-population
 * exactly. The search tries, level by level, the pairs closest to the ideal counts first.
 */
final class PublishedShares {

  /**
   * A level and its published percentages; null where the report prints none.
   *
   * @param level the level (choice name, or a special answer code)
   * @param all the percentage of everyone in the base
   * @param women the percentage of the women in the base
   * @param men the percentage of the men in the base
   * @param weight the relative size of a free level (no published figure)
   */
  record Target(String level, @Nullable Integer all, @Nullable Integer women, @Nullable Integer men, double weight) {
    boolean free() {
      return all == null && women == null && men == null;
    }
  }

  private PublishedShares() {}

  static Target pct(String level, int all) {
    return new Target(level, all, null, null, 0);
  }

  static Target pct(String level, @Nullable Integer all, @Nullable Integer women, @Nullable Integer men) {
    return new Target(level, all, women, men, 0);
  }

  static Target free(String level, double weight) {
    return new Target(level, null, null, null, weight);
  }

  /** Whether {@code 100 c / n} rounds half up to {@code p}. */
  static boolean rounds(long c, long n, int p) {
    // Integer arithmetic: round(100c/n) = p iff (2p - 1) n <= 200 c < (2p + 1) n.
    return n > 0 && (2L * p - 1) * n <= 200L * c && 200L * c < (2L * p + 1) * n;
  }

  /**
   * Solves the counts.
   *
   * @param women the women in the sub-population
   * @param men the men in the sub-population
   * @param baseAll the denominator of the overall percentages (the sub-population, or a larger
   *     base when the report prints percentages of all respondents for a sub-population's levels)
   * @param targets the levels
   * @return {@code counts[k] = {women, men}} in the order of the targets
   * @throws IllegalStateException when no counts reproduce the figures (the figures are
   *     inconsistent, and the README must say so instead)
   */
  static int[][] solve(int women, int men, int baseAll, List<Target> targets) {
    int k = targets.size();
    List<List<int[]>> candidates = new ArrayList<>();
    double freeWeight = 0;
    for (Target t : targets) {
      if (t.free()) {
        candidates.add(List.of());
        freeWeight += t.weight();
      } else {
        candidates.add(candidates(t, women, men, baseAll));
      }
    }
    int @Nullable [][] chosen = new int[k][];
    boolean hasFree = freeWeight > 0;
    if (!search(targets, candidates, chosen, 0, 0, 0, women, men, hasFree)) {
      throw new IllegalStateException("no counts reproduce " + targets + " with " + women + " women, " + men + " men");
    }
    if (hasFree) {
      int restW = women;
      int restM = men;
      for (int i = 0; i < k; i++) {
        if (chosen[i] != null) {
          restW -= chosen[i][0];
          restM -= chosen[i][1];
        }
      }
      int[] freeW = split(restW, targets, freeWeight);
      int[] freeM = split(restM, targets, freeWeight);
      for (int i = 0; i < k; i++) {
        if (targets.get(i).free()) {
          chosen[i] = new int[] {freeW[i], freeM[i]};
        }
      }
    }
    return chosen;
  }

  private static boolean search(
      List<Target> targets, List<List<int[]>> candidates, int @Nullable [][] chosen, int i, int sumW, int sumM,
      int women, int men, boolean hasFree) {
    if (i == targets.size()) {
      return hasFree ? sumW <= women && sumM <= men : sumW == women && sumM == men;
    }
    if (targets.get(i).free()) {
      return search(targets, candidates, chosen, i + 1, sumW, sumM, women, men, hasFree);
    }
    for (int[] c : candidates.get(i)) {
      if (sumW + c[0] > women || sumM + c[1] > men) {
        continue;
      }
      chosen[i] = c;
      if (search(targets, candidates, chosen, i + 1, sumW + c[0], sumM + c[1], women, men, hasFree)) {
        return true;
      }
    }
    chosen[i] = null;
    return false;
  }

  /** The pairs meeting a level's figures, closest to the ideal counts first. */
  private static List<int[]> candidates(Target t, int women, int men, int baseAll) {
    int n = women + men;
    double idealW;
    double idealM;
    if (t.women() != null && t.men() != null) {
      idealW = t.women() * women / 100.0;
      idealM = t.men() * men / 100.0;
    } else if (t.women() != null) {
      idealW = t.women() * women / 100.0;
      idealM = t.all() == null ? idealW * men / Math.max(1, women) : Math.max(0, t.all() * baseAll / 100.0 - idealW);
    } else if (t.men() != null) {
      idealM = t.men() * men / 100.0;
      idealW = t.all() == null ? idealM * women / Math.max(1, men) : Math.max(0, t.all() * baseAll / 100.0 - idealM);
    } else {
      double total = t.all() * baseAll / 100.0;
      idealW = n == 0 ? 0 : total * women / n;
      idealM = total - idealW;
    }
    List<int[]> out = new ArrayList<>();
    // Wide enough to hold every count that rounds to the figure (half a percent of the base).
    int spread = 4 + Math.max(n, baseAll) / 200;
    for (int w = Math.max(0, (int) Math.floor(idealW) - spread); w <= Math.min(women, (int) Math.ceil(idealW) + spread); w++) {
      if (t.women() != null && !rounds(w, women, t.women())) {
        continue;
      }
      for (int m = Math.max(0, (int) Math.floor(idealM) - spread); m <= Math.min(men, (int) Math.ceil(idealM) + spread); m++) {
        if (t.men() != null && !rounds(m, men, t.men())) {
          continue;
        }
        if (t.all() != null && !rounds(w + m, baseAll, t.all())) {
          continue;
        }
        out.add(new int[] {w, m});
      }
    }
    final double iw = idealW;
    final double im = idealM;
    out.sort(Comparator.comparingDouble((int[] c) -> Math.abs(c[0] - iw) + Math.abs(c[1] - im)).thenComparingInt(c -> c[0]));
    return out;
  }

  /** Largest-remainder split of what is left among the free levels, by their weights. */
  private static int[] split(int rest, List<Target> targets, double freeWeight) {
    int k = targets.size();
    int[] out = new int[k];
    double[] remainder = new double[k];
    int given = 0;
    for (int i = 0; i < k; i++) {
      if (targets.get(i).free()) {
        double exact = rest * targets.get(i).weight() / freeWeight;
        out[i] = (int) Math.floor(exact);
        remainder[i] = exact - out[i];
        given += out[i];
      } else {
        remainder[i] = -1;
      }
    }
    while (given < rest) {
      int best = -1;
      for (int i = 0; i < k; i++) {
        if (targets.get(i).free() && (best < 0 || remainder[i] > remainder[best])) {
          best = i;
        }
      }
      out[best]++;
      remainder[best] = -1;
      given++;
    }
    return out;
  }
}
