package org.iom.mtm.indicators.samplesize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.jspecify.annotations.Nullable;

/**
 * A stratified sample plan for a proportion: the total sample and its allocation over strata.
 *
 * @param total the sample size of the whole population (its steps), or, when each stratum is
 *     sized for its own precision, the sum of the strata's sizes with the steps of the first
 * @param allocation the method, or null when each stratum is sized for its own precision
 * @param strata the strata
 * @param sizes the sample size of each stratum, in the order of {@code strata}, summing to the
 *     total
 * @param perStratum the steps of each stratum's own calculation when sized for its own precision,
 *     else empty
 * @param minPerStratum the minimum per stratum applied
 */
public record SamplePlan(
    ProportionSampleSize total,
    @Nullable Allocation allocation,
    List<Stratum> strata,
    List<Long> sizes,
    List<ProportionSampleSize> perStratum,
    long minPerStratum) {

  /** Copies the lists. */
  public SamplePlan {
    strata = List.copyOf(strata);
    sizes = List.copyOf(sizes);
    perStratum = List.copyOf(perStratum);
  }

  /**
   * Sizes the whole population for the precision asked (N = the strata's summed population) and
   * allocates that total over the strata.
   *
   * @param marginOfError the half-width of the interval
   * @param level the confidence level
   * @param p the anticipated proportion
   * @param deff the anticipated design effect
   * @param responseRate the expected response rate
   * @param strata the strata with their population sizes
   * @param allocation how to divide the total
   * @param minPerStratum the minimum per stratum (0 for none)
   * @return the plan
   * @throws IllegalArgumentException naming the parameter when out of range
   */
  public static SamplePlan allocated(
      double marginOfError,
      double level,
      double p,
      double deff,
      double responseRate,
      List<Stratum> strata,
      Allocation allocation,
      long minPerStratum) {
    long population = strata.stream().mapToLong(Stratum::populationSize).sum();
    ProportionSampleSize size =
        ProportionSampleSize.of(marginOfError, level, p, deff, responseRate, population);
    long n = Math.max(size.sampleSize(), Math.min(population, minimaOf(strata, minPerStratum)));
    long[] parts = allocation.allocate(n, strata, minPerStratum);
    return new SamplePlan(size, allocation, strata, boxed(parts), List.of(), minPerStratum);
  }

  /**
   * Sizes each stratum for the precision asked within it (its own finite population correction),
   * then raises strata below the minimum.
   *
   * @param marginOfError the half-width of the interval within each stratum
   * @param level the confidence level
   * @param p the anticipated proportion (a stratum's own p, through {@link Stratum#sd()}, is not
   *     used here: the same p everywhere)
   * @param deff the anticipated design effect
   * @param responseRate the expected response rate
   * @param strata the strata with their population sizes
   * @param minPerStratum the minimum per stratum (0 for none)
   * @return the plan
   */
  public static SamplePlan perStratumPrecision(
      double marginOfError,
      double level,
      double p,
      double deff,
      double responseRate,
      List<Stratum> strata,
      long minPerStratum) {
    if (strata.isEmpty()) {
      throw new IllegalArgumentException("no strata to size");
    }
    List<ProportionSampleSize> each = new ArrayList<>();
    long[] parts = new long[strata.size()];
    for (int i = 0; i < strata.size(); i++) {
      Stratum s = strata.get(i);
      ProportionSampleSize own =
          ProportionSampleSize.of(marginOfError, level, p, deff, responseRate, s.populationSize());
      each.add(own);
      parts[i] = Math.min(s.populationSize(), Math.max(own.sampleSize(), minPerStratum));
    }
    return new SamplePlan(each.get(0), null, strata, boxed(parts), each, minPerStratum);
  }

  private static long minimaOf(List<Stratum> strata, long min) {
    long sum = 0;
    for (Stratum s : strata) {
      sum += Math.min(min, s.populationSize());
    }
    return sum;
  }

  private static List<Long> boxed(long[] parts) {
    List<Long> l = new ArrayList<>(parts.length);
    for (long v : parts) {
      l.add(v);
    }
    return l;
  }

  /**
   * The planned total: the sum of the strata's sizes.
   *
   * @return the total sample size
   */
  public long totalSize() {
    return sizes.stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The plan as result-table rows: a total row (no group) and one row per stratum, {@code
   * analysis_type} {@code sample_size}, {@code stat} the sample size, {@code n_w} and {@code
   * n_w_total} the population sizes of the stratum and of all strata. The metadata record the
   * parameters and every step of the calculation.
   *
   * @param strataVariable the name of the stratification variable ({@code group_var})
   * @return the table
   */
  public ResultTable toResultTable(String strataVariable) {
    long population = strata.stream().mapToLong(Stratum::populationSize).sum();
    long n = totalSize();
    List<ResultRow> rows = new ArrayList<>();
    rows.add(row(List.of(), List.of(), n, n, population, population));
    for (int i = 0; i < strata.size(); i++) {
      rows.add(
          row(List.of(strataVariable), List.of(strata.get(i).name()), sizes.get(i), n,
              strata.get(i).populationSize(), population));
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("margin_of_error", ResultTable.number(total.marginOfError()));
    meta.put("level", ResultTable.number(total.level()));
    meta.put("p", ResultTable.number(total.p()));
    meta.put("deff", ResultTable.number(total.deff()));
    meta.put("response_rate", ResultTable.number(total.responseRate()));
    meta.put("allocation", allocation == null ? "per_stratum_precision" : allocation.name().toLowerCase(Locale.ROOT));
    meta.put("min_per_stratum", Long.toString(minPerStratum));
    if (allocation != null) {
      meta.put("population", Long.toString(population));
      meta.put("z", ResultTable.number(total.z()));
      meta.put("n0", ResultTable.number(total.n0()));
      meta.put("n_deff", ResultTable.number(total.withDeff()));
      meta.put("n_fpc", ResultTable.number(total.withFpc()));
      meta.put("n_response", ResultTable.number(total.withResponse()));
    }
    return ResultTable.of(rows, meta);
  }

  private static ResultRow row(
      List<String> groupVars, List<String> groupValues, long size, long n, long pop, long popTotal) {
    return new ResultRow(
        AnalysisType.SAMPLE_SIZE, "sample_size", null, groupVars, groupValues, (double) size,
        null, null, null, null, null, size, n, (double) pop, (double) popTotal, Set.of());
  }
}
