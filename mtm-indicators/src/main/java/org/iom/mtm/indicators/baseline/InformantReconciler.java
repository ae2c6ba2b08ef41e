package org.iom.mtm.indicators.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.baseline.BaselineRecord;

/**
 * Reconciles the key informants who report on the same cell (rayon, population category,
 * nationality, year) into one count, and flags their disagreement.
 *
 * <p>Informants disagree when the largest count exceeds the smallest by more than the configured
 * ratio ({@code max / min > ratio}); a zero beside a positive count is always a disagreement. A
 * single report never disagrees.
 */
public final class InformantReconciler {

  /** The default disagreement ratio: one informant counts more than twice another. */
  public static final double DEFAULT_DISAGREEMENT_RATIO = 2.0;

  /** Orders cells by their coordinates, so that results do not depend on the order of the rows. */
  static final Comparator<CellKey> KEY_ORDER =
      Comparator.comparing(CellKey::category)
          .thenComparing(CellKey::admin2)
          .thenComparing(CellKey::nationality)
          .thenComparingInt(CellKey::year);

  private final Reconciliation method;
  private final double disagreementRatio;

  private InformantReconciler(Reconciliation method, double disagreementRatio) {
    this.method = method;
    this.disagreementRatio = disagreementRatio;
  }

  /**
   * A reconciler by the median, flagging a ratio above {@value #DEFAULT_DISAGREEMENT_RATIO}.
   *
   * @return the reconciler
   */
  public static InformantReconciler create() {
    return new InformantReconciler(Reconciliation.MEDIAN, DEFAULT_DISAGREEMENT_RATIO);
  }

  /**
   * A reconciler.
   *
   * @param method how several counts become one
   * @param disagreementRatio the ratio {@code max / min} above which informants disagree, at
   *     least 1
   * @return the reconciler
   * @throws IllegalArgumentException naming the value when the ratio is below 1 or not finite
   */
  public static InformantReconciler of(Reconciliation method, double disagreementRatio) {
    Objects.requireNonNull(method, "method");
    if (!(disagreementRatio >= 1) || !Double.isFinite(disagreementRatio)) {
      throw new IllegalArgumentException(
          "disagreement ratio must be a finite number of at least 1, got " + disagreementRatio);
    }
    return new InformantReconciler(method, disagreementRatio);
  }

  /**
   * The reconciliation method.
   *
   * @return the method
   */
  public Reconciliation method() {
    return method;
  }

  /**
   * The disagreement ratio.
   *
   * @return {@code max / min} above which informants disagree
   */
  public double disagreementRatio() {
    return disagreementRatio;
  }

  /**
   * Whether some counts disagree: {@code max / min} above the ratio, or a zero beside a positive
   * count.
   *
   * @param min the smallest count
   * @param max the largest count
   * @return true when they disagree
   */
  public boolean disagree(double min, double max) {
    if (max <= 0) {
      return false;
    }
    return min <= 0 || max / min > disagreementRatio;
  }

  /**
   * Reconciles records into one cell per (rayon, population category, nationality, year).
   *
   * @param records the informants' records, in any order
   * @return the cells ordered by population category, rayon, nationality and year
   * @throws IllegalArgumentException naming the values when one informant reports twice on a cell
   *     or a rayon is placed in two regions
   */
  public List<ReconciledCell> reconcile(Collection<BaselineRecord> records) {
    Map<CellKey, List<BaselineRecord>> byCell = new TreeMap<>(KEY_ORDER);
    Map<String, String> regionOfRayon = new HashMap<>();
    for (BaselineRecord r : records) {
      String region = regionOfRayon.putIfAbsent(r.admin2Pcode(), r.admin1Pcode());
      if (region != null && !region.equals(r.admin1Pcode())) {
        String[] both = {region, r.admin1Pcode()};
        Arrays.sort(both);
        throw new IllegalArgumentException(
            "rayon " + r.admin2Pcode() + " is placed in two regions: " + both[0] + " and " + both[1]);
      }
      byCell
          .computeIfAbsent(
              new CellKey(r.populationCategory(), r.admin2Pcode(), r.nationality(), r.year()),
              k -> new ArrayList<>())
          .add(r);
    }
    List<ReconciledCell> cells = new ArrayList<>(byCell.size());
    for (Map.Entry<CellKey, List<BaselineRecord>> e : byCell.entrySet()) {
      CellKey k = e.getKey();
      List<BaselineRecord> reports = e.getValue();
      Set<String> informants = new HashSet<>();
      double[] counts = new double[reports.size()];
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < counts.length; i++) {
        BaselineRecord r = reports.get(i);
        if (r.informantId() != null && !informants.add(r.informantId())) {
          throw new IllegalArgumentException(
              "informant '" + r.informantId() + "' reports twice on " + k.describe());
        }
        counts[i] = r.count();
        min = Math.min(min, counts[i]);
        max = Math.max(max, counts[i]);
      }
      cells.add(
          new ReconciledCell(
              regionOfRayon.get(k.admin2()),
              k.admin2(),
              k.category(),
              k.nationality(),
              k.year(),
              method.reconcile(counts),
              min,
              max,
              counts.length,
              counts.length > 1 && disagree(min, max)));
    }
    return List.copyOf(cells);
  }

  /** The coordinates of a cell. */
  record CellKey(PopulationCategory category, String admin2, String nationality, int year) {
    String describe() {
      return admin2 + " / " + category.code() + " / " + nationality + " / " + year;
    }
  }
}
