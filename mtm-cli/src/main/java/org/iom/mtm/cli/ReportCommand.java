package org.iom.mtm.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.iom.mtm.cli.report.Analysis;
import org.iom.mtm.cli.report.Catalogue;
import org.iom.mtm.cli.report.Headlines;
import org.iom.mtm.cli.report.HtmlReport;
import org.iom.mtm.cli.report.Indicators;
import org.iom.mtm.cli.report.Labels;
import org.iom.mtm.core.baseline.BaselineCounts;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.form.Question;
import org.iom.mtm.core.form.QuestionType;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.indicators.design.LonelyPsu;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.indicators.weighting.DesignWeights;
import org.iom.mtm.io.OutputFile;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ResultFormat;
import org.iom.mtm.io.baseline.BaselineReader;
import org.iom.mtm.io.plan.AnalysisPlanReader;
import org.iom.mtm.io.plan.PlannedAnalysis;
import org.iom.mtm.io.result.ResultWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mtm report}: the whole catalogue of an MTM survey and baseline, unweighted (the seed
 * report's method) and with design weights from the baseline, written as result tables and one
 * HTML page, with the headline tables in the terminal.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "The report of an MTM survey and baseline: every figure with n, a 95%% interval, a design"
            + " effect and reliability flags, unweighted (the published report's method) and"
            + " weighted by design weights from the baseline. Writes DIR/indicators.csv,"
            + " DIR/indicators.json, DIR/indicators.hxl.csv (unweighted survey and baseline),"
            + " DIR/weighted/indicators.* (weighted survey) and DIR/report.html.")
final class ReportCommand implements Callable<Integer> {

  static final class Source {
    @Option(names = "--example", paramLabel = "NAME", description = "An embedded example: kazakhstan-2023.")
    @Nullable String example;

    @ArgGroup(exclusive = false)
    @Nullable OwnData own;
  }

  static final class OwnData {
    @Option(names = "--form", required = true, paramLabel = "FORM", description = "XLSForm (.xlsx) or KoBo asset JSON.")
    @Nullable Path form;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "KoBo export: CSV, XLSX or API JSON.")
    @Nullable Path data;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source = new Source();

  @Option(names = "--baseline", paramLabel = "FILE", description = "Baseline counts (long CSV or JSON): section A and the design weights.")
  @Nullable Path baseline;

  @Option(names = "--plan", paramLabel = "PLAN.json", description = "The analyses: {\"analyses\": [{\"type\", \"variable\", \"by\": [...]}]}; default: the MTM catalogue's analyses whose variables the data have, else every question.")
  @Nullable Path plan;

  @Option(names = "--strata", defaultValue = "region", paramLabel = "V", description = "Stratum variable, the admin1 p-code the baseline counts are by (default: ${DEFAULT-VALUE}; ignored when absent).")
  String strata = "region";

  @Option(names = "--ids", defaultValue = "site", paramLabel = "V", description = "PSU variable (default: ${DEFAULT-VALUE}; ignored when absent).")
  String ids = "site";

