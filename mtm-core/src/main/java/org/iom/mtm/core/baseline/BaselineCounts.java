package org.iom.mtm.core.baseline;

import java.util.List;

/**
 * The content of a baseline file: the informants' counts and the totals the file declares beside
 * them.
 *
 * @param records the counts, in file order
 * @param declaredTotals the declared totals, in file order; empty when the file gives none
 */
public record BaselineCounts(List<BaselineRecord> records, List<DeclaredTotal> declaredTotals) {

  /** Copies the lists. */
  public BaselineCounts {
    records = List.copyOf(records);
    declaredTotals = List.copyOf(declaredTotals);
  }

  /**
   * Counts without declared totals.
   *
   * @param records the counts
   * @return the baseline
   */
  public static BaselineCounts of(List<BaselineRecord> records) {
    return new BaselineCounts(records, List.of());
  }
}
