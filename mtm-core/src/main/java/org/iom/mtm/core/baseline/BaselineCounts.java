package org.iom.mtm.core.baseline;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The content of a baseline file: the informants' counts, the totals the file declares beside
 * them, and what the file says about its informants.
 *
 * @param records the counts, in file order
 * @param declaredTotals the declared totals, in file order; empty when the file gives none
 * @param informants the informants the file describes (sex, role), each id once; empty when it
 *     describes none (the records may still name informants by id)
 */
public record BaselineCounts(
    List<BaselineRecord> records, List<DeclaredTotal> declaredTotals, List<KeyInformant> informants) {

  /**
   * Copies the lists.
   *
   * @throws IllegalArgumentException naming the id when an informant is described twice
   */
  public BaselineCounts {
    records = List.copyOf(records);
    declaredTotals = List.copyOf(declaredTotals);
    informants = List.copyOf(informants);
    Set<String> ids = new HashSet<>();
    for (KeyInformant k : informants) {
      if (!ids.add(k.id())) {
        throw new IllegalArgumentException("informant '" + k.id() + "' is described twice");
      }
    }
  }

  /**
   * Counts and declared totals, without informant descriptions.
   *
   * @param records the counts
   * @param declaredTotals the declared totals
   */
  public BaselineCounts(List<BaselineRecord> records, List<DeclaredTotal> declaredTotals) {
    this(records, declaredTotals, List.of());
  }

  /**
   * Counts without declared totals or informant descriptions.
   *
   * @param records the counts
   * @return the baseline
   */
  public static BaselineCounts of(List<BaselineRecord> records) {
    return new BaselineCounts(records, List.of(), List.of());
  }
}
