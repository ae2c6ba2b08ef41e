package org.iom.mtm.indicators.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iom.mtm.core.baseline.DeclaredTotal;
import org.jspecify.annotations.Nullable;

/**
 * A total the file declares, set against the sum of the reconciled counts it covers.
 *
 * <p>The two agree when they differ by at most {@value #TOLERANCE}: a median of two counts may
 * end in .5, so an exact match cannot be demanded of reconciled parts.
 *
 * @param declared the declared total
 * @param sumOfParts the sum of the reconciled counts it covers, or null when the file has none
 * @param parts the number of reconciled cells it covers
 */
public record TotalCheck(DeclaredTotal declared, @Nullable Double sumOfParts, int parts) {

  /** The largest difference between a declared total and its parts that still agrees. */
  public static final double TOLERANCE = 0.5;

  /**
   * Checks every declared total against the cells.
   *
   * @param totals the declared totals
   * @param cells the reconciled cells
   * @return one check per total, in the order of the totals
   */
  public static List<TotalCheck> check(List<DeclaredTotal> totals, List<ReconciledCell> cells) {
    // Cells by population category and year, so that many totals do not each scan every cell.
    Map<String, List<ReconciledCell>> byTypeYear = new HashMap<>();
    for (ReconciledCell c : cells) {
      byTypeYear.computeIfAbsent(c.populationCategory().code() + "/" + c.year(), k -> new ArrayList<>()).add(c);
    }
    List<TotalCheck> checks = new ArrayList<>(totals.size());
    for (DeclaredTotal t : totals) {
      double sum = 0;
      int parts = 0;
      for (ReconciledCell c :
          byTypeYear.getOrDefault(t.populationCategory().code() + "/" + t.year(), List.of())) {
        if (covers(t, c)) {
          sum += c.value();
          parts++;
        }
      }
      checks.add(new TotalCheck(t, parts == 0 ? null : sum, parts));
    }
    return List.copyOf(checks);
  }

  private static boolean covers(DeclaredTotal t, ReconciledCell c) {
    return t.populationCategory() == c.populationCategory()
        && t.year() == c.year()
        && (t.admin1Pcode() == null || t.admin1Pcode().equals(c.admin1Pcode()))
        && (t.admin2Pcode() == null || t.admin2Pcode().equals(c.admin2Pcode()))
        && (t.nationality() == null || t.nationality().equals(c.nationality()));
  }

  /**
   * Whether the file has parts for this total.
   *
   * @return true when at least one cell is covered
   */
  public boolean checked() {
    return sumOfParts != null;
  }

  /**
   * Whether the declared total agrees with its parts.
   *
   * @return true when there are parts and they add up to the total within {@value #TOLERANCE}
   */
  public boolean consistent() {
    return sumOfParts != null && Math.abs(declared.count() - sumOfParts) <= TOLERANCE;
  }

  /**
   * The check in words.
   *
   * @return {@code KAZ004 / migrant_worker / all nationalities / 2022: declared 1200, parts (12
   *     cells) add up to 1150}
   */
  public String describe() {
    if (sumOfParts == null) {
      return declared.describe() + ": declared " + declared.count() + ", no parts in the data";
    }
    return declared.describe() + ": declared " + declared.count() + ", parts (" + parts
        + (parts == 1 ? " cell" : " cells") + ") add up to "
        + (sumOfParts == Math.rint(sumOfParts)
            ? Long.toString(sumOfParts.longValue())
            : String.format(Locale.ROOT, "%.1f", sumOfParts));
  }
}
