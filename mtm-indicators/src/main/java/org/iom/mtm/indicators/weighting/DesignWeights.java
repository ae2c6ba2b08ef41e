package org.iom.mtm.indicators.weighting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iom.mtm.core.data.SurveyData;
import org.jspecify.annotations.Nullable;

/**
 * Design weights from baseline counts: in each stratum (a baseline cell such as admin1 x
 * nationality) every respondent stands for {@code w = N_h / n_h} people, the baseline count over
 * the respondents. Weights of two stages multiply ({@link #times(DesignWeights)}). Immutable.
 *
 * <p>A stratum with respondents but no (or a zero) baseline count is an error naming every such
 * stratum; baseline cells without respondents are reported as coverage gaps: their population is
 * not represented, and the weights add up to less than the baseline total.
 */
public final class DesignWeights {
  private final double[] weights;
  private final WeightingReport report;

  private DesignWeights(double[] weights, WeightingReport report) {
    this.weights = weights;
    this.report = report;
  }

  /**
   * Design weights on arrays.
   *
   * @param strata the strata of the sample, distinct labels
   * @param codes per respondent, an index into {@code strata}
   * @param baselineCounts the baseline count {@code N_h} of each cell, finite and non-negative
   * @return the weights and their audit
   * @throws IllegalArgumentException naming the strata with respondents but no baseline count, or a
   *     bad code or count
   */
  public static DesignWeights of(List<String> strata, int[] codes, Map<String, ? extends Number> baselineCounts) {
    return of(strata, codes, null, baselineCounts, "respondents");
  }

  /**
   * First-stage design weights of a cluster sample: in each stratum {@code w = M_h / m_h}, the
   * baseline number of clusters (settlements, sites) over the clusters sampled; every respondent
   * of a cluster gets its cluster's weight. Multiply by the second stage's weights with {@link
   * #times(DesignWeights)}.
   *
   * @param strata the strata of the sample, distinct labels
   * @param codes per respondent, an index into {@code strata}
   * @param clusters per respondent, a code of its cluster (unique across strata)
   * @param clusterCounts the baseline number of clusters {@code M_h} of each stratum
   * @return the weights and their audit ({@code n_h} counts clusters)
   * @throws IllegalArgumentException naming the strata without a count, a bad code, or a cluster
   *     in two strata
   */
  public static DesignWeights ofClusters(
      List<String> strata, int[] codes, int[] clusters, Map<String, ? extends Number> clusterCounts) {
    if (clusters.length != codes.length) {
      throw new IllegalArgumentException(
          "design weights: " + clusters.length + " cluster codes for " + codes.length + " respondents");
    }
    return of(strata, codes, clusters, clusterCounts, "clusters");
  }

