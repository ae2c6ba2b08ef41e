package org.iom.mtm.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.baseline.BaselineCounts;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.indicators.baseline.BaselineAnalysis;
import org.iom.mtm.indicators.baseline.BaselineDimension;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.disclosure.Disclosure;
import org.iom.mtm.indicators.disclosure.ReliabilityStandard;
import org.iom.mtm.indicators.estimate.ConfidenceInterval;
import org.iom.mtm.indicators.estimate.DesignEffect;
import org.iom.mtm.indicators.estimate.Estimation;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;

/**
 * The estimates of a report: the survey analyses on a design, with intervals, design effects and
 * reliability flags; and the baseline's totals, shares and growth.
 */
public final class Indicators {
  private Indicators() {}

  /** The level that stands for "don't know" once it is an answer of its own (KoBo's code). */
  public static final String DONT_KNOW = "dnk";

  /** The level that stands for a refusal once it is an answer of its own (KoBo's code). */
  public static final String REFUSED = "pnta";

  /**
   * The report's denominators: "don't know" and "refused" to a select_one are answers of their
   * own, counted among those asked (as the report prints them: health access yes 68%, no 16%,
   * don't know 16%). Each categorical column with such states gets the levels {@value #DONT_KNOW}
   * and {@value #REFUSED}; not asked and missing stay what they are.
   *
   * @param data the survey data
   * @return the data with those columns rebuilt
   */
  public static SurveyData answerStatesAsLevels(SurveyData data) {
    List<Column> columns = new ArrayList<>();
    for (Column c : data.columns()) {
      if (c instanceof CategoricalColumn cat && hasSpecialAnswers(cat)) {
        List<String> levels = new ArrayList<>(cat.levels());
        int dnk = levels.indexOf(DONT_KNOW);
        if (dnk < 0) {
          levels.add(DONT_KNOW);
          dnk = levels.size() - 1;
        }
        int refused = levels.indexOf(REFUSED);
        if (refused < 0) {
          levels.add(REFUSED);
          refused = levels.size() - 1;
        }
        CategoricalColumn.Builder b = CategoricalColumn.builder(cat.name(), levels);
        for (int i = 0; i < cat.size(); i++) {
          AnswerState s = cat.state(i);
          switch (s) {
            case ANSWERED -> b.add(cat.code(i));
            case DONT_KNOW -> b.add(dnk);
            case REFUSED -> b.add(refused);
            default -> b.addState(s);
          }
        }
        columns.add(b.build());
      } else {
        columns.add(c);
      }
    }
    return SurveyData.of(columns);
  }

