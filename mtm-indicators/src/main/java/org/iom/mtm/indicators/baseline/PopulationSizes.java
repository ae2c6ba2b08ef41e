package org.iom.mtm.indicators.baseline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.baseline.BaselineRecord;
import org.jspecify.annotations.Nullable;

/**
 * Population sizes from a baseline, for sampling and weighting: one population category, one
 * year (the latest unless given), informants reconciled, summed by one or more dimensions (the
 * strata). Keys are the dimensions' values (p-codes, alpha-3 codes) joined with {@code " %/% "},
 * in sorted order.
 *
 * @param category the population counted
 * @param year the year counted
 * @param dimensions the strata dimensions
 * @param sizes the population size of each stratum, by key
 */
public record PopulationSizes(
    PopulationCategory category, int year, List<BaselineDimension> dimensions, Map<String, Double> sizes) {

  /** Copies. */
  public PopulationSizes {
    dimensions = List.copyOf(dimensions);
    sizes = Collections.unmodifiableMap(new TreeMap<>(sizes));
  }

  /**
   * Sums the reconciled counts.
   *
   * @param records the baseline records
   * @param category the population category
   * @param year the year, or null for the latest year with counts of the category
   * @param dimensions the strata dimensions, at least one
   * @param reconciler how informants' counts are reconciled
   * @return the sizes
   * @throws IllegalArgumentException naming the category or year when there are no counts
   */
  public static PopulationSizes of(
      List<BaselineRecord> records,
      PopulationCategory category,
      @Nullable Integer year,
      List<BaselineDimension> dimensions,
      InformantReconciler reconciler) {
    if (dimensions.isEmpty()) {
      throw new IllegalArgumentException("no strata dimensions given");
    }
    List<BaselineRecord> kept = new ArrayList<>();
    int latest = Integer.MIN_VALUE;
    for (BaselineRecord r : records) {
      if (r.populationCategory() == category) {
        kept.add(r);
        latest = Math.max(latest, r.year());
      }
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("no " + category.code() + " counts in the baseline");
    }
    int y = year != null ? year : latest;
    Map<String, Double> sizes = new TreeMap<>();
    for (ReconciledCell c : reconciler.reconcile(kept)) {
      if (c.year() == y) {
        List<String> key = new ArrayList<>(dimensions.size());
        for (BaselineDimension d : dimensions) {
          key.add(d.valueOf(c));
        }
        sizes.merge(String.join(" %/% ", key), c.value(), Double::sum);
      }
    }
    if (sizes.isEmpty()) {
      throw new IllegalArgumentException("no " + category.code() + " counts for year " + y);
    }
    return new PopulationSizes(category, y, dimensions, sizes);
  }
}