  private static DesignWeights of(
      List<String> strata, int[] codes, int @Nullable [] clusters, Map<String, ? extends Number> baselineCounts,
      String unitName) {
    if (codes.length == 0) {
      throw new IllegalArgumentException("design weights: no respondents");
    }
    int k = strata.size();
    int[] n = new int[k];
    Map<Integer, Integer> clusterStratum = new HashMap<>();
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 0 || codes[i] >= k) {
        throw new IllegalArgumentException("design weights: stratum code " + codes[i] + " of respondent " + i + " is outside the " + k + " strata");
      }
      if (clusters == null) {
        n[codes[i]]++;
      } else {
        Integer h = clusterStratum.putIfAbsent(clusters[i], codes[i]);
        if (h == null) {
          n[codes[i]]++;
        } else if (h != codes[i]) {
          throw new IllegalArgumentException("design weights: cluster " + clusters[i] + " is in strata '"
              + strata.get(h) + "' and '" + strata.get(codes[i]) + "'");
        }
      }
    }
    for (Map.Entry<String, ? extends Number> e : baselineCounts.entrySet()) {
      double v = e.getValue().doubleValue();
      if (!Double.isFinite(v) || v < 0) {
        throw new IllegalArgumentException("baseline count " + v + " of '" + e.getKey() + "' is not a finite non-negative number");
      }
    }
    List<String> missing = new ArrayList<>();
    double[] wh = new double[k];
    List<StratumAudit> audit = new ArrayList<>();
    for (int h = 0; h < k; h++) {
      if (n[h] == 0) {
        continue;
      }
      Number count = baselineCounts.get(strata.get(h));
      if (count == null || count.doubleValue() == 0) {
        missing.add(strata.get(h) + " (" + n[h] + " " + unitName + (count == null ? "" : ", baseline count 0") + ")");
        continue;
      }
      wh[h] = count.doubleValue() / n[h];
      audit.add(new StratumAudit(strata.get(h), count.doubleValue(), n[h], wh[h]));
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("strata with respondents but no baseline count: " + String.join("; ", missing));
    }
    List<CoverageGap> gaps = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (int h = 0; h < k; h++) {
      index.put(strata.get(h), h);
    }
    for (Map.Entry<String, ? extends Number> e : baselineCounts.entrySet()) {
      int h = index.getOrDefault(e.getKey(), -1);
      if ((h < 0 || n[h] == 0) && e.getValue().doubleValue() > 0) {
        gaps.add(new CoverageGap(e.getKey(), e.getValue().doubleValue()));
      }
    }
    double[] w = new double[codes.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = wh[codes[i]];
    }
    List<String> warnings = new ArrayList<>();
    if (!gaps.isEmpty()) {
      double uncovered = 0;
      for (CoverageGap g : gaps) {
        uncovered += g.populationCount();
      }
      warnings.add(String.format(Locale.ROOT,
          "%d baseline cells without respondents (population %s) are not represented by the weights",
          gaps.size(), Json.number(uncovered)));
    }
    WeightSummary s = WeightSummary.of(w);
    WeightingReport report = new WeightingReport("design weights",
        clusters == null ? "w = N_h / n_h" : "w = M_h / m_h (clusters)", 1, true, List.of(),
        List.of(), s, s, 0, audit, gaps, warnings);
    return new DesignWeights(w, report);
  }

  /**
   * Design weights with strata defined by variables of the data: one stratum per value, or per
   * crossing of values ({@code admin1 %/% nationality}, the values joined with {@code " %/% "}).
   *
   * @param data the survey data
   * @param strata the stratum variables
   * @param baselineCounts the baseline count of each cell, keyed as the strata are labelled
   * @return the weights and their audit
   * @throws IllegalArgumentException naming the strata without a baseline count, or the row of a
   *     respondent without a stratum
   */
  public static DesignWeights of(SurveyData data, List<String> strata, Map<String, ? extends Number> baselineCounts) {
    Cells cells = Cells.of(data, strata);
    return of(cells.labels(), cells.codes(), baselineCounts);
  }

  /**
   * The weights of a two-stage design: this stage's weight times the next stage's, respondent by
   * respondent; the audits and gaps of both stages are kept.
   *
   * @param nextStage the weights of the next stage for the same respondents
   * @return the product
   * @throws IllegalArgumentException when the respondent counts differ
   */
  public DesignWeights times(DesignWeights nextStage) {
    if (nextStage.weights.length != weights.length) {
      throw new IllegalArgumentException(
          "stage weights for " + nextStage.weights.length + " respondents, this stage has " + weights.length);
    }
    double[] w = new double[weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights[i] * nextStage.weights[i];
    }
    List<StratumAudit> audit = new ArrayList<>(report.strata());
    audit.addAll(nextStage.report.strata());
    List<CoverageGap> gaps = new ArrayList<>(report.coverageGaps());
    gaps.addAll(nextStage.report.coverageGaps());
    List<String> warnings = new ArrayList<>(report.warnings());
    warnings.addAll(nextStage.report.warnings());
    WeightSummary s = WeightSummary.of(w);
    String settings = report.settings() + " x " + nextStage.report.settings();
    return new DesignWeights(w, new WeightingReport("design weights", settings, 1, true, List.of(), List.of(),
        s, s, 0, audit, gaps, warnings));
  }

  /**
   * The weights.
   *
   * @return a copy, one per respondent
   */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * The audit: {@code N_h}, {@code n_h} and {@code w} per stratum, the coverage gaps, the spread.
   *
   * @return the report
   */
  public WeightingReport report() {
    return report;
  }
}