  private static boolean hasSpecialAnswers(CategoricalColumn c) {
    for (int i = 0; i < c.size(); i++) {
      if (c.state(i) == AnswerState.DONT_KNOW || c.state(i) == AnswerState.REFUSED) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs the analyses on a design in as few passes as there are distinct by-variable lists:
   * proportions with R's logit interval ({@code svyciprop}), means and medians with the t interval
   * on the design's degrees of freedom; design effects against simple random sampling with replacement; missing
   * values of a numeric variable set aside; every row flagged by the NCHS and 30/30 standards.
   *
   * @param design the design
   * @param analyses the analyses
   * @param meta metadata for the table (the weighting, say)
   * @return the rows, analysis by analysis, overall before the domains
   * @throws IllegalArgumentException naming the variable when it is absent or of the wrong kind
   */
  public static ResultTable survey(SurveyDesign design, List<Analysis> analyses, Map<String, String> meta) {
    Map<String, ResultRow> byKey = new LinkedHashMap<>();
    Set<String> order = new LinkedHashSet<>();
    Map<List<Object>, List<Analysis>> runs = new LinkedHashMap<>();
    for (Analysis a : analyses) {
      boolean prop = a.type() == AnalysisType.PROP_SELECT_ONE || a.type() == AnalysisType.PROP_SELECT_MULTIPLE;
      runs.computeIfAbsent(List.of(a.by(), prop), k -> new ArrayList<>()).add(a);
    }
    Map<String, List<ResultRow>> rowsOf = new LinkedHashMap<>();
    for (Map.Entry<List<Object>, List<Analysis>> run : runs.entrySet()) {
      List<Analysis> batch = run.getValue();
      boolean prop = (Boolean) run.getKey().get(1);
      // Against SRS with replacement (R's deff = "replace"): unweighted, the weights add up to n,
      // and the without-replacement reference would be a sample of the whole population.
      Estimation e = Estimation.of(design).naRm(true).deff(DesignEffect.SRSWR)
          .ci(prop ? ConfidenceInterval.LOGIT : ConfidenceInterval.T);
      for (Analysis a : batch) {
        switch (a.type()) {
          case MEAN -> e.mean(a.variable());
          case MEDIAN -> e.median(a.variable());
          case PROP_SELECT_ONE -> e.prop(a.variable());
          case PROP_SELECT_MULTIPLE -> e.multi(a.variable());
          default -> throw new IllegalArgumentException("analysis type " + a.type().code() + " of " + a.variable());
        }
      }
      List<String> by = batch.get(0).by();
      if (!by.isEmpty()) {
        e.by(by.toArray(String[]::new)).overall();
      }
      for (ResultRow r : e.run().rows()) {
        rowsOf.computeIfAbsent(r.analysisType().code() + "|" + r.analysisVar() + "|" + String.join(",", by), k -> new ArrayList<>()).add(r);
      }
    }
    for (Analysis a : analyses) {
      for (ResultRow r : rowsOf.getOrDefault(a.type().code() + "|" + a.variable() + "|" + String.join(",", a.by()), List.of())) {
        if (order.add(r.analysisKey())) {
          byKey.put(r.analysisKey(), r);
        }
      }
    }
    return Disclosure.flag(ResultTable.of(new ArrayList<>(byKey.values()), meta), ReliabilityStandard.DEFAULT);
  }

  /**
   * The baseline's figures for migrant workers: country totals by year with growth, CAGR and
   * index; the top five nationalities and regions (the rest as "Other") with shares and growth;
   * every rayon's counts (the report's Map 2).
   *
   * @param counts the key informants' counts
   * @return the rows, in that order
   */
  public static ResultTable baseline(BaselineCounts counts) {
    BaselineAnalysis base = BaselineAnalysis.create().populationType(PopulationCategory.MIGRANT_WORKER);
    List<ResultRow> rows = new ArrayList<>(base.analyse(counts).rows());
    rows.addAll(base.by(BaselineDimension.NATIONALITY).top(5).analyse(counts).rows());
    rows.addAll(base.by(BaselineDimension.ADMIN1).top(5).analyse(counts).rows());
    for (ResultRow r : base.by(BaselineDimension.ADMIN2).analyse(counts).rows()) {
      if (r.analysisType() == AnalysisType.COUNT) {
        rows.add(r);
      }
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("population_type", "migrant_worker");
    meta.put("reconciliation", "median of the key informants");
    meta.put("count", "the stock present in each year, as reported by key informants (not a sum over years)");
    return ResultTable.of(rows, meta);
  }

  /**
   * The baseline's migrant workers of one year by region, for design weights.
   *
   * @param counts the key informants' counts
   * @param year the year
   * @return admin1 p-code to count
   */
  public static Map<String, Double> regionCounts(BaselineCounts counts, int year) {
    Map<String, Double> out = new LinkedHashMap<>();
    ResultTable t = BaselineAnalysis.create().populationType(PopulationCategory.MIGRANT_WORKER)
        .by(BaselineDimension.ADMIN1).from(year).to(year).analyse(counts);
    for (ResultRow r : t.rows()) {
      if (r.analysisType() == AnalysisType.COUNT && r.stat() != null) {
        out.put(r.groupValues().get(0), r.stat());
      }
    }
    return out;
  }
}