  @Option(names = "--year", paramLabel = "YEAR", description = "Baseline year of the design weights (default: the last).")
  @Nullable Integer year;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if absent).")
  Path out;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path temp = null;
    try {
      Path formFile;
      Path dataFile;
      Path baselineFile = baseline;
      String title;
      if (source.example != null) {
        temp = Files.createTempDirectory("mtm-example");
        for (String f : List.of(ExampleFiles.FORM, ExampleFiles.SURVEY, ExampleFiles.BASELINE)) {
          Files.write(temp.resolve(f), ExampleFiles.read(source.example, f));
        }
        formFile = temp.resolve(ExampleFiles.FORM);
        dataFile = temp.resolve(ExampleFiles.SURVEY);
        if (baselineFile == null) {
          baselineFile = temp.resolve(ExampleFiles.BASELINE);
        }
        title = "MTM Kazakhstan 2023 (synthetic example " + source.example + ")";
      } else {
        OwnData own = java.util.Objects.requireNonNull(source.own);
        formFile = java.util.Objects.requireNonNull(own.form);
        dataFile = java.util.Objects.requireNonNull(own.data);
        title = "MTM report: " + dataFile.getFileName();
      }
      run(formFile, dataFile, baselineFile, title);
      return 0;
    } finally {
      if (temp != null) {
        try (Stream<Path> files = Files.walk(temp)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  private void run(Path formFile, Path dataFile, @Nullable Path baselineFile, String title) throws IOException {
    Questionnaire form = InputFiles.readForm(formFile);
    InputFiles.Survey survey = InputFiles.readSurvey(dataFile, formFile, Set.of(), Set.of());
    SurveyData data = Indicators.answerStatesAsLevels(Catalogue.derive(survey.data()));
    List<Analysis> analyses = analyses(form, data);
    BaselineCounts counts = null;
    if (baselineFile != null) {
      try {
        counts = BaselineReader.create().read(baselineFile);
      } catch (ReadException e) {
        throw new InputException(e.getMessage(), e);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        throw new InputException(baselineFile + ": " + e.getMessage(), e);
      }
    }
    boolean hasStrata = data.find(strata).isPresent();
    boolean hasIds = data.find(ids).isPresent();
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("title", title);
    meta.put("design", (hasStrata ? "strata " + strata : "no strata") + ", " + (hasIds ? "PSUs " + ids : "respondents as PSUs"));
    meta.put("weights", "none: every respondent counts once, as in the published report");
    meta.put("denominator", "those asked the question (skip logic); don't know and refused are answers of their own");
    meta.put("intervals", "95%: logit (R svyciprop) for proportions, t on the design df for means and medians");
    meta.put("deff", "against simple random sampling with replacement (R deff = \"replace\")");
    SurveyDesign unweighted = InputFiles.inFile(dataFile, () -> design(data, hasStrata, hasIds, null));
    ResultTable surveyRows = InputFiles.inFile(dataFile, () -> Indicators.survey(unweighted, analyses, meta));
    ResultTable weighted = null;
    ResultTable baselineRows = null;
    if (counts != null) {
      BaselineCounts c = counts;
      baselineRows = InputFiles.inFile(baselineFile, () -> Indicators.baseline(c));
      if (hasStrata) {
        int y = year != null ? year : lastYear(baselineRows);
        Map<String, Double> regions = Indicators.regionCounts(counts, y);
        DesignWeights w = InputFiles.inFile(baselineFile, () -> DesignWeights.of(data, List.of(strata), regions));
        Map<String, String> wmeta = new LinkedHashMap<>(meta);
        wmeta.put("weights", "design weights N_h / n_h: the baseline's " + y + " migrant workers of each " + strata
            + " over its respondents (sum " + Math.round(sum(w.weights())) + ")");
        SurveyDesign d = InputFiles.inFile(dataFile, () -> design(data, hasStrata, hasIds, w.weights()));
        weighted = InputFiles.inFile(dataFile, () -> Indicators.survey(d, analyses, wmeta));
      }
    }
    List<ResultRow> all = new ArrayList<>(surveyRows.rows());
    if (baselineRows != null) {
      all.addAll(baselineRows.rows());
    }
    ResultTable main = ResultTable.of(all, meta);
    Labels labels = Labels.of(form);
    String html = HtmlReport.html(title, analyses, surveyRows, weighted, baselineRows, labels);

    // Everything is computed: only now touch the output directory.
    Files.createDirectories(out);
    writeTables(main, out);
    if (weighted != null) {
      Files.createDirectories(out.resolve("weighted"));
      writeTables(weighted, out.resolve("weighted"));
    }
    OutputFile.write(out.resolve("report.html"), w -> w.write(html));
    List<Analysis> headline = new ArrayList<>();
    for (Analysis a : analyses) {
      if (Set.of("sex", "age", "nationality", "nationality_top5", "employment_type", "income").contains(a.variable()) || analyses.size() <= 5) {
        headline.add(a);
      }
    }
    if (headline.isEmpty()) {
      headline.addAll(analyses.subList(0, Math.min(5, analyses.size())));
    }
    spec.commandLine().getOut().print(Headlines.text(surveyRows, weighted, baselineRows, headline, labels));
    spec.commandLine().getOut().println();
    spec.commandLine().getOut().println("Written: " + out.resolve("indicators.csv") + ", indicators.json, indicators.hxl.csv"
        + (weighted == null ? "" : ", weighted/indicators.*") + ", report.html");
    spec.commandLine().getOut().flush();
  }

  private static void writeTables(ResultTable t, Path dir) {
    OutputFile.write(dir.resolve("indicators.csv"), w -> ResultWriter.write(t, ResultFormat.CSV, w));
    OutputFile.write(dir.resolve("indicators.json"), w -> ResultWriter.write(t, ResultFormat.JSON, w));
    OutputFile.write(dir.resolve("indicators.hxl.csv"), w -> ResultWriter.write(t, ResultFormat.HXL, w));
  }

  private SurveyDesign design(SurveyData data, boolean hasStrata, boolean hasIds, double @Nullable [] weights) {
    SurveyDesign.Builder b = SurveyDesign.builder(data).lonelyPsu(LonelyPsu.ADJUST);
    if (hasIds) {
      b.ids(ids);
    }
    if (hasStrata) {
      b.strata(strata);
    }
    if (weights != null) {
      b.weights(weights);
    }
    return b.build();
  }

  private List<Analysis> analyses(Questionnaire form, SurveyData data) {
    if (plan != null) {
      List<Analysis> out = new ArrayList<>();
      try {
        for (PlannedAnalysis p : AnalysisPlanReader.read(plan)) {
          out.add(new Analysis(p.section() == null ? "Analyses" : p.section(),
              p.title() == null ? p.type() + " of " + p.variable() : p.title(),
              org.iom.mtm.indicators.result.AnalysisType.ofCode(p.type()), p.variable(), p.by(), ""));
        }
      } catch (ReadException e) {
        throw new InputException(e.getMessage(), e);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        throw new InputException(plan + ": " + e.getMessage(), e);
      }
      return out;
    }
    List<Analysis> out = new ArrayList<>();
    for (Analysis a : Catalogue.kazakhstan2023()) {
      if (data.find(a.variable()).isPresent() && a.by().stream().allMatch(b -> data.find(b).isPresent())) {
        out.add(a);
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    // Not an MTM export: every select and number of the form.
    for (Question q : form.questions()) {
      if (data.find(q.name()).isEmpty() || q.name().equals(strata) || q.name().equals(ids)) {
        continue;
      }
      String type = q.type() == QuestionType.SELECT_ONE ? "prop_select_one"
          : q.type() == QuestionType.SELECT_MULTIPLE ? "prop_select_multiple"
          : q.type() == QuestionType.INTEGER || q.type() == QuestionType.DECIMAL ? "mean" : null;
      if (type != null) {
        out.add(Analysis.of("Analyses", Labels.of(form).variable(q.name()), type, q.name()));
      }
    }
    if (out.isEmpty()) {
      throw new InputException("no analysable question (select_one, select_multiple, integer, decimal) in the form and data");
    }
    return out;
  }

  private static int lastYear(ResultTable baseline) {
    int last = Integer.MIN_VALUE;
    for (ResultRow r : baseline.rows()) {
      if (r.analysisType() == org.iom.mtm.indicators.result.AnalysisType.COUNT && r.analysisVarValue() != null) {
        last = Math.max(last, Integer.parseInt(r.analysisVarValue()));
      }
    }
    return last;
  }

  private static double sum(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v;
    }
    return s;
  }
}
